"""The "Register coordinates" dialog, its map tool and the GPS button, driven like an officer would."""

import hashlib

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsNmeaConnection,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPoint, Qt

from paser_smartcity_plugin.core.coordinates import format_dms
from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.gazetteer import default_gazetteer
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import MAX_ACCURACY_M, SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.workspace import Workspace
from paser_smartcity_plugin.layers.workspace_layers import find_layers

MUARA_TOYU = demo_uid("tower", "64.01.08.2008")
KELADEN = demo_uid("tower", "64.01.02.2004")


def digest(path) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@pytest.fixture
def dialog(plugin, workspace_path):
    plugin.register_action.trigger()
    dlg = plugin.register_dialog
    assert dlg is not None
    assert dlg.isVisible()
    yield dlg
    dlg.close()


def texts(dialog):
    """The feedback next to Save as the officer reads it: "Error: …", "Warning: …"."""
    from paser_smartcity_plugin.gui.register_dialog import level_prefixes

    prefixes = level_prefixes()
    return [f"{prefixes[level]}: {text}" for level, text in dialog.feedback_lines]


def toyu_text() -> str:
    toyu = default_gazetteer().desa_by_code("64.01.08.2008")
    return format_dms(toyu.lat - 0.002, toyu.lon + 0.001, "id", 2)


def test_menu_has_the_action(plugin):
    texts = [a.text() for a in plugin.menu.actions()]
    assert "Register coordinates" in texts


def test_pending_towers_are_listed_first(dialog):
    first = [dialog.site_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)]
    assert set(first) == {MUARA_TOYU, KELADEN}
    dialog.search_edit.setText("toyu")
    names = [dialog.site_list.item(i).text() for i in range(dialog.site_list.count())]
    assert names[0].startswith("Menara Muara Toyu")
    assert any(n.startswith("Kantor Desa Muara Toyu") for n in names)


def test_type_see_feedback_and_save(dialog, workspace_path):
    assert dialog.select_site(MUARA_TOYU)
    assert not dialog.save_button.isEnabled()  # nothing typed yet
    dialog.coord_edit.setText(toyu_text())
    toyu = default_gazetteer().desa_by_code("64.01.08.2008")
    # the interface is English here: S/E letters (Indonesian interfaces show LS/BT)
    assert dialog.dms_label.text() == format_dms(toyu.lat - 0.002, toyu.lon + 0.001, "en", 2)
    lat, lon = (float(v) for v in dialog.dd_label.text().split(","))
    assert (lat, lon) == pytest.approx((toyu.lat - 0.002, toyu.lon + 0.001), abs=1e-5)
    assert "Muara Toyu" in dialog.desa_label.text()
    assert "inside its desa boundary" in dialog.desa_label.text()
    assert not any(t.startswith("Error") for t in texts(dialog))
    dialog.accuracy_spin.setValue(3.5)
    dialog.surveyed_by_edit.setText("Rina")
    dialog.notes_edit.setText("pondasi sudah ada")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert "Saved" in dialog.status[1]
    tower = Workspace(workspace_path).site(TOWER_PLANS, MUARA_TOYU)
    assert tower["status"] == "coordinates_set"
    assert tower["coord_status"] == "surveyed"
    assert (tower["accuracy_m"], tower["surveyed_by"], tower["notes"]) == (3.5, "Rina", "pondasi sudah ada")
    assert tower[GEOMETRY] == pytest.approx((toyu.lon + 0.001, toyu.lat - 0.002), abs=1e-5)
    # the layer shows it and has it selected
    layer = find_layers(QgsProject.instance(), workspace_path)[TOWER_PLANS]
    selected = list(layer.getSelectedFeatures())
    assert [f["uid"] for f in selected] == [MUARA_TOYU]
    assert not selected[0].geometry().isNull()


@pytest.mark.parametrize(
    "text, words",
    [
        ("1,9023; 116,1892", "minus sign"),
        ("116.1892 1.9023 abc", "“abc”"),
        ("-1.9023", "only one number"),
        ("1 64 08 LS 116 11 21 BT", "64 minutes"),
        ("-6.2, 106.8", "outside Kabupaten Paser"),
        ("nan, inf", "“nan”"),
        ("9" * 250, "250 characters"),
    ],
)
def test_an_error_blocks_save_and_writes_nothing(dialog, workspace_path, text, words):
    assert dialog.select_site(MUARA_TOYU)
    before = digest(workspace_path)
    dialog.coord_edit.setText(text)
    assert any(t.startswith("Error") and words in t for t in texts(dialog)), texts(dialog)
    assert words in dialog.issues_label.text().replace("&amp;", "&")
    assert not dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert dialog.save() is None
    assert digest(workspace_path) == before


def test_corrected_value_then_accepted_warning(dialog, workspace_path):
    assert dialog.select_site(MUARA_TOYU)
    dialog.coord_edit.setText("1,9023; 116,1892")  # Tanah Grogot without its minus sign
    assert dialog.fix_button.isVisibleTo(dialog)
    dialog.fix_button.click()
    assert dialog.coord_edit.text() == "-1.9023000, 116.1892000"
    # now a warning: Muara Toyu's tower is placed in Tanah Grogot
    assert any(t.startswith("Warning") and "Muara Toyu" in t for t in texts(dialog))
    assert not dialog.save_button.isEnabled()
    before = digest(workspace_path)
    assert dialog.save() is None
    assert digest(workspace_path) == before
    dialog.accept_warnings_check.setChecked(True)
    assert dialog.save_button.isEnabled()
    assert dialog.save() == MUARA_TOYU
    assert Workspace(workspace_path).site(TOWER_PLANS, MUARA_TOYU)[GEOMETRY] == pytest.approx((116.1892, -1.9023))


def test_new_service_point_with_suggested_desa(dialog, workspace_path):
    dialog.new_radio.setChecked(True)
    dialog.coord_edit.setText("1°54'44\" LS 116°11'44\" BT")
    assert any("needs a name" in t for t in texts(dialog))
    assert not dialog.save_button.isEnabled()
    dialog.name_edit.setText("SMP Negeri 2 Tanah Grogot")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("sekolah"))
    assert dialog.save_button.isEnabled(), texts(dialog)
    uid = dialog.save()
    point = Workspace(workspace_path).site(SERVICE_POINTS, uid)
    assert point["name"] == "SMP Negeri 2 Tanah Grogot"
    assert point["category"] == "sekolah"
    assert point["desa_code"].startswith("64.01.04.")
    # the dialog is ready for the next site, on the one just saved
    assert dialog.existing_radio.isChecked()
    assert dialog.site_list.currentItem().data(Qt.ItemDataRole.UserRole) == uid


def _release(canvas, pixel: QPoint):
    return QgsMapMouseEvent(
        canvas,
        QEvent.Type.MouseButtonRelease,
        pixel,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_map_tool_reports_wgs84_from_a_projected_canvas(qgis_iface, qgis_canvas):
    from paser_smartcity_plugin.gui.map_tool import PointPickTool

    canvas = qgis_iface.mapCanvas()
    utm = QgsCoordinateReferenceSystem("EPSG:32750")
    canvas.setDestinationCrs(utm)
    canvas.setExtent(QgsRectangle(450000, 9780000, 470000, 9800000))
    canvas.refresh()
    tool = PointPickTool(canvas)
    got = []
    tool.picked.connect(lambda lon, lat: got.append((lon, lat)))
    size = canvas.mapSettings().outputSize()
    pixel = QPoint(size.width() // 3, size.height() // 4)
    tool.canvasReleaseEvent(_release(canvas, pixel))
    expected_map = canvas.getCoordinateTransform().toMapCoordinates(pixel.x(), pixel.y())
    to_wgs = QgsCoordinateTransform(utm, QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    expected = to_wgs.transform(QgsPointXY(expected_map))
    assert len(got) == 1
    assert got[0] == pytest.approx((expected.x(), expected.y()), abs=1e-9)
    assert abs(got[0][0]) < 180
    assert abs(got[0][1]) < 90


def test_pick_on_map_fills_the_dialog(dialog, qgis_iface, workspace_path):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(116.0, -1.95, 116.3, -1.85))
    canvas.refresh()
    assert dialog.select_site(KELADEN)
    dialog.pick_button.click()
    assert canvas.mapTool() is dialog.map_tool
    size = canvas.mapSettings().outputSize()
    pixel = QPoint(size.width() // 2, size.height() // 2)
    canvas.mapTool().canvasReleaseEvent(_release(canvas, pixel))
    lat, lon = (float(v) for v in dialog.coord_edit.text().split(","))
    clicked = canvas.getCoordinateTransform().toMapCoordinates(pixel.x(), pixel.y())
    assert (lon, lat) == pytest.approx((clicked.x(), clicked.y()), abs=1e-7)
    assert dialog.source_combo.currentData() == "map"
    assert canvas.mapTool() is not dialog.map_tool  # one click, then the tool is handed back
    dialog.accept_warnings_check.setChecked(True)
    assert dialog.save() == KELADEN
    tower = Workspace(workspace_path).site(TOWER_PLANS, KELADEN)
    assert tower["coord_status"] == "approximate"
    assert tower["coord_source"] == "map"


def _nmea(body: str) -> bytes:
    checksum = 0
    for char in body:
        checksum ^= ord(char)
    return f"${body}*{checksum:02X}\r\n".encode()


def test_gps_button_uses_the_connected_receiver(dialog):
    registry = QgsApplication.gpsConnectionRegistry()
    assert not dialog.gps_button.isEnabled()  # nothing connected
    buffer = QBuffer()
    buffer.setData(
        QByteArray(
            _nmea("GPGGA,101500.00,0154.1380,S,11611.3520,E,1,09,0.9,12.0,M,60.0,M,,")
            + _nmea("GPRMC,101500.00,A,0154.1380,S,11611.3520,E,0.0,0.0,271126,,,A")
            + _nmea("GPGST,101500.00,1.2,2.0,1.5,0.0,2.0,1.5,3.0")
        )
    )
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    connection = QgsNmeaConnection(buffer)
    registry.registerConnection(connection)
    try:
        connection.parseData()
        dialog.update_feedback()
        assert dialog.gps_button.isEnabled()
        dialog.gps_button.click()
        lat, lon = (float(v) for v in dialog.coord_edit.text().split(","))
        assert (lat, lon) == pytest.approx((-(1 + 54.138 / 60), 116 + 11.352 / 60), abs=1e-6)
        assert dialog.source_combo.currentData() == "gps_survey"
        # the GST sentence's errors give QGIS's horizontal accuracy, which becomes accuracy_m
        hacc = connection.currentGPSInformation().hacc
        assert 1 < hacc < 3
        assert dialog.accuracy_spin.value() == pytest.approx(hacc, abs=0.05)
    finally:
        registry.unregisterConnection(connection)
    dialog.update_feedback()
    assert not dialog.gps_button.isEnabled()


@pytest.fixture
def boundary_setting():
    from paser_smartcity_plugin.toolbelt import settings

    yield lambda value: settings.set_value("boundary_layer", value)
    settings.set_value("boundary_layer", "")


def test_configured_boundary_layer_gives_the_exact_desa(plugin, workspace_path, boundary_setting):
    from paser_smartcity_plugin.core.boundaries import BOUNDARIES_PATH
    from paser_smartcity_plugin.layers.boundary import load_boundaries

    path = f"{BOUNDARIES_PATH}|layername=desa"  # the shipped polygons, configured as if official

    boundaries = load_boundaries(path)
    assert len(boundaries) >= 144
    boundary_setting(path)
    plugin.register_action.trigger()
    dialog = plugin.register_dialog
    kuaro = default_gazetteer().desa_by_code("64.01.07.2006")  # its centroid lies outside the desa
    dialog.new_radio.setChecked(True)
    dialog.coord_edit.setText(f"{kuaro.lat:.6f}, {kuaro.lon:.6f}")
    assert "from the boundary layer" in dialog.desa_label.text()
    assert boundaries.desa_at(kuaro.lon, kuaro.lat) in dialog.desa_label.text()
    dialog.close()


def test_broken_boundary_setting_is_said_and_the_extent_used(plugin, workspace_path, boundary_setting, tmp_path):
    bad = tmp_path / "not_a_layer.geojson"
    bad.write_text("{}")
    boundary_setting(str(bad))
    plugin.register_action.trigger()
    dialog = plugin.register_dialog
    assert any(t.startswith("Warning") and "cannot be opened" in t for t in texts(dialog))
    dialog.close()


def test_unsaved_qgis_edits_block_the_save(dialog, workspace_path):
    towers = find_layers(QgsProject.instance(), workspace_path)[TOWER_PLANS]
    assert towers.startEditing()
    feature = next(towers.getFeatures())
    assert towers.changeAttributeValue(feature.id(), towers.fields().indexOf("notes"), "diedit di QGIS")
    assert dialog.select_site(MUARA_TOYU)
    dialog.coord_edit.setText(toyu_text())
    before = digest(workspace_path)
    assert dialog.save() is None
    assert "unsaved edits" in dialog.status[1]
    assert digest(workspace_path) == before
    towers.rollBack()
    assert dialog.save() == MUARA_TOYU


def test_existing_site_can_take_the_suggested_desa(dialog, workspace_path):
    assert dialog.select_site(KELADEN)
    assert not dialog.use_suggested_desa_check.isVisibleTo(dialog)
    dialog.coord_edit.setText("-1.9023, 116.1892")  # Tanah Grogot, not Keladen
    assert any("desa is Keladen" in t for t in texts(dialog))
    assert dialog.use_suggested_desa_check.isVisibleTo(dialog)
    assert not dialog.save_button.isEnabled()
    dialog.use_suggested_desa_check.setChecked(True)
    assert not any("desa is Keladen" in t for t in texts(dialog))
    assert dialog.save_button.isEnabled()
    assert dialog.save() == KELADEN
    tower = Workspace(workspace_path).site(TOWER_PLANS, KELADEN)
    assert (tower["desa_code"], tower["desa_name"], tower["kecamatan"]) == (
        "64.01.04.1001",
        "Tanah Grogot",
        "Tanah Grogot",
    )


def test_accepting_warnings_covers_only_the_warnings_read(dialog, workspace_path):
    assert dialog.select_site(MUARA_TOYU)
    dialog.coord_edit.setText("-1.9023, 116.1892")  # desa warning: nearest Tanah Grogot
    dialog.accept_warnings_check.setChecked(True)
    assert dialog.save_button.isEnabled()
    dialog.coord_edit.setText("-1.5, 116.0")  # another position, another warning
    assert any(t.startswith("Warning") for t in texts(dialog))
    assert not dialog.accept_warnings_check.isChecked()
    assert not dialog.save_button.isEnabled()


def _settle():
    for _ in range(3):
        QgsApplication.processEvents()


def _layout_marks(dialog):
    return (
        dialog.site_list.height(),
        dialog.coord_edit.mapTo(dialog, QPoint(0, 0)),
        dialog.source_combo.mapTo(dialog, QPoint(0, 0)),
        dialog.save_button.mapTo(dialog, QPoint(0, 0)),
    )


def test_layout_stays_put_while_the_feedback_changes(dialog):
    # A click meant for the coordinate field must not land on the site list: nothing moves
    # while the officer types, whatever the feedback says.
    _settle()
    assert dialog.select_site(KELADEN)
    _settle()
    before = _layout_marks(dialog)
    for text in (
        "1",
        "1,9023; 116,1892",
        "-6.2, 106.8",
        "9" * 250,
        "-1.9023, 116.1892",
        toyu_text(),
        "116.1892 1.9023 abc",
        "",
    ):
        dialog.coord_edit.setText(text)
        _settle()
        assert _layout_marks(dialog) == before, (text, texts(dialog))


def test_dialog_fits_a_768_pixel_laptop(dialog):
    _settle()
    assert dialog.height() <= 700
    assert dialog.minimumSizeHint().height() <= 700
    # the coordinate placeholder is readable in full
    edit = dialog.coord_edit
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) < edit.width() - 8
    assert "°" in edit.toolTip()  # the other formats are in the tooltip


def test_opens_with_a_hint_not_an_error(plugin, workspace_path):
    plugin.register_action.trigger()
    dialog = plugin.register_dialog
    try:
        assert not dialog.site_list.currentItem()
        assert not any(t.startswith("Error") for t in texts(dialog)), texts(dialog)
        assert any("Choose the site" in t for t in texts(dialog))
        dialog.coord_edit.setText("-1.9023, 116.1892")  # input, but still no site: now it is an error
        assert any(t.startswith("Error") and "Choose the site" in t for t in texts(dialog))
    finally:
        dialog.close()


def test_surveyed_at_follows_the_clock_unless_edited(dialog, workspace_path):
    from qgis.PyQt.QtCore import QDateTime

    from paser_smartcity_plugin.toolbelt.regency_time import show_in_edit

    now = QDateTime.currentDateTimeUtc()
    dialog.stamp_surveyed_at(now.addSecs(-3 * 3600))  # as if the dialog was opened 3 hours ago
    dialog.reload()
    assert abs(dialog.surveyed_at().secsTo(QDateTime.currentDateTimeUtc())) < 120
    dialog.stamp_surveyed_at(now.addSecs(-3 * 3600))
    assert dialog.select_site(MUARA_TOYU)
    dialog.coord_edit.setText(toyu_text())
    assert dialog.save() == MUARA_TOYU
    saved = Workspace(workspace_path).site(TOWER_PLANS, MUARA_TOYU)["surveyed_at"]
    assert saved.startswith(QDateTime.currentDateTimeUtc().toString("yyyy-MM-dd")), saved
    assert abs(dialog.surveyed_at().secsTo(QDateTime.currentDateTimeUtc())) < 120
    # the officer's own date stays: a survey done yesterday
    yesterday = QDateTime.currentDateTimeUtc().addDays(-1)
    show_in_edit(dialog.surveyed_at_edit, yesterday)
    dialog.reload()
    assert dialog.surveyed_at().toString("yyyy-MM-dd HH:mm") == yesterday.toString("yyyy-MM-dd HH:mm")


def test_map_pick_gets_the_pixel_size_as_accuracy(dialog, qgis_iface):
    from qgis.core import QgsDistanceArea

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(116.0, -1.95, 116.3, -1.85))
    canvas.refresh()
    assert dialog.select_site(KELADEN)
    assert dialog.accuracy_spin.value() == 0  # "unknown"
    # the spin box offers what the workspace accepts, no more (schema.MAX_ACCURACY_M)
    assert dialog.accuracy_spin.maximum() == MAX_ACCURACY_M
    dialog.pick_button.click()
    size = canvas.mapSettings().outputSize()
    pixel = QPoint(size.width() // 2, size.height() // 2)
    canvas.mapTool().canvasReleaseEvent(_release(canvas, pixel))
    area = QgsDistanceArea()
    area.setEllipsoid("EPSG:7030")
    lat = float(dialog.coord_edit.text().split(",")[0])
    one_pixel = area.measureLine(QgsPointXY(116.1, lat), QgsPointXY(116.1 + canvas.mapUnitsPerPixel(), lat))
    assert dialog.accuracy_spin.value() == pytest.approx(one_pixel, rel=0.05, abs=0.1)
    assert dialog.source_combo.currentData() == "map"
    assert "pixel" in dialog.status[1]


# ------------------------------------------------------------ issue 13: dialogs as QGIS users expect


@pytest.fixture
def qgis_font():
    """The font size QGIS uses on most officers' screens (9 pt; the test platform's default is larger)."""
    from qgis.PyQt.QtGui import QFont
    from qgis.PyQt.QtWidgets import QApplication

    font = QApplication.font()
    QApplication.setFont(QFont(font.family(), 9))
    yield
    QApplication.setFont(font)


def _in_view(widget) -> bool:
    """Drawn on screen, whole: not scrolled away, not clipped by its scroll area."""
    region = widget.visibleRegion()
    return widget.isVisible() and not region.isEmpty() and region.boundingRect() == widget.rect()


def test_warnings_and_their_acknowledgement_stay_next_to_save(qgis_font, plugin, workspace_path):
    plugin.register_action.trigger()
    dialog = plugin.register_dialog
    try:
        _settle()
        assert dialog.select_site(MUARA_TOYU)
        # two warnings: Muara Toyu's desa, and the Belimbing tower 11 m away
        belimbing = Workspace(workspace_path).site(TOWER_PLANS, demo_uid("tower", "64.01.06.2012"))
        lon, lat = belimbing[GEOMETRY]
        dialog.coord_edit.setText(f"{lat:.6f}, {lon + 0.0001:.6f}")
        _settle()
        warnings = [t for t in texts(dialog) if t.startswith("Warning")]
        assert len(warnings) == 2, texts(dialog)
        # nothing that decides Save is inside the scrolled form, and all of it is in view
        for widget in (dialog.issues_label, dialog.accept_warnings_check, dialog.use_suggested_desa_check):
            assert not dialog.body_area.isAncestorOf(widget)
            assert _in_view(widget), widget
        label = dialog.issues_label
        assert label.height() >= label.heightForWidth(label.width())  # the second warning is not cut off
        assert all(w.split(": ", 1)[1][:40] in label.text().replace("&amp;", "&") for w in warnings)
        # Save says why it is disabled, in the dialog and in its tooltip
        assert not dialog.save_button.isEnabled()
        assert "tick “I have read the warnings" in dialog.save_hint.text()
        assert _in_view(dialog.save_hint)
        assert dialog.save_button.toolTip() == dialog.save_hint.text()
        dialog.accept_warnings_check.setChecked(True)
        assert dialog.save_button.isEnabled()
        assert dialog.save_hint.text() == ""
    finally:
        dialog.close()


@pytest.mark.parametrize(
    "setup, reason",
    [
        (lambda d: None, "choose one in the list"),
        (lambda d: d.select_site(MUARA_TOYU), "needs the coordinates"),
        (lambda d: (d.select_site(MUARA_TOYU), d.coord_edit.setText("-6.2, 106.8")), "correct the error"),
        (lambda d: (d.select_site(MUARA_TOYU), d.coord_edit.setText("1,9023; 116,1892")), "Use the corrected value"),
    ],
)
def test_disabled_save_says_why(dialog, setup, reason):
    setup(dialog)
    assert not dialog.save_button.isEnabled()
    assert reason in dialog.save_hint.text()
    assert reason in dialog.save_button.toolTip()


def test_no_scroll_bar_inside_the_dialog_at_the_usual_font(qgis_font, plugin, workspace_path):
    plugin.register_action.trigger()
    dialog = plugin.register_dialog
    try:
        _settle()
        from qgis.PyQt.QtWidgets import QAbstractScrollArea, QScrollArea

        # one scroll area, the form's (it scrolls only on a screen too small for it)
        assert dialog.findChildren(QScrollArea) == [dialog.body_area]
        assert not dialog.body_area.verticalScrollBar().isVisible()
        # the site list cuts long names with "…" (whole in the tooltip), never scrolls sideways
        assert dialog.site_list.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        item = dialog.site_list.item(0)
        assert item.toolTip() == item.text()
        visible = [w for w in dialog.findChildren(QAbstractScrollArea) if w.horizontalScrollBar().isVisible()]
        assert visible == []
        # the form is shown whole, with no large empty band under it
        body = dialog.body_area.widget()
        assert dialog.body_area.viewport().height() - body.sizeHint().height() < 3 * dialog.fontMetrics().height()
    finally:
        dialog.close()


def test_half_typed_dms_is_no_error_until_a_pause(dialog):
    from qgis.PyQt.QtTest import QTest

    from paser_smartcity_plugin.gui.register_dialog import TYPING_PAUSE_MS

    assert dialog.select_site(MUARA_TOYU)
    dialog.coord_edit.setFocus()
    QTest.keyClicks(dialog.coord_edit, "1°54'0")
    levels = [level for level, _text in dialog.feedback_lines]
    assert "error" not in levels, dialog.feedback_lines
    assert "incomplete" in levels, dialog.feedback_lines
    assert "#c62828" not in dialog.issues_label.text()  # no red while typing
    assert not dialog.save_button.isEnabled()
    assert "complete" in dialog.save_hint.text()
    QTest.qWait(TYPING_PAUSE_MS + 300)  # the officer stops typing: now it is an error
    assert "error" in [level for level, _text in dialog.feedback_lines]
    # leaving the field says it at once, too
    QTest.keyClicks(dialog.coord_edit, "8")
    assert "error" not in [level for level, _text in dialog.feedback_lines]
    dialog.coord_edit.editingFinished.emit()
    assert "error" in [level for level, _text in dialog.feedback_lines]
    # a complete value typed key by key is judged as soon as it is complete: no error at all
    dialog.coord_edit.clear()
    QTest.keyClicks(dialog.coord_edit, toyu_text())
    assert not any(level in ("error", "incomplete") for level, _text in dialog.feedback_lines)


def _markers(canvas):
    from qgis.gui import QgsVertexMarker

    return [item for item in canvas.scene().items() if isinstance(item, QgsVertexMarker)]


def test_position_is_marked_on_the_map(dialog, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32750"))
    assert dialog.select_site(KELADEN)
    assert not [m for m in _markers(canvas) if m.isVisible()]
    dialog.coord_edit.setText("-1.9023, 116.1892")
    (marker,) = _markers(canvas)
    expected = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(), QgsProject.instance()
    ).transform(QgsPointXY(116.1892, -1.9023))
    assert marker.isVisible()
    assert (marker.center().x(), marker.center().y()) == pytest.approx((expected.x(), expected.y()), abs=0.01)
    warning_colour = marker.color().name()
    dialog.accept_warnings_check.setChecked(True)  # the position can be saved now: the mark says so
    assert marker.color().name() != warning_colour
    # the map changes its CRS: the mark stays on the place
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    assert (marker.center().x(), marker.center().y()) == pytest.approx((116.1892, -1.9023), abs=1e-7)
    dialog.coord_edit.setText("")
    assert not marker.isVisible()
    dialog.coord_edit.setText("-1.9023, 116.1892")
    dialog.close()  # the mark goes with the dialog
    assert _markers(canvas) == []


def test_picking_steps_aside_and_esc_brings_the_dialog_back(dialog, qgis_iface):
    from qgis.gui import QgsMapToolPan
    from qgis.PyQt.QtTest import QTest

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(116.0, -1.95, 116.3, -1.85))
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    assert dialog.select_site(KELADEN)
    dialog.pick_button.click()
    assert not dialog.isVisible()
    assert canvas.mapTool() is dialog.map_tool
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert canvas.mapTool() is pan
    assert dialog.coord_edit.text() == ""
    dialog.pick_button.click()
    assert not dialog.isVisible()
    size = canvas.mapSettings().outputSize()
    canvas.mapTool().canvasReleaseEvent(_release(canvas, QPoint(size.width() // 2, size.height() // 2)))
    assert dialog.isVisible()
    assert canvas.mapTool() is pan
    assert dialog.coord_edit.text()
    assert _markers(canvas)
    assert _markers(canvas)[0].isVisible()
    # choosing another map tool while picking ends the picking too
    dialog.pick_button.click()
    canvas.setMapTool(pan)
    assert dialog.isVisible()
    assert not dialog.picking
