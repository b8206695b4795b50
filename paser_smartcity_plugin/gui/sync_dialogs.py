"""Sync dialogs: settings + start, conflicts (keep mine / take theirs, per field, theirs being
the central's or a surveyor's), history.

Thin: every operation is a core function (core.sync.conflicts.resolve, engine.history) or the
``paser_smartcity:sync`` Processing algorithm, run by SyncController in a QgsTask.
"""

import json
from datetime import datetime, timezone
from typing import Dict, Optional

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.schema import LAYERS
from ..core.sync.conflicts import CENTRAL, MINE, THEIRS, open_conflicts, resolve
from ..core.sync.history import history
from ..core.workspace import WorkspaceError
from ..toolbelt.help import add_help_button, translate_buttons
from ..toolbelt.i18n import language, tr, tr_message, tr_noop
from ..toolbelt.settings import url_problem
from .server_fields import CredentialsMover, collection_edits, collections_text, named_collections

HELP_TOPIC = "sync"


def _show(value, from_package: bool = False) -> str:
    if value is None:
        return "—"
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
        return f"{value[0]:.6f}, {value[1]:.6f}"
    if isinstance(value, dict):
        return tr("present (edited by the surveyor)") if from_package else tr("present (edited centrally)")
    return {"deleted": tr("deleted"), "present": tr("present")}.get(str(value), str(value))


class SyncDialog(QDialog):
    """Where the officer sets the central server and starts a sync."""

    def __init__(
        self,
        url: str,
        authcfg: str,
        parent=None,
        collections: Optional[Dict[str, str]] = None,
        last_used: Optional[Dict[str, str]] = None,
    ):
        """``collections``: the ids the officer named; ``last_used``: those the last sync used."""
        super().__init__(parent)
        self.setWindowTitle(tr("Sync with the central database"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.url_edit = QLineEdit(url)
        self.url_edit.setPlaceholderText("https://gis.paserkab.go.id/wfs3")
        form.addRow(tr("Central server (OGC API landing page)"), self.url_edit)
        self.auth_select = QgsAuthConfigSelect(self)
        self.auth_select.setConfigId(authcfg)
        form.addRow(tr("Authentication"), self.auth_select)
        self.credentials_button = CredentialsMover(self.url_edit, self.auth_select, self)
        form.addRow("", self.credentials_button)
        self.collection_edits = collection_edits(collections or {}, last_used)
        for layer, edit in self.collection_edits.items():
            form.addRow(tr("Collection of {layer}").format(layer=LAYERS[layer].title(language())), edit)
        used = collections_text(last_used)
        self.last_used_label = QLabel(tr("The last sync used the collections {collections}.").format(collections=used))
        self.last_used_label.setWordWrap(True)
        self.last_used_label.setVisible(bool(used))
        form.addRow("", self.last_used_label)
        self.push_check = QCheckBox(tr("Send my edits (new, changed and deleted sites)"))
        self.push_check.setChecked(True)
        form.addRow("", self.push_check)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Sync"))
        self.help_button = add_help_button(buttons, HELP_TOPIC)
        translate_buttons(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self):
        problem = self.problem()
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        self.accept()

    def problem(self):
        """Why the URL cannot be synced with, or None: the settings page's rule (https://,
        http:// only for a server on this computer)."""
        url = self.url_edit.text().strip()
        if not url:
            return tr("Enter the https:// URL of the central server (http:// only for a server on this computer).")
        return url_problem(url)

    @property
    def url(self) -> str:
        return self.url_edit.text().strip()

    @property
    def authcfg(self) -> str:
        return self.auth_select.configId()

    @property
    def push(self) -> bool:
        return self.push_check.isChecked()

    @property
    def collections(self) -> Dict[str, str]:
        """layer -> the collection id the officer named (empty fields: found by the sync)."""
        return named_collections(self.collection_edits)


class ConflictsDialog(QDialog):
    """One row per conflicting field: before, mine, theirs, where theirs came from (the central
    database, or a surveyor's field package), and the officer's choice."""

    # tr_noop: the extractor cannot follow tr(c) over a tuple, but it sees these calls
    COLUMNS = (
        tr_noop("Layer"),
        tr_noop("Site"),
        tr_noop("Field"),
        tr_noop("Before"),
        tr_noop("Mine"),
        tr_noop("Theirs"),
        tr_noop("From"),
        tr_noop("Keep"),
    )
    FROM = 6

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(tr("Sync conflicts"))
        self.resize(1000, 400)
        layout = QVBoxLayout(self)
        label = QLabel(
            tr(
                "The same field was changed here and elsewhere: in the central database, or by a surveyor "
                "whose field package was merged. Choose per field which value to keep; your choice is sent "
                "with the next sync."
            )
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.help_button = add_help_button(buttons, HELP_TOPIC)
        translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.conflicts = []
        self.reload()

    @staticmethod
    def origin(conflict) -> str:
        """Where "theirs" came from, as the officer reads it."""
        if not conflict.from_package:
            return tr("Central database")
        return tr("Surveyor {name} (field package {id})").format(
            name=conflict.surveyor or "?", id=(conflict.package_id or "")[:8]
        )

    def reload(self):
        self.conflicts = open_conflicts(self.workspace)
        self.table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            field = tr("the site itself") if c.is_delete_conflict else c.field
            before_tip = tr("When the field package was made") if c.from_package else tr("At the last sync")
            texts = (
                c.layer,
                c.name or c.uid,
                field,
                _show(c.base),
                _show(c.mine),
                _show(c.theirs, c.from_package),
                self.origin(c),
            )
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                tip = f"{before_tip}: {text}" if col == 3 else text
                if col == self.FROM and c.from_package:
                    tip = tr("Field package {id}, merged into this workspace").format(id=c.package_id)
                item.setData(Qt.ItemDataRole.ToolTipRole, tip)
                self.table.setItem(row, col, item)
            choice = QComboBox()
            choice.addItem(tr("Keep mine"), MINE)
            if c.from_package:
                choice.addItem(tr("Take the surveyor's"), THEIRS)
            else:
                choice.addItem(tr("Take central"), CENTRAL)
            self.table.setCellWidget(row, len(self.COLUMNS) - 1, choice)

    def apply(self) -> int:
        """Resolve every listed conflict as chosen; returns how many were resolved."""
        done = 0
        for row, c in enumerate(self.conflicts):
            choice = self.table.cellWidget(row, len(self.COLUMNS) - 1).currentData()
            try:
                resolve(self.workspace, c.layer, c.uid, c.field, choice, c.source)
                done += 1
            except WorkspaceError as exc:
                QMessageBox.warning(self, self.windowTitle(), tr_message(exc))
        self.reload()
        return done


def local_time(iso: str) -> str:
    """A stored UTC time (2026-11-27T17:01:05.123Z) as the officer's local clock reads it."""
    try:
        moment = datetime.fromisoformat((iso or "").replace("Z", "+00:00"))
    except ValueError:
        return iso or ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class HistoryDialog(QDialog):
    COLUMNS = (
        tr_noop("Started"),
        tr_noop("Outcome"),
        tr_noop("Pulled"),
        tr_noop("Pushed"),
        tr_noop("Conflicts"),
        tr_noop("Server"),
        tr_noop("Message"),
    )
    MESSAGE_COLUMN = 6

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Sync history"))
        self.resize(900, 400)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Long failure messages wrap in the last column instead of widening the table.
        header.setSectionResizeMode(self.MESSAGE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(tr("No syncs yet."))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.help_button = add_help_button(buttons, HELP_TOPIC)
        translate_buttons(buttons)
        layout.addWidget(buttons)
        outcomes = {
            "ok": tr("Done"),
            "failed": tr("Failed"),
            "cancelled": tr("Cancelled"),
            "interrupted": tr("Interrupted"),
            "running": tr("Running"),
        }
        rows = history(workspace)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.table.setRowCount(len(rows))
        for r, h in enumerate(rows):
            layers = (h["summary"] or {}).get("layers", {})
            total = {k: sum(v.get(k, 0) for v in layers.values()) for k in ("pulled", "pushed", "conflicts")}
            detail = json.dumps(layers) if layers else ""
            for c, text in enumerate(
                (
                    local_time(h["started_at"]),
                    outcomes.get(h["outcome"], h["outcome"]),
                    str(total["pulled"]),
                    str(total["pushed"]),
                    str(total["conflicts"]),
                    " — ".join(
                        t for t in (h["url"] or "", collections_text((h["summary"] or {}).get("collections"))) if t
                    ),
                    tr_message(h["message_parts"]) if h["message_parts"] else h["message"],
                )
            ):
                item = QTableWidgetItem(text)
                tip = text if c == self.MESSAGE_COLUMN else detail or text
                if c == 0:
                    tip = tr("{local} (UTC {utc})").format(local=text, utc=h["started_at"])
                item.setData(Qt.ItemDataRole.ToolTipRole, tip)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
