"""Any OGC API – Features server (issue 15): the sync against a server that is not QGIS Server.

tests/support/foreign_server.py emulates, in front of the real test centrals (qgis_mapserver
over PostGIS and over the embedded central), what issue 15 measured on a widely used server
over PostGIS: ``<schema>.<table>`` collection ids, ``datetime`` applied to another column, a
hard page maximum answering HTTP 422. Each behaviour gets the full round trip: first sync,
central change pulled, local edit pushed, central soft delete, idle sync that writes nothing.
"""

import json
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from foreign_server import ForeignServer

from paser_smartcity_plugin.core import changelog
from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.sync import OgcApiClient, ProtocolError, SyncError, synchronize
from paser_smartcity_plugin.core.sync.history import history
from paser_smartcity_plugin.core.timestamps import parse as parse_datetime
from paser_smartcity_plugin.core.workspace import Workspace

TOWER = demo_uid("tower", "64.01.08.2008")
OFFICE = demo_uid("kantor_desa", "64.01.06.2012")
OTHER_OFFICE = demo_uid("kantor_desa", "64.01.01.2012")
FIX = "Configure the server's datetime column to updated_at"
PUBLIC = {SERVICE_POINTS: "public.service_points", TOWER_PLANS: "public.tower_plans"}


def sync(ws, url, **kw):
    with OgcApiClient(url, timeout=60, retries=1, backoff=0.05, page_size=kw.pop("page_size", 10000)) as client:
        result = synchronize(ws, client, overlap_s=5, **kw)
    result.client = client
    return result


def without_watermarks(tables):
    """Every table of the workspace but where the pull stands: its watermarks, which follow the
    server's clock (pull._new_watermark), and the sites at them."""
    state = changelog.STATE_TABLE
    moving = ("('watermark|", "('pull|")
    return dict(tables, **{state: [r for r in tables.get(state, []) if not r.startswith(moving)]})


def round_trip(ws, url, db, dump, first_page_size=10000):
    """The officer's week against one central: the results of its five syncs."""
    results = [sync(ws, url, page_size=first_page_size)]
    assert results[0].layers[SERVICE_POINTS].pulled == 154
    assert results[0].layers[TOWER_PLANS].pulled == 4
    assert ws.count(SERVICE_POINTS) == 154
    assert ws.count(TOWER_PLANS) == 4
    # a central change arrives
    db.update(TOWER_PLANS, TOWER, {"status": "on_air", "notes": "on air since Monday"})
    results.append(sync(ws, url))
    assert results[-1].layers[TOWER_PLANS].pulled == 1
    assert results[-1].layers[SERVICE_POINTS].pulled == 0
    assert (ws.site(TOWER_PLANS, TOWER)["status"], ws.site(TOWER_PLANS, TOWER)["notes"]) == (
        "on_air",
        "on air since Monday",
    )
    # a local edit goes out
    ws.update_site(SERVICE_POINTS, OFFICE, {"notes": "checked on site"})
    results.append(sync(ws, url))
    assert results[-1].layers[SERVICE_POINTS].pushed == 1
    assert results[-1].conflicts == 0
    assert db.row(SERVICE_POINTS, OFFICE)["notes"] == "checked on site"
    # a soft delete at the office reaches the workspace
    db.delete(SERVICE_POINTS, OTHER_OFFICE)
    results.append(sync(ws, url))
    assert results[-1].layers[SERVICE_POINTS].pulled == 1
    assert ws.site(SERVICE_POINTS, OTHER_OFFICE) is None
    # nothing changed: the sync writes nothing (but where the pull stands, which follows the server's clock)
    before = without_watermarks(dump(ws))
    results.append(sync(ws, url))
    assert (results[-1].pulled, results[-1].pushed, results[-1].conflicts) == (0, 0, 0)
    assert without_watermarks(dump(ws)) == before
    assert [h["outcome"] for h in history(ws)] == ["ok"] * 5
    return results


def test_schema_qualified_collection_ids(central, empty_ws, dump):
    """Ids are public.service_points and public.tower_plans; "service_points" is answered with
    HTTP 422 "Invalid Collection format". Found without configuration, kept in the history."""
    with ForeignServer(central.url) as server:
        results = round_trip(empty_ws, server.url, central.db, dump)
        assert all(r.collections == PUBLIC and not r.warnings for r in results)
        summary = history(empty_ws)[0]["summary"]
        assert summary["collections"] == PUBLIC
        assert summary["central"] == server.url
        # Found once through /collections; the next syncs probe the ids they used last.
        first = server.log.index(("GET", "/wfs3/collections"))
        assert [p for _, p in server.log].count("/wfs3/collections") == 1
        assert not any(p.startswith("/wfs3/collections/service_points") for _, p in server.log[first:])


@pytest.mark.parametrize("column", ["surveyed_at", "deleted_at"])
def test_datetime_on_another_column_is_never_trusted(central, empty_ws, dump, column):
    """That server applies ``datetime`` to the table's first timestamp column: the sync proves
    it does not select on updated_at, compares every site instead (nothing missed, the first
    sync of 154 sites in pages of 50 too) and says how to fix the server."""
    if column == "surveyed_at":  # some sites were surveyed long before their last change
        for uid in (OFFICE, TOWER):
            layer = TOWER_PLANS if uid == TOWER else SERVICE_POINTS
            central.db.update(layer, uid, {"surveyed_at": "2022-08-17T09:30:00Z"})
    with ForeignServer(central.url, prefix="", datetime_column=column) as server:
        results = round_trip(empty_ws, server.url, central.db, dump, first_page_size=50)
    for result in results:
        assert sum(FIX in w for w in result.warnings) == 2, result.warnings  # both layers, every sync
    assert all(r.layers[SERVICE_POINTS].received >= 150 for r in results)  # every site compared
    with empty_ws.read() as conn:
        proof = json.loads(changelog.state(conn, f"datetime-proof|{server.url}|service_points"))
    assert proof["outcome"] == "refuted"


def test_a_reconfigured_server_is_caught_by_its_answers(central, empty_ws):
    """The filter was proven on updated_at; then the administrator points it at deleted_at
    (nothing in the server's signature changes). The next incremental answer is empty, and lacks
    the sites the last sync saw at its watermark: the sync compares every site instead."""
    with ForeignServer(central.url, prefix="", datetime_column="updated_at") as server:
        assert not sync(empty_ws, server.url).warnings
        central.db.update(TOWER_PLANS, TOWER, {"notes": "tower footing checked"})
        assert sync(empty_ws, server.url).layers[TOWER_PLANS].pulled == 1  # proven: changes only
        server.datetime_column = "deleted_at"
        central.db.update(TOWER_PLANS, TOWER, {"notes": "after the reconfiguration"})
        start = len(server.log)
        result = sync(empty_ws, server.url)
        asked = [p for m, p in server.log[start:] if "/tower_plans/items?" in p and "limit=1000" in p]  # (pages)
    assert result.layers[TOWER_PLANS].pulled == 1
    assert empty_ws.site(TOWER_PLANS, TOWER)["notes"] == "after the reconfiguration"
    # changes only, found wanting: everything
    assert "datetime=" in asked[0]
    assert "datetime" not in asked[1]
    assert any(FIX in w and "tower_plans" in w for w in result.warnings), "\n".join(result.warnings)
    with empty_ws.read() as conn:
        assert json.loads(changelog.state(conn, f"datetime-proof|{server.url}|tower_plans"))["outcome"] == "refuted"


@pytest.mark.parametrize("advertised", [False, True])
def test_a_hard_page_maximum(central, empty_ws, dump, advertised):
    """limit above 40 answers HTTP 422 naming the maximum: the sync pages by 40 (from the
    error's detail, or from the OpenAPI document where it says so — then nothing is refused)."""
    with ForeignServer(central.url, prefix="", max_limit=40, advertise_limit=advertised) as server:
        results = round_trip(empty_ws, server.url, central.db, dump)
        assert all(r.client.page_size == 40 for r in results)
        if advertised:
            assert server.refused_limits == 0
        else:
            assert 1 <= server.refused_limits <= 2 * len(results)  # one per sync, and one per proof at most
        pages = [p for m, p in server.log if "/service_points/items?" in p and "limit=40" in p and "uid=" not in p]
        assert len(pages) >= 4  # 154 sites by 40


def test_the_server_issue_15_measured(central, empty_ws, dump):
    """All three at once, as the regency's IT team would configure it."""
    with ForeignServer(central.url, max_limit=50, datetime_column="surveyed_at") as server:
        results = round_trip(empty_ws, server.url, central.db, dump)
    assert all(r.collections == PUBLIC and r.client.page_size == 50 for r in results)
    assert all(any(FIX in w for w in r.warnings) for r in results)


def test_ambiguous_or_missing_collections_are_named(central, empty_ws):
    with ForeignServer(central.url, schemas=("public", "arsip")) as server:
        with pytest.raises(ProtocolError) as ambiguous:
            sync(empty_ws, server.url)
        assert "arsip.service_points" in str(ambiguous.value)
        assert "public.service_points" in str(ambiguous.value)
        assert "Name the one to use in the sync settings" in str(ambiguous.value)
        assert empty_ws.count(SERVICE_POINTS) == 0
        with pytest.raises(ProtocolError) as missing:
            sync(empty_ws, server.url, collections={SERVICE_POINTS: "public.titik_layanan"})
        assert "has no collection public.titik_layanan" in str(missing.value)
        assert "arsip.tower_plans" in str(missing.value)  # it lists what the server has
        named = {SERVICE_POINTS: "arsip.service_points", TOWER_PLANS: "arsip.tower_plans"}
        result = sync(empty_ws, server.url, collections=named)
    assert result.collections == named
    assert empty_ws.count(SERVICE_POINTS) == 154
    assert history(empty_ws)[0]["summary"]["collections"] == named


# ---------------------------------------------------------------- credentials typed into the URL

SECRET = "rahasia-Paser!"
RELEASE_010 = Path(__file__).resolve().parents[1] / "data" / "release-0.1.0"


def test_a_release_010_workspace_that_kept_a_password_is_cleaned_by_the_next_sync(central, tmp_path):
    """Release 0.1.0 kept a URL typed with user:password in its watermark keys and history (the
    issue's finding 4). This release upgrades the file, and its next sync leaves no copy of the
    password in it — not even in free pages."""
    path = tmp_path / "workspace.gpkg"
    shutil.copy(RELEASE_010 / "workspace.gpkg", path)
    clean = "http://127.0.0.1:46309/wfs3"
    dirty = f"http://petugas:{SECRET}@127.0.0.1:46309/wfs3"
    conn = sqlite3.connect(path)  # (state and history are no feature tables: plain sqlite3 may write them)
    with conn:
        conn.execute("UPDATE paser_sync_state SET key = replace(key, ?, ?)", (clean, dirty))
        conn.execute("UPDATE paser_sync_history SET url = ?, message = ?", (dirty, f"cannot reach {dirty}"))
    conn.close()
    assert SECRET.encode() in path.read_bytes()
    ws = Workspace(str(path))  # upgraded on open (its backup is beside it, as it was)
    result = sync(ws, central.url)
    assert SECRET.encode() not in path.read_bytes()
    assert result.central == central.url
    assert result.layers[SERVICE_POINTS].received > 0
    assert not list(tmp_path.glob("workspace.gpkg-*"))  # no journal or WAL left with a copy
    rows = history(ws)
    assert [h["url"] for h in rows] == [central.url] + [clean] * 3
    assert all(SECRET not in (h["message"] or "") for h in rows)


def test_watermarks_kept_under_a_url_with_credentials_carry_over(central, empty_ws):
    """A workspace of the current schema whose watermarks an earlier sync keyed with a
    credentialed, unnormalised URL: re-keyed in place, so the next sync asks for changes only."""
    with ForeignServer(central.url, prefix="") as server:
        sync(empty_ws, server.url)
        dirty = server.url.replace("http://", f"http://petugas:{SECRET}@") + "/"
        with empty_ws.write() as conn:
            kept = dict(conn.execute(f"SELECT key, value FROM {changelog.STATE_TABLE}"))
            for key in kept:
                conn.execute(
                    f"UPDATE {changelog.STATE_TABLE} SET key = ? WHERE key = ?", (key.replace(server.url, dirty), key)
                )
        with pytest.raises(SyncError) as refused:  # the URL itself is refused, and not repeated
            sync(empty_ws, dirty)
        assert SECRET not in str(refused.value)
        assert "authentication configuration" in str(refused.value)
        central.db.update(TOWER_PLANS, TOWER, {"notes": "changed while the officer was away"})
        start = len(server.log)
        result = sync(empty_ws, server.url)
        pages = [p for m, p in server.log[start:] if "/items?" in p and "limit=1000" in p]
    assert result.layers[TOWER_PLANS].pulled == 1
    assert pages
    assert all("datetime=" in p for p in pages)
    with empty_ws.read() as conn:
        now = dict(conn.execute(f"SELECT key, value FROM {changelog.STATE_TABLE}"))
    assert not [k for k in now if SECRET in k or k.startswith(("watermark|http://petugas", "pull|http://petugas"))]
    # (the same watermark, give or take the server's clock as estimated at each sync)
    carried, before = (parse_datetime(d[f"watermark|{server.url}|service_points"]) for d in (now, kept))
    assert carried >= before - timedelta(seconds=1)
