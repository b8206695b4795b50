"""The programme dashboard dock against the real layers of a demo workspace."""

import csv
import time

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsRectangle

from paser_smartcity_plugin.core import dashboard as core_dashboard
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.workspace import Workspace
from paser_smartcity_plugin.toolbelt.events import notify_workspace_changed


def _wait_for(condition, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _cell(dock, key, header):
    column = dock.headers().index(header)
    for row in range(dock.table.rowCount()):
        if dock.row_key(row) == key:
            return int(dock.table.item(row, column).text())
    raise KeyError(key)


def test_menu_action_shows_figures_of_the_layers(plugin):
    plugin.open_layers()
    plugin.dashboard_action.trigger()
    dock = plugin.dashboard
    assert dock is not None and dock.objectName() == "PaserSmartCityDashboard"
    assert dock.table.rowCount() == 1 + 10
    assert dock.row_key(0) == core_dashboard.OVERALL_KEY
    assert _cell(dock, "64.01", "Service points") == 154
    assert _cell(dock, "64.01", "Towers") == 4
    assert _cell(dock, "64.01.06", "Coordinates set") == 1
    assert "154 of 300 service points" in dock.summary.text()
    # the chart shows the selected row: overall, with the target line
    (service_title, segments, target), (tower_title, _tower_segments, _none) = dock.chart.bars
    assert target == 300 and sum(count for count, _c, _l in segments) == 154
    dock.table.selectRow(4)
    assert dock.chart.bars[0][2] is None and dock.data.row(dock.row_key(4)).name in dock.chart.bars[0][0]
    # a second trigger reuses the dock
    plugin.dashboard_action.trigger()
    assert plugin.dashboard is dock


def test_layer_edits_update_the_dashboard(plugin):
    layers = plugin.open_layers()
    dock = plugin.show_dashboard()
    points = layers[SERVICE_POINTS]
    feature = next(points.getFeatures())
    assert points.startEditing()
    # an unsaved edit counts already: the officer sees what the layer shows
    assert points.changeAttributeValue(feature.id(), points.fields().indexOf("status"), "active")
    assert _wait_for(lambda: _cell(dock, "64.01", "Active") == 1)
    assert points.commitChanges(), points.commitErrors()
    assert _wait_for(lambda: _cell(dock, "64.01", "Planned") == 153)


def test_sync_hook_updates_the_dashboard(plugin, workspace_path):
    plugin.open_layers()
    dock = plugin.show_dashboard()
    workspace = Workspace(workspace_path)
    tower = [t for t in workspace.sites(TOWER_PLANS) if t["name"] == "Menara Keladen"][0]
    workspace.update_site(TOWER_PLANS, tower["uid"], {"status": "on_air"})  # as a sync would write
    assert _cell(dock, "64.01", "On air") == 0
    notify_workspace_changed(workspace_path)
    assert _wait_for(lambda: _cell(dock, "64.01", "On air") == 1)


def test_without_layers_the_workspace_file_is_read(plugin, workspace_path):
    import os

    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.workspace import create_workspace

    os.makedirs(os.path.dirname(workspace_path))
    create_workspace(workspace_path, demo_rows())
    dock = plugin.show_dashboard()
    assert not QgsProject.instance().mapLayers()
    assert _cell(dock, "64.01", "Service points") == 154 and workspace_path in dock.summary.text()


def test_zoom_to_a_row(plugin, qgis_iface):
    plugin.open_layers()
    dock = plugin.show_dashboard()
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.setExtent(QgsRectangle(0, 0, 1000, 1000))
    row = [r for r in range(dock.table.rowCount()) if dock.row_key(r) == "64.01.06"][0]
    dock.table.cellDoubleClicked.emit(row, 0)
    QgsApplication.processEvents()
    extent = canvas.extent()
    # Long Ikis lies around 116.2 E, 1.55 S: in Web Mercator about x 12.94e6, y -0.17e6
    assert 12.9e6 < extent.center().x() < 12.98e6 and -0.2e6 < extent.center().y() < -0.14e6
    # the sites fit, and the map shows a kecamatan, not the regency (~150 km across)
    assert min(extent.width(), extent.height()) < 60_000


def test_export_csv(plugin, tmp_path):
    plugin.open_layers()
    dock = plugin.show_dashboard()
    path = tmp_path / "weekly.csv"
    assert dock.export_csv(str(path))
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:3] == ["Kecamatan code", "Kecamatan", "Service points"] and rows[1][2] == "154"


def test_export_failure_is_a_message(plugin, tmp_path, real_message_bar):
    plugin.open_layers()
    dock = plugin.show_dashboard()
    real_message_bar.clearWidgets()
    assert not dock.export_csv(str(tmp_path / "missing-dir" / "x.csv"))
    item = real_message_bar.currentItem()
    assert item is not None and "Cannot write" in item.text()


def test_unload_removes_the_dock(qgis_iface, qgis_processing, workspace_path):
    import paser_smartcity_plugin
    from paser_smartcity_plugin.toolbelt.events import plugin_events

    events, project = plugin_events(), QgsProject.instance()
    before = (
        events.receivers(events.workspace_changed),
        project.receivers(project.layersAdded),
        events.receivers(events.settings_changed),
    )
    instance = paser_smartcity_plugin.classFactory(qgis_iface)
    instance.initGui()
    instance.show_dashboard()
    assert events.receivers(events.workspace_changed) == before[0] + 1
    instance.unload()
    assert instance.dashboard is None
    # a late sync must not reach a dead dock
    assert (
        events.receivers(events.workspace_changed),
        project.receivers(project.layersAdded),
        events.receivers(events.settings_changed),
    ) == before


def test_buttons_work(plugin, tmp_path, real_message_bar, opened_urls):
    plugin.open_layers()
    dock = plugin.show_dashboard()
    real_message_bar.clearWidgets()
    dock.refresh_button.click()
    dock.table.selectRow(2)
    dock.zoom_button.click()
    dock.help_button.click()
    assert real_message_bar.currentItem() is None, real_message_bar.currentItem().text()
    assert [u.toLocalFile().rsplit("/", 2)[-2:] for u in opened_urls] == [["help", "dashboard.en.html"]]


def test_a_new_workspace_in_the_settings_shows_at_once(plugin, tmp_path):
    import os

    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.workspace import create_workspace
    from paser_smartcity_plugin.gui.settings_page import SettingsPage

    dock = plugin.show_dashboard()
    assert dock.data is None  # nothing yet: no layers, no workspace file
    other = tmp_path / "other" / "paser.gpkg"
    os.makedirs(other.parent)
    create_workspace(str(other), demo_rows())
    page = SettingsPage(None, plugin.logger)
    page.workspace.setFilePath(str(other))
    page.apply()
    assert page.saved
    assert _wait_for(lambda: dock.data is not None and str(other) in dock.summary.text())
    page.deleteLater()


def test_table_is_compact_with_full_names_in_tooltips(plugin):
    plugin.open_layers()
    dock = plugin.show_dashboard()
    assert dock.zoom_button.text() == "Zoom to selected row"
    table = dock.table
    shown = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    tips = [table.horizontalHeaderItem(c).toolTip() for c in range(table.columnCount())]
    assert shown == dock.short_headers() and len(shown) == len(dock.headers())
    for short, full, tip in zip(shown, dock.headers(), tips):
        assert len(short) <= len(full) and full in tip
    assert "Towers: On air" in tips and "Service points: Active" in tips
    # every column is as wide as its contents, far less than the full header names need
    metrics = table.horizontalHeader().fontMetrics()
    full_width = sum(metrics.horizontalAdvance(text) for text in dock.headers())
    assert sum(table.columnWidth(c) for c in range(table.columnCount())) < full_width
    # the overall row keeps its name short; the target is in its tooltip
    overall = table.item(0, 0)
    assert "target" not in overall.text() and "300" in overall.toolTip()
    # in a narrow dock, the tower columns are reached by scrolling sideways
    dock.resize(320, 600)
    dock.show()
    QgsApplication.processEvents()
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    last = table.columnCount() - 1
    assert 0 <= table.columnViewportPosition(last) < table.viewport().width()
    dock.hide()
