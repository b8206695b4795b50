"""Pieces of the sync that need no server: the central schema agrees with the workspace's,
value canonicalisation, and repairing the paging links of a server."""

import os
import re

import pytest

from paser_smartcity_plugin.core.schema import DATETIME, INTEGER, LAYERS, REAL
from paser_smartcity_plugin.core.sync import OgcApiClient, SyncError
from paser_smartcity_plugin.core.sync.client import _repair_next
from paser_smartcity_plugin.core.sync.values import canonical, canonical_datetime, datetime_filter_start

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SQL_TYPES = {
    "TEXT": ("varchar", "text"),
    INTEGER: ("integer",),
    REAL: ("double precision",),
    DATETIME: ("timestamptz",),
}


def _tables(sql):
    out = {}
    for name, body in re.findall(r"CREATE TABLE (\w+) \((.*?)\n\);", sql, re.S):
        cols = {}
        for line in body.splitlines():
            m = re.match(r"\s+(\w+)\s+(double precision|\w+)", line)
            if m and m.group(1) != "CHECK":
                cols[m.group(1)] = m.group(2)
        out[name] = cols
    return out


def test_central_schema_sql_has_the_workspace_fields():
    with open(os.path.join(ROOT, "central", "schema.sql")) as f:
        sql = f.read()
    tables = _tables(sql)
    assert set(tables) == set(LAYERS)
    for name, schema in LAYERS.items():
        cols = tables[name]
        assert list(cols) == ["fid", "uid"] + [f.name for f in schema.fields if f.name != "uid"] + [
            "deleted_at",
            "version",
            "geom",
        ]
        for field in schema.fields:
            assert cols[field.name] in SQL_TYPES[field.type], (name, field.name)
        assert f"CREATE TRIGGER {name}_touch BEFORE INSERT OR UPDATE ON {name}" in sql
        assert f"CREATE TRIGGER {name}_soft_delete BEFORE DELETE ON {name}" in sql
    assert "clock_timestamp()" in sql


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2026-11-27T17:09:55.435", "2026-11-27T17:09:55.435Z"),  # QGIS Server from a GeoPackage: no zone = UTC
        ("2026-11-27T17:09:55.4356Z", "2026-11-27T17:09:55.435Z"),
        ("2026-11-28T01:09:55+08:00", "2026-11-27T17:09:55.000Z"),  # WITA
        ("2026-11-27 17:09:55", "2026-11-27T17:09:55.000Z"),
        (None, None),
        ("", None),
    ],
)
def test_datetimes_are_compared_in_one_form(raw, expected):
    assert canonical_datetime(raw) == expected


def test_numbers_and_filter_start():
    assert canonical(INTEGER, "2022") == 2022
    assert canonical(REAL, 72) == 72.0
    assert canonical(REAL, "") is None
    assert datetime_filter_start("2026-11-27T17:09:55.435Z", 30) == "2026-11-27T17:09:25Z"


def test_mangled_next_link_gets_our_filter_back():
    # what QGIS Server 3.22 sends: the datetime value loses its percent signs
    href = "http://h/wfs3/collections/x/items?datetime=2020-01-01T003A003A00Z153F..&offset=153&limit=3"
    url, query = _repair_next(href, {"datetime": "2020-01-01T00:00:00Z/..", "limit": "3"})
    assert url == "http://h/wfs3/collections/x/items"
    assert query == {"datetime": "2020-01-01T00:00:00Z/..", "offset": "153", "limit": "3"}


@pytest.mark.parametrize("url", ["", "ftp://x/wfs3", "gis.paserkab.go.id/wfs3"])
def test_client_refuses_non_http_urls(url):
    with pytest.raises(SyncError, match="not an http"):
        OgcApiClient(url)


def test_proxy_credentials_never_reach_a_message():
    import requests

    session = requests.Session()
    session.trust_env = False
    session.proxies = {"http": "http://officer:Rahasia123@127.0.0.1:9"}  # nothing listens on port 9
    client = OgcApiClient("http://127.0.0.1:9/wfs3", session=session, retries=0, timeout=2)
    with pytest.raises(SyncError) as info:
        client.conformance()
    assert "Rahasia123" not in str(info.value)
    assert "cannot reach" in str(info.value)
    # what the GUI shows: the templates translated (here by a stand-in for tr), still no password
    indonesian = {
        "cannot reach {host}: {reason}": "{host} tidak dapat dihubungi: {reason}",
        "{problem} (tried {attempts} time)": "{problem} (dicoba {attempts} kali)",
    }
    shown = info.value.render(lambda text: indonesian.get(text, text))
    assert shown.startswith("127.0.0.1:9 tidak dapat dihubungi")
    assert shown.endswith("(dicoba 1 kali)")
    assert "Rahasia123" not in shown


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1:9/wfs3", "connection refused"),  # nothing listens on the discard port
        ("http://nonexistent.invalid/wfs3", "server name"),  # .invalid never resolves (RFC 2606)
    ],
)
def test_unreachable_server_message_is_plain(url, reason):
    import requests

    session = requests.Session()
    session.trust_env = False
    client = OgcApiClient(url, session=session, retries=1, timeout=2, sleep=lambda _s: None)
    with pytest.raises(SyncError) as info:
        client.conformance()
    host = url.split("/")[2]
    text = str(info.value)
    assert text.startswith(f"cannot reach {host}: "), text
    assert reason in text, text
    assert text.endswith("(tried 2 times)"), text
    # no nested exception reprs from requests/urllib3
    for junk in ("Errno", "HTTPConnectionPool", "NewConnectionError", "'", "))"):
        assert junk not in text, text


def test_common_connection_reasons_are_translatable():
    """The reason is part of what the officer reads: in Indonesian QGIS it must not stay English."""
    import importlib.util

    import requests

    spec = importlib.util.spec_from_file_location("i18n_tool", os.path.join(ROOT, "scripts", "i18n.py"))
    i18n_tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(i18n_tool)
    catalogue = {source: m.translation for source, m in i18n_tool.read_ts(i18n_tool.DEFAULT_TS).items()}
    session = requests.Session()
    session.trust_env = False
    client = OgcApiClient("http://127.0.0.1:9/wfs3", session=session, retries=0, timeout=2)
    with pytest.raises(SyncError) as info:
        client.conformance()
    assert str(info.value) == "cannot reach 127.0.0.1:9: connection refused (tried 1 time)"
    shown = info.value.render(lambda text: catalogue.get(text) or text)
    assert "connection refused" not in shown, shown
    assert catalogue["connection refused"] in shown, shown


def test_stored_messages_render_again_in_the_readers_language():
    """The sync history keeps messages as data: read later, they are translated then."""
    import json

    from paser_smartcity_plugin.core.messages import N_, Message, MessageText, message_from_json, message_to_json
    from paser_smartcity_plugin.core.sync import ServerError

    error = ServerError(
        Message(
            N_("{problem} (tried {attempts} times)"),
            problem=Message(
                N_("cannot reach {host}: {reason}"), host="127.0.0.1:9", reason=Message(N_("connection refused"))
            ),
            attempts=4,
        ),
        MessageText(N_("sending {layer} {number}/{total}"), layer="tower_plans", number=1, total=2),
    )
    back = message_from_json(json.loads(json.dumps(message_to_json(error))))
    assert (
        str(back)
        == str(error)
        == ("cannot reach 127.0.0.1:9: connection refused (tried 4 times); sending tower_plans 1/2")
    )
    shout = {"cannot reach {host}: {reason}": "TAK SAMPAI {host}: {reason}", "connection refused": "DITOLAK"}
    assert (
        back.render(lambda t: shout.get(t, t))
        == "TAK SAMPAI 127.0.0.1:9: DITOLAK (tried 4 times); sending tower_plans 1/2"
    )
    assert message_from_json(message_to_json("plain text")) == "plain text"
    assert message_to_json(Message("{when}", when=object)) == {"template": "{when}", "params": {"when": str(object)}}
