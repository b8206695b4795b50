"""One sync: pull what changed centrally, merge it with local edits per field, push local work.

1. Pull (pull.py): everything changed centrally since the clock-safe watermark, staged outside
   the workspace, then merged and applied in ONE transaction: central-only changes apply,
   local-only changes stay (and are pushed), the same field changed differently on both sides
   becomes a conflict (kept in ``paser_conflicts`` with base, mine and theirs until the
   officer resolves it), a site deleted on one side and edited on the other is a conflict too.
2. Push (push.py), when the server supports OGC API – Features Part 4 and the officer asked
   for it: site by site, each written only over the central version it was merged with (the
   central refuses anything else), merged again and retried when a colleague wrote first.

Before both: the workspace is cleaned of any central URL with credentials an earlier release
kept (core/central_url.py), the server's two collections are found (discovery.py) and its page size
limit read; the collection ids go into the result and the history.

Several officers can run it against one central at the same time: no edit is overwritten
without being merged, and the same field changed by two officers is a conflict for the one
who came second (tests/integration/test_team_sync.py).
"""

import sqlite3
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

from .. import gpkg
from ..central_url import forget_credentials
from ..messages import N_, MessageError, MessageText
from ..schema import LAYER_NAMES
from ..workspace import Workspace
from . import history, store
from .client import OgcApiClient
from .discovery import find_collections
from .errors import SyncCancelled, SyncError
from .pull import pull, remembered_collections
from .push import push as push_changes

DEFAULT_OVERLAP_S = 30.0

Progress = Callable[[Optional[float], str], None]  # fraction (None: unchanged), text


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
    central: str = ""  # the central's URL as the workspace keys it (no credentials)
    collections: Dict[str, str] = field(default_factory=dict)  # layer -> the server's collection id

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
            "central": self.central,
            "collections": self.collections,
        }


def synchronize(
    workspace: Workspace,
    client: OgcApiClient,
    push: bool = True,
    progress: Optional[Progress] = None,
    overlap_s: float = DEFAULT_OVERLAP_S,
    full: bool = False,
    collections: Optional[Dict[str, str]] = None,
) -> SyncResult:
    """Run one sync; returns the summary or raises SyncError (the workspace stays consistent).

    ``full``: re-check every site, not only what changed since the last sync (the officer's
    "full re-check"; also what the sync does by itself when the server's clock went back).
    ``collections``: layer -> the server's collection id the officer named (the others are
    found, discovery.py)."""
    progress = progress or (lambda fraction, text: None)
    result = SyncResult(central=client.url)
    _forget_credentials(workspace)
    history_id = history.start(workspace, client.url)
    client.on_retry = lambda text: progress(None, text)  # the text only: the fraction stays
    try:
        progress(0.0, MessageText(N_("checking the server")))
        caps = client.capabilities()
        with workspace.read() as conn:
            remembered = remembered_collections(conn, client.url)
        found = find_collections(client, collections, remembered)
        client.collection_ids = dict(found.ids)
        result.collections = dict(found.ids)
        for collection in found.ids.values():
            advertised = client.advertised_limit(collection)
            if advertised:
                client.page_size = min(client.page_size, advertised)  # the server's maximum page
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
        pull(workspace, client, result, progress, overlap_s, full=full, has_sites=found.has_sites)
        if push and not result.pull_only:
            push_changes(workspace, client, result, progress)
        with workspace.read() as conn:
            for layer in LAYER_NAMES:
                result.layers[layer].conflicts = store.open_conflict_count(conn, layer)
        progress(1.0, MessageText(N_("done")))
    except SyncCancelled as exc:
        history.end(workspace, history_id, "cancelled", result, exc)
        raise
    except SyncError as exc:
        history.end(workspace, history_id, "failed", result, exc)
        raise
    except BaseException as exc:
        history.end(workspace, history_id, "failed", result, f"{type(exc).__name__}: {exc}")
        raise
    history.end(workspace, history_id, "ok", result, MessageError(*result.warnings))
    return result


def _forget_credentials(workspace: Workspace) -> None:
    """Clean what an earlier release kept of URLs with credentials, in one transaction with
    secure_delete on; when there was something to clean, the file is then vacuumed, so that no
    copy of the old text is left in its free pages (an upgrade may have deleted some before)."""
    conn = workspace.connect()
    try:
        conn.execute("PRAGMA secure_delete = ON")
        with gpkg.transaction(conn):
            cleaned = forget_credentials(conn)
        if any(cleaned.values()):
            try:
                conn.execute("VACUUM")
            except sqlite3.Error:
                pass  # (busy: the cleaned rows are gone all the same, only free pages may keep a copy)
    finally:
        conn.close()
