"""Open conflicts and their resolution: keep mine or take central, per field.

A conflict is stored with the base, my value and the central value; it survives restarts
(it is a table of the workspace). Resolving one is one transaction:

- take central: the workspace gets the central value, and the base becomes it;
- keep mine: the base becomes the central value, so the next sync pushes my value over it.

A delete/edit conflict (field ``_exists``) resolves the same way for the whole site: take
central restores or deletes the local site as the centre has it; keep mine keeps the local
edit (pushed again) or the local delete (pushed as DELETE).
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
from .features import differences
from .merge import DELETED, EXISTS

MINE, CENTRAL = "mine", "central"


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

    @property
    def is_delete_conflict(self) -> bool:
        return self.field == EXISTS


def open_conflicts(workspace: Workspace, layer: Optional[str] = None) -> List[Conflict]:
    with workspace.read() as conn:
        rows = conn.execute(
            f"SELECT layer, uid, field, base, mine, theirs, central_updated_at, detected_at FROM "
            f"{changelog.CONFLICTS_TABLE}" + (" WHERE layer = ?" if layer else "") + " ORDER BY layer, uid, field",
            (layer,) if layer else (),
        ).fetchall()
        out = []
        for lyr, uid, fld, base, mine, theirs, cua, det in rows:
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
                )
            )
        return out


def resolve(workspace: Workspace, layer: str, uid: str, field: str, choice: str) -> None:
    """Resolve one conflict (``choice`` is "mine" or "central") in one transaction."""
    if choice not in (MINE, CENTRAL):
        raise WorkspaceError(f"choice must be {MINE!r} or {CENTRAL!r}, not {choice!r}")
    schema = layer_schema(layer)
    with workspace.write() as conn:
        rec = conn.execute(
            f"SELECT base, mine, theirs FROM {changelog.CONFLICTS_TABLE} WHERE layer = ? AND uid = ? AND field = ?",
            (layer, uid, field),
        ).fetchone()
        if rec is None:
            raise WorkspaceError(
                Message(N_("{layer} {uid}: no open conflict on {field}"), layer=layer, uid=uid, field=field)
            )
        theirs = json.loads(rec[2]) if rec[2] else None
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
