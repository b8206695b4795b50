"""`make central`: the demo central on loopback — the embedded central (a GeoPackage seeded
with the 2022 programme) served by qgis_mapserver — and print its URL. Ctrl-C stops it.

    python3 central/run_demo.py [--port 8765] [--postgres] [--folder build/central]

--postgres runs a throw-away PostgreSQL + PostGIS cluster with central/schema.sql instead.
The GeoPackage is kept between runs (edits pushed to it stay); delete the folder to start over.
"""

import argparse
import os
import signal
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def _seed(db):
    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.gazetteer import default_gazetteer
    from paser_smartcity_plugin.core.rows import complete_row

    gaz = default_gazetteer()
    for layer, rows in demo_rows(gaz).items():
        db.insert(layer, [complete_row(r, gaz) for r in rows])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run the demo central database on loopback")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PASER_CENTRAL_PORT", "0")) or None)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL + PostGIS instead of a GeoPackage")
    parser.add_argument("--folder", default=os.path.join(ROOT, "build", "central"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    from central.db import GpkgCentral, PostgresCentral
    from central.embedded import create_embedded_central
    from central.publish_qgis_server import write_project
    from central.servers import PostgresCluster, QgisServer

    os.makedirs(args.folder, exist_ok=True)
    app = QgsApplication([], False)
    app.initQgis()
    cluster = None
    if args.postgres:
        cluster = PostgresCluster().start().load_schema()
        _seed(PostgresCentral(cluster.conninfo))
        project = write_project(os.path.join(args.folder, "central-postgres.qgs"), postgres=cluster.conninfo)
    else:
        path = os.path.join(args.folder, "central.gpkg")
        if not os.path.exists(path):
            create_embedded_central(path)
            _seed(GpkgCentral(path))
        project = write_project(os.path.join(args.folder, "central.qgs"), gpkg=path)
    app.exitQgis()
    server = QgisServer(project, args.port)
    stop = []
    signal.signal(signal.SIGTERM, lambda *a: stop.append(1))
    try:
        server.start()
        print(f"Demo central ({'PostgreSQL' if cluster else 'GeoPackage ' + path}) serving OGC API – Features:")
        print(f"  {server.url}")
        print(
            "Use it as the central server URL in Paser Smart City ▸ Sync with central database. Ctrl-C stops it.",
            flush=True,
        )
        while not stop and server.process.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        if cluster is not None:
            cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
