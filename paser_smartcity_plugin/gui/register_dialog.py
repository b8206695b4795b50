"""The "Register coordinates" dialog: a thin face on core.register.Registrar.

Every keystroke re-runs :meth:`Registrar.assess` (the same checks the Processing algorithm
and the import run) and shows the position in decimal degrees and DMS, the suggested desa
and every problem in words. Save is enabled only when nothing blocks: no error, and no
warning unless the officer ticked "accept the warnings". Save calls
:meth:`Registrar.register` — one transaction — then refreshes the layer and selects the site.
"""

import math
from typing import Optional

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QDateTime, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.codelists import CATEGORY, COORD_SOURCE, COORD_STATUS
from ..core.coordinates import AUTO, DD_LATLON, DD_LONLAT, DDM, DMS, format_dd, format_dms
from ..core.register import Assessment, Registrar, RegistrationError, RegistrationRequest
from ..core.schema import layer_schema
from ..core.workspace import Workspace, WorkspaceError
from ..toolbelt.help import add_help_button, translate_buttons
from ..toolbelt.i18n import language, tr, tr_message

UID_ROLE = Qt.ItemDataRole.UserRole
LAYER_ROLE = Qt.ItemDataRole.UserRole + 1


def format_choices():
    return [
        (AUTO, tr("Auto-detect")),
        (DD_LATLON, tr("Decimal degrees: latitude, longitude")),
        (DD_LONLAT, tr("Decimal degrees: longitude latitude")),
        (DMS, tr("Degrees minutes seconds (1°54'08\" LS)")),
        (DDM, tr("Degrees decimal minutes (1°54.133' LS)")),
        ("EPSG:32750", tr("UTM zone 50S, WGS 84 (EPSG:32750)")),
        ("EPSG:9490", tr("UTM zone 50S, SRGI2013 (EPSG:9490)")),
        ("EPSG:23837", tr("TM-3 zone 50.1, DGN95 (EPSG:23837)")),
    ]


def make_registrar(path: str):
    """A Registrar with the officer's settings, and a problem with the boundary layer (or None)."""
    from ..layers.boundary import BoundaryLayerError, configured_boundaries
    from ..toolbelt.settings import load

    problem = None
    try:
        boundary = configured_boundaries()
    except BoundaryLayerError as exc:
        boundary, problem = None, str(exc)
    return Registrar(Workspace(path), boundary, load().duplicate_distance_m), problem


HELP_TOPIC = "register"


class RegisterDialog(QDialog):
    saved = pyqtSignal(str, str)  # layer, uid

    def __init__(self, workspace_path: str, iface=None, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("PaserRegisterDialog")
        self.setWindowTitle(tr("Register coordinates"))
        self.iface = iface
        self.path = workspace_path
        self.registrar, self.boundary_problem = make_registrar(workspace_path)
        self.assessment: Optional[Assessment] = None
        self._accepted = None  # the warnings the officer ticked "save anyway" for
        self.map_tool = None
        self._previous_tool = None
        self.lang = language()
        self._surveyed_at_stamp = None  # the time we put there; another value is the officer's
        self._build()
        # Fits a 1366×768 laptop (a 700 px dialog under the taskbar and title bar); the form
        # scrolls when the fonts are larger than that allows.
        wanted = (
            self.body_area.widget().sizeHint().height()
            + self.status_label.height()
            + self.button_box.sizeHint().height()
            + 40
        )
        body = self.body_area.widget()
        width = body.minimumSizeHint().width() + self.body_area.verticalScrollBar().sizeHint().width() + 30
        self.resize(max(640, width), min(wanted, 680))
        self.refresh_sites()
        self.update_feedback()

    # ---------------------------------------------------------------- layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        # The form scrolls on small screens; the result line and the buttons stay in view.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll, 1)
        self.body_area = scroll

        target = QGroupBox(tr("Site"), self)
        t_layout = QVBoxLayout(target)
        modes = QHBoxLayout()
        self.existing_radio = QRadioButton(tr("Existing site"), target)
        self.new_radio = QRadioButton(tr("New service point"), target)
        self.existing_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.existing_radio)
        group.addButton(self.new_radio)
        modes.addWidget(self.existing_radio)
        modes.addWidget(self.new_radio)
        t_layout.addLayout(modes)
        self.search_edit = QLineEdit(target)
        self.search_edit.setPlaceholderText(tr("Type part of the name (pending and approximate sites first)"))
        self.site_list = QListWidget(target)
        # A fixed height: the list must not grow or shrink under the cursor as the feedback
        # below changes, or a click meant for the coordinates switches the site.
        self.site_list.setFixedHeight(5 * self.fontMetrics().height() + 8)
        t_layout.addWidget(self.search_edit)
        t_layout.addWidget(self.site_list)
        self.new_box = QWidget(target)
        new_form = QFormLayout(self.new_box)
        self.name_edit = QLineEdit(self.new_box)
        self.category_combo = QComboBox(self.new_box)
        for code in CATEGORY:
            self.category_combo.addItem(code.label(self.lang), code.code)
        self.desa_combo = QComboBox(self.new_box)
        self.desa_combo.setEditable(True)
        self.desa_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.desa_combo.addItem(tr("The suggested desa"), "")
        for desa in sorted(self.registrar.gazetteer.desa, key=lambda d: d.name):
            self.desa_combo.addItem(f"{desa.display_name} — {desa.code}", desa.code)
        new_form.addRow(tr("Name"), self.name_edit)
        new_form.addRow(tr("Category"), self.category_combo)
        new_form.addRow(tr("Desa"), self.desa_combo)
        t_layout.addWidget(self.new_box)
        layout.addWidget(target)

        coords = QGroupBox(tr("Coordinates"), self)
        c_layout = QVBoxLayout(coords)
        row = QHBoxLayout()
        self.coord_edit = QLineEdit(coords)
        self.coord_edit.setPlaceholderText("-1,9023; 116,1892")
        self.coord_edit.setToolTip(
            tr(
                "Any format, e.g. -1,9023; 116,1892 · 1°54'08\" LS 116°11'21\" BT · "
                "457123 9789654 with a UTM or TM-3 format"
            )
        )
        self.format_combo = QComboBox(coords)
        for code, label in format_choices():
            self.format_combo.addItem(label, code)
        # Long format names must not widen the dialog: the combo shows what fits, the list all.
        self.format_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.format_combo.setMinimumContentsLength(12)
        row.addWidget(self.coord_edit, 3)
        row.addWidget(self.format_combo, 2)
        c_layout.addLayout(row)
        buttons = QHBoxLayout()
        self.pick_button = QPushButton(tr("Pick on the map"), coords)
        self.gps_button = QPushButton(tr("Use GPS position"), coords)
        self.fix_button = QPushButton(tr("Use the corrected value"), coords)
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.gps_button)
        buttons.addStretch(1)
        buttons.addWidget(self.fix_button)
        c_layout.addLayout(buttons)
        feedback = QHBoxLayout()  # one row for both forms of the position
        self.dd_label = QLabel(coords)
        self.dms_label = QLabel(coords)
        self.desa_label = QLabel(coords)
        self.desa_label.setWordWrap(True)
        for label in (self.dd_label, self.dms_label, self.desa_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        feedback.addWidget(QLabel(tr("Decimal degrees"), coords))
        feedback.addWidget(self.dd_label, 1)
        feedback.addWidget(QLabel(tr("DMS"), coords))
        feedback.addWidget(self.dms_label, 1)
        c_layout.addLayout(feedback)
        # The suggested desa and the problems change with every keystroke: they scroll in a
        # box of fixed height, so nothing above or below moves while the officer types.
        self.issues_label = QLabel()
        self.issues_label.setWordWrap(True)
        self.issues_label.setTextFormat(Qt.TextFormat.RichText)
        self.issues_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        feedback_body = QWidget()
        feedback_layout = QVBoxLayout(feedback_body)
        feedback_layout.setContentsMargins(2, 2, 2, 2)
        feedback_layout.addWidget(self.desa_label)
        feedback_layout.addWidget(self.issues_label)
        feedback_layout.addStretch(1)
        self.feedback_area = QScrollArea(coords)
        self.feedback_area.setWidget(feedback_body)
        self.feedback_area.setWidgetResizable(True)
        self.feedback_area.setFrameShape(QFrame.Shape.NoFrame)
        self.feedback_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.feedback_area.setFixedHeight(4 * self.fontMetrics().height() + 8)
        c_layout.addWidget(self.feedback_area)
        layout.addWidget(coords)

        details = QGroupBox(tr("Survey"), self)
        d_form = QGridLayout(details)  # two columns: the survey box takes three rows, not five
        self.source_combo = QComboBox(details)
        for code in COORD_SOURCE:
            self.source_combo.addItem(code.label(self.lang), code.code)
        self.accuracy_spin = QDoubleSpinBox(details)
        self.accuracy_spin.setRange(0, 100000)
        self.accuracy_spin.setDecimals(1)
        self.accuracy_spin.setSpecialValueText(tr("unknown"))
        self.accuracy_spin.setSuffix(" m")
        self.surveyed_by_edit = QLineEdit(details)
        self.surveyed_at_edit = QDateTimeEdit(details)
        self.surveyed_at_edit.setTimeSpec(Qt.TimeSpec.UTC)
        self.surveyed_at_edit.setDisplayFormat("yyyy-MM-dd HH:mm 'UTC'")
        self.surveyed_at_edit.setCalendarPopup(True)
        self.stamp_surveyed_at()
        self.notes_edit = QPlainTextEdit(details)
        self.notes_edit.setFixedHeight(2 * self.fontMetrics().height() + 12)
        for row, column, text, widget in (
            (0, 0, tr("Coordinate source"), self.source_combo),
            (0, 2, tr("Accuracy"), self.accuracy_spin),
            (1, 0, tr("Surveyed by"), self.surveyed_by_edit),
            (1, 2, tr("Surveyed at"), self.surveyed_at_edit),
        ):
            d_form.addWidget(QLabel(text, details), row, column)
            d_form.addWidget(widget, row, column + 1)
        d_form.addWidget(QLabel(tr("Note"), details), 2, 0)
        d_form.addWidget(self.notes_edit, 2, 1, 1, 3)
        self.source_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_combo.setMinimumContentsLength(10)
        d_form.setColumnStretch(1, 1)
        d_form.setColumnStretch(3, 1)
        layout.addWidget(details)

        self.use_suggested_desa_check = QCheckBox(tr("Change the site's desa to the suggested one"), self)
        # Shown only on a desa mismatch, but its room is kept: the buttons below do not jump.
        policy = self.use_suggested_desa_check.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.use_suggested_desa_check.setSizePolicy(policy)
        layout.addWidget(self.use_suggested_desa_check)
        self.accept_warnings_check = QCheckBox(tr("I have read the warnings: save anyway"), self)
        layout.addWidget(self.accept_warnings_check)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.status_label.setFixedHeight(2 * self.fontMetrics().height() + 4)
        layout.addStretch(1)
        outer.addWidget(self.status_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.help_button = add_help_button(self.button_box, HELP_TOPIC)
        translate_buttons(self.button_box)
        outer.addWidget(self.button_box)

        self.existing_radio.toggled.connect(self._mode_changed)
        self.search_edit.textChanged.connect(self.refresh_sites)
        self.site_list.currentItemChanged.connect(lambda *_: self.update_feedback())
        for signal in (self.coord_edit.textChanged, self.name_edit.textChanged):
            signal.connect(lambda *_: self.update_feedback())
        for combo in (self.format_combo, self.category_combo, self.desa_combo, self.source_combo):
            combo.currentIndexChanged.connect(lambda *_: self.update_feedback())
        self.accuracy_spin.valueChanged.connect(lambda *_: self.update_feedback())
        self.accept_warnings_check.toggled.connect(self._warnings_accepted)
        self.use_suggested_desa_check.toggled.connect(lambda *_: self.update_feedback())
        self.pick_button.clicked.connect(self.start_picking)
        self.gps_button.clicked.connect(self.use_gps)
        self.fix_button.clicked.connect(self.use_correction)
        self.save_button.clicked.connect(self.save)
        self.button_box.rejected.connect(self.reject)
        self._mode_changed()

    # ---------------------------------------------------------------- target

    def _mode_changed(self) -> None:
        existing = self.existing_radio.isChecked()
        self.search_edit.setVisible(existing)
        self.site_list.setVisible(existing)
        self.new_box.setVisible(not existing)
        self.update_feedback()

    def refresh_sites(self) -> None:
        current = self.site_list.currentItem()
        keep = current.data(UID_ROLE) if current else None
        self.site_list.blockSignals(True)
        self.site_list.clear()
        for layer, row in self.registrar.search(self.search_edit.text()):
            schema = layer_schema(layer)
            status = (
                schema.status_codes.label(row["status"], self.lang)
                if row.get("status") in schema.status_codes
                else row.get("status") or ""
            )
            coord = _coord_status_label(row.get("coord_status"), self.lang)
            item = QListWidgetItem(f"{row['name']} — {schema.title(self.lang)} · {status} · {coord}")
            item.setData(UID_ROLE, row["uid"])
            item.setData(LAYER_ROLE, layer)
            self.site_list.addItem(item)
            if row["uid"] == keep:
                self.site_list.setCurrentItem(item)
        self.site_list.blockSignals(False)
        self.update_feedback()

    def reload(self) -> None:
        self.registrar.reload()
        self.refresh_surveyed_at()
        self.refresh_sites()

    def stamp_surveyed_at(self, moment: Optional[QDateTime] = None) -> None:
        """Put ``moment`` (now) in "Surveyed at" as the dialog's own value, not the officer's."""
        moment = moment or QDateTime.currentDateTimeUtc()
        self.surveyed_at_edit.setDateTime(moment)
        self._surveyed_at_stamp = self.surveyed_at_edit.dateTime()

    def refresh_surveyed_at(self) -> None:
        """Move "Surveyed at" to now, unless the officer set it (a survey done earlier)."""
        if self.surveyed_at_edit.dateTime() == self._surveyed_at_stamp:
            self.stamp_surveyed_at()

    def select_site(self, uid: str) -> bool:
        for i in range(self.site_list.count()):
            if self.site_list.item(i).data(UID_ROLE) == uid:
                self.site_list.setCurrentRow(i)
                return True
        return False

    # ---------------------------------------------------------------- feedback

    def request(self) -> RegistrationRequest:
        existing = self.existing_radio.isChecked()
        item = self.site_list.currentItem()
        accuracy = self.accuracy_spin.value()
        return RegistrationRequest(
            coordinates=self.coord_edit.text(),
            format=self.format_combo.currentData(),
            site=(item.data(UID_ROLE) if item else "") if existing else "",
            name="" if existing else self.name_edit.text(),
            category="" if existing else self.category_combo.currentData(),
            desa_code=(
                self._suggested_desa_code()
                if existing and self.use_suggested_desa_check.isChecked()
                else ""
                if existing
                else (self.desa_combo.currentData() or "")
            ),
            coord_source=self.source_combo.currentData(),
            accuracy_m=accuracy if accuracy > 0 else None,
            surveyed_by=self.surveyed_by_edit.text(),
            surveyed_at=self.surveyed_at_edit.dateTime().toUTC().toString("yyyy-MM-ddTHH:mm:ss.zzzZ"),
            notes=self.notes_edit.toPlainText(),
        )

    def _suggested_desa_code(self) -> str:
        suggestion = self.registrar.suggest(
            RegistrationRequest(self.coord_edit.text(), self.format_combo.currentData())
        )
        return suggestion.desa.code if suggestion else ""

    def update_feedback(self) -> None:
        if not hasattr(self, "save_button"):
            return
        self.refresh_gps()
        request = self.request()
        lines = []
        if self.boundary_problem:
            lines.append(("warning", self.boundary_problem + " — " + tr("the regency's extent is used instead")))
        if self.existing_radio.isChecked() and not request.site:
            # Before any input a hint, not a red error on a dialog just opened.
            level = "error" if request.coordinates.strip() else "info"
            lines.append((level, tr("Choose the site in the list, or switch to “New service point”")))
            a = None
        else:
            a = self.registrar.assess(request)
        if a is not None and not request.coordinates.strip():
            # Nothing typed yet: only what is wrong with the target, no "no coordinates" shouting.
            a.issues = [i for i in a.issues if i.code != "parse"]
            lines.append(("info", tr("Type or paste the coordinates, pick them on the map or use the GPS")))
        self.assessment = a
        parsed = a.parsed if a else None
        if parsed is not None:
            self.dd_label.setText(format_dd(parsed.lat, parsed.lon, 7))
            self.dms_label.setText(format_dms(parsed.lat, parsed.lon, self.lang, 2))
        else:
            self.dd_label.setText("—")
            self.dms_label.setText("—")
        self.desa_label.setText(
            tr("Suggested desa: {desa}").format(desa=a.desa.describe().render(tr) if a and a.desa else "—")
        )
        if a is not None:
            for issue in a.issues:
                lines.append((issue.level, issue.message.render(tr)))
        self.fix_button.setVisible(bool(a and a.correction))
        self._render_issues(lines)
        # Offered while the existing site's desa differs from the suggestion (and kept while ticked).
        mismatch = bool(a and any(i.code == "desa_mismatch" for i in a.warnings))
        self.use_suggested_desa_check.setVisible(
            self.existing_radio.isChecked() and (mismatch or self.use_suggested_desa_check.isChecked())
        )
        self.accept_warnings_check.setEnabled(bool(a and a.warnings and not a.errors))
        # The officer accepts the warnings read, not whatever the next keystroke brings.
        if self.accept_warnings_check.isChecked() and self._warning_texts() != self._accepted:
            self.accept_warnings_check.setChecked(False)
        self._update_save()

    def _warning_texts(self):
        return tuple(str(w) for w in self.assessment.warnings) if self.assessment else ()

    def _warnings_accepted(self, checked: bool) -> None:
        self._accepted = self._warning_texts() if checked else None
        self._update_save()

    def _render_issues(self, lines) -> None:
        colours = {"error": "#c62828", "warning": "#e65100", "info": "#455a64"}
        prefixes = {"error": tr("Error"), "warning": tr("Warning"), "info": tr("Note")}
        html = "<br>".join(
            f"<span style='color:{colours[level]}'><b>{prefixes[level]}:</b> {_escape(text)}</span>"
            for level, text in lines
        )
        self.issues_label.setText(html)
        self.issue_texts = [f"{prefixes[level]}: {text}" for level, text in lines]

    def _update_save(self) -> None:
        a = self.assessment
        ok = bool(
            a and a.parsed and a.can_write(self.accept_warnings_check.isChecked()) and self.coord_edit.text().strip()
        )
        self.save_button.setEnabled(ok)

    def use_correction(self) -> None:
        if self.assessment and self.assessment.correction:
            lat, lon = self.assessment.correction
            self.format_combo.setCurrentIndex(0)
            self.coord_edit.setText(format_dd(lat, lon, 7))

    # ---------------------------------------------------------------- map and GPS

    def start_picking(self) -> None:
        if self.iface is None:
            return
        from .map_tool import PointPickTool

        canvas = self.iface.mapCanvas()
        if self.map_tool is None:
            self.map_tool = PointPickTool(canvas)
            self.map_tool.picked.connect(self.set_picked_point)
            self.map_tool.failed.connect(lambda error: self.status_label.setText(error))
        self._previous_tool = canvas.mapTool()
        canvas.setMapTool(self.map_tool)
        self.status_label.setText(tr("Click the site on the map"))

    def set_picked_point(self, lon: float, lat: float) -> None:
        self.format_combo.setCurrentIndex(0)
        self.source_combo.setCurrentIndex(self.source_combo.findData("map"))
        # A click is as exact as one screen pixel at the scale of the map: that is its accuracy.
        pixel_m = self._pixel_size_m(lon, lat)
        if pixel_m is not None:
            self.accuracy_spin.setValue(max(0.1, math.ceil(pixel_m * 10) / 10))
        self.refresh_surveyed_at()
        self.coord_edit.setText(format_dd(lat, lon, 7))
        if pixel_m is not None:
            self.status_label.setText(
                tr(
                    "Position picked on the map; accuracy {metres:.1f} m, one screen pixel at "
                    "this scale: zoom in for a better one"
                ).format(metres=pixel_m)
            )
        else:
            self.status_label.setText(tr("Position picked on the map"))
        if self.iface is not None and self.map_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.map_tool:
                if self._previous_tool is not None:
                    canvas.setMapTool(self._previous_tool)
                else:
                    canvas.unsetMapTool(self.map_tool)
        self.raise_()
        self.activateWindow()

    def _pixel_size_m(self, lon: float, lat: float) -> Optional[float]:
        """The ground width of one canvas pixel at (lon, lat), in metres; None without a canvas."""
        if self.iface is None or self.iface.mapCanvas() is None:
            return None
        from qgis.core import QgsCsException, QgsDistanceArea

        canvas = self.iface.mapCanvas()
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        to_canvas = QgsCoordinateTransform(wgs84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
        try:
            here = to_canvas.transform(QgsPointXY(lon, lat))
            there = to_canvas.transform(
                QgsPointXY(here.x() + canvas.mapUnitsPerPixel(), here.y()), QgsCoordinateTransform.ReverseTransform
            )
        except QgsCsException:
            return None
        area = QgsDistanceArea()
        area.setEllipsoid("EPSG:7030")  # WGS 84
        metres = area.measureLine(QgsPointXY(lon, lat), there)
        return metres if math.isfinite(metres) and metres > 0 else None

    @staticmethod
    def gps_connection():
        connections = QgsApplication.gpsConnectionRegistry().connectionList()
        return connections[0] if connections else None

    def refresh_gps(self) -> None:
        connected = self.gps_connection() is not None
        self.gps_button.setEnabled(connected)
        self.gps_button.setToolTip("" if connected else tr("Connect a GPS in QGIS's GPS Information panel first"))

    def use_gps(self) -> None:
        connection = self.gps_connection()
        if connection is None:
            self.status_label.setText(tr("No GPS is connected"))
            return
        info = connection.currentGPSInformation()
        if not info.isValid() or not (math.isfinite(info.latitude) and math.isfinite(info.longitude)):
            self.status_label.setText(tr("The GPS has no position fix yet"))
            return
        self.format_combo.setCurrentIndex(0)
        self.source_combo.setCurrentIndex(self.source_combo.findData("gps_survey"))
        if math.isfinite(info.hacc) and info.hacc > 0:
            self.accuracy_spin.setValue(info.hacc)
        self.surveyed_at_edit.setDateTime(QDateTime.currentDateTimeUtc())
        self.coord_edit.setText(format_dd(info.latitude, info.longitude, 7))
        self.status_label.setText(tr("Position taken from the GPS"))

    # ---------------------------------------------------------------- save

    def _unsaved_qgis_edits(self) -> Optional[str]:
        """The name of a workspace layer with unsaved QGIS edits: writing under them would be overwritten."""
        from ..layers.workspace_layers import find_layers

        for layer in find_layers(QgsProject.instance(), self.path).values():
            if layer.isEditable() and layer.isModified():
                return layer.name()
        return None

    def save(self) -> Optional[str]:
        self.refresh_surveyed_at()  # the dialog may have been open for hours
        self.update_feedback()
        if not self.save_button.isEnabled():
            return None
        editing = self._unsaved_qgis_edits()
        if editing:
            self.status_label.setText(
                tr(
                    "Not saved: the layer “{layer}” has unsaved edits in QGIS — save or discard "
                    "them first, so that neither change overwrites the other"
                ).format(layer=editing)
            )
            return None
        try:
            result = self.registrar.register(self.request(), force=self.accept_warnings_check.isChecked())
        except RegistrationError as exc:
            self.status_label.setText(tr("Not saved: {reason}").format(reason=exc.render(tr)))
            return None
        except WorkspaceError as exc:
            self.status_label.setText(tr("Not saved: {reason}").format(reason=tr_message(exc)))
            return None
        self._show_in_project(result.layer, result.uid, result.lon, result.lat)
        self.status_label.setText(tr("Saved: {lat:.7f}, {lon:.7f}").format(lat=result.lat, lon=result.lon))
        self.saved.emit(result.layer, result.uid)
        self.coord_edit.clear()
        self.notes_edit.clear()
        self.accept_warnings_check.setChecked(False)
        self.use_suggested_desa_check.setChecked(False)
        if self.new_radio.isChecked():
            self.name_edit.clear()
            self.existing_radio.setChecked(True)
        self.refresh_surveyed_at()
        saved = next((row for row in self.registrar.sites(result.layer) if row["uid"] == result.uid), None)
        self.search_edit.setText(saved["name"] if saved else "")  # refreshes the list
        self.select_site(result.uid)
        return result.uid

    def _show_in_project(self, layer_name: str, uid: str, lon: float, lat: float) -> None:
        from ..layers.workspace_layers import find_layers

        layer = find_layers(QgsProject.instance(), self.path).get(layer_name)
        if layer is None:
            return
        layer.dataProvider().reloadData()
        layer.reload()
        layer.selectByExpression("\"uid\" = '{}'".format(uid.replace("'", "''")))
        layer.triggerRepaint()
        if self.iface is not None:
            canvas = self.iface.mapCanvas()
            transform = QgsCoordinateTransform(
                QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(), QgsProject.instance()
            )
            point = transform.transform(QgsPointXY(lon, lat))
            if not canvas.extent().contains(point):
                canvas.setCenter(point)
            canvas.refresh()

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        self._release_map_tool()
        super().closeEvent(event)

    def reject(self):
        self._release_map_tool()
        super().reject()

    def _release_map_tool(self) -> None:
        if self.iface is not None and self.map_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.map_tool:
                canvas.unsetMapTool(self.map_tool)


def _coord_status_label(code, lang: str) -> str:
    return COORD_STATUS.label(code, lang) if code in COORD_STATUS else (code or "")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
