"""Help pages shipped with the plugin: one per dialog, in English and Indonesian."""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from qgis.core import QgsApplication

import paser_smartcity_plugin.gui
from paser_smartcity_plugin.toolbelt.help import HELP_DIR, LANGUAGES, help_path, topics


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
        assert algorithm.displayName() and algorithm.group()
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
