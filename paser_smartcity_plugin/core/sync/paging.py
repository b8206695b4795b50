"""The keyset pager's plan: which window of updated_at to ask for next, from what the last held.

Keyset paging on updated_at without sortby or counts: consecutive closed windows [a, b],
[b, c], … of whole seconds (neighbours share their edge second, whatever the server's
rounding), each sized to about half a page from what the previous window held. A window that
comes back full proves nothing and is asked again, smaller; the last window is open-ended and
is asked for once the data seems to end, so no count is ever needed. Through a quiet spell the
windows widen fast, and the one that ends it may reach deep into a burst (a bulk load), so
after an empty window the next is first asked for a probe's worth of features.

:class:`KeysetPlanner` holds that plan and nothing else — no HTTP: the client asks it for the
next window (:meth:`~KeysetPlanner.next_ask`), fetches it, and tells it what came back
(:meth:`~KeysetPlanner.answered`). Its named states:

- WIDENING: the last window was complete and held sites; the next is sized from their density;
- PROBING: the last window was empty; the next is asked for a probe (PROBE_LIMIT) first;
- NARROWING: the last window was full; it is asked again, cut where about half a page ends;
- OPEN_END: the data seems to end; the last window is open-ended;
- CROWDED_SECOND: more than a page within one second: that second is paged by offsets;
- FINISHED: the open-ended window came back complete.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import List, Optional, Sequence

from .. import timestamps

PROBE_LIMIT = 1000  # features in a probe: the first page of a pull, and after an empty window
SECOND = timedelta(seconds=1)
# What a page says about the rest of its query (see client._page_state).
COMPLETE, FULL, CAPPED = "complete", "full", "capped"
WIDENING, PROBING, NARROWING, OPEN_END, CROWDED_SECOND, FINISHED = (
    "widening",
    "probing",
    "narrowing",
    "open-end",
    "crowded-second",
    "finished",
)


@dataclass(frozen=True)
class Ask:
    """One request: the window [lo, hi] (None: open), at most ``limit`` features; ``offsets``:
    page this window by offsets (a crowded second) instead."""

    lo: Optional[datetime]
    hi: Optional[datetime]
    limit: int
    offsets: bool = False


def floor_second(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)


class KeysetPlanner:
    def __init__(self, limit: int, lo: Optional[datetime], sample: Sequence, hint: int):
        """``limit``: the page size; ``lo``: the selection's start (None: everything);
        ``sample``: the sorted updated_at of a first full page of the selection; ``hint``: the
        server's count (used only to size windows)."""
        self.limit = limit
        self.hint = hint
        first, self.newest = timestamps.parse(sample[0]), timestamps.parse(sample[-1])
        span = (self.newest - first).total_seconds()
        self.width = max(1.0, span * (limit // 2) / max(len(sample), hint))
        self.cursor = floor_second(lo) if lo is not None else None
        self.base = self.cursor if self.cursor is not None else floor_second(first)
        self.state = WIDENING
        self.received = 0
        self._hi: Optional[datetime] = None
        self._asked = limit

    @property
    def target(self) -> int:
        """About half a page: what a window is sized to hold."""
        return max(1, self.limit // 2)

    def next_ask(self) -> Optional[Ask]:
        if self.state == FINISHED:
            return None
        if self.state == CROWDED_SECOND:
            return Ask(self.cursor, self._hi, self.limit, offsets=True)
        if self.state == OPEN_END:
            hi = None
        else:
            try:
                hi = max(floor_second(self.base + timedelta(seconds=self.width)), self.base + SECOND)
            except OverflowError:  # past year 9999: whatever is left is the last window
                hi = None
        self._hi = hi
        self._asked = min(self.limit, PROBE_LIMIT) if self.state == PROBING and hi is not None else self.limit
        return Ask(self.cursor, hi, self._asked)

    def answered(self, times: List, page_state: str, server_page: Optional[int] = None) -> bool:
        """What the window held (its sorted updated_at) and its page state; ``server_page``: the
        server's own page size when the page was CAPPED. True: keep the window's features."""
        if page_state == CAPPED:
            # The server pages by fewer features than we ask: its page size is ours now.
            self.limit = server_page or len(times)
            if len(times) < self.limit:
                page_state = COMPLETE  # short of the server's own page: the whole window
        hi, base, target = self._hi, self.base, self.target
        if page_state == COMPLETE:
            self.received += len(times)
            if hi is None:
                self.state = FINISHED
                return True
            latest = timestamps.parse(times[-1]) if times else None
            # Past everything seen so far, and this window's data stopped short of its middle:
            # the data seems to end here, so the next window is open-ended.
            ends = hi > self.newest and (latest is None or latest < base + (hi - base) / 2)
            if latest is not None and latest > self.newest:
                self.newest = latest
            # Sized by the density where this window's data lies: a burst after a quiet spell
            # would otherwise look sparse, and the next window overflow.
            start = base
            if len(times) >= max(8, target // 8):
                start = max(base, floor_second(timestamps.parse(times[0])))
            self.width = max(1.0, (hi - start).total_seconds()) * (min(4.0, target / len(times)) if times else 4.0)
            self.cursor = self.base = hi
            self.state = OPEN_END if ends else (WIDENING if times else PROBING)
            return True
        # Full: more than a page in this window. Its features say where about half a page ends.
        latest = timestamps.parse(times[-1])
        if latest > self.newest:
            self.newest = latest
        if hi is None:
            self.width = max(1.0, (timestamps.parse(times[target - 1]) - base).total_seconds())
            self.state = NARROWING
            return False
        if hi - base <= SECOND:
            self.state = CROWDED_SECOND
            return False
        if self.cursor is None:
            base = self.base = min(base, floor_second(timestamps.parse(times[0])))  # more before the sample
        if self._asked < self.limit:
            # A full probe: a sample of a window that holds at most what the server's count
            # says is left (a hint; without one, as much as the sample): cut where about half
            # a page of it should lie.
            share = target / max(len(times), self.hint - self.received)
            at = max(1, min(len(times), round(len(times) * share)))
            cut = max(floor_second(timestamps.parse(times[at - 1])), base + SECOND)
        else:
            cut = floor_second(timestamps.parse(times[target - 1]))
        cut = min(cut, hi - SECOND)
        self.width = max(1.0, (cut - base).total_seconds())
        self.state = NARROWING
        return False

    def server_limit(self, limit: int) -> None:
        """The server refuses pages above ``limit`` (a 4xx that named it): that is the page size now."""
        self.limit = max(1, min(self.limit, limit))
        self._asked = min(self._asked, self.limit)

    def second_paged(self) -> None:
        """The crowded second was paged by offsets: go on after it."""
        self.cursor = self.base = self._hi
        self.state = WIDENING
