"""What an officer does in the plugin's dialogs, for tests: the dialogs keep no code for it."""

from qgis.PyQt.QtCore import Qt

from paser_smartcity_plugin.core.sync.conflicts import MINE


def set_merged(dialog, uid: str, merged: bool) -> None:
    """Tick (or untick) a site in the field-merge preview."""
    line = dialog._lines_of[uid][0]
    state = Qt.CheckState.Checked if merged else Qt.CheckState.Unchecked
    dialog.table.item(line, dialog.APPLY).setCheckState(state)


def set_choice(dialog, row: int, choice: str) -> None:
    """Choose in the conflicts dialog: "mine", or "theirs" ("central" for the central's value)."""
    combo = dialog.table.cellWidget(row, len(dialog.COLUMNS) - 1)
    combo.setCurrentIndex(0 if choice == MINE else 1)
