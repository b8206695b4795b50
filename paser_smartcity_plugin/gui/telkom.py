"""The officer's side of the Telkom exchange: "Export for Telkom" and "Import from Telkom".

Export runs the ``export_telkom`` algorithm in a QgsProcessingAlgRunnerTask. Import runs the
same core functions as ``import_telkom`` in two QgsTasks: the preview first (asking for a
CRS when the shapefile has no .prj, or for the shapefile when a zip holds several), then,
after the officer has seen every change in the preview table, the apply. Both tasks show
progress in QGIS's task manager and can be cancelled there.
"""

import os
from typing import Callable, List, Optional

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
)
from qgis.gui import QgsFileWidget, QgsProjectionSelectionDialog
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.schema import LAYER_NAMES, layer_schema
from ..core.telkom import CancelledError, ChoiceNeededError, GeopandasMissingError, MissingCrsError, TelkomError
from ..core.telkom.export import OFFERED_CRS
from ..processing.names import EXPORT_TELKOM, Output, Param, algorithm_id
from ..toolbelt.help import add_help_button, translate_buttons
from ..toolbelt.i18n import counted, language, tr, tr_message
from ..toolbelt.logger import CRITICAL, SUCCESS, WARNING
from ..toolbelt.settings import remember_folder, telkom_folder
from ..toolbelt.tasks import keep_until_done, start_task
from .preview import LeaveOutTicks, preview_buttons, preview_table
from .site_values import field_label, value_text

HELP_TOPIC = "telkom"
PREVIEW_ROW_LIMIT = 5000  # the table shows this many lines; the report CSV holds all of them
NOTE_COLUMN_WIDTH = 420  # px: the reasons and notes wrap at this width (all of it in the tooltip)
LEFT_OUT_COLOR = "#8a8a8a"
WARNING_COLOR = "#fff3cd"  # the message bar's warning yellow, light enough for black text


def geopandas_ready(logger) -> bool:
    """True when geopandas can be used; otherwise the officer is told what to install."""
    from ..core.telkom.geopandas_io import load

    try:
        load()
    except GeopandasMissingError as exc:
        logger.log(
            tr("The Telkom exchange needs geopandas: {error}").format(error=tr_message(exc)), CRITICAL, push=True
        )
        return False
    return True


# ---------------------------------------------------------------- export


class ExportDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export for Telkom"))
        form = QFormLayout()
        self.layers = QComboBox()
        for value, text in (
            ("both", tr("Service points and tower plans")),
            ("service_points", tr("Service points")),
            ("tower_plans", tr("Tower plans")),
        ):
            self.layers.addItem(text, value)
        self.selected_only = QCheckBox(tr("Selected sites only"))
        self.crs = QComboBox()
        for value, text in OFFERED_CRS:
            self.crs.addItem(tr(text), value)
        self.output = QgsFileWidget()
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter(tr("Zip archive (*.zip)"))
        self.output.setConfirmOverwrite(True)
        self.output.setDialogTitle(tr("Package for Telkom"))
        self.output.setDefaultRoot(telkom_folder())  # where the last export or import went
        form.addRow(tr("Layers"), self.layers)
        form.addRow("", self.selected_only)
        form.addRow(tr("Coordinate reference system"), self.crs)
        form.addRow(tr("Package for Telkom"), self.output)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.help_button = add_help_button(buttons, HELP_TOPIC)
        translate_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                tr(
                    "The zip holds a shapefile per layer, a schema note in Indonesian and English "
                    "and a CSV of the sites without coordinates."
                )
            )
        )
        layout.addWidget(buttons)

    def parameters(self, workspace: str) -> dict:
        output = self.output.filePath()
        if output and not output.lower().endswith(".zip"):
            output += ".zip"
        return {
            Param.WORKSPACE: workspace,
            Param.LAYERS: self.layers.currentData(),
            Param.SELECTED_ONLY: self.selected_only.isChecked(),
            Param.CRS: self.crs.currentData(),
            Param.OUTPUT: output,
        }


def start_export(parameters: dict, logger, on_done: Optional[Callable[[bool, dict], None]] = None):
    """Run export_telkom as a background task; returns the task."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id(EXPORT_TELKOM))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    task.setDescription(tr("Export for Telkom"))

    def executed(ok, results):
        if ok:
            folder = os.path.dirname(results[Param.OUTPUT])
            remember_folder(folder)
            features, pending = int(results[Output.FEATURES]), int(results[Output.WITHOUT_COORDINATES])
            logger.log(
                tr("Telkom package written: {path} ({sites}, {pending})").format(
                    path=results[Param.OUTPUT],
                    sites=counted(features, tr("{count} site"), tr("{count} sites")),
                    pending=tr("{count} without coordinates").format(count=pending),
                ),
                SUCCESS,
                push=True,
                actions=[(tr("Open folder"), lambda: open_folder(folder))],
            )
        else:
            logger.log(
                tr("Export for Telkom failed; nothing was written. {details}").format(
                    details=feedback.textLog().strip().splitlines()[-1] if feedback.textLog().strip() else ""
                ),
                CRITICAL,
                push=True,
                details=feedback.textLog(),
            )
        if on_done is not None:
            on_done(ok, results)

    task.executed.connect(executed)
    task._paser_keep = (algorithm, context, feedback)
    keep_until_done(task)
    QgsApplication.taskManager().addTask(task)
    return task


def open_folder(folder: str) -> bool:
    """The folder in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


def export_for_telkom(iface, logger):
    if not geopandas_ready(logger):
        return None
    from ..toolbelt.settings import workspace_path

    dialog = ExportDialog(iface.mainWindow())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    parameters = dialog.parameters(workspace_path())
    if not parameters[Param.OUTPUT]:
        logger.log(tr("Choose where to write the package for Telkom"), WARNING, push=True)
        return None
    return start_export(parameters, logger)


# ---------------------------------------------------------------- import


class PreviewTask(QgsTask):
    """Reads Telkom's file and computes the preview (core.telkom.importer.preview_import)."""

    def __init__(
        self, workspace_path: str, source: str, source_crs: Optional[str] = None, member: Optional[str] = None
    ):
        super().__init__(tr("Import from Telkom: preview"), QgsTask.CanCancel)
        from ..toolbelt.settings import load

        settings = load()
        self.workspace_path, self.source = workspace_path, source
        self.source_crs, self.member = source_crs, member
        self.aliases_text = settings.telkom_column_aliases
        self.distance = settings.telkom_match_distance_m
        self.move_warning = settings.telkom_move_warning_m
        self.boundary = _boundary()  # read here: QGIS layers belong to the main thread
        self.preview = None
        self.error: Optional[Exception] = None

    def run(self) -> bool:
        from ..core.telkom.geopandas_io import run_in_worker
        from ..core.telkom.importer import preview_import
        from ..core.telkom.mapping import parse_aliases
        from ..core.workspace import Workspace, WorkspaceError

        try:
            aliases = parse_aliases(self.aliases_text)
            self.preview = run_in_worker(
                preview_import,
                Workspace(self.workspace_path),
                self.source,
                source_crs=self.source_crs,
                member=self.member,
                aliases=aliases,
                match_distance_m=self.distance,
                move_warning_m=self.move_warning,
                boundary=self.boundary,
                progress=self.setProgress,
                is_canceled=self.isCanceled,
            )
            return True
        except (TelkomError, WorkspaceError, ValueError) as exc:
            self.error = exc
            return False


def _boundary():
    """The desa boundary layer of the settings, for the desa check (None: none, or unreadable)."""
    from ..layers.boundary import BoundaryLayerError, configured_boundaries

    try:
        return configured_boundaries()
    except BoundaryLayerError:
        return None  # the register dialog says what is wrong with it; here the gazetteer serves


class ApplyTask(QgsTask):
    """Writes the accepted changes of a preview in one transaction (core.telkom.importer.apply_import),
    leaving out those the officer unticked."""

    def __init__(self, workspace_path: str, preview, leave_out=None):
        super().__init__(tr("Import from Telkom: apply"), QgsTask.CanCancel)
        self.workspace_path, self.preview, self.leave_out = workspace_path, preview, leave_out
        self.counts = None
        self.error: Optional[Exception] = None

    def run(self) -> bool:
        from ..core.telkom.geopandas_io import run_in_worker
        from ..core.telkom.importer import apply_import
        from ..core.workspace import Workspace, WorkspaceError

        try:
            self.counts = run_in_worker(
                apply_import,
                Workspace(self.workspace_path),
                self.preview,
                progress=self.setProgress,
                is_canceled=self.isCanceled,
                leave_out=self.leave_out,
            )
            return True
        except (TelkomError, WorkspaceError) as exc:
            self.error = exc
            return False


class PreviewDialog(LeaveOutTicks, QDialog):
    """Every row of the preview: matched site, changes old → new, new sites, rejections with
    reasons; warnings highlighted. Each change has a tick: unticked, it is left out."""

    # columns
    APPLY, LAYER, ROW, ACTION, MATCHED_BY, SITE, FIELD, OLD, NEW, NOTE = range(10)

    def __init__(self, preview, parent=None):
        super().__init__(parent)
        self.preview = preview
        self.lang = language()
        self.left_out = set()  # indexes in preview.rows of the changes the officer unticked
        self._lines_of = {}  # index in preview.rows -> table lines showing it
        self.setWindowTitle(tr("Import from Telkom — preview"))
        self.resize(1200, 640)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        options = QHBoxLayout()
        self.show_unchanged = QCheckBox(tr("Show unchanged rows"))
        self.show_unchanged.toggled.connect(self._fill)
        self.leave_out_warned = QPushButton(tr("Leave out the changes with warnings"))
        self.leave_out_warned.setEnabled(preview.warned > 0)
        self.leave_out_warned.clicked.connect(self.untick_warned)
        options.addWidget(self.show_unchanged)
        options.addStretch(1)
        options.addWidget(self.leave_out_warned)
        layout.addLayout(options)
        headers = [
            tr("Apply"),
            tr("Layer"),
            tr("Row"),
            tr("Action"),
            tr("Matched by"),
            tr("Site"),
            tr("Field"),
            tr("Old"),
            tr("New"),
            tr("Reason / warning / note"),
        ]
        self.table = preview_table(headers, self._ticked)
        layout.addWidget(self.table)
        self.truncated = QLabel("")
        layout.addWidget(self.truncated)
        buttons, self.apply_button, self.report_button, self.help_button = preview_buttons(
            self, HELP_TOPIC, self.save_report
        )
        layout.addWidget(buttons)
        self._update_apply_button()
        self._fill()

    # -- what is shown

    def _summary(self) -> str:
        counts = self.preview.counts()
        sources = "; ".join(
            tr("{name} → {layer} ({rows}, {encoding}, {crs})").format(
                name=s.name,
                layer=layer_schema(s.layer).title(self.lang) if s.layer in LAYER_NAMES else s.layer,
                rows=counted(s.features, tr("{count} row"), tr("{count} rows")),
                encoding=s.encoding,
                crs=s.crs,
            )
            for s in self.preview.sources
        )
        parts = [
            counted(counts["MATCHED"], tr("{count} row matched to a site"), tr("{count} rows matched to a site")),
            tr("{count} of them with changes").format(count=counts["UPDATED"]),
            counted(counts["NEW"], tr("{count} new site"), tr("{count} new sites")),
            counted(counts["REJECTED"], tr("{count} row rejected"), tr("{count} rows rejected")),
        ]
        text = tr("{sources}\n{matched}, {updated}; {new}; {rejected}. Nothing has been written yet.").format(
            sources=sources, matched=parts[0], updated=parts[1], new=parts[2], rejected=parts[3]
        )
        if counts["WARNINGS"]:
            text += "\n" + counted(
                counts["WARNINGS"],
                tr("{count} change has a warning (highlighted): look at it before applying, or untick it."),
                tr("{count} changes have a warning (highlighted): look at them before applying, or untick them."),
            )
        return text

    def _value(self, layer: str, field: str, value) -> str:
        return value_text(layer, field, value, self.lang)

    def _field_label(self, layer: str, field: str) -> str:
        return field_label(layer, field, self.lang)

    def lines(self, show_unchanged: bool = False):
        """The table's lines as (index of the report, texts, shapefile column): one per
        changed field, per rejected or unchanged row."""
        action_text = {
            "unchanged": tr("unchanged"),
            "update": tr("update"),
            "new": tr("new"),
            "rejected": tr("rejected"),
        }
        site_id = layer_schema(LAYER_NAMES[0]).field("telkom_site_id").label(self.lang)
        matched_text = {"proximity": tr("proximity"), "UID": "UID", "SITE_ID": site_id}
        titles = {name: layer_schema(name).title(self.lang) for name in LAYER_NAMES}
        for index, r in enumerate(self.preview.rows):
            if r.action == "unchanged" and not show_unchanged and not r.warnings:
                continue
            head = [
                titles.get(r.layer, r.layer),
                str(r.row),
                action_text[r.action],
                matched_text.get(r.matched_by, r.matched_by or ""),
                f"{r.name or ''} {r.uid or ''}".strip(),
            ]
            note = "\n".join(
                [tr_message(t) for t in r.reasons]
                + [tr("Warning: {text}").format(text=tr_message(t)) for t in r.warnings]
                + [tr_message(t) for t in r.notes]
            )
            if r.action == "update" or (r.action == "new" and r.changes):
                for change in r.changes:
                    yield (
                        index,
                        head
                        + [
                            self._field_label(r.layer, change.field),
                            self._value(r.layer, change.field, change.old),
                            self._value(r.layer, change.field, change.new),
                            note,
                        ],
                        change.column,
                    )
            else:
                yield index, head + ["", "", "", note], ""

    def _fill(self, *_args):
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        lines = []
        for line in self.lines(self.show_unchanged.isChecked()):
            lines.append(line)
            if len(lines) > PREVIEW_ROW_LIMIT:
                break
        shown = lines[:PREVIEW_ROW_LIMIT]
        self.table.setRowCount(len(shown))
        self._lines_of = {}
        previous = None
        warning_icon = QgsApplication.getThemeIcon("/mIconWarning.svg")
        for i, (index, texts, column) in enumerate(shown):
            report = self.preview.rows[index]
            self._lines_of.setdefault(index, []).append(i)
            tick = QTableWidgetItem()
            if report.writes and index != previous:  # one tick per change, on its first line
                tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                tick.setCheckState(Qt.CheckState.Unchecked if index in self.left_out else Qt.CheckState.Checked)
                tick.setToolTip(tr("Untick to leave this change out"))
            else:
                tick.setFlags(Qt.ItemFlag.ItemIsEnabled)
            tick.setData(Qt.ItemDataRole.UserRole, index)
            self.table.setItem(i, self.APPLY, tick)
            for j, text in enumerate(texts, start=self.LAYER):
                item = QTableWidgetItem(text)
                if j == self.ACTION:
                    item.setData(Qt.ItemDataRole.UserRole, report.action)
                if j == self.FIELD and column:
                    item.setToolTip(tr("Shapefile column: {column}").format(column=column))
                if j == self.NOTE and text:
                    item.setToolTip(text)  # all of it, however narrow the column
                    if report.warnings:
                        item.setIcon(warning_icon)
                self.table.setItem(i, j, item)
            previous = index
        self.truncated.setText(
            tr("Only the first {count} lines are shown; save the report to see all.").format(count=PREVIEW_ROW_LIMIT)
            if len(lines) > PREVIEW_ROW_LIMIT
            else ""
        )
        for index in self._lines_of:
            self._paint(index)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(self.NOTE, max(self.table.columnWidth(self.NOTE), NOTE_COLUMN_WIDTH))
        if self.table.columnWidth(self.NOTE) > NOTE_COLUMN_WIDTH:
            self.table.setColumnWidth(self.NOTE, NOTE_COLUMN_WIDTH)
        self.table.resizeRowsToContents()  # wrapped reasons are read whole, not cut off
        self.table.blockSignals(False)

    def _paint(self, index: int) -> None:
        report = self.preview.rows[index]
        left_out = index in self.left_out
        for line in self._lines_of.get(index, ()):
            for column in range(self.table.columnCount()):
                item = self.table.item(line, column)
                if item is None:
                    continue
                item.setForeground(QBrush(QColor(LEFT_OUT_COLOR)) if left_out else QBrush())
                item.setBackground(QBrush(QColor(WARNING_COLOR)) if report.warnings and not left_out else QBrush())

    # -- choosing

    def set_applied(self, index: int, applied: bool) -> None:
        """Tick (or untick) the change of ``preview.rows[index]``, as the officer would."""
        if index in self._lines_of:
            self.table.item(self._lines_of[index][0], self.APPLY).setCheckState(
                Qt.CheckState.Checked if applied else Qt.CheckState.Unchecked
            )
        else:  # not shown (beyond the table's limit): chosen all the same
            (self.left_out.discard if applied else self.left_out.add)(index)
            self._update_apply_button()

    def untick_warned(self) -> None:
        for index, report in enumerate(self.preview.rows):
            if report.writes and report.warnings:
                self.set_applied(index, False)

    def chosen(self) -> int:
        return sum(1 for i, r in enumerate(self.preview.rows) if r.writes and i not in self.left_out)

    def leave_out(self):
        """The unticked changes, as core's LeaveOut (the algorithm's SKIP takes the same path)."""
        from ..core.telkom.importer import LeaveOut

        return LeaveOut.of_reports(self.preview.rows[i] for i in sorted(self.left_out))

    def _update_apply_button(self) -> None:
        count = self.chosen()
        self.apply_button.setText(counted(count, tr("Apply {count} change"), tr("Apply {count} changes")))
        self.apply_button.setEnabled(count > 0)

    def save_report(self, path: Optional[str] = None) -> Optional[str]:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save report"), telkom_folder(), tr("CSV (*.csv)"))
        if path:
            self.preview.write_report(path)
            remember_folder(path)
        return path or None


class ImportFlow:
    """Preview → (ask CRS / shapefile) → preview table → apply; each long step a QgsTask."""

    def __init__(self, iface, logger, workspace_path: str, source: str):
        self.iface, self.logger = iface, logger
        self.workspace_path, self.source = workspace_path, source
        self.dialog: Optional[PreviewDialog] = None
        self.task = None
        self.counts = None

    def start(self, source_crs: Optional[str] = None, member: Optional[str] = None) -> PreviewTask:
        return self._run(PreviewTask(self.workspace_path, self.source, source_crs, member), self.previewed, self.failed)

    def _run(self, task, done, failed):
        self.task = start_task(task, done, failed)
        return task

    def failed(self, task: PreviewTask) -> None:
        error = task.error
        if isinstance(error, MissingCrsError):
            crs = self.ask_crs(tr_message(error))
            if crs is not None:
                self.start(source_crs=crs, member=task.member)
            return
        if isinstance(error, ChoiceNeededError):
            member = self.ask_member(error.choices)
            if member is not None:
                self.start(source_crs=task.source_crs, member=member)
            return
        if error is None or isinstance(error, CancelledError):
            self.logger.log(tr("Import from Telkom cancelled; nothing was written"), WARNING, push=True)
        else:
            self.logger.log(
                tr("Import from Telkom refused; nothing was written: {error}").format(error=tr_message(error)),
                CRITICAL,
                push=True,
            )

    def ask_crs(self, message: str) -> Optional[str]:
        dialog = QgsProjectionSelectionDialog(self.iface.mainWindow())
        dialog.setWindowTitle(tr("The shapefile has no .prj: choose its coordinate reference system"))
        dialog.setMessage(message)
        dialog.setCrs(QgsCoordinateReferenceSystem("EPSG:32750"))
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.crs().isValid():
            return None
        crs = dialog.crs()
        return crs.authid() or crs.toWkt()

    def ask_member(self, choices: List[str]) -> Optional[str]:
        member, ok = QInputDialog.getItem(
            self.iface.mainWindow(),
            tr("Import from Telkom"),
            tr("The zip holds several shapefiles. Which one should be imported?"),
            choices,
            0,
            False,
        )
        return member if ok else None

    def previewed(self, task: PreviewTask) -> None:
        dialog = self.dialog = PreviewDialog(task.preview, self.iface.mainWindow())
        dialog.accepted.connect(lambda: self.apply(task.preview, dialog.leave_out()))
        dialog.show()

    def apply(self, preview, leave_out=None) -> ApplyTask:
        return self._run(ApplyTask(self.workspace_path, preview, leave_out), self.applied, self.apply_failed)

    def applied(self, task: ApplyTask) -> None:
        self.counts = counts = task.counts
        text = tr("Telkom import applied: {updated}, {new}").format(
            updated=counted(counts["UPDATED"], tr("{count} site updated"), tr("{count} sites updated")),
            new=counted(counts["NEW"], tr("{count} new site"), tr("{count} new sites")),
        )
        if counts.get("LEFT_OUT"):
            text += "; " + counted(counts["LEFT_OUT"], tr("{count} change left out"), tr("{count} changes left out"))
        self.logger.log(text, SUCCESS, push=True)
        from ..layers.workspace_layers import reload_workspace_layers

        reload_workspace_layers(self.workspace_path)

    def apply_failed(self, task: ApplyTask) -> None:
        if task.error is None or isinstance(task.error, CancelledError):
            self.logger.log(tr("Telkom import cancelled; nothing was written"), WARNING, push=True)
            return
        self.logger.log(
            tr("Telkom import not applied; nothing was written: {error}").format(error=tr_message(task.error)),
            CRITICAL,
            push=True,
        )


def import_from_telkom(iface, logger, source: Optional[str] = None) -> Optional[ImportFlow]:
    if not geopandas_ready(logger):
        return None
    from ..toolbelt.settings import workspace_path

    if source is None:
        source, _ = QFileDialog.getOpenFileName(
            iface.mainWindow(),
            tr("Import from Telkom"),
            telkom_folder(),  # where the last export or import went
            tr("Shapefile or zip (*.zip *.shp *.ZIP *.SHP)"),
        )
    if not source:
        return None
    remember_folder(source)
    if not os.path.exists(workspace_path()):
        logger.log(tr("There is no workspace yet: open the smart-city layers first"), WARNING, push=True)
        return None
    flow = ImportFlow(iface, logger, workspace_path(), source)
    flow.start()
    return flow
