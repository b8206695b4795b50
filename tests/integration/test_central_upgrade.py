"""A central made by release 0.1.0 is upgraded in place (backup first) and then syncs with
workspaces of this release — and with a 0.1.0 officer's workspace, upgraded on open.

PostgreSQL: a database loaded with 0.1.0's schema.sql (tests/data/release-0.1.0/central_schema.sql)
and seeded as 0.1.0 would hold it. Embedded: the central.gpkg made by the 0.1.0 code.
"""

import shutil
import sqlite3
import subprocess
from pathlib import Path

import psycopg2
import pytest

from central.db import GpkgCentral, PostgresCentral
from central.publish_qgis_server import write_project
from central.servers import QgisServer
from central.upgrade import upgrade_embedded, upgrade_postgres
from paser_smartcity_plugin.core import gpkg
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.gazetteer import default_gazetteer
from paser_smartcity_plugin.core.rows import complete_row
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

RELEASE_010 = Path(__file__).resolve().parents[1] / "data" / "release-0.1.0"
OFFICE = demo_uid("kantor_desa", "64.01.06.2012")
NEW_SITE = "3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b"  # made offline in the 0.1.0 workspace


def _sync(ws, url):
    with OgcApiClient(url, timeout=30, retries=1, backoff=0.05) as client:
        return synchronize(ws, client, overlap_s=5)


def _postgres_locks(conn):
    """The upgraded central refuses a write that carries a stale version; a DBA's UPDATE passes."""
    with conn.cursor() as cur:
        cur.execute("SELECT DISTINCT version FROM service_points")
        assert cur.fetchall() == [(1,)]
        cur.execute("UPDATE service_points SET notes = 'by the DBA' WHERE uid = %s", (OFFICE,))
        cur.execute("SELECT version FROM service_points WHERE uid = %s", (OFFICE,))
        assert cur.fetchone() == (2,)
        with pytest.raises(psycopg2.errors.SerializationFailure):
            cur.execute("UPDATE service_points SET notes = 'stale', version = 1 WHERE uid = %s", (OFFICE,))
        cur.execute("UPDATE service_points SET notes = 'current', version = 2 WHERE uid = %s", (OFFICE,))
        cur.execute("SELECT notes, version FROM service_points WHERE uid = %s", (OFFICE,))
        assert cur.fetchone() == ("current", 3)


def _embedded_locks(path):
    conn = gpkg.connect(path)
    try:
        assert {r[0] for r in conn.execute("SELECT DISTINCT version FROM service_points")} == {1}
        conn.execute("UPDATE service_points SET notes = 'by the DBA' WHERE uid = ?", (OFFICE,))
        assert conn.execute("SELECT version FROM service_points WHERE uid = ?", (OFFICE,)).fetchone() == (2,)
        with pytest.raises(sqlite3.IntegrityError, match="stale version"):
            conn.execute("UPDATE service_points SET notes = 'stale', version = 1 WHERE uid = ?", (OFFICE,))
        conn.execute("UPDATE service_points SET notes = 'current', version = 2 WHERE uid = ?", (OFFICE,))
        assert conn.execute("SELECT notes, version FROM service_points WHERE uid = ?", (OFFICE,)).fetchone() == (
            "current",
            3,
        )
    finally:
        conn.close()


def _columns(conn, table):
    with conn.cursor() as cur:
        cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,))
        return {r[0] for r in cur.fetchall()}


@pytest.fixture
def central_010_postgres(pg_server):
    """A database of the test cluster holding a 0.1.0 central with the demo programme."""
    cluster, _ = pg_server
    dbname = "central_010"
    base = f"host=127.0.0.1 port={cluster.port} user={cluster.user}"
    subprocess.run(
        ["dropdb", "--if-exists", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", cluster.user, dbname], check=True
    )
    subprocess.run(["createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", cluster.user, dbname], check=True)
    conninfo = f"{base} dbname={dbname}"
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-f", str(RELEASE_010 / "central_schema.sql")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    conn = psycopg2.connect(conninfo)
    conn.autocommit = True
    gaz = default_gazetteer()
    with conn.cursor() as cur:  # the 0.1.0 columns only: what that release's sync wrote
        for layer, rows in demo_rows(gaz).items():
            names = sorted(_columns(conn, layer) - {"fid", "geom", "updated_at", "deleted_at"})
            for row in rows:
                row = complete_row(row, gaz)
                point = row.get("geometry")
                cur.execute(
                    f"INSERT INTO {layer} (geom, {', '.join(names)}) VALUES ("
                    "CASE WHEN %s::float8 IS NULL THEN NULL ELSE "
                    "ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), 32750) END, "
                    + ", ".join(["%s"] * len(names))
                    + ")",
                    [point[0] if point else None, *(point or (None, None))] + [row.get(n) for n in names],
                )
    yield conninfo, conn
    conn.close()


def test_postgres_central_of_010_is_upgraded_with_a_backup_and_syncs_photos(central_010_postgres, tmp_path, qgis_app):
    conninfo, conn = central_010_postgres
    assert "photo" not in _columns(conn, SERVICE_POINTS)
    with conn.cursor() as cur:
        cur.execute("SELECT count(*), max(updated_at) FROM service_points")
        count, newest = cur.fetchone()
    backup = str(tmp_path / "central-before.dump")
    upgrade_postgres(conninfo, backup)
    assert Path(backup).stat().st_size > 0
    listing = subprocess.run(["pg_restore", "-l", backup], check=True, capture_output=True, text=True).stdout
    assert "TABLE public service_points" in listing
    assert "TABLE DATA public service_points" in listing
    for layer in (SERVICE_POINTS, TOWER_PLANS):
        assert "photo" in _columns(conn, layer)
    with conn.cursor() as cur:  # the data is untouched (no row rewritten: updated_at unchanged)
        cur.execute("SELECT count(*), max(updated_at) FROM service_points")
        assert cur.fetchone() == (count, newest)
    upgrade_postgres(conninfo, str(tmp_path / "again.dump"))  # idempotent
    _postgres_locks(conn)

    project = write_project(str(tmp_path / "central.qgs"), postgres=conninfo)
    ws_path = str(tmp_path / "officer.gpkg")
    create_workspace(ws_path)
    ws = Workspace(ws_path)
    with QgisServer(project) as server:
        assert _sync(ws, server.url).pulled == 158
        ws.update_site(SERVICE_POINTS, OFFICE, {"photo": "DCIM/kantor_belimbing.jpg"})
        assert _sync(ws, server.url).pushed == 1
    assert PostgresCentral(conninfo).row(SERVICE_POINTS, OFFICE)["photo"] == "DCIM/kantor_belimbing.jpg"


def test_embedded_central_and_workspace_of_010_upgrade_and_sync(tmp_path, qgis_app):
    central = str(tmp_path / "central.gpkg")
    shutil.copy(RELEASE_010 / "central.gpkg", central)
    ws_path = str(tmp_path / "officer" / "workspace.gpkg")
    Path(ws_path).parent.mkdir()
    shutil.copy(RELEASE_010 / "workspace.gpkg", ws_path)
    db = GpkgCentral(central)
    with sqlite3.connect(central) as conn:  # the 0.1.0 columns: GpkgCentral reads this release's
        before = dict(conn.execute("SELECT uid, name FROM service_points"))
    backup = upgrade_embedded(central)
    assert Path(backup).exists()
    assert Path(backup).stat().st_size > 0
    assert {r["uid"]: r["name"] for r in db.rows(SERVICE_POINTS)} == before
    assert {r["photo"] for r in db.rows(SERVICE_POINTS)} == {None}
    upgrade_embedded(central)  # idempotent
    _embedded_locks(central)
    ws = Workspace(ws_path)  # the 0.1.0 officer's workspace, upgraded on open
    assert ws.upgrade_backup is not None
    ws.update_site(SERVICE_POINTS, NEW_SITE, {"photo": "DCIM/sdn001.jpg"})
    with QgisServer(write_project(str(tmp_path / "central.qgs"), gpkg=central)) as server:
        result = _sync(ws, server.url)
        assert result.conflicts == 1  # the open conflict of 0.1.0 is still there, not lost
        assert _sync(ws, server.url).pushed == 0  # settled
    assert db.row(SERVICE_POINTS, NEW_SITE)["photo"] == "DCIM/sdn001.jpg"
    assert db.row(SERVICE_POINTS, NEW_SITE)["name"] == "SDN 001 Tanah Grogot"
    # the soft delete's tombstone keeps the new column (its trigger was re-made)
    db.delete(SERVICE_POINTS, NEW_SITE)
    assert db.row(SERVICE_POINTS, NEW_SITE)["photo"] == "DCIM/sdn001.jpg"
    assert db.row(SERVICE_POINTS, NEW_SITE)["deleted_at"] is not None
