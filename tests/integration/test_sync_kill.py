"""kill -9 at a bad moment: the workspace stays consistent and the next sync finishes the job."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from faulty_proxy import FaultyProxy, sleep
from sync_support import seed, table_dump

from central.db import GpkgCentral
from central.embedded import create_embedded_central
from central.publish_qgis_server import write_project
from central.servers import QgisServer
from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize
from paser_smartcity_plugin.core.sync.history import history
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
import paser_smartcity_plugin.core.sync.pull as pull
from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize
from paser_smartcity_plugin.core.workspace import Workspace
{prepare}
synchronize(Workspace(sys.argv[2]), OgcApiClient(sys.argv[3], page_size=50, timeout=120), overlap_s=1)
"""
# The same sync, held inside its apply transaction once the service points are written.
HELD_IN_APPLY = """
real = pull._apply_layer
def held(conn, schema, *args):
    real(conn, schema, *args)
    if schema.name == "service_points":
        assert conn.in_transaction
        print("applying", flush=True)
        time.sleep(60)
pull._apply_layer = held
"""


@pytest.fixture
def central(qgis_app, tmp_path):
    path = str(tmp_path / "central.gpkg")
    create_embedded_central(path)
    db = GpkgCentral(path)
    seed(db)
    with QgisServer(write_project(str(tmp_path / "central.qgs"), gpkg=path)) as srv:
        yield srv, db


def _sync_killed_when(ws, proxy, predicate):
    child = subprocess.Popen([sys.executable, "-c", CHILD.format(prepare=""), ROOT, ws.path, proxy.url])
    try:
        deadline = time.monotonic() + 60
        while not any(predicate(m, p) for m, p in list(proxy.log)):
            assert child.poll() is None, "the sync ended before the moment to kill it"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        time.sleep(0.2)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(30)
    assert child.returncode == -signal.SIGKILL


def _integrity(ws):
    conn = sqlite3.connect(ws.path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _empty_workspace(tmp_path):
    path = str(tmp_path / "ws.gpkg")
    create_workspace(path)
    return Workspace(path)


def _unchanged_then_finished(ws, before, srv):
    """After the kill: the workspace as before the sync, and the next sync finishes the job."""
    assert _integrity(ws) == "ok"
    assert table_dump(ws) == before
    assert ws.count(SERVICE_POINTS) == 0
    with OgcApiClient(srv.url) as client:
        result = synchronize(ws, client, overlap_s=1)
    assert ws.count(SERVICE_POINTS) == 154
    assert result.pulled == 158
    assert [h["outcome"] for h in history(ws)] == ["ok", "interrupted"]


def _point_pages(proxy):
    return sum(1 for m, p in list(proxy.log) if "/collections/service_points/items" in p)


def test_kill_during_pull_leaves_workspace_as_before(central, tmp_path):
    srv, db = central
    ws = _empty_workspace(tmp_path)
    before = table_dump(ws)
    # the existence check, the first page, a window: then the next request hangs
    hang = lambda m, p, n: sleep(60) if "/collections/service_points/items" in p and n >= 4 else None  # noqa: E731
    with FaultyProxy(srv.url, hang) as proxy:
        _sync_killed_when(ws, proxy, lambda m, p: _point_pages(proxy) >= 4)
    _unchanged_then_finished(ws, before, srv)  # the pages staged outside the workspace: gone


def test_kill_during_apply_leaves_workspace_as_before(central, tmp_path):
    """Killed inside the apply transaction, with the service points written but not committed."""
    srv, db = central
    ws = _empty_workspace(tmp_path)
    before = table_dump(ws)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(prepare=HELD_IN_APPLY), ROOT, ws.path, srv.url],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "applying"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    _unchanged_then_finished(ws, before, srv)


def test_kill_during_push_then_next_sync_settles_without_duplicates(central, tmp_path):
    srv, db = central
    path = str(tmp_path / "ws.gpkg")
    create_workspace(path)
    ws = Workspace(path)
    with OgcApiClient(srv.url) as client:
        synchronize(ws, client, overlap_s=1)
    tower = demo_uid("tower", "64.01.08.2008")
    ws.update_site(TOWER_PLANS, tower, {"status": "permit"})
    (new_uid,) = ws.insert_sites(
        SERVICE_POINTS,
        [
            {
                "name": "UPTD Puskesmas Long Ikis",
                "category": "puskesmas",
                "desa_code": "64.01.06.2012",
                "status": "survey",
                "coord_status": "approximate",
                "geometry": (116.18, -1.43),
            }
        ],
    )
    # The server has applied the first write when the sync is killed.
    proxy = FaultyProxy(srv.url)
    proxy.fault = lambda m, p, n: (
        sleep(60) if m == "GET" and "uid=" in p and any(w in ("POST", "PUT") for w, _ in proxy.log) else None
    )
    with proxy:
        _sync_killed_when(ws, proxy, lambda m, p: m in ("POST", "PUT"))
    assert _integrity(ws) == "ok"
    with OgcApiClient(srv.url) as client:
        result = synchronize(ws, client, overlap_s=1)
    assert result.conflicts == 0
    assert db.count(SERVICE_POINTS, new_uid) == 1
    assert db.row(TOWER_PLANS, tower)["status"] == "permit"
    assert ws.site(TOWER_PLANS, tower)["status"] == "permit"
    with ws.read() as conn:
        assert conn.execute("SELECT count(*) FROM paser_changes").fetchone()[0] == 0
