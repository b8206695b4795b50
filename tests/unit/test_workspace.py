import hashlib
import os
import sqlite3

import pytest

from paser_smartcity_plugin.core import gpkg
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS, UUID_RE
from paser_smartcity_plugin.core.workspace import Workspace, WorkspaceError, create_workspace, is_workspace


def digest(path) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def test_demo_towers_are_the_2022_programme(demo_workspace):
    towers = {t["desa_code"]: t for t in demo_workspace.sites(TOWER_PLANS)}
    assert set(towers) == {"64.01.06.2012", "64.01.07.2009", "64.01.08.2008", "64.01.02.2004"}
    for t in towers.values():
        assert (t["height_m"], t["operator"], t["program_year"]) == (72.0, "Telkomsel", 2022)
        assert UUID_RE.match(t["uid"])
    for code in ("64.01.06.2012", "64.01.07.2009"):
        desa = demo_workspace.gazetteer.desa_by_code(code)
        t = towers[code]
        assert (t["status"], t["coord_status"], t["coord_source"]) == ("coordinates_set", "approximate", "gazetteer")
        assert t[GEOMETRY] == pytest.approx((desa.lon, desa.lat))
    for code in ("64.01.08.2008", "64.01.02.2004"):
        t = towers[code]
        assert t[GEOMETRY] is None
        assert (t["status"], t["coord_status"]) == ("coordinates_pending", "pending")
    assert towers["64.01.02.2004"]["desa_name"] == "Keladen"
    assert towers["64.01.02.2004"]["kecamatan"] == "Tanjung Harapan"


def test_demo_service_points_are_one_office_per_desa_and_kecamatan(demo_workspace):
    points = demo_workspace.sites(SERVICE_POINTS)
    assert len(points) == 154
    by_category = {}
    for p in points:
        by_category.setdefault(p["category"], []).append(p)
        assert (p["status"], p["coord_status"], p["coord_source"]) == ("planned", "approximate", "gazetteer")
    assert len(by_category["desa"]) == 144
    assert len(by_category["kantor_kecamatan"]) == 10
    assert {p["desa_code"] for p in by_category["desa"]} == {d.code for d in demo_workspace.gazetteer.desa}
    assert len({p["uid"] for p in points}) == 154
    grogot = [p for p in by_category["kantor_kecamatan"] if p["name"] == "Kantor Kecamatan Tanah Grogot"][0]
    assert grogot["desa_code"].startswith("64.01.04.")


def test_demo_keys_are_stable_across_machines(tmp_path, demo_workspace):
    other = tmp_path / "other.gpkg"
    create_workspace(str(other), demo_rows())
    assert {t["uid"] for t in Workspace(str(other)).sites(TOWER_PLANS)} == {
        t["uid"] for t in demo_workspace.sites(TOWER_PLANS)
    }
    assert demo_workspace.site(TOWER_PLANS, demo_uid("tower", "64.01.08.2008"))["name"] == "Menara Muara Toyu"


def test_existing_workspace_is_never_overwritten(demo_workspace):
    uid = demo_uid("tower", "64.01.06.2012")
    demo_workspace.update_site(TOWER_PLANS, uid, {"status": "permit"})
    before = digest(demo_workspace.path)
    assert create_workspace(demo_workspace.path, demo_rows()) is False
    assert digest(demo_workspace.path) == before


@pytest.mark.parametrize("content", [b"not a database", b""])
def test_other_file_is_refused_and_left_alone(tmp_path, content):
    path = tmp_path / "precious.gpkg"
    path.write_bytes(content)
    with pytest.raises(WorkspaceError, match="not a Paser Smart City workspace"):
        create_workspace(str(path))
    assert path.read_bytes() == content
    assert os.listdir(tmp_path) == ["precious.gpkg"]


def test_foreign_geopackage_is_refused(tmp_path):
    path = tmp_path / "foreign.gpkg"
    conn = gpkg.connect(str(path))
    gpkg.initialize(conn)
    conn.close()
    assert gpkg.is_geopackage(str(path))
    assert not is_workspace(str(path))
    with pytest.raises(WorkspaceError):
        create_workspace(str(path))
    with pytest.raises(WorkspaceError, match="is not a Paser Smart City workspace"):
        Workspace(str(path))


def test_bad_target_names_are_refused(tmp_path):
    with pytest.raises(WorkspaceError, match="does not exist"):
        create_workspace(str(tmp_path / "missing" / "w.gpkg"))
    with pytest.raises(WorkspaceError, match=r"\.gpkg"):
        create_workspace(str(tmp_path / "w.sqlite"))
    assert os.listdir(tmp_path) == []


def test_invalid_rows_write_nothing(empty_workspace):
    good = {
        "name": "SDN 001 Tanah Grogot",
        "category": "sekolah",
        "desa_code": "64.01.04.1001",
        "status": "planned",
        "coord_status": "surveyed",
        GEOMETRY: (116.19, -1.90),
    }
    before = digest(empty_workspace.path)
    cases = [
        (dict(good, name="  "), "Name is required"),
        (dict(good, category="hospital"), "Category must be one of: .* \\(not “hospital”\\)"),
        (dict(good, desa_code="64.01.99.9999"), "Desa code must be the code of a desa/kelurahan"),
        (dict(good, **{GEOMETRY: (116.19, 1.90)}), "outside Kabupaten Paser"),
        (dict(good, accuracy_m="abc"), "Accuracy \\(m\\) must be a number \\(not “abc”\\)"),
        (dict(good, accuracy_m=float("nan")), "Accuracy \\(m\\) must be a finite number"),
        (dict(good, accuracy_m=-5), "Accuracy \\(m\\) must be from 0 to 50000 \\(not -5\\)"),
        (dict(good, program_year=2022.5), "Programme year must be a whole number"),
        (dict(good, program_year=1999), "Programme year must be from 2000 to 2100"),
        (dict(good, name="n" * 255), "Name must be at most 254 characters \\(it has 255\\)"),
        (dict(good, uid="not-a-uuid"), "UID must be a lower-case UUID"),
        (dict(good, colour="red"), "unknown field"),
        ({k: v for k, v in good.items() if k != GEOMETRY}, "point geometry is required"),
    ]
    for row, message in cases:
        with pytest.raises(WorkspaceError, match=message):
            # the good row first: the whole batch must roll back
            empty_workspace.insert_sites(SERVICE_POINTS, [good, row])
    assert empty_workspace.count(SERVICE_POINTS) == 0
    assert digest(empty_workspace.path) == before


def test_duplicate_uid_rolls_back_the_batch(empty_workspace):
    row = {
        "uid": "0b7d6b0e-3c55-4c52-9a7e-1f6f5a1c2d3e",
        "name": "Kantor Dinas Kominfo",
        "category": "opd",
        "desa_code": "64.01.04.1001",
        "status": "active",
        "coord_status": "surveyed",
        GEOMETRY: (116.19, -1.90),
    }
    with pytest.raises(WorkspaceError, match="UNIQUE"):
        empty_workspace.insert_sites(SERVICE_POINTS, [row, dict(row, name="copy")])
    assert empty_workspace.count(SERVICE_POINTS) == 0
    empty_workspace.insert_sites(SERVICE_POINTS, [row])
    saved = empty_workspace.site(SERVICE_POINTS, row["uid"])
    assert saved["desa_name"]
    assert saved["kecamatan"] == "Tanah Grogot"
    assert saved["updated_at"].endswith("Z")


def test_sql_insert_outside_the_plugin_gets_uid_and_timestamp(empty_workspace):
    # QField or plain SQL do not know our key: the workspace makes one.
    with empty_workspace.write() as conn:
        conn.execute(
            "INSERT INTO tower_plans (name, desa_code, status, coord_status) "
            "VALUES ('Menara baru', '64.01.02.2004', 'coordinates_pending', 'pending')"
        )
    (tower,) = empty_workspace.sites(TOWER_PLANS)
    assert UUID_RE.match(tower["uid"])
    assert tower["updated_at"]


def test_update_refreshes_updated_at_and_rtree(demo_workspace):
    uid = demo_uid("tower", "64.01.08.2008")
    old = demo_workspace.site(TOWER_PLANS, uid)
    demo_workspace.update_site(TOWER_PLANS, uid, {GEOMETRY: (116.30, -1.17), "status": "coordinates_set"})
    new = demo_workspace.site(TOWER_PLANS, uid)
    assert new[GEOMETRY] == (116.30, -1.17)
    assert new["updated_at"] >= old["updated_at"]
    with demo_workspace.read() as conn:
        box = conn.execute("SELECT minx, miny FROM rtree_tower_plans_geom WHERE id = ?", (new["fid"],)).fetchone()
    assert box == pytest.approx((116.30, -1.17), abs=1e-4)  # the RTree stores float32
    with pytest.raises(WorkspaceError, match="no site with uid"):
        demo_workspace.update_site(TOWER_PLANS, "00000000-0000-4000-8000-000000000000", {"status": "permit"})
    with pytest.raises(WorkspaceError, match="Status must be one of: Coordinates pending"):
        demo_workspace.update_site(TOWER_PLANS, uid, {"status": "active"})


def test_point_blob_round_trip_and_foreign_blobs():
    blob = gpkg.encode_point(116.189232, -1.902303)
    assert gpkg.decode_point(blob) == (116.189232, -1.902303)
    assert gpkg.decode_point(None) is None
    assert gpkg.decode_point(b"garbage") is None


def test_file_is_a_valid_geopackage_for_sqlite(demo_workspace):
    conn = sqlite3.connect(demo_workspace.path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == gpkg.GPKG_APPLICATION_ID
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_validation_errors_are_translatable_templates(empty_workspace):
    """str() is the English text (logs, tests); render(tr) translates each template, values kept."""
    good = {
        "name": "SD Negeri 1 Tanah Grogot",
        "category": "sekolah",
        "desa_code": "64.01.99.9999",
        "status": "planned",
        "coord_status": "surveyed",
        "accuracy_m": -3,
        GEOMETRY: (116.19, -1.90),
    }
    with pytest.raises(WorkspaceError) as raised:
        empty_workspace.insert_sites(SERVICE_POINTS, [good])
    error = raised.value
    assert str(error) == (
        "row 1: Desa code must be the code of a desa/kelurahan of Kabupaten Paser, 64.01.xx.xxxx "
        "(not “64.01.99.9999”); Accuracy (m) must be from 0 to 50000 (not -3)"
    )
    # the officer reads field labels, not column names, in their language: the labels and
    # rules from the schema (core/rules.py), the templates around them from the .ts
    indonesian = {
        "en": "id",
        "row {row}: {problem}": "baris {row}: {problem}",
        "{requirement} (not {value})": "{requirement} (bukan {value})",
    }
    assert error.render(lambda text: indonesian.get(text, text)) == (
        "baris 1: Kode desa harus kode desa/kelurahan di Kabupaten Paser, 64.01.xx.xxxx (bukan “64.01.99.9999”); "
        "Akurasi (m) harus antara 0 dan 50000 (bukan -3)"
    )
    with pytest.raises(WorkspaceError) as raised:
        Workspace(os.path.join(os.path.dirname(empty_workspace.path), "missing.gpkg"))
    assert raised.value.render(lambda text: text.replace("does not exist", "tidak ada")).endswith("tidak ada")
