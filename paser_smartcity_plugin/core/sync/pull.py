"""Pull: everything changed centrally since the watermark, merged into the workspace at once.

1. Per layer, the sites changed since the watermark (``datetime=<watermark - overlap>/..`` on
   ``updated_at``) are staged in a temporary table outside the workspace, de-duplicated by
   uid (the higher central version wins; updated_at when the server has no versions). A
   cancel or a failure here leaves the workspace untouched.
2. Both layers are applied in ONE transaction, as the sync's own writes (no change-log
   entries): a site not touched here takes the central row; a site edited here is merged
   (merge.merge) and recorded (store.apply_merge). The central versions of every staged site
   and the new watermarks commit with it.

The ``datetime`` filter is trusted only while it is proven to select on updated_at (proof.py):
an incremental pull asks for changes since the watermark only then, and checks the answer —
every site changed since the window's start, and every *anchor* in it: the sites the last pull
saw at or after the watermark, which the window must bring again (the overlap), so an empty
or partial answer from a filter on another column can never pass for "nothing changed".
Where the filter is not proven (or an answer contradicts it), every site is compared instead —
a full pull, merged idempotently — and the officer is told how to fix the server. A first pull
that receives nothing from a collection that holds sites stops with an error.

The watermark is clock-safe. It never moves past the server's own "now" (its HTTP ``Date``,
else the ``timeStamp`` of its answers, else this computer's clock) minus the overlap, so a
site stamped in the server's future is pulled and reported but never pushes the watermark
ahead of real time; and when the server's time is earlier than the watermark (its clock was
set back), the sync says so and re-checks every site (a full pull, merged idempotently). The
officer can ask for that full re-check too.
"""

import json
from datetime import timedelta
from typing import Any, Callable, Dict, List, Optional

from .. import changelog, gpkg, timestamps
from ..central_url import state_key
from ..messages import N_, Message, MessageText
from ..rows import GEOMETRY
from ..schema import GEOMETRY_COLUMN, LAYER_NAMES, LayerSchema, layer_schema
from ..workspace import Workspace
from . import store
from .client import DatetimeFilterError, OgcApiClient
from .errors import ProtocolError
from .features import UPDATED_AT, differences, feature_to_row, merge_fields
from .merge import merge
from .proof import DatetimeTrust, Reference, pick_reference
from .values import canonical_point, datetime_filter_start

Progress = Callable[[float, str], None]
# A change stamped this far past the server's "now" is in its future (the HTTP Date has whole
# seconds; a timeStamp may be rounded).
FUTURE_TOLERANCE = timedelta(seconds=60)
_CLOCK_SLACK = timedelta(seconds=2)
_FIXED = ("uid", "deleted", "geom", "version")  # the stage's first columns
ANCHORS = 5  # sites at or after the watermark remembered: the next incremental answer must hold them


def watermark_key(url: str, layer: str) -> str:
    return state_key("watermark", url, layer)


def _state_json(conn, key: str) -> Dict[str, Any]:
    try:
        value = json.loads(changelog.state(conn, key) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def remembered_collections(conn, url: str) -> Dict[str, str]:
    """layer -> the collection id the last pull of each layer from the central at ``url`` used."""
    found = {layer: _state_json(conn, state_key("pull", url, layer)).get("collection") for layer in LAYER_NAMES}
    return {layer: str(collection) for layer, collection in found.items() if collection}


def pull(
    workspace: Workspace,
    client: OgcApiClient,
    result,
    progress: Progress,
    overlap_s: float,
    full: bool = False,
    has_sites: Optional[Dict[str, bool]] = None,
) -> None:
    """Pull and apply both layers into ``result`` (run.SyncResult); ``full`` re-checks every site.

    Each layer comes from the collection ``client.collection_for(layer)``; ``has_sites``: the
    layers whose collection showed a site to discovery (a first pull that then gets none fails).
    """
    # The stage lives in SQLite's temp store: pages go to disk as they arrive, so memory stays
    # flat however many features come, and the workspace is not locked while we download.
    conn = workspace.connect()
    try:
        conn.execute("PRAGMA temp_store = FILE")
        outcomes = {}
        for index, layer in enumerate(LAYER_NAMES):
            fraction = 0.05 + 0.45 * (index + 0.5) / len(LAYER_NAMES)
            outcomes[layer] = _LayerPull(conn, workspace, client, result, layer).run(
                lambda text, fraction=fraction: progress(fraction, text), overlap_s, full, (has_sites or {}).get(layer)
            )
        progress(0.5, MessageText(N_("applying central changes")))
        client._check_cancel()
        with gpkg.transaction(conn), changelog.applying(conn):
            for layer in LAYER_NAMES:
                _apply_layer(conn, layer_schema(layer), f"temp.stage_{layer}", result.layers[layer], workspace)
                new_watermark, anchors, trust = outcomes[layer]
                if new_watermark:
                    changelog.set_state(conn, watermark_key(client.url, layer), new_watermark)
                    changelog.set_state(
                        conn,
                        state_key("pull", client.url, layer),
                        json.dumps({"collection": client.collection_for(layer), "anchors": anchors}),
                    )
                if trust.changed:
                    changelog.set_state(
                        conn, state_key("datetime-proof", client.url, trust.collection), json.dumps(trust.record)
                    )
    finally:
        conn.close()


class _LayerPull:
    """One layer's pull into its stage (temp.stage_<layer>), before anything is applied."""

    def __init__(self, conn, workspace: Workspace, client: OgcApiClient, result, layer: str):
        self.conn, self.workspace, self.client, self.result, self.layer = conn, workspace, client, result, layer
        self.schema = layer_schema(layer)
        self.collection = client.collection_for(layer)
        self.stage = f"temp.stage_{layer}"
        names = [n for n in self.schema.field_names if n != "uid"]
        self.columns = list(_FIXED) + names
        # Each staged site: the key, its central version and its canonical values, which are
        # also SQL-ready (so new sites go in with one INSERT .. SELECT).
        conn.execute(
            f"CREATE TABLE {self.stage} (uid TEXT PRIMARY KEY, deleted INTEGER NOT NULL, geom BLOB, version INTEGER, "
            + ", ".join(f'"{n}"' for n in names)
            + ")"
        )
        self.stage_sql = (
            f"INSERT INTO {self.stage} ({', '.join(chr(34) + c + chr(34) for c in self.columns)}) VALUES ("
            + ", ".join("?" * len(self.columns))
            + ") ON CONFLICT (uid) DO UPDATE SET "
            + ", ".join(f'"{c}" = excluded."{c}"' for c in self.columns[1:])
            # The newer central version wins; by time only where the server has no versions
            # (a clock set back stamps a newer version earlier).
            + " WHERE coalesce(excluded.version > version, excluded.updated_at > updated_at)"
        )
        self.trust = DatetimeTrust(
            self.collection,
            client.signature(self.collection),
            _state_json(conn, state_key("datetime-proof", client.url, self.collection)),
        )
        self.reference: Optional[Reference] = None  # a site of the first page, to prove the filter with

    def run(self, progress: Callable[[str], None], overlap_s: float, full: bool, has_sites: Optional[bool]):
        """(new watermark, anchors, trust) of this layer, its central rows staged."""
        conn, client, layer, trust = self.conn, self.client, self.layer, self.trust
        self.progress = progress
        remembered = _state_json(conn, state_key("pull", client.url, layer))
        watermark = self.watermark(remembered, full)
        server_now = client.server_now()
        anchors = [str(u) for u in remembered.get("anchors") or [] if u]
        if watermark and not trust.holds:
            # Proven once per server and collection (stored); made again here when it is not.
            trust.ensure(client, reference=trust.stored_reference() or _anchor_reference(conn, layer, anchors))
        if watermark and trust.holds:
            start = datetime_filter_start(watermark, overlap_s)
            try:
                self.stream({"datetime": f"{start}/.."})
                self.check_anchors(anchors, start)
            except DatetimeFilterError as exc:
                trust.contradict(exc.messages[0] if exc.messages else MessageText(str(exc)))
                conn.execute(f"DELETE FROM {self.stage}")
                watermark = None
            except _ChangeTimeWentBackError as exc:
                self.result.warnings.append(exc.args[0])
                conn.execute(f"DELETE FROM {self.stage}")
                watermark = None
        else:
            watermark = None  # a first pull, a full re-check, or a filter not proven: every site
        if not watermark:
            self.stream({})
            if not trust.holds and self.reference is not None:
                trust.ensure(client, reference=self.reference)  # so that the next sync may ask for changes only
            if has_sites and not conn.execute(f"SELECT count(*) FROM {self.stage}").fetchone()[0]:
                raise ProtocolError(
                    Message(
                        N_(
                            "{layer}: the collection {collection} holds sites, but the server sent none to "
                            "the pull; nothing was applied. Check the server's configuration (a filter or "
                            "page limit that hides its features)"
                        ),
                        layer=layer,
                        collection=self.collection,
                    )
                )
        if not trust.holds and trust.problem:
            self.result.warnings.append(
                MessageText(
                    N_(
                        "{layer}: the server's datetime filter (collection {collection}) is not shown to select "
                        "on updated_at — {reason}. Every sync compares all sites with the central database "
                        "instead: slower, nothing is missed. Configure the server's datetime column to "
                        "updated_at (README: what a central must provide)"
                    ),
                    layer=layer,
                    collection=self.collection,
                    reason=trust.problem,
                )
            )
        new_watermark = _new_watermark(conn, self.stage, layer, watermark, server_now, overlap_s, self.result)
        return new_watermark, _anchors(conn, self.stage, new_watermark), trust

    def watermark(self, remembered: Dict[str, Any], full: bool) -> Optional[str]:
        """Where the last pull of this layer from this central ended, unless it cannot be used."""
        client, layer = self.client, self.layer
        watermark = changelog.state(self.conn, watermark_key(client.url, layer))
        if remembered.get("collection") not in (None, self.collection):
            return None  # another collection than the last sync's: its changes are all new here
        server_now = client.server_now()
        if watermark and server_now is not None and server_now + _CLOCK_SLACK < timestamps.parse(watermark):
            self.result.warnings.append(
                MessageText(
                    N_(
                        "{layer}: the central server's clock ({now}) is behind the last sync "
                        "({watermark}): its clock was set back. Every site was checked again; "
                        "ask the server's administrator to correct the clock"
                    ),
                    layer=layer,
                    now=timestamps.format_seconds(server_now),
                    watermark=timestamps.format_seconds(timestamps.parse(watermark)),
                )
            )
            return None
        return None if full else watermark

    def check_anchors(self, anchors: List[str], start: str) -> None:
        """The incremental answer holds every anchor (a site the last pull saw at or after its
        watermark, which the window starting an overlap earlier must bring again). A missing one
        is looked up by uid (a request each, only then): still changed inside the window — the
        filter skipped it (DatetimeFilterError); now stamped before the window — its change time
        went back (_ChangeTimeWentBackError); gone from the central — nothing the window could hold."""
        if not anchors:
            return
        marks = ", ".join("?" * len(anchors))
        present = {r[0] for r in self.conn.execute(f"SELECT uid FROM {self.stage} WHERE uid IN ({marks})", anchors)}
        went_back = None
        for uid in (u for u in anchors if u not in present):
            times = [
                timestamps.parse((f.get("properties") or {}).get(UPDATED_AT))
                for f in self.client.find_by_uid(self.collection, uid)
            ]
            times = [t for t in times if t is not None]
            if not times:
                continue  # removed from the central (not a soft delete)
            latest = max(times)
            if latest >= timestamps.parse(start) - _CLOCK_SLACK:
                raise DatetimeFilterError(
                    MessageText(
                        N_("the changes since {start} lack site {uid}, changed at {time}"),
                        start=start,
                        uid=uid,
                        time=timestamps.format_iso(latest),
                    )
                )
            went_back = went_back or MessageText(
                N_(
                    "{layer}: site {uid} now carries a change time ({time}) before the last sync: a clock "
                    "or a writer at the central set it back. Every site was checked again; ask the server's "
                    "administrator to check the clock"
                ),
                layer=self.layer,
                uid=uid,
                time=timestamps.format_iso(latest),
            )
        if went_back:
            raise _ChangeTimeWentBackError(went_back)

    def convert(self, page: List[dict]) -> List[list]:
        """In the fetching thread: features become compact stage rows, the JSON is freed."""
        if self.reference is None and page and not self.trust.holds:
            self.reference = pick_reference(page)
        return [_stage_values(feature_to_row(self.schema, f, self.workspace.gazetteer), self.columns) for f in page]

    def stream(self, params: Dict[str, str]) -> None:
        summary = self.result.layers[self.layer]
        pages = self.client.iter_pages(self.collection, params, prefetch=True, transform=self.convert, trust=self.trust)
        for rows in pages:
            summary.received += len(rows)
            self.conn.execute("BEGIN")
            self.conn.executemany(self.stage_sql, rows)
            self.conn.execute("COMMIT")
            self.progress(
                MessageText(N_("pulling {layer}… {count} sites received"), layer=self.layer, count=summary.received)
            )
            del rows  # before the next page arrives: memory stays at two pages


def _anchors(conn, stage: str, watermark: Optional[str]) -> List[str]:
    """Sites staged at or after the new watermark, newest first: the next incremental window
    (which starts an overlap before the watermark) must bring them again."""
    if not watermark:
        return []
    return [
        r[0]
        for r in conn.execute(
            f"SELECT uid FROM {stage} WHERE updated_at >= ? ORDER BY updated_at DESC LIMIT ?", (watermark, ANCHORS)
        )
    ]


class _ChangeTimeWentBackError(Exception):
    """A site the last pull saw at its watermark now carries an earlier change time (args[0]:
    the warning): not the filter's fault, but changes stamped before the window may be missed."""


def _anchor_reference(conn, layer: str, anchors: List[str]) -> Optional[Reference]:
    """An anchor as a proof reference (its updated_at as the workspace holds it), if there is one."""
    for uid in anchors:
        row = conn.execute(f'SELECT updated_at FROM "{layer}" WHERE uid = ?', (uid,)).fetchone()
        if row and row[0]:
            return Reference(uid, row[0])
    return None


def _new_watermark(conn, stage, layer, watermark, server_now, overlap_s, result) -> Optional[str]:
    """The newest change pulled, never past the server's "now" minus the overlap; sites stamped
    in the server's future are reported."""
    reference = server_now or timestamps.now()
    horizon = timestamps.format_iso(reference + FUTURE_TOLERANCE)
    ahead, latest_ahead = conn.execute(
        f"SELECT count(*), max(updated_at) FROM {stage} WHERE updated_at > ?", (horizon,)
    ).fetchone()
    if ahead:
        result.warnings.append(
            MessageText(
                N_(
                    "{layer}: {count} sites carry a change time in the future of the central server's "
                    "clock (up to {latest}); they were pulled, and the next syncs check them again. "
                    "Ask the server's administrator to correct the clock"
                ),
                layer=layer,
                count=ahead,
                latest=latest_ahead,
            )
        )
    newest = conn.execute(f"SELECT max(updated_at) FROM {stage}").fetchone()[0]
    candidates = [w for w in (watermark, newest) if w]
    if not candidates:
        return None
    cap = timestamps.format_iso(reference - timedelta(seconds=overlap_s))
    return min(max(candidates), cap)


def _stage_values(row: Dict[str, Any], columns: List[str]) -> list:
    point = row.get(GEOMETRY)
    values = [row["uid"], 1 if row["_deleted"] else 0, gpkg.encode_point(*point) if point else None, row["_version"]]
    values += [row.get(c) for c in columns[len(_FIXED) :]]
    return values


def _apply_layer(conn, schema: LayerSchema, stage: str, summary, workspace: Workspace) -> None:
    """Apply one layer's staged central rows (inside the pull's transaction, triggers silent)."""
    layer = schema.name
    pending = store.pending(conn, layer)
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
        f"SELECT s.deleted, s.geom, s.version, {', '.join('s.' + chr(34) + n + chr(34) for n in schema.field_names)} "
        f"FROM {stage} s WHERE s.fresh = 0"
    ).fetchall()
    for record in staged:
        central = dict(zip(schema.field_names, record[3:]))
        central[GEOMETRY] = canonical_point(gpkg.decode_point(record[1]))
        uid, deleted, version = central["uid"], bool(record[0]), record[2]
        local = store.local_row(conn, schema, uid)
        entry = pending.get(uid)
        if entry is None:
            # No local edit: the central version simply applies.
            if deleted:
                if local is not None:
                    store.delete_row(conn, schema, uid)
                    summary.pulled += 1
            elif local is None or local != central:
                store.write_row(conn, schema, central, exists=local is not None)
                # The echo of our own push only moves updated_at: not news for the officer.
                if local is None or differences(schema, local, central):
                    summary.pulled += 1
            continue
        if version is not None:
            if store.central_version(conn, layer, uid) == version:
                continue  # this central version was merged already (the overlap brings it again)
        elif entry["central_seen"] == central[UPDATED_AT]:
            continue  # (a server without versions: the same by its time)
        store.set_central_seen(conn, layer, uid, central[UPDATED_AT])
        base = store.canonical_base(schema, entry["base"])
        outcome = merge(base, local, None if deleted else central, fields)
        if store.apply_merge(conn, schema, uid, outcome, local, central[UPDATED_AT]):
            summary.pulled += 1
    # The version of every staged site is the one merged now.
    conn.execute(
        f"INSERT OR REPLACE INTO {changelog.VERSIONS_TABLE} (layer, uid, version) "
        f"SELECT ?, uid, version FROM {stage} WHERE version IS NOT NULL",
        (layer,),
    )
