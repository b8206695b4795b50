"""Edits made through the QGIS layers (attribute table, form, any QGIS writer) reach the
GeoPackage correctly: derived fields follow the desa code, nothing is blanked."""

from datetime import datetime, timezone

import pytest
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtGui import QFontMetrics
from qgis.PyQt.QtWidgets import QApplication

from paser_smartcity_plugin.core import changelog
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.gazetteer import default_gazetteer
from paser_smartcity_plugin.core.schema import LAYERS, SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
from paser_smartcity_plugin.layers import workspace_layers

SAMURANGAU = "64.01.01.2009"  # demo kantor desa of Samurangau (Batu Sopang)
BELIMBING = "64.01.06.2012"  # Belimbing, Long Ikis


@pytest.fixture
def workspace(tmp_path):
    path = str(tmp_path / "paser.gpkg")
    create_workspace(path, demo_rows())
    return Workspace(path)


@pytest.fixture
def project_layers():
    """Layers owned by the project (as in QGIS), removed after the test."""
    yield
    QgsProject.instance().removeAllMapLayers()


def make_layer(path, name):
    layer = workspace_layers.make_layer(path, name)
    QgsProject.instance().addMapLayer(layer, False)
    return layer


def _feature(layer, uid):
    found = [f for f in layer.getFeatures(f"\"uid\" = '{uid}'")]
    assert len(found) == 1
    return found[0]


def _edit(layer, fid, **values):
    assert layer.startEditing()
    for name, value in values.items():
        assert layer.changeAttributeValue(fid, layer.fields().indexOf(name), value)
    ok = layer.commitChanges()
    errors = layer.commitErrors()
    if not ok:
        layer.rollBack()
    return ok, errors


@pytest.mark.parametrize("layer_name", [SERVICE_POINTS, TOWER_PLANS])
def test_derived_field_defaults_parse_and_give_gazetteer_names(qgis_app, project_layers, workspace, layer_name):
    layer = make_layer(workspace.path, layer_name)
    feature = next(layer.getFeatures())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    gaz = default_gazetteer()
    for desa in (gaz.desa_by_code(SAMURANGAU), gaz.desa_by_code(BELIMBING)):
        feature["desa_code"] = desa.code
        context.setFeature(feature)
        for field, expected in (("desa_name", desa.name), ("kecamatan", desa.kecamatan)):
            definition = layer.defaultValueDefinition(layer.fields().indexOf(field))
            assert definition.applyOnUpdate()
            expression = QgsExpression(definition.expression())
            assert not expression.hasParserError(), expression.parserErrorString()
            assert expression.evaluate(context) == expected
            assert not expression.hasEvalError(), expression.evalErrorString()
            # what QGIS itself computes for the edit buffer
            assert layer.defaultValue(layer.fields().indexOf(field), feature, context) == expected


def test_name_edit_through_layer_keeps_desa_name_and_kecamatan(qgis_app, project_layers, workspace):
    uid = demo_uid("kantor_desa", SAMURANGAU)
    before = workspace.site(SERVICE_POINTS, uid)
    assert before["desa_name"] == "Samurangau"
    assert before["kecamatan"] == "Batu Sopang"
    layer = make_layer(workspace.path, SERVICE_POINTS)
    ok, errors = _edit(layer, _feature(layer, uid).id(), name="Kantor Desa Samurangau (baru)")
    assert ok, errors
    after = workspace.site(SERVICE_POINTS, uid)
    assert after["name"] == "Kantor Desa Samurangau (baru)"
    assert (after["desa_name"], after["kecamatan"]) == ("Samurangau", "Batu Sopang")


def test_desa_code_edit_through_layer_updates_desa_name_and_kecamatan(qgis_app, project_layers, workspace):
    uid = demo_uid("kantor_desa", SAMURANGAU)
    layer = make_layer(workspace.path, SERVICE_POINTS)
    ok, errors = _edit(layer, _feature(layer, uid).id(), desa_code=BELIMBING)
    assert ok, errors
    after = workspace.site(SERVICE_POINTS, uid)
    desa = default_gazetteer().desa_by_code(BELIMBING)
    assert (after["desa_code"], after["desa_name"], after["kecamatan"]) == (BELIMBING, desa.name, desa.kecamatan)


def _snapshot(workspace):
    with workspace.read() as conn:
        return (
            conn.execute("SELECT * FROM service_points ORDER BY fid").fetchall(),
            conn.execute(f"SELECT * FROM {changelog.CHANGES_TABLE} ORDER BY layer, uid").fetchall(),
        )


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "", "Name is required"),
        ("desa_code", "99.99.99.9999", "Desa code must be the code of a desa/kelurahan of Kabupaten Paser"),
        ("status", "done", "Status must be one of"),
        ("category", "school", "Category must be one of"),
        ("coord_status", "measured", "Coordinate status must be one of"),
        ("coord_source", "drone", "Coordinate source must be one of"),
        ("accuracy_m", -5, "Accuracy (m) must be from 0 to 50000"),
        ("program_year", 1922, "Programme year must be from 2000 to 2100"),
    ],
)
def test_attribute_table_edit_with_a_bad_value_is_refused_by_the_geopackage(
    qgis_app, project_layers, workspace, field, value, message
):
    """The attribute table writes without the form's constraints: the file refuses it."""
    before = _snapshot(workspace)
    layer = make_layer(workspace.path, SERVICE_POINTS)
    fid = _feature(layer, demo_uid("kantor_desa", SAMURANGAU)).id()
    ok, errors = _edit(layer, fid, notes="edited with a bad value", **{field: value})
    assert not ok
    assert any(message in error for error in errors), errors
    assert _snapshot(workspace) == before


def test_new_feature_with_an_empty_name_is_refused_by_the_geopackage(qgis_app, project_layers, workspace):
    before = _snapshot(workspace)
    layer = make_layer(workspace.path, SERVICE_POINTS)
    feature = QgsFeature(layer.fields())
    values = {
        "name": "  ",
        "category": "sekolah",
        "desa_code": BELIMBING,
        "status": "planned",
        "coord_status": "surveyed",
    }
    for name, value in values.items():
        feature[name] = value
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.1, -1.5)))
    assert layer.startEditing()
    assert layer.addFeature(feature)
    assert not layer.commitChanges()
    assert any("Name is required" in error for error in layer.commitErrors()), layer.commitErrors()
    layer.rollBack()
    assert _snapshot(workspace) == before


@pytest.mark.parametrize("stored", ["2026-01-02T03:04:05Z", "2026-01-02T03:04:05.000Z", None])
def test_edit_through_layer_refreshes_updated_at(qgis_app, project_layers, workspace, stored):
    """GDAL rewrites every column of an edited feature, '…05Z' as '…05.000Z': still a touch."""
    uid = demo_uid("kantor_desa", SAMURANGAU)
    with workspace.write() as conn:
        with changelog.applying(conn):  # as the sync writes the server's value
            conn.execute("UPDATE service_points SET updated_at = ? WHERE uid = ?", (stored, uid))
    assert workspace.site(SERVICE_POINTS, uid)["updated_at"] == stored
    layer = make_layer(workspace.path, SERVICE_POINTS)
    ok, errors = _edit(layer, _feature(layer, uid).id(), name="Kantor Desa Samurangau (baru)")
    assert ok, errors
    updated = workspace.site(SERVICE_POINTS, uid)["updated_at"]
    assert updated.startswith(str(datetime.now(timezone.utc).year))
    assert updated > "2026-01-02T03:04:06"


@pytest.mark.parametrize("layer_name", [SERVICE_POINTS, TOWER_PLANS])
def test_form_keys_are_read_only_and_table_columns_fit_their_labels(qgis_app, project_layers, workspace, layer_name):
    layer = make_layer(workspace.path, layer_name)
    form = layer.editFormConfig()
    for name in ("fid", "uid", "updated_at", "desa_name", "kecamatan"):
        assert form.readOnly(layer.fields().indexOf(name)), name
    assert not form.readOnly(layer.fields().indexOf("name"))
    widths = {column.name: column.width for column in layer.attributeTableConfig().columns()}
    metrics = QFontMetrics(QApplication.font())
    schema = LAYERS[layer_name]
    for field in ("status", "coord_status", "coord_source"):
        longest = max(
            metrics.horizontalAdvance(code.label(lang))
            for code in schema.field(field).codelist
            for lang in ("en", "id")
        )
        assert widths[field] >= longest + 8, (field, widths[field], longest)


def test_a_writer_without_the_defaults_cannot_blank_desa_name(qgis_app, project_layers, workspace):
    """A plain layer of the file (QField, another project, a broken default) writes NULLs:
    the GeoPackage fills them again from the gazetteer."""
    uid = demo_uid("kantor_desa", SAMURANGAU)
    layer = QgsVectorLayer(f"{workspace.path}|layername={SERVICE_POINTS}", "plain", "ogr")
    QgsProject.instance().addMapLayer(layer, False)
    ok, errors = _edit(
        layer, _feature(layer, uid).id(), name="Kantor Desa Samurangau (baru)", desa_name=None, kecamatan=None
    )
    assert ok, errors
    site = workspace.site(SERVICE_POINTS, uid)
    assert (site["name"], site["desa_name"], site["kecamatan"]) == (
        "Kantor Desa Samurangau (baru)",
        "Samurangau",
        "Batu Sopang",
    )


def test_new_valid_feature_digitised_in_qgis_is_saved_with_derived_fields(qgis_app, project_layers, workspace):
    layer = make_layer(workspace.path, SERVICE_POINTS)
    feature = QgsVectorLayerUtils.createFeature(
        layer,
        QgsGeometry.fromPointXY(QgsPointXY(116.1, -1.5)),
        {
            layer.fields().indexOf("name"): "Puskesmas Long Ikis",
            layer.fields().indexOf("category"): "puskesmas",
            layer.fields().indexOf("desa_code"): BELIMBING,
            layer.fields().indexOf("status"): "survey",
            layer.fields().indexOf("coord_status"): "surveyed",
        },
    )
    assert layer.startEditing()
    assert layer.addFeature(feature)
    assert layer.commitChanges(), layer.commitErrors()
    site = workspace.sites(SERVICE_POINTS, "name = ?", ("Puskesmas Long Ikis",))[0]
    assert (site["desa_name"], site["kecamatan"]) == ("Belimbing", "Long Ikis")
    assert site["uid"]
    assert site["updated_at"]


@pytest.fixture
def message_bar(qgis_iface):
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    yield bar
    bar.clearWidgets()


def _bar_texts(bar):
    return [item.text() for item in bar.items()]


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("name", "", "Name is required"),
        ("desa_code", "99.99.99.9999", "Desa code must be the code of a desa/kelurahan of Kabupaten Paser"),
        ("accuracy_m", -5, "Accuracy (m) must be from 0 to 50000 (not -5)"),
    ],
)
def test_attribute_table_edit_refused_is_explained_in_the_message_bar(
    qgis_app, project_layers, workspace, message_bar, field, value, words
):
    """Not only QGIS's raw English commit error behind "1 more": our own message names the site."""
    before = _snapshot(workspace)
    layer = make_layer(workspace.path, SERVICE_POINTS)
    feature = _feature(layer, demo_uid("kantor_desa", SAMURANGAU))
    ok, _errors = _edit(layer, feature.id(), **{field: value})
    assert not ok
    (text,) = _bar_texts(message_bar)
    assert text.startswith(f"Not saved: {feature['name']}: "), text
    assert words in text, text
    assert _snapshot(workspace) == before


def test_new_site_refused_is_explained_with_its_uid(qgis_app, project_layers, workspace, message_bar):
    before = _snapshot(workspace)
    layer = make_layer(workspace.path, SERVICE_POINTS)
    feature = QgsFeature(layer.fields())
    values = {
        "uid": "0123abcd-4567-4890-abcd-ef0123456789",
        "name": "",
        "category": "sekolah",
        "desa_code": "64.01.99.9999",
        "status": "planned",
        "coord_status": "surveyed",
    }
    for name, value in values.items():
        feature[name] = value
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.1, -1.5)))
    assert layer.startEditing()
    assert layer.addFeature(feature)
    assert not layer.commitChanges()
    layer.rollBack()
    (text,) = _bar_texts(message_bar)
    assert text.startswith(f"Not saved: {values['uid']}: "), text
    assert text.endswith("(and 1 more)"), text
    assert _snapshot(workspace) == before


def test_valid_edit_pushes_no_message(qgis_app, project_layers, workspace, message_bar):
    layer = make_layer(workspace.path, SERVICE_POINTS)
    ok, errors = _edit(layer, _feature(layer, demo_uid("kantor_desa", SAMURANGAU)).id(), notes="jalan baru")
    assert ok, errors
    assert _bar_texts(message_bar) == []


def test_layers_of_a_saved_project_are_checked_too(plugin, workspace, message_bar, tmp_path):
    """A project saved with our layers and opened again: the layers come from the project file."""
    layers = workspace_layers.add_workspace_layers(workspace.path)
    project_file = str(tmp_path / "paser.qgz")
    assert QgsProject.instance().write(project_file)
    QgsProject.instance().clear()
    assert QgsProject.instance().read(project_file)
    layer = workspace_layers.find_layers(QgsProject.instance(), workspace.path)[SERVICE_POINTS]
    assert layer is not layers[SERVICE_POINTS]
    before = _snapshot(workspace)
    ok, _errors = _edit(layer, _feature(layer, demo_uid("kantor_desa", SAMURANGAU)).id(), desa_code="99.99.99.9999")
    assert not ok
    (text,) = _bar_texts(message_bar)
    assert text.startswith("Not saved: ")
    assert "99.99.99.9999" in text
    assert _snapshot(workspace) == before


@pytest.mark.parametrize(
    "layer_name, field, bad, good, words",
    [
        (SERVICE_POINTS, "accuracy_m", -5, 3.5, "Accuracy (m) must be from 0 to 50000"),
        (SERVICE_POINTS, "accuracy_m", 75000, 0, "Accuracy (m) must be from 0 to 50000"),
        (SERVICE_POINTS, "program_year", 202, 2022, "Programme year must be from 2000 to 2100"),
        (SERVICE_POINTS, "name", "  ", "Kantor baru", "Name is required"),
        (SERVICE_POINTS, "name", "n" * 255, "n" * 254, "Name must be at most 254 characters"),
        (SERVICE_POINTS, "desa_code", "64.01.99.9999", BELIMBING, "Desa code must be the code of a desa/kelurahan"),
        (SERVICE_POINTS, "coord_source", "drone", None, "Coordinate source must be one of: GPS survey (gps_survey)"),
        (TOWER_PLANS, "height_m", 720, 72, "Height (m) must be from 0 to 300"),
        (TOWER_PLANS, "operator", "o" * 51, "Telkomsel", "Operator must be at most 50 characters"),
    ],
)
def test_the_form_shows_the_rule_as_a_hard_constraint_before_saving(
    qgis_app, project_layers, workspace, layer_name, field, bad, good, words
):
    """QGIS's own constraint mechanism: the form marks the value and will not save it; the
    words are the rule's (core/rules.py), the same the GeoPackage states on refusing it."""
    from qgis.core import QgsFieldConstraints

    layer = make_layer(workspace.path, layer_name)
    index = layer.fields().indexOf(field)
    constraints = layer.fields().at(index).constraints()
    assert constraints.constraints() & QgsFieldConstraints.ConstraintExpression
    assert (
        constraints.constraintStrength(QgsFieldConstraints.ConstraintExpression)
        == QgsFieldConstraints.ConstraintStrengthHard
    )
    assert words in constraints.constraintDescription()
    feature = next(layer.getFeatures())
    feature[field] = bad
    ok, errors = QgsVectorLayerUtils.validateAttribute(
        layer, feature, index, QgsFieldConstraints.ConstraintStrengthHard
    )
    assert not ok
    assert any(words in error for error in errors), errors
    feature[field] = good
    ok, errors = QgsVectorLayerUtils.validateAttribute(
        layer, feature, index, QgsFieldConstraints.ConstraintStrengthHard
    )
    assert ok, errors


@pytest.mark.parametrize("layer_name", [SERVICE_POINTS, TOWER_PLANS])
def test_form_constraints_and_core_rules_agree_on_every_value(qgis_app, project_layers, workspace, layer_name):
    """One schema, three enforcements: the form's verdict is core's (rows.row_problems) for
    each field and sample value, the GeoPackage's trigger is tested in tests/unit/test_integrity.py."""
    from qgis.core import QgsFieldConstraints

    from paser_smartcity_plugin.core.rows import row_problems

    samples = [None, "", "  ", "x", "n" * 300, -5, -0.5, 0, 3.5, 202, 2022, 2022.5, 300, 301, 50000, 50001]
    samples += [BELIMBING, "64.01.99.9999", "planned", "coordinates_pending", "gps_survey", "sekolah", "surveyed"]
    layer = make_layer(workspace.path, layer_name)
    schema = LAYERS[layer_name]
    feature = next(layer.getFeatures())
    for field in schema.fields:
        if field.name in ("uid", "updated_at", "surveyed_at", "fid"):
            continue
        index = layer.fields().indexOf(field.name)
        qgis_type = layer.fields().at(index).type()
        for value in samples:
            if field.type in ("REAL", "INTEGER") and isinstance(value, str):
                continue  # the form's number widget takes no text (empty is NULL)
            if field.type == "TEXT" and isinstance(value, (int, float)):
                continue
            if field.type == "INTEGER" and isinstance(value, float) and not value.is_integer():
                continue  # an integer field holds no fraction
            feature[field.name] = value
            form_ok, errors = QgsVectorLayerUtils.validateAttribute(
                layer, feature, index, QgsFieldConstraints.ConstraintStrengthHard
            )
            core_ok = not row_problems(schema, {field.name: value}, partial=True)
            assert form_ok == core_ok, (field.name, value, qgis_type, errors)
