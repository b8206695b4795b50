"""Help pages shipped with the plugin (help/<topic>.<lang>.html), opened in the browser.

Every dialog and dock has one Help button that calls :func:`open_help` with its topic, and
the plugin menu's Help opens the index of every topic; the page follows QGIS's language and
falls back to English. Where no browser can be started (a locked-down office computer, no
desktop handler for files), the page opens in a small viewer inside QGIS that also says
where the file is.
"""

import os
from typing import Optional

from qgis.PyQt.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from .i18n import language, tr

HELP_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "help")
LANGUAGES = ("en", "id")
INDEX_TOPIC = "index"


def help_path(topic: str, lang: str = "") -> str:
    """The page for ``topic`` in ``lang`` (default: QGIS's language), else the English one."""
    for candidate in (lang or language(), "en"):
        path = os.path.join(HELP_DIR, f"{topic}.{candidate}.html")
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"no help page for {topic!r} in {HELP_DIR}")


def help_url(topic: str, lang: str = "") -> QUrl:
    return QUrl.fromLocalFile(help_path(topic, lang))


class HelpViewer(QDialog):
    """A help page inside QGIS, for when no browser can be started; links between pages work."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("PaserSmartCityHelpViewer")
        self.setWindowTitle(tr("Paser Smart City — Help"))
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)  # http(s) links: the desktop, if it can
        self.browser.sourceChanged.connect(self._show_where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(720, 640)

    def show_page(self, url: QUrl) -> None:
        self.browser.setSource(url)
        self._show_where(url)
        self.show()
        self.raise_()
        self.activateWindow()

    def _show_where(self, url: QUrl) -> None:
        self.where.setText(
            tr("No web browser could be started, so the page is shown here. It is the file {path}").format(
                path=url.toLocalFile()
            )
        )


_viewer: Optional[HelpViewer] = None


def help_viewer(parent: Optional[QWidget] = None) -> HelpViewer:
    """The one viewer, made on first use (and again if Qt deleted it with its parent)."""
    global _viewer
    try:
        if _viewer is not None:
            _viewer.isVisible()  # raises RuntimeError once Qt has deleted it
            return _viewer
    except RuntimeError:
        pass
    _viewer = HelpViewer(parent)
    return _viewer


def open_help(topic: str, parent: Optional[QWidget] = None) -> bool:
    """Open ``topic``'s page in the desktop's browser, else in a viewer inside QGIS.

    Returns True when the browser took it, False when the page is shown in QGIS instead.
    """
    url = help_url(topic)
    if QDesktopServices.openUrl(url):
        return True
    help_viewer(parent).show_page(url)
    return False


def close_help_viewer() -> None:
    """Close and forget the viewer (the plugin unloads)."""
    global _viewer
    if _viewer is not None:
        try:
            _viewer.close()
            _viewer.deleteLater()
        except RuntimeError:
            pass
        _viewer = None


def add_help_button(button_box: QDialogButtonBox, topic: str) -> QPushButton:
    """Put a Help button in a dialog's button box that opens ``topic``'s page.

    The text comes from the plugin's translation ("Bantuan"), like the settings page's and the
    dashboard's, rather than from Qt's own catalogue, which QGIS may not ship for Indonesian.
    """
    button = button_box.addButton(QDialogButtonBox.StandardButton.Help)
    button.setText(tr("Help"))
    button_box.helpRequested.connect(lambda: open_help(topic, button_box.window()))
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
    if button_box.findChild(_KeepTexts) is None:
        _KeepTexts(button_box)
    return button_box


class _KeepTexts(QObject):
    """Put the plugin's texts back after Qt renames the standard buttons on a language change.

    QDialogButtonBox gives its standard buttons Qt's own (English) names again whenever a
    translator is installed or removed anywhere — another plugin loading is enough.
    """

    def __init__(self, button_box: QDialogButtonBox):
        super().__init__(button_box)
        self.button_box = button_box
        button_box.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            # after the button box's own handler has renamed them
            QTimer.singleShot(0, self._apply)
        return False

    def _apply(self) -> None:
        try:
            translate_buttons(self.button_box)
        except RuntimeError:  # the dialog is gone
            pass
