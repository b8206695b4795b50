"""One logger: the QGIS message log always, the message bar for what the officer must see."""

from typing import Callable, Sequence, Tuple

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtWidgets import QPushButton

from .i18n import tr

TAG = "Paser Smart City"

INFO, SUCCESS, WARNING, CRITICAL = Qgis.Info, Qgis.Success, Qgis.Warning, Qgis.Critical


class Logger:
    def __init__(self, iface=None):
        self.iface = iface

    def log(
        self,
        message: str,
        level=INFO,
        push: bool = False,
        details: str = "",
        duration: int = 0,
        actions: Sequence[Tuple[str, Callable[[], object]]] = (),
    ):
        """Log ``message``; with ``push`` also show it in the message bar, with a Details
        button for ``details`` and one button per (text, callback) of ``actions``, and return
        its bar item (so that its sender can take it away again), else None."""
        QgsMessageLog.logMessage(message + (f"\n{details}" if details else ""), TAG, level)
        if not push or self.iface is None:
            return None
        bar = self.iface.messageBar()
        if bar is None:  # no GUI (qgis_process, scripts): the message log has it
            return None
        widget = bar.createMessage(TAG, message)
        if details:
            button = QPushButton(tr("Details"))
            button.clicked.connect(lambda: self._show_details(message, details))
            widget.layout().addWidget(button)
        for text, callback in actions:
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, callback=callback: callback())
            widget.layout().addWidget(button)
        # Only critical messages stay: Qgis.Success (3) is numerically above Qgis.Critical (2).
        bar.pushWidget(widget, level, duration or (0 if level == CRITICAL else 8))
        return widget

    def _show_details(self, message: str, details: str) -> None:
        from qgis.PyQt.QtWidgets import QMessageBox

        box = QMessageBox(self.iface.mainWindow())
        box.setWindowTitle(TAG)
        box.setText(message)
        box.setDetailedText(details)
        box.exec()


def log(message: str, level=INFO) -> None:
    Logger().log(message, level)
