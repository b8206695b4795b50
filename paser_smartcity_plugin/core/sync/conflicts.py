"""Open conflicts and their resolution: keep mine or take theirs, per field.

A conflict is stored with the base, my value and their value, and its source: the central
database (the sync) or a surveyor's field package (core/field_merge.py). It survives
restarts (it is a table of the workspace). Resolving one is one transaction.

A conflict with the central (source ``central``):

- take central: the workspace gets the central value, and the base becomes it;
- keep mine: the base becomes the central value, so the next sync pushes my value over it.

A delete/edit conflict (field ``_exists``) resolves the same way for the whole site: take
central restores or deletes the local site as the centre has it; keep mine keeps the local
edit (pushed again) or the local delete (pushed as DELETE).

A conflict with a surveyor (source ``package:<id>``): the centre has seen neither value, so
the sync's base is never touched —

- take the surveyor's: the value (or the surveyor's delete, or the site as the surveyor
  kept it) is written as the officer's own edit, logged, so the next sync sends it;
- keep mine: the conflict is closed and nothing else changes.
"""

import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from .. import changelog
from ..messages import N_, Message
from ..rows import GEOMETRY
from ..schema import layer_schema
from ..workspace import Workspace, WorkspaceError
from . import store
from .features import UPDATED_AT, differences, merge_fields
from .merge import DELETED, EXISTS

# The choices: keep mine, or take theirs — the central's or the surveyor's, as the source says.
MINE, CENTRAL, THEIRS = "mine", "central", "theirs"


@dataclass
class Conflict:
    layer: str
    uid: str
    field: str
    base: Any
    mine: Any
    theirs: Any
    central_updated_at: Optional[str]
    detected_at: str
    name: str = ""  # the site's name, for the dialog
    source: str = changelog.CENTRAL_SOURCE
    surveyor: str = ""  # a field package's surveyor (source package:…)

    @property
    def is_delete_conflict(self) -> bool:
        return self.field == EXISTS

    @property
    def from_package(self) -> bool:
        return self.source != changelog.CENTRAL_SOURCE

    @property
    def package_id(self) -> Optional[str]:
        return package_of(self.source)


def package_source(package_id: str) -> str:
    """The conflict source of a field package."""
    return changelog.PACKAGE_SOURCE_PREFIX + package_id


def package_of(source: str) -> Optional[str]:
    """The package id of a conflict source (None: the central)."""
    prefix = changelog.PACKAGE_SOURCE_PREFIX
    return source[len(prefix) :] if source.startswith(prefix) else None


def open_conflicts(workspace: Workspace, layer: Optional[str] = None) -> List[Conflict]:
    with workspace.read() as conn:
        rows = conn.execute(
            f"SELECT layer, uid, field, base, mine, theirs, central_updated_at, detected_at, source FROM "
            f"{changelog.CONFLICTS_TABLE}"
            + (" WHERE layer = ?" if layer else "")
            + " ORDER BY layer, uid, field, source",
            (layer,) if layer else (),
        ).fetchall()
        surveyors = dict(
            conn.execute(f"SELECT package_id, max(surveyor) FROM {changelog.FIELD_MERGES_TABLE} GROUP BY package_id")
        )
        out = []
        for lyr, uid, fld, base, mine, theirs, cua, det, source in rows:
            name = conn.execute(f'SELECT name FROM "{lyr}" WHERE uid = ?', (uid,)).fetchone()
            theirs_v = json.loads(theirs) if theirs else None
            if name is None and isinstance(theirs_v, dict):
                name = (theirs_v.get("name"),)
            out.append(
                Conflict(
                    lyr,
                    uid,
                    fld,
                    json.loads(base) if base else None,
                    json.loads(mine) if mine else None,
                    theirs_v,
                    cua,
                    det,
                    (name or ("",))[0] or "",
                    source,
                    surveyors.get(package_of(source) or "", "") or "",
                )
            )
        return out


def resolve(
    workspace: Workspace, layer: str, uid: str, field: str, choice: str, source: str = changelog.CENTRAL_SOURCE
) -> None:
    """Resolve one conflict in one transaction: ``choice`` is "mine", or "theirs" (the other
    side's value; "central" is the same choice, by its old name)."""
    if choice not in (MINE, CENTRAL, THEIRS):
        raise WorkspaceError(f"choice must be {MINE!r} or {THEIRS!r}, not {choice!r}")
    schema = layer_schema(layer)
    with workspace.write() as conn:
        rec = conn.execute(
            f"SELECT base, mine, theirs FROM {changelog.CONFLICTS_TABLE} "
            "WHERE layer = ? AND uid = ? AND field = ? AND source = ?",
            (layer, uid, field, source),
        ).fetchone()
        if rec is None:
            raise WorkspaceError(
                Message(N_("{layer} {uid}: no open conflict on {field}"), layer=layer, uid=uid, field=field)
            )
        theirs = json.loads(rec[2]) if rec[2] else None
        if source != changelog.CENTRAL_SOURCE:
            _resolve_surveyors(workspace, conn, schema, uid, field, theirs, choice != MINE, source)
            return
        choice = CENTRAL if choice == THEIRS else choice
        entry = store.pending(conn, layer).get(uid)
        base = store.canonical_base(schema, entry["base"]) if entry else None
        local = store.local_row(conn, schema, uid)
        with changelog.applying(conn):
            store.clear_conflicts(conn, layer, uid, field)
            if field == EXISTS:
                _resolve_existence(conn, schema, uid, theirs, local, choice)
                return
            value = tuple(theirs) if field == GEOMETRY and theirs else theirs
            if local is None:
                raise WorkspaceError(
                    Message(N_("{layer} {uid}: the site is no longer in the workspace"), layer=layer, uid=uid)
                )
            new_base = dict(base) if base is not None else dict(local)
            new_base[field] = value
            if choice == CENTRAL:
                local[field] = value
                store.write_row(conn, schema, local, exists=True)
            store.set_base(conn, layer, uid, new_base)
            if not store.open_conflict_count(conn, layer, uid) and not differences(schema, new_base, local):
                store.settle(conn, layer, uid)


def _resolve_surveyors(workspace, conn, schema, uid, field, theirs, take: bool, source: str) -> None:
    """A surveyor's conflict: taking their value is the officer's own edit (logged, pushed by
    the next sync); the sync's base is never touched — the centre has seen neither value."""
    layer = schema.name
    store.clear_conflicts(conn, layer, uid, field, source)
    if not take:
        return
    local = store.local_row(conn, schema, uid)
    if field == EXISTS:
        if theirs == DELETED:  # the surveyor deleted the site, the office kept (or edited) it
            if local is not None:
                conn.execute(f'DELETE FROM "{layer}" WHERE uid = ?', (uid,))
            store.clear_conflicts(conn, layer, uid, source=source)  # nothing left to choose on it
            return
        row = _row_from_json(theirs)  # deleted at the office, kept (edited) by the surveyor
        row.pop(UPDATED_AT, None)  # a new edit: the triggers stamp it
        if local is None:
            workspace.insert_sites(layer, [row], conn=conn)
        else:
            workspace.update_site(layer, uid, {k: row.get(k) for k in merge_fields(schema)}, conn=conn)
        return
    if local is None:
        raise WorkspaceError(Message(N_("{layer} {uid}: the site is no longer in the workspace"), layer=layer, uid=uid))
    value = tuple(theirs) if field == GEOMETRY and theirs else theirs
    workspace.update_site(layer, uid, {field: value}, conn=conn)


def _resolve_existence(conn, schema, uid, theirs, local, choice) -> None:
    layer = schema.name
    if theirs == DELETED:  # deleted centrally, edited here
        if choice == CENTRAL:
            store.delete_row(conn, schema, uid)
            store.settle(conn, layer, uid)
        else:
            store.set_base(conn, layer, uid, None)  # pushed as a site the centre must hold again
    else:  # deleted here, edited centrally; theirs is the central row
        central = _row_from_json(theirs)
        if choice == CENTRAL:
            store.write_row(conn, schema, central, exists=local is not None)
            store.settle(conn, layer, uid)
        else:
            store.set_base(conn, layer, uid, central)  # our DELETE goes out next sync


def _row_from_json(values: Dict[str, Any]) -> Dict[str, Any]:
    row = dict(values)
    if row.get(GEOMETRY):
        row[GEOMETRY] = tuple(row[GEOMETRY])
    row.pop("_deleted", None)
    row.pop("_id", None)
    return row
