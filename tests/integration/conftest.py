"""Real centrals on loopback: PostgreSQL + PostGIS and the embedded GeoPackage, each behind
qgis_mapserver's OGC API – Features, seeded with the 2022 programme."""

import os

import pytest
from sync_support import seed, table_dump

from central.db import GpkgCentral, PostgresCentral
from central.embedded import create_embedded_central
from central.publish_qgis_server import write_project
from central.servers import PostgresCluster, QgisServer
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace


class Central:
    def __init__(self, kind, db, url):
        self.kind, self.db, self.url = kind, db, url


@pytest.fixture(scope="session")
def pg_server(qgis_app, tmp_path_factory):
    cluster = PostgresCluster().start()
    try:
        cluster.load_schema()
        project = str(tmp_path_factory.mktemp("pg-central") / "central.qgs")
        write_project(project, postgres=cluster.conninfo)
        server = QgisServer(project).start()
        try:
            yield cluster, server
        finally:
            server.stop()
    finally:
        cluster.stop()


@pytest.fixture(params=["postgres", "gpkg"])
def central(request, tmp_path, qgis_app):
    if request.param == "postgres":
        cluster, server = request.getfixturevalue("pg_server")
        db = PostgresCentral(cluster.conninfo)
        with db.conn.cursor() as cur:
            cur.execute("TRUNCATE service_points, tower_plans RESTART IDENTITY")
        seed(db)
        yield Central("postgres", db, server.url)
        db.close()
    else:
        path = str(tmp_path / "central.gpkg")
        create_embedded_central(path)
        db = GpkgCentral(path)
        seed(db)
        project = write_project(str(tmp_path / "central.qgs"), gpkg=path)
        with QgisServer(project) as server:
            yield Central("gpkg", db, server.url)


@pytest.fixture
def empty_ws(tmp_path) -> Workspace:
    path = str(tmp_path / "officer.gpkg")
    create_workspace(path)
    return Workspace(path)


@pytest.fixture
def dump():
    return table_dump


os.environ.setdefault("TZ", "UTC")
