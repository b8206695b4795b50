"""Large pulls from QGIS Server over PostGIS: keyset paging by time windows, and the fallback.

QGIS Server 3.22 reads and drops every feature before an offset, so deep offset pages grow
slow (see bench/bench_sync.py); the client pages by windows of updated_at instead. These run
it against the real server with spreads of updated_at an officer's central will have, and
check every site arrives. The properties over many more spreads: tests/unit/test_sync_paging_properties.py.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from faulty_proxy import FaultyProxy, rewrite
from reference_items_server import went_by_windows

from central.db import PostgresCentral
from central.servers import QgisServer
from paser_smartcity_plugin.core.schema import SERVICE_POINTS
from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize
from paser_smartcity_plugin.core.timestamps import parse as parse_datetime
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

N = 1500
PAGE = 100
SPREADS = {
    # one change a minute, rows stored in another order than their times
    "spread": "now() - interval '3 days' + ((i * 7919) % 1500) * interval '1 minute'",
    # three bulk loads, each of 500 rows within one second (more than a page per second)
    "bulk loads": "now() - interval '3 days' + (i % 3) * interval '5 hours' + (i % 10) * interval '0.1 second'",
}


@pytest.fixture
def generated(pg_server, tmp_path):
    """N generated central service points, served by a QGIS Server of their own (it caches
    feature counts, which the other tests' tables would make stale)."""
    cluster, shared = pg_server
    db = PostgresCentral(cluster.conninfo)

    def make(spread):
        db.generate_points(N, updated_at=SPREADS[spread])
        server = QgisServer(shared.project).start()
        return db, server

    servers = []
    yield lambda spread: servers.append(make(spread)) or servers[-1]
    for _, server in servers:
        server.stop()
    with db.conn.cursor() as cur:
        cur.execute("TRUNCATE service_points RESTART IDENTITY")


def central_uids(db):
    with db.conn.cursor() as cur:
        cur.execute("SELECT uid FROM service_points")
        return {r[0] for r in cur.fetchall()}


def local_uids(ws):
    with ws.read() as conn:
        return {r[0] for r in conn.execute("SELECT uid FROM service_points")}


def item_queries(proxy):
    """The pull's requests for service points (not the one-item check that the collection exists)."""
    queries = [
        dict(parse_qsl(urlsplit(p).query))
        for m, p in proxy.log
        if m == "GET" and "/collections/service_points/items" in p
    ]
    return [q for q in queries if q.get("limit") != "1"]


@pytest.mark.parametrize("spread", list(SPREADS))
def test_a_large_pull_goes_by_time_windows_and_misses_nothing(generated, tmp_path, spread):
    db, server = generated(spread)
    path = str(tmp_path / "officer.gpkg")
    create_workspace(path)
    ws = Workspace(path)
    with FaultyProxy(server.url) as proxy:
        with OgcApiClient(proxy.url, page_size=PAGE, retries=0) as client:
            result = synchronize(ws, client, push=False)
        assert went_by_windows(item_queries(proxy))
    assert local_uids(ws) == central_uids(db)
    assert len(local_uids(ws)) == N
    assert result.layers[SERVICE_POINTS].pulled == N
    queries = item_queries(proxy)
    for query in queries[1:]:
        assert "datetime" in query, query
        if "offset" in query:  # only inside a window of one second that holds more than a page
            start, end = query["datetime"].split("/")  # (or up to the first such second)
            assert spread == "bulk loads", query
            assert end != "..", query
            assert start == ".." or (parse_datetime(end) - parse_datetime(start)).total_seconds() == 1, query
    if spread == "spread":
        assert not any("offset" in q for q in queries)
        # about two windows a page: the 15 pages an offset pager asks for, and not many more
        assert len(queries) <= 3 * N / PAGE

    # 250 central changes among them: an incremental pull of more than a page
    with db.conn.cursor() as cur:
        cur.execute(
            "UPDATE service_points SET status = 'active' WHERE fid IN "
            "(SELECT fid FROM service_points ORDER BY random() LIMIT 250)"
        )
    with OgcApiClient(server.url, page_size=PAGE, retries=0) as client:
        again = synchronize(ws, client, push=False)
    assert again.layers[SERVICE_POINTS].pulled == 250
    with ws.read() as conn:
        assert conn.execute("SELECT count(*) FROM service_points WHERE status = 'active'").fetchone()[0] == 250


def test_a_server_whose_datetime_filter_is_ignored_is_paged_by_offsets(generated, tmp_path):
    """A server that does not filter by datetime (or on another time property) would make the
    windows skip sites; the client sees features outside its window and pages by offsets."""
    db, server = generated("spread")

    def without_datetime(method, path, n):
        parts = urlsplit(path)
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "datetime"]
        if "/items" in parts.path and len(query) != len(parse_qsl(parts.query)):
            return rewrite(f"{parts.path}?{urlencode(query)}")
        return None

    path = str(tmp_path / "officer.gpkg")
    create_workspace(path)
    ws = Workspace(path)
    with FaultyProxy(server.url, without_datetime) as proxy:
        with OgcApiClient(proxy.url, page_size=PAGE, retries=0) as client:
            synchronize(ws, client, push=False)
        assert not went_by_windows(item_queries(proxy))
    assert local_uids(ws) == central_uids(db)
    assert any("offset" in q for q in item_queries(proxy))
