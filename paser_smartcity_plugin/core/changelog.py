"""Offline change tracking: SQLite triggers that remember every local edit, whoever makes it.

The attribute form, the register dialog, QField, a plain SQL UPDATE: all of them go through
SQLite, so the triggers below see every insert, update and delete of both layers. For each
site touched since the last sync, ``paser_changes`` keeps one row keyed by ``uid`` (never the
fid, which differs between copies) holding the *base*: the site's values as they were when it
was last in step with the central database (NULL for a site made here and never synced).
With the base, the local row and the central row the sync can do a three-way merge per field.

Writes made by the sync itself (applying what it pulled) must not count as local edits: inside
``with applying(conn):`` (in the caller's transaction) the ``applying`` row of
``paser_sync_state`` exists and every trigger here is silent. A crash rolls the flag back with
the rest.

``paser_central_versions`` remembers, per site, the central version (the central's
``version`` column) this workspace last merged: a push sends it back, and the central refuses
the write if someone else wrote the site since (optimistic locking). It is a table of its
own, not a column of the layers, so that forms, exports and the change log never see it.

``paser_conflicts`` keeps each open conflict with its ``source``: the central database (the
sync) or a surveyor's field package. ``paser_field_merges`` and ``paser_field_merge_sites``
remember which field packages were merged, and how each site stood in the package then, so
that merging a package again changes nothing (core/field_merge.py).
"""

import json
import sqlite3
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Optional

from . import gpkg
from .schema import FID_COLUMN, GEOMETRY_COLUMN, LAYERS, LayerSchema

STATE_TABLE = "paser_sync_state"
CHANGES_TABLE = "paser_changes"
CONFLICTS_TABLE = "paser_conflicts"
HISTORY_TABLE = "paser_sync_history"
VERSIONS_TABLE = "paser_central_versions"
FIELD_MERGES_TABLE = "paser_field_merges"
FIELD_MERGE_SITES_TABLE = "paser_field_merge_sites"

# Where the other value of a conflict comes from: the central database (the sync), or a
# surveyor's field package (``package:<package id>``, core/field_merge.py).
CENTRAL_SOURCE = "central"
PACKAGE_SOURCE_PREFIX = "package:"

APPLYING_KEY = "applying"
_SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
# A timestamp as an instant at millisecond precision (NULL for NULL or unreadable text).
_INSTANT = "strftime('%Y-%m-%dT%H:%M:%f', {})"
_NOT_APPLYING = f"NOT EXISTS (SELECT 1 FROM {STATE_TABLE} WHERE key = '{APPLYING_KEY}')"
# The base travels as JSON: field values as stored, the geometry as the hex of its blob.
GEOMETRY_KEY = "geometry"

DDL = f"""
CREATE TABLE IF NOT EXISTS {STATE_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT);
CREATE TABLE IF NOT EXISTS {CHANGES_TABLE} (
  layer TEXT NOT NULL, uid TEXT NOT NULL,
  base TEXT,                      -- JSON of the site at the last sync; NULL: new here
  seq INTEGER NOT NULL DEFAULT 1, -- bumped by every edit, so a push can tell it was overtaken
  changed_at TEXT NOT NULL,
  central_seen TEXT,              -- updated_at of the central version last merged with this edit
  PRIMARY KEY (layer, uid));
CREATE TABLE IF NOT EXISTS {CONFLICTS_TABLE} (
  layer TEXT NOT NULL, uid TEXT NOT NULL, field TEXT NOT NULL,
  base TEXT, mine TEXT, theirs TEXT,  -- JSON values; field '_exists' is a delete/edit conflict
  central_updated_at TEXT, detected_at TEXT NOT NULL,
  -- whose value "theirs" is: '{CENTRAL_SOURCE}', or '{PACKAGE_SOURCE_PREFIX}<package id>' (a surveyor's)
  source TEXT NOT NULL DEFAULT '{CENTRAL_SOURCE}',
  PRIMARY KEY (layer, uid, field, source));
CREATE TABLE IF NOT EXISTS {HISTORY_TABLE} (
  id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT,
  url TEXT, outcome TEXT NOT NULL, summary TEXT, message TEXT);
CREATE TABLE IF NOT EXISTS {VERSIONS_TABLE} (
  layer TEXT NOT NULL, uid TEXT NOT NULL,
  version INTEGER NOT NULL,       -- the central's version of the site as last merged here
  PRIMARY KEY (layer, uid));
CREATE TABLE IF NOT EXISTS {FIELD_MERGES_TABLE} (
  package_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,     -- the returned sites and photos (core/field_merge.py)
  base_hash TEXT NOT NULL, surveyor TEXT, area TEXT, packaged_at TEXT,
  merged_at TEXT NOT NULL, input TEXT, summary TEXT,
  PRIMARY KEY (package_id, content_hash));
CREATE TABLE IF NOT EXISTS {FIELD_MERGE_SITES_TABLE} (
  package_id TEXT NOT NULL, layer TEXT NOT NULL, uid TEXT NOT NULL,
  state TEXT,                     -- the site as the package held it when last merged; NULL: deleted there
  PRIMARY KEY (package_id, layer, uid));
"""


def _json_of(schema: LayerSchema, ref: str) -> str:
    parts = [f"'{GEOMETRY_KEY}', hex({ref}.\"{GEOMETRY_COLUMN}\")"]
    parts += [f"'{f.name}', {ref}.\"{f.name}\"" for f in schema.fields]
    return "json_object(" + ", ".join(parts) + ")"


def trigger_ddl(schema: LayerSchema) -> str:
    t = schema.name
    old = _json_of(schema, "OLD")
    upsert = "ON CONFLICT (layer, uid) DO UPDATE SET seq = seq + 1, changed_at = excluded.changed_at"
    return f"""
CREATE TRIGGER "{t}_log_insert" AFTER INSERT ON "{t}"
  WHEN NEW.uid IS NOT NULL AND {_NOT_APPLYING}
BEGIN INSERT INTO {CHANGES_TABLE} (layer, uid, base, seq, changed_at) VALUES ('{t}', NEW.uid, NULL, 1, {_SQL_NOW})
  {upsert}; END;
CREATE TRIGGER "{t}_log_update" AFTER UPDATE ON "{t}"
  WHEN OLD.uid IS NOT NULL AND {_NOT_APPLYING}
BEGIN INSERT INTO {CHANGES_TABLE} (layer, uid, base, seq, changed_at) VALUES ('{t}', OLD.uid, {old}, 1, {_SQL_NOW})
  {upsert}; END;
CREATE TRIGGER "{t}_log_rekey" AFTER UPDATE OF uid ON "{t}"
  WHEN NEW.uid IS NOT NULL AND OLD.uid IS NOT NEW.uid AND {_NOT_APPLYING}
BEGIN INSERT INTO {CHANGES_TABLE} (layer, uid, base, seq, changed_at) VALUES ('{t}', NEW.uid, NULL, 1, {_SQL_NOW})
  {upsert}; END;
CREATE TRIGGER "{t}_log_delete" AFTER DELETE ON "{t}"
  WHEN OLD.uid IS NOT NULL AND {_NOT_APPLYING}
BEGIN INSERT INTO {CHANGES_TABLE} (layer, uid, base, seq, changed_at) VALUES ('{t}', OLD.uid, {old}, 1, {_SQL_NOW})
  {upsert}; END;
"""


def touch_trigger_ddl(table: str, sync_guard: bool = True) -> str:
    """updated_at follows every local edit; the sync writes the server's value (flag set).

    ``sync_guard=False``: for a file without the sync's state table (a field package,
    core/field_package.py), where every write is a local edit.

    "Unchanged" compares instants at millisecond precision, not text: GDAL (so QGIS, QField)
    rewrites every column of an edited feature and writes '…:05Z' back as '…:05.000Z', which
    a textual comparison took for a writer setting its own updated_at. A row already at
    'now' is left alone: 'now' is fixed for the whole statement, and GDAL turns recursive
    triggers on, so a second update of the row in one statement (another trigger) would
    otherwise touch itself without end.
    """
    return f"""
CREATE TRIGGER "{table}_touch" AFTER UPDATE ON "{table}"
  WHEN {_INSTANT.format("NEW.updated_at")} IS {_INSTANT.format("OLD.updated_at")}
   AND NEW.updated_at IS NOT {_SQL_NOW}{f" AND {_NOT_APPLYING}" if sync_guard else ""}
BEGIN UPDATE "{table}" SET updated_at = {_SQL_NOW} WHERE {FID_COLUMN} = NEW.{FID_COLUMN}; END;
"""


def _trigger_names(table: str) -> List[str]:
    return [f"{table}_log_{event}" for event in ("insert", "update", "rekey", "delete")] + [f"{table}_touch"]


def install_tables(conn: sqlite3.Connection) -> None:
    """Create the tracking tables when missing (caller's transaction)."""
    gpkg.execute_script(conn, DDL)


def install_triggers(conn: sqlite3.Connection) -> None:
    """(Re)make the updated_at and change-log triggers of both layers (caller's transaction).

    Order matters: SQLite fires the triggers of one event newest first, and the log must see
    an edit before the touch rewrites updated_at (the touch's own UPDATE would otherwise be
    logged first, with the edited row as its "base"). So the touch is made first.
    """
    for schema in LAYERS.values():
        for name in _trigger_names(schema.name):
            conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        gpkg.execute_script(conn, touch_trigger_ddl(schema.name))
        gpkg.execute_script(conn, trigger_ddl(schema))


def record_all_as_new(conn: sqlite3.Connection) -> None:
    """Bring a workspace made before change tracking up to date (caller's transaction).

    Such a workspace has never synced, so every site in it is local work: each is recorded
    as new, and the first sync pushes what the central database does not already hold.
    """
    install_tables(conn)
    for schema in LAYERS.values():
        conn.execute(
            f"INSERT OR IGNORE INTO {CHANGES_TABLE} (layer, uid, base, seq, changed_at) "
            f'SELECT ?, uid, NULL, 1, {_SQL_NOW} FROM "{schema.name}" WHERE uid IS NOT NULL',
            (schema.name,),
        )


@contextmanager
def applying(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Writes inside are the sync's, not local edits: the triggers stay silent. Use it inside
    the caller's transaction; the flag is gone when the block ends, whichever way it ends (and
    a crash rolls it back with the transaction)."""
    if not conn.in_transaction:
        raise RuntimeError("changelog.applying() must run inside a transaction")
    if state(conn, APPLYING_KEY) is not None:
        yield conn  # inside an outer applying block: that one re-arms the triggers
        return
    conn.execute(f"INSERT OR REPLACE INTO {STATE_TABLE} VALUES (?, '1')", (APPLYING_KEY,))
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute(f"DELETE FROM {STATE_TABLE} WHERE key = ?", (APPLYING_KEY,))


def state(conn: sqlite3.Connection, key: str) -> Optional[str]:
    row = conn.execute(f"SELECT value FROM {STATE_TABLE} WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_state(conn: sqlite3.Connection, key: str, value: Optional[str]) -> None:
    if value is None:
        conn.execute(f"DELETE FROM {STATE_TABLE} WHERE key = ?", (key,))
    else:
        conn.execute(f"INSERT OR REPLACE INTO {STATE_TABLE} VALUES (?, ?)", (key, value))


def pending(conn: sqlite3.Connection, layer: str) -> Dict[str, Dict[str, Any]]:
    """uid -> {"base": dict or None, "seq": int, "central_seen": str or None} of every site
    changed here since the last sync."""
    out = {}
    for uid, base, seq, seen in conn.execute(
        f"SELECT uid, base, seq, central_seen FROM {CHANGES_TABLE} WHERE layer = ?", (layer,)
    ):
        out[uid] = {"base": decode_base(base), "seq": seq, "central_seen": seen}
    return out


def decode_base(text: Optional[str]) -> Optional[Dict[str, Any]]:
    if text is None:
        return None
    values = json.loads(text)
    blob = values.pop(GEOMETRY_KEY, None)
    values[GEOMETRY_KEY] = gpkg.decode_point(bytes.fromhex(blob)) if blob else None
    return values


def encode_base(values: Dict[str, Any]) -> str:
    """The JSON form of a base from a row dict whose geometry is (lon, lat) or None."""
    out = {k: v for k, v in values.items() if k != GEOMETRY_KEY and k != FID_COLUMN}
    point = values.get(GEOMETRY_KEY)
    out[GEOMETRY_KEY] = gpkg.encode_point(*point).hex().upper() if point else None
    return json.dumps(out, sort_keys=True)
