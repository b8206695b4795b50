"""The datetime proof: a server's ``datetime`` filter is trusted only once it is shown to select on updated_at.

An incremental pull asks ``datetime=<watermark − overlap>/..`` and keyset windows ask
``datetime=<a>/<b>``: both are only as good as the server's filter. A server that applies
``datetime`` to another column (one that filters on the *first* timestamp column of a table
picks ``surveyed_at`` or ``deleted_at`` of central/schema.sql), or ignores it, answers with an
empty or partial page that looks exactly like "nothing changed". So before a window is
trusted, this module proves, per collection, what the filter selects on.

**The proof** takes a reference site R the sync has just seen (uid, updated_at = t): a live site
whose other date-time properties are all empty or at least :data:`DISTINCT` away from t, so
that a filter on any other published column cannot select it by accident, in a second the
sample shows few other sites in. Two requests, both narrowed to R by its uid:

1. ``uid=R&datetime=<s−1 s>/<s+2 s>`` (s: t's whole second) must hold R, and nothing
   outside the window: a window that must contain a known site;
2. ``uid=R&datetime=<s+2 s>/..`` must not hold R: a window that must exclude it, in the
   open-ended form an incremental pull uses.

If R is missing from 1, one more request (``uid=R``) tells whether R simply changed meanwhile
(the proof is then made again with its new time, once) or the filter selects on another
column (refuted). A server that refuses the window, sends sites outside it, or sends R for a
window after t is refuted too; one that ignores the uid filter and has more than a page in R's
window leaves the proof inconclusive (not trusted).

**When.** The outcome is kept in the workspace's sync state per central and collection, with
the server's signature (its conformance classes and the items parameters its OpenAPI
document lists): a proof is made when none holds for this signature — once for a new central,
again when the server changes, and at every sync while the filter is refuted (two requests
next to a full comparison, so a server fixed by its administrator is trusted again at once).
Every answer is checked as well (pull.py, client.py): a windowed page with a site outside
its window, or an incremental pull that misses a site the last pull saw at or after the
watermark (the *anchors*: the window re-reads them because of the overlap), contradicts the
proof, which then no longer holds.

**Cost.** Two requests per collection when a proof is made (three when the reference
changed meanwhile), none otherwise.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Dict, Optional, Sequence

from .. import timestamps
from ..messages import N_, MessageText
from .errors import ProtocolError

PROOF_LIMIT = 100  # features asked for in a proof request (the uid filter makes it one)
DISTINCT = timedelta(seconds=3)  # another date-time property this close to updated_at could be the filtered one
_SECOND = timedelta(seconds=1)
_DATETIME_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
PROVEN, REFUTED, INCONCLUSIVE = "proven", "refuted", "inconclusive"


@dataclass(frozen=True)
class Reference:
    """A site the sync has seen, and its change time as the server sent it."""

    uid: str
    updated_at: str


@dataclass
class Verdict:
    outcome: str  # PROVEN, REFUTED or INCONCLUSIVE
    reason: Optional[MessageText]  # why not proven (None when proven)
    reference: Reference


def _props(feature: Any) -> Dict[str, Any]:
    return (feature.get("properties") or {}) if isinstance(feature, dict) else {}


def _time(value: Any):
    try:
        return timestamps.parse(value)
    except (TypeError, ValueError):
        return None


def pick_reference(features: Sequence[Any]) -> Optional[Reference]:
    """The best site of ``features`` to prove the filter with, or None when none has uid and updated_at.

    Preferred, in order: no other date-time property near its updated_at; not deleted (a
    filter on deleted_at would then never select it); few sites of the sample in its window
    (a server that ignores the uid filter still shows it); the newest.
    """
    seen = []
    for feature in features:
        props = _props(feature)
        moment = _time(props.get("updated_at"))
        if props.get("uid") and moment is not None:
            seen.append((moment, props))
    if not seen:
        return None
    times = sorted(m for m, _ in seen)
    best, best_key = None, None
    for moment, props in seen:
        others = [
            _time(v) for k, v in props.items() if k != "updated_at" and isinstance(v, str) and _DATETIME_TEXT.match(v)
        ]
        clash = any(o is not None and abs(o - moment) < DISTINCT for o in others)
        deleted = props.get("deleted_at") not in (None, "")
        second = moment.replace(microsecond=0)
        crowd = bisect_right(times, second + 2 * _SECOND) - bisect_left(times, second - _SECOND)
        key = (clash, deleted, min(crowd, PROOF_LIMIT // 2), -moment.timestamp())
        if best_key is None or key < best_key:
            best, best_key = Reference(str(props["uid"]), str(props["updated_at"])), key
    return best


def prove(client, collection: str, reference: Reference, extra: Optional[Dict[str, str]] = None) -> Verdict:
    """Prove (two or three requests) that ``collection``'s datetime filter selects on updated_at."""
    verdict = _prove_once(client, collection, reference, extra or {})
    if isinstance(verdict, Reference):  # the reference changed meanwhile: once more with its new time
        verdict = _prove_once(client, collection, verdict, extra or {})
        if isinstance(verdict, Reference):
            return Verdict(
                INCONCLUSIVE,
                MessageText(N_("site {uid} kept changing while it was checked"), uid=reference.uid),
                reference,
            )
    return verdict


def _window_text(lo, hi) -> str:
    return f"{'..' if lo is None else timestamps.format_seconds(lo)}/{'..' if hi is None else timestamps.format_seconds(hi)}"


def outside_window(features: Sequence[Any], lo, hi) -> Optional[Any]:
    """The first feature whose updated_at is missing or lies outside [lo, hi] (None: open; a
    second of rounding allowed each side), or None when all lie inside."""
    for feature in features:
        moment = _time(_props(feature).get("updated_at"))
        if moment is None or (lo is not None and moment < lo - _SECOND) or (hi is not None and moment >= hi + _SECOND):
            return feature
    return None


def stray_reason(window: str, feature: Any) -> MessageText:
    """What a feature outside its window says of the server's filter."""
    return MessageText(
        N_("for the window {window} it sent site {uid} changed at {time}"),
        window=window,
        uid=_props(feature).get("uid"),
        time=_props(feature).get("updated_at"),
    )


def _ask(client, collection: str, query: Dict[str, str]):
    """The features of one proof request; a refusal of the uid filter is retried without it."""
    query = dict(query, limit=str(max(1, min(int(query["limit"]), client.page_size))))  # (it may have shrunk)
    try:
        return client.items_page(collection, query)["features"], True
    except ProtocolError:
        if "uid" not in query or "datetime" not in query:
            raise
    return client.items_page(collection, {k: v for k, v in query.items() if k != "uid"})["features"], False


def _window(client, collection: str, base: Dict[str, str], ref: Reference, lo, hi):
    """(features, narrowed by uid, None) of the window [lo, hi], or (.., .., verdict) when the
    answer alone refutes the filter: the window refused, or a site outside it."""
    window = _window_text(lo, hi)
    try:
        features, narrowed = _ask(client, collection, dict(base, datetime=window))
    except ProtocolError as exc:
        refused = MessageText(N_("it refuses a datetime window ({problem})"), problem=exc)
        return [], False, Verdict(REFUTED, refused, ref)
    stray = outside_window([f for f in features if str(_props(f).get("uid")) != ref.uid], lo, hi)
    return features, narrowed, (None if stray is None else Verdict(REFUTED, stray_reason(window, stray), ref))


def _prove_once(client, collection: str, ref: Reference, extra: Dict[str, str]):
    moment = _time(ref.updated_at)
    if moment is None:
        return Verdict(INCONCLUSIVE, MessageText(N_("the reference site has no readable updated_at")), ref)
    second = moment.replace(microsecond=0)
    lo, hi = second - _SECOND, second + 2 * _SECOND
    limit = max(1, min(PROOF_LIMIT, client.page_size))
    base = dict(extra, uid=ref.uid, limit=str(limit))
    # 1. A window that must hold R.
    features, narrowed, refuted = _window(client, collection, base, ref, lo, hi)
    if refuted:
        return refuted
    mine = [f for f in features if str(_props(f).get("uid")) == ref.uid]
    if mine and outside_window(mine, lo, hi) is not None:
        return Reference(ref.uid, str(_props(mine[0]).get("updated_at")))  # changed meanwhile
    if not mine:
        if not narrowed and len(features) >= limit:
            return Verdict(
                INCONCLUSIVE,
                MessageText(
                    N_("it ignores the uid filter and holds too many sites around {time}"), time=ref.updated_at
                ),
                ref,
            )
        now = [f for f in _ask(client, collection, base)[0] if str(_props(f).get("uid")) == ref.uid]
        if now and _time(_props(now[0]).get("updated_at")) not in (None, moment):
            return Reference(ref.uid, str(_props(now[0]).get("updated_at")))  # changed meanwhile
        if not now:
            return Verdict(INCONCLUSIVE, MessageText(N_("site {uid} is no longer on the server"), uid=ref.uid), ref)
        return Verdict(
            REFUTED,
            MessageText(
                N_("site {uid}, changed at {time}, is missing from the window {window}"),
                uid=ref.uid,
                time=ref.updated_at,
                window=_window_text(lo, hi),
            ),
            ref,
        )
    # 2. A window that must exclude R, in the open-ended form of an incremental pull.
    after = second + 2 * _SECOND
    features, _, refuted = _window(client, collection, base, ref, after, None)
    if refuted:
        return refuted
    mine = [f for f in features if str(_props(f).get("uid")) == ref.uid]
    if mine:
        changed = _time(_props(mine[0]).get("updated_at"))
        if changed is not None and changed >= after - _SECOND:
            return Reference(ref.uid, str(_props(mine[0]).get("updated_at")))  # changed meanwhile
        return Verdict(REFUTED, stray_reason(_window_text(after, None), mine[0]), ref)
    return Verdict(PROVEN, None, ref)


class DatetimeTrust:
    """What one sync knows of one collection's datetime filter: the stored proof (``record``,
    JSON-ready) checked against the server's ``signature``, a proof made at most once a sync,
    and contradictions seen in answers."""

    def __init__(self, collection: str, signature: str = "", record: Optional[Dict[str, Any]] = None):
        self.collection = collection
        self.signature = signature
        self.record: Optional[Dict[str, Any]] = dict(record) if isinstance(record, dict) else None
        self.attempted = False  # a proof was made in this sync
        self.changed = False  # the record must be saved
        self.problem: Optional[MessageText] = None  # why the filter is not trusted, once known

    @property
    def holds(self) -> bool:
        record = self.record
        return bool(record and record.get("outcome") == PROVEN and record.get("signature") == self.signature)

    def stored_reference(self) -> Optional[Reference]:
        record = self.record or {}
        if record.get("uid") and record.get("updated_at"):
            return Reference(str(record["uid"]), str(record["updated_at"]))
        return None

    def ensure(self, client, features: Sequence[Any] = (), reference: Optional[Reference] = None) -> bool:
        """True when the filter is proven for this server; makes the proof (at most once a
        sync) with ``reference``, else the best site of ``features``, else the stored one."""
        if self.holds:
            return True
        if self.attempted:
            return False
        reference = reference or pick_reference(features) or self.stored_reference()
        if reference is None:
            return False
        self.attempted = True
        verdict = prove(client, self.collection, reference)
        record = {
            "outcome": verdict.outcome,
            "signature": self.signature,
            "uid": verdict.reference.uid,
            "updated_at": verdict.reference.updated_at,
            "reason": str(verdict.reason or ""),
        }
        if {k: v for k, v in (self.record or {}).items() if k != "checked_at"} != record:
            # (The same outcome again is not written: an idle sync writes nothing.)
            self.record = dict(record, checked_at=timestamps.now_iso())
            self.changed = True
        self.problem = verdict.reason
        return verdict.outcome == PROVEN

    def contradict(self, reason: MessageText) -> None:
        """An answer showed the filter does not select on updated_at (or skipped a site)."""
        self.record = dict(
            self.record or {},
            outcome=REFUTED,
            signature=self.signature,
            reason=str(reason),
            checked_at=timestamps.now_iso(),
        )
        self.changed = True
        self.problem = reason
