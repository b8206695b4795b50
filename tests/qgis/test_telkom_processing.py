"""The Telkom algorithms through Processing, and the exported files read by QGIS's OGR provider
(a reader other than geopandas, which wrote them)."""

import csv

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.telkom.export import export_package
from paser_smartcity_plugin.core.telkom.mapping import layer_fields
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
from tests.telkom_files import TANAH_GROGOT, digest, to_utm50s, towers_file, write_shapefile

PAYANG = demo_uid("tower", "64.01.07.2009")
BELIMBING = demo_uid("tower", "64.01.06.2012")


def run(alg, params):
    from qgis import processing

    return processing.run(f"paser_smartcity:{alg}", params)


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "ws.gpkg"
    create_workspace(str(path), demo_rows())
    ws = Workspace(str(path))
    ws.update_site(
        TOWER_PLANS,
        BELIMBING,
        {
            "telkom_site_id": "TSEL-BLB-072",
            "notes": "Jalan tanah, ±3 km",
            "surveyed_at": "2022-08-17T09:30:15.250Z",
            "accuracy_m": 4.5,
        },
    )
    return ws


def ogr_layer(zip_path, layer):
    vector = QgsVectorLayer(f"/vsizip/{zip_path}/{layer}.shp", layer, "ogr")
    assert vector.isValid()
    return vector


@pytest.mark.parametrize("engine", ["pyogrio", "fiona"])
def test_qgis_reads_the_export_with_the_same_features_and_values(workspace, tmp_path, engine):
    out = tmp_path / f"telkom_{engine}.zip"
    export_package(workspace, str(out), engine=engine)
    for layer in (SERVICE_POINTS, TOWER_PLANS):
        vector = ogr_layer(out, layer)
        sites = {s["uid"]: s for s in workspace.sites(layer) if s[GEOMETRY] is not None}
        assert vector.featureCount() == len(sites)
        assert vector.crs().authid() == "EPSG:4326"
        names = [f.name() for f in vector.fields()]
        assert names == [n for f in layer_fields(layer) for n in f.shp_names]
        for feature in vector.getFeatures():
            site = sites.pop(feature["UID"])
            point = feature.geometry().asPoint()
            assert (point.x(), point.y()) == pytest.approx(site[GEOMETRY], abs=1e-12)
            for f in layer_fields(layer):
                value = feature[f.shp]
                expected = site[f.field]
                if f.field == "notes":
                    value = "".join(feature[n] or "" for n in f.shp_names) or None
                if value is None or value == "" or (hasattr(value, "isNull") and value.isNull()):
                    value = None
                assert value == expected, (f.shp, value, expected)
        assert not sites


def test_export_algorithm(plugin, workspace, tmp_path):
    out = tmp_path / "paket.zip"
    result = run(
        "export_telkom", {"WORKSPACE": workspace.path, "LAYERS": "tower_plans", "CRS": "EPSG:32750", "OUTPUT": str(out)}
    )
    assert result["OUTPUT"] == str(out)
    assert (result["FEATURES"], result["WITHOUT_COORDINATES"], result["CUT_VALUES"]) == (2, 2, 0)
    vector = ogr_layer(out, TOWER_PLANS)
    assert "32750" in vector.crs().authid() or "UTM zone 50S" in vector.crs().description()
    (feature,) = [f for f in vector.getFeatures() if f["UID"] == PAYANG]
    point = feature.geometry().asPoint()
    site = workspace.site(TOWER_PLANS, PAYANG)
    assert (point.x(), point.y()) == pytest.approx(to_utm50s(*site[GEOMETRY]), abs=0.01)


def test_export_selected_only(plugin, workspace, tmp_path):
    from paser_smartcity_plugin.layers.workspace_layers import add_workspace_layers

    layers = add_workspace_layers(workspace.path)
    with pytest.raises(QgsProcessingException, match="no site of this workspace is selected"):
        run("export_telkom", {"WORKSPACE": workspace.path, "SELECTED_ONLY": True, "OUTPUT": str(tmp_path / "a.zip")})
    towers = layers[TOWER_PLANS]
    towers.selectByExpression(f"\"uid\" = '{PAYANG}'")
    result = run(
        "export_telkom",
        {"WORKSPACE": workspace.path, "SELECTED_ONLY": True, "LAYERS": "both", "OUTPUT": str(tmp_path / "b.zip")},
    )
    assert result["FEATURES"] == 1
    assert result["WITHOUT_COORDINATES"] == 0
    assert not (tmp_path / "a.zip").exists()


def test_import_algorithm_preview_then_apply(plugin, workspace, tmp_path):
    out = tmp_path / "paket.zip"
    run("export_telkom", {"WORKSPACE": workspace.path, "OUTPUT": str(out)})
    before = digest(workspace.path)
    result = run("import_telkom", {"WORKSPACE": workspace.path, "INPUT": str(out), "REPORT": str(tmp_path / "r.csv")})
    assert {k: result[k] for k in ("MATCHED", "UPDATED", "NEW", "REJECTED")} == {
        "MATCHED": 156,
        "UPDATED": 0,
        "NEW": 0,
        "REJECTED": 0,
    }
    assert digest(workspace.path) == before

    site = workspace.site(TOWER_PLANS, PAYANG)
    shp = write_shapefile(
        str(tmp_path / "menara.shp"),
        [("UID", str), ("NAMA", str), ("STATUS", str)],
        [
            {"UID": PAYANG, "NAMA": site["name"], "STATUS": "Mengudara"},
            {"NAMA": "Menara di Jakarta", "STATUS": "permit"},
        ],
        [to_utm50s(*site[GEOMETRY]), (700000.0, 9300000.0)],
        epsg=None,
    )
    params = {"WORKSPACE": workspace.path, "INPUT": shp, "REPORT": str(tmp_path / "r2.csv")}
    with pytest.raises(QgsProcessingException, match="has no .prj"):
        run("import_telkom", params)
    params["SOURCE_CRS"] = "EPSG:32750"
    result = run("import_telkom", params)
    assert {k: result[k] for k in ("MATCHED", "UPDATED", "NEW", "REJECTED")} == {
        "MATCHED": 1,
        "UPDATED": 1,
        "NEW": 0,
        "REJECTED": 1,
    }
    with open(tmp_path / "r2.csv", encoding="utf-8-sig") as f:
        report = list(csv.DictReader(f))
    assert [(r["action"], r["field"], r["old"], r["new"]) for r in report if r["action"] == "update"] == [
        ("update", "status", "coordinates_set", "on_air")
    ]
    assert "outside Kabupaten Paser" in [r for r in report if r["action"] == "rejected"][0]["reason"]
    assert digest(workspace.path) == before

    params["APPLY"] = True
    result = run("import_telkom", params)
    assert result["UPDATED"] == 1
    assert workspace.site(TOWER_PLANS, PAYANG)["status"] == "on_air"


def test_import_algorithm_warns_and_leaves_out_what_skip_names(plugin, workspace, tmp_path):
    """The algorithm has the dialog's choices: a far move is a warning (MOVE_WARNING), and
    SKIP leaves single changes out — by site uid or by row — while the others are written."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    payang = workspace.site(TOWER_PLANS, PAYANG)
    # Payang's tower "moved" 61 km, into Tanah Grogot
    shp = towers_file(workspace, str(tmp_path / "tower_plans.shp"), [(PAYANG, TANAH_GROGOT), (BELIMBING, None)])

    class Feedback(QgsProcessingFeedback):
        warnings = []

        def pushWarning(self, text):  # noqa: N802 - QGIS's name
            self.warnings.append(text)
            super().pushWarning(text)

    from qgis import processing

    feedback = Feedback()
    params = {"WORKSPACE": workspace.path, "INPUT": shp, "APPLY": True, "SKIP": PAYANG}
    result = processing.run("paser_smartcity:import_telkom", params, context=QgsProcessingContext(), feedback=feedback)
    assert (result["UPDATED"], result["WARNINGS"], result["LEFT_OUT"]) == (2, 1, 1)
    assert "tower_plans -> Tower plans: 2 rows, UTF-8" in feedback.textLog()  # the layer's title, plural right
    (warning,) = [w for w in feedback.warnings if "check before applying" in w]
    assert warning.startswith("tower_plans row 1 (Menara Muara Payang): check before applying: moved 61 1")
    assert "the site's desa is Muara Payang" in warning
    assert workspace.site(TOWER_PLANS, PAYANG) == payang  # left out
    assert workspace.site(TOWER_PLANS, BELIMBING)["status"] == "permit"
    # with a move warning beyond 100 km, no warning about the move; row 1 left out by its number
    before = digest(workspace.path)
    params = {"WORKSPACE": workspace.path, "INPUT": shp, "MOVE_WARNING": 100000, "SKIP": "1"}
    result = run("import_telkom", params)
    assert (result["UPDATED"], result["WARNINGS"]) == (1, 1)  # the desa warning stays
    with pytest.raises(QgsProcessingException, match="00000000-0000-4000-8000-000000000000 names no change"):
        run("import_telkom", dict(params, APPLY=True, SKIP="00000000-0000-4000-8000-000000000000"))
    with pytest.raises(QgsProcessingException, match="SKIP: leave out zwölf"):
        run("import_telkom", dict(params, APPLY=True, SKIP="zwölf"))
    assert digest(workspace.path) == before


def test_import_algorithm_refuses_bad_aliases(plugin, workspace, tmp_path):
    with pytest.raises(QgsProcessingException, match="ALIASES"):
        run("import_telkom", {"WORKSPACE": workspace.path, "INPUT": str(tmp_path / "x.zip"), "ALIASES": "FOO=BAR"})


@pytest.mark.parametrize("engine", ["pyogrio", "fiona"])
def test_latin1_inside_qgis(workspace, tmp_path, engine):
    """QGIS turns GDAL's shapefile recoding off for its whole process (SHAPE_ENCODING=""); fiona
    shares that GDAL, so the detected encoding must still reach the reader."""
    from osgeo import gdal

    from paser_smartcity_plugin.core.telkom.importer import preview_import

    QgsVectorLayer(str(tmp_path), "warm-up", "ogr")  # the OGR provider is loaded as in QGIS
    site = workspace.site(TOWER_PLANS, PAYANG)
    shp = write_shapefile(
        str(tmp_path / "tower_plans.shp"),
        [("UID", str), ("NAMA", str)],
        [{"UID": PAYANG, "NAMA": "Menara Muara Payang Ré"}],
        [site[GEOMETRY]],
        encoding="ISO-8859-1",
        cpg=False,
    )
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", "")  # as QGIS's OGR provider does
    try:
        preview = preview_import(workspace, shp, engine=engine)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)
    (row,) = preview.rows
    assert [(c.field, c.new) for c in row.changes] == [("name", "Menara Muara Payang Ré")]


def test_enum_options_are_labels_in_the_code_order(plugin):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    export = registry.algorithmById("paser_smartcity:export_telkom")
    layers = export.parameterDefinition("LAYERS")
    assert layers.options() == ["Internet service points", "Tower plans", "Both"]
    assert not layers.usesStaticStrings()
    assert layers.defaultValue() == 2
    target = registry.algorithmById("paser_smartcity:import_telkom").parameterDefinition("LAYER")
    assert target.options() == ["Automatic", "Internet service points", "Tower plans"]
    assert target.defaultValue() == 0
    distance = registry.algorithmById("paser_smartcity:import_telkom").parameterDefinition("MATCH_DISTANCE")
    assert distance.metadata()["widget_wrapper"]["decimals"] == 0


@pytest.mark.parametrize("value", [1, "1", "tower_plans"])
def test_export_layer_by_index_or_by_code(plugin, workspace, tmp_path, value):
    """Scripts give the index (as the dialog does) or the code they gave before the labels."""
    out = tmp_path / "paket.zip"
    result = run(
        "export_telkom", {"WORKSPACE": workspace.path, "LAYERS": value, "CRS": "EPSG:4326", "OUTPUT": str(out)}
    )
    assert (result["FEATURES"], result["WITHOUT_COORDINATES"]) == (2, 2)
