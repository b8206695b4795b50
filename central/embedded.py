"""The embedded central: the central schema and triggers in a GeoPackage.

For the demo and for tests without PostgreSQL. Same tables, fields, CRS (EPSG:32750) and
behaviour as central/schema.sql (GDAL runs SQLite with recursive triggers, hence the
WHEN clauses: 'now' is fixed for one statement, so the touch stops after one round): ``uid``
unique, ``updated_at`` set by the database's clock on every insert and update, soft delete —
here a DELETE (which QGIS Server/GDAL really execute) leaves a tombstone: the same site
re-inserted with ``deleted_at`` set, so "changed since" queries still see it — and
optimistic locking: ``version`` rises with every write, and an UPDATE that sets it to
anything but the current version is refused (RAISE ABORT rolls the statement back).

QGIS Server 3.22 writes a PUT into a GeoPackage as two UPDATEs, each its own transaction:
first every attribute (our version check runs here: a stale write is refused before anything
changes), then the geometry, re-read after the first commit — so it carries the version the
first UPDATE just made and passes; the version then rises twice for one PUT. qgis_mapserver
serves one request at a time, so no other write comes between the two.
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
VERSION = "version"
INTEGER64 = "INTEGER64"  # the version's type: SQLite INTEGER, OGR Integer64


def central_columns(schema):
    """(name, type, width) of the central table: the workspace's fields plus deleted_at and version."""
    return [(f.name, f.type, f.width) for f in schema.fields] + [
        ("deleted_at", DATETIME, None),
        (VERSION, INTEGER64, None),
    ]


def create_embedded_central(path: str) -> str:
    from osgeo import ogr, osr

    if os.path.exists(path):
        raise FileExistsError(path)
    ogr_types = {INTEGER: ogr.OFTInteger, REAL: ogr.OFTReal, DATETIME: ogr.OFTDateTime, INTEGER64: ogr.OFTInteger64}
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(CENTRAL_EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    for schema in LAYERS.values():
        layer = ds.CreateLayer(schema.name, srs, ogr.wkbPoint, ["FID=fid", "GEOMETRY_NAME=geom"])
        for name, ftype, width in central_columns(schema):
            field = ogr.FieldDefn(name, ogr_types.get(ftype, ogr.OFTString))
            if width:
                field.SetWidth(width)
            if name == VERSION:
                field.SetDefault("1")
            elif schema.field(name).required if name != "deleted_at" else False:
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
    tombstone copies every column, so a new column needs them made again).

    The version check lets through the touch's own UPDATE (it writes updated_at = 'now', which
    no client sends) and rows that have no version yet."""
    for schema in LAYERS.values():
        t = schema.name
        for name in ("touch_insert", "touch_update", "soft_delete", "version_check"):
            conn.execute(f'DROP TRIGGER IF EXISTS "{t}_{name}"')
        names = [n for n, _, _ in central_columns(schema) if n not in ("deleted_at", "updated_at", VERSION)]
        cols = ", ".join(["geom"] + names + ["deleted_at", VERSION])
        vals = ", ".join(["OLD.geom"] + [f"OLD.{n}" for n in names] + [NOW, f"coalesce(OLD.{VERSION}, 0) + 1"])
        gpkg.execute_script(
            conn,
            f"""
CREATE TRIGGER "{t}_version_check" BEFORE UPDATE ON "{t}"
  WHEN OLD.{VERSION} IS NOT NULL AND NEW.{VERSION} IS NOT OLD.{VERSION} AND NEW.updated_at IS NOT {NOW}
BEGIN SELECT RAISE(ABORT, 'paser: the site was changed by someone else (stale version)'); END;
CREATE TRIGGER "{t}_touch_insert" AFTER INSERT ON "{t}" WHEN NEW.updated_at IS NOT {NOW}
BEGIN UPDATE "{t}" SET updated_at = {NOW}, {VERSION} = coalesce(NEW.{VERSION}, 1) WHERE fid = NEW.fid; END;
CREATE TRIGGER "{t}_touch_update" AFTER UPDATE ON "{t}" WHEN NEW.updated_at IS NOT {NOW}
BEGIN UPDATE "{t}" SET updated_at = {NOW}, {VERSION} = coalesce(OLD.{VERSION}, 0) + 1,
  deleted_at = CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN {NOW} ELSE NEW.deleted_at END
  WHERE fid = NEW.fid; END;
CREATE TRIGGER "{t}_soft_delete" AFTER DELETE ON "{t}" WHEN OLD.deleted_at IS NULL
BEGIN INSERT INTO "{t}" ({cols}) VALUES ({vals}); END;
""",
        )
