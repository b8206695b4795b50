"""Programme dashboard dock: service points and towers by status, per kecamatan and overall.

The figures come from core.dashboard; this module only reads the sites (from the layers in
the project — unsaved edits included — or else from the workspace file), shows them as a
bar chart and a table, zooms the map to a row and exports CSV. It refreshes itself when the
layers' data change and when a sync announces a finished write
(toolbelt.events.notify_workspace_changed).
"""

import os
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QRectF, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QPainter, QPen
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import dashboard as core_dashboard
from ..core.codelists import SERVICE_STATUS, TOWER_STATUS
from ..core.rows import GEOMETRY
from ..core.schema import CRS_AUTHID, LAYER_NAMES, SERVICE_POINTS, TOWER_PLANS
from ..core.workspace import Workspace, WorkspaceError
from ..layers.workspace_layers import find_layers
from ..toolbelt import settings as plugin_settings
from ..toolbelt.events import plugin_events
from ..toolbelt.help import open_help
from ..toolbelt.i18n import language, tr, tr_message, tr_noop
from ..toolbelt.logger import CRITICAL, SUCCESS, Logger

HELP_TOPIC = "dashboard"
OBJECT_NAME = "PaserSmartCityDashboard"
KEY_ROLE = Qt.ItemDataRole.UserRole
FULL_HEADER_ROLE = Qt.ItemDataRole.UserRole + 1
# Short column headers of the table (the full status label is the header's tooltip).
SHORT_SERVICE = {
    "planned": tr_noop("Plan"),
    "survey": tr_noop("Surv."),
    "installation": tr_noop("Inst."),
    "active": tr_noop("Active"),
    "disrupted": tr_noop("Disr."),
    "inactive": tr_noop("Inact."),
}
SHORT_TOWER = {
    "coordinates_pending": tr_noop("No coord."),
    "coordinates_set": tr_noop("Coord."),
    "permit": tr_noop("Permit"),
    "construction": tr_noop("Build"),
    "on_air": tr_noop("On air"),
    "cancelled": tr_noop("Canc."),
}
OTHER_COLOR = "#000000"

Segment = Tuple[int, str, str]  # count, colour, label


class StatusBars(QWidget):
    """Two stacked bars (service points against the target, towers), drawn with QPainter."""

    BAR_HEIGHT = 18

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: List[Tuple[str, List[Segment], Optional[int]]] = []
        self.setMinimumHeight(2 * (20 + self.BAR_HEIGHT + 4 + 22) + 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.minimumHeight())

    def set_bars(self, bars: List[Tuple[str, List[Segment], Optional[int]]]) -> None:
        """(title, segments, target) per bar; the target draws a dashed line."""
        self.bars = bars
        self.update()

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(10, self.width() - 16)
        y = 4
        for title, segments, target in self.bars:
            total = sum(count for count, _color, _label in segments)
            scale = max(total, target or 0, 1)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(8, y, width, 18), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title
            )
            y += 20
            x = 8.0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#eeeeee"))
            painter.drawRect(QRectF(x, y, width, self.BAR_HEIGHT))
            for count, color, _label in segments:
                if count <= 0:
                    continue
                span = width * count / scale
                painter.setBrush(QColor(color))
                painter.drawRect(QRectF(x, y, span, self.BAR_HEIGHT))
                x += span
            if target:
                pen = QPen(QColor("#c62828"), 2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                tx = 8 + width * target / scale
                painter.drawLine(int(tx) - 1, y - 3, int(tx) - 1, y + self.BAR_HEIGHT + 3)
            y += self.BAR_HEIGHT + 4
            # legend: the statuses present, with their count
            x = 8.0
            for count, color, label in segments:
                if count <= 0:
                    continue
                text = f"{label} {count}"
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(color))
                painter.drawRect(QRectF(x, y + 4, 10, 10))
                painter.setPen(self.palette().windowText().color())
                advance = painter.fontMetrics().horizontalAdvance(text)
                painter.drawText(
                    QRectF(x + 14, y, advance + 4, 18),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
                x += 14 + advance + 12
            y += 22
        painter.end()


class DashboardDock(QgsDockWidget):
    def __init__(self, iface, logger: Optional[Logger] = None, parent=None):
        super().__init__(tr("Programme dashboard"), parent or iface.mainWindow())
        self.iface = iface
        self.logger = logger or Logger(iface)
        self.setObjectName(OBJECT_NAME)
        self.data: Optional[core_dashboard.Dashboard] = None
        self._watched: List[QgsVectorLayer] = []

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = StatusBars()
        self.table = QTableWidget()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Compact: short headers (full names in their tooltips), columns as wide as their
        # contents, and a horizontal scroll bar when the dock is narrower than that.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.itemSelectionChanged.connect(self._guarded(lambda *_: self._update_chart()))
        self.table.cellDoubleClicked.connect(self._guarded(lambda row, _column: self.zoom_to_row(row)))

        self.refresh_button = QPushButton(tr("Refresh"))
        self.zoom_button = QPushButton(tr("Zoom to selected row"))
        self.zoom_button.setToolTip(
            tr("Zoom the map to the sites of the selected row; double-clicking a row does the same")
        )
        self.export_button = QPushButton(tr("Export CSV…"))
        self.help_button = QPushButton(tr("Help"))
        # clicked(bool) passes "checked": the slots here take no argument.
        self.refresh_button.clicked.connect(self._guarded(lambda *_: self.refresh()))
        self.zoom_button.clicked.connect(self._guarded(lambda *_: self.zoom_to_row(self.selected_row())))
        self.export_button.clicked.connect(self._guarded(lambda *_: self.choose_and_export()))
        self.help_button.clicked.connect(self._guarded(lambda *_: open_help(HELP_TOPIC)))
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.zoom_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.help_button)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.table, 1)
        self.setWidget(body)

        # Edits arrive in bursts (a paste of 50 features, a commit): refresh once after them.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._guarded(lambda *_: self.refresh()))
        project = QgsProject.instance()
        project.layersAdded.connect(self._layers_changed)
        project.layersRemoved.connect(self._layers_changed)
        plugin_events().workspace_changed.connect(self.schedule_refresh)
        plugin_events().settings_changed.connect(self.schedule_refresh)  # another workspace file
        self._watch_layers()

    # -- wiring

    def _guarded(self, callback):
        """A slot whose failure is a message, never QGIS's Python error dialog."""

        def run(*args):
            try:
                return callback(*args)
            except Exception as exc:  # noqa: BLE001 - last line of defence in a Qt slot
                import traceback

                self.logger.log(
                    tr("Dashboard error: {error}").format(error=exc),
                    CRITICAL,
                    push=True,
                    details=traceback.format_exc(),
                )
                return None

        return run

    def _layers_changed(self, *_args) -> None:
        self._watch_layers()
        self.schedule_refresh()

    @staticmethod
    def _layer_signals(layer: QgsVectorLayer):
        # layerModified: any change in the edit buffer; the others: saved, undone or reloaded data.
        return (layer.layerModified, layer.dataChanged, layer.afterRollBack, layer.afterCommitChanges)

    def _unwatch_layers(self) -> None:
        for layer in self._watched:
            try:
                for signal in self._layer_signals(layer):
                    signal.disconnect(self.schedule_refresh)
            except (TypeError, RuntimeError):  # already gone with its layer
                pass
        self._watched = []

    def _watch_layers(self) -> None:
        self._unwatch_layers()
        self._watched = list(find_layers(QgsProject.instance()).values())
        for layer in self._watched:
            for signal in self._layer_signals(layer):
                signal.connect(self.schedule_refresh)

    def schedule_refresh(self, *_args) -> None:
        self._timer.start()

    def close_dashboard(self) -> None:
        """Disconnect from the project and the plugin events (the plugin unloads)."""
        self._timer.stop()
        project = QgsProject.instance()
        for signal in (project.layersAdded, project.layersRemoved):
            try:
                signal.disconnect(self._layers_changed)
            except (TypeError, RuntimeError):
                pass
        for signal in (plugin_events().workspace_changed, plugin_events().settings_changed):
            try:
                signal.disconnect(self.schedule_refresh)
            except (TypeError, RuntimeError):
                pass
        self._unwatch_layers()

    # -- data

    @staticmethod
    def _layer_sites(layer: QgsVectorLayer) -> List[Dict]:
        request = QgsFeatureRequest().setSubsetOfAttributes(["desa_code", "status"], layer.fields())
        sites = []
        for feature in layer.getFeatures(request):
            geometry = feature.geometry()
            point = None
            if geometry is not None and not geometry.isNull() and not geometry.isEmpty():
                p = geometry.asPoint()
                point = (p.x(), p.y())
            sites.append({"desa_code": feature["desa_code"], "status": feature["status"], GEOMETRY: point})
        return sites

    def load(self) -> Tuple[Optional[core_dashboard.Dashboard], str]:
        """The figures and where they come from (shown under the chart)."""
        layers = find_layers(QgsProject.instance())
        if len(layers) == len(LAYER_NAMES):
            source = layers[SERVICE_POINTS].source().split("|")[0]
            return (
                core_dashboard.compute(
                    self._layer_sites(layers[SERVICE_POINTS]), self._layer_sites(layers[TOWER_PLANS])
                ),
                source,
            )
        path = plugin_settings.workspace_path()
        if os.path.exists(path):
            try:
                return core_dashboard.from_workspace(Workspace(path)), path
            except WorkspaceError as exc:
                self.logger.log(tr("Cannot read the workspace: {error}").format(error=tr_message(exc)), CRITICAL)
        return None, ""

    def refresh(self) -> Optional[core_dashboard.Dashboard]:
        self._timer.stop()
        data, source = self.load()
        self.data = data
        if data is None:
            self.summary.setText(tr("No workspace yet: open the smart-city layers first."))
            self.table.setRowCount(0)
            self.chart.set_bars([])
            return None
        self.summary.setText(
            tr(
                "{registered} of {target} service points registered ({share:.0%}), {active} active "
                "({active_share:.0%} of the target); {towers} towers. Source: {source}"
            ).format(
                registered=data.overall.service_total,
                target=data.target,
                share=data.target_share,
                active=data.overall.delivered,
                active_share=data.delivered_share,
                towers=data.overall.tower_total,
                source=source,
            )
        )
        selected = self.selected_key()
        self._fill_table(data)
        self._select_key(selected or core_dashboard.OVERALL_KEY)
        self._update_chart()
        return data

    # -- table and chart

    def headers(self) -> List[str]:
        lang = language()
        return (
            [tr("Kecamatan"), tr("Service points")]
            + [SERVICE_STATUS.label(c, lang) for c in SERVICE_STATUS.codes]
            + [tr("Towers")]
            + [TOWER_STATUS.label(c, lang) for c in TOWER_STATUS.codes]
        )

    @staticmethod
    def short_headers() -> List[str]:
        """What the table's header shows: short enough for the dock's default width."""
        service = [tr(SHORT_SERVICE.get(c, c)) for c in SERVICE_STATUS.codes]
        towers = [tr(SHORT_TOWER.get(c, c)) for c in TOWER_STATUS.codes]
        return [tr("Kecamatan"), tr("Points")] + service + [tr("Towers")] + towers

    def _fill_table(self, data: core_dashboard.Dashboard) -> None:
        headers = self.headers()
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        service_columns = range(2, 2 + len(SERVICE_STATUS.codes))
        for c, (short, full) in enumerate(zip(self.short_headers(), headers)):
            item = QTableWidgetItem(short)
            if c in service_columns:
                full = tr("Service points: {status}").format(status=full)
            elif c > 2 + len(SERVICE_STATUS.codes):
                full = tr("Towers: {status}").format(status=full)
            item.setData(Qt.ItemDataRole.ToolTipRole, full)
            item.setData(FULL_HEADER_ROLE, headers[c])
            self.table.setHorizontalHeaderItem(c, item)
        self.table.setRowCount(len(data.rows))
        for r, row in enumerate(data.rows):
            if row.key == core_dashboard.OVERALL_KEY:
                name = row.name  # the target is in the tooltip and the chart: the column stays narrow
            elif row.key == core_dashboard.UNKNOWN_KEY:
                name = tr("Unknown desa code")
            else:
                name = row.name
            values = (
                [name, row.service_total]
                + [row.service.get(c, 0) for c in SERVICE_STATUS.codes]
                + [row.tower_total]
                + [row.towers.get(c, 0) for c in TOWER_STATUS.codes]
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if c == 0:
                    item.setData(KEY_ROLE, row.key)
                    if row.key == core_dashboard.OVERALL_KEY:
                        item.setData(
                            Qt.ItemDataRole.ToolTipRole,
                            tr("{regency} (target {target})").format(regency=row.name, target=data.target),
                        )
                else:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                if row.key == core_dashboard.OVERALL_KEY:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else 0

    def selected_key(self) -> Optional[str]:
        item = self.table.item(self.selected_row(), 0) if self.table.rowCount() else None
        return item.data(KEY_ROLE) if item is not None and self.table.selectionModel().hasSelection() else None

    def _select_key(self, key: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(KEY_ROLE) == key:
                self.table.selectRow(r)
                return
        self.table.selectRow(0)

    def row_key(self, row: int) -> str:
        return self.table.item(row, 0).data(KEY_ROLE)

    def _update_chart(self) -> None:
        if self.data is None or not self.table.rowCount():
            self.chart.set_bars([])
            return
        row = self.data.row(self.row_key(self.selected_row()))
        lang = language()

        def segments(counts, codes) -> List[Segment]:
            found = [(counts.get(c.code, 0), c.color, c.label(lang)) for c in codes]
            if counts.get(core_dashboard.OTHER_STATUS):
                found.append((counts[core_dashboard.OTHER_STATUS], OTHER_COLOR, tr("Other status")))
            return found

        target = self.data.target if row.key == core_dashboard.OVERALL_KEY else None
        service_title = tr("{name} — service points: {count}").format(name=row.name, count=row.service_total)
        if target:
            service_title += tr(" (target {target})").format(target=target)
        self.chart.set_bars(
            [
                (service_title, segments(row.service, SERVICE_STATUS), target),
                (
                    tr("{name} — towers: {count}").format(name=row.name, count=row.tower_total),
                    segments(row.towers, TOWER_STATUS),
                    None,
                ),
            ]
        )

    # -- actions

    def zoom_to_row(self, row: int) -> Optional[QgsRectangle]:
        """Zoom the map canvas to the sites of a table row (its kecamatan box when none has coordinates)."""
        if self.data is None or not 0 <= row < self.table.rowCount():
            return None
        extent = self.data.row(self.row_key(row)).extent()
        rectangle = QgsRectangle(extent.west, extent.south, extent.east, extent.north)
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(CRS_AUTHID), canvas.mapSettings().destinationCrs(), QgsProject.instance()
        )
        rectangle = transform.transformBoundingBox(rectangle)
        canvas.setExtent(rectangle)
        canvas.refresh()
        return rectangle

    def export_csv(self, path: str) -> bool:
        data = self.data or self.refresh()
        if data is None:
            self.logger.log(tr("Nothing to export: open the smart-city layers first."), CRITICAL, push=True)
            return False
        try:
            core_dashboard.write_csv(data, path, language())
        except OSError as exc:
            self.logger.log(tr("Cannot write {path}: {error}").format(path=path, error=exc), CRITICAL, push=True)
            return False
        self.logger.log(tr("Dashboard exported: {path}").format(path=path), SUCCESS, push=True)
        return True

    def choose_and_export(self) -> bool:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Export dashboard"), "paser_dashboard.csv", tr("CSV (*.csv)")
        )
        if not path:
            return False
        if not path.lower().endswith(".csv"):
            path += ".csv"
        return self.export_csv(path)
