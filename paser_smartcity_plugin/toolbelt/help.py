"""Help pages shipped with the plugin (help/<topic>.<lang>.html), opened in the browser.

Every dialog and dock has a Help button that calls :func:`open_help` with its topic; the
page follows QGIS's language and falls back to English.
"""

import os

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDialogButtonBox, QPushButton

from .i18n import language, tr

HELP_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "help")
LANGUAGES = ("en", "id")


def help_path(topic: str, lang: str = "") -> str:
    """The page for ``topic`` in ``lang`` (default: QGIS's language), else the English one."""
    for candidate in (lang or language(), "en"):
        path = os.path.join(HELP_DIR, f"{topic}.{candidate}.html")
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"no help page for {topic!r} in {HELP_DIR}")


def help_url(topic: str, lang: str = "") -> QUrl:
    return QUrl.fromLocalFile(help_path(topic, lang))


def open_help(topic: str) -> bool:
    """Open the page with the desktop's browser; False when the desktop could not."""
    return QDesktopServices.openUrl(help_url(topic))


def add_help_button(button_box: QDialogButtonBox, topic: str) -> QPushButton:
    """Put a Help button in a dialog's button box that opens ``topic``'s page.

    The text comes from the plugin's translation ("Bantuan"), like the settings page's and the
    dashboard's, rather than from Qt's own catalogue, which QGIS may not ship for Indonesian.
    """
    button = button_box.addButton(QDialogButtonBox.StandardButton.Help)
    button.setText(tr("Help"))
    button_box.helpRequested.connect(lambda: open_help(topic))
    return button


def standard_button_texts() -> dict:
    """Our texts for Qt's standard dialog buttons, in the plugin's language."""
    return {
        QDialogButtonBox.StandardButton.Ok: tr("OK"),
        QDialogButtonBox.StandardButton.Save: tr("Save"),
        QDialogButtonBox.StandardButton.Cancel: tr("Cancel"),
        QDialogButtonBox.StandardButton.Close: tr("Close"),
        QDialogButtonBox.StandardButton.Apply: tr("Apply"),
        QDialogButtonBox.StandardButton.Help: tr("Help"),
    }


def translate_buttons(button_box: QDialogButtonBox) -> QDialogButtonBox:
    """Give a button box's standard buttons the plugin's translated texts.

    Qt names them from its own catalogue, and Debian (like many QGIS installs) ships no
    qtbase_id.qm: in Indonesian QGIS the officer read "Save", "Close", "Cancel". A button
    that the dialog already renamed ("Sync") keeps its text: only Qt's default English one,
    with or without its "&" shortcut marker, is replaced. Call it after the buttons are added.
    """
    defaults = {"OK", "Save", "Cancel", "Close", "Apply", "Help"}
    for standard, text in standard_button_texts().items():
        button = button_box.button(standard)
        if button is not None and button.text().replace("&", "") in defaults:
            button.setText(text)
    return button_box


def topics() -> list:
    """Every topic that has a page (in at least one language)."""
    return sorted({name.split(".")[0] for name in os.listdir(HELP_DIR) if name.endswith(".html")})
