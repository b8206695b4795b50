"""Help pages shipped with the plugin: one per dialog, in English and Indonesian."""

import importlib
import os
import pkgutil
import re
from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QPushButton

import paser_smartcity_plugin.gui
from paser_smartcity_plugin.toolbelt.help import HELP_DIR, LANGUAGES, help_path


def topics() -> list:
    """Every topic that has a page (in at least one language)."""
    return sorted({name.split(".")[0] for name in os.listdir(HELP_DIR) if name.endswith(".html")})


def _gui_help_topics():
    found = {}
    for module in pkgutil.iter_modules(paser_smartcity_plugin.gui.__path__):
        loaded = importlib.import_module(f"paser_smartcity_plugin.gui.{module.name}")
        if hasattr(loaded, "HELP_TOPIC"):
            found[module.name] = loaded.HELP_TOPIC
    return found


def test_every_dialog_has_a_page_in_both_languages():
    gui_topics = _gui_help_topics()
    assert {"settings_page", "dashboard", "register_dialog", "sync_dialogs", "telkom"} <= set(gui_topics)
    for topic in set(gui_topics.values()) | set(topics()):
        for lang in LANGUAGES:
            path = Path(HELP_DIR) / f"{topic}.{lang}.html"
            assert path.exists(), f"missing help page {path.name}"
            text = path.read_text(encoding="utf-8")
            assert f'lang="{lang}"' in text
            # each page links to its other language
            other = [o for o in LANGUAGES if o != lang][0]
            assert f'href="{topic}.{other}.html"' in text
            assert re.search(r"<h1>.+</h1>", text)


def test_language_fallback():
    assert help_path("dashboard", "id").endswith("dashboard.id.html")
    assert help_path("dashboard", "fr").endswith("dashboard.en.html")


def test_every_algorithm_has_translated_names_and_help(plugin):
    provider = QgsApplication.processingRegistry().providerById("paser_smartcity")
    for algorithm in provider.algorithms():
        assert algorithm.displayName()
        assert algorithm.group()
        assert len(algorithm.shortHelpString()) > 40, algorithm.id()


def _dialog(name, plugin, workspace_path):
    """One dialog of the register, sync and Telkom features, on a demo workspace."""
    import os

    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
    from paser_smartcity_plugin.gui.sync_dialogs import ConflictsDialog, HistoryDialog, SyncDialog
    from paser_smartcity_plugin.gui.telkom import ExportDialog

    os.makedirs(os.path.dirname(workspace_path), exist_ok=True)
    create_workspace(workspace_path, demo_rows())
    if name == "register":
        plugin.register_action.trigger()
        return plugin.register_dialog
    factories = {
        "sync": lambda: SyncDialog("", ""),
        "conflicts": lambda: ConflictsDialog(Workspace(workspace_path)),
        "history": lambda: HistoryDialog(Workspace(workspace_path)),
        "telkom_export": ExportDialog,
    }
    return factories[name]()


@pytest.mark.parametrize(
    "name, topic",
    [
        ("register", "register"),
        ("sync", "sync"),
        ("conflicts", "sync"),
        ("history", "sync"),
        ("telkom_export", "telkom"),
    ],
)
def test_feature_dialogs_have_a_help_button_opening_their_page(plugin, workspace_path, name, topic, opened_urls):
    dialog = _dialog(name, plugin, workspace_path)
    try:
        assert dialog.help_button.text() == "Help"
        dialog.help_button.click()
    finally:
        dialog.close()
    (url,) = opened_urls
    assert url.toLocalFile().endswith(f"help/{topic}.en.html")


# ------------------------------------------------------------ issue 13: help that always opens


def test_plugin_menu_help_opens_the_index(plugin, opened_urls):
    texts = [a.text() for a in plugin.menu.actions()]
    assert texts[-1] == "Help"  # last, after a separator, where QGIS users look for it
    plugin.help_action.trigger()
    (url,) = opened_urls
    assert url.toLocalFile().endswith("help/index.en.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_index_links_every_topic_and_every_page_links_back(lang):
    index = (Path(HELP_DIR) / f"index.{lang}.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="([a-z_]+)\.' + lang + r'\.html"', index))
    assert linked == set(topics()) - {"index"}
    for topic in linked:
        page = (Path(HELP_DIR) / f"{topic}.{lang}.html").read_text(encoding="utf-8")
        assert f'href="index.{lang}.html"' in page, topic


def test_without_a_browser_the_page_opens_inside_qgis(plugin):
    """The offscreen platform, like a desktop without a handler for files, starts no browser."""
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtGui import QDesktopServices

    from paser_smartcity_plugin.toolbelt.help import help_viewer

    assert not QDesktopServices.openUrl(QUrl.fromLocalFile(help_path("index")))
    plugin.help_action.trigger()
    viewer = help_viewer()
    assert viewer.isVisible()
    assert viewer.browser.source().toLocalFile().endswith("help/index.en.html")
    assert "Register coordinates" in viewer.browser.toPlainText()
    assert help_path("index") in viewer.where.text()  # and the officer is told where the file is
    # the links between pages work inside the viewer
    viewer.browser.setSource(viewer.browser.source().resolved(QUrl("register.en.html")))
    assert viewer.browser.documentTitle() == "Paser Smart City — Register coordinates"
    assert help_path("register") in viewer.where.text()
    # a dialog's Help button gets the same
    plugin.register_action.trigger()
    plugin.register_dialog.help_button.click()
    assert viewer.browser.source().toLocalFile().endswith("help/register.en.html")
    plugin.register_dialog.close()
    plugin.unload()  # the viewer goes with the plugin
    assert not viewer.isVisible()
    plugin.initGui()  # for the fixture's own unload


def test_options_page_has_one_help_button(qgis_iface, opened_urls):
    """QGIS Options (a list of pages and one button box with Help) showing the plugin's page."""
    from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QStackedWidget, QVBoxLayout, QWidget

    from paser_smartcity_plugin.gui.settings_page import SettingsPage

    options = QDialog()
    pages = QStackedWidget(options)
    qgis_page, page = QWidget(), SettingsPage()
    pages.addWidget(qgis_page)
    pages.addWidget(page)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Help
    )
    layout = QVBoxLayout(options)
    layout.addWidget(pages)
    layout.addWidget(box)
    options.show()
    qgis_help = box.button(QDialogButtonBox.StandardButton.Help)
    assert qgis_help.isVisible()  # QGIS's own pages keep QGIS's Help
    pages.setCurrentWidget(page)
    helps = [b for b in options.findChildren(QPushButton) if b.isVisible() and b.text().replace("&", "") == "Help"]
    assert helps == [page.help_button]
    page.help_button.click()
    assert opened_urls[-1].toLocalFile().endswith("help/settings.en.html")
    pages.setCurrentWidget(qgis_page)
    assert qgis_help.isVisible()
    assert not page.help_button.isVisible()
    options.close()
