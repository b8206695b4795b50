"""Sync speed and memory beside GDAL's OGC API – Features driver, on one real server.

A throw-away PostgreSQL + PostGIS cluster with central/schema.sql, N service points, served by
qgis_mapserver on loopback. For each N: our full pull into an empty workspace vs
``ogr2ogr -f GPKG out.gpkg OAPIF:<url> service_points`` (same page size), then an incremental
pull of 100 central changes. Each side runs in its own process; peak memory is that process's
maximum RSS. Prints figures; never fails on time.

The central's updated_at are one second apart, in the order the rows are stored. A last run
spreads the largest N over 7 bulk loads of ~700 rows a second (time windows must find the
bursts and split them finely; ogr2ogr's offset pages do not care).

Goals (issue 4): full pull <= 1.2 x ogr2ogr, incremental < 1 s, memory flat as N grows.
Sizes: PASER_BENCH_SYNC_SIZES (default "10000,100000"); PASER_BENCH_SYNC_BURSTS=0 skips the last run.

First, the team push (issue 10): five officers, each a process with its own workspace, each
changed a different field of the same 50 sites; their syncs one after another (serial), then
the same amount of work all at once (concurrent, where the central refuses stale writes and the
pushes merge again). Goal: correct first (checked), then concurrent <= 2 x serial.
PASER_BENCH_TEAM=0 skips it.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

PAGE_SIZE = 10000

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize
from paser_smartcity_plugin.core.workspace import Workspace
t0 = time.perf_counter()
with OgcApiClient(sys.argv[3], page_size=int(sys.argv[4]), timeout=600) as client:
    result = synchronize(Workspace(sys.argv[2]), client, push=False)
print(json.dumps({"seconds": time.perf_counter() - t0, "pulled": result.pulled,
                  "received": sum(s.received for s in result.layers.values()), "requests": client.requests_made}))
"""


def _peak_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _run_measured(cmd, env=None):
    """(wall seconds, peak RSS in MiB, stdout) of a child process.

    Peak RSS is the child's VmHWM, polled: ru_maxrss would count the pages of this (large,
    QGIS-loaded) process that the child shares between fork and exec.
    """
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _peak_kib(proc.pid) or 0)
            time.sleep(0.02)
        elapsed = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed: {stderr[-2000:]}")
    return elapsed, peak / 1024, stdout


EVEN = "now() - interval '3 days' + i * interval '1 second'"
BURSTS = "now() - interval '3 days' + (i % 7) * interval '1 hour' + (i / 5000) * interval '1 second'"


def seed(db, n, spread=EVEN):
    db.generate_points(n, updated_at=spread)
    with db.conn.cursor() as cur:
        cur.execute("TRUNCATE tower_plans RESTART IDENTITY")
    # QGIS Server 3.22 fails /collections (which ogr2ogr reads) while a PostGIS table is empty.
    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.gazetteer import default_gazetteer as gaz
    from paser_smartcity_plugin.core.rows import complete_row

    db.insert("tower_plans", [complete_row(r, gaz()) for r in demo_rows(gaz())["tower_plans"]])


def ours(url, folder, label):
    from paser_smartcity_plugin.core.workspace import create_workspace

    path = os.path.join(folder, f"{label}.gpkg")
    if not os.path.exists(path):
        create_workspace(path)
    wall, rss, out = _run_measured([sys.executable, "-c", CHILD, ROOT, path, url, str(PAGE_SIZE)])
    info = json.loads(out.strip().splitlines()[-1])
    return info["seconds"], rss, info, path


def _count(path):
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM service_points").fetchone()[0]
    finally:
        conn.close()


def ogr(url, folder, label, extra_url=""):
    out = os.path.join(folder, f"{label}-ogr.gpkg")
    if os.path.exists(out):
        os.unlink(out)
    env = dict(os.environ, GDAL_HTTP_TIMEOUT="600")
    wall, rss, _ = _run_measured(
        ["ogr2ogr", "-f", "GPKG", out, f"OAPIF:{url}{extra_url}", "service_points", "-oo", f"PAGE_SIZE={PAGE_SIZE}"],
        env,
    )
    return wall, rss, _count(out)


TEAM_FIELDS = ("notes", "status", "surveyed_by", "accuracy_m", "telkom_site_id")
TEAM_SITES = 50


def _team_edit(paths, uids, round_):
    from paser_smartcity_plugin.core.schema import SERVICE_POINTS
    from paser_smartcity_plugin.core.workspace import Workspace

    statuses = ("planned", "survey", "installation", "active")
    expected = {}
    for officer, path in enumerate(paths):
        ws, field = Workspace(path), TEAM_FIELDS[officer]
        with ws.write() as conn:
            for k, uid in enumerate(uids):
                if field == "status":
                    value = statuses[(round_ + 1) % len(statuses)]
                elif field == "accuracy_m":
                    value = round(1 + round_ + k / 100, 2)
                else:
                    value = f"{field[:6]} r{round_} s{k}"
                ws.update_site(SERVICE_POINTS, uid, {field: value}, conn=conn)
                expected[(uid, field)] = value
    return expected


def _team_lost(db, expected):
    held = {r["uid"]: r for r in db.rows("service_points")}
    return sum(
        1
        for (uid, field), value in expected.items()
        if not (held[uid][field] == value or (isinstance(value, float) and abs(held[uid][field] - value) < 1e-9))
    )


def team_push(db, project, folder):
    """Five officers' pushes of 50 changed sites: one after another, then at once."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
    from team import settle, sync_together

    from central.servers import QgisServer
    from paser_smartcity_plugin.core.workspace import create_workspace

    seed(db, 200)
    uids = sorted(r["uid"] for r in db.rows("service_points"))[:TEAM_SITES]
    paths = []
    for number in range(len(TEAM_FIELDS)):
        paths.append(os.path.join(folder, f"team{number}.gpkg"))
        create_workspace(paths[-1])
    with QgisServer(project) as server:
        settle(paths, server.url)
        expected = _team_edit(paths, uids, 0)
        serial = 0.0
        for path in paths:
            (result,) = sync_together([path], server.url)
            serial += result["seconds"]
        lost_serial = _team_lost(db, expected)
        settle(paths, server.url)
        expected = _team_edit(paths, uids, 1)
        results = sync_together(paths, server.url)
        concurrent = max(r["seconds"] for r in results)
        settle(paths, server.url)
        lost = _team_lost(db, expected)
    print(
        f"sync: push of {TEAM_SITES} changed sites by {len(paths)} officers: serial {serial:6.2f} s "
        f"({lost_serial} edits lost) | concurrent {concurrent:6.2f} s ({lost} edits lost) | "
        f"ratio {concurrent / serial:4.2f} (goal <= 2)",
        flush=True,
    )


def main():
    from qgis.core import QgsApplication

    from central.db import PostgresCentral
    from central.publish_qgis_server import write_project
    from central.servers import PostgresCluster, QgisServer

    sizes = [int(s) for s in os.environ.get("PASER_BENCH_SYNC_SIZES", "10000,100000").split(",") if s]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    folder = tempfile.mkdtemp(prefix="paser-bench-sync-")
    with PostgresCluster() as cluster:
        cluster.load_schema()
        db = PostgresCentral(cluster.conninfo)
        project = write_project(os.path.join(folder, "central.qgs"), postgres=cluster.conninfo)
        if os.environ.get("PASER_BENCH_TEAM", "1") != "0":
            team_push(db, project, folder)
        runs = [(n, EVEN, "") for n in sizes]
        if sizes and os.environ.get("PASER_BENCH_SYNC_BURSTS", "1") != "0":
            runs.append((max(sizes), BURSTS, " in 7 bulk loads"))
        for n, spread, label in runs:
            seed(db, n, spread)
            # A fresh server per run: QGIS Server caches feature counts.
            with QgisServer(project) as server:
                t_ogr, m_ogr, n_ogr = ogr(server.url, folder, f"n{n}")
                t_ours, m_ours, info, ws_path = ours(server.url, folder, f"n{n}{label.replace(' ', '-')}")
                got = _count(ws_path)
                assert got == n, f"the pull left {got} of {n} features"
                print(
                    f"sync: full pull of {n:>6} features{label}: ours {t_ours:6.2f} s, {m_ours:5.0f} MiB peak | "
                    f"ogr2ogr {t_ogr:6.2f} s, {m_ogr:5.0f} MiB peak, {n_ogr} features | ratio {t_ours / t_ogr:4.2f} "
                    f"(goal <= 1.2) | {info['requests']} requests",
                    flush=True,
                )
                if label:
                    continue
                # 100 central changes, then an incremental pull into the same workspace
                with db.conn.cursor() as cur:
                    cur.execute(
                        "UPDATE service_points SET status = 'active' WHERE fid IN "
                        "(SELECT fid FROM service_points ORDER BY random() LIMIT 100)"
                    )
                t_inc, m_inc, info, _ = ours(server.url, folder, f"n{n}")
                print(
                    f"sync: incremental pull of 100 changes among {n:>6}: ours {t_inc:5.2f} s (goal < 1 s), "
                    f"{m_inc:5.0f} MiB peak, {info['pulled']} applied, {info['received']} received "
                    f"(overlap included) | ogr2ogr has no 'changed since': full pull {t_ogr:.2f} s",
                    flush=True,
                )
    app.exitQgis()


if __name__ == "__main__":
    main()
