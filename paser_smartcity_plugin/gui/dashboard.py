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
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionHeader,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import dashboard as core_dashboard
from ..core.codelists import REDDISH_PURPLE, SERVICE_STATUS, TOWER_STATUS
from ..core.gazetteer import REGENCY_NAME, default_gazetteer
from ..core.rows import GEOMETRY
from ..core.schema import CRS_AUTHID, LAYER_NAMES, SERVICE_POINTS, TOWER_PLANS
from ..core.workspace import Workspace, WorkspaceError
from ..layers.workspace_layers import find_layers
from ..toolbelt import settings as plugin_settings
from ..toolbelt.events import plugin_events
from ..toolbelt.help import open_help
from ..toolbelt.i18n import counted, language, tr, tr_message
from ..toolbelt.logger import CRITICAL, SUCCESS, Logger

HELP_TOPIC = "dashboard"
OBJECT_NAME = "PaserSmartCityDashboard"
KEY_ROLE = Qt.ItemDataRole.UserRole
FULL_HEADER_ROLE = Qt.ItemDataRole.UserRole + 1
COLOR_ROLE = Qt.ItemDataRole.UserRole + 2  # a status column's colour, drawn in its header
OTHER_COLOR = REDDISH_PURPLE  # the one Okabe–Ito colour no status uses
TARGET_COLOR = "#c62828"
# Columns of each table: the kecamatan, the total, the approximate coordinates, then the statuses.
KECAMATAN_COLUMN, FIRST_STATUS_COLUMN = 0, 3

Segment = Tuple[int, str, str]  # count, colour, label


def split_label(text: str) -> List[str]:
    """A header label on at most two lines, split at the space that balances them best."""
    words = text.split()
    if len(words) < 2:
        return [text]
    cuts = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return list(min(cuts, key=lambda pair: max(len(pair[0]), len(pair[1]))))


class StatusHeader(QHeaderView):
    """Column titles written upwards on two lines at most, under the status colour.

    Whole words in a narrow dock: a column is as wide as two lines of text (or its numbers),
    not as its title. The first column (the kecamatan) keeps the usual upright title.
    """

    PADDING = 6
    SWATCH = 9

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    def _lines(self, logical: int) -> List[str]:
        return split_label(str(self.model().headerData(logical, Qt.Orientation.Horizontal) or ""))

    def _color(self, logical: int) -> Optional[QColor]:
        item = self.parent().horizontalHeaderItem(logical) if hasattr(self.parent(), "horizontalHeaderItem") else None
        color = item.data(COLOR_ROLE) if item is not None else None
        return QColor(color) if color else None

    def sectionSizeFromContents(self, logical: int) -> QSize:  # noqa: N802 - Qt's name
        if logical == KECAMATAN_COLUMN:
            return super().sectionSizeFromContents(logical)
        metrics = self.fontMetrics()
        lines = self._lines(logical)
        width = len(lines) * metrics.lineSpacing() + 2 * self.PADDING
        height = max(metrics.horizontalAdvance(line) for line in lines) + 3 * self.PADDING + self.SWATCH
        return QSize(width, height)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:  # noqa: N802 - Qt's name
        if logical == KECAMATAN_COLUMN:
            super().paintSection(painter, rect, logical)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        painter.save()
        # the section's background only: CE_Header would restore an empty clip region after
        # its label and hide everything drawn next on a painter that had no clipping
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
        painter.restore()
        painter.save()
        color = self._color(logical)
        if color is not None:
            swatch = QRectF(rect.center().x() - self.SWATCH / 2, rect.top() + self.PADDING, self.SWATCH, self.SWATCH)
            painter.setPen(QPen(QColor("#1a1a1a"), 1))
            painter.setBrush(color)
            painter.drawRect(swatch)
        painter.setPen(self.palette().buttonText().color())
        metrics = self.fontMetrics()
        lines = self._lines(logical)
        spacing = metrics.lineSpacing()
        # rotate a quarter turn: x runs up the section from its bottom, y across it
        painter.translate(rect.left(), rect.bottom())
        painter.rotate(-90)
        top = (rect.width() - len(lines) * spacing) / 2
        length = rect.height() - 2 * self.PADDING - self.SWATCH - self.PADDING
        for number, line in enumerate(lines):
            painter.drawText(
                QRectF(self.PADDING, top + number * spacing, length, spacing),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line,
            )
        painter.restore()


class StatusBars(QWidget):
    """Two stacked bars (service points against the target, towers), drawn with QPainter.

    Under each bar its legend: every status present with its count, and the target's dashed
    line explained; the legend wraps onto more lines in a narrow dock (height for width).
    Hovering a segment, the target line or a legend entry shows what it is.
    """

    BAR_HEIGHT = 18

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: List[Tuple[str, List[Segment], Optional[int]]] = []
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(True)

    def set_bars(self, bars: List[Tuple[str, List[Segment], Optional[int]]]) -> None:
        """(title, segments, target) per bar; the target draws a dashed line."""
        self.bars = bars
        self.updateGeometry()
        self.setFixedHeight(self.heightForWidth(self.width()))
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return int(self.layout_items(width)[1])

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(260, self.heightForWidth(260))

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wanted = self.heightForWidth(event.size().width())
        if wanted != self.height():
            self.setFixedHeight(wanted)

    @staticmethod
    def target_text(target: int) -> str:
        return tr("Target: {target} service points (the 2022 programme)").format(target=target)

    def layout_items(self, width: int):
        """What to draw where, for ``width``: [(kind, rect, payload)], and the height it takes."""
        metrics = self.fontMetrics()
        line = metrics.height()
        inner = max(10, width - 16)
        items = []
        y = 4.0
        for title, segments, target in self.bars:
            items.append(("title", QRectF(8, y, inner, line + 2), title))
            y += line + 4
            total = sum(count for count, _color, _label in segments)
            scale = max(total, target or 0, 1)
            items.append(("track", QRectF(8, y, inner, self.BAR_HEIGHT), None))
            x = 8.0
            for count, color, label in segments:
                if count > 0:
                    span = inner * count / scale
                    items.append(("segment", QRectF(x, y, span, self.BAR_HEIGHT), (color, label, count)))
                    x += span
            if target:
                tx = 8 + inner * target / scale
                items.append(("target", QRectF(tx - 4, y - 3, 8, self.BAR_HEIGHT + 6), target))
            y += self.BAR_HEIGHT + 4
            entries = [("segment", (color, label, count)) for count, color, label in segments if count > 0]
            if target:
                entries.append(("target", target))
            x, row_height = 8.0, line + 2
            for kind, payload in entries:
                text = f"{payload[1]} {payload[2]}" if kind == "segment" else self.target_text(payload)
                advance = min(14 + metrics.horizontalAdvance(text) + 12, inner)
                if x > 8 and x + advance > 8 + inner:  # wrap: never cut a legend entry off
                    x = 8.0
                    y += row_height + 2
                    row_height = line + 2
                # an entry longer than the line wraps its own words
                lines = metrics.boundingRect(
                    QRect(0, 0, int(advance - 14), 10000), int(Qt.TextFlag.TextWordWrap), text
                ).height()
                height = max(line + 2, lines + 2)
                row_height = max(row_height, height)
                items.append(("legend", QRectF(x, y, advance, height), (kind, payload, text)))
                x += advance
            y += row_height + 6
        return items, y

    def tooltip_at(self, point: QPointF) -> str:
        """What the officer sees when hovering ``point``: a status and its count, or the target."""
        for kind, rect, payload in reversed(self.layout_items(self.width())[0]):
            if not rect.contains(point):
                continue
            if kind == "segment":
                return f"{payload[1]}: {payload[2]}"
            if kind == "target":
                return self.target_text(payload)
            if kind == "legend":
                return self.target_text(payload[1]) if payload[0] == "target" else f"{payload[1][1]}: {payload[1][2]}"
        return ""

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().windowText().color()
        dashed = QPen(QColor(TARGET_COLOR), 2, Qt.PenStyle.DashLine)
        for kind, rect, payload in self.layout_items(self.width())[0]:
            if kind == "title":
                painter.setPen(text_color)
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), payload)
            elif kind in ("track", "segment"):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#eeeeee" if kind == "track" else payload[0]))
                painter.drawRect(rect)
            elif kind == "target":
                painter.setPen(dashed)
                x = int(rect.center().x())
                painter.drawLine(x, int(rect.top()), x, int(rect.bottom()))
            elif kind == "legend":
                entry, value, text = payload
                if entry == "target":
                    painter.setPen(dashed)
                    x = int(rect.left() + 5)
                    painter.drawLine(x, int(rect.top() + 2), x, int(rect.bottom() - 2))
                else:
                    painter.setPen(QPen(QColor("#1a1a1a"), 1))
                    painter.setBrush(QColor(value[0]))
                    painter.drawRect(
                        QRectF(rect.left(), rect.top() + (self.fontMetrics().height() + 2) / 2 - 5, 10, 10)
                    )
                painter.setPen(text_color)
                painter.drawText(
                    QRectF(rect.left() + 14, rect.top(), rect.width() - 14, rect.height()),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap),
                    text,
                )
        painter.end()


class _Body(QWidget):
    """The dock's contents; its width hint is what the tables need to show every column."""

    def __init__(self, dock):
        super().__init__()
        self.dock = dock

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(max(self.dock.wanted_width(), 200), hint.height())


class DashboardDock(QgsDockWidget):
    def __init__(self, iface, logger: Optional[Logger] = None, parent=None):
        super().__init__(tr("Programme dashboard"), parent or iface.mainWindow())
        self.iface = iface
        self.logger = logger or Logger(iface)
        self.setObjectName(OBJECT_NAME)
        self.data: Optional[core_dashboard.Dashboard] = None
        self._watched: List[QgsVectorLayer] = []

        buttons = self._build_buttons()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.source_label = QLabel()  # the workspace's file name; the whole path in its tooltip
        self.source_label.setStyleSheet("color: #455a64")
        self.chart = StatusBars()
        self.tabs = QTabWidget()
        self.tables: Dict[str, QTableWidget] = {}
        for layer, title in ((SERVICE_POINTS, tr("Service points")), (TOWER_PLANS, tr("Towers"))):
            self.tables[layer] = self._build_table()
            self.tabs.addTab(self.tables[layer], title)
        self._set_headers()

        body = _Body(self)
        layout = QVBoxLayout(body)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.source_label)
        layout.addWidget(self.chart)
        layout.addWidget(self.tabs, 1)
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

    def _build_buttons(self) -> QHBoxLayout:
        """A row of QGIS icons (their names in the tooltips): the dock stays as narrow as its table."""

        def button(icon: str, text: str, tip: str, slot) -> QToolButton:
            tool = QToolButton()
            tool.setIcon(QgsApplication.getThemeIcon(icon))
            tool.setText(text)
            tool.setToolTip(tip)
            tool.setAutoRaise(True)
            tool.clicked.connect(self._guarded(lambda *_: slot()))  # clicked(bool): the slots take none
            return tool

        self.refresh_button = button("/mActionRefresh.svg", tr("Refresh"), tr("Refresh"), self.refresh)
        self.zoom_button = button(
            "/mActionZoomToSelected.svg",
            tr("Zoom to selected row"),
            tr("Zoom the map to the sites of the selected row; double-clicking a row does the same"),
            lambda: self.zoom_to_row(self.selected_row()),
        )
        self.export_button = button(
            "/mActionFileSaveAs.svg", tr("Export CSV…"), tr("Export CSV…"), self.choose_and_export
        )
        self.help_button = button(
            "/mActionHelpContents.svg", tr("Help"), tr("Help"), lambda: open_help(HELP_TOPIC, self)
        )
        row = QHBoxLayout()
        for tool in (self.refresh_button, self.zoom_button, self.export_button):
            row.addWidget(tool)
        row.addStretch(1)
        row.addWidget(self.help_button)
        return row

    def _build_table(self) -> QTableWidget:
        table = QTableWidget()
        table.setHorizontalHeader(StatusHeader(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # its width is planned for
        table.itemSelectionChanged.connect(self._guarded(lambda *_: self._row_selected(table)))
        table.cellDoubleClicked.connect(self._guarded(lambda row, _column: self.zoom_to_row(row)))
        return table

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
        request = QgsFeatureRequest().setSubsetOfAttributes(["desa_code", "status", "coord_status"], layer.fields())
        sites = []
        for feature in layer.getFeatures(request):
            geometry = feature.geometry()
            point = None
            if geometry is not None and not geometry.isNull() and not geometry.isEmpty():
                p = geometry.asPoint()
                point = (p.x(), p.y())
            sites.append(
                {
                    "desa_code": feature["desa_code"],
                    "status": feature["status"],
                    "coord_status": feature["coord_status"],
                    GEOMETRY: point,
                }
            )
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
            self.source_label.setText("")
            for table in self.tables.values():
                table.setRowCount(0)
            self.chart.set_bars([])
            return None
        overall = data.overall
        lines = [
            tr(
                "{registered} of {target} service points registered ({share:.0%}), {active} active "
                "({active_share:.0%} of the target); {towers}."
            ).format(
                registered=overall.service_total,
                target=data.target,
                share=data.target_share,
                active=overall.delivered,
                active_share=data.delivered_share,
                towers=counted(overall.tower_total, tr("{count} tower"), tr("{count} towers")),
            ),
            counted(
                overall.approximate,
                tr("{count} site still has approximate coordinates (a desa centre): survey it."),
                tr("{count} sites still have approximate coordinates (a desa centre): survey them."),
            ),
        ]
        self.summary.setText("\n".join(lines))
        # the file's name, not its whole path: the path is in the tooltip
        self.source_label.setText(tr("Workspace: {name}").format(name=os.path.basename(source)))
        self.source_label.setToolTip(source)
        selected = self.selected_key()
        self._fill_table(data)
        self._select_key(selected or core_dashboard.OVERALL_KEY)
        return data

    # -- table and chart

    @staticmethod
    def columns(layer: str) -> List[Tuple[str, str, str, Optional[str]]]:
        """(key, header, tooltip, colour) of each column of ``layer``'s table."""
        lang = language()
        if layer == SERVICE_POINTS:
            codes, total, total_tip = SERVICE_STATUS, tr("Service points"), tr("Service points, every status")
            prefix = tr("Service points: {status}")
        else:
            codes, total, total_tip = TOWER_STATUS, tr("Towers"), tr("Towers, every status")
            prefix = tr("Towers: {status}")
        return [
            ("kecamatan", tr("Kecamatan"), tr("Kecamatan"), None),
            ("total", total, total_tip, None),
            (
                core_dashboard.APPROXIMATE,
                tr("Approximate coordinates"),
                tr("Sites whose coordinates are still approximate (a desa centre): to be surveyed"),
                None,
            ),
        ] + [(c.code, c.label(lang), prefix.format(status=c.label(lang)), c.color) for c in codes]

    def _set_headers(self) -> None:
        for layer, table in self.tables.items():
            columns = self.columns(layer)
            table.setColumnCount(len(columns))
            for c, (_key, header, tip, color) in enumerate(columns):
                item = QTableWidgetItem(header)
                item.setToolTip(tip)
                item.setData(FULL_HEADER_ROLE, header)
                if color:
                    item.setData(COLOR_ROLE, color)
                table.setHorizontalHeaderItem(c, item)
            self._set_column_widths(table)

    def _column_widths(self, table: QTableWidget) -> List[int]:
        """Every column as wide as its header and its numbers; the kecamatan as its longest name."""
        metrics = table.fontMetrics()
        names = [k.name for k in default_gazetteer().kecamatan] + [REGENCY_NAME, tr("Unknown desa code")]
        bold = QFont(table.font())
        bold.setBold(True)
        name_width = max(metrics.horizontalAdvance(n) for n in names)
        name_width = max(name_width, QFontMetrics(bold).horizontalAdvance(REGENCY_NAME)) + 16
        header = table.horizontalHeader()
        number = QFontMetrics(bold).horizontalAdvance("000") + 12  # the programme counts hundreds
        return [name_width] + [
            max(header.sectionSizeFromContents(c).width(), number) for c in range(1, table.columnCount())
        ]

    def _set_column_widths(self, table: QTableWidget) -> None:
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for c, width in enumerate(self._column_widths(table)):
            table.setColumnWidth(c, width)

    def wanted_width(self) -> int:
        """The dock width that shows every column of the wider table, with its scroll bar."""
        needed = 0
        for table in self.tables.values():
            needed = max(
                needed,
                sum(self._column_widths(table)) + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth(),
            )
        margins = self.widget().layout().contentsMargins() if self.widget() and self.widget().layout() else None
        return needed + 8 + (margins.left() + margins.right() if margins else 18)

    @property
    def table(self) -> QTableWidget:
        """The table on show."""
        return self.tabs.currentWidget()

    def _fill_table(self, data: core_dashboard.Dashboard) -> None:
        for layer, table in self.tables.items():
            keys = [key for key, _header, _tip, _color in self.columns(layer)]
            table.blockSignals(True)
            table.clearContents()
            table.setRowCount(len(data.rows))
            for r, row in enumerate(data.rows):
                counts = row.service if layer == SERVICE_POINTS else row.towers
                total = row.service_total if layer == SERVICE_POINTS else row.tower_total
                approximate = row.service_approximate if layer == SERVICE_POINTS else row.tower_approximate
                name = tr("Unknown desa code") if row.key == core_dashboard.UNKNOWN_KEY else row.name
                values = [name, total, approximate] + [counts.get(k, 0) for k in keys[FIRST_STATUS_COLUMN:]]
                for c, value in enumerate(values):
                    item = QTableWidgetItem(str(value))
                    if c == KECAMATAN_COLUMN:
                        item.setData(KEY_ROLE, row.key)
                        if row.key == core_dashboard.OVERALL_KEY:
                            item.setToolTip(
                                tr("{regency} (target {target})").format(regency=row.name, target=data.target)
                            )
                    else:
                        item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                    if row.key == core_dashboard.OVERALL_KEY:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    table.setItem(r, c, item)
            table.blockSignals(False)

    def selected_row(self) -> int:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return rows[0].row() if rows else 0

    def selected_key(self) -> Optional[str]:
        table = self.table
        item = table.item(self.selected_row(), 0) if table.rowCount() else None
        return item.data(KEY_ROLE) if item is not None and table.selectionModel().hasSelection() else None

    def _select_key(self, key: str) -> None:
        rows = [r for r in range(self.table.rowCount()) if self.table.item(r, 0).data(KEY_ROLE) == key]
        self._select_row(rows[0] if rows else 0)

    def _select_row(self, row: int) -> None:
        """The same kecamatan in both tables (their rows are in the same order)."""
        for table in self.tables.values():
            table.blockSignals(True)
            table.selectRow(row)
            table.blockSignals(False)
        self._update_chart()

    def _row_selected(self, table: QTableWidget) -> None:
        rows = table.selectionModel().selectedRows()
        if rows:
            self._select_row(rows[0].row())

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
        self.chart.set_bars(
            [
                (
                    tr("{name} — service points: {count}").format(name=row.name, count=row.service_total),
                    segments(row.service, SERVICE_STATUS),
                    target,
                ),
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
