"""The GeoPackage itself refuses bad rows, whoever writes them (plain SQL here; QGIS in
tests/qgis/test_layer_editing.py): a clear message naming the field, nothing written."""

import sqlite3

import pytest

from paser_smartcity_plugin.core import changelog, gpkg, integrity
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.schema import LAYERS, SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.workspace import META_TABLE, SCHEMA_VERSION, Workspace, create_workspace

UID = demo_uid("kantor_desa", "64.01.01.2009")
TOWER_UID = demo_uid("tower", "64.01.06.2012")
POINT = gpkg.encode_point(116.1, -1.5)
INSERT = (
    "INSERT INTO service_points (geom, name, category, desa_code, status, coord_status, coord_source) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
GOOD = ("Kantor baru", "sekolah", "64.01.06.2012", "planned", "surveyed", "gps_survey")


def _snapshot(ws):
    with ws.read() as conn:
        return (
            conn.execute("SELECT * FROM service_points ORDER BY fid").fetchall(),
            conn.execute("SELECT * FROM tower_plans ORDER BY fid").fetchall(),
            conn.execute(f"SELECT * FROM {changelog.CHANGES_TABLE} ORDER BY layer, uid").fetchall(),
        )


@pytest.mark.parametrize(
    "column, value, message",
    [
        ("name", "", "Nama wajib diisi / Name is required"),
        ("name", "   ", "Name is required"),
        ("name", "x" * 255, "Nama paling banyak 254 karakter / Name must be at most 254 characters"),
        ("desa_code", "99.99.99.9999", "Desa code must be the code of a desa/kelurahan of Kabupaten Paser"),
        ("desa_code", "64.01.06.9999", "Kode desa harus kode desa/kelurahan di Kabupaten Paser"),
        ("status", "done", "Status must be one of: Planned \\(planned\\), Survey \\(survey\\)"),
        ("category", "school", "Kategori harus salah satu dari: Kantor OPD \\(opd\\)"),
        ("coord_status", "measured", "Coordinate status must be one of: Pending \\(pending\\)"),
        ("coord_source", "drone", "Coordinate source must be one of: GPS survey \\(gps_survey\\)"),
        ("accuracy_m", -5, "Akurasi \\(m\\) harus antara 0 dan 50000 / Accuracy \\(m\\) must be from 0 to 50000"),
        ("accuracy_m", 50001, "Accuracy \\(m\\) must be from 0 to 50000"),
        ("accuracy_m", "lima", "Accuracy \\(m\\) must be a number"),
        ("accuracy_m", float("inf"), "Accuracy \\(m\\) must be a finite number"),
        ("program_year", 202, "Programme year must be from 2000 to 2100"),
        ("program_year", 2022.5, "Tahun program harus bilangan bulat / Programme year must be a whole number"),
        ("telkom_site_id", "T" * 51, "Telkom site ID must be at most 50 characters"),
        ("uid", "ABC", "UID must be a lower-case UUID"),
        ("uid", "", "UID must be a lower-case UUID"),
        ("tower_plans.height_m", -1, "Height \\(m\\) must be from 0 to 300"),
        ("tower_plans.height_m", 720, "Tinggi \\(m\\) harus antara 0 dan 300"),
        ("tower_plans.program_year", 20222, "Programme year must be from 2000 to 2100"),
        ("tower_plans.operator", "o" * 51, "Operator must be at most 50 characters"),
    ],
)
def test_plain_sql_update_with_a_bad_value_is_refused(demo_workspace, column, value, message):
    before = _snapshot(demo_workspace)
    table, column = column.split(".") if "." in column else (SERVICE_POINTS, column)
    uid = TOWER_UID if table == TOWER_PLANS else UID
    conn = gpkg.connect(demo_workspace.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match=message):
            conn.execute(f"UPDATE {table} SET \"{column}\" = ?, notes = 'x' WHERE uid = ?", (value, uid))
        conn.commit()
    finally:
        conn.close()
    assert _snapshot(demo_workspace) == before


@pytest.mark.parametrize(
    "index, value, message",
    [
        (0, "", "Name is required"),
        (1, "school", "Category must be one of"),
        (2, "99.99.99.9999", "Desa code must be the code of a desa/kelurahan"),
        (2, None, "Desa code is required"),
        (3, None, "Status is required"),
        (4, "", "Coordinate status is required"),
        (5, "drone", "Coordinate source must be one of"),
    ],
)
def test_plain_sql_insert_with_a_bad_value_is_refused(demo_workspace, index, value, message):
    before = _snapshot(demo_workspace)
    values = list(GOOD)
    values[index] = value
    conn = gpkg.connect(demo_workspace.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match=message):
            conn.execute(INSERT, (POINT, *values))
        conn.commit()
    finally:
        conn.close()
    assert _snapshot(demo_workspace) == before


def test_valid_plain_sql_writes_still_work(demo_workspace):
    conn = gpkg.connect(demo_workspace.path)
    conn.execute(INSERT, (POINT, *GOOD))
    conn.execute(INSERT, (POINT, "Tanpa sumber", "opd", "64.01.06.2012", "active", "pending", None))
    conn.execute("UPDATE tower_plans SET status = 'on_air', coord_source = '' WHERE uid = ?", (TOWER_UID,))
    conn.commit()
    conn.close()
    assert demo_workspace.count(SERVICE_POINTS) == 156
    assert demo_workspace.site(TOWER_PLANS, TOWER_UID)["status"] == "on_air"


def test_tower_rules_use_the_tower_status_list(demo_workspace):
    conn = gpkg.connect(demo_workspace.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="Status must be one of: Coordinates pending"):
            conn.execute("UPDATE tower_plans SET status = 'planned' WHERE uid = ?", (TOWER_UID,))
    finally:
        conn.close()


def test_a_row_from_before_the_rules_can_still_be_edited_and_repaired(demo_workspace):
    conn = gpkg.connect(demo_workspace.path)
    for name in integrity.trigger_names(LAYERS[SERVICE_POINTS]):
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE service_points SET name = '' WHERE uid = ?", (UID,))  # an old bad row
    conn.commit()
    with conn:
        integrity.install(conn)
    conn.execute("UPDATE service_points SET status = 'survey' WHERE uid = ?", (UID,))  # name untouched
    conn.execute("UPDATE service_points SET name = 'Kantor Desa Samurangau' WHERE uid = ?", (UID,))
    conn.commit()
    conn.close()
    site = demo_workspace.site(SERVICE_POINTS, UID)
    assert (site["name"], site["status"]) == ("Kantor Desa Samurangau", "survey")


def test_version_2_workspace_gets_the_rules_and_keeps_its_sync_state(tmp_path):
    path = str(tmp_path / "v2.gpkg")
    create_workspace(path, demo_rows())
    conn = gpkg.connect(path)  # as made by plugin schema version 2, after a sync
    for schema in LAYERS.values():
        for name in integrity.trigger_names(schema):
            conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute(f"DELETE FROM {changelog.CHANGES_TABLE}")
    conn.execute(f"UPDATE {META_TABLE} SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.execute("BEGIN")
    conn.execute("UPDATE service_points SET name = '' WHERE uid = ?", (UID,))  # accepted by v2
    conn.execute("ROLLBACK")
    conn.close()
    ws = Workspace(path)
    assert ws.meta("schema_version") == str(SCHEMA_VERSION)
    with ws.read() as conn:
        # a synced workspace is not re-marked as all-new by the upgrade
        assert conn.execute(f"SELECT count(*) FROM {changelog.CHANGES_TABLE}").fetchone()[0] == 0
    conn = gpkg.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="Name is required"):
            conn.execute("UPDATE service_points SET name = '' WHERE uid = ?", (UID,))
    finally:
        conn.close()
    Workspace(path)  # idempotent


def test_blanked_desa_name_and_kecamatan_are_filled_from_the_gazetteer(demo_workspace):
    conn = gpkg.connect(demo_workspace.path)
    conn.execute("UPDATE service_points SET desa_name = NULL, kecamatan = '' WHERE uid = ?", (UID,))
    conn.execute(INSERT, (POINT, *GOOD))  # no desa_name/kecamatan given
    conn.execute("UPDATE service_points SET desa_name = 'Nama lokal' WHERE uid = ?", (UID,))  # a value stays
    conn.close()
    site = demo_workspace.site(SERVICE_POINTS, UID)
    assert (site["desa_name"], site["kecamatan"]) == ("Nama lokal", "Batu Sopang")
    new = demo_workspace.sites(SERVICE_POINTS, "name = ?", ("Kantor baru",))[0]
    assert (new["desa_name"], new["kecamatan"]) == ("Belimbing", "Long Ikis")


def test_fill_and_touch_end_with_recursive_triggers_on(demo_workspace):
    """GDAL (so QGIS) writes with PRAGMA recursive_triggers = ON: the fill, the touch and an
    old row with an unknown code and no desa name must not trigger each other without end."""
    conn = gpkg.connect(demo_workspace.path)
    conn.execute("PRAGMA recursive_triggers = ON")
    for name in integrity.trigger_names(LAYERS[SERVICE_POINTS]):
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE service_points SET desa_code = '99.99.99.9999', desa_name = NULL WHERE uid = ?", (UID,))
    conn.execute("BEGIN")
    integrity.install(conn)
    conn.execute("COMMIT")
    conn.execute("UPDATE service_points SET notes = 'old bad row' WHERE uid = ?", (UID,))
    conn.execute("UPDATE service_points SET desa_code = '64.01.01.2009', notes = 'repaired' WHERE uid = ?", (UID,))
    other = demo_uid("kantor_desa", "64.01.06.2012")
    conn.execute("UPDATE service_points SET desa_name = NULL, kecamatan = NULL WHERE uid = ?", (other,))
    conn.close()
    site = demo_workspace.site(SERVICE_POINTS, UID)
    assert (site["notes"], site["desa_name"], site["kecamatan"]) == ("repaired", "Samurangau", "Batu Sopang")
    site = demo_workspace.site(SERVICE_POINTS, other)
    assert (site["desa_name"], site["kecamatan"]) == ("Belimbing", "Long Ikis")
    assert site["updated_at"] > "2026-01-01"


@pytest.mark.parametrize(
    "column, value",
    [
        ("accuracy_m", 0),
        ("accuracy_m", 50000),
        ("accuracy_m", "12.5"),  # numeric text: REAL affinity stores the number
        ("accuracy_m", None),
        ("program_year", 2000),
        ("program_year", 2100.0),  # INTEGER affinity stores 2100
        ("name", "x" * 254),
        ("coord_source", None),
    ],
)
def test_values_at_the_edges_of_the_rules_are_accepted(demo_workspace, column, value):
    conn = gpkg.connect(demo_workspace.path)
    conn.execute(f'UPDATE service_points SET "{column}" = ? WHERE uid = ?', (value, UID))
    conn.commit()
    conn.close()
    site = demo_workspace.site(SERVICE_POINTS, UID)
    assert site[column] == (float(value) if column == "accuracy_m" and value is not None else value)


def test_a_new_desa_code_brings_its_desa_name_and_kecamatan(demo_workspace):
    """Any writer changing only the code (QField without the form's defaults, GDAL, SQL): the
    derived names follow it, as rows.fill_derived does for the plugin's own updates."""
    conn = gpkg.connect(demo_workspace.path)
    conn.execute("PRAGMA recursive_triggers = ON")  # as GDAL writes
    conn.execute("UPDATE service_points SET desa_code = '64.01.06.2012' WHERE uid = ?", (UID,))
    conn.commit()
    site = demo_workspace.site(SERVICE_POINTS, UID)
    assert (site["desa_code"], site["desa_name"], site["kecamatan"]) == ("64.01.06.2012", "Belimbing", "Long Ikis")
    # a name the writer changes with the code is theirs
    conn.execute(
        "UPDATE service_points SET desa_code = '64.01.01.2009', desa_name = 'Samurangau Ilir' WHERE uid = ?", (UID,)
    )
    conn.commit()
    site = demo_workspace.site(SERVICE_POINTS, UID)
    assert (site["desa_name"], site["kecamatan"]) == ("Samurangau Ilir", "Batu Sopang")
    # an edit of another field leaves the names alone
    conn.execute("UPDATE service_points SET notes = 'x' WHERE uid = ?", (UID,))
    conn.commit()
    conn.close()
    assert demo_workspace.site(SERVICE_POINTS, UID)["desa_name"] == "Samurangau Ilir"
