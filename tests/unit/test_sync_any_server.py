"""Issue 15 in pieces, without QGIS: the central's key and credentials, collection matching,
page limits from errors and OpenAPI, and the datetime proof against a loopback server.
The whole sync against emulated servers in front of the real centrals: tests/integration/test_any_server.py."""

import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
import requests
from reference_items_server import ReferenceItemsServer

from paser_smartcity_plugin.core import changelog
from paser_smartcity_plugin.core.central_url import central_key, forget_credentials, has_credentials, redact
from paser_smartcity_plugin.core.sync import OgcApiClient, SyncError
from paser_smartcity_plugin.core.sync.client import CollectionInfo, _smaller_limit
from paser_smartcity_plugin.core.sync.discovery import matches
from paser_smartcity_plugin.core.sync.paging import KeysetPlanner
from paser_smartcity_plugin.core.sync.proof import (
    INCONCLUSIVE,
    PROVEN,
    REFUTED,
    DatetimeTrust,
    Reference,
    pick_reference,
    prove,
)
from paser_smartcity_plugin.core.workspace import create_workspace

EPOCH = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
SECRET = "rahasia-Paser!"


def stamp(seconds: float) -> str:
    moment = EPOCH + timedelta(seconds=seconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


# ---------------------------------------------------------------- the central's key, no credentials


@pytest.mark.parametrize(
    "url, key",
    [
        ("https://gis.paserkab.go.id/wfs3", "https://gis.paserkab.go.id/wfs3"),
        ("https://gis.paserkab.go.id/wfs3/", "https://gis.paserkab.go.id/wfs3"),
        ("HTTPS://GIS.Paserkab.go.id:443/wfs3//", "https://gis.paserkab.go.id/wfs3"),
        ("http://127.0.0.1:80/wfs3", "http://127.0.0.1/wfs3"),
        ("http://127.0.0.1:8765/wfs3", "http://127.0.0.1:8765/wfs3"),
        (f"http://petugas:{SECRET}@127.0.0.1:8765/wfs3/", "http://127.0.0.1:8765/wfs3"),
        ("http://petugas:p@ss@127.0.0.1:8765/wfs3", "http://127.0.0.1:8765/wfs3"),  # an "@" typed in a password
        ("https://[::1]:443/wfs3", "https://[::1]/wfs3"),
        ("https://gis.paserkab.go.id/Wfs3/", "https://gis.paserkab.go.id/Wfs3"),  # a path keeps its case
    ],
)
def test_a_central_is_keyed_by_its_normalised_url_without_credentials(url, key):
    assert central_key(url) == key
    assert has_credentials(url) == ("@" in url)


def test_the_client_refuses_a_url_with_credentials_and_never_repeats_them():
    with pytest.raises(SyncError) as refused:
        OgcApiClient(f"http://petugas:{SECRET}@127.0.0.1:8765/wfs3")
    text = str(refused.value)
    assert SECRET not in text
    assert "petugas" not in text
    assert "http://127.0.0.1:8765/wfs3" in text
    assert "authentication configuration" in text
    assert OgcApiClient("HTTP://127.0.0.1:8765/wfs3/").url == "http://127.0.0.1:8765/wfs3"


def test_redact_removes_user_information_wherever_a_message_quotes_it():
    assert redact(f"GET http://petugas:{SECRET}@10.0.0.5:8080/wfs3/collections failed") == (
        "GET http://10.0.0.5:8080/wfs3/collections failed"
    )
    assert (
        redact(f"no answer from petugas:{SECRET}@10.0.0.5:8080 within 30 s")
        == "no answer from 10.0.0.5:8080 within 30 s"
    )
    assert redact("surveyor@paserkab.go.id at 10:30, https://gis.paserkab.go.id/wfs3") == (
        "surveyor@paserkab.go.id at 10:30, https://gis.paserkab.go.id/wfs3"
    )


def test_forget_credentials_rekeys_state_and_redacts_history(tmp_path):
    path = str(tmp_path / "ws.gpkg")
    create_workspace(path)
    dirty = f"http://petugas:{SECRET}@127.0.0.1:8765/wfs3"
    conn = sqlite3.connect(path, isolation_level=None)
    with conn:
        conn.execute("BEGIN")
        for key, value in (
            (f"watermark|{dirty}|service_points", "2026-03-02T08:00:00.000Z"),
            ("watermark|http://127.0.0.1:8765/wfs3/|service_points", "2026-03-01T08:00:00.000Z"),  # older: wins
            (f"watermark|{dirty}/|tower_plans", "2026-03-02T09:00:00.000Z"),
            (f"pull|{dirty}|tower_plans", '{"collection": "tower_plans", "anchors": []}'),
            ("watermark|https://gis.paserkab.go.id/wfs3|service_points", "2026-03-02T10:00:00.000Z"),  # clean
        ):
            conn.execute(f"INSERT INTO {changelog.STATE_TABLE} VALUES (?, ?)", (key, value))
        summary = json.dumps({"warnings": [f"cannot reach petugas:{SECRET}@127.0.0.1:8765: refused"]})
        conn.execute(
            f"INSERT INTO {changelog.HISTORY_TABLE} (started_at, url, outcome, summary, message) "
            "VALUES ('2026-03-02T08:00:00.000Z', ?, 'failed', ?, ?)",
            (dirty, summary, f"{dirty}/conformance: HTTP 500"),
        )
        counts = forget_credentials(conn)
        conn.execute("COMMIT")
    state = dict(conn.execute(f"SELECT key, value FROM {changelog.STATE_TABLE} WHERE key NOT LIKE 'applying%'"))
    (row,) = conn.execute(f"SELECT url, summary, message FROM {changelog.HISTORY_TABLE}")
    conn.close()
    assert counts == {"state_keys": 4, "history_rows": 1}
    assert state == {
        "watermark|http://127.0.0.1:8765/wfs3|service_points": "2026-03-01T08:00:00.000Z",
        "watermark|http://127.0.0.1:8765/wfs3|tower_plans": "2026-03-02T09:00:00.000Z",
        "pull|http://127.0.0.1:8765/wfs3|tower_plans": '{"collection": "tower_plans", "anchors": []}',
        "watermark|https://gis.paserkab.go.id/wfs3|service_points": "2026-03-02T10:00:00.000Z",
    }
    assert row[0] == "http://127.0.0.1:8765/wfs3"
    assert SECRET not in row[1] + row[2]
    assert "cannot reach 127.0.0.1:8765: refused" in row[1]


# ---------------------------------------------------------------- collections


@pytest.mark.parametrize(
    "ident, title, layer, expected",
    [
        ("public.service_points", "", "service_points", True),
        ("paser:service_points", "", "service_points", True),
        ("central/tower_plans", "", "tower_plans", True),
        ("Service_Points", "", "service_points", True),
        ("layer_7", "Titik layanan internet", "service_points", True),  # the layer's Indonesian title
        ("layer_8", "Tower plans", "tower_plans", True),
        ("public.service_points_old", "", "service_points", False),
        ("old_service_points", "", "service_points", False),
        ("public.tower_plans", "", "service_points", False),
    ],
)
def test_collections_match_a_layer_by_id_suffix_or_title(ident, title, layer, expected):
    assert matches(layer, CollectionInfo(ident, title)) == expected


# ---------------------------------------------------------------- page size


def _answer(status, body, ctype="application/json"):
    response = requests.Response()
    response.status_code = status
    response._content = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    response.headers["Content-Type"] = ctype
    return response


@pytest.mark.parametrize(
    "status, body, asked, expected",
    [
        # QGIS Server 3.22 with QGIS_SERVER_API_WFS3_MAX_LIMIT
        (
            400,
            [{"code": "Bad request error", "description": "Argument 'limit' is not valid. Number of features [0-500]"}],
            1000,
            500,
        ),
        # a FastAPI server (pydantic's validation error)
        (
            422,
            {
                "detail": [
                    {"loc": ["query", "limit"], "msg": "Input should be less than or equal to 250", "ctx": {"le": 250}}
                ]
            },
            1000,
            250,
        ),
        (413, "limit too large", 1000, 500),  # names the limit, but no number: half
        (400, {"description": "Argument 'offset' is not valid [0-154]"}, 1000, None),  # not about the limit
        (404, "limit", 1000, None),
        (429, "rate limit: 100 requests a minute", 1000, None),  # not about the page size
        (403, "limit of your account reached", 1000, None),
        (422, "limit", 1, None),  # nothing smaller to ask for
        (200, "limit", 1000, None),
    ],
)
def test_a_refused_page_size_is_read_from_the_error(status, body, asked, expected):
    assert _smaller_limit(_answer(status, body), {"limit": str(asked)}) == expected


def test_the_advertised_maximum_comes_from_the_openapi_document():
    client = OgcApiClient("http://127.0.0.1:9/wfs3")
    client._api_read = True
    client._api = {
        "paths": {
            "/wfs3/collections/{collectionId}/items": {
                "get": {"parameters": [{"$ref": "#/components/parameters/limit"}]}
            },
            "/wfs3/collections/public.tower_plans/items": {
                "get": {
                    "parameters": [{"name": "limit", "in": "query", "schema": {"$ref": "#/components/schemas/small"}}]
                }
            },
        },
        "components": {
            "parameters": {"limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 5000}}},
            "schemas": {"small": {"type": "integer", "exclusiveMaximum": 101}},
        },
    }
    assert client.advertised_limit("public.service_points") == 5000  # the templated path
    assert client.advertised_limit("public.tower_plans") == 100  # its own path, its own maximum
    before = client.signature("public.service_points")
    client.conformance_classes = ["http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"]
    assert client.signature("public.service_points") != before  # another server: prove again


def test_the_planner_takes_the_servers_page_size():
    planner = KeysetPlanner(1000, None, [stamp(0), stamp(100)], 0)
    planner.next_ask()
    planner.server_limit(40)
    assert planner.limit == 40
    assert planner.next_ask().limit == 40


# ---------------------------------------------------------------- the datetime proof


def test_the_reference_is_a_site_no_other_date_column_could_select():
    def feature(uid, updated, **other):
        return {"properties": {"uid": uid, "updated_at": updated, **other}}

    features = [
        feature("newest-but-surveyed-then", stamp(100), surveyed_at=stamp(99.5)),
        feature("deleted", stamp(90), deleted_at=stamp(20)),
        feature("plain", stamp(50), surveyed_at=stamp(-86400), deleted_at=None),
        feature("no-time", None),
    ]
    assert pick_reference(features) == Reference("plain", stamp(50))
    assert pick_reference(features[:1]) == Reference("newest-but-surveyed-then", stamp(100))  # the best there is
    assert pick_reference([feature("x", None)]) is None


def _rows(n=300, step=7.3):
    return [(f"uid-{i}", stamp(i * step)) for i in range(n)]


def test_a_filter_on_updated_at_is_proven_in_two_requests():
    with ReferenceItemsServer(_rows()) as server, OgcApiClient(server.url, retries=0) as client:
        verdict = prove(client, "service_points", Reference("uid-40", stamp(40 * 7.3)))
    assert verdict.outcome == PROVEN
    assert len(server.requests) == 2
    assert all(q["uid"] == "uid-40" and "datetime" in q for q in server.requests)


def test_an_ignored_filter_is_refuted():
    with ReferenceItemsServer(_rows(), ignore_datetime=True) as server, OgcApiClient(server.url, retries=0) as client:
        verdict = prove(client, "service_points", Reference("uid-40", stamp(40 * 7.3)))
    assert verdict.outcome == REFUTED
    assert "uid-40" in verdict.reason


def test_a_reference_changed_since_it_was_seen_is_followed_once():
    with ReferenceItemsServer(_rows()) as server, OgcApiClient(server.url, retries=0) as client:
        verdict = prove(client, "service_points", Reference("uid-40", stamp(12.0)))  # its time then
    assert verdict.outcome == PROVEN
    assert verdict.reference == Reference("uid-40", stamp(40 * 7.3))
    assert len(server.requests) == 4  # window, uid alone, then the proof with its new time


def test_a_reference_gone_from_the_server_proves_nothing():
    with ReferenceItemsServer(_rows()) as server, OgcApiClient(server.url, retries=0) as client:
        verdict = prove(client, "service_points", Reference("uid-gone", stamp(40 * 7.3)))
    assert verdict.outcome == INCONCLUSIVE


def test_a_proof_holds_for_one_server_signature_and_an_unchanged_outcome_is_not_rewritten():
    with ReferenceItemsServer(_rows()) as server, OgcApiClient(server.url, retries=0) as client:
        trust = DatetimeTrust("service_points", "sig-a")
        assert trust.ensure(client, reference=Reference("uid-3", stamp(3 * 7.3)))
        assert trust.changed
        assert trust.record["outcome"] == PROVEN
        assert trust.holds
        asked = len(server.requests)
        held = DatetimeTrust("service_points", "sig-a", trust.record)
        assert held.ensure(client)
        assert not held.changed
        assert len(server.requests) == asked  # no request
        other = DatetimeTrust("service_points", "sig-b", trust.record)
        assert not other.holds  # another server (or its configuration): proven again, with the stored site
        assert other.ensure(client)
        assert other.changed
        assert other.record["signature"] == "sig-b"
    with ReferenceItemsServer(_rows(), ignore_datetime=True) as server, OgcApiClient(server.url, retries=0) as client:
        refuted = DatetimeTrust("service_points", "sig-a")
        assert not refuted.ensure(client, reference=Reference("uid-3", stamp(3 * 7.3)))
        assert refuted.changed
        again = DatetimeTrust("service_points", "sig-a", refuted.record)
        assert not again.ensure(client)  # proven again at every sync while refuted …
        assert not again.changed  # … but the same outcome is not written again
        assert again.problem
