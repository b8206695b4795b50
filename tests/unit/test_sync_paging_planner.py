"""The keyset pager's plan on its own (core/sync/paging.py): windows asked for, named states,
from what each answer held — no HTTP."""

from datetime import datetime, timedelta, timezone

from paser_smartcity_plugin.core.sync.paging import (
    COMPLETE,
    CROWDED_SECOND,
    FINISHED,
    FULL,
    NARROWING,
    OPEN_END,
    PROBE_LIMIT,
    PROBING,
    WIDENING,
    KeysetPlanner,
)

T0 = datetime(2026, 11, 1, tzinfo=timezone.utc)


def at(seconds):
    return (T0 + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def test_windows_follow_each_other_and_end_open():
    # A sample of 1 000 sites one second apart; pages of 10 000: a window of half a page, 4 995 s.
    planner = KeysetPlanner(10000, None, [at(i) for i in range(1000)], 0)
    first = planner.next_ask()
    assert (first.lo, first.hi, first.limit) == (None, T0 + timedelta(seconds=4995), 10000)
    assert planner.answered([at(i) for i in range(1000)], COMPLETE)
    assert planner.state == OPEN_END  # past the newest seen, and the data stopped early: the end is near
    last = planner.next_ask()
    assert (last.lo, last.hi) == (first.hi, None)
    assert planner.answered([], COMPLETE)
    assert planner.state == FINISHED
    assert planner.next_ask() is None
    assert planner.received == 1000


def test_a_full_window_is_asked_again_smaller():
    planner = KeysetPlanner(100, None, [at(i) for i in range(100)], 0)
    ask = planner.next_ask()  # ~50 s
    assert not planner.answered([at(i / 10) for i in range(100)], FULL)  # 100 sites in 10 s: too many
    assert planner.state == NARROWING
    again = planner.next_ask()
    assert again.lo == ask.lo
    assert again.hi < ask.hi
    assert again.hi <= T0 + timedelta(seconds=5)


def test_after_an_empty_window_a_probe_is_asked():
    # Dense, then one site far later: the first window ends long before it, and is empty.
    planner = KeysetPlanner(10000, T0, [at(i) for i in range(10000)] + [at(10**7)], 0)
    planner.next_ask()
    assert planner.answered([], COMPLETE)
    assert planner.state == PROBING
    assert planner.next_ask().limit == PROBE_LIMIT
    assert planner.answered([at(6 * 10**6 + i) for i in range(10)], COMPLETE)
    assert planner.state != PROBING
    assert planner.next_ask().limit == 10000


def test_more_than_a_page_in_one_second_is_paged_by_offsets():
    planner = KeysetPlanner(10, T0, [at(0)] * 10, 0)
    ask = planner.next_ask()
    assert ask.hi - ask.lo == timedelta(seconds=1)
    assert not planner.answered([at(0)] * 10, FULL)
    assert planner.state == CROWDED_SECOND
    crowded = planner.next_ask()
    assert crowded.offsets
    assert (crowded.lo, crowded.hi) == (ask.lo, ask.hi)
    planner.second_paged()
    assert planner.state == WIDENING
    assert planner.next_ask().lo == ask.hi


def test_a_capping_server_sets_the_page_size():
    planner = KeysetPlanner(10000, None, [at(i) for i in range(1000)], 0)
    planner.next_ask()
    assert planner.answered([at(i) for i in range(200)], "capped", server_page=500)
    assert planner.limit == 500  # 200 < 500: that window was complete
    assert planner.next_ask().limit == 500
