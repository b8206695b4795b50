"""paser_smartcity:package_for_field: a folder QField opens as is, tested as QField and QGIS use it.

The project is opened in a separate process by a plain QgsApplication with a fresh profile and
without the plugin; the GeoPackage is edited through QGIS's OGR provider (what QField does)
and through GDAL directly, a JPEG is attached under DCIM/, and the base must stay intact.
"""

import datetime
import http.server
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import zipfile

import pytest
from osgeo import gdal, ogr, osr
from qfield_support import add_site_with_photo, open_in_qfield
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
)
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtWidgets import QApplication

from paser_smartcity_plugin.__about__ import __version__
from paser_smartcity_plugin.core import field_package as fp
from paser_smartcity_plugin.core.checks import suggest_desa
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.migrations import SCHEMA_VERSION
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import FID_COLUMN, LAYER_NAMES, SERVICE_POINTS, TOWER_PLANS, UUID_RE
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace, is_workspace
from paser_smartcity_plugin.layers import basemap as basemaps

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROBE = os.path.join(ROOT, "tests", "support", "field_project_probe.py")
RELEASE_0_1_0 = os.path.join(ROOT, "tests", "data", "release-0.1.0", "workspace.gpkg")
AREA = "long ikis,  64.01.08"  # Long Ikis by name (any case), Long Kali by code
TIWEI_CENTRE = (116.11989, -1.48337)  # well inside Tiwei, Long Ikis
MUARA_TOYU = demo_uid("tower", "64.01.08.2008")  # a tower still waiting for coordinates


def run(params, **kwargs):
    from qgis import processing

    return processing.run("paser_smartcity:package_for_field", params, **kwargs)


@pytest.fixture
def workspace(tmp_path):
    path = tmp_path / "office" / "paser.gpkg"
    path.parent.mkdir()
    create_workspace(str(path), demo_rows())
    return str(path)


def package(workspace, output, feedback=None, **params):
    return run(
        {"WORKSPACE": workspace, "KECAMATAN": AREA, "SURVEYOR": "Rina", "OUTPUT": str(output), **params},
        feedback=feedback,
    )


def staged_leftovers(folder) -> list:
    return [n for n in os.listdir(folder) if n.startswith(".paser-package-")]


def without_fid(rows):
    return sorted(({k: v for k, v in r.items() if k != FID_COLUMN} for r in rows), key=lambda r: r["uid"])


# ---------------------------------------------------------------- contents


def test_package_holds_the_area_and_a_clean_base(plugin, workspace, tmp_path):
    before = Workspace(workspace)
    with before.read() as conn:
        office_digest = fp.sites_digest(conn, {layer: layer for layer in LAYER_NAMES})
        changes = conn.execute("SELECT count(*) FROM paser_changes").fetchone()[0]
    result = package(workspace, tmp_path / "rina")
    folder = str(tmp_path / "rina")
    assert result["OUTPUT"] == folder
    assert sorted(fp.package_files(folder)) == ["boundaries.gpkg", "manifest.json", "survey.gpkg", "survey.qgz"]
    assert os.path.isdir(os.path.join(folder, "DCIM"))
    assert staged_leftovers(tmp_path) == []

    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    ws = Workspace(workspace)
    assert manifest["kind"] == "paser_smartcity_field_package"
    assert manifest["format_version"] == 1
    assert manifest["package_id"] == result["PACKAGE_ID"]
    assert UUID_RE.match(manifest["package_id"])
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["plugin_version"] == __version__
    assert manifest["surveyor"] == "Rina"
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", manifest["created_at"])
    assert [k["code"] for k in manifest["area"]["kecamatan"]] == ["64.01.06", "64.01.08"]
    assert not manifest["area"]["whole_regency"]
    assert len(manifest["area"]["desa_codes"]) == 26 + 23
    assert manifest["source_workspace"] == {
        "id": ws.meta("workspace_id"),
        "path": workspace,
        "created_at": ws.meta("created_at"),
    }
    assert manifest["files"] == {
        "project": "survey.qgz",
        "data": "survey.gpkg",
        "boundaries": "boundaries.gpkg",
        "basemap": None,
        "photos": "DCIM",
    }
    assert manifest["base"]["hash"] == result["BASE_HASH"]
    assert manifest["base"]["hash"].startswith("sha256:")
    assert manifest["base"]["tables"] == {
        "service_points": "paser_base_service_points",
        "tower_plans": "paser_base_tower_plans",
    }

    # the sites of the area, as the office stores them, pending towers included
    data = os.path.join(folder, "survey.gpkg")
    for layer in LAYER_NAMES:
        office = [r for r in ws.sites(layer) if r["desa_code"][:8] in ("64.01.06", "64.01.08")]
        packaged = fp.rows_of(data, layer, layer)
        assert without_fid(packaged) == without_fid(office)
        assert office
        assert fp.rows_of(data, fp.BASE_TABLES[layer], layer) == packaged  # the base: the same rows
        assert manifest["counts"][layer] == len(office)
    assert (result["SERVICE_POINTS"], result["TOWER_PLANS"]) == (manifest["counts"][SERVICE_POINTS], 2)
    toyu = [r for r in fp.rows_of(data, TOWER_PLANS, TOWER_PLANS) if r["uid"] == MUARA_TOYU]
    assert toyu
    assert toyu[0][GEOMETRY] is None
    assert toyu[0]["status"] == "coordinates_pending"
    assert fp.verify_base(data)

    # the GeoPackage says what it is, on its own (a .gpkg sent back alone)
    meta = fp.read_meta(data)
    assert meta == {k: v for k, v in manifest.items() if k != "files"}
    assert not is_workspace(data)
    conn = sqlite3.connect(data)
    triggers = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    for layer in LAYER_NAMES:
        assert {f"{layer}_check_insert", f"{layer}_check_update", f"{layer}_defaults", f"{layer}_touch"} <= set(
            triggers
        )
        assert f"{layer}_log_update" not in triggers
    assert not [name for name, sql in triggers.items() if "json" in sql.lower()]  # no JSON1 needed on the phone
    assert "paser_changes" not in tables
    assert "paser_workspace_meta" not in tables

    # the office's sites and pending edits are as they were
    with Workspace(workspace).read() as conn:
        assert fp.sites_digest(conn, {layer: layer for layer in LAYER_NAMES}) == office_digest
        assert conn.execute("SELECT count(*) FROM paser_changes").fetchone()[0] == changes


def _probe(folder, tmp_path, lon, lat):
    home = tmp_path / "fresh-home"
    home.mkdir(exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "QT_QPA_PLATFORM": "offscreen",
        "TZ": "Asia/Makassar",  # WITA, UTC+8: a local now() would be 8 hours off
        "LANG": "C.UTF-8",
    }
    done = subprocess.run(
        [sys.executable, PROBE, folder, str(lon), str(lat)],
        env=env,
        cwd=str(home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_project_opens_without_the_plugin_anywhere(plugin, workspace, tmp_path):
    package(workspace, tmp_path / "rina")
    # The surveyor's phone has the folder somewhere else: only relative paths survive the move.
    moved = str(tmp_path / "phone" / "Imported Projects" / "rina")
    shutil.copytree(str(tmp_path / "rina"), moved)
    shutil.rmtree(str(tmp_path / "rina"))
    with zipfile.ZipFile(os.path.join(moved, "survey.qgz")) as archive:
        (qgs,) = [n for n in archive.namelist() if n.endswith(".qgs")]
        xml = archive.read(qgs).decode("utf-8")
    assert str(tmp_path) not in xml
    assert os.path.dirname(workspace) not in xml
    assert "./survey.gpkg|layername=service_points" in xml
    assert "./boundaries.gpkg|layername=desa" in xml
    assert set(re.findall(r"<editforminitcodesource>(\d+)</editforminitcodesource>", xml)) == {"0"}
    assert "pythonCode" not in xml

    found = _probe(moved, tmp_path, *TIWEI_CENTRE)
    assert not found["plugin_importable"]
    assert found["plugin_modules"] == []
    assert found["read"]
    assert found["crs"] == "EPSG:3857"
    layers = found["layers"]
    assert set(layers) == {"Internet service points", "Tower plans", "Desa boundaries", "Kecamatan boundaries"}
    for name, layer in layers.items():
        assert layer["valid"], name
        assert layer["provider"] == "ogr", name
        assert layer["source"].startswith(moved), name
        assert layer["init_code_source"] == 0
    assert layers["Desa boundaries"]["read_only"]
    assert layers["Desa boundaries"]["features"] == 144
    points, towers = layers["Internet service points"], layers["Tower plans"]
    assert not points["read_only"]
    assert towers["features"] == 2

    fields = points["fields"]
    assert fields["status"]["widget"] == "ValueMap"
    assert {"Active": "active"} in fields["status"]["config"]["map"]
    assert fields["category"]["widget"] == "ValueMap"
    assert fields["desa_code"]["widget"] == "ValueMap"
    assert len(fields["desa_code"]["config"]["map"]) == 144
    assert fields["surveyed_at"]["widget"] == "DateTime"
    assert fields["name"]["not_null"]
    assert fields["name"]["alias"] == "Name"
    assert "64.01.06.2011" in fields["desa_code"]["expression"]
    photo = fields["photo"]
    assert photo["widget"] == "ExternalResource"
    assert photo["config"]["RelativeStorage"] == 1
    assert photo["config"]["DocumentViewer"] == 1
    naming = json.loads(points["properties"]["QFieldSync/attachment_naming"])
    assert naming["photo"].startswith("'DCIM/'")
    # what a new site gets from the defaults, with no plugin to help
    new = points["new_feature"]
    assert UUID_RE.match(new["uid"])
    expected = suggest_desa(*TIWEI_CENTRE)
    assert not expected.approximate
    assert new["desa_code"] == expected.desa.code == "64.01.06.2011"
    assert (new["desa_name"], new["kecamatan"]) == ("Tiwei", "Long Ikis")
    assert (new["surveyed_by"], new["status"], new["coord_status"], new["coord_source"]) == (
        "Rina",
        "planned",
        "surveyed",
        "gps_survey",
    )
    stamp = new["surveyed_at"]
    assert stamp["utc"]
    taken = datetime.datetime.strptime(stamp["datetime"], "%Y-%m-%dT%H:%M:%S.%f")
    assert abs(taken - datetime.datetime.utcnow()) < datetime.timedelta(minutes=5)
    assert UUID_RE.match(towers["new_feature"]["uid"])
    assert towers["new_feature"]["status"] == "coordinates_set"


def test_qfield_edits_keep_the_base(plugin, workspace, tmp_path):
    package(workspace, tmp_path / "rina")
    folder = str(tmp_path / "rina")
    data = os.path.join(folder, "survey.gpkg")
    base = {layer: fp.rows_of(data, fp.BASE_TABLES[layer], layer) for layer in LAYER_NAMES}

    # As QField: the project and its layer, the defaults from the project.
    points = open_in_qfield(folder)
    edited = next(points.getFeatures())
    assert points.startEditing()
    points.changeAttributeValue(edited.id(), points.fields().indexOf("notes"), "Genset rusak")
    new = add_site_with_photo(points, folder, TIWEI_CENTRE, name="SD Negeri 9 Tiwei", category="sekolah")
    photo = new["photo"]
    assert points.commitChanges(), points.commitErrors()
    new_uid = new["uid"]

    # As any other GDAL writer: the pending tower gets its position; a bad status is refused.
    # (GDAL writes every column of the feature: its own SQLite runs the package's triggers.)
    ogr.UseExceptions()
    ds = ogr.Open(data, update=1)
    towers = ds.GetLayerByName(TOWER_PLANS)
    towers.SetAttributeFilter(f"uid = '{MUARA_TOYU}'")
    tower = towers.GetNextFeature()
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(116.289, -1.142)
    tower.SetGeometry(point)
    assert towers.SetFeature(tower) == 0
    tower.SetField("status", "selesai")
    with pytest.raises(RuntimeError, match="Status must be one of"):
        towers.SetFeature(tower)
    del tower, towers  # before the dataset: OGR frees them with it
    ds = None

    # the base is intact, the changes are in the layers
    assert fp.verify_base(data)
    assert {layer: fp.rows_of(data, fp.BASE_TABLES[layer], layer) for layer in LAYER_NAMES} == base
    meta = fp.read_meta(data)
    with sqlite3.connect(data) as conn:
        assert fp.sites_digest(conn, {layer: layer for layer in LAYER_NAMES}) != meta["base"]["hash"]
    now = {r["uid"]: r for r in fp.rows_of(data, SERVICE_POINTS, SERVICE_POINTS)}
    added = now[new_uid]
    assert UUID_RE.match(new_uid)
    assert new_uid not in {r["uid"] for r in base[SERVICE_POINTS]}
    assert (added["desa_code"], added["desa_name"], added["kecamatan"]) == ("64.01.06.2011", "Tiwei", "Long Ikis")
    assert added["surveyed_by"] == "Rina"
    assert added["photo"] == photo
    assert os.path.getsize(os.path.join(folder, added["photo"])) > 0
    before = next(r for r in base[SERVICE_POINTS] if r["uid"] == edited["uid"])
    after = now[edited["uid"]]
    assert after["notes"] == "Genset rusak"
    assert after["updated_at"] > before["updated_at"]
    toyu = next(r for r in fp.rows_of(data, TOWER_PLANS, TOWER_PLANS) if r["uid"] == MUARA_TOYU)
    assert toyu[GEOMETRY] == pytest.approx((116.289, -1.142))
    # placed in the field: registered by the package's rule, as the register dialog would
    assert (toyu["status"], toyu["coord_status"], toyu["coord_source"], toyu["surveyed_by"]) == (
        "coordinates_set",
        "surveyed",
        "gps_survey",
        "Rina",
    )
    QgsProject.instance().clear()


# ---------------------------------------------------------------- outputs and refusals


def test_a_zip_and_what_is_refused(plugin, workspace, tmp_path):
    zipped = tmp_path / "rina.zip"
    result = package(workspace, zipped)
    assert result["OUTPUT"] == str(zipped)
    assert not (tmp_path / "rina").exists()
    with zipfile.ZipFile(zipped) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
    assert names == {"survey.qgz", "survey.gpkg", "boundaries.gpkg", "manifest.json", "DCIM/"}
    assert manifest["package_id"] == result["PACKAGE_ID"]
    stamp = zipped.read_bytes()
    with pytest.raises(QgsProcessingException, match="already exists"):
        package(workspace, zipped)
    assert zipped.read_bytes() == stamp

    busy = tmp_path / "returned"
    busy.mkdir()
    (busy / "survey.gpkg").write_bytes(b"a surveyor's work")
    with pytest.raises(QgsProcessingException, match="never written over"):
        package(workspace, busy)
    assert os.listdir(busy) == ["survey.gpkg"]

    with pytest.raises(QgsProcessingException) as unknown:
        run({"WORKSPACE": workspace, "KECAMATAN": "Long Iki, Kuaro", "SURVEYOR": "Rina", "OUTPUT": str(tmp_path / "x")})
    assert "“Long Iki”" in str(unknown.value)
    assert "Long Ikis (64.01.06)" in str(unknown.value)
    assert "Muara Samu (64.01.10)" in str(unknown.value)
    with pytest.raises(QgsProcessingException, match="surveyor's name is required"):
        run({"WORKSPACE": workspace, "KECAMATAN": "", "SURVEYOR": "  ", "OUTPUT": str(tmp_path / "x")})
    assert not (tmp_path / "x").exists()
    assert staged_leftovers(tmp_path) == []


def test_cancelled_packaging_leaves_nothing(plugin, workspace, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        package(workspace, tmp_path / "rina", feedback=feedback)
    assert not (tmp_path / "rina").exists()
    assert staged_leftovers(tmp_path) == []


def test_the_whole_regency_of_an_officers_old_workspace(plugin, tmp_path):
    path = str(tmp_path / "workspace.gpkg")
    shutil.copyfile(RELEASE_0_1_0, path)
    result = run({"WORKSPACE": path, "KECAMATAN": "", "SURVEYOR": "Budi", "OUTPUT": str(tmp_path / "all")})
    ws = Workspace(path)  # upgraded by the packaging, backup first
    data = str(tmp_path / "all" / "survey.gpkg")
    assert (result["SERVICE_POINTS"], result["TOWER_PLANS"]) == (ws.count(SERVICE_POINTS), ws.count(TOWER_PLANS))
    meta = fp.read_meta(data)
    assert meta["area"]["whole_regency"]
    assert len(meta["area"]["desa_codes"]) == 144
    assert meta["schema_version"] == SCHEMA_VERSION
    for layer in LAYER_NAMES:
        assert without_fid(fp.rows_of(data, layer, layer)) == without_fid(ws.sites(layer))
    assert fp.verify_base(data)


def test_runs_as_a_background_task_like_the_dialog(plugin, workspace, tmp_path, tile_layer):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("paser_smartcity:package_for_field")
    assert not algorithm.flags() & QgsProcessingAlgorithm.FlagNoThreading  # the dialog runs it in a task
    assert algorithm.flags() & QgsProcessingAlgorithm.FlagCanCancel
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    params = {
        "WORKSPACE": workspace,
        "KECAMATAN": "Kuaro",
        "SURVEYOR": "Rina",
        "BASEMAP": tile_layer.id(),  # rendered in the task's thread, as from the dialog
        "BASEMAP_ZOOM_MIN": 10,
        "BASEMAP_ZOOM_MAX": 10,
        "OUTPUT": str(tmp_path / "rina"),
    }
    task = QgsProcessingAlgRunnerTask(algorithm, params, context, feedback)
    outcome = []
    task.executed.connect(lambda ok, results: outcome.append((ok, results)))
    QgsApplication.taskManager().addTask(task)
    for _ in range(60000):
        if outcome:
            break
        QApplication.processEvents()
        threading.Event().wait(0.005)
    assert outcome, feedback.textLog()
    assert outcome[0][0], feedback.textLog()
    assert fp.verify_base(str(tmp_path / "rina" / "survey.gpkg"))
    assert _mbtiles_zooms(tmp_path / "rina" / "basemap.mbtiles") == {10}
    assert QgsProject().read(str(tmp_path / "rina" / "survey.qgz"))


def test_menu_opens_the_dialog_on_the_workspace(plugin, workspace_path, browser_model):
    assert "Package for field survey…" in [a.text() for a in plugin.menu.actions()]
    plugin.package_action.trigger()
    dialog = plugin.package_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.algorithm().id() == "paser_smartcity:package_for_field"
    assert dialog.mainWidget().wrappers["WORKSPACE"].parameterValue() == workspace_path
    assert dialog.algorithm().helpUrl().endswith("field.en.html")
    dialog.close()


# ---------------------------------------------------------------- basemaps


def _geotiff(path, west, south, east, north, size=400):
    driver = gdal.GetDriverByName("GTiff")
    ds = driver.Create(str(path), size, size, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((west, (east - west) / size, 0, north, 0, -(north - south) / size))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).Fill(120)
    ds = None
    return str(path)


def test_a_local_raster_is_cut_to_the_area(plugin, workspace, tmp_path):
    source = _geotiff(tmp_path / "ortho.tif", 115.5, -2.5, 117.0, -0.9)
    package(workspace, tmp_path / "rina", BASEMAP=source, KECAMATAN="Long Ikis")
    folder = tmp_path / "rina"
    with open(folder / "manifest.json", encoding="utf-8") as f:
        assert json.load(f)["files"]["basemap"] == "basemap.tif"
    cut = gdal.Open(str(folder / "basemap.tif"))
    west, dx, _, north, _, dy = cut.GetGeoTransform()
    east, south = west + dx * cut.RasterXSize, north + dy * cut.RasterYSize
    area = basemaps.padded(fp.parse_area("Long Ikis").extent(Workspace(workspace).gazetteer))
    step = 1.5 / 400
    assert abs(west - area.west) < step
    assert abs(east - area.east) < step
    assert abs(south - area.south) < step
    assert abs(north - area.north) < step
    assert cut.RasterXSize < 400
    project = QgsProject()
    assert project.read(str(folder / "survey.qgz"))
    (raster,) = [layer for layer in project.mapLayers().values() if isinstance(layer, QgsRasterLayer)]
    assert raster.isValid()
    assert raster.source() == str(folder / "basemap.tif")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_tile_service_is_a_clear_message(plugin, workspace, tmp_path, monkeypatch):
    refused = QgsRasterLayer(
        f"type=xyz&url=http://127.0.0.1:{_closed_port()}/{{z}}/{{x}}/{{y}}.png&zmin=0&zmax=19", "Offline tiles", "wms"
    )
    assert refused.providerType() == "wms"
    QgsProject.instance().addMapLayer(refused)
    with pytest.raises(QgsProcessingException, match="“Offline tiles” cannot be reached"):
        package(workspace, tmp_path / "rina", BASEMAP=refused.id())
    # a host that never answers (TEST-NET-1): the probe gives up instead of hanging the task
    monkeypatch.setattr(basemaps, "PROBE_TIMEOUT_S", 2.0)
    silent = QgsRasterLayer("type=xyz&url=http://192.0.2.1/{z}/{x}/{y}.png&zmin=0&zmax=19", "Silent tiles", "wms")
    QgsProject.instance().addMapLayer(silent)
    with pytest.raises(QgsProcessingException, match="“Silent tiles” cannot be reached"):
        package(workspace, tmp_path / "rina", BASEMAP=silent.id())
    # too many tiles is refused before anything is fetched or written
    with pytest.raises(QgsProcessingException, match="would need .* tiles"):
        package(workspace, tmp_path / "rina", BASEMAP=silent.id(), KECAMATAN="", BASEMAP_ZOOM_MAX=17)
    assert not (tmp_path / "rina").exists()
    assert staged_leftovers(tmp_path) == []
    QgsProject.instance().removeAllMapLayers()


class _Tiles(http.server.BaseHTTPRequestHandler):
    png = b""
    served = []

    def do_GET(self):  # noqa: N802
        _Tiles.served.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.png)))
        self.end_headers()
        self.wfile.write(self.png)

    def log_message(self, *args):
        pass


@pytest.fixture
def tile_layer(tmp_path):
    """An XYZ layer of a tile server on loopback that serves one green PNG for every tile."""
    tile = QImage(256, 256, QImage.Format.Format_RGB32)
    tile.fill(QColor("#a5d6a7"))
    png = tmp_path / "tile.png"
    tile.save(str(png), "PNG")
    _Tiles.png, _Tiles.served = png.read_bytes(), []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    layer = QgsRasterLayer(f"type=xyz&url={url}&zmin=0&zmax=19", "Local tiles", "wms")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    server.shutdown()
    server.server_close()
    QgsProject.instance().removeAllMapLayers()


def _mbtiles_zooms(path) -> set:
    conn = sqlite3.connect(str(path))
    try:
        return {z for (z,) in conn.execute("SELECT DISTINCT zoom_level FROM tiles")}
    finally:
        conn.close()


def test_a_tile_service_is_copied_into_mbtiles(plugin, workspace, tmp_path, tile_layer):
    package(
        workspace,
        tmp_path / "rina",
        BASEMAP=tile_layer.id(),
        KECAMATAN="Kuaro",
        BASEMAP_ZOOM_MIN=9,
        BASEMAP_ZOOM_MAX=11,
    )
    folder = tmp_path / "rina"
    with open(folder / "manifest.json", encoding="utf-8") as f:
        assert json.load(f)["files"]["basemap"] == "basemap.mbtiles"
    assert _Tiles.served
    assert _mbtiles_zooms(folder / "basemap.mbtiles") == {9, 10, 11}
    project = QgsProject()
    assert project.read(str(folder / "survey.qgz"))
    (raster,) = [layer for layer in project.mapLayers().values() if isinstance(layer, QgsRasterLayer)]
    assert raster.isValid()
