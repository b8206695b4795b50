"""The parts the preview dialogs share (Telkom import, field-package merge): a table whose
first column holds a tick per change, and the Apply / Save report… / Cancel / Help buttons."""

from typing import Callable, List, Tuple

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from ..toolbelt.help import add_help_button, translate_buttons
from ..toolbelt.i18n import tr


def preview_table(headers: List[str], ticked: Callable) -> QTableWidget:
    """A read-only table with ``headers``; ``ticked(item)`` hears every change of an item."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.itemChanged.connect(ticked)
    return table


def preview_buttons(
    dialog: QDialog, help_topic: str, save_report: Callable
) -> Tuple[QDialogButtonBox, QPushButton, QPushButton, QPushButton]:
    """(the box, the apply button — it accepts the dialog, its text is the caller's —, the
    Save report… button, the Help button)."""
    buttons = QDialogButtonBox()
    apply_button = QPushButton()
    report_button = QPushButton(tr("Save report…"))
    buttons.addButton(apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(report_button, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    help_button = add_help_button(buttons, help_topic)
    translate_buttons(buttons)
    apply_button.clicked.connect(dialog.accept)
    report_button.clicked.connect(lambda _checked=False: save_report())
    buttons.rejected.connect(dialog.reject)
    return buttons, apply_button, report_button, help_button


class LeaveOutTicks:
    """The tick column of a preview dialog (mixed into its QDialog): an unticked change is left
    out. The dialog has ``APPLY`` (the tick column), ``table``, ``left_out`` (the keys of the
    unticked changes; a tick holds its key as user data), ``_paint(key)`` and
    ``_update_apply_button()``."""

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() != self.APPLY or not (item.flags() & Qt.ItemFlag.ItemIsUserCheckable):
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.left_out.discard(key)
        else:
            self.left_out.add(key)
        self.table.blockSignals(True)
        self._paint(key)
        self.table.blockSignals(False)
        self._update_apply_button()
