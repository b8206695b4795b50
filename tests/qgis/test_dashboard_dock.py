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
    """The count under ``header`` (a full column title, in either tab) for the row ``key``."""
    from paser_smartcity_plugin.gui.dashboard import FULL_HEADER_ROLE, KEY_ROLE

    for table in dock.tables.values():
        for column in range(table.columnCount()):
            if table.horizontalHeaderItem(column).data(FULL_HEADER_ROLE) != header:
                continue
            for row in range(table.rowCount()):
                if table.item(row, 0).data(KEY_ROLE) == key:
                    return int(table.item(row, column).text())
    raise KeyError((key, header))


def test_menu_action_shows_figures_of_the_layers(plugin):
    plugin.open_layers()
    plugin.dashboard_action.trigger()
    dock = plugin.dashboard
    assert dock is not None
    assert dock.objectName() == "PaserSmartCityDashboard"
    assert dock.table.rowCount() == 1 + 10
    assert dock.row_key(0) == core_dashboard.OVERALL_KEY
    assert _cell(dock, "64.01", "Service points") == 154
    assert _cell(dock, "64.01", "Towers") == 4
    assert _cell(dock, "64.01.06", "Coordinates set") == 1
    assert "154 of 300 service points" in dock.summary.text()
    # the chart shows the selected row: overall, with the target line
    (service_title, segments, target), (tower_title, _tower_segments, _none) = dock.chart.bars
    assert target == 300
    assert sum(count for count, _c, _l in segments) == 154
    dock.table.selectRow(4)
    assert dock.chart.bars[0][2] is None
    assert dock.data.row(dock.row_key(4)).name in dock.chart.bars[0][0]
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


def test_a_write_outside_the_layers_reaches_layers_and_dashboard(plugin, workspace_path):
    """Sync, import, register and merge all end with reload_workspace_layers: the layers show
    the file's new state and the dashboard counts it."""
    from paser_smartcity_plugin.layers.workspace_layers import reload_workspace_layers

    layers = plugin.open_layers()
    dock = plugin.show_dashboard()
    workspace = Workspace(workspace_path)
    tower = [t for t in workspace.sites(TOWER_PLANS) if t["name"] == "Menara Keladen"][0]
    workspace.update_site(TOWER_PLANS, tower["uid"], {"status": "on_air"})
    reload_workspace_layers(workspace_path)
    shown = [f["status"] for f in layers[TOWER_PLANS].getFeatures() if f["uid"] == tower["uid"]]
    assert shown == ["on_air"]
    assert _wait_for(lambda: _cell(dock, "64.01", "On air") == 1)


def test_a_write_reaches_the_dashboard_with_no_layer_open(plugin, workspace_path):
    import os

    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.workspace import create_workspace
    from paser_smartcity_plugin.layers.workspace_layers import reload_workspace_layers

    os.makedirs(os.path.dirname(workspace_path))
    create_workspace(workspace_path, demo_rows())
    dock = plugin.show_dashboard()
    workspace = Workspace(workspace_path)
    tower = [t for t in workspace.sites(TOWER_PLANS) if t["name"] == "Menara Keladen"][0]
    workspace.update_site(TOWER_PLANS, tower["uid"], {"status": "on_air"})
    assert _cell(dock, "64.01", "On air") == 0
    reload_workspace_layers(workspace_path)
    assert _wait_for(lambda: _cell(dock, "64.01", "On air") == 1)


def test_without_layers_the_workspace_file_is_read(plugin, workspace_path):
    import os

    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.workspace import create_workspace

    os.makedirs(os.path.dirname(workspace_path))
    create_workspace(workspace_path, demo_rows())
    dock = plugin.show_dashboard()
    assert not QgsProject.instance().mapLayers()
    assert _cell(dock, "64.01", "Service points") == 154
    # the file's name is shown, its whole path only in the tooltip
    assert workspace_path not in dock.summary.text()
    assert dock.source_label.text() == "Workspace: paser.gpkg"
    assert dock.source_label.toolTip() == workspace_path


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
    assert 12.9e6 < extent.center().x() < 12.98e6
    assert -0.2e6 < extent.center().y() < -0.14e6
    # the sites fit, and the map shows a kecamatan, not the regency (~150 km across)
    assert min(extent.width(), extent.height()) < 60_000


def test_export_csv(plugin, tmp_path):
    plugin.open_layers()
    dock = plugin.show_dashboard()
    path = tmp_path / "weekly.csv"
    assert dock.export_csv(str(path))
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:3] == ["Kecamatan code", "Kecamatan", "Service points"]
    assert rows[1][2] == "154"


def test_export_failure_is_a_message(plugin, tmp_path, real_message_bar):
    plugin.open_layers()
    dock = plugin.show_dashboard()
    real_message_bar.clearWidgets()
    assert not dock.export_csv(str(tmp_path / "missing-dir" / "x.csv"))
    item = real_message_bar.currentItem()
    assert item is not None
    assert "Cannot write" in item.text()


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
    assert _wait_for(lambda: dock.data is not None and dock.source_label.toolTip() == str(other))
    page.deleteLater()


def _settle():
    for _ in range(5):
        QgsApplication.processEvents()


def test_every_column_is_readable_at_the_docks_default_width(plugin):
    """Whole status names (written upwards) and every column in view, without scrolling sideways."""
    from paser_smartcity_plugin.gui.dashboard import FULL_HEADER_ROLE

    plugin.open_layers()
    dock = plugin.show_dashboard()
    dock.setFloating(True)
    dock.resize(dock.sizeHint().width(), 700)  # the width QGIS gives a new dock: its size hint
    dock.show()
    _settle()
    for layer, table in dock.tables.items():
        dock.tabs.setCurrentWidget(table)
        _settle()
        header = table.horizontalHeader()
        assert table.horizontalScrollBar().maximum() == 0, layer  # every column is in view
        for column in range(table.columnCount()):
            item = table.horizontalHeaderItem(column)
            # the title is the whole label, never an abbreviation, and it fits its section
            assert item.text() == item.data(FULL_HEADER_ROLE)
            needed = header.sectionSizeFromContents(column)
            assert header.sectionSize(column) >= needed.width()
            assert header.height() >= needed.height()
        tips = [table.horizontalHeaderItem(c).toolTip() for c in range(table.columnCount())]
        assert ("Towers: On air" if layer == "tower_plans" else "Service points: Active") in tips
    # the overall row keeps its name short; the target is in its tooltip
    overall = dock.table.item(0, 0)
    assert "target" not in overall.text()
    assert "300" in overall.toolTip()
    dock.hide()


def test_the_chart_legend_explains_colours_and_the_target_and_is_never_cut(plugin):
    from qgis.PyQt.QtCore import QPointF

    plugin.open_layers()
    dock = plugin.show_dashboard()
    dock.setFloating(True)
    for width in (dock.sizeHint().width(), 260):  # the default width, and a dock made narrow
        dock.resize(width, 700)
        dock.show()
        _settle()
        chart = dock.chart
        items, height = chart.layout_items(chart.width())
        legend = [(payload, rect) for kind, rect, payload in items if kind == "legend"]
        assert [p[2] for p, _rect in legend if p[0] == "target"] == ["Target: 300 service points (the 2022 programme)"]
        assert "Planned 154" in [p[2] for p, _rect in legend]
        for _payload, rect in legend:  # wrapped onto more lines, never past the edge
            assert rect.right() <= chart.width()
            assert rect.bottom() <= chart.height()
        assert chart.height() >= height
    # hovering the dashed line says what it is
    (target_rect,) = [rect for kind, rect, _p in chart.layout_items(chart.width())[0] if kind == "target"]
    assert chart.tooltip_at(QPointF(target_rect.center())).startswith("Target: 300")
    dock.hide()


def test_approximate_coordinates_are_counted(plugin):
    plugin.open_layers()
    dock = plugin.show_dashboard()
    # the demo: every service point and two towers stand at a desa centre
    assert "156 sites still have approximate coordinates" in dock.summary.text()
    assert _cell(dock, "64.01", "Approximate coordinates") in (154, 2)
    assert [_cell(dock, "64.01.06", "Approximate coordinates")] != []
    service = dock.tables["service_points"]
    towers = dock.tables["tower_plans"]
    assert int(service.item(0, 2).text()) == 154
    assert int(towers.item(0, 2).text()) == 2
    assert "4 towers" in dock.summary.text()
