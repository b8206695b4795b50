import os

from qgis.core import QgsApplication, QgsFieldConstraints, QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtWidgets import QMenu, QToolBar

import paser_smartcity_plugin
from paser_smartcity_plugin.core.boundaries import BOUNDARIES_PATH
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.layers.reference_layers import REFERENCE_PROPERTY
from paser_smartcity_plugin.layers.workspace_layers import GROUP_NAME, find_layers
from paser_smartcity_plugin.plugin import MENU_OBJECT_NAME, TOOLBAR_OBJECT_NAME


def _menus(iface):
    return [
        a.menu()
        for a in iface.mainWindow().menuBar().actions()
        if a.menu() is not None and a.menu().objectName() == MENU_OBJECT_NAME
    ]


def test_init_gui_adds_menu_toolbar_and_provider(plugin, qgis_iface):
    (menu,) = _menus(qgis_iface)
    assert menu.title() == "Paser Smart City"
    texts = [a.text() for a in menu.actions()]
    assert "Open smart-city layers" in texts
    assert plugin.toolbar.objectName() == TOOLBAR_OBJECT_NAME
    assert plugin.toolbar.actions()
    provider = QgsApplication.processingRegistry().providerById("paser_smartcity")
    assert provider is not None
    assert provider.algorithm("create_workspace") is not None


def test_open_layers_creates_workspace_and_adds_styled_layers(plugin, workspace_path):
    plugin.open_action.trigger()
    project = QgsProject.instance()
    group = project.layerTreeRoot().findGroup(GROUP_NAME)
    assert group is not None
    nodes = group.findLayers()
    layers = {n.layer().customProperty("paser_smartcity/layer"): n.layer() for n in nodes[:2]}
    assert set(layers) == {SERVICE_POINTS, TOWER_PLANS}
    # below the sites, the desa and kecamatan outlines shipped with the plugin: read-only, labelled
    desa, kecamatan = (n.layer() for n in nodes[2:])
    assert [desa.customProperty(REFERENCE_PROPERTY), kecamatan.customProperty(REFERENCE_PROPERTY)] == [
        "desa",
        "kecamatan",
    ]
    assert desa.isValid()
    assert desa.featureCount() == 144
    assert kecamatan.featureCount() == 10
    assert desa.readOnly()
    assert kecamatan.readOnly()
    assert not desa.startEditing()
    assert desa.source().startswith(BOUNDARIES_PATH)
    assert desa.geometryType() == QgsWkbTypes.PolygonGeometry
    assert desa.labelsEnabled()
    assert desa.labeling().settings().fieldName == "desa_name"
    assert kecamatan.labeling().settings().fieldName == "kecamatan_name"
    assert "cahyadsn/wilayah_boundaries" in desa.attribution()
    points, towers = layers[SERVICE_POINTS], layers[TOWER_PLANS]
    assert points.isValid()
    assert towers.isValid()
    assert points.featureCount() == 154
    # Towers without coordinates are features of the layer (and so rows of its attribute table).
    assert towers.featureCount() == 4
    pending = [f for f in towers.getFeatures() if f.geometry().isNull()]
    assert sorted(f["name"] for f in pending) == ["Menara Keladen", "Menara Muara Toyu"]
    assert points.source().startswith(workspace_path)
    # styled by status, labelled
    assert points.renderer().type() == "RuleRenderer"  # by status, then category (tests/qgis/test_layer_symbols.py)
    assert towers.renderer().classAttribute() == "status"
    assert {c.value() for c in towers.renderer().categories()} >= {"coordinates_pending", "on_air"}
    assert points.labelsEnabled()
    assert towers.labelsEnabled()
    # a second trigger reuses the layers instead of adding copies
    plugin.open_action.trigger()
    assert len(project.mapLayers()) == 4


def test_forms_are_configured(plugin):
    layers = plugin.open_layers()
    points: QgsVectorLayer = layers[SERVICE_POINTS]
    fields = points.fields()
    status = points.editorWidgetSetup(fields.indexOf("status"))
    assert status.type() == "ValueMap"
    mapping = {k: v for entry in status.config()["map"] for k, v in entry.items()}
    assert mapping["Active"] == "active"
    assert len(mapping) == 6
    category = points.editorWidgetSetup(fields.indexOf("category")).config()["map"]
    assert {"School": "sekolah"} in category
    desa = points.editorWidgetSetup(fields.indexOf("desa_code"))
    assert desa.type() == "ValueMap"
    assert len(desa.config()["map"]) == 144
    name_constraints = fields.at(fields.indexOf("name")).constraints()
    assert name_constraints.constraints() & QgsFieldConstraints.ConstraintNotNull
    assert (
        name_constraints.constraintStrength(QgsFieldConstraints.ConstraintNotNull)
        == QgsFieldConstraints.ConstraintStrengthHard
    )
    assert points.editFormConfig().readOnly(fields.indexOf("uid"))
    assert fields.at(fields.indexOf("name")).alias() == "Name"
    # the photo: QGIS's attachment widget, paths relative to the workspace's folder
    photo = points.editorWidgetSetup(fields.indexOf("photo"))
    assert photo.type() == "ExternalResource"
    assert photo.config()["DocumentViewer"] == 1
    assert photo.config()["RelativeStorage"] == 2
    assert photo.config()["DefaultRoot"] == os.path.dirname(points.source().split("|")[0])


def test_form_constraints_reject_bad_values(plugin):
    from qgis.core import QgsVectorLayerUtils

    towers = plugin.open_layers()[TOWER_PLANS]
    feature = next(towers.getFeatures())
    fields = towers.fields()
    ok, _ = QgsVectorLayerUtils.validateAttribute(towers, feature, fields.indexOf("desa_code"))
    assert ok
    feature["desa_code"] = "64.01.99.9999"
    ok, errors = QgsVectorLayerUtils.validateAttribute(towers, feature, fields.indexOf("desa_code"))
    assert not ok
    assert errors
    feature["name"] = None
    ok, _ = QgsVectorLayerUtils.validateAttribute(towers, feature, fields.indexOf("name"))
    assert not ok


def test_edit_through_qgis_keeps_a_valid_workspace(plugin, workspace_path):
    from paser_smartcity_plugin.core.workspace import Workspace

    towers = plugin.open_layers()[TOWER_PLANS]
    feature = [f for f in towers.getFeatures() if f["name"] == "Menara Keladen"][0]
    before = feature["updated_at"]
    assert towers.startEditing()
    assert towers.changeAttributeValue(feature.id(), towers.fields().indexOf("status"), "permit")
    assert towers.commitChanges(), towers.commitErrors()
    saved = [t for t in Workspace(workspace_path).sites(TOWER_PLANS) if t["name"] == "Menara Keladen"][0]
    assert saved["status"] == "permit"
    assert saved["updated_at"] != before


def test_unload_removes_everything(qgis_iface, qgis_processing, workspace_path):
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    registry = QgsApplication.processingRegistry()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # other tests' leftovers
    toolbars_before = len(qgis_iface.mainWindow().findChildren(QToolBar))
    instance = paser_smartcity_plugin.classFactory(qgis_iface)
    instance.initGui()
    assert _menus(qgis_iface)
    assert registry.providerById("paser_smartcity") is not None
    instance.unload()
    QgsApplication.processEvents()
    assert _menus(qgis_iface) == []
    assert registry.providerById("paser_smartcity") is None
    assert instance.actions == []
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert len(qgis_iface.mainWindow().findChildren(QToolBar)) == toolbars_before
    assert not [m for m in qgis_iface.mainWindow().findChildren(QMenu) if m.objectName() == MENU_OBJECT_NAME]


def _pixels(icon):
    image = icon.pixmap(32, 32).toImage()
    return bytes(image.constBits().asarray(image.sizeInBytes()))


def test_actions_have_own_icons_and_tips_without_parentheses(plugin):
    actions = [a for a in plugin.actions if a.objectName().startswith("paser_smartcity_")]
    assert len(actions) >= 10
    drawn = {}
    for action in actions:
        assert not action.icon().isNull(), action.objectName()
        assert not action.icon().pixmap(32, 32).isNull(), action.objectName()
        drawn.setdefault(_pixels(action.icon()), []).append(action.objectName())
        # QGIS strips text in parentheses from action tooltips: such a tip would lose words
        assert "(" not in action.toolTip(), action.toolTip()
        assert ")" not in action.toolTip(), action.toolTip()
        # a tip of its own, not the menu text repeated
        assert action.toolTip() != action.text(), action.objectName()
    shared = [names for names in drawn.values() if len(names) > 1]
    assert not shared, f"actions sharing one icon: {shared}"


def test_entries_that_open_a_dialog_end_with_an_ellipsis(plugin):
    dialogs = {"sync", "sync_conflicts", "sync_history", "export_telkom", "import_telkom", "import_sites", "settings"}
    for action in plugin.actions:
        if action.objectName().removeprefix("paser_smartcity_") in dialogs:
            assert action.text().endswith("…"), action.text()


def test_algorithms_show_the_plugin_icon(plugin):
    provider = QgsApplication.processingRegistry().providerById("paser_smartcity")
    expected = _pixels(provider.icon())
    generic = _pixels(QgsApplication.getThemeIcon("/processingAlgorithm.svg"))
    assert expected != generic
    for algorithm in provider.algorithms():
        assert _pixels(algorithm.icon()) == expected, algorithm.id()


def test_open_layers_again_shows_them(plugin, qgis_iface, real_message_bar):
    from qgis.core import QgsRectangle

    first = plugin.open_layers()
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(first[SERVICE_POINTS].crs())
    canvas.setExtent(QgsRectangle(0, 0, 1, 1))  # somewhere in the Gulf of Guinea
    root = QgsProject.instance().layerTreeRoot()
    root.findLayer(first[TOWER_PLANS].id()).setItemVisibilityChecked(False)
    real_message_bar.clearWidgets()
    count = len(QgsProject.instance().mapLayers())

    plugin.open_layers()  # what the register dialog calls: the map stays where it is, no message
    assert real_message_bar.currentItem() is None
    assert not canvas.extent().intersects(first[SERVICE_POINTS].extent())

    plugin.open_action.trigger()
    again = find_layers(QgsProject.instance())
    assert {k: v.id() for k, v in again.items()} == {k: v.id() for k, v in first.items()}
    assert len(QgsProject.instance().mapLayers()) == count  # nothing added twice
    assert root.findLayer(first[TOWER_PLANS].id()).isVisible()
    assert canvas.extent().intersects(first[SERVICE_POINTS].extent())
    assert canvas.extent().contains(first[SERVICE_POINTS].extent())
    item = real_message_bar.currentItem()
    assert item is not None
    assert "already open" in item.text()


def test_open_layers_upgrades_a_workspace_of_010_before_qgis_reads_it(plugin, workspace_path, real_message_bar):
    """The layers of an officer's 0.1.0 workspace come with this release's fields (photo), the
    file is backed up first, and the officer is told where the copy is."""
    import glob
    import os
    import shutil

    os.makedirs(os.path.dirname(workspace_path), exist_ok=True)
    release = os.path.join(os.path.dirname(__file__), "..", "data", "release-0.1.0", "workspace.gpkg")
    shutil.copy(release, workspace_path)
    real_message_bar.clearWidgets()
    layers = plugin.open_layers()
    assert layers[SERVICE_POINTS].fields().indexOf("photo") >= 0
    assert layers[TOWER_PLANS].fields().indexOf("photo") >= 0
    (backup,) = glob.glob(os.path.join(os.path.dirname(workspace_path), "*.v3-backup-*.gpkg"))
    texts = [item.text() for item in real_message_bar.items()]
    assert any("upgraded" in text and backup in text for text in texts), texts
    assert layers[SERVICE_POINTS].featureCount() == 154  # 154 + 1 new - 1 deleted offline
