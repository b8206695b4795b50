"""Helpers shared by the sync integration tests (and the benchmark)."""

from contextlib import contextmanager

from central.db import GpkgCentral
from central.embedded import create_embedded_central
from central.publish_qgis_server import write_project
from central.servers import QgisServer
from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.gazetteer import default_gazetteer
from paser_smartcity_plugin.core.rows import complete_row
from paser_smartcity_plugin.core.workspace import Workspace


def seed_rows():
    """The 2022 programme as central rows: layer -> complete rows."""
    gaz = default_gazetteer()
    return {layer: [complete_row(r, gaz) for r in rows] for layer, rows in demo_rows(gaz).items()}


def seed(db):
    for layer, rows in seed_rows().items():
        db.insert(layer, rows)


def table_dump(ws: Workspace):
    """Everything of the workspace a sync may change, except its own history."""
    out = {}
    with ws.read() as conn:
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'rtree%' "
            "AND name NOT IN ('paser_sync_history', 'sqlite_sequence') ORDER BY name"
        ):
            out[name] = sorted(map(repr, conn.execute(f'SELECT * FROM "{name}"').fetchall()))
    return out


@contextmanager
def seeded_embedded_central(folder):
    """An embedded central seeded with the demo programme, served by qgis_mapserver: (server, db)."""
    path = str(folder / "central.gpkg")
    create_embedded_central(path)
    db = GpkgCentral(path)
    seed(db)
    with QgisServer(write_project(str(folder / "central.qgs"), gpkg=path)) as srv:
        yield srv, db
