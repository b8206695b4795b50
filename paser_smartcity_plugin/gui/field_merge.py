"""The officer's side of merging a surveyor's returned field package: "Merge field survey…".

The same core functions as ``merge_field_package`` in two QgsTasks (progress and Cancel in
QGIS's task manager): the preview first, shown in a table where every site the merge would
write has a tick (unticked: left out) and warnings and conflicts stand out; then the merge.
"""

import os
from typing import Optional

from qgis.core import QgsTask
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.field_merge import ALREADY, CONFLICTS, DELETE, MISSING, NEW, REJECTED, UPDATE
from ..core.schema import LAYER_NAMES, layer_schema
from ..core.sync.merge import CONFLICT, EXISTS, SAME, THEIRS
from ..toolbelt.i18n import counted, language, tr, tr_message
from ..toolbelt.logger import CRITICAL, SUCCESS, WARNING
from ..toolbelt.regency_time import regency_text
from ..toolbelt.tasks import start_task
from .preview import LeaveOutTicks, preview_buttons, preview_table
from .site_values import field_label, value_text

HELP_TOPIC = "field"
LEFT_OUT_COLOR = "#8a8a8a"
WARNING_COLOR = "#fff3cd"  # the message bar's warning yellow
CONFLICT_COLOR = "#f8d7da"  # light red: the office value stays until the officer chooses


class MergePreviewTask(QgsTask):
    """Reads the returned package and computes what merging it does (core.field_merge.preview_merge)."""

    def __init__(self, workspace_path: str, source: str):
        super().__init__(tr("Merge field survey: preview"), QgsTask.CanCancel)
        self.workspace_path, self.source = workspace_path, source
        self.preview = None
        self.error: Optional[Exception] = None

    def run(self) -> bool:
        from ..core.field_merge import MergeError, preview_merge
        from ..core.workspace import Workspace, WorkspaceError

        try:
            self.preview = preview_merge(
                Workspace(self.workspace_path), self.source, progress=self.setProgress, is_canceled=self.isCanceled
            )
            return True
        except (MergeError, WorkspaceError) as exc:
            self.error = exc
            return False


class MergeApplyTask(QgsTask):
    """Writes the preview in one transaction (core.field_merge.apply_merge), leaving out the
    sites the officer unticked."""

    def __init__(self, workspace_path: str, preview, leave_out=()):
        super().__init__(tr("Merge field survey: merge"), QgsTask.CanCancel)
        self.workspace_path, self.preview, self.leave_out = workspace_path, preview, list(leave_out)
        self.outcome = None
        self.error: Optional[Exception] = None

    def run(self) -> bool:
        from ..core.field_merge import MergeError, apply_merge
        from ..core.workspace import Workspace, WorkspaceError

        try:
            self.outcome = apply_merge(
                Workspace(self.workspace_path),
                self.preview,
                self.leave_out,
                progress=self.setProgress,
                is_canceled=self.isCanceled,
            )
            return True
        except (MergeError, WorkspaceError) as exc:
            self.error = exc
            return False


class MergePreviewDialog(LeaveOutTicks, QDialog):
    """Every site the surveyor changed: per field the value at packaging, in the office now and
    in the field, and what the merge does; new and deleted sites, conflicts, photos. One tick
    per site: unticked, its changes are left out."""

    APPLY, LAYER, SITE, ACTION, FIELD, BEFORE, OFFICE, SURVEYOR, NOTE = range(9)

    def __init__(self, preview, parent=None):
        super().__init__(parent)
        self.preview = preview
        self.lang = language()
        self.left_out = set()  # uids the officer unticked
        self._lines_of = {}  # uid -> table lines showing it
        self.setWindowTitle(tr("Merge field survey — preview"))
        self.resize(1200, 640)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        headers = [
            tr("Merge"),
            tr("Layer"),
            tr("Site"),
            tr("Action"),
            tr("Field"),
            tr("At packaging"),
            tr("Office now"),
            tr("Surveyor"),
            tr("Note / warning"),
        ]
        self.table = preview_table(headers, self._ticked)
        layout.addWidget(self.table)
        buttons, self.apply_button, self.report_button, self.help_button = preview_buttons(
            self, HELP_TOPIC, self.save_report
        )
        layout.addWidget(buttons)
        self._fill()
        self._update_apply_button()

    # -- what is shown

    def _summary(self) -> str:
        p = self.preview
        head = tr("Package of {surveyor} ({id}), made {created}.").format(
            surveyor=p.surveyor, id=p.package_id, created=regency_text(p.meta.get("created_at"))
        )
        if p.already_merged:
            return (
                head
                + " "
                + tr("It was merged on {at} with this same content: there is nothing to merge.").format(
                    at=p.already_merged
                )
            )
        counts = p.counts()
        parts = [
            counted(counts["NEW"], tr("{count} new site"), tr("{count} new sites")),
            counted(counts["UPDATED"], tr("{count} site updated"), tr("{count} sites updated")),
            counted(counts["DELETED"], tr("{count} site deleted"), tr("{count} sites deleted")),
            counted(counts["CONFLICTS"], tr("{count} site with conflicts"), tr("{count} sites with conflicts")),
            counted(counts["PHOTOS"], tr("{count} photo to copy"), tr("{count} photos to copy")),
        ]
        text = head + "\n" + "; ".join(parts) + ". " + tr("Nothing has been written yet.")
        if p.merged_before:
            text += "\n" + tr("Merged before on {at}: only what changed in the package since is listed.").format(
                at=regency_text(p.merged_before[-1][0])
            )
        if counts["CONFLICTS"]:
            text += "\n" + tr(
                "A field changed both here and by the surveyor is a conflict (red): the workspace keeps its value, "
                "and you choose later in Sync conflicts."
            )
        if counts["MISSING_PHOTOS"]:
            text += "\n" + counted(
                counts["MISSING_PHOTOS"],
                tr("{count} photo named by a site is missing from the package (highlighted)."),
                tr("{count} photos named by sites are missing from the package (highlighted)."),
            )
        if counts["REJECTED"]:
            text += "\n" + counted(
                counts["REJECTED"],
                tr("{count} site cannot be merged and is left out (see its note)."),
                tr("{count} sites cannot be merged and are left out (see their notes)."),
            )
        return text

    def _value(self, layer: str, field: str, value) -> str:
        if field == EXISTS:
            return {"present": tr("present"), "deleted": tr("deleted")}.get(value, value or "")
        return value_text(layer, field, value, self.lang)

    def _outcome(self, field: str, outcome: str) -> str:
        if field == EXISTS:
            return {THEIRS: tr("taken"), CONFLICT: tr("conflict: the workspace keeps the site as it is")}.get(
                outcome, tr("already so")
            )
        return {
            THEIRS: tr("taken"),
            SAME: tr("already so"),
            CONFLICT: tr("conflict: the workspace keeps its value"),
        }.get(outcome, outcome)

    def lines(self):
        """The table's lines as (site, texts): one per field the surveyor changed."""
        actions = {
            NEW: tr("new site"),
            UPDATE: tr("update"),
            DELETE: tr("delete"),
            CONFLICTS: tr("conflict"),
            ALREADY: tr("already in the workspace"),
            REJECTED: tr("cannot be merged"),
        }
        titles = {name: layer_schema(name).title(self.lang) for name in LAYER_NAMES}
        for site in self.preview.sites:
            head = [titles.get(site.layer, site.layer), f"{site.name} {site.uid}".strip(), actions[site.action]]
            notes = [tr_message(r) for r in site.reasons] + [
                tr("Warning: {text}").format(text=tr_message(w)) for w in site.warnings
            ]
            for change in site.changes:
                label = (
                    tr("the site itself")
                    if change.field == EXISTS
                    else field_label(site.layer, change.field, self.lang)
                )
                yield (
                    site,
                    head
                    + [
                        label,
                        self._value(site.layer, change.field, change.before),
                        self._value(site.layer, change.field, change.office),
                        self._value(site.layer, change.field, change.surveyor),
                        "\n".join([self._outcome(change.field, change.outcome)] + notes),
                    ],
                    change.outcome == CONFLICT,
                )

    def _fill(self):
        self.table.blockSignals(True)
        lines = list(self.lines())
        self.table.setRowCount(len(lines))
        self._lines_of = {}
        previous = None
        for i, (site, texts, conflicted) in enumerate(lines):
            self._lines_of.setdefault(site.uid, []).append(i)
            tick = QTableWidgetItem()
            if site.uid != previous and site.writes:  # one tick per site, on its first line
                tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                tick.setCheckState(Qt.CheckState.Unchecked if site.uid in self.left_out else Qt.CheckState.Checked)
                tick.setToolTip(tr("Untick to leave the surveyor's changes of this site out"))
            else:
                tick.setFlags(Qt.ItemFlag.ItemIsEnabled)
            tick.setData(Qt.ItemDataRole.UserRole, site.uid)
            self.table.setItem(i, self.APPLY, tick)
            for j, text in enumerate(texts, start=self.LAYER):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, conflicted)
                self.table.setItem(i, j, item)
            previous = site.uid
        for uid in self._lines_of:
            self._paint(uid)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)

    def _site(self, uid):
        return next(s for s in self.preview.sites if s.uid == uid)

    def _paint(self, uid) -> None:
        site = self._site(uid)
        left_out = uid in self.left_out or site.action == REJECTED
        warned = bool(site.warnings) or any(p.status == MISSING for p in site.photos)
        for line in self._lines_of.get(uid, ()):
            for column in range(self.table.columnCount()):
                item = self.table.item(line, column)
                if item is None:
                    continue
                conflicted = self.table.item(line, self.FIELD).data(Qt.ItemDataRole.UserRole)
                color = CONFLICT_COLOR if conflicted else WARNING_COLOR if warned else None
                item.setForeground(QBrush(QColor(LEFT_OUT_COLOR)) if left_out else QBrush())
                item.setBackground(QBrush(QColor(color)) if color and not left_out else QBrush())

    # -- choosing

    def leave_out(self):
        """The sites left out: those unticked and those that cannot be merged."""
        return sorted(self.left_out | {s.uid for s in self.preview.sites if s.action == REJECTED})

    def chosen(self) -> int:
        return sum(1 for s in self.preview.sites if s.writes and s.uid not in self.left_out)

    def _update_apply_button(self) -> None:
        count = self.chosen()
        self.apply_button.setText(counted(count, tr("Merge {count} site"), tr("Merge {count} sites")))
        # With every change unticked there is nothing to merge; a preview without changes to write
        # (photos only, or changes the workspace already has) still copies the photos and records the package.
        nothing_to_write = not any(s.writes for s in self.preview.sites)
        self.apply_button.setEnabled(not self.preview.already_merged and (count > 0 or nothing_to_write))

    def save_report(self, path: Optional[str] = None) -> Optional[str]:
        if not path:
            folder = os.path.dirname(self.preview.workspace)
            path, _ = QFileDialog.getSaveFileName(self, tr("Save report"), folder, tr("CSV (*.csv)"))
        if path:
            self.preview.write_report(path)
        return path or None


class MergeFlow:
    """Preview → table → merge; each long step a QgsTask."""

    def __init__(self, iface, logger, workspace_path: str, source: str, show_conflicts=None):
        self.iface, self.logger = iface, logger
        self.workspace_path, self.source = workspace_path, source
        self.show_conflicts = show_conflicts
        self.dialog: Optional[MergePreviewDialog] = None
        self.task = None
        self.outcome = None

    def _run(self, task, done, failed):
        self.task = start_task(task, done, failed)
        return task

    def start(self) -> MergePreviewTask:
        return self._run(MergePreviewTask(self.workspace_path, self.source), self.previewed, self.failed)

    def failed(self, task) -> None:
        from ..core.field_merge import MergeCancelledError

        if isinstance(task, MergeApplyTask):
            task.preview.close()
        if task.error is None or isinstance(task.error, MergeCancelledError):
            self.logger.log(tr("Merge of the field survey cancelled; nothing was written"), WARNING, push=True)
        else:
            self.logger.log(
                tr("Field survey not merged; nothing was written: {error}").format(error=tr_message(task.error)),
                CRITICAL,
                push=True,
            )

    def previewed(self, task: MergePreviewTask) -> None:
        dialog = self.dialog = MergePreviewDialog(task.preview, self.iface.mainWindow())
        dialog.accepted.connect(lambda: self.apply(task.preview, dialog.leave_out()))
        dialog.rejected.connect(task.preview.close)
        dialog.show()

    def apply(self, preview, leave_out=()) -> MergeApplyTask:
        return self._run(MergeApplyTask(self.workspace_path, preview, leave_out), self.merged, self.failed)

    def merged(self, task: MergeApplyTask) -> None:
        task.preview.close()
        self.outcome = outcome = task.outcome
        if outcome.already_merged:
            self.logger.log(
                tr("This field package was merged on {at}; nothing was written").format(
                    at=regency_text(outcome.already_merged)
                ),
                SUCCESS,
                push=True,
            )
            return
        counts = outcome.counts
        text = tr("Field survey of {surveyor} merged: {new}, {updated}, {deleted}, {photos}").format(
            surveyor=task.preview.surveyor,
            new=counted(counts["NEW"], tr("{count} new site"), tr("{count} new sites")),
            updated=counted(counts["UPDATED"], tr("{count} site updated"), tr("{count} sites updated")),
            deleted=counted(counts["DELETED"], tr("{count} site deleted"), tr("{count} sites deleted")),
            photos=counted(counts["PHOTOS"], tr("{count} photo copied"), tr("{count} photos copied")),
        )
        if counts.get("LEFT_OUT"):
            text += "; " + counted(counts["LEFT_OUT"], tr("{count} site left out"), tr("{count} sites left out"))
        if counts.get("MISSING_PHOTOS"):
            text += "; " + counted(counts["MISSING_PHOTOS"], tr("{count} photo missing"), tr("{count} photos missing"))
        actions = []
        if counts.get("CONFLICTS"):
            text += "; " + counted(
                counts["CONFLICTS"], tr("{count} site with conflicts"), tr("{count} sites with conflicts")
            )
            if self.show_conflicts is not None:
                actions.append((tr("Resolve conflicts…"), self.show_conflicts))
        self.logger.log(text, WARNING if counts.get("CONFLICTS") else SUCCESS, push=True, actions=actions)
        from ..layers.workspace_layers import reload_workspace_layers

        reload_workspace_layers(self.workspace_path)


def merge_field_survey(iface, logger, source: Optional[str] = None, show_conflicts=None) -> Optional[MergeFlow]:
    from ..toolbelt.settings import workspace_path

    path = workspace_path()
    if not os.path.exists(path):
        logger.log(tr("There is no workspace yet: open the smart-city layers first"), WARNING, push=True)
        return None
    if source is None:
        source, _ = QFileDialog.getOpenFileName(
            iface.mainWindow(),
            tr("Merge field survey: choose the returned package (its .zip, or survey.gpkg in its folder)"),
            os.path.dirname(path),
            tr("Field package (*.zip survey.gpkg manifest.json *.gpkg);;All files (*)"),
        )
    if not source:
        return None
    flow = MergeFlow(iface, logger, path, source, show_conflicts)
    flow.start()
    return flow
