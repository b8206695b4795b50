"""Paging a pull never loses a site, whatever the server and the spread of updated_at.

The client pages by time windows on updated_at (core/sync/client.py, _keyset) and falls back
to offsets; these properties run it against a loopback reference server (tests/support) in
the ways real servers differ. QGIS Server itself: tests/integration/test_sync_paging.py.
"""

import random
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference_items_server import QGIS, STANDARD, ReferenceItemsServer, went_by_windows

from paser_smartcity_plugin.core.sync import OgcApiClient, ProtocolError
from paser_smartcity_plugin.core.sync import client as client_module
from paser_smartcity_plugin.core.sync.client import _page_state
from paser_smartcity_plugin.core.sync.proof import DatetimeTrust

EPOCH = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)


def stamp(seconds: float) -> str:
    dt = EPOCH + timedelta(seconds=seconds)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


# Spreads of updated_at: even, bursts of bulk loads (many rows per second), long quiet spells.
spreads = st.one_of(
    st.lists(st.floats(0, 86400 * 30, allow_nan=False), max_size=400),
    st.lists(
        st.tuples(st.sampled_from([0, 7200, 86400, 86400 * 9]), st.floats(0, 3, allow_nan=False)), max_size=400
    ).map(lambda pairs: [a + b for a, b in pairs]),
    st.lists(st.integers(0, 40), max_size=400).map(lambda xs: [float(x) for x in xs]),
)


def pull(server, limit, since=None, **kw):
    """Every uid the client pages out of ``server``; a pull from ``since`` (an incremental pull)
    needs the datetime filter proven first, as the sync proves it (proof.py)."""
    params = {"limit": limit}
    trust = None
    with OgcApiClient(server.url, retries=0, page_size=limit, **kw) as client:
        if since is not None:
            params["datetime"] = f"{since}/.."
            trust = DatetimeTrust("service_points")
            known = [{"properties": {"uid": uid, "updated_at": text}} for uid, text, _ in server.rows if text]
            assert not known or trust.ensure(client, known), trust.problem
            if not known:
                params.pop("datetime")
        got = [
            f["properties"]["uid"] for page in client.iter_pages("service_points", params, trust=trust) for f in page
        ]
    return got, client


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seconds=spreads,
    limit=st.integers(5, 60),
    order=st.sampled_from(["time", "random", "reverse"]),
    style=st.sampled_from([STANDARD, QGIS]),
    cap=st.one_of(st.none(), st.integers(3, 40)),
    since=st.one_of(st.none(), st.floats(0, 86400 * 30, allow_nan=False)),
    seed=st.integers(0, 2**16),
    probe=st.integers(1, 60),
)
def test_every_selected_site_arrives(seconds, limit, order, style, cap, since, seed, probe):
    rows = [(f"uid-{i}", stamp(s)) for i, s in enumerate(seconds)]
    if order == "time":
        rows.sort(key=lambda r: r[1])
    elif order == "reverse":
        rows.sort(key=lambda r: r[1], reverse=True)
    else:
        random.Random(seed).shuffle(rows)
    start = None if since is None else stamp(since)[:19] + "Z"  # the client sends whole seconds
    expected = {uid for uid, text in rows if start is None or text >= start}
    saved = client_module.PROBE_LIMIT
    client_module.PROBE_LIMIT = probe  # (1 000 in use: a server's cap may lie either side of it)
    try:
        with ReferenceItemsServer(rows, max_limit=cap, next_style=style) as server:
            got, client = pull(server, limit, start)
    except ProtocolError as exc:
        # Offsets are always honoured here; only a window past the page limit within one
        # second may be refused — by QGIS Server, never by this server.
        raise AssertionError(f"refused: {exc}") from None
    finally:
        client_module.PROBE_LIMIT = saved
    assert expected <= set(got)
    assert set(got) <= {uid for uid, _ in rows}
    pages = max(1, len(expected) // min(limit, cap or limit))
    assert len(server.requests) <= 12 * pages + 80  # no runaway splitting


def test_a_small_pull_is_one_request():
    rows = [(f"uid-{i}", stamp(i * 60)) for i in range(30)]
    for style in (STANDARD, QGIS):
        with ReferenceItemsServer(rows, next_style=style) as server:
            got, client = pull(server, 100)
        assert sorted(got) == sorted(uid for uid, _ in rows)
        assert len(server.requests) == 1
        assert not went_by_windows(server.requests)


def test_large_pulls_go_by_time_windows_not_offsets():
    rows = [(f"uid-{i}", stamp(i * 3.7)) for i in range(2000)]
    random.Random(4).shuffle(rows)
    with ReferenceItemsServer(rows, next_style=QGIS) as server:
        got, client = pull(server, 100)
    assert set(got) == {uid for uid, _ in rows}
    assert went_by_windows(server.requests)
    assert all("offset" not in q for q in server.requests)
    assert all("datetime" in q for q in server.requests[1:])
    # half-page windows, a few resized: about 2 000 / 50 requests
    assert len(server.requests) < 2 * 2000 / 50


def test_a_server_that_ignores_datetime_is_paged_by_offsets():
    rows = [(f"uid-{i}", stamp(i * 3.7)) for i in range(500)]
    random.Random(5).shuffle(rows)
    with ReferenceItemsServer(rows, ignore_datetime=True) as server:
        got, client = pull(server, 50)
    assert set(got) == {uid for uid, _ in rows}
    assert not went_by_windows(server.requests)
    assert any("offset" in q for q in server.requests)


def test_a_capped_server_is_paged_by_its_own_page_size():
    rows = [(f"uid-{i}", stamp(i * 1.3)) for i in range(900)]
    with ReferenceItemsServer(rows, max_limit=40) as server:
        got, client = pull(server, 500)
    assert set(got) == {uid for uid, _ in rows}
    paging = [q for q in server.requests if "uid" not in q]  # (uid: the datetime proof)
    assert all(q.get("limit") == "40" for q in paging[2:])


def test_sites_without_updated_at_are_paged_by_offsets():
    rows = [(f"uid-{i}", stamp(i)) for i in range(300)]
    with ReferenceItemsServer(rows) as server:
        server.rows[7] = ("uid-7", None, None)
        got, client = pull(server, 50)
    assert set(got) == {uid for uid, _ in rows}
    assert not went_by_windows(server.requests)


@pytest.mark.parametrize(
    "count, query, link, state",
    [
        (10, {"limit": "10"}, None, "full"),
        (3, {"limit": "10"}, None, "complete"),
        (3, {"limit": "10"}, "http://x/items?offset=10&limit=10", "complete"),  # QGIS Server's whole-table count
        (3, {"limit": "10", "offset": "20"}, "http://x/items?offset=30&limit=10", "complete"),
        (3, {"limit": "10"}, "http://x/items?offset=3&limit=10", "capped"),  # the server pages by 3
        (3, {"limit": "10"}, "http://x/items?cursor=abc", "capped"),  # opaque: follow it
        (0, {"limit": "10"}, "http://x/items?offset=10", "complete"),
    ],
)
def test_page_state(count, query, link, state):
    assert _page_state(count, query, link) == state


def test_a_capped_server_with_whole_table_next_links(monkeypatch):
    """Capped below our page (but above the probe), and linking next pages as QGIS Server
    does: a short window whose next link skips the server's whole page is complete."""
    monkeypatch.setattr(client_module, "PROBE_LIMIT", 10)
    # a few early sites a day apart, then a busy stretch: the first windows hold few sites
    rows = [(f"uid-{i}", stamp(i * 86400.0 if i < 5 else 5 * 86400 + i * 7.0)) for i in range(600)]
    with ReferenceItemsServer(rows, max_limit=20, next_style=QGIS) as server:
        got, client = pull(server, 40)
    assert set(got) == {uid for uid, _ in rows}
    assert went_by_windows(server.requests)
    paging = [q for q in server.requests if "uid" not in q]  # (uid: the datetime proof)
    assert all(int(q["limit"]) <= 20 for q in paging[2:])  # (10 for probes after quiet spells)
    assert len(server.requests) < 4 * 600 / 10
