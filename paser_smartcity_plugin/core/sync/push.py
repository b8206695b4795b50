"""Push: each local change, written only over the central version it was merged with.

Per site (optimistic locking, enforced by the central itself — central/schema.sql):

1. Read the site centrally now (by uid): its values, its feature id and its ``version`` (or,
   from a server that publishes no version, the item's ``ETag``).
2. Merge three ways: the base (what both sides last agreed on), the central row now, and the
   local row (merge.merge). If the centre moved since the base, its changes are applied here
   first; the same field changed on both sides becomes a conflict for this officer — the one
   who came second — and nothing of the site is sent.
3. Send the merged row with the version read in 1 (and ``If-Match``, when the server gave an
   ETag) and the feature id in the body; a delete is a soft delete (``deleted_at`` set) written
   the same way. A site the centre does not have is POSTed; if that is refused because a
   colleague created the same uid meanwhile, it goes the update way, never a duplicate.
   (Each layer's collection is the one discovery found: ``client.collection_for``.)
4. A refused write — whatever status the server gives it (QGIS Server answers a stale version
   with HTTP 500, a Part 4 server with 412) — goes back to 1, at most MAX_ATTEMPTS times.
5. After the write the site is read again. The change-log entry is settled only when the
   centre holds exactly what was merged (a server that dropped a value, or kept the site
   deleted, leaves it pending, with a warning); the central version read then is remembered.
"""

from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional

from .. import gpkg, timestamps
from ..messages import N_, Message, MessageText
from ..schema import LAYER_NAMES, LayerSchema, layer_schema
from ..workspace import Workspace
from . import store
from .client import OgcApiClient, WriteRefusedError
from .errors import ProtocolError
from .features import DELETED_AT, UPDATED_AT, VERSION, differences, feature_to_row, merge_fields, row_to_feature
from .merge import EXISTS, OURS, MergeResult, merge

MAX_ATTEMPTS = 5
Progress = Callable[[float, str], None]


@dataclass
class CentralSite:
    row: Dict[str, Any]  # canonical, with _deleted/_id/_version
    feature_id: Any
    version: Optional[int]
    etag: Optional[str]
    soft_delete: bool  # the server publishes deleted_at: a delete is written as an update

    @property
    def deleted(self) -> bool:
        return bool(self.row.get("_deleted"))

    @property
    def locked(self) -> bool:
        """A write can carry what the server checks (a version, or If-Match)."""
        return self.version is not None or bool(self.etag)


def push(workspace: Workspace, client: OgcApiClient, result, progress: Progress) -> None:
    conn = workspace.connect()
    try:
        work = []
        for layer in LAYER_NAMES:
            blocked = store.conflicted_uids(conn, layer)
            work += [(layer, uid) for uid in store.pending(conn, layer) if uid not in blocked]
        pusher = _Pusher(conn, client, workspace, result)
        for done, (layer, uid) in enumerate(work):
            client._check_cancel()
            progress(
                0.55 + 0.45 * done / max(1, len(work)),
                MessageText(N_("sending {layer} {number}/{total}"), layer=layer, number=done + 1, total=len(work)),
            )
            pusher.push_site(layer_schema(layer), uid)
    finally:
        conn.close()


class _Pusher:
    def __init__(self, conn, client: OgcApiClient, workspace: Workspace, result):
        self.conn, self.client, self.workspace, self.result = conn, client, workspace, result
        self.unlocked_warned = False

    # ------------------------------------------------------------ reading the centre

    def read_central(self, schema: LayerSchema, uid: str) -> Optional[CentralSite]:
        found = self.client.find_by_uid(self.client.collection_for(schema.name), uid)
        if not found:
            return None
        live = [f for f in found if (f.get("properties") or {}).get(DELETED_AT) in (None, "")]
        if len(live) > 1:
            raise ProtocolError(
                Message(
                    N_("{layer} {uid}: the server holds {count} copies of the site"),
                    layer=schema.name,
                    uid=uid,
                    count=len(live),
                )
            )
        feature = (live or found)[0]
        row = feature_to_row(schema, feature, self.workspace.gazetteer)
        etag = None
        if row["_version"] is None:
            # No version published: a Part 4 server may still lock by ETag (If-Match).
            item, etag = self.client.item(self.client.collection_for(schema.name), feature.get("id"))
            if item is not None:
                row = feature_to_row(schema, item, self.workspace.gazetteer)
        return CentralSite(row, row["_id"], row["_version"], etag, DELETED_AT in (feature.get("properties") or {}))

    # ------------------------------------------------------------ one site

    def push_site(self, schema: LayerSchema, uid: str) -> None:
        layer, conn = schema.name, self.conn
        fields = merge_fields(schema)
        refusal = None
        for _attempt in range(MAX_ATTEMPTS):
            entry = store.pending(conn, layer).get(uid)
            if entry is None or store.open_conflict_count(conn, layer, uid):
                return  # settled or in conflict meanwhile
            seq = entry["seq"]
            base = store.canonical_base(schema, entry["base"])
            local = store.local_row(conn, schema, uid)
            central = self.read_central(schema, uid)
            if central is None:
                if local is None:
                    with gpkg.transaction(conn):
                        if store.pending_seq(conn, layer, uid) == seq:
                            store.settle(conn, layer, uid)  # made and deleted here: the centre never knew it
                    return
                try:
                    self.client.create(self.client.collection_for(layer), row_to_feature(schema, local))
                except WriteRefusedError as exc:
                    refusal = exc  # e.g. a colleague created the same uid meanwhile: read again
                    continue
                self.verify(schema, uid, local, seq)
                return
            if not central.locked:
                self.warn_unlocked()
                return
            if central.deleted and base is None and local is not None:
                # "Keep mine" of a delete/edit conflict: the centre must hold the site again.
                outcome = MergeResult(local, None, {EXISTS: OURS})
            else:
                outcome = merge(base, local, None if central.deleted else _plain(central.row), fields)
            if outcome.conflicts or not outcome.ours_changed:
                # Nothing of ours to send (in step), or the same field changed on both sides:
                # recorded here — the officer who came second resolves it.
                if not self.record_merge(schema, uid, seq, outcome, local, central):
                    continue  # edited here meanwhile: start again
                return
            if outcome.theirs_changed:
                if not self.record_merge(schema, uid, seq, outcome, local, central):
                    continue
            try:
                if outcome.merged is None:
                    sent = None
                    self.send_delete(schema, central)
                else:
                    sent = outcome.merged
                    feature = row_to_feature(schema, sent)
                    feature["id"] = central.feature_id
                    if central.version is not None:
                        feature["properties"][VERSION] = central.version
                    self.client.replace(
                        self.client.collection_for(layer), central.feature_id, feature, if_match=central.etag
                    )
            except WriteRefusedError as exc:
                refusal = exc  # someone wrote the site since we read it: read, merge, try again
                continue
            self.verify(schema, uid, sent, seq, deleted=outcome.merged is None)
            return
        name = (store.local_row(conn, schema, uid) or {}).get("name") or ""
        self.result.warnings.append(
            MessageText(
                N_(
                    "{layer} {uid} ({name}): the server refused the change {attempts} times ({reason}); "
                    "it stays in the workspace and goes out with the next sync"
                ),
                layer=layer,
                uid=uid,
                name=name,
                attempts=MAX_ATTEMPTS,
                reason=refusal,
            )
        )

    def send_delete(self, schema: LayerSchema, central: CentralSite) -> None:
        if central.soft_delete:
            # An update that carries the version: refused like any stale write.
            feature = row_to_feature(schema, _plain(central.row))
            feature["id"] = central.feature_id
            feature["properties"][DELETED_AT] = timestamps.now_iso()  # the central stamps its own time
            if central.version is not None:
                feature["properties"][VERSION] = central.version
            self.client.replace(
                self.client.collection_for(schema.name), central.feature_id, feature, if_match=central.etag
            )
        else:
            self.client.delete(self.client.collection_for(schema.name), central.feature_id, if_match=central.etag)

    def record_merge(self, schema, uid, seq, outcome, local, central: CentralSite) -> bool:
        """Write the merge with the fresh central row into the workspace, unless the officer
        edited the site since we read it (then False: read again)."""
        with gpkg.transaction(self.conn):
            if store.pending_seq(self.conn, schema.name, uid) != seq:
                return False
            if store.apply_merge(self.conn, schema, uid, outcome, local, central.row.get(UPDATED_AT)):
                self.result.layers[schema.name].pulled += 1
            store.set_central_version(self.conn, schema.name, uid, central.version)
            store.set_central_seen(self.conn, schema.name, uid, central.row.get(UPDATED_AT))
        return True

    # ------------------------------------------------------------ after the write

    def verify(self, schema: LayerSchema, uid: str, sent: Optional[Dict[str, Any]], seq: int, deleted=False) -> None:
        """Read the site back; settle its change-log entry only if the centre holds what was sent."""
        layer = schema.name
        after = self.read_central(schema, uid)
        summary = self.result.layers[layer]
        name = (sent or {}).get("name") or (after.row.get("name") if after else "") or ""
        if deleted:
            if after is not None and not after.deleted:
                self.result.warnings.append(
                    MessageText(
                        N_("{layer} {uid} ({name}): the server did not delete the site"),
                        layer=layer,
                        uid=uid,
                        name=name,
                    )
                )
                return
        elif after is None:
            raise ProtocolError(
                Message(N_("{layer} {uid}: the server does not hold the site after the push"), layer=layer, uid=uid)
            )
        elif after.deleted:
            # Not settled: the edit stays pending and the officer is told each sync.
            self.result.warnings.append(
                MessageText(
                    N_(
                        "{layer} {uid} ({name}): the server keeps the site deleted; ask the "
                        "central administrator to restore it"
                    ),
                    layer=layer,
                    uid=uid,
                    name=name,
                )
            )
            return
        else:
            lost = [f for f in differences(schema, sent, after.row) if f != UPDATED_AT]
            if lost:
                self.result.warnings.append(
                    MessageText(
                        N_(
                            "{layer} {uid} ({name}): the server did not store {values}; the change stays "
                            "in the workspace"
                        ),
                        layer=layer,
                        uid=uid,
                        name=name,
                        values=", ".join(f"{f}={sent.get(f)!r}" for f in lost),
                    )
                )
                return
        summary.pushed += 1
        with gpkg.transaction(self.conn):
            now = store.pending_seq(self.conn, layer, uid)
            if now == seq:
                store.settle(self.conn, layer, uid)
            elif now is not None and after is not None:
                store.set_base(self.conn, layer, uid, _plain(after.row))  # edited again meanwhile
            if after is not None:
                store.set_central_version(self.conn, layer, uid, after.version)

    def warn_unlocked(self) -> None:
        if self.unlocked_warned:
            return
        self.unlocked_warned = True
        self.result.warnings.append(
            MessageText(
                N_(
                    "the central server cannot refuse a stale write (its sites carry no version and it "
                    "sends no ETag), so local edits of existing sites were not sent: they could overwrite "
                    "a colleague's. Upgrade the central database (central/upgrade.py, see the README); "
                    "the edits stay in the workspace until then"
                )
            )
        )


def _plain(row: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in row.items() if not k.startswith("_")}
