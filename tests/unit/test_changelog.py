"""Change tracking: every local edit is recorded by uid with the base, whoever makes it."""

import sqlite3

from paser_smartcity_plugin.core import changelog, gpkg
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.workspace import META_TABLE, SCHEMA_VERSION, Workspace, create_workspace


def _clear_log(ws):
    with ws.write() as conn:
        conn.execute(f"DELETE FROM {changelog.CHANGES_TABLE}")


def _pending(ws, layer):
    with ws.read() as conn:
        return changelog.pending(conn, layer)


def test_plain_sql_update_is_recorded_with_the_base(demo_workspace):
    _clear_log(demo_workspace)
    uid = demo_uid("tower", "64.01.08.2008")
    before = demo_workspace.site(TOWER_PLANS, uid)
    conn = gpkg.connect(demo_workspace.path)  # as any other SQLite writer would
    conn.execute("UPDATE tower_plans SET status = 'on_air' WHERE uid = ?", (uid,))
    conn.execute("UPDATE tower_plans SET notes = 'second edit' WHERE uid = ?", (uid,))
    conn.close()
    log = _pending(demo_workspace, TOWER_PLANS)
    assert list(log) == [uid]
    base = log[uid]["base"]
    assert base["status"] == before["status"] == "coordinates_pending"  # the base is the first OLD
    assert base["notes"] is None
    assert base[GEOMETRY] is None
    assert log[uid]["seq"] >= 2
    assert demo_workspace.site(TOWER_PLANS, uid)["updated_at"] != before["updated_at"]  # touch still works


def test_insert_without_uid_and_delete_are_recorded(demo_workspace):
    _clear_log(demo_workspace)
    conn = gpkg.connect(demo_workspace.path)
    conn.execute(
        "INSERT INTO service_points (geom, name, category, desa_code, status, coord_status) "
        "VALUES (?, 'QField site', 'sekolah', '64.01.06.2012', 'planned', 'surveyed')",
        (gpkg.encode_point(116.1, -1.5),),
    )
    new_uid = conn.execute("SELECT uid FROM service_points WHERE name = 'QField site'").fetchone()[0]
    gone = demo_uid("kantor_desa", "64.01.06.2012")
    point = demo_workspace.site(SERVICE_POINTS, gone)
    conn.execute("DELETE FROM service_points WHERE uid = ?", (gone,))
    conn.close()
    log = _pending(demo_workspace, SERVICE_POINTS)
    assert set(log) == {new_uid, gone}
    assert log[new_uid]["base"] is None  # new here: no base
    assert log[gone]["base"]["name"] == point["name"]
    assert log[gone]["base"][GEOMETRY] == point[GEOMETRY]


def test_writes_while_applying_are_not_local_edits(demo_workspace):
    _clear_log(demo_workspace)
    uid = demo_uid("tower", "64.01.06.2012")
    with demo_workspace.write() as conn, changelog.applying(conn):
        conn.execute(
            "UPDATE tower_plans SET status = 'on_air', updated_at = '2030-01-01T00:00:00.000Z' WHERE uid = ?", (uid,)
        )
    assert _pending(demo_workspace, TOWER_PLANS) == {}
    assert demo_workspace.site(TOWER_PLANS, uid)["updated_at"] == "2030-01-01T00:00:00.000Z"
    with demo_workspace.read() as conn:
        assert changelog.state(conn, changelog.APPLYING_KEY) is None


def test_applying_flag_rolls_back_with_a_failed_transaction(demo_workspace):
    try:
        with demo_workspace.write() as conn, changelog.applying(conn):
            raise RuntimeError("crash")
    except RuntimeError:
        pass
    with demo_workspace.read() as conn:
        assert changelog.state(conn, changelog.APPLYING_KEY) is None


def test_version_1_workspace_is_upgraded_on_open(tmp_path):
    path = str(tmp_path / "old.gpkg")
    create_workspace(path, demo_rows())
    conn = sqlite3.connect(path)  # make it look like a workspace of plugin version 1
    for t in (SERVICE_POINTS, TOWER_PLANS):
        for suffix in ("log_insert", "log_update", "log_rekey", "log_delete"):
            conn.execute(f'DROP TRIGGER "{t}_{suffix}"')
    for table in (changelog.CHANGES_TABLE, changelog.CONFLICTS_TABLE, changelog.HISTORY_TABLE, changelog.STATE_TABLE):
        conn.execute(f"DROP TABLE {table}")
    conn.execute(f"UPDATE {META_TABLE} SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    ws = Workspace(path)
    assert ws.meta("schema_version") == str(SCHEMA_VERSION)
    log = _pending(ws, SERVICE_POINTS)
    assert len(log) == 154
    assert all(v["base"] is None for v in log.values())
    Workspace(path)  # idempotent
    uid = demo_uid("tower", "64.01.06.2012")
    ws.update_site(TOWER_PLANS, uid, {"status": "on_air"})
    assert _pending(ws, TOWER_PLANS)[uid]["seq"] >= 2


def test_rewriting_updated_at_in_another_format_still_touches(tmp_path):
    """GDAL writes '…05Z' back as '…05.000Z' with every edit: that is not a writer's own
    updated_at. A version 2 workspace gets the corrected trigger on open."""
    path = str(tmp_path / "v2.gpkg")
    create_workspace(path, demo_rows())
    conn = gpkg.connect(path)
    conn.execute('DROP TRIGGER "tower_plans_touch"')
    conn.execute(
        'CREATE TRIGGER "tower_plans_touch" AFTER UPDATE ON "tower_plans" '
        "WHEN NEW.updated_at IS OLD.updated_at BEGIN UPDATE tower_plans SET updated_at = "
        "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE fid = NEW.fid; END"
    )
    conn.execute(f"UPDATE {META_TABLE} SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    ws = Workspace(path)
    uid = demo_uid("tower", "64.01.06.2012")
    with ws.write() as conn, changelog.applying(conn):
        conn.execute("UPDATE tower_plans SET updated_at = '2026-01-02T03:04:05Z' WHERE uid = ?", (uid,))
    conn = gpkg.connect(path)
    conn.execute("UPDATE tower_plans SET notes = 'x', updated_at = '2026-01-02T03:04:05.000Z' WHERE uid = ?", (uid,))
    assert ws.site(TOWER_PLANS, uid)["updated_at"] > "2026-01-02T03:04:06"
    conn.execute("UPDATE tower_plans SET notes = 'y', updated_at = '2031-05-06T07:08:09.000Z' WHERE uid = ?", (uid,))
    conn.close()
    assert ws.site(TOWER_PLANS, uid)["updated_at"] == "2031-05-06T07:08:09.000Z"  # a writer's own value stays
