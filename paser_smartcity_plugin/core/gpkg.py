"""Just enough GeoPackage (OGC 12-128r18, version 1.2) to own our workspace file with sqlite3.

Why not GDAL here: `core/` must run without QGIS, and writing through plain sqlite3 lets
every workspace change be one SQLite transaction that we control. GDAL and QGIS still read
and edit the file as an ordinary GeoPackage.

The spatial-index triggers of the RTree extension call ST_IsEmpty and ST_MinX..ST_MaxY;
:func:`connect` registers those so that a plain sqlite3 connection can write to indexed
tables (without them even an attribute UPDATE fails with "no such function").
"""

import sqlite3
import struct
from contextlib import contextmanager
from typing import Iterable, Iterator, List, Optional, Tuple

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10200  # GeoPackage 1.2

WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)

_BASE_DDL = """
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE gpkg_tile_matrix_set (
  table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL, min_x DOUBLE NOT NULL,
  min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL,
  CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_tile_matrix (
  table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL, matrix_width INTEGER NOT NULL,
  matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL, tile_height INTEGER NOT NULL,
  pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL,
  CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level),
  CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name));
"""


# ---------------------------------------------------------------- geometry blobs

_HEADER = struct.Struct("<2sBBi")  # magic, version, flags, srs_id
_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def encode_point(lon: float, lat: float, srs_id: int = 4326) -> bytes:
    """GeoPackage binary for a 2D point: little-endian header without envelope + WKB."""
    flags = 0b00000001  # little endian, no envelope, not empty (points need no envelope)
    return _HEADER.pack(b"GP", 0, flags, srs_id) + struct.pack("<BIdd", 1, 1, lon, lat)


def _wkb_offset(blob: bytes) -> int:
    flags = blob[3]
    return 8 + _ENVELOPE_SIZES.get((flags >> 1) & 0b111, 0)


def decode_point(blob: Optional[bytes]) -> Optional[Tuple[float, float]]:
    """(lon, lat) of a GeoPackage point blob, or None for NULL/empty geometries."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    if blob[3] & 0b00010000:  # empty flag
        return None
    off = _wkb_offset(blob)
    order = "<" if blob[off] == 1 else ">"
    (gtype,) = struct.unpack_from(order + "I", blob, off + 1)
    if gtype % 1000 != 1:
        raise ValueError(f"not a point geometry (WKB type {gtype})")
    x, y = struct.unpack_from(order + "dd", blob, off + 5)
    if x != x or y != y:  # NaN coordinates encode an empty point in WKB
        return None
    return x, y


Ring = List[Tuple[float, float]]


def decode_polygons(blob: Optional[bytes]) -> List[List[Ring]]:
    """The polygons of a GeoPackage (Multi)Polygon blob, each as rings of (x, y): the shell
    first, then its holes. Z and M values are dropped. Empty or NULL: []."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP" or blob[3] & 0b00010000:
        return []
    polygons: List[List[Ring]] = []

    def read(off: int) -> int:
        order = "<" if blob[off] == 1 else ">"
        (gtype,) = struct.unpack_from(order + "I", blob, off + 1)
        base, dims = gtype % 1000, 2 + (gtype // 1000 in (1, 2)) + (gtype // 1000 == 3) * 2
        off += 5
        if base == 6:  # MultiPolygon: a count, then whole Polygon WKBs with their own headers
            (count,) = struct.unpack_from(order + "I", blob, off)
            off += 4
            for _ in range(count):
                off = read(off)
            return off
        if base != 3:
            raise ValueError(f"not a polygon geometry (WKB type {gtype})")
        (ring_count,) = struct.unpack_from(order + "I", blob, off)
        off += 4
        rings = []
        for _ in range(ring_count):
            (n,) = struct.unpack_from(order + "I", blob, off)
            off += 4
            values = struct.unpack_from(f"{order}{n * dims}d", blob, off)
            off += 8 * n * dims
            rings.append(list(zip(values[0::dims], values[1::dims])))
        polygons.append(rings)
        return off

    read(_wkb_offset(blob))
    return polygons


def _blob_bounds(blob: Optional[bytes]):
    """Bounds of a point blob; other geometry types are not used in the workspace."""
    try:
        point = decode_point(blob)
    except (ValueError, struct.error):
        return None
    return point


def _st_is_empty(blob):
    if blob is None:
        return None
    return 1 if _blob_bounds(blob) is None else 0


def _coord(index):
    def fn(blob):
        point = _blob_bounds(blob)
        return None if point is None else point[index]

    return fn


def connect(path: str, timeout: float = 30.0) -> sqlite3.Connection:
    """A sqlite3 connection to a GeoPackage, in autocommit mode with the RTree functions.

    Transactions are explicit (see :func:`transaction`) so a caller never gets one by
    accident from the sqlite3 module's implicit BEGIN.
    """
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    conn.create_function("ST_IsEmpty", 1, _st_is_empty, deterministic=True)
    conn.create_function("ST_MinX", 1, _coord(0), deterministic=True)
    conn.create_function("ST_MaxX", 1, _coord(0), deterministic=True)
    conn.create_function("ST_MinY", 1, _coord(1), deterministic=True)
    conn.create_function("ST_MaxY", 1, _coord(1), deterministic=True)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``with transaction(conn):`` — BEGIN IMMEDIATE, COMMIT on success, ROLLBACK on error.

    IMMEDIATE takes the write lock up front, so a concurrent QGIS edit session makes us
    wait (up to the connection timeout) instead of failing half-way through.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction.

    sqlite3's own ``executescript`` COMMITs any open transaction first, which would break
    our one-transaction-per-write rule, so statements are split here instead.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:80]}")


def is_geopackage(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            header = f.read(72)
    except OSError:
        return False
    if len(header) < 72 or not header.startswith(b"SQLite format 3\x00"):
        return False
    return struct.unpack(">I", header[68:72])[0] == GPKG_APPLICATION_ID


# ---------------------------------------------------------------- DDL


def initialize(conn: sqlite3.Connection) -> None:
    """Create the mandatory GeoPackage tables in an empty database."""
    conn.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
    execute_script(conn, _BASE_DDL)
    conn.executemany(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)",
        [
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
            (
                "WGS 84 geodetic",
                4326,
                "EPSG",
                4326,
                WGS84_WKT,
                "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid",
            ),
        ],
    )


def create_point_table(
    conn: sqlite3.Connection,
    table: str,
    columns: Iterable[Tuple[str, str]],
    identifier: str,
    description: str,
    extent: Tuple[float, float, float, float],
    constraints: Iterable[str] = (),
    geom: str = "geom",
    fid: str = "fid",
    srs_id: int = 4326,
) -> None:
    """A point feature table registered in gpkg_contents, with the RTree spatial index."""
    cols = ",\n  ".join(
        [f'"{fid}" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL', f'"{geom}" POINT']
        + [f'"{name}" {decl}' for name, decl in columns]
        + list(constraints)
    )
    conn.execute(f'CREATE TABLE "{table}" (\n  {cols})')
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)"
        " VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)",
        (table, identifier, description, *extent, srs_id),
    )
    conn.execute("INSERT INTO gpkg_geometry_columns VALUES (?, ?, 'POINT', ?, 0, 0)", (table, geom, srs_id))
    _create_rtree(conn, table, geom, fid)


def _create_rtree(conn: sqlite3.Connection, t: str, c: str, i: str) -> None:
    # The trigger bodies follow the RTree extension of the GeoPackage 1.2 standard.
    r = f"rtree_{t}_{c}"
    values = f"NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})"
    execute_script(
        conn,
        f"""
CREATE VIRTUAL TABLE "{r}" USING rtree(id, minx, maxx, miny, maxy);
CREATE TRIGGER "{r}_insert" AFTER INSERT ON "{t}"
  WHEN (NEW.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN INSERT OR REPLACE INTO "{r}" VALUES ({values}); END;
CREATE TRIGGER "{r}_update1" AFTER UPDATE OF {c} ON "{t}"
  WHEN OLD.{i} = NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN INSERT OR REPLACE INTO "{r}" VALUES ({values}); END;
CREATE TRIGGER "{r}_update2" AFTER UPDATE OF {c} ON "{t}"
  WHEN OLD.{i} = NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
BEGIN DELETE FROM "{r}" WHERE id = OLD.{i}; END;
CREATE TRIGGER "{r}_update3" AFTER UPDATE ON "{t}"
  WHEN OLD.{i} != NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN DELETE FROM "{r}" WHERE id = OLD.{i}; INSERT OR REPLACE INTO "{r}" VALUES ({values}); END;
CREATE TRIGGER "{r}_update4" AFTER UPDATE ON "{t}"
  WHEN OLD.{i} != NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
BEGIN DELETE FROM "{r}" WHERE id IN (OLD.{i}, NEW.{i}); END;
CREATE TRIGGER "{r}_delete" AFTER DELETE ON "{t}" WHEN OLD.{c} NOT NULL
BEGIN DELETE FROM "{r}" WHERE id = OLD.{i}; END;
""",
    )
    conn.execute(
        "INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', "
        "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
        (t, c),
    )
