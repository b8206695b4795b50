"""Pull: everything changed centrally since the watermark, merged into the workspace at once.

1. Per layer, the sites changed since the watermark (``datetime=<watermark - overlap>/..`` on
   ``updated_at``) are staged in a temporary table outside the workspace, de-duplicated by
   uid (the higher central version wins; updated_at when the server has no versions). A
   cancel or a failure here leaves the workspace untouched.
2. Both layers are applied in ONE transaction, as the sync's own writes (no change-log
   entries): a site not touched here takes the central row; a site edited here is merged
   (merge.merge) and recorded (store.apply_merge). The central versions of every staged site
   and the new watermarks commit with it.

The watermark is clock-safe. It never moves past the server's own "now" (its HTTP ``Date``,
else the ``timeStamp`` of its answers, else this computer's clock) minus the overlap, so a
site stamped in the server's future is pulled and reported but never pushes the watermark
ahead of real time; and when the server's time is earlier than the watermark (its clock was
set back), the sync says so and re-checks every site (a full pull, merged idempotently). The
officer can ask for that full re-check too.
"""

from datetime import timedelta
from typing import Any, Callable, Dict, List, Optional

from .. import changelog, gpkg, timestamps
from ..messages import N_, MessageText
from ..rows import GEOMETRY
from ..schema import GEOMETRY_COLUMN, LAYER_NAMES, LayerSchema, layer_schema
from ..workspace import Workspace
from . import store
from .client import OgcApiClient
from .features import UPDATED_AT, differences, feature_to_row, merge_fields
from .merge import merge
from .values import canonical_point, datetime_filter_start

Progress = Callable[[float, str], None]
# A change stamped this far past the server's "now" is in its future (the HTTP Date has whole
# seconds; a timeStamp may be rounded).
FUTURE_TOLERANCE = timedelta(seconds=60)
_CLOCK_SLACK = timedelta(seconds=2)
_FIXED = ("uid", "deleted", "geom", "version")  # the stage's first columns


def watermark_key(url: str, layer: str) -> str:
    return f"watermark|{url.rstrip('/')}|{layer}"


def pull(
    workspace: Workspace,
    client: OgcApiClient,
    result,
    progress: Progress,
    overlap_s: float,
    full: bool = False,
) -> None:
    """Pull and apply both layers into ``result`` (run.SyncResult); ``full`` re-checks every site."""
    # The stage lives in SQLite's temp store: pages go to disk as they arrive, so memory stays
    # flat however many features come, and the workspace is not locked while we download.
    conn = workspace.connect()
    try:
        conn.execute("PRAGMA temp_store = FILE")
        watermarks = {}
        for index, layer in enumerate(LAYER_NAMES):
            schema = layer_schema(layer)
            stage = f"temp.stage_{layer}"
            names = [n for n in schema.field_names if n != "uid"]
            columns = list(_FIXED) + names
            # Each staged site: the key, its central version and its canonical values, which are
            # also SQL-ready (so new sites go in with one INSERT .. SELECT).
            conn.execute(
                f"CREATE TABLE {stage} (uid TEXT PRIMARY KEY, deleted INTEGER NOT NULL, geom BLOB, version INTEGER, "
                + ", ".join(f'"{n}"' for n in names)
                + ")"
            )
            stage_sql = (
                f"INSERT INTO {stage} ({', '.join(chr(34) + c + chr(34) for c in columns)}) VALUES ("
                + ", ".join("?" * len(columns))
                + ") ON CONFLICT (uid) DO UPDATE SET "
                + ", ".join(f'"{c}" = excluded."{c}"' for c in columns[1:])
                # The newer central version wins; by time only where the server has no versions
                # (a clock set back stamps a newer version earlier).
                + " WHERE coalesce(excluded.version > version, excluded.updated_at > updated_at)"
            )
            watermark = changelog.state(conn, watermark_key(client.url, layer))
            server_now = client.server_now()
            if watermark and server_now is not None and server_now + _CLOCK_SLACK < timestamps.parse(watermark):
                result.warnings.append(
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
                watermark = None
            if full:
                watermark = None
            params = {"datetime": f"{datetime_filter_start(watermark, overlap_s)}/.."} if watermark else {}
            summary = result.layers[layer]

            def convert(page, schema=schema, columns=columns):
                # In the fetching thread: features become compact stage rows, the JSON is freed.
                return [_stage_values(feature_to_row(schema, f, workspace.gazetteer), columns) for f in page]

            for rows in client.iter_pages(layer, params, prefetch=True, transform=convert):
                summary.received += len(rows)
                conn.execute("BEGIN")
                conn.executemany(stage_sql, rows)
                conn.execute("COMMIT")
                progress(
                    0.05 + 0.45 * (index + 0.5) / len(LAYER_NAMES),
                    MessageText(N_("pulling {layer}… {count} sites received"), layer=layer, count=summary.received),
                )
                del rows  # before the next page arrives: memory stays at two pages
            watermarks[layer] = _new_watermark(conn, stage, layer, watermark, server_now, overlap_s, result)
        progress(0.5, MessageText(N_("applying central changes")))
        client._check_cancel()
        with gpkg.transaction(conn), changelog.applying(conn):
            for layer in LAYER_NAMES:
                _apply_layer(conn, layer_schema(layer), f"temp.stage_{layer}", result.layers[layer], workspace)
                if watermarks[layer]:
                    changelog.set_state(conn, watermark_key(client.url, layer), watermarks[layer])
    finally:
        conn.close()


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
