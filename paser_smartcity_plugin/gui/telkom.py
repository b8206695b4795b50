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
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.telkom import CancelledError, ChoiceNeededError, GeopandasMissingError, MissingCrsError, TelkomError
from ..toolbelt.help import add_help_button, translate_buttons
from ..toolbelt.i18n import tr, tr_message
from ..toolbelt.logger import CRITICAL, SUCCESS, WARNING

# Tasks and their contexts must outlive the action callback that starts them.
_RUNNING: List[object] = []

HELP_TOPIC = "telkom"
PREVIEW_ROW_LIMIT = 5000  # the table shows this many lines; the report CSV holds all of them


def geopandas_ready(logger) -> bool:
    """True when geopandas can be used; otherwise the officer is told what to install."""
    from ..core.telkom.engine import load

    try:
        load()
    except GeopandasMissingError as exc:
        logger.log(
            tr("The Telkom exchange needs geopandas: {error}").format(error=tr_message(exc)), CRITICAL, push=True
        )
        return False
    return True


def _keep(task) -> None:
    _RUNNING.append(task)

    def forget(*_args):
        if task in _RUNNING:
            _RUNNING.remove(task)

    task.taskCompleted.connect(forget)
    task.taskTerminated.connect(forget)


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
        for value, text in (
            ("EPSG:4326", tr("EPSG:4326 — WGS 84, longitude/latitude")),
            ("EPSG:32750", tr("EPSG:32750 — WGS 84 / UTM zone 50S")),
            ("EPSG:9490", tr("EPSG:9490 — SRGI2013 / UTM zone 50S")),
        ):
            self.crs.addItem(text, value)
        self.output = QgsFileWidget()
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter(tr("Zip archive (*.zip)"))
        self.output.setConfirmOverwrite(True)
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
            "WORKSPACE": workspace,
            "LAYERS": self.layers.currentData(),
            "SELECTED_ONLY": self.selected_only.isChecked(),
            "CRS": self.crs.currentData(),
            "OUTPUT": output,
        }


def start_export(parameters: dict, logger, on_done: Optional[Callable[[bool, dict], None]] = None):
    """Run export_telkom as a background task; returns the task."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("paser_smartcity:export_telkom")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    task.setDescription(tr("Export for Telkom"))

    def executed(ok, results):
        if ok:
            logger.log(
                tr("Telkom package written: {path} ({features} sites, {pending} without coordinates)").format(
                    path=results["OUTPUT"],
                    features=int(results["FEATURES"]),
                    pending=int(results["WITHOUT_COORDINATES"]),
                ),
                SUCCESS,
                push=True,
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
    _keep(task)
    QgsApplication.taskManager().addTask(task)
    return task


def export_for_telkom(iface, logger):
    if not geopandas_ready(logger):
        return None
    from ..toolbelt.settings import workspace_path

    dialog = ExportDialog(iface.mainWindow())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    parameters = dialog.parameters(workspace_path())
    if not parameters["OUTPUT"]:
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
        self.preview = None
        self.error: Optional[Exception] = None

    def run(self) -> bool:
        from ..core.telkom.engine import run_in_worker
        from ..core.telkom.importer import preview_import
        from ..core.telkom.mapping import parse_aliases
        from ..core.workspace import Workspace, WorkspaceError
        from ..layers.boundary import configured_boundaries

        try:
            aliases = parse_aliases(self.aliases_text)
            boundary = configured_boundaries()  # BoundaryLayerError is a ValueError
            self.preview = run_in_worker(
                preview_import,
                Workspace(self.workspace_path),
                self.source,
                source_crs=self.source_crs,
                member=self.member,
                aliases=aliases,
                match_distance_m=self.distance,
                progress=self.setProgress,
                is_canceled=self.isCanceled,
                boundary=boundary,
            )
            return True
        except (TelkomError, WorkspaceError, ValueError) as exc:
            self.error = exc
            return False


class ApplyTask(QgsTask):
    """Writes the accepted changes of a preview in one transaction (core.telkom.importer.apply_import)."""

    def __init__(self, workspace_path: str, preview):
        super().__init__(tr("Import from Telkom: apply"), QgsTask.CanCancel)
        self.workspace_path, self.preview = workspace_path, preview
        self.counts = None
        self.error: Optional[Exception] = None

    def run(self) -> bool:
        from ..core.telkom.engine import run_in_worker
        from ..core.telkom.importer import apply_import
        from ..core.workspace import Workspace, WorkspaceError

        try:
            self.counts = run_in_worker(
                apply_import,
                Workspace(self.workspace_path),
                self.preview,
                progress=self.setProgress,
                is_canceled=self.isCanceled,
            )
            return True
        except (TelkomError, WorkspaceError) as exc:
            self.error = exc
            return False


class PreviewDialog(QDialog):
    """Every row of the preview: matched site, changes old → new, new sites, rejections with reasons."""

    def __init__(self, preview, parent=None):
        super().__init__(parent)
        from ..core.telkom.importer import UNCHANGED

        self.preview = preview
        self.setWindowTitle(tr("Import from Telkom — preview"))
        self.resize(1100, 600)
        layout = QVBoxLayout(self)
        sources = "; ".join(
            tr("{name} → {layer} ({features} rows, {encoding}, {crs})").format(
                name=s.name, layer=s.layer, features=s.features, encoding=s.encoding, crs=s.crs
            )
            for s in preview.sources
        )
        counts = preview.counts()
        self.summary = QLabel(
            tr(
                "{sources}\n{matched} rows matched to a site, {updated} of them with changes; "
                "{new} new sites; {rejected} rows rejected. Nothing has been written yet."
            ).format(
                sources=sources,
                matched=counts["MATCHED"],
                updated=counts["UPDATED"],
                new=counts["NEW"],
                rejected=counts["REJECTED"],
            )
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.show_unchanged = QCheckBox(tr("Show unchanged rows"))
        self.show_unchanged.toggled.connect(self._fill)
        layout.addWidget(self.show_unchanged)
        headers = [
            tr("Layer"),
            tr("Row"),
            tr("Action"),
            tr("Matched by"),
            tr("Site"),
            tr("Field"),
            tr("Old"),
            tr("New"),
            tr("Reason / note"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.truncated = QLabel("")
        layout.addWidget(self.truncated)
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton(tr("Apply {count} changes").format(count=preview.changes))
        self.apply_button.setEnabled(preview.changes > 0)
        self.report_button = QPushButton(tr("Save report…"))
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.report_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.help_button = add_help_button(buttons, HELP_TOPIC)
        translate_buttons(buttons)
        self.apply_button.clicked.connect(self.accept)
        self.report_button.clicked.connect(self.save_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._unchanged = UNCHANGED
        self._fill()

    def lines(self, show_unchanged: bool = False):
        """The table's lines: one per changed field, per rejection reason, per (unchanged) row."""
        action_text = {
            "unchanged": tr("unchanged"),
            "update": tr("update"),
            "new": tr("new"),
            "rejected": tr("rejected"),
        }
        matched_text = {"proximity": tr("proximity")}  # UID and SITE_ID are column names, kept
        for r in self.preview.rows:
            if r.action == self._unchanged and not show_unchanged:
                continue
            head = [
                r.layer,
                str(r.row),
                action_text[r.action],
                matched_text.get(r.matched_by, r.matched_by or ""),
                f"{r.name or ''} {r.uid or ''}".strip(),
            ]
            note = "; ".join(tr_message(text) for text in (r.reasons or r.warnings))
            if r.action == "update" or (r.action == "new" and r.changes):
                for change in r.changes:
                    yield head + [change.column, _show(change.old), _show(change.new), note]
            else:
                yield head + ["", "", "", note]

    def _fill(self, *_args):
        self.table.setRowCount(0)
        rows = []
        for line in self.lines(self.show_unchanged.isChecked()):
            rows.append(line)
            if len(rows) > PREVIEW_ROW_LIMIT:
                break
        shown = rows[:PREVIEW_ROW_LIMIT]
        self.table.setRowCount(len(shown))
        for i, line in enumerate(shown):
            for j, text in enumerate(line):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setData(Qt.ItemDataRole.UserRole, line[2])
                self.table.setItem(i, j, item)
        self.truncated.setText(
            tr("Only the first {count} lines are shown; save the report to see all.").format(count=PREVIEW_ROW_LIMIT)
            if len(rows) > PREVIEW_ROW_LIMIT
            else ""
        )
        self.table.resizeColumnsToContents()

    def save_report(self, path: Optional[str] = None) -> Optional[str]:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save report"), "", tr("CSV (*.csv)"))
        if path:
            self.preview.write_report(path)
        return path or None


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return f"{value[0]:.6f}, {value[1]:.6f}"
    return str(value)


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
        """Hand a task to QGIS's task manager, with what follows its end."""
        task.taskCompleted.connect(lambda: done(task))
        task.taskTerminated.connect(lambda: failed(task))
        self.task = task
        _keep(task)
        QgsApplication.taskManager().addTask(task)
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
        self.dialog = PreviewDialog(task.preview, self.iface.mainWindow())
        self.dialog.accepted.connect(lambda: self.apply(task.preview))
        self.dialog.show()

    def apply(self, preview) -> ApplyTask:
        return self._run(ApplyTask(self.workspace_path, preview), self.applied, self.apply_failed)

    def applied(self, task: ApplyTask) -> None:
        self.counts = task.counts
        self.logger.log(
            tr("Telkom import applied: {updated} sites updated, {new} new").format(
                updated=task.counts["UPDATED"], new=task.counts["NEW"]
            ),
            SUCCESS,
            push=True,
        )
        from ..layers.workspace_layers import find_layers

        for layer in find_layers(QgsProject.instance(), self.workspace_path).values():
            layer.dataProvider().reloadData()
            layer.triggerRepaint()

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
            iface.mainWindow(), tr("Import from Telkom"), "", tr("Shapefile or zip (*.zip *.shp *.ZIP *.SHP)")
        )
    if not source:
        return None
    if not os.path.exists(workspace_path()):
        logger.log(tr("There is no workspace yet: open the smart-city layers first"), WARNING, push=True)
        return None
    flow = ImportFlow(iface, logger, workspace_path(), source)
    flow.start()
    return flow
