"""The sync: pull what changed centrally, merge it with local edits per field, push local work.

1. Pull, per layer, everything changed since the watermark (``datetime=<watermark - overlap>/..``
   on ``updated_at``; the watermark is the newest ``updated_at`` the *server* sent, never the
   client clock). Pages are staged in a temporary table outside the workspace, de-duplicated
   by (uid, updated_at); a cancel or a failure here leaves the workspace untouched.
2. Merge and apply, both layers in ONE transaction, with the change-log triggers silenced:
   central-only changes apply, local-only changes stay (and are pushed), the same field
   changed differently on both sides becomes a conflict (kept in ``paser_conflicts`` with
   base, mine and theirs until the officer resolves it), a site deleted centrally and edited
   here (or the other way round) is a conflict too. The new watermark commits with it.
3. Push (when the server supports OGC API – Features Part 4 and the officer asked for it),
   site by site: DELETE, PUT/PATCH, or POST after looking the uid up (so a push retried after
   a lost answer never makes a second copy). After each site its change-log entry is settled
   in its own small transaction — a crash in between is harmless: the next pull sees the
   server holding exactly our values and settles the entry then.
"""

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

from .. import changelog, gpkg
from ..messages import N_, Message, MessageError, MessageText, message_from_json, message_to_json
from ..rows import GEOMETRY, sql_value
from ..schema import GEOMETRY_COLUMN, LAYER_NAMES, LayerSchema, layer_schema
from ..workspace import Workspace
from .client import OgcApiClient
from .errors import ProtocolError, SyncCancelled, SyncError
from .features import (
    UPDATED_AT,
    canonical_row,
    differences,
    feature_to_row,
    merge_fields,
    row_to_feature,
)
from .values import canonical_point, datetime_filter_start

EXISTS = "_exists"  # the conflict "field" of a delete/edit conflict
PRESENT, DELETED = "present", "deleted"
DEFAULT_OVERLAP_S = 30.0
KEEP_PENDING = object()

Progress = Callable[[float, str], None]


@dataclass
class LayerSummary:
    pulled: int = 0  # central changes applied to the workspace (inserted, updated, deleted)
    pushed: int = 0  # local changes sent (created, replaced, deleted)
    conflicts: int = 0  # sites with open conflicts after this sync
    received: int = 0  # features received (before de-duplication and merge)

    def as_dict(self) -> Dict[str, int]:
        return {"pulled": self.pulled, "pushed": self.pushed, "conflicts": self.conflicts, "received": self.received}


@dataclass
class SyncResult:
    layers: Dict[str, LayerSummary] = field(default_factory=lambda: {n: LayerSummary() for n in LAYER_NAMES})
    pull_only: bool = False
    warnings: List[str] = field(default_factory=list)

    @property
    def pulled(self) -> int:
        return sum(s.pulled for s in self.layers.values())

    @property
    def pushed(self) -> int:
        return sum(s.pushed for s in self.layers.values())

    @property
    def conflicts(self) -> int:
        return sum(s.conflicts for s in self.layers.values())

    def as_dict(self) -> Dict[str, Any]:
        return {
            "layers": {k: v.as_dict() for k, v in self.layers.items()},
            "pull_only": self.pull_only,
            "warnings": self.warnings,
        }


def watermark_key(url: str, layer: str) -> str:
    return f"watermark|{url.rstrip('/')}|{layer}"


def synchronize(
    workspace: Workspace,
    client: OgcApiClient,
    push: bool = True,
    progress: Optional[Progress] = None,
    overlap_s: float = DEFAULT_OVERLAP_S,
) -> SyncResult:
    """Run one sync; returns the summary or raises SyncError (the workspace stays consistent)."""
    progress = progress or (lambda fraction, text: None)
    result = SyncResult()
    history_id = _history_start(workspace, client.url)
    try:
        progress(0.0, MessageText(N_("checking the server")))
        caps = client.capabilities()
        missing = [n for n in LAYER_NAMES if not client.has_collection(n)]
        if missing:
            raise ProtocolError(
                Message(
                    N_(
                        "the server at {url} has no collection {collections}: publish both "
                        "central tables (see central/)"
                    ),
                    url=client.url,
                    collections=", ".join(missing),
                )
            )
        if push and not caps.can_push:
            result.pull_only = True
            result.warnings.append(
                MessageText(
                    N_(
                        "the server offers no OGC API – Features Part 4 (create, replace, "
                        "delete): pulled only, local edits stay in the workspace until it "
                        "does"
                    )
                )
            )
        _pull(workspace, client, result, progress, overlap_s)
        if push and not result.pull_only:
            _push(workspace, client, caps, result, progress)
        with workspace.read() as conn:
            for layer in LAYER_NAMES:
                result.layers[layer].conflicts = conn.execute(
                    f"SELECT count(DISTINCT uid) FROM {changelog.CONFLICTS_TABLE} WHERE layer = ?", (layer,)
                ).fetchone()[0]
        progress(1.0, MessageText(N_("done")))
    except SyncCancelled as exc:
        _history_end(workspace, history_id, "cancelled", result, exc)
        raise
    except SyncError as exc:
        _history_end(workspace, history_id, "failed", result, exc)
        raise
    except BaseException as exc:
        _history_end(workspace, history_id, "failed", result, f"{type(exc).__name__}: {exc}")
        raise
    _history_end(workspace, history_id, "ok", result, MessageError(*result.warnings))
    return result


# ---------------------------------------------------------------- history


def _history_start(workspace: Workspace, url: str) -> int:
    with workspace.write() as conn:
        cur = conn.execute(
            f"INSERT INTO {changelog.HISTORY_TABLE} (started_at, url, outcome) VALUES (?, ?, 'running')",
            (gpkg.utc_now_iso(), url),
        )
        return cur.lastrowid


def _history_end(workspace: Workspace, history_id: int, outcome: str, result: SyncResult, message) -> None:
    """Close the history row: ``message`` (a MessageError or text) goes in as English text,
    and as data in the summary so that the history shows it in the reader's language."""
    summary = dict(result.as_dict(), message=message_to_json(message))
    try:
        with workspace.write() as conn:
            conn.execute(
                f"UPDATE {changelog.HISTORY_TABLE} SET finished_at = ?, outcome = ?, summary = ?, message = ? "
                "WHERE id = ?",
                (gpkg.utc_now_iso(), outcome, json.dumps(summary), str(message), history_id),
            )
    except sqlite3.Error:
        pass  # the history must never hide the sync's own outcome


def history(workspace: Workspace, limit: int = 100) -> List[Dict[str, Any]]:
    """The last syncs, newest first; a 'running' row that is not this process's is an interrupted sync.

    ``message`` is the English text; ``message_parts`` the same message to render in the
    reader's language (``render(tr)``), or None for rows written before it was kept.
    """
    with workspace.read() as conn:
        rows = conn.execute(
            f"SELECT id, started_at, finished_at, url, outcome, summary, message FROM "
            f"{changelog.HISTORY_TABLE} ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
    out = []
    for id_, started, finished, url, outcome, summary, message in rows:
        summary = json.loads(summary) if summary else None
        stored = message_from_json(summary.get("message")) if isinstance(summary, dict) else None
        out.append(
            {
                "id": id_,
                "started_at": started,
                "finished_at": finished,
                "url": url,
                "outcome": "interrupted" if outcome == "running" and finished is None else outcome,
                "summary": summary,
                "message": message or "",
                "message_parts": stored if isinstance(stored, (Message, MessageError)) else None,
            }
        )
    return out


# ---------------------------------------------------------------- pull


def _pull(workspace: Workspace, client: OgcApiClient, result: SyncResult, progress: Progress, overlap_s: float) -> None:
    # The stage lives in SQLite's temp store: pages go to disk as they arrive, so memory stays
    # flat however many features come, and the workspace is not locked while we download.
    conn = workspace.connect()
    try:
        conn.execute("PRAGMA temp_store = FILE")
        watermarks = {}
        for index, layer in enumerate(LAYER_NAMES):
            schema = layer_schema(layer)
            stage = f"temp.stage_{layer}"
            names = list(schema.field_names)
            # Each staged site: the key and its canonical values, which are also SQL-ready (so new
            # sites go in with one INSERT .. SELECT).
            conn.execute(
                f"CREATE TABLE {stage} (uid TEXT PRIMARY KEY, deleted INTEGER NOT NULL, geom BLOB, "
                + ", ".join(f'"{n}"' for n in names if n != "uid")
                + ")"
            )
            columns = ["uid", "deleted", "geom"] + [n for n in names if n != "uid"]
            stage_sql = (
                f"INSERT INTO {stage} ({', '.join(chr(34) + c + chr(34) for c in columns)}) VALUES ("
                + ", ".join("?" * len(columns))
                + ") ON CONFLICT (uid) DO UPDATE SET "
                + ", ".join(f'"{c}" = excluded."{c}"' for c in columns[1:])
                + " WHERE excluded.updated_at > updated_at"
            )
            watermark = changelog.state(conn, watermark_key(client.url, layer))
            params = {"datetime": f"{datetime_filter_start(watermark, overlap_s)}/.."} if watermark else {}
            newest = watermark
            summary = result.layers[layer]
            at = columns.index(UPDATED_AT)

            def convert(page, schema=schema, columns=columns):
                # In the fetching thread: features become compact stage rows, the JSON is freed.
                return [_stage_values(feature_to_row(schema, f, workspace.gazetteer), columns) for f in page]

            for rows in client.iter_pages(layer, params, prefetch=True, transform=convert):
                summary.received += len(rows)
                conn.execute("BEGIN")
                conn.executemany(stage_sql, rows)
                conn.execute("COMMIT")
                latest = max(r[at] for r in rows)
                if newest is None or latest > newest:
                    newest = latest
                progress(
                    0.05 + 0.45 * (index + 0.5) / len(LAYER_NAMES), f"{layer}: {summary.received} features received"
                )
                del rows  # before the next page arrives: memory stays at two pages
            watermarks[layer] = newest
        progress(0.5, MessageText(N_("applying central changes")))
        client._check_cancel()
        with gpkg.transaction(conn):
            changelog.set_applying(conn, True)
            for layer in LAYER_NAMES:
                _apply_layer(conn, layer_schema(layer), f"temp.stage_{layer}", result.layers[layer], workspace)
                if watermarks[layer]:
                    changelog.set_state(conn, watermark_key(client.url, layer), watermarks[layer])
            changelog.set_applying(conn, False)
    finally:
        conn.close()


def _stage_values(row: Dict[str, Any], columns: List[str]) -> list:
    point = row.get(GEOMETRY)
    values = [row["uid"], 1 if row["_deleted"] else 0, gpkg.encode_point(*point) if point else None]
    values += [row.get(c) for c in columns[3:]]
    return values


def _local_row(conn: sqlite3.Connection, schema: LayerSchema, uid: str) -> Optional[Dict[str, Any]]:
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


def _write_row(conn: sqlite3.Connection, schema: LayerSchema, row: Dict[str, Any], exists: bool) -> None:
    names = list(schema.field_names)
    values = [sql_value(schema.field(n).type, row.get(n)) for n in names]
    point = row.get(GEOMETRY)
    blob = gpkg.encode_point(*point) if point else None
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


def _delete_row(conn: sqlite3.Connection, schema: LayerSchema, uid: str) -> None:
    conn.execute(f'DELETE FROM "{schema.name}" WHERE uid = ?', (uid,))


def _set_base(conn: sqlite3.Connection, layer: str, uid: str, base: Optional[Dict[str, Any]]) -> None:
    conn.execute(
        f"UPDATE {changelog.CHANGES_TABLE} SET base = ? WHERE layer = ? AND uid = ?",
        (None if base is None else changelog.encode_base(base), layer, uid),
    )


def _settle(conn: sqlite3.Connection, layer: str, uid: str) -> None:
    conn.execute(f"DELETE FROM {changelog.CHANGES_TABLE} WHERE layer = ? AND uid = ?", (layer, uid))
    conn.execute(f"DELETE FROM {changelog.CONFLICTS_TABLE} WHERE layer = ? AND uid = ?", (layer, uid))


def _conflict(conn, layer, uid, field_name, base, mine, theirs, central_updated_at) -> None:
    conn.execute(
        f"INSERT OR REPLACE INTO {changelog.CONFLICTS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            layer,
            uid,
            field_name,
            json.dumps(base),
            json.dumps(mine),
            json.dumps(theirs),
            central_updated_at,
            gpkg.utc_now_iso(),
        ),
    )


def _canonical_base(schema: LayerSchema, base: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    return None if base is None else canonical_row(schema, base)


def _apply_layer(
    conn: sqlite3.Connection, schema: LayerSchema, stage: str, summary: LayerSummary, workspace: Workspace
) -> None:
    layer = schema.name
    pending = changelog.pending(conn, layer)
    fields = merge_fields(schema)
    # Sites new to this workspace and not touched here: one INSERT .. SELECT (most of a first pull).
    names = ", ".join(f'"{n}"' for n in schema.field_names)
    unknown_here = (
        f'NOT EXISTS (SELECT 1 FROM "{layer}" l WHERE l.uid = s.uid) AND NOT EXISTS '
        f"(SELECT 1 FROM {changelog.CHANGES_TABLE} c WHERE c.layer = '{layer}' AND c.uid = s.uid)"
    )
    # (Marked first: an INSERT whose SELECT reads the target table would be materialised in
    # memory by SQLite, a copy of the whole pull.)
    conn.execute(f"ALTER TABLE {stage} ADD COLUMN fresh INTEGER NOT NULL DEFAULT 0")
    bare = stage.split(".")[-1]
    conn.execute(f"UPDATE {stage} SET fresh = 1 WHERE {unknown_here.replace('s.uid', bare + '.uid')}")
    cursor = conn.execute(
        f'INSERT INTO "{layer}" ("{GEOMETRY_COLUMN}", {names}) '
        f"SELECT s.geom, {', '.join('s.' + chr(34) + n + chr(34) for n in schema.field_names)} "
        f"FROM {stage} s WHERE s.deleted = 0 AND s.fresh = 1"
    )
    summary.pulled += max(cursor.rowcount, 0)
    # Everything else meets a local site or a local edit: compared one by one.
    staged = conn.execute(
        f"SELECT s.deleted, s.geom, {', '.join('s.' + chr(34) + n + chr(34) for n in schema.field_names)} "
        f"FROM {stage} s WHERE s.fresh = 0"
    ).fetchall()
    for record in staged:
        central = dict(zip(schema.field_names, record[2:]))
        central[GEOMETRY] = canonical_point(gpkg.decode_point(record[1]))
        uid = central["uid"]
        deleted = bool(record[0])
        local = _local_row(conn, schema, uid)
        entry = pending.get(uid)
        if entry is None:
            # No local edit: the central version simply applies.
            if deleted:
                if local is not None:
                    _delete_row(conn, schema, uid)
                    summary.pulled += 1
            elif local is None or local != central:
                _write_row(conn, schema, central, exists=local is not None)
                # The echo of our own push only moves updated_at: not news for the officer.
                if local is None or differences(schema, local, central):
                    summary.pulled += 1
            continue
        if entry["central_seen"] == central[UPDATED_AT]:
            continue  # this central version was merged already (the overlap brings it again)
        conn.execute(
            f"UPDATE {changelog.CHANGES_TABLE} SET central_seen = ? WHERE layer = ? AND uid = ?",
            (central[UPDATED_AT], layer, uid),
        )
        base = _canonical_base(schema, entry["base"])
        conn.execute(f"DELETE FROM {changelog.CONFLICTS_TABLE} WHERE layer = ? AND uid = ?", (layer, uid))
        if local is None:
            # Deleted here.
            if deleted or base is None:
                _settle(conn, layer, uid)  # deleted on both sides (or never really existed here)
            elif not differences(schema, base, central):
                pass  # central unchanged since the base: our DELETE will be pushed
            else:
                _conflict(conn, layer, uid, EXISTS, PRESENT, DELETED, central, central[UPDATED_AT])
            continue
        if deleted:
            if base is not None and not differences(schema, base, local):
                _delete_row(conn, schema, uid)  # nothing really changed here
                _settle(conn, layer, uid)
                summary.pulled += 1
            else:
                _conflict(conn, layer, uid, EXISTS, PRESENT, PRESENT, DELETED, central[UPDATED_AT])
            continue
        # Three-way merge per field (two-way when the site was made here and never synced).
        merged = dict(local)
        new_base = dict(base) if base is not None else dict(central)
        changed_here = False
        for name in fields:
            mine, theirs = local.get(name), central.get(name)
            old = base.get(name) if base is not None else None
            if mine == theirs:
                new_base[name] = theirs
            elif base is not None and mine == old:
                merged[name] = theirs  # central-only change
                new_base[name] = theirs
                changed_here = True
            elif base is not None and theirs == old:
                new_base[name] = old  # local-only change: stays, is pushed
            else:
                new_base[name] = old if base is not None else theirs
                _conflict(conn, layer, uid, name, old, _jsonable(mine), _jsonable(theirs), central[UPDATED_AT])
        new_base["uid"], new_base[UPDATED_AT] = uid, central[UPDATED_AT]
        if changed_here:
            _write_row(conn, schema, merged, exists=True)
            summary.pulled += 1
        open_conflicts = conn.execute(
            f"SELECT count(*) FROM {changelog.CONFLICTS_TABLE} WHERE layer = ? AND uid = ?", (layer, uid)
        ).fetchone()[0]
        if not open_conflicts and not differences(schema, new_base, merged):
            # In step with the centre (our edit had already arrived, e.g. a push whose answer was lost).
            if merged.get(UPDATED_AT) != central[UPDATED_AT]:
                merged[UPDATED_AT] = central[UPDATED_AT]
                _write_row(conn, schema, merged, exists=True)
            _settle(conn, layer, uid)
        else:
            _set_base(conn, layer, uid, new_base)


def _jsonable(value):
    return list(value) if isinstance(value, tuple) else value


# ---------------------------------------------------------------- push


def _push(workspace: Workspace, client: OgcApiClient, caps, result: SyncResult, progress: Progress) -> None:
    conn = workspace.connect()
    try:
        work = []
        for layer in LAYER_NAMES:
            blocked = {
                r[0]
                for r in conn.execute(f"SELECT DISTINCT uid FROM {changelog.CONFLICTS_TABLE} WHERE layer = ?", (layer,))
            }
            for uid, entry in changelog.pending(conn, layer).items():
                if uid not in blocked:
                    work.append((layer, uid, entry))
        for done, (layer, uid, entry) in enumerate(work):
            client._check_cancel()
            progress(
                0.55 + 0.45 * done / max(1, len(work)),
                MessageText(N_("sending {layer} {number}/{total}"), layer=layer, number=done + 1, total=len(work)),
            )
            schema = layer_schema(layer)
            local = _local_row(conn, schema, uid)
            base = _canonical_base(schema, entry["base"])
            sent = _push_one(client, caps, schema, uid, local, base, result)
            if sent is KEEP_PENDING:
                continue
            # Settle the log entry unless the site was edited again meanwhile.
            with gpkg.transaction(conn):
                now = conn.execute(
                    f"SELECT seq FROM {changelog.CHANGES_TABLE} WHERE layer = ? AND uid = ?", (layer, uid)
                ).fetchone()
                if now is None:
                    continue
                if now[0] == entry["seq"]:
                    _settle(conn, layer, uid)
                elif sent is not None:
                    _set_base(conn, layer, uid, sent)
            if sent is not None or local is None:
                result.layers[layer].pushed += 1
    finally:
        conn.close()


def _push_one(client: OgcApiClient, caps, schema: LayerSchema, uid: str, local, base, result: SyncResult):
    """Send one site's local change; returns the values now on the server (None for a delete)."""
    layer = schema.name
    found = client.find_by_uid(layer, uid)
    live = [f for f in found if (f.get("properties") or {}).get("deleted_at") in (None, "")]
    if local is None:
        for feature in live:
            client.delete(layer, feature.get("id"))
        return None
    feature = row_to_feature(schema, local)
    if not found:
        client.create(layer, feature)
    else:
        # PUT (Part 4 "replace"): the whole site as it is here, merged with the centre's
        # changes by the pull just before. PATCH is not used: QGIS Server's PATCH is not the
        # standard's JSON merge patch.
        client.replace(layer, (live or found)[0].get("id"), feature)
    # Check what the server kept: some servers skip values (QGIS Server 3.22 ignores nulls).
    stored = client.find_by_uid(layer, uid)
    if len(stored) != 1:
        raise ProtocolError(
            Message(
                N_("{layer} {uid}: the server holds {count} copies after the push"),
                layer=layer,
                uid=uid,
                count=len(stored),
            )
        )
    server_row = _server_row(schema, stored[0])
    if server_row.get("_deleted"):
        # Not settled: the edit stays pending and the officer is told each sync.
        result.warnings.append(
            MessageText(
                N_(
                    "{layer} {uid} ({name}): the server keeps the site deleted; ask the "
                    "central administrator to restore it"
                ),
                layer=layer,
                uid=uid,
                name=local.get("name"),
            )
        )
        return KEEP_PENDING
    lost = [f for f in differences(schema, canonical_row(schema, local), server_row) if f != UPDATED_AT]
    if lost:
        result.warnings.append(
            MessageText(
                N_("{layer} {uid} ({name}): the server did not store {values}"),
                layer=layer,
                uid=uid,
                name=local.get("name"),
                values=", ".join(f"{f}={local.get(f)!r}" for f in lost),
            )
        )
    return server_row


def _server_row(schema: LayerSchema, feature: dict) -> Dict[str, Any]:
    props = feature.get("properties") or {}
    geometry = feature.get("geometry") or None
    raw = {f.name: props.get(f.name) for f in schema.fields}
    raw[GEOMETRY] = tuple(geometry["coordinates"][:2]) if geometry else None
    row = canonical_row(schema, raw)
    row["_deleted"] = props.get("deleted_at") not in (None, "")
    return row
