"""Each fault ends with a clear message and leaves the workspace exactly as it was.

A loopback proxy misbehaves on purpose in front of a real qgis_mapserver (embedded central).
"""

import json

import pytest
from faulty_proxy import DROP, DROP_AFTER_FORWARD, TRUNCATE, FaultyProxy, replace_body, sleep, status
from sync_support import seeded_embedded_central, table_dump

from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.sync import (
    AuthError,
    OgcApiClient,
    ProtocolError,
    ServerError,
    SyncCancelled,
    synchronize,
)
from paser_smartcity_plugin.core.sync.history import history
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

TOWER = demo_uid("tower", "64.01.08.2008")


@pytest.fixture(scope="module")
def server(qgis_app, tmp_path_factory):
    with seeded_embedded_central(tmp_path_factory.mktemp("fault-central")) as central:
        yield central


@pytest.fixture
def ws(server, tmp_path):
    """A workspace synced once, with a local edit pending and a central change waiting."""
    srv, db = server
    path = str(tmp_path / "ws.gpkg")
    create_workspace(path)
    workspace = Workspace(path)
    with OgcApiClient(srv.url) as client:
        synchronize(workspace, client, overlap_s=1)
    workspace.note = f"checked on site ({tmp_path.name})"
    workspace.update_site(TOWER_PLANS, TOWER, {"notes": workspace.note})
    db.update(SERVICE_POINTS, demo_uid("kantor_desa", "64.01.06.2012"), {"notes": f"central {tmp_path.name}"})
    return workspace


def run(ws, url, **kw):
    options = dict(timeout=5, retries=2, backoff=0.01)
    options.update(kw)
    with OgcApiClient(url, **options) as client:
        return synchronize(ws, client, overlap_s=1)


def items(path):
    return "/items" in path and "uid=" not in path


def assert_fails_cleanly(ws, proxy_fault, error, match, server, **kw):
    srv, _ = server
    before = table_dump(ws)
    with FaultyProxy(srv.url, proxy_fault) as proxy:
        with pytest.raises(error, match=match) as info:
            run(ws, proxy.url, **kw)
    assert table_dump(ws) == before
    assert history(ws)[0]["outcome"] == "failed"
    assert history(ws)[0]["message"] == str(info.value)
    return proxy, info.value


def test_timeout_is_reported_and_nothing_applied(ws, server):
    assert_fails_cleanly(
        ws,
        lambda m, p, n: sleep(2) if items(p) else None,
        ServerError,
        # The timeout is the whole wait, retries included: the first try used it up.
        r"no answer from 127\.0\.0\.1:\d+ within 0\.5 s \(tried 1 time\)",
        server,
        timeout=0.5,
        retries=1,
    )


def test_5xx_is_retried_a_bounded_number_of_times(ws, server):
    proxy, _ = assert_fails_cleanly(
        ws,
        lambda m, p, n: status(503, b"busy", "text/plain") if items(p) else None,
        ServerError,
        r"HTTP 503 .*tried 3 times",
        server,
        retries=2,
    )
    assert proxy.requests_to("GET", "/items") == 3


def test_5xx_then_success_recovers(ws, server):
    srv, _ = server
    with FaultyProxy(srv.url, lambda m, p, n: status(502) if items(p) and n == 1 else None) as proxy:
        result = run(ws, proxy.url, retries=2)
    assert result.pulled == 1
    assert result.pushed == 1


@pytest.mark.parametrize("code", [401, 403])
def test_401_403_name_the_auth_configuration(ws, server, code):
    _, error = assert_fails_cleanly(
        ws,
        lambda m, p, n: status(code) if items(p) else None,
        AuthError,
        f"HTTP {code}",
        server,
        auth_label="'Paser central' (id x7k2p9q)",
    )
    assert "'Paser central' (id x7k2p9q)" in str(error)
    assert "Bearer" not in str(error)
    assert "password" not in str(error).lower()


def test_malformed_json(ws, server):
    assert_fails_cleanly(
        ws,
        lambda m, p, n: replace_body(b'{"type": "FeatureCollection", "features": [{"ty') if items(p) else None,
        ProtocolError,
        "malformed or truncated JSON",
        server,
    )


def test_truncated_answer(ws, server):
    assert_fails_cleanly(ws, lambda m, p, n: TRUNCATE if items(p) else None, ServerError, "cut off", server)


def test_html_error_page(ws, server):
    page = b"<!DOCTYPE html><html><body><h1>Proxy login</h1></body></html>"
    assert_fails_cleanly(
        ws, lambda m, p, n: replace_body(page, "text/html") if items(p) else None, ProtocolError, "HTML page", server
    )


def test_fault_on_a_later_page_applies_nothing(ws, server):
    # pages of 50: after the existence check, the first page and a window, the connection
    # drops for good (the datetime proof's one-site requests, by uid, are not counted)
    pages = []

    def fault(method, path, n):
        if items(path) and "service_points" in path:
            pages.append(path)
            return DROP if len(pages) >= 4 else None
        return None

    assert_fails_cleanly(ws, fault, ServerError, "dropped the connection", server, page_size=50, retries=1)
    assert len(pages) == 5  # the 4th, tried twice


def test_invalid_feature_from_the_server_is_named(ws, server):
    bad = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "1",
                "geometry": None,
                "properties": {
                    "uid": TOWER,
                    "name": "x",
                    "status": "bogus",
                    "desa_code": "64.01.08.2008",
                    "coord_status": "pending",
                    "updated_at": "2030-01-01T00:00:00Z",
                },
            }
        ],
    }
    assert_fails_cleanly(
        ws,
        lambda m, p, n: (
            replace_body(json.dumps(bad).encode(), "application/geo+json") if items(p) and "tower_plans" in p else None
        ),
        ProtocolError,
        f"central site {TOWER}: Status must be one of: Coordinates pending .*\\(not “bogus”\\)",
        server,
    )


def test_server_without_part4_is_pull_only(ws, server):
    srv, db = server

    def no_part4(method, path, n):
        if path.startswith("/wfs3/api"):
            return status(404, b"[]")
        if method != "GET":
            raise AssertionError(f"a pull-only sync sent {method} {path}")
        return None

    with FaultyProxy(srv.url, no_part4) as proxy:
        result = run(ws, proxy.url)
    assert result.pull_only
    assert result.pushed == 0
    assert result.pulled == 1
    assert "Part 4" in result.warnings[0]
    assert "pulled only" in result.warnings[0]
    assert db.row(TOWER_PLANS, TOWER)["notes"] != ws.note
    assert ws.site(TOWER_PLANS, TOWER)["notes"] == ws.note  # still waiting to be pushed
    assert run(ws, srv.url).pushed == 1  # and pushed once the server accepts edits
    assert db.row(TOWER_PLANS, TOWER)["notes"] == ws.note


def test_cancel_leaves_the_workspace_unchanged(ws, server):
    srv, _ = server
    before = table_dump(ws)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 6  # somewhere in the pull

    with pytest.raises(SyncCancelled):
        run(ws, srv.url, is_cancelled=cancelled, page_size=50)
    assert table_dump(ws) == before
    assert history(ws)[0]["outcome"] == "cancelled"
    assert run(ws, srv.url).pulled == 1  # the next sync finishes the job


def test_retry_after_a_dropped_connection_makes_no_duplicate(ws, server):
    srv, db = server
    (uid,) = ws.insert_sites(
        SERVICE_POINTS,
        [
            {
                "name": "Puskesmas Pembantu Belimbing",
                "category": "puskesmas",
                "desa_code": "64.01.06.2012",
                "status": "planned",
                "coord_status": "surveyed",
                GEOMETRY: (116.1811, -1.4311),
            }
        ],
    )
    # The server creates the site, but the answer to the POST never reaches us.
    with FaultyProxy(srv.url, lambda m, p, n: DROP_AFTER_FORWARD if m == "POST" else None) as proxy:
        with pytest.raises(ServerError, match="dropped the connection"):
            run(ws, proxy.url)
        assert proxy.requests_to("POST", "/items") == 1  # a POST is never re-sent blindly
    assert db.count(SERVICE_POINTS, uid) == 1
    result = run(ws, srv.url)  # the retry
    assert db.count(SERVICE_POINTS, uid) == 1
    assert result.conflicts == 0
    with ws.read() as conn:
        assert conn.execute("SELECT count(*) FROM paser_changes WHERE uid = ?", (uid,)).fetchone()[0] == 0


def test_tls_is_verified(ws, tmp_path):
    """A server whose certificate no CA vouches for is refused, with a message saying so."""
    import ssl
    import subprocess
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from central.servers import free_port

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = b'{"conformsTo": []}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert), str(key))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    before = table_dump(ws)
    try:
        with pytest.raises(ServerError, match=r"127\.0\.0\.1:\d+ was refused: the server's certificate is self-signed"):
            run(ws, f"https://127.0.0.1:{port}/wfs3")
    finally:
        server.shutdown()
        server.server_close()
    assert table_dump(ws) == before
