"""The core of a field package (no QGIS): the area, the output, the data with its base and rules."""

import json
import os
import sqlite3

import pytest

from paser_smartcity_plugin.core import field_package as fp
from paser_smartcity_plugin.core import gpkg
from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.gazetteer import default_gazetteer
from paser_smartcity_plugin.core.schema import LAYER_NAMES, SERVICE_POINTS, TOWER_PLANS, UUID_RE
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

LAYERS_AS_THEMSELVES = {layer: layer for layer in LAYER_NAMES}


def test_area_from_names_and_codes():
    area = fp.parse_area("  long  IKIS ; 64.01.07, Long Ikis ,")
    assert [k.code for k in area.kecamatan] == ["64.01.06", "64.01.07"]
    assert area.covers("64.01.07.2009")
    assert not area.covers("64.01.08.2008")
    assert not area.covers(None)
    assert str(area.describe()) == "Kecamatan Long Ikis, Muara Komam"
    whole = fp.parse_area("")
    assert whole.whole_regency
    assert whole.covers("64.01.01.2009")
    assert str(whole.describe()) == "the whole regency"
    gaz = default_gazetteer()
    assert len(whole.as_json(gaz)["desa_codes"]) == 144
    assert len(area.as_json(gaz)["desa_codes"]) == 26 + 13
    box = area.extent(gaz)
    assert box.west < 116.1 < box.east
    assert box.south < -1.5 < box.north


def test_an_unknown_kecamatan_lists_the_valid_ones():
    with pytest.raises(fp.PackageError) as raised:
        fp.parse_area("Long Ikis, Grogot, 64.01.11")
    text = str(raised.value)
    assert "“Grogot”, “64.01.11”" in text
    assert all(f"{k.name} ({k.code})" in text for k in default_gazetteer().kecamatan)


def test_the_output_is_checked_first(tmp_path):
    area = fp.parse_area("")
    plan = fp.plan_package(str(tmp_path / "new"), area, "  Rina   Wati ")
    assert plan.surveyor == "Rina Wati"
    assert not plan.zipped
    assert UUID_RE.match(plan.package_id)
    assert fp.plan_package(str(tmp_path / "p.ZIP"), area, "Rina").zipped
    (tmp_path / "empty").mkdir()
    assert fp.plan_package(str(tmp_path / "empty"), area, "Rina")
    (tmp_path / "p.zip").write_bytes(b"returned")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    for output, surveyor, message in (
        (tmp_path / "p.zip", "Rina", "already exists"),
        (tmp_path / "full", "Rina", "already exists"),
        (tmp_path / "no" / "such", "Rina", "does not exist"),
        (tmp_path / "new", " ", "surveyor's name is required"),
        (tmp_path / "new", "R" * 101, "longer than 100"),
    ):
        with pytest.raises(fp.PackageError, match=message):
            fp.plan_package(str(output), area, surveyor)


@pytest.fixture
def packaged(tmp_path):
    path = str(tmp_path / "office.gpkg")
    create_workspace(path, demo_rows())
    workspace = Workspace(path)
    plan = fp.plan_package(str(tmp_path / "pkg"), fp.parse_area("Kuaro"), "Rina")
    staging = fp.make_staging(plan)
    data = fp.write_survey_data(workspace, plan, staging, "9.9.9")
    fp.write_manifest(staging, data, {"data": fp.DATA_FILE})
    return workspace, fp.finish_package(plan, staging), data


def test_the_data_starts_from_a_clean_base(packaged, tmp_path):
    workspace, folder, data = packaged
    assert sorted(os.listdir(tmp_path)) == ["office.gpkg", "pkg"]  # no staging folder left
    path = os.path.join(folder, fp.DATA_FILE)
    assert data.counts == {SERVICE_POINTS: 14, TOWER_PLANS: 0}  # 13 kantor desa and the kantor kecamatan
    assert fp.verify_base(path)
    assert data.meta["plugin_version"] == "9.9.9"
    conn = sqlite3.connect(path)
    try:
        assert fp.sites_digest(conn, LAYERS_AS_THEMSELVES) == data.base_hash == data.meta["base"]["hash"]
    finally:
        conn.close()
    with open(os.path.join(folder, fp.MANIFEST_FILE), encoding="utf-8") as f:
        assert json.load(f)["files"] == {"data": fp.DATA_FILE}
    with workspace.read() as conn:
        assert fp.sites_digest(conn, LAYERS_AS_THEMSELVES) != data.base_hash  # the office has the whole regency


def test_the_digest_ignores_order_and_fids_but_not_values(packaged):
    _, folder, data = packaged
    path = os.path.join(folder, fp.DATA_FILE)
    conn = gpkg.connect(path)
    try:
        conn.execute("CREATE TABLE shuffled AS SELECT * FROM paser_base_service_points ORDER BY name DESC")
        conn.execute("UPDATE shuffled SET fid = fid + 1000")
        tables = {SERVICE_POINTS: "shuffled", TOWER_PLANS: "paser_base_tower_plans"}
        assert fp.sites_digest(conn, tables) == data.base_hash
        conn.execute("UPDATE shuffled SET notes = 'x' WHERE fid = (SELECT min(fid) FROM shuffled)")
        assert fp.sites_digest(conn, tables) != data.base_hash
    finally:
        conn.close()


def test_the_package_carries_the_rules_but_no_json(packaged):
    _, folder, _ = packaged
    path = os.path.join(folder, fp.DATA_FILE)
    conn = gpkg.connect(path)
    try:
        sql = [s for (s,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")]
        assert sql
        assert not [s for s in sql if "json" in s.lower()]
        # a site added by any writer gets its key, time and desa names; bad values are refused
        conn.execute(
            "INSERT INTO service_points (geom, name, category, desa_code, status, coord_status) "
            "VALUES (?, 'SD 1', 'sekolah', '64.01.06.2011', 'planned', 'surveyed')",
            (gpkg.encode_point(116.0, -1.9),),
        )
        uid, updated, desa = conn.execute(
            "SELECT uid, updated_at, desa_name FROM service_points WHERE name = 'SD 1'"
        ).fetchone()
        assert UUID_RE.match(uid)
        assert updated.endswith("Z")
        assert desa == "Tiwei"
        with pytest.raises(sqlite3.IntegrityError, match="Status must be one of"):
            conn.execute("UPDATE service_points SET status = 'done' WHERE name = 'SD 1'")
        with pytest.raises(sqlite3.IntegrityError, match="must be the code of a desa/kelurahan of Kabupaten Paser"):
            conn.execute("UPDATE service_points SET desa_code = '64.01.99.9999' WHERE name = 'SD 1'")
    finally:
        conn.close()
    assert fp.verify_base(path)  # the base is not touched by edits of the layers


def test_a_file_that_is_no_package_is_named(tmp_path, packaged):
    workspace, _, _ = packaged
    with pytest.raises(fp.PackageError, match="is not a Paser Smart City field package"):
        fp.read_meta(workspace.path)
    with pytest.raises(fp.PackageError, match="is not a Paser Smart City field package"):
        fp.read_meta(str(tmp_path / "missing.gpkg"))


def test_a_position_taken_in_the_field_is_registered(tmp_path):
    from paser_smartcity_plugin.core.demo import demo_uid

    path = str(tmp_path / "office.gpkg")
    create_workspace(path, demo_rows())
    plan = fp.plan_package(str(tmp_path / "pkg"), fp.parse_area("Long Kali"), "Rina")
    staging = fp.make_staging(plan)
    fp.write_survey_data(Workspace(path), plan, staging, "9.9.9")
    data = os.path.join(fp.finish_package(plan, staging), fp.DATA_FILE)
    toyu = demo_uid("tower", "64.01.08.2008")
    conn = gpkg.connect(data)
    try:
        columns = "status, coord_status, coord_source, surveyed_by, surveyed_at, notes"
        before = conn.execute(f"SELECT {columns} FROM tower_plans WHERE uid = ?", (toyu,)).fetchone()
        assert before[:4] == ("coordinates_pending", "pending", None, None)
        conn.execute("UPDATE tower_plans SET notes = 'akses jalan rusak' WHERE uid = ?", (toyu,))
        assert conn.execute(f"SELECT {columns} FROM tower_plans WHERE uid = ?", (toyu,)).fetchone()[:5] == before[:5]
        # placed in the field: registered as the register dialog would, by the package's surveyor
        conn.execute("UPDATE tower_plans SET geom = ? WHERE uid = ?", (gpkg.encode_point(116.289, -1.142), toyu))
        status, coord_status, source, by, at, _ = conn.execute(
            f"SELECT {columns} FROM tower_plans WHERE uid = ?", (toyu,)
        ).fetchone()
        assert (status, coord_status, source, by) == ("coordinates_set", "surveyed", "gps_survey", "Rina")
        assert at.endswith("Z")
        # the same point written again (GDAL rewrites every column) is no new position
        conn.execute("UPDATE tower_plans SET surveyed_by = 'Budi' WHERE uid = ?", (toyu,))
        conn.execute(
            "UPDATE tower_plans SET geom = ?, notes = 'x' WHERE uid = ?", (gpkg.encode_point(116.289, -1.142), toyu)
        )
        assert conn.execute("SELECT surveyed_by FROM tower_plans WHERE uid = ?", (toyu,)).fetchone()[0] == "Budi"
        # a value the writer sets with the position is kept
        conn.execute(
            "UPDATE tower_plans SET geom = ?, coord_source = 'map', coord_status = 'approximate' WHERE uid = ?",
            (gpkg.encode_point(116.29, -1.142), toyu),
        )
        assert conn.execute(
            "SELECT coord_source, coord_status, surveyed_by FROM tower_plans WHERE uid = ?", (toyu,)
        ).fetchone() == (
            "map",
            "approximate",
            "Rina",
        )
    finally:
        conn.close()
