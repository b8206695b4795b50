"""The workspace side of a sync: sites, the change log, conflicts and central versions, in SQL.

Every function takes an open ``sqlite3`` connection and runs inside the caller's transaction;
writes that are the sync's (not local edits) go inside ``changelog.applying(conn)``, which
:func:`apply_merge` and the row writers below do themselves. The HTTP sync, the conflict
dialog and the field-package merge share these, so that a merge is recorded the same way
whoever made it.

- :func:`local_row`, :func:`write_row`, :func:`delete_row`: one site, in canonical form;
- :func:`pending`, :func:`set_base`, :func:`settle`: the change log (``paser_changes``);
- :func:`record_conflicts`, :func:`clear_conflicts`, :func:`conflicted_uids`: ``paser_conflicts``;
- :func:`central_version`, :func:`set_central_version`: ``paser_central_versions``;
- :func:`apply_merge`: a :class:`~.merge.MergeResult` written into the workspace.
"""

import json
import sqlite3
from typing import Any, Dict, Iterable, Optional, Set

from .. import changelog, gpkg, timestamps
from ..rows import GEOMETRY, sql_value
from ..schema import GEOMETRY_COLUMN, LayerSchema
from .features import UPDATED_AT, canonical_row
from .merge import EXISTS, SAME, THEIRS, FieldConflict, MergeResult

Row = Dict[str, Any]


# ---------------------------------------------------------------- sites


def local_row(conn: sqlite3.Connection, schema: LayerSchema, uid: str) -> Optional[Row]:
    """The site as the workspace holds it (canonical), or None when it is not there."""
    names = list(schema.field_names)
    rec = conn.execute(
        f'SELECT "{GEOMETRY_COLUMN}", ' + ", ".join(f'"{n}"' for n in names) + f' FROM "{schema.name}" WHERE uid = ?',
        (uid,),
    ).fetchone()
    if rec is None:
        return None
    row = dict(zip(names, rec[1:]))
    row[GEOMETRY] = gpkg.decode_point(rec[0])
    return canonical_row(schema, row)


def write_row(conn: sqlite3.Connection, schema: LayerSchema, row: Row, exists: bool) -> None:
    """Write the whole site (UPDATE when ``exists``, else INSERT) as the sync's own write."""
    names = list(schema.field_names)
    values = [sql_value(schema.field(n).type, row.get(n)) for n in names]
    point = row.get(GEOMETRY)
    blob = gpkg.encode_point(*point) if point else None
    with changelog.applying(conn):
        if exists:
            conn.execute(
                f'UPDATE "{schema.name}" SET "{GEOMETRY_COLUMN}" = ?, '
                + ", ".join(f'"{n}" = ?' for n in names)
                + " WHERE uid = ?",
                [blob] + values + [row["uid"]],
            )
        else:
            conn.execute(
                f'INSERT INTO "{schema.name}" ("{GEOMETRY_COLUMN}", '
                + ", ".join(f'"{n}"' for n in names)
                + ") VALUES ("
                + ", ".join("?" * (len(names) + 1))
                + ")",
                [blob] + values,
            )


def delete_row(conn: sqlite3.Connection, schema: LayerSchema, uid: str) -> None:
    with changelog.applying(conn):
        conn.execute(f'DELETE FROM "{schema.name}" WHERE uid = ?', (uid,))


# ---------------------------------------------------------------- change log


def pending(conn: sqlite3.Connection, layer: str) -> Dict[str, Dict[str, Any]]:
    """uid -> {"base", "seq", "central_seen"} of every site changed here since it was last in step."""
    return changelog.pending(conn, layer)


def pending_seq(conn: sqlite3.Connection, layer: str, uid: str) -> Optional[int]:
    """The edit counter of the site's change-log entry (None: no local change)."""
    row = conn.execute(
        f"SELECT seq FROM {changelog.CHANGES_TABLE} WHERE layer = ? AND uid = ?", (layer, uid)
    ).fetchone()
    return row[0] if row else None


def canonical_base(schema: LayerSchema, base: Optional[Row]) -> Optional[Row]:
    return None if base is None else canonical_row(schema, base)


def set_base(conn: sqlite3.Connection, layer: str, uid: str, base: Optional[Row]) -> None:
    """The site's values as both sides now agree on them (None: a site the centre must take as new)."""
    conn.execute(
        f"UPDATE {changelog.CHANGES_TABLE} SET base = ? WHERE layer = ? AND uid = ?",
        (None if base is None else changelog.encode_base(_without_private(base)), layer, uid),
    )


def set_central_seen(conn: sqlite3.Connection, layer: str, uid: str, updated_at: Optional[str]) -> None:
    conn.execute(
        f"UPDATE {changelog.CHANGES_TABLE} SET central_seen = ? WHERE layer = ? AND uid = ?", (updated_at, layer, uid)
    )


def settle(conn: sqlite3.Connection, layer: str, uid: str) -> None:
    """In step with the centre: the site has no local change and no conflict with the centre
    any more (a surveyor's conflict stays until the officer resolves it)."""
    conn.execute(f"DELETE FROM {changelog.CHANGES_TABLE} WHERE layer = ? AND uid = ?", (layer, uid))
    clear_conflicts(conn, layer, uid)


def _without_private(row: Row) -> Row:
    return {k: v for k, v in row.items() if not k.startswith("_")}


# ---------------------------------------------------------------- conflicts


def record_conflicts(
    conn: sqlite3.Connection,
    layer: str,
    uid: str,
    conflicts: Iterable[FieldConflict],
    central_updated_at: Optional[str],
    source: str = changelog.CENTRAL_SOURCE,
) -> None:
    """Keep each conflict (base, mine, theirs) until the officer resolves it. ``source`` says
    whose "theirs" is: the central's (the sync) or a surveyor's package; a newer conflict of
    the same source on the same field replaces the older one."""
    detected = timestamps.now_iso()
    for conflict in conflicts:
        conn.execute(
            f"INSERT OR REPLACE INTO {changelog.CONFLICTS_TABLE} "
            "(layer, uid, field, base, mine, theirs, central_updated_at, detected_at, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                layer,
                uid,
                conflict.field,
                json.dumps(conflict.base),
                json.dumps(conflict.ours),
                json.dumps(conflict.theirs),
                central_updated_at,
                detected,
                source,
            ),
        )


def clear_conflicts(
    conn: sqlite3.Connection,
    layer: str,
    uid: str,
    field: Optional[str] = None,
    source: str = changelog.CENTRAL_SOURCE,
) -> None:
    """Forget the conflicts of one source on the site (or on one field of it). A conflict of
    another source stays: the sync settling a site never drops a surveyor's value waiting for
    the officer's choice."""
    sql = f"DELETE FROM {changelog.CONFLICTS_TABLE} WHERE layer = ? AND uid = ? AND source = ?"
    params = [layer, uid, source]
    if field is not None:
        sql += " AND field = ?"
        params.append(field)
    conn.execute(sql, params)


def open_conflict_count(conn: sqlite3.Connection, layer: str, uid: Optional[str] = None) -> int:
    """Open conflicts of one site, or the number of sites with open conflicts in the layer
    (of every source: a site waiting for the officer's choice is not pushed)."""
    if uid is not None:
        return conn.execute(
            f"SELECT count(*) FROM {changelog.CONFLICTS_TABLE} WHERE layer = ? AND uid = ?", (layer, uid)
        ).fetchone()[0]
    return conn.execute(
        f"SELECT count(DISTINCT uid) FROM {changelog.CONFLICTS_TABLE} WHERE layer = ?", (layer,)
    ).fetchone()[0]


def conflicted_uids(conn: sqlite3.Connection, layer: str) -> Set[str]:
    return {
        r[0] for r in conn.execute(f"SELECT DISTINCT uid FROM {changelog.CONFLICTS_TABLE} WHERE layer = ?", (layer,))
    }


# ---------------------------------------------------------------- central versions


def central_version(conn: sqlite3.Connection, layer: str, uid: str) -> Optional[int]:
    row = conn.execute(
        f"SELECT version FROM {changelog.VERSIONS_TABLE} WHERE layer = ? AND uid = ?", (layer, uid)
    ).fetchone()
    return row[0] if row else None


def set_central_version(conn: sqlite3.Connection, layer: str, uid: str, version: Optional[int]) -> None:
    if version is None:
        conn.execute(f"DELETE FROM {changelog.VERSIONS_TABLE} WHERE layer = ? AND uid = ?", (layer, uid))
    else:
        conn.execute(f"INSERT OR REPLACE INTO {changelog.VERSIONS_TABLE} VALUES (?, ?, ?)", (layer, uid, int(version)))


# ---------------------------------------------------------------- a merge, recorded


def apply_merge(
    conn: sqlite3.Connection,
    schema: LayerSchema,
    uid: str,
    result: MergeResult,
    local: Optional[Row],
    central_updated_at: Optional[str] = None,
    as_local_edit: bool = False,
    source: str = changelog.CENTRAL_SOURCE,
) -> bool:
    """Write one site's merge into the workspace (caller's transaction): their changes applied
    here, conflicts kept, the base moved on — or the change-log entry settled when both sides
    now hold the same. Returns True when the local site changed.

    ``theirs`` is the central side by default: its changes are the sync's writes (not logged).
    ``as_local_edit=True`` is for a side that is *not* the centre (a surveyor's field
    package): its changes are written as local edits — logged, so the next sync pushes them —
    and the base (what the centre holds) stays as it is. Its conflicts are recorded under
    ``source`` and add to those already open: an open conflict waits for the officer's choice
    whatever is merged later (a conflict of the same source on the same field is replaced)."""
    layer = schema.name
    if as_local_edit:
        record_conflicts(conn, layer, uid, result.conflicts, central_updated_at, source)
        return _apply_as_local_edit(conn, schema, uid, result, local)
    clear_conflicts(conn, layer, uid, source=source)
    record_conflicts(conn, layer, uid, result.conflicts, central_updated_at, source)
    exists = result.outcomes.get(EXISTS)
    if result.merged is None:
        if exists == THEIRS and local is not None:
            delete_row(conn, schema, uid)  # deleted there, untouched here
            settle(conn, layer, uid)
            return True
        if exists == SAME:
            settle(conn, layer, uid)  # deleted on both sides
        elif result.base is not None:
            set_base(conn, layer, uid, result.base)  # our delete goes out (or waits for the officer)
        return False
    merged = dict(result.merged)
    in_step = result.clean and not result.ours_changed
    if in_step and result.base is not None:
        merged[UPDATED_AT] = result.base.get(UPDATED_AT)  # theirs: the site is as the centre has it
    if result.theirs_changed or (in_step and local is not None and local.get(UPDATED_AT) != merged[UPDATED_AT]):
        write_row(conn, schema, merged, exists=local is not None)
    if in_step:
        settle(conn, layer, uid)
    else:
        set_base(conn, layer, uid, result.base)
    return result.theirs_changed


def _apply_as_local_edit(conn, schema: LayerSchema, uid: str, result: MergeResult, local: Optional[Row]) -> bool:
    """Their changes as the officer's own edits: the change-log triggers record them."""
    if result.merged is None:
        if result.outcomes.get(EXISTS) == THEIRS and local is not None:
            conn.execute(f'DELETE FROM "{schema.name}" WHERE uid = ?', (uid,))
            return True
        return False
    if not result.theirs_changed:
        return False
    names = [n for n in schema.field_names if n != UPDATED_AT]
    point = result.merged.get(GEOMETRY)
    conn.execute(
        f'UPDATE "{schema.name}" SET "{GEOMETRY_COLUMN}" = ?, '
        + ", ".join(f'"{n}" = ?' for n in names)
        + " WHERE uid = ?",
        [gpkg.encode_point(*point) if point else None]
        + [sql_value(schema.field(n).type, result.merged.get(n)) for n in names]
        + [uid],
    )
    return True
