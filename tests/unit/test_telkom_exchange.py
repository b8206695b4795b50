"""Export for Telkom and import of what Telkom sends back, with both geopandas engines.

Telkom-style input is written by the tests with GDAL's OGR API (tests/telkom_files.py),
a different writer than the one under test.
"""

import csv
import io
import os
import zipfile

import pytest

from paser_smartcity_plugin.core.boundaries import DesaBoundaries, Polygon
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.telkom import MissingCrsError, TelkomError
from paser_smartcity_plugin.core.telkom.export import export_package
from paser_smartcity_plugin.core.telkom.importer import (
    BY_PROXIMITY,
    BY_SITE_ID,
    BY_UID,
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATED,
    apply_import,
    preview_import,
)
from tests.telkom_files import digest, to_utm50s, write_shapefile, zip_shapefile

ENGINES = ["pyogrio", "fiona"]
BELIMBING_TOWER = demo_uid("tower", "64.01.06.2012")
PAYANG_TOWER = demo_uid("tower", "64.01.07.2009")
TOYU_TOWER = demo_uid("tower", "64.01.08.2008")  # pending: no coordinates
LONG_NOTES = ("Akses lewat Sungai Kandilo; genset cadangan 5 kVA, kunci di kantor desa. " * 30).strip()


@pytest.fixture(params=ENGINES)
def engine(request):
    pytest.importorskip(request.param)
    return request.param


@pytest.fixture
def workspace(demo_workspace):
    """The demo plus values a shapefile cannot hold as they are."""
    demo_workspace.update_site(
        TOWER_PLANS,
        BELIMBING_TOWER,
        {
            "telkom_site_id": "TSEL-BLB-072",
            "notes": LONG_NOTES,
            "surveyed_at": "2022-08-17T09:30:15.250Z",
            "surveyed_by": "Pak Rahmat (Diskominfo)",
            "accuracy_m": 3.14159,
        },
    )
    point = demo_workspace.sites(SERVICE_POINTS)[0]
    demo_workspace.update_site(
        SERVICE_POINTS, point["uid"], {"name": "SDN 001 Tanah Grogot — ruang guru ñ", "notes": "Ünïcödé " * 300}
    )
    return demo_workspace


def export(workspace, tmp_path, engine, **kwargs):
    out = tmp_path / "paser_telkom.zip"
    result = export_package(workspace, str(out), engine=engine, **kwargs)
    return out, result


def shp_from_zip(zip_path, tmp_path, layer):
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(folder)
    return str(folder / f"{layer}.shp")


def read_ogr(path):
    from osgeo import ogr

    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    return [(f.items(), f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY()) for f in layer]


# ---------------------------------------------------------------- export


def test_export_package_holds_every_part(workspace, tmp_path, engine):
    out, result = export(workspace, tmp_path, engine)
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        for layer in (SERVICE_POINTS, TOWER_PLANS):
            assert {f"{layer}{ext}" for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")} <= names
            assert f"{layer}_schema.txt" in names
            assert f"{layer}_without_coordinates.csv" in names
            assert zf.read(f"{layer}.cpg").decode().strip() == "UTF-8"
        note = zf.read("tower_plans_schema.txt").decode("utf-8")
        pending = list(csv.DictReader(io.StringIO(zf.read("tower_plans_without_coordinates.csv").decode("utf-8-sig"))))
        long_text = list(csv.DictReader(io.StringIO(zf.read("tower_plans_long_text.csv").decode("utf-8-sig"))))
    assert result.engine == engine
    assert [(r.layer, r.features, r.without_coordinates) for r in result.layers] == [
        (SERVICE_POINTS, 154, 0),
        (TOWER_PLANS, 2, 2),
    ]
    # pending towers are listed, not dropped
    assert {r["UID"] for r in pending} == {TOYU_TOWER, demo_uid("tower", "64.01.02.2004")}
    assert "Menara Muara Toyu" in note
    assert "TANPA KOORDINAT / WITHOUT COORDINATES: 2" in note
    # every field with its shapefile name and meaning, in both languages
    for text in (
        "KODE_DESA  (desa_code)",
        "SITE_ID  (telkom_site_id)",
        "Kode desa/kelurahan Kemendagri",
        "Telkom's own site identifier",
        "BAHASA INDONESIA",
        "ENGLISH",
    ):
        assert text in note
    # the cut notes are recorded, and their full text travels beside
    assert f"{BELIMBING_TOWER}  CATATAN: " in note
    assert "TEKS DIPOTONG / CUT TEXT: 1" in note
    assert long_text == [{"UID": BELIMBING_TOWER, "FIELD": "CATATAN", "TEXT": LONG_NOTES}]


def test_exported_values_read_back_with_gdal(workspace, tmp_path, engine):
    out, _ = export(workspace, tmp_path, engine)
    features = read_ogr(shp_from_zip(out, tmp_path, TOWER_PLANS))
    ((values, lon, lat),) = [f for f in features if f[0]["UID"] == BELIMBING_TOWER]
    site = workspace.site(TOWER_PLANS, BELIMBING_TOWER)
    assert (lon, lat) == pytest.approx(site[GEOMETRY], abs=1e-12)
    assert values["NAMA"] == "Menara Belimbing"
    assert values["SITE_ID"] == "TSEL-BLB-072"
    assert values["TGL_SURVEI"] == "2022-08-17T09:30:15.250Z"
    assert values["DIUBAH"] == site["updated_at"]
    assert values["AKURASI_M"] == pytest.approx(3.14159)
    assert values["TAHUN"] == 2022
    assert values["TINGGI_M"] == 72.0
    assert values["KODE_DESA"] == "64.01.06.2012"
    assert LONG_NOTES.startswith(values["CATATAN"] + values["CATATAN2"])  # cut inside a word
    assert all(len(values[c].encode()) <= 254 for c in ("CATATAN", "CATATAN2"))


@pytest.mark.parametrize("crs, expect", [("EPSG:32750", "UTM zone 50S"), ("EPSG:9490", "SRGI2013")])
def test_export_in_projected_crs(workspace, tmp_path, engine, crs, expect):
    from osgeo import ogr

    out, result = export(workspace, tmp_path, engine, crs=crs, layers=[TOWER_PLANS])
    path = shp_from_zip(out, tmp_path, TOWER_PLANS)
    dataset = ogr.Open(path)  # keep it: the layer dies with it
    layer = dataset.GetLayer(0)
    assert expect in layer.GetSpatialRef().GetName()
    site = workspace.site(TOWER_PLANS, PAYANG_TOWER)
    ((x, y),) = [(f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY()) for f in layer if f["UID"] == PAYANG_TOWER]
    assert (x, y) == pytest.approx(to_utm50s(*site[GEOMETRY], epsg=int(crs[5:])), abs=0.001)
    assert not os.path.exists(os.path.join(os.path.dirname(path), "service_points.shp"))


def test_export_selected_only(workspace, tmp_path, engine):
    out, result = export(workspace, tmp_path, engine, only_uids={TOWER_PLANS: [PAYANG_TOWER]})
    assert [(r.layer, r.features, r.without_coordinates) for r in result.layers] == [
        (SERVICE_POINTS, 154, 0),
        (TOWER_PLANS, 1, 0),
    ]
    out, result = export(workspace, tmp_path, engine, only_uids={TOWER_PLANS: [PAYANG_TOWER], SERVICE_POINTS: []})
    assert [(r.layer, r.features) for r in result.layers] == [(SERVICE_POINTS, 0), (TOWER_PLANS, 1)]
    assert read_ogr(shp_from_zip(out, tmp_path, SERVICE_POINTS)) == []  # an empty layer is still a valid shapefile


def test_export_refuses_bad_requests_and_writes_nothing(workspace, tmp_path):
    with pytest.raises(TelkomError, match="must end in .zip"):
        export_package(workspace, str(tmp_path / "out.shp"))
    with pytest.raises(TelkomError, match="not a coordinate reference system"):
        export_package(workspace, str(tmp_path / "out.zip"), crs="EPSG:999999")
    with pytest.raises(TelkomError, match="choose layers"):
        export_package(workspace, str(tmp_path / "out.zip"), layers=["roads"])
    assert os.listdir(tmp_path) == ["demo.gpkg"]


# ---------------------------------------------------------------- round trip


def test_round_trip_reports_no_change(workspace, tmp_path, engine):
    out, _ = export(workspace, tmp_path, engine)
    before = digest(workspace.path)
    preview = preview_import(workspace, str(out), engine=engine)
    assert preview.counts() == {"MATCHED": 156, "UPDATED": 0, "NEW": 0, "REJECTED": 0, "WARNINGS": 0}
    assert all(r.action == UNCHANGED and r.matched_by == BY_UID for r in preview.rows)
    assert {s.layer: (s.encoding, s.features) for s in preview.sources} == {
        SERVICE_POINTS: ("UTF-8", 154),
        TOWER_PLANS: ("UTF-8", 2),
    }
    assert {s.layer: s.ignored_columns for s in preview.sources} == {
        SERVICE_POINTS: ["DESA", "DIUBAH", "KECAMATAN"],
        TOWER_PLANS: ["DESA", "DIUBAH", "KECAMATAN"],
    }
    assert apply_import(workspace, preview) == {"UPDATED": 0, "NEW": 0, "LEFT_OUT": 0}
    assert digest(workspace.path) == before


@pytest.mark.parametrize("crs", ["EPSG:32750", "EPSG:9490"])
def test_round_trip_through_utm_reports_no_change(workspace, tmp_path, crs):
    out, _ = export(workspace, tmp_path, None, crs=crs)
    preview = preview_import(workspace, str(out))
    assert preview.changes == 0
    assert preview.rejected == 0
    assert preview.matched == 156


# ---------------------------------------------------------------- what Telkom sends

TELKOM_FIELDS = [("UID", str), ("NAMA", str), ("STATUS", str), ("SITE_ID", str), ("TAHUN", int)]


def tower_row(workspace, uid, **changes):
    site = workspace.site(TOWER_PLANS, uid)
    row = {
        "UID": uid,
        "NAMA": site["name"],
        "STATUS": site["status"],
        "SITE_ID": site["telkom_site_id"],
        "TAHUN": site["program_year"],
    }
    row.update(changes)
    return row, site[GEOMETRY]


def test_latin1_without_cpg_and_labels(workspace, tmp_path, engine):
    row, point = tower_row(workspace, PAYANG_TOWER, NAMA="Menara Muara Payang Ré", STATUS="Perizinan")
    path = write_shapefile(
        str(tmp_path / "menara_telkom.shp"), TELKOM_FIELDS, [row], [point], encoding="ISO-8859-1", cpg=False
    )
    assert not os.path.exists(path[:-4] + ".cpg")
    with open(path[:-4] + ".dbf", "rb") as f:
        assert "Ré".encode("latin-1") in f.read()
    before = digest(workspace.path)
    preview = preview_import(workspace, path, engine=engine)
    assert preview.sources[0].encoding == "CP1252"
    assert preview.sources[0].layer == TOWER_PLANS
    (report,) = preview.rows
    assert (report.action, report.matched_by) == (UPDATED, BY_UID)
    assert {(c.field, c.old, c.new) for c in report.changes} == {
        ("name", "Menara Muara Payang", "Menara Muara Payang Ré"),
        ("status", "coordinates_set", "permit"),
    }
    assert digest(workspace.path) == before  # a preview writes nothing
    assert apply_import(workspace, preview) == {"UPDATED": 1, "NEW": 0, "LEFT_OUT": 0}
    site = workspace.site(TOWER_PLANS, PAYANG_TOWER)
    assert (site["name"], site["status"]) == ("Menara Muara Payang Ré", "permit")
    assert site["updated_at"] != report.base_updated_at  # counts as a local edit for the sync


def test_utm_prj_moves_and_keeps(workspace, tmp_path, engine):
    moved_row, payang = tower_row(workspace, PAYANG_TOWER)
    same_row, belimbing = tower_row(workspace, BELIMBING_TOWER)
    x, y = to_utm50s(*payang)
    points = [(x + 30.0, y), to_utm50s(*belimbing)]
    path = write_shapefile(str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [moved_row, same_row], points, epsg=32750)
    preview = preview_import(workspace, path, engine=engine)
    assert "32750" in preview.sources[0].crs
    moved, same = preview.rows
    assert same.action == UNCHANGED
    assert moved.action == UPDATED
    geometry = [c for c in moved.changes if c.field == GEOMETRY][0]
    assert 29.5 < haversine(geometry.old, geometry.new) < 30.5
    assert {c.field: c.new for c in moved.changes if c.field != GEOMETRY} == {"coord_source": "telkom"}
    apply_import(workspace, preview)
    assert workspace.site(TOWER_PLANS, PAYANG_TOWER)["coord_source"] == "telkom"


def test_dgn95_tm3_prj(workspace, tmp_path):
    row, point = tower_row(workspace, PAYANG_TOWER)
    path = write_shapefile(
        str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [row], [to_utm50s(*point, epsg=23837)], epsg=23837
    )
    preview = preview_import(workspace, path)
    assert "23837" in preview.sources[0].crs
    assert preview.rows[0].action == UNCHANGED


def haversine(a, b):
    from paser_smartcity_plugin.core.gazetteer import haversine_m

    return haversine_m(a[0], a[1], b[0], b[1])


def test_no_prj_needs_a_crs(workspace, tmp_path, engine):
    row, point = tower_row(workspace, PAYANG_TOWER, STATUS="permit")
    path = write_shapefile(str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [row], [to_utm50s(*point)], epsg=None)
    assert not os.path.exists(path[:-4] + ".prj")
    before = digest(workspace.path)
    with pytest.raises(MissingCrsError, match="has no .prj"):
        preview_import(workspace, path, engine=engine)
    assert digest(workspace.path) == before
    preview = preview_import(workspace, path, source_crs="EPSG:32750", engine=engine)
    (report,) = preview.rows
    assert report.action == UPDATED
    assert [c.field for c in report.changes] == ["status"]


def test_their_own_layout_renamed_columns(workspace, tmp_path, engine):
    """No UID: rows match by Telkom's SITE_ID (under their column name) or by place and name."""
    fields = [("SITEID", str), ("LOKASI_NM", str), ("STATUS", str), ("REMARK", str)]
    by_site_id, belimbing = {"SITEID": "TSEL-BLB-072", "LOKASI_NM": "BTS Belimbing", "STATUS": "On air"}, None
    belimbing = workspace.site(TOWER_PLANS, BELIMBING_TOWER)[GEOMETRY]
    payang = workspace.site(TOWER_PLANS, PAYANG_TOWER)[GEOMETRY]
    near_payang = (payang[0] + 0.0003, payang[1])  # ~33 m east
    by_place = {"SITEID": "TSEL-MPY-072", "LOKASI_NM": "MUARA PAYANG", "STATUS": "construction"}
    far = {"SITEID": "TSEL-NEW-001", "LOKASI_NM": "Muara Payang 2", "STATUS": "permit", "REMARK": "baru"}
    far_point = (payang[0] + 0.01, payang[1] + 0.01)
    path = write_shapefile(
        str(tmp_path / "telkom_towers.shp"), fields, [by_site_id, by_place, far], [belimbing, near_payang, far_point]
    )
    preview = preview_import(workspace, path, engine=engine, aliases={"NAMA": ["LOKASI_NM"]})
    info = preview.sources[0]
    assert info.columns == {"SITEID": "SITE_ID", "LOKASI_NM": "NAMA", "STATUS": "STATUS"}
    assert info.ignored_columns == ["REMARK"]
    first, second, third = preview.rows
    assert (first.action, first.matched_by, first.uid) == (UPDATED, BY_SITE_ID, BELIMBING_TOWER)
    assert {c.field: c.new for c in first.changes} == {"name": "BTS Belimbing", "status": "on_air"}
    assert (second.action, second.matched_by, second.uid) == (UPDATED, BY_PROXIMITY, PAYANG_TOWER)
    assert 30 < second.distance_m < 36
    assert {c.field for c in second.changes} >= {"telkom_site_id", "status", GEOMETRY}
    assert third.action == NEW
    assert third.values["telkom_site_id"] == "TSEL-NEW-001"
    (desa,) = [w for w in third.warnings if "is the position's desa" in w]  # from the shipped desa boundaries
    assert third.values["desa_code"] in desa
    assert "inside its desa boundary" in desa
    assert preview.counts() == {"MATCHED": 2, "UPDATED": 2, "NEW": 1, "REJECTED": 0, "WARNINGS": 1}
    # an official boundary layer configured by the officer wins over the shipped boundaries
    x, y = far_point
    official = DesaBoundaries(
        [
            (
                "64.01.02.2004",
                [Polygon([[(x - 0.01, y - 0.01), (x + 0.01, y - 0.01), (x + 0.01, y + 0.01), (x - 0.01, y + 0.01)]])],
            )
        ]
    )
    with_official = preview_import(workspace, path, engine=engine, aliases={"NAMA": ["LOKASI_NM"]}, boundary=official)
    assert with_official.rows[2].values["desa_code"] == "64.01.02.2004"
    apply_import(workspace, preview)
    assert workspace.count(TOWER_PLANS) == 5
    new = [s for s in workspace.sites(TOWER_PLANS) if s["telkom_site_id"] == "TSEL-NEW-001"][0]
    assert (new["status"], new["coord_source"], new["desa_code"][:5]) == ("permit", "telkom", "64.01")
    # without the alias the name column is unknown, so the nearby row cannot be matched by name
    preview = preview_import(workspace, path, engine=engine)
    assert "LOKASI_NM" in preview.sources[0].ignored_columns


def test_duplicate_ids_are_rejected(workspace, tmp_path, engine):
    a, point = tower_row(workspace, PAYANG_TOWER, STATUS="permit")
    b, _ = tower_row(workspace, PAYANG_TOWER, STATUS="on_air")
    c = {"SITE_ID": "X-1", "NAMA": "Menara Baru", "STATUS": "permit"}
    d = {"SITE_ID": "X-1", "NAMA": "Menara Baru", "STATUS": "permit"}
    path = write_shapefile(str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [a, b, c, d], [point] * 4)
    before = digest(workspace.path)
    preview = preview_import(workspace, path, engine=engine)
    assert [r.action for r in preview.rows] == [REJECTED] * 4
    assert preview.rows[0].reasons == [f"UID {PAYANG_TOWER} appears in rows 1, 2"]
    assert preview.rows[3].reasons == ["Telkom site ID X-1 appears in rows 3, 4"]
    apply_import(workspace, preview)
    assert digest(workspace.path) == before


def test_null_geometries(workspace, tmp_path, engine):
    known, _ = tower_row(workspace, PAYANG_TOWER, STATUS="permit")
    unknown = {"NAMA": "Menara Tanpa Titik", "STATUS": "permit"}
    path = write_shapefile(str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [known, unknown], [None, None])
    preview = preview_import(workspace, path, engine=engine)
    first, second = preview.rows
    assert first.action == UPDATED
    assert [c.field for c in first.changes] == ["status"]
    assert "keeps its coordinates" in first.notes[0]
    assert not first.warnings
    assert second.action == REJECTED
    assert "no coordinates" in second.reasons[0]
    apply_import(workspace, preview)
    assert workspace.site(TOWER_PLANS, PAYANG_TOWER)[GEOMETRY] is not None


def test_pending_tower_gets_coordinates_from_telkom(workspace, tmp_path, engine):
    row, point = tower_row(workspace, TOYU_TOWER)
    assert point is None
    desa = workspace.gazetteer.desa_by_code("64.01.08.2008")
    path = write_shapefile(str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [row], [(desa.lon, desa.lat + 0.001)])
    (report,) = preview_import(workspace, path, engine=engine).rows
    assert {c.field: c.new for c in report.changes if c.field != GEOMETRY} == {
        "coord_source": "telkom",
        "coord_status": "approximate",
        "status": "coordinates_set",
    }


def test_bad_values_and_places_are_rejected_with_reasons(workspace, tmp_path, engine):
    bad_year, point = tower_row(workspace, PAYANG_TOWER, STATUS="selesai")
    bad_year["TAHUN"] = None
    fields = TELKOM_FIELDS[:-1] + [("TAHUN", str)]
    bad_year["TAHUN"] = "dua ribu"
    outside, _ = tower_row(workspace, BELIMBING_TOWER)
    path = write_shapefile(
        str(tmp_path / "tower_plans.shp"), fields, [bad_year, outside], [point, (106.8, -6.2)]
    )  # Jakarta
    before = digest(workspace.path)
    preview = preview_import(workspace, path, engine=engine)
    first, second = preview.rows
    assert first.action == REJECTED
    # the officer's words: field labels and code labels, not STATUS/TAHUN and bare codes
    assert "Status must be one of: Coordinates pending (coordinates_pending), " in first.reasons[0]
    assert first.reasons[0].endswith("(not “selesai”)")
    assert first.reasons[1] == "Programme year must be a number (not “dua ribu”)"
    assert second.action == REJECTED
    assert "outside Kabupaten Paser" in second.reasons[0]
    # reasons are English text (report CSV, logs) that the GUI renders translated, nested parts too
    indonesian = {
        "en": "id",
        "{requirement} (not {value})": "{requirement} (bukan {value})",
        "{layer}: point lon {lon:.6f}, lat {lat:.6f} is outside Kabupaten Paser": "{layer}: titik bujur {lon:.6f}, lintang {lat:.6f} berada di luar Kabupaten Paser",
    }
    shown = [r.render(lambda text: indonesian.get(text, text)) for r in first.reasons + second.reasons]
    assert "Tahun program harus berupa angka (bukan “dua ribu”)" in shown
    assert any(text.startswith("Rencana menara: titik bujur") for text in shown)
    report = tmp_path / "report.csv"
    preview.write_report(str(report))
    with open(report, encoding="utf-8-sig") as f:
        lines = list(csv.DictReader(f))
    assert {line["action"] for line in lines} == {REJECTED}
    assert len(lines) == 3
    apply_import(workspace, preview)
    assert digest(workspace.path) == before


def test_apply_refuses_when_the_site_changed_since_the_preview(workspace, tmp_path):
    a, pa = tower_row(workspace, PAYANG_TOWER, STATUS="permit")
    b, pb = tower_row(workspace, BELIMBING_TOWER, STATUS="permit")
    path = write_shapefile(str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [a, b], [pa, pb])
    preview = preview_import(workspace, path)
    assert preview.updated == 2
    workspace.update_site(TOWER_PLANS, BELIMBING_TOWER, {"status": "construction"})
    before = digest(workspace.path)
    with pytest.raises(TelkomError, match="edited since the preview"):
        apply_import(workspace, preview)
    assert digest(workspace.path) == before
    assert workspace.site(TOWER_PLANS, PAYANG_TOWER)["status"] == "coordinates_set"


def test_zip_with_a_folder_and_layer_by_columns(workspace, tmp_path, engine):
    row, point = tower_row(workspace, PAYANG_TOWER, STATUS="permit")
    fields = TELKOM_FIELDS + [("OPERATOR", str)]
    row["OPERATOR"] = "Telkomsel"
    shp = write_shapefile(str(tmp_path / "data_2024.shp"), fields, [row], [point])
    archive = zip_shapefile(str(tmp_path / "kiriman.zip"), shp, arc_prefix="Kiriman Telkom/")
    preview = preview_import(workspace, archive, engine=engine)
    assert preview.sources[0].layer == TOWER_PLANS
    assert preview.updated == 1


def test_cpg_that_lies_about_utf8(workspace, tmp_path, engine):
    row, point = tower_row(workspace, PAYANG_TOWER, NAMA="Menara Muara Payang Ré")
    path = write_shapefile(
        str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [row], [point], encoding="ISO-8859-1", cpg=False
    )
    with open(path[:-4] + ".cpg", "w") as f:
        f.write("UTF-8")
    preview = preview_import(workspace, path, engine=engine)
    assert preview.sources[0].encoding == "CP1252"
    assert "not UTF-8" in preview.sources[0].warnings[0]
    assert [(c.field, c.new) for c in preview.rows[0].changes] == [("name", "Menara Muara Payang Ré")]


def test_a_preview_is_applied_once_and_only_to_its_workspace(workspace, tmp_path, demo_workspace):
    new = {"NAMA": "Menara Baru Telkom", "STATUS": "permit", "SITE_ID": "TSEL-NEW-9"}
    payang = workspace.site(TOWER_PLANS, PAYANG_TOWER)[GEOMETRY]
    path = write_shapefile(str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [new], [(payang[0] + 0.02, payang[1])])
    preview = preview_import(workspace, path)
    assert preview.new == 1
    other = tmp_path / "other.gpkg"
    from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

    create_workspace(str(other), demo_rows())
    with pytest.raises(TelkomError, match="the preview was made for"):
        apply_import(Workspace(str(other)), preview)
    apply_import(workspace, preview)
    with pytest.raises(TelkomError, match="already been applied"):
        apply_import(workspace, preview)
    assert workspace.count(TOWER_PLANS) == 5


def test_cancel_leaves_nothing_behind(workspace, tmp_path):
    from paser_smartcity_plugin.core.telkom import CancelledError

    out = tmp_path / "paket.zip"
    with pytest.raises(CancelledError):
        export_package(workspace, str(out), is_canceled=lambda: True)
    assert sorted(os.listdir(tmp_path)) == ["demo.gpkg"]
    export_package(workspace, str(out))
    with pytest.raises(CancelledError):
        preview_import(workspace, str(out), is_canceled=lambda: True)
    row, point = tower_row(workspace, PAYANG_TOWER, STATUS="permit")
    path = write_shapefile(str(tmp_path / "tower_plans.shp"), TELKOM_FIELDS, [row], [point])
    preview = preview_import(workspace, path)
    before = digest(workspace.path)
    calls = []
    with pytest.raises(CancelledError):
        apply_import(workspace, preview, is_canceled=lambda: calls.append(1) or len(calls) > 1)
    assert digest(workspace.path) == before
    assert not preview.applied


def test_dbf_widths_are_the_contract_with_both_engines(workspace, tmp_path, engine):
    from osgeo import ogr

    from paser_smartcity_plugin.core.telkom.mapping import BY_SHP

    out, _ = export(workspace, tmp_path, engine)
    dataset = ogr.Open(shp_from_zip(out, tmp_path, SERVICE_POINTS))
    definition = dataset.GetLayer(0).GetLayerDefn()
    widths = {
        definition.GetFieldDefn(i).GetName(): (
            definition.GetFieldDefn(i).GetTypeName(),
            definition.GetFieldDefn(i).GetWidth(),
        )
        for i in range(definition.GetFieldCount())
    }
    assert widths["UID"] == ("String", 36)
    assert widths["NAMA"] == ("String", 254)
    assert widths["KODE_DESA"] == ("String", 13)
    assert widths["TGL_SURVEI"] == ("String", 24)
    assert widths["TAHUN"] == ("Integer", 9)
    assert widths["AKURASI_M"] == ("Real", 24)
    for name, (kind, width) in widths.items():
        if kind == "String":
            assert width == BY_SHP[name].width, name
