"""Numbers and times the way the officer reads them: the locale's decimal separator, the regency's clock.

QGIS makes the locale of Settings > Options > General (numbers and dates) Qt's default at
start-up; the fixtures do the same, in English and in Indonesian.
"""

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QDateTime, QLocale, Qt

import paser_smartcity_plugin
from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.workspace import Workspace
from paser_smartcity_plugin.layers.workspace_layers import find_layers

KELADEN = demo_uid("tower", "64.01.02.2004")


@pytest.fixture(params=["en", "id"])
def officer(request, qgis_iface, qgis_processing, workspace_path):
    """The plugin in a QGIS set to English (en_US numbers) or Indonesian (id_ID numbers)."""
    settings = QgsSettings()
    before = QLocale()
    if request.param == "id":
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "id")
        settings.setValue("locale/globalLocale", "id_ID")
    QLocale.setDefault(QLocale("id_ID" if request.param == "id" else "en_US"))
    plugin = paser_smartcity_plugin.classFactory(qgis_iface)
    plugin.initGui()
    yield request.param, plugin
    plugin.unload()
    for key in ("locale/userLocale", "locale/overrideFlag", "locale/globalLocale"):
        settings.remove(key)
    QLocale.setDefault(before)
    QgsProject.instance().clear()


def _dialog(plugin):
    plugin.register_action.trigger()
    dialog = plugin.register_dialog
    assert dialog.select_site(KELADEN)
    return dialog


def test_register_dialog_writes_decimals_with_the_locales_separator(officer):
    lang, plugin = officer
    dialog = _dialog(plugin)
    try:
        comma = lang == "id"
        dialog.coord_edit.setText("-1,9023; 116,1892" if comma else "-1.9023, 116.1892")
        assert dialog.dd_label.text() == ("-1,9023000; 116,1892000" if comma else "-1.9023000, 116.1892000")
        seconds = ("08,28", "21,12") if comma else ("08.28", "21.12")
        letters = ("LS", "BT") if comma else ("S", "E")
        assert dialog.dms_label.text() == f"1°54'{seconds[0]}\" {letters[0]} 116°11'{seconds[1]}\" {letters[1]}"
        # a position outside every desa outline: the suggestion gives its distance
        dialog.coord_edit.setText("-2,3283; 115,6042" if comma else "-2.3283, 115.6042")
        assert ("23,6 km" if comma else "23.6 km") in dialog.desa_label.text(), dialog.desa_label.text()
        assert dialog.coord_edit.placeholderText() == ("-1,9023; 116,1892" if comma else "-1.9023, 116.1892")
        # a message from core with a corrected position: the same separator
        dialog.coord_edit.setText("1,9023; 116,1892" if comma else "1.9023, 116.1892")
        (error,) = [text for level, text in dialog.feedback_lines if level == "error"]
        assert ("-1,902300; 116,189200" if comma else "-1.902300, 116.189200") in error, error
        # ... which the officer takes over, and which reads back without an error
        dialog.fix_button.click()
        assert dialog.coord_edit.text() == ("-1,9023000; 116,1892000" if comma else "-1.9023000, 116.1892000")
        assert not [level for level, _ in dialog.feedback_lines if level == "error"]
        dialog.accept_warnings_check.setChecked(True)
        assert dialog.save() == KELADEN
        assert dialog.status[1].endswith("-1,9023000; 116,1892000" if comma else "-1.9023000, 116.1892000")
    finally:
        dialog.close()


def test_surveyed_at_is_shown_in_wita_and_stored_in_utc(officer, workspace_path):
    _lang, plugin = officer
    dialog = _dialog(plugin)
    try:
        moment = QDateTime.fromString("2026-01-01T17:30:00.000Z", Qt.DateFormat.ISODateWithMs)
        dialog.stamp_surveyed_at(moment)
        assert dialog.surveyed_at_edit.text() == "2026-01-02 01:30 WITA"  # UTC+8, the next day
        assert dialog.request().surveyed_at == "2026-01-01T17:30:00.000Z"
        dialog.coord_edit.setText("-1,9023; 116,1892")
        dialog.accept_warnings_check.setChecked(True)
        dialog.refresh_surveyed_at = lambda: None  # keep the moment set above
        assert dialog.save() == KELADEN
        assert Workspace(workspace_path).site(TOWER_PLANS, KELADEN)["surveyed_at"] == "2026-01-01T17:30:00.000Z"
    finally:
        dialog.close()


def test_layer_table_says_utc_and_shows_wita_beside_it(officer, workspace_path):
    lang, plugin = officer
    plugin.open_layers()
    workspace = Workspace(workspace_path)
    uid = workspace.sites(SERVICE_POINTS)[0]["uid"]
    workspace.update_site(SERVICE_POINTS, uid, {"surveyed_at": "2026-03-04T20:15:00.000Z"})
    layer = find_layers(QgsProject.instance(), workspace_path)[SERVICE_POINTS]
    layer.dataProvider().reloadData()
    feature = next(f for f in layer.getFeatures() if f["uid"] == uid)
    index = layer.fields().indexOf("surveyed_at")
    setup = layer.editorWidgetSetup(index)
    formatter = QgsApplication.fieldFormatterRegistry().fieldFormatter(setup.type())
    shown = formatter.representValue(layer, index, setup.config(), None, feature["surveyed_at"])
    assert shown == "2026-03-04 20:15 UTC"
    wita = layer.fields().indexOf("surveyed_at_wita")
    assert wita >= 0
    assert layer.fields().fieldOrigin(wita) == layer.fields().OriginExpression
    assert feature["surveyed_at_wita"] == "2026-03-05 04:15"
    assert layer.attributeAlias(wita) == ("Waktu survei (WITA)" if lang == "id" else "Surveyed at (WITA)")
    columns = [c.name for c in layer.attributeTableConfig().columns()]
    assert columns.index("surveyed_at_wita") == columns.index("surveyed_at") + 1
    # nothing is stored for it: the workspace keeps its columns
    assert "surveyed_at_wita" not in layer.dataProvider().fields().names()
