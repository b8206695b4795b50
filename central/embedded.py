"""The embedded central: the central schema and triggers in a GeoPackage.

For the demo and for tests without PostgreSQL. Same tables, fields, CRS (EPSG:32750) and
behaviour as central/schema.sql (GDAL runs SQLite with recursive triggers, hence the
WHEN clauses: 'now' is fixed for one statement, so the touch stops after one round): ``uid`` unique, ``updated_at`` set by the database's clock
on every insert and update, and soft delete — here a DELETE (which QGIS Server/GDAL really
execute) leaves a tombstone: the same site re-inserted with ``deleted_at`` set, so "changed
since" queries still see it.
"""

import os
import sqlite3
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from paser_smartcity_plugin.core import gpkg  # noqa: E402
from paser_smartcity_plugin.core.schema import DATETIME, INTEGER, LAYERS, REAL  # noqa: E402

CENTRAL_EPSG = 32750
NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def central_columns(schema):
    """(name, OGR type) of the central table: the workspace's fields plus deleted_at."""
    return [(f.name, f.type, f.width) for f in schema.fields] + [("deleted_at", DATETIME, None)]


def create_embedded_central(path: str) -> str:
    from osgeo import ogr, osr

    if os.path.exists(path):
        raise FileExistsError(path)
    ogr_types = {INTEGER: ogr.OFTInteger, REAL: ogr.OFTReal, DATETIME: ogr.OFTDateTime}
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(CENTRAL_EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    for schema in LAYERS.values():
        layer = ds.CreateLayer(schema.name, srs, ogr.wkbPoint, ["FID=fid", "GEOMETRY_NAME=geom"])
        for name, ftype, width in central_columns(schema):
            field = ogr.FieldDefn(name, ogr_types.get(ftype, ogr.OFTString))
            if width:
                field.SetWidth(width)
            if schema.field(name).required if name != "deleted_at" else False:
                field.SetNullable(False)
            layer.CreateField(field)
    ds = None
    conn = sqlite3.connect(path)
    try:
        with conn:
            for schema in LAYERS.values():
                conn.execute(f'CREATE UNIQUE INDEX "{schema.name}_uid" ON "{schema.name}" (uid)')
                conn.execute(f'CREATE INDEX "{schema.name}_updated_at" ON "{schema.name}" (updated_at)')
            install_triggers(conn)
    finally:
        conn.close()
    return path


def install_triggers(conn: sqlite3.Connection) -> None:
    """(Re)make the central's triggers from this release's columns (the soft delete's
    tombstone copies every column, so a new column needs them made again)."""
    for schema in LAYERS.values():
        t = schema.name
        for name in ("touch_insert", "touch_update", "soft_delete"):
            conn.execute(f'DROP TRIGGER IF EXISTS "{t}_{name}"')
        names = [n for n, _, _ in central_columns(schema) if n not in ("deleted_at", "updated_at")]
        cols = ", ".join(["geom"] + names + ["deleted_at"])
        vals = ", ".join(["OLD.geom"] + [f"OLD.{n}" for n in names] + [NOW])
        gpkg.execute_script(
            conn,
            f"""
CREATE TRIGGER "{t}_touch_insert" AFTER INSERT ON "{t}" WHEN NEW.updated_at IS NOT {NOW}
BEGIN UPDATE "{t}" SET updated_at = {NOW} WHERE fid = NEW.fid; END;
CREATE TRIGGER "{t}_touch_update" AFTER UPDATE ON "{t}" WHEN NEW.updated_at IS NOT {NOW}
BEGIN UPDATE "{t}" SET updated_at = {NOW} WHERE fid = NEW.fid; END;
CREATE TRIGGER "{t}_soft_delete" AFTER DELETE ON "{t}" WHEN OLD.deleted_at IS NULL
BEGIN INSERT INTO "{t}" ({cols}) VALUES ({vals}); END;
""",
        )
