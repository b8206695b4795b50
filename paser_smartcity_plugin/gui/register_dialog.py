"""The "Register coordinates" dialog: a thin face on core.register.Registrar.

Every keystroke re-runs :meth:`Registrar.assess` (the same checks the Processing algorithm
and the import run) and shows the position in decimal degrees and DMS, the suggested desa
and every problem in words. The problems, the "save anyway" acknowledgement and the reason
Save is disabled sit next to Save, outside the scrolled form, so they are always in view.
Save calls :meth:`Registrar.register` — one transaction — then refreshes the layer and
selects the site. The position is marked on the map while the dialog is open; picking on
the map hides the dialog until the click (or Esc).
"""

import html
import math
from typing import List, Optional, Tuple

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsPointXY,
    QgsProject,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsScrollArea, QgsVertexMarker
from qgis.PyQt.QtCore import QDateTime, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor
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
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.codelists import CATEGORY, COORD_SOURCE, COORD_STATUS
from ..core.coordinates import AUTO, DD_LATLON, DD_LONLAT, DDM, DMS, format_dd, format_dms
from ..core.register import Assessment, RegistrationError, RegistrationRequest
from ..core.schema import SERVICE_POINTS, layer_schema
from ..core.workspace import Workspace, WorkspaceError
from ..layers.boundary import configured_registrar
from ..toolbelt import regency_time
from ..toolbelt.help import add_help_button, translate_buttons
from ..toolbelt.i18n import decimal_point, language, tr, tr_message

UID_ROLE = Qt.ItemDataRole.UserRole
LAYER_ROLE = Qt.ItemDataRole.UserRole + 1
HELP_TOPIC = "register"
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
# How long the officer may pause inside the coordinates before a half-typed value is an error.
TYPING_PAUSE_MS = 1200
# How each kind of feedback line looks: colour of its prefix and text.
LEVEL_COLOURS = {
    "error": "#c62828",
    "warning": "#b34700",
    "info": "#455a64",
    "incomplete": "#455a64",
    "success": "#2e7d32",
}
# The map marker: red while the position is refused, orange with warnings, green when it can be saved.
MARKER_COLOURS = {"error": "#d50000", "warning": "#ff6d00", "ok": "#00c853"}


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


def level_prefixes():
    return {"error": tr("Error"), "warning": tr("Warning"), "info": tr("Note"), "incomplete": tr("Incomplete")}


class RegisterDialog(QDialog):
    saved = pyqtSignal(str, str)  # layer, uid

    def __init__(self, workspace_path: str, iface=None, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("PaserRegisterDialog")
        self.setWindowTitle(tr("Register coordinates"))
        self.iface = iface
        self.path = workspace_path
        self.registrar, self.boundary_problem = configured_registrar(Workspace(workspace_path))
        self.assessment: Optional[Assessment] = None
        self.feedback_lines: List[Tuple[str, str]] = []  # (level, text) as shown next to Save
        self.status: Optional[Tuple[str, str]] = None  # (level, text): what the last action did
        self._accepted = None  # the warnings the officer ticked "save anyway" for
        self.map_tool = None
        self._previous_tool = None
        self.picking = False
        self._pick_message = None
        self.marker: Optional[QgsVertexMarker] = None
        self.lang = language()
        self.decimal_point = decimal_point()
        self._surveyed_at_stamp = None  # the time we put there; another value is the officer's
        self.typing = False  # the officer is typing the coordinates: a half-typed value is no error yet
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_PAUSE_MS)

        outer = QVBoxLayout(self)
        outer.addWidget(self._build_form(), 1)
        outer.addWidget(self._build_footer())
        self._mode_changed()
        self._connect_signals()
        self._sized = False  # sized to its contents on first show, once the style has set the fonts
        self.refresh_sites()

    # ---------------------------------------------------------------- layout

    def _build_form(self) -> QgsScrollArea:
        """Site, coordinates and survey, scrolling on small screens (the footer stays in view)."""
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_site_box())
        layout.addWidget(self._build_coordinates_box())
        layout.addWidget(self._build_survey_box())
        layout.addStretch(1)
        # QgsScrollArea: the mouse wheel scrolls the form instead of changing the combo under it.
        self.body_area = QgsScrollArea(self)
        self.body_area.setWidget(body)
        self.body_area.setWidgetResizable(True)
        self.body_area.setFrameShape(QFrame.Shape.NoFrame)
        self.body_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return self.body_area

    def _build_site_box(self) -> QGroupBox:
        box = QGroupBox(tr("Site"), self)
        layout = QVBoxLayout(box)
        modes = QHBoxLayout()
        self.existing_radio = QRadioButton(tr("Existing site"), box)
        self.new_radio = QRadioButton(tr("New service point"), box)
        self.existing_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.existing_radio)
        group.addButton(self.new_radio)
        modes.addWidget(self.existing_radio)
        modes.addWidget(self.new_radio)
        layout.addLayout(modes)
        self.search_edit = QLineEdit(box)
        self.search_edit.setPlaceholderText(tr("Type part of the name (pending and approximate sites first)"))
        self.site_list = QListWidget(box)
        # A fixed height: the list must not grow or shrink under the cursor as the feedback
        # changes, or a click meant for the coordinates switches the site. Long entries are
        # cut with "…" (the whole text is the item's tooltip): no sideways scroll bar.
        self.site_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.site_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.site_list.setUniformItemSizes(True)
        self.site_list.addItem("—")  # one row to measure: four whole rows are shown
        rows = 4 * self.site_list.sizeHintForRow(0) + 2 * self.site_list.frameWidth()
        self.site_list.clear()
        self.site_list.setFixedHeight(rows)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.site_list)
        self.new_box = QWidget(box)
        form = QFormLayout(self.new_box)
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
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("Category"), self.category_combo)
        form.addRow(tr("Desa"), self.desa_combo)
        layout.addWidget(self.new_box)
        return box

    def _build_coordinates_box(self) -> QGroupBox:
        box = QGroupBox(tr("Coordinates"), self)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.coord_edit = QLineEdit(box)
        example = format_dd(-1.9023, 116.1892, 4, self.decimal_point)
        self.coord_edit.setPlaceholderText(example)
        self.coord_edit.setToolTip(
            tr(
                "Any format, e.g. {example} · 1°54'08\" LS 116°11'21\" BT · 457123 9789654 with a UTM or TM-3 format"
            ).format(example=example)
        )
        self.format_combo = QComboBox(box)
        for code, label in format_choices():
            self.format_combo.addItem(label, code)
        # Long format names must not widen the dialog: the combo shows what fits, the list all.
        self.format_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.format_combo.setMinimumContentsLength(12)
        row.addWidget(self.coord_edit, 3)
        row.addWidget(self.format_combo, 2)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.pick_button = QPushButton(tr("Pick on the map"), box)
        self.pick_button.setToolTip(tr("The dialog steps aside until you click the map; Esc cancels"))
        self.gps_button = QPushButton(tr("Use GPS position"), box)
        self.fix_button = QPushButton(tr("Use the corrected value"), box)
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.gps_button)
        buttons.addStretch(1)
        buttons.addWidget(self.fix_button)
        layout.addLayout(buttons)
        # The position in both forms and the suggested desa, each of fixed height, so that
        # nothing below moves while the officer types.
        position = QFormLayout()
        self.dd_label = QLabel(box)
        self.dms_label = QLabel(box)
        self.desa_label = QLabel(box)
        self.desa_label.setWordWrap(True)
        self.desa_label.setFixedHeight(2 * self.fontMetrics().lineSpacing() + 2)
        self.desa_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for label in (self.dd_label, self.dms_label, self.desa_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        forms = QHBoxLayout()  # decimal degrees and DMS side by side: the same position twice
        forms.addWidget(self.dd_label)
        forms.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        forms.addWidget(self.dms_label, 1)
        self.dd_label.setToolTip(tr("Decimal degrees"))
        self.dms_label.setToolTip(tr("Degrees, minutes and seconds"))
        position.addRow(tr("Position"), forms)
        position.addRow(tr("Suggested desa"), self.desa_label)
        layout.addLayout(position)
        return box

    def _build_survey_box(self) -> QGroupBox:
        box = QgsCollapsibleGroupBox(tr("Survey"), self)
        box.setObjectName("PaserRegisterSurveyBox")
        grid = QGridLayout(box)  # two columns: the survey box takes three rows, not five
        self.source_combo = QComboBox(box)
        for code in COORD_SOURCE:
            self.source_combo.addItem(code.label(self.lang), code.code)
        self.source_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_combo.setMinimumContentsLength(10)
        self.accuracy_spin = QDoubleSpinBox(box)  # writes decimals in QGIS's locale, like QGIS's own
        accuracy = layer_schema(SERVICE_POINTS).field("accuracy_m")  # the rule's home: the schema
        self.accuracy_spin.setRange(accuracy.minimum, accuracy.maximum)
        self.accuracy_spin.setDecimals(1)
        self.accuracy_spin.setSpecialValueText(tr("unknown"))
        self.accuracy_spin.setSuffix(" m")
        self.surveyed_by_edit = QLineEdit(box)
        self.surveyed_at_edit = QDateTimeEdit(box)
        regency_time.configure_edit(self.surveyed_at_edit)
        self.surveyed_at_edit.setCalendarPopup(True)
        self.surveyed_at_edit.setToolTip(
            tr("In the regency's time (WITA, UTC+8); the workspace stores it in UTC, as every tool expects")
        )
        self.stamp_surveyed_at()
        self.notes_edit = QLineEdit(box)  # a short note ("pondasi sudah ada"): one line keeps the form short
        for row, column, text, widget in (
            (0, 0, tr("Coordinate source"), self.source_combo),
            (0, 2, tr("Accuracy"), self.accuracy_spin),
            (1, 0, tr("Surveyed by"), self.surveyed_by_edit),
            (1, 2, tr("Surveyed at"), self.surveyed_at_edit),
        ):
            grid.addWidget(QLabel(text, box), row, column)
            grid.addWidget(widget, row, column + 1)
        grid.addWidget(QLabel(tr("Note"), box), 2, 0)
        grid.addWidget(self.notes_edit, 2, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def _build_footer(self) -> QWidget:
        """Everything that decides Save, next to Save: the problems, their acknowledgement, why not."""
        self.footer = QFrame(self)
        self.footer.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self.footer)
        layout.setContentsMargins(6, 4, 6, 4)
        self.issues_label = QLabel(self.footer)
        self.issues_label.setWordWrap(True)
        self.issues_label.setTextFormat(Qt.TextFormat.RichText)
        self.issues_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.issues_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for two lines before it grows (the form above then scrolls): a first warning
        # does not push anything, and no warning is ever cut off.
        self.issues_label.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 2)
        layout.addWidget(self.issues_label)
        self.use_suggested_desa_check = QCheckBox(tr("Change the site's desa to the suggested one"), self.footer)
        layout.addWidget(self.use_suggested_desa_check)
        buttons = QHBoxLayout()
        self.accept_warnings_check = QCheckBox(tr("I have read the warnings: save anyway"), self.footer)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self.footer
        )
        self.save_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.help_button = add_help_button(self.button_box, HELP_TOPIC)
        translate_buttons(self.button_box)
        buttons.addWidget(self.accept_warnings_check)
        buttons.addStretch(1)
        buttons.addWidget(self.button_box)
        layout.addLayout(buttons)
        self.save_hint = QLabel(self.footer)  # why Save is disabled, in words, right under it
        self.save_hint.setWordWrap(True)
        self.save_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.save_hint.setStyleSheet("color: #455a64; font-style: italic")
        self.save_hint.setMinimumHeight(self.fontMetrics().lineSpacing())
        layout.addWidget(self.save_hint)
        return self.footer

    def _connect_signals(self) -> None:
        """Last, once every widget exists: no slot ever sees a half-built dialog."""
        self.existing_radio.toggled.connect(self._mode_changed)
        self.search_edit.textChanged.connect(self.refresh_sites)
        self.site_list.currentItemChanged.connect(lambda *_: self.update_feedback())
        self.coord_edit.textEdited.connect(self._typed)
        self._typing_timer.timeout.connect(self._typing_paused)
        self.coord_edit.editingFinished.connect(self._typing_paused)
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

    def _fit_to_screen(self) -> None:
        """Show the whole form when it fits a 1366×768 laptop (a 700 px dialog under the taskbar
        and title bar), else as much as fits: the form then scrolls, the footer stays."""
        body = self.body_area.widget()
        margins = self.layout().contentsMargins()
        chrome = margins.top() + margins.bottom() + self.layout().spacing()
        # the footer with room for the "change the desa" box, shown on a desa mismatch
        footer = self.footer.sizeHint().height()
        if self.use_suggested_desa_check.isHidden():
            footer += self.use_suggested_desa_check.sizeHint().height() + self.footer.layout().spacing()
        footer += self.fontMetrics().lineSpacing()  # a second line for a long reason (Indonesian)
        wanted = body.sizeHint().height() + footer + chrome + 2
        width = body.minimumSizeHint().width() + self.body_area.verticalScrollBar().sizeHint().width()
        self.resize(max(640, width + margins.left() + margins.right()), min(wanted, 690))

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
            text = f"{row['name']} — {schema.title(self.lang)} · {status} · {coord}"
            item = QListWidgetItem(text)
            item.setToolTip(text)
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
        regency_time.show_in_edit(self.surveyed_at_edit, moment or QDateTime.currentDateTimeUtc())
        self._surveyed_at_stamp = self.surveyed_at_edit.dateTime()

    def refresh_surveyed_at(self) -> None:
        """Move "Surveyed at" to now, unless the officer set it (a survey done earlier)."""
        if self.surveyed_at_edit.dateTime() == self._surveyed_at_stamp:
            self.stamp_surveyed_at()

    def surveyed_at(self) -> QDateTime:
        """The survey time shown (in WITA) as the moment it is, in UTC."""
        return regency_time.utc_from_edit(self.surveyed_at_edit)

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
        if not existing:
            desa_code = self.desa_combo.currentData() or ""
        elif self.use_suggested_desa_check.isChecked():
            desa_code = self._suggested_desa_code()
        else:
            desa_code = ""
        return RegistrationRequest(
            coordinates=self.coord_edit.text(),
            format=self.format_combo.currentData(),
            site=(item.data(UID_ROLE) if item else "") if existing else "",
            name="" if existing else self.name_edit.text(),
            category="" if existing else self.category_combo.currentData(),
            desa_code=desa_code,
            coord_source=self.source_combo.currentData(),
            accuracy_m=accuracy if accuracy > 0 else None,
            surveyed_by=self.surveyed_by_edit.text(),
            surveyed_at=self.surveyed_at().toString("yyyy-MM-ddTHH:mm:ss.zzzZ"),
            notes=self.notes_edit.text(),
        )

    def _suggested_desa_code(self) -> str:
        suggestion = self.registrar.suggest(
            RegistrationRequest(self.coord_edit.text(), self.format_combo.currentData())
        )
        return suggestion.desa.code if suggestion else ""

    def _typed(self, *_args) -> None:
        """The officer typed in the coordinates: judge a half-typed value only after a pause."""
        self.status = None  # what the last action did is history now
        self.typing = True
        self._typing_timer.start()

    def _typing_paused(self) -> None:
        """A pause, or the officer left the field: what is there now is what they meant."""
        self._typing_timer.stop()
        if self.typing:
            self.typing = False
            self.update_feedback()

    def update_feedback(self) -> None:
        self.refresh_gps()
        request = self.request()
        typed = bool(request.coordinates.strip())
        lines: List[Tuple[str, str]] = []
        if self.boundary_problem:
            lines.append(("warning", self.boundary_problem + " — " + tr("the regency's extent is used instead")))
        if self.existing_radio.isChecked() and not request.site:
            # Before any input a hint, not a red error on a dialog just opened.
            lines.append(
                ("error" if typed else "info", tr("Choose the site in the list, or switch to “New service point”"))
            )
            a = None
        else:
            a = self.registrar.assess(request)
            if not typed:
                # Nothing typed yet: only what is wrong with the target, no "no coordinates" shouting.
                a.issues = [i for i in a.issues if i.code != "parse"]
                lines.append(("info", tr("Type or paste the coordinates, pick them on the map or use the GPS")))
            lines += [(issue.level, tr_message(issue.message)) for issue in a.issues]
        self.assessment = a
        if self.typing:  # not an error yet: the officer may be half-way through "1°54'08" LS …"
            lines = [("incomplete" if level == "error" else level, text) for level, text in lines]
        self._show_position(a.parsed if a else None)
        self.desa_label.setText(tr_message(a.desa.describe()) if a and a.desa else "—")
        self.fix_button.setVisible(bool(a and a.correction))
        # Offered while the existing site's desa differs from the suggestion (and kept while ticked).
        mismatch = bool(a and any(i.code == "desa_mismatch" for i in a.warnings))
        self.use_suggested_desa_check.setVisible(
            self.existing_radio.isChecked() and (mismatch or self.use_suggested_desa_check.isChecked())
        )
        self.accept_warnings_check.setEnabled(bool(a and a.warnings and not a.errors))
        self._render_feedback(lines)
        # The officer accepts the warnings read, not whatever the next keystroke brings.
        if self.accept_warnings_check.isChecked() and self._warning_texts() != self._accepted:
            self.accept_warnings_check.setChecked(False)
        self._update_save()
        self._update_marker()

    def _show_position(self, parsed) -> None:
        if parsed is None:
            self.dd_label.setText("—")
            self.dms_label.setText("")
            return
        self.dd_label.setText(format_dd(parsed.lat, parsed.lon, 7, self.decimal_point))
        self.dms_label.setText(format_dms(parsed.lat, parsed.lon, self.lang, 2, self.decimal_point))

    def _warning_texts(self):
        return tuple(str(w) for w in self.assessment.warnings) if self.assessment else ()

    def _warnings_accepted(self, checked: bool) -> None:
        self._accepted = self._warning_texts() if checked else None
        self._update_save()
        self._update_marker()

    def _render_feedback(self, lines: List[Tuple[str, str]]) -> None:
        prefixes = level_prefixes()
        self.feedback_lines = lines
        shown = [
            f"<span style='color:{LEVEL_COLOURS[level]}'><b>{html.escape(prefixes[level])}:</b> "
            f"{html.escape(text, quote=False)}</span>"
            for level, text in lines
        ]
        if self.status is not None:  # the outcome of the last action first, in bold
            level, text = self.status
            shown.insert(0, f"<b style='color:{LEVEL_COLOURS[level]}'>{html.escape(text, quote=False)}</b>")
        self.issues_label.setText("<br>".join(shown))

    def show_status(self, text: str, level: str = "info") -> None:
        """Say what the last action did (picked, saved, not saved): the first line next to Save."""
        self.status = (level, text) if text else None
        self._render_feedback(self.feedback_lines)

    def save_blocker(self) -> str:
        """Why Save is disabled, in the officer's words; empty when it is enabled."""
        a = self.assessment
        if self.existing_radio.isChecked() and self.site_list.currentItem() is None:
            return tr("Save needs a site: choose one in the list")
        if not self.coord_edit.text().strip():
            return tr("Save needs the coordinates")
        if a is None or a.parsed is None or a.errors:
            if self.typing:
                return tr("Save waits until the coordinates are complete")
            if a is not None and a.correction:
                return tr("Save is disabled: correct the error, e.g. with “Use the corrected value”")
            return tr("Save is disabled: correct the error")
        if not a.can_write(self.accept_warnings_check.isChecked()):
            return tr("To save, tick “I have read the warnings: save anyway”")
        return ""

    def _update_save(self) -> None:
        blocker = self.save_blocker()
        self.save_button.setEnabled(not blocker)
        self.save_button.setToolTip(blocker)
        self.save_hint.setText(blocker)

    def use_correction(self) -> None:
        if self.assessment and self.assessment.correction:
            lat, lon = self.assessment.correction
            self.format_combo.setCurrentIndex(0)
            self.coord_edit.setText(format_dd(lat, lon, 7, self.decimal_point))

    # ---------------------------------------------------------------- map and GPS

    def _canvas(self):
        return self.iface.mapCanvas() if self.iface is not None else None

    def _update_marker(self) -> None:
        """Mark the typed or picked position on the map, coloured by what Save would do."""
        canvas = self._canvas()
        parsed = self.assessment.parsed if self.assessment else None
        if canvas is None:
            return
        if parsed is None:
            if self.marker is not None:
                self.marker.hide()
            return
        transform = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
        try:
            point = transform.transform(QgsPointXY(parsed.lon, parsed.lat))
        except QgsCsException:
            if self.marker is not None:
                self.marker.hide()
            return
        if self.marker is None:
            self.marker = QgsVertexMarker(canvas)
            self.marker.setIconType(QgsVertexMarker.ICON_CROSS)
            self.marker.setIconSize(22)
            self.marker.setPenWidth(3)
            canvas.destinationCrsChanged.connect(self._update_marker)
        a = self.assessment
        accepted = self.accept_warnings_check.isChecked()
        state = "error" if a.errors else "warning" if a.warnings and not accepted else "ok"
        self.marker.setColor(QColor(MARKER_COLOURS[state]))
        self.marker.setCenter(point)
        self.marker.show()
        self.marker.update()

    def _remove_marker(self) -> None:
        canvas = self._canvas()
        if self.marker is None or canvas is None:
            return
        try:
            canvas.destinationCrsChanged.disconnect(self._update_marker)
        except TypeError:
            pass
        canvas.scene().removeItem(self.marker)
        self.marker = None

    def start_picking(self) -> None:
        """Hand the map a one-click tool and step aside: the dialog comes back after the click or Esc."""
        canvas = self._canvas()
        if canvas is None:
            return
        from .map_tool import PointPickTool

        if self.map_tool is None:
            self.map_tool = PointPickTool(canvas)
            self.map_tool.picked.connect(self.set_picked_point)
            self.map_tool.failed.connect(self._pick_failed)
            self.map_tool.cancelled.connect(self.stop_picking)
            # the officer chose another map tool: picking is over
            self.map_tool.deactivated.connect(self.stop_picking)
        self._previous_tool = canvas.mapTool()
        self.picking = True
        canvas.setMapTool(self.map_tool)
        bar = self.iface.messageBar()
        if bar is not None:
            self._pick_message = bar.pushInfo(
                tr("Register coordinates"), tr("Click the site on the map; Esc brings the dialog back")
            )
        self.hide()
        canvas.setFocus()

    def stop_picking(self, *_args, come_back: bool = True) -> None:
        """End picking (after the click, Esc or another tool): the previous tool and the dialog return."""
        if not self.picking:
            return
        self.picking = False
        canvas = self._canvas()
        if canvas is not None and self.map_tool is not None and canvas.mapTool() is self.map_tool:
            if self._previous_tool is not None and self._previous_tool is not self.map_tool:
                canvas.setMapTool(self._previous_tool)
            else:
                canvas.unsetMapTool(self.map_tool)
        self._previous_tool = None
        if self._pick_message is not None and self.iface is not None:
            try:
                self.iface.messageBar().popWidget(self._pick_message)
            except RuntimeError:  # already closed by the officer
                pass
            self._pick_message = None
        if come_back:
            self.show()
            self.raise_()
            self.activateWindow()

    def _pick_failed(self, error: str) -> None:
        self.stop_picking()
        self.show_status(error, "error")

    def set_picked_point(self, lon: float, lat: float) -> None:
        self.format_combo.setCurrentIndex(0)
        self.source_combo.setCurrentIndex(self.source_combo.findData("map"))
        # A click is as exact as one screen pixel at the scale of the map: that is its accuracy.
        pixel_m = self._pixel_size_m(lon, lat)
        if pixel_m is not None:
            self.accuracy_spin.setValue(max(0.1, math.ceil(pixel_m * 10) / 10))
        self.refresh_surveyed_at()
        self.coord_edit.setText(format_dd(lat, lon, 7, self.decimal_point))
        if pixel_m is not None:
            self.show_status(
                tr(
                    "Position picked on the map; accuracy {metres} m, one screen pixel at "
                    "this scale: zoom in for a better one"
                ).format(metres=self.accuracy_spin.locale().toString(pixel_m, "f", 1))
            )
        else:
            self.show_status(tr("Position picked on the map"))
        self.stop_picking()

    def _pixel_size_m(self, lon: float, lat: float) -> Optional[float]:
        """The ground width of one canvas pixel at (lon, lat), in metres; None without a canvas."""
        canvas = self._canvas()
        if canvas is None:
            return None
        from qgis.core import QgsDistanceArea

        to_canvas = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
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
            self.show_status(tr("No GPS is connected"))
            return
        info = connection.currentGPSInformation()
        if not info.isValid() or not (math.isfinite(info.latitude) and math.isfinite(info.longitude)):
            self.show_status(tr("The GPS has no position fix yet"))
            return
        self.format_combo.setCurrentIndex(0)
        self.source_combo.setCurrentIndex(self.source_combo.findData("gps_survey"))
        if math.isfinite(info.hacc) and info.hacc > 0:
            self.accuracy_spin.setValue(info.hacc)
        regency_time.show_in_edit(self.surveyed_at_edit, QDateTime.currentDateTimeUtc())
        self.coord_edit.setText(format_dd(info.latitude, info.longitude, 7, self.decimal_point))
        self.show_status(tr("Position taken from the GPS"))

    # ---------------------------------------------------------------- save

    def _unsaved_qgis_edits(self) -> Optional[str]:
        """The name of a workspace layer with unsaved QGIS edits: writing under them would be overwritten."""
        from ..layers.workspace_layers import find_layers

        for layer in find_layers(QgsProject.instance(), self.path).values():
            if layer.isEditable() and layer.isModified():
                return layer.name()
        return None

    def save(self) -> Optional[str]:
        self._typing_paused()  # Save means "this is what I typed"
        self.refresh_surveyed_at()  # the dialog may have been open for hours
        self.update_feedback()
        if not self.save_button.isEnabled():
            return None
        editing = self._unsaved_qgis_edits()
        if editing:
            self.show_status(
                tr(
                    "Not saved: the layer “{layer}” has unsaved edits in QGIS — save or discard "
                    "them first, so that neither change overwrites the other"
                ).format(layer=editing),
                "error",
            )
            return None
        try:
            result = self.registrar.register(self.request(), force=self.accept_warnings_check.isChecked())
        except (RegistrationError, WorkspaceError) as exc:
            self.show_status(tr("Not saved: {reason}").format(reason=tr_message(exc)), "error")
            return None
        self._show_in_project(result.layer, result.uid, result.lon, result.lat)
        self.show_status(
            tr("Saved: {position}").format(position=format_dd(result.lat, result.lon, 7, self.decimal_point)),
            "success",
        )
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
        from ..layers.workspace_layers import find_layers, reload_workspace_layers

        layer = find_layers(QgsProject.instance(), self.path).get(layer_name)
        if layer is None:
            return
        reload_workspace_layers(self.path)
        layer.selectByExpression(QgsExpression.createFieldEqualityExpression("uid", uid))
        canvas = self._canvas()
        if canvas is not None:
            transform = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
            point = transform.transform(QgsPointXY(lon, lat))
            if not canvas.extent().contains(point):
                canvas.setCenter(point)
            canvas.refresh()

    # ---------------------------------------------------------------- closing

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        self._leave_map()
        super().closeEvent(event)

    def reject(self):
        self._leave_map()
        super().reject()

    def _leave_map(self) -> None:
        """The dialog closes: its map tool and its marker go with it."""
        if self.picking:
            self.stop_picking(come_back=False)
        canvas = self._canvas()
        if canvas is not None and self.map_tool is not None and canvas.mapTool() is self.map_tool:
            canvas.unsetMapTool(self.map_tool)
        self._remove_marker()

    def showEvent(self, event):  # noqa: N802 - Qt's name
        if not self._sized:
            self._sized = True
            self.ensurePolished()
            self.layout().activate()
            self._fit_to_screen()
        super().showEvent(event)
        self._update_marker()  # opened again: the position is marked again


def _coord_status_label(code, lang: str) -> str:
    return COORD_STATUS.label(code, lang) if code in COORD_STATUS else (code or "")
