"""A central whose clock is wrong: nothing is lost, and the officer is told (issue 10).

The central's clock is played by stamping updated_at directly (central.db.update_stamped) and,
for "set back", by a proxy whose HTTP Date is 10 minutes behind as well.
"""

from faulty_proxy import FaultyProxy

from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize

TOWER = demo_uid("tower", "64.01.08.2008")
OFFICE = demo_uid("kantor_desa", "64.01.06.2012")
FIRST = demo_uid("kantor_desa", "64.01.01.2009")  # the first site seeded: never among the newest


def sync(ws, url, **kw):
    with OgcApiClient(url, timeout=30, retries=1, backoff=0.05) as client:
        return synchronize(ws, client, overlap_s=5, **kw)


def test_central_clock_set_back_ten_minutes(central, empty_ws):
    with FaultyProxy(central.url) as proxy:
        sync(empty_ws, proxy.url)
        empty_ws.update_site(SERVICE_POINTS, OFFICE, {"status": "active"})  # local work meanwhile
        proxy.clock_offset_s = -600
        central.db.update_stamped(TOWER_PLANS, TOWER, {"notes": "stamped by a clock 10 minutes slow"}, -600)
        result = sync(empty_ws, proxy.url)
        assert any("clock" in w and "set back" in w for w in result.warnings), result.warnings
        assert empty_ws.site(TOWER_PLANS, TOWER)["notes"] == "stamped by a clock 10 minutes slow"
        assert central.db.row(SERVICE_POINTS, OFFICE)["status"] == "active"
        # The next syncs on the slow clock go on (what was stamped before the clock went back
        # lies in its future until it catches up: checked again each time, and reported).
        central.db.update_stamped(TOWER_PLANS, TOWER, {"notes": "still slow"}, -590)
        again = sync(empty_ws, proxy.url)
        assert again.layers[TOWER_PLANS].pulled == 1
        assert not any("set back" in w for w in again.warnings)
        assert empty_ws.site(TOWER_PLANS, TOWER)["notes"] == "still slow"


def test_one_edit_a_day_in_the_future_then_corrected(central, empty_ws):
    sync(empty_ws, central.url)
    central.db.update_stamped(SERVICE_POINTS, OFFICE, {"notes": "stamped tomorrow"}, 86400)
    first = sync(empty_ws, central.url)
    assert empty_ws.site(SERVICE_POINTS, OFFICE)["notes"] == "stamped tomorrow"
    assert any("future" in w for w in first.warnings), first.warnings
    # The watermark did not jump to tomorrow: an ordinary central change still arrives.
    central.db.update(TOWER_PLANS, TOWER, {"notes": "an ordinary change"})
    second = sync(empty_ws, central.url)
    assert empty_ws.site(TOWER_PLANS, TOWER)["notes"] == "an ordinary change"
    assert second.layers[TOWER_PLANS].pulled == 1
    # Corrected: the clock is right again and the site is edited once more.
    central.db.update(SERVICE_POINTS, OFFICE, {"notes": "corrected"})
    third = sync(empty_ws, central.url)
    assert empty_ws.site(SERVICE_POINTS, OFFICE)["notes"] == "corrected"
    assert third.warnings == []
    assert sync(empty_ws, central.url).pulled == 0


def test_full_recheck_pulls_what_a_watermark_would_skip(central, empty_ws):
    """The officer's full re-check: a change stamped before the watermark (clock trouble the
    sync could not see) arrives. (On a site the last sync saw at its watermark the sync sees it
    by itself: test_a_change_time_set_back_at_the_watermark_is_seen.)"""
    sync(empty_ws, central.url)
    central.db.update_stamped(SERVICE_POINTS, FIRST, {"notes": "stamped an hour ago"}, -3600)
    sync(empty_ws, central.url)
    assert empty_ws.site(SERVICE_POINTS, FIRST)["notes"] != "stamped an hour ago"  # skipped by the watermark
    result = sync(empty_ws, central.url, full=True)
    assert empty_ws.site(SERVICE_POINTS, FIRST)["notes"] == "stamped an hour ago"
    assert result.layers[SERVICE_POINTS].pulled == 1
    assert result.layers[TOWER_PLANS].pulled == 0


def test_a_change_time_set_back_at_the_watermark_is_seen(central, empty_ws):
    """The newest sites of the last pull must come back in the next window (the overlap): one
    that comes back stamped before it shows the central's clock went back — every site is
    checked again and the officer told, without blaming the server's datetime filter."""
    sync(empty_ws, central.url)
    central.db.update_stamped(TOWER_PLANS, TOWER, {"notes": "stamped an hour ago"}, -3600)
    result = sync(empty_ws, central.url)
    assert empty_ws.site(TOWER_PLANS, TOWER)["notes"] == "stamped an hour ago"
    assert result.layers[TOWER_PLANS].pulled == 1
    assert any("set it back" in w and TOWER in w for w in result.warnings), result.warnings
    assert not any("datetime" in w for w in result.warnings)
