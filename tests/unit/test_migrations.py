"""Upgrading workspaces made by an earlier release: in place, backup first, one transaction.

The files under tests/data/release-0.1.0/ were made by the 0.1.0 code itself
(make_fixtures.py there says how): an officer's workspace after real syncs, with an open
conflict and offline work not yet synced.
"""

import glob
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from paser_smartcity_plugin.core import changelog, gpkg, migrations
from paser_smartcity_plugin.core.migrations import META_TABLE, SCHEMA_VERSION
from paser_smartcity_plugin.core.workspace import Workspace, WorkspaceError, create_workspace

ROOT = Path(__file__).resolve().parents[2]
RELEASE_010 = ROOT / "tests" / "data" / "release-0.1.0"


@pytest.fixture
def release_010_workspace(tmp_path) -> str:
    """A copy of the officer's workspace made by release 0.1.0 (schema version 3)."""
    path = tmp_path / "officer" / "workspace.gpkg"
    path.parent.mkdir()
    shutil.copy(RELEASE_010 / "workspace.gpkg", path)
    return str(path)


def _version(path: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return migrations.file_version(conn)
    finally:
        conn.close()


def _set_version(path: str, version: int) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"UPDATE {META_TABLE} SET value = ? WHERE key = 'schema_version'", (str(version),))
    conn.close()


TABLES = ("service_points", "tower_plans", changelog.CHANGES_TABLE, changelog.CONFLICTS_TABLE, changelog.STATE_TABLE)


def _columns(path: str):
    conn = sqlite3.connect(path)
    try:
        return {t: [row[1] for row in conn.execute(f'PRAGMA table_info("{t}")')] for t in TABLES}
    finally:
        conn.close()


def _content(path: str, columns=None):
    """The officer's data: both layers, pending edits, conflicts, sync state — in ``columns``
    (table -> names; default: all of the file's), so an upgraded file compares with its old self.
    (Not the watermarks: schema 6 drops them on purpose, see test_release_010_workspace_re_checks_every_site.)"""
    columns = columns or _columns(path)
    conn = gpkg.connect(path)
    try:
        out = {}
        for table in TABLES:
            names = ", ".join(f'"{c}"' for c in columns[table])
            where = " WHERE key NOT LIKE 'watermark|%'" if table == changelog.STATE_TABLE else ""
            out[table] = sorted(map(repr, conn.execute(f'SELECT {names} FROM "{table}"{where}').fetchall()))
        return out
    finally:
        conn.close()


def _triggers(path: str):
    conn = sqlite3.connect(path)
    try:
        return {name: sql for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        conn.close()


def _backups(path: str):
    stem, _ = os.path.splitext(path)
    return sorted(glob.glob(f"{stem}.v*-backup-*.gpkg"))


def test_release_010_files_are_version_3():
    assert _version(str(RELEASE_010 / "workspace.gpkg")) == 3


def test_release_010_workspace_opens_with_its_work_intact(release_010_workspace):
    old_columns = _columns(release_010_workspace)
    before = _content(release_010_workspace)
    ws = Workspace(release_010_workspace)
    assert _version(release_010_workspace) == SCHEMA_VERSION
    assert _content(release_010_workspace, old_columns) == before
    with ws.read() as conn:
        pending = changelog.pending(conn, "service_points")
    assert "3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b" in pending  # the new site, not yet pushed
    assert pending["3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"]["base"] is None
    assert ws.upgrade_backup is not None  # 0.1.0 files are version 3: every later step applies


def test_release_010_workspace_gets_the_photo_field(release_010_workspace):
    ws = Workspace(release_010_workspace)
    for layer in ("service_points", "tower_plans"):
        assert "photo" in _columns(release_010_workspace)[layer]
        assert {site["photo"] for site in ws.sites(layer)} == {None}
    uid = "3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"
    ws.update_site("service_points", uid, {"photo": "DCIM/sdn001.jpg"})
    assert ws.site("service_points", uid)["photo"] == "DCIM/sdn001.jpg"


def test_release_010_workspace_re_checks_every_site(release_010_workspace):
    """Schema 6: the central versions of a 0.1.0 workspace are unknown, so its watermarks go and
    its next sync compares every site with the centre (and records their versions)."""

    def watermarks(path):
        conn = sqlite3.connect(path)
        try:
            return conn.execute(
                f"SELECT count(*) FROM {changelog.STATE_TABLE} WHERE key LIKE 'watermark|%'"
            ).fetchone()[0]
        finally:
            conn.close()

    assert watermarks(release_010_workspace) > 0  # it had synced
    ws = Workspace(release_010_workspace)
    assert watermarks(release_010_workspace) == 0
    assert watermarks(ws.upgrade_backup) > 0
    with ws.read() as conn:
        assert conn.execute(f"SELECT count(*) FROM {changelog.VERSIONS_TABLE}").fetchone()[0] == 0


def _gdal_update(path: str, where: str, **values) -> None:
    """Write as QField and QGIS do: through GDAL's GeoPackage driver (recursive triggers on,
    its own spatial-index functions), one attribute update."""
    from osgeo import ogr

    ogr.UseExceptions()
    dataset = ogr.Open(path, 1)
    try:
        layer = dataset.GetLayerByName("service_points")
        layer.SetAttributeFilter(where)
        feature = layer.GetNextFeature()
        for name, value in values.items():
            feature.SetField(name, value)
        layer.SetFeature(feature)
    finally:
        dataset = None


def test_release_010_workspace_gets_the_range_rules_for_gdal_writers(release_010_workspace):
    """A 0.1.0 workspace stored accuracy -5 from any GDAL writer; opened by this release, the
    GeoPackage refuses it with the rule in words, and the officer's data stays as it was."""
    Workspace(release_010_workspace)
    before = _content(release_010_workspace)
    uid = "3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"
    with pytest.raises(RuntimeError, match=r"Accuracy \(m\) must be from 0 to 50000"):
        _gdal_update(release_010_workspace, f"uid = '{uid}'", accuracy_m=-5.0)
    assert _content(release_010_workspace) == before
    from osgeo import ogr

    dataset = ogr.Open(release_010_workspace, 1)  # the issue's own statement, through GDAL's SQL
    with pytest.raises(RuntimeError, match=r"Akurasi \(m\) harus antara 0 dan 50000"):
        dataset.ExecuteSQL("UPDATE service_points SET accuracy_m = -5")
    dataset = None
    assert _content(release_010_workspace) == before
    _gdal_update(release_010_workspace, f"uid = '{uid}'", accuracy_m=4.5)  # a good value still goes in
    with Workspace(release_010_workspace).read() as conn:
        assert conn.execute("SELECT accuracy_m FROM service_points WHERE uid = ?", (uid,)).fetchone() == (4.5,)


def _schema_sql(path: str):
    """The tables of the file as SQLite declares them (columns, keys)."""
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'paser_%'"))
    finally:
        conn.close()


def test_release_010_conflict_names_the_central_and_field_merges_are_recorded(release_010_workspace, tmp_path):
    """Schema 7: a conflict says where the other value came from, and several sources may hold
    one on the same field; the officer's open conflict of 0.1.0 came from the sync."""
    from paser_smartcity_plugin.core.sync.conflicts import MINE, open_conflicts, resolve

    conn = sqlite3.connect(release_010_workspace)
    old = conn.execute(f"SELECT layer, uid, field, base, mine, theirs FROM {changelog.CONFLICTS_TABLE}").fetchall()
    conn.close()
    assert old  # the officer's open conflict
    ws = Workspace(release_010_workspace)
    fresh = str(tmp_path / "fresh.gpkg")
    create_workspace(fresh)
    assert _schema_sql(release_010_workspace) == _schema_sql(fresh)  # the tables of a new workspace, keys included
    conflicts = open_conflicts(ws)
    assert [(c.layer, c.uid, c.field) for c in conflicts] == [tuple(r[:3]) for r in old]
    assert {c.source for c in conflicts} == {changelog.CENTRAL_SOURCE}
    assert not conflicts[0].from_package
    resolve(ws, conflicts[0].layer, conflicts[0].uid, conflicts[0].field, MINE)
    assert len(open_conflicts(ws)) == len(old) - 1


def test_an_older_file_is_backed_up_then_upgraded_with_the_triggers_of_a_new_one(release_010_workspace, tmp_path):
    _set_version(release_010_workspace, 2)
    original = Path(release_010_workspace).read_bytes()
    old_columns = _columns(release_010_workspace)
    before = _content(release_010_workspace)
    ws = Workspace(release_010_workspace)
    assert ws.upgrade_backup is not None
    assert _backups(release_010_workspace) == [ws.upgrade_backup]
    assert ".v2-backup-" in ws.upgrade_backup
    # The backup is the file as it was, byte for byte in content: it opens as the old version.
    assert _version(ws.upgrade_backup) == 2
    assert _content(ws.upgrade_backup) == before
    assert len(Path(ws.upgrade_backup).read_bytes()) == len(original)
    # The upgraded file: same data, current version, exactly the triggers a new workspace has.
    assert _version(release_010_workspace) == SCHEMA_VERSION
    assert _content(release_010_workspace, old_columns) == before
    fresh = str(tmp_path / "fresh.gpkg")
    create_workspace(fresh)
    assert _triggers(release_010_workspace) == _triggers(fresh)
    for layer in ("service_points", "tower_plans"):
        assert _columns(release_010_workspace)[layer] == _columns(fresh)[layer]
    # Opening it again changes nothing and makes no second backup.
    assert Workspace(release_010_workspace).upgrade_backup is None
    assert len(_backups(release_010_workspace)) == 1


def test_change_tracking_works_after_the_upgrade(release_010_workspace):
    _set_version(release_010_workspace, 2)
    ws = Workspace(release_010_workspace)
    uid = "3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"
    with ws.read() as conn:
        seq = changelog.pending(conn, "service_points")[uid]["seq"]
    ws.update_site("service_points", uid, {"notes": "dicek ulang"})
    with ws.read() as conn:
        entry = changelog.pending(conn, "service_points")[uid]
    assert entry["seq"] > seq  # the edit is tracked (seq counts trigger firings, not edits)
    assert ws.site("service_points", uid)["notes"] == "dicek ulang"


def test_no_backup_no_upgrade(release_010_workspace, monkeypatch):
    """A backup target that cannot be created (a folder stands in its way): nothing changes."""
    _set_version(release_010_workspace, 2)
    before = Path(release_010_workspace).read_bytes()
    blocked = migrations.backup_path(release_010_workspace, 2)
    monkeypatch.setattr(migrations, "backup_path", lambda path, version: blocked)
    os.makedirs(blocked)
    with pytest.raises(WorkspaceError, match="could not be written") as caught:
        Workspace(release_010_workspace)
    assert "nothing was changed" in str(caught.value)
    assert Path(release_010_workspace).read_bytes() == before


def test_a_failing_step_leaves_the_file_and_no_backup(release_010_workspace, monkeypatch):
    _set_version(release_010_workspace, 2)
    before = Path(release_010_workspace).read_bytes()

    def half_done(conn):
        conn.execute("UPDATE service_points SET notes = 'half-way'")
        raise sqlite3.OperationalError("disk I/O error")

    steps = list(migrations.STEPS) + [migrations.Step(SCHEMA_VERSION + 1, "test step", half_done)]
    monkeypatch.setattr(migrations, "STEPS", steps)
    with pytest.raises(sqlite3.OperationalError):
        migrations.upgrade(release_010_workspace, lambda conn: None, target=SCHEMA_VERSION + 1)
    assert Path(release_010_workspace).read_bytes() == before
    assert _backups(release_010_workspace) == []


CHILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
from paser_smartcity_plugin.core.workspace import Workspace
ws = Workspace(sys.argv[2])
print(ws.upgrade_backup or "")
"""


def test_two_processes_opening_an_old_file_at_once_upgrade_it_once(release_010_workspace):
    _set_version(release_010_workspace, 2)
    old_columns = _columns(release_010_workspace)
    before = _content(release_010_workspace)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(ROOT), release_010_workspace],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0, 0], outputs
    made = [out.strip() for out, _ in outputs if out.strip()]
    assert len(made) == 1, outputs
    assert _backups(release_010_workspace) == made
    assert _version(release_010_workspace) == SCHEMA_VERSION
    assert _content(release_010_workspace, old_columns) == before
