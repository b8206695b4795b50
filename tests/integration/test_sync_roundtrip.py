"""Real round trips: workspace <-> qgis_mapserver /wfs3 <-> PostGIS or the embedded central."""

import time

import pytest
from faulty_proxy import FaultyProxy
from reference_items_server import proxy_queries, went_by_windows

from paser_smartcity_plugin.core import changelog
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize
from paser_smartcity_plugin.core.sync.conflicts import CENTRAL, MINE, open_conflicts, resolve
from paser_smartcity_plugin.core.sync.history import history

TOWER = demo_uid("tower", "64.01.08.2008")  # Muara Toyu, coordinates pending
OFFICE = demo_uid("kantor_desa", "64.01.06.2012")


def sync(ws, central, push=True, **kw):
    with OgcApiClient(central.url, timeout=30, retries=1, backoff=0.05, **kw) as client:
        return synchronize(ws, client, push=push, overlap_s=5)


def pending(ws):
    with ws.read() as conn:
        return {layer: changelog.pending(conn, layer) for layer in (SERVICE_POINTS, TOWER_PLANS)}


def test_first_sync_of_an_empty_workspace_pulls_everything(central, empty_ws):
    result = sync(empty_ws, central)
    assert result.layers[SERVICE_POINTS].pulled == 154
    assert result.layers[TOWER_PLANS].pulled == 4
    assert result.pushed == 0
    assert result.conflicts == 0
    assert not result.pull_only
    assert empty_ws.count(SERVICE_POINTS) == 154
    assert empty_ws.count(TOWER_PLANS) == 4
    local = empty_ws.site(TOWER_PLANS, demo_uid("tower", "64.01.06.2012"))
    remote = central.db.row(TOWER_PLANS, local["uid"])
    assert local["name"] == remote["name"] == "Menara Belimbing"
    assert local[GEOMETRY] == pytest.approx(remote[GEOMETRY], abs=1e-7)
    assert empty_ws.site(TOWER_PLANS, TOWER)[GEOMETRY] is None
    assert pending(empty_ws) == {SERVICE_POINTS: {}, TOWER_PLANS: {}}  # pulled rows are not local edits
    # nothing changed: a second sync applies nothing
    again = sync(empty_ws, central)
    assert (again.pulled, again.pushed) == (0, 0)
    assert [h["outcome"] for h in history(empty_ws)] == ["ok", "ok"]


def test_central_status_change_arrives(central, empty_ws):
    sync(empty_ws, central)
    central.db.update(TOWER_PLANS, TOWER, {"status": "on_air", "notes": "on air since Monday"})
    result = sync(empty_ws, central)
    assert result.layers[TOWER_PLANS].pulled == 1
    assert result.layers[SERVICE_POINTS].pulled == 0
    site = empty_ws.site(TOWER_PLANS, TOWER)
    assert (site["status"], site["notes"]) == ("on_air", "on air since Monday")
    assert pending(empty_ws)[TOWER_PLANS] == {}


def test_central_rows_without_desa_names_are_not_news_at_every_sync(central, empty_ws):
    """A central writer that leaves the derived desa_name/kecamatan empty (SQL, another tool):
    the workspace fills them from the desa code, and the next sync must not see that as a
    difference and re-apply the site (the overlap brings it again)."""
    sync(empty_ws, central)
    central.db.update(TOWER_PLANS, TOWER, {"desa_name": None, "kecamatan": None, "notes": "names left empty"})
    first = sync(empty_ws, central)
    assert first.layers[TOWER_PLANS].pulled == 1
    site = empty_ws.site(TOWER_PLANS, TOWER)
    assert (site["desa_name"], site["kecamatan"], site["notes"]) == ("Muara Toyu", "Long Kali", "names left empty")
    assert sync(empty_ws, central).pulled == 0
    assert pending(empty_ws)[TOWER_PLANS] == {}


def test_offline_edit_and_new_site_are_pushed(central, empty_ws):
    sync(empty_ws, central)
    empty_ws.update_site(
        TOWER_PLANS,
        TOWER,
        {
            "status": "coordinates_set",
            GEOMETRY: (116.4501, -1.2502),
            "coord_status": "surveyed",
            "coord_source": "gps_survey",
        },
    )
    (new_uid,) = empty_ws.insert_sites(
        SERVICE_POINTS,
        [
            {
                "name": "SDN 001 Belimbing",
                "category": "sekolah",
                "desa_code": "64.01.06.2012",
                "status": "planned",
                "coord_status": "surveyed",
                GEOMETRY: (116.1801, -1.4301),
            }
        ],
    )
    result = sync(empty_ws, central)
    assert result.layers[TOWER_PLANS].pushed == 1
    assert result.layers[SERVICE_POINTS].pushed == 1
    assert result.warnings == []
    tower = central.db.row(TOWER_PLANS, TOWER)
    assert (tower["status"], tower["coord_source"]) == ("coordinates_set", "gps_survey")
    assert tower[GEOMETRY] == pytest.approx((116.4501, -1.2502), abs=1e-7)
    school = central.db.row(SERVICE_POINTS, new_uid)
    assert school["name"] == "SDN 001 Belimbing"
    assert school["desa_name"] == "Belimbing"
    assert pending(empty_ws) == {SERVICE_POINTS: {}, TOWER_PLANS: {}}
    # the echo of our own push changes nothing and pushes nothing
    again = sync(empty_ws, central)
    assert again.pushed == 0
    assert again.conflicts == 0
    assert empty_ws.site(TOWER_PLANS, TOWER)["status"] == "coordinates_set"


@pytest.mark.parametrize("choice", [MINE, CENTRAL])
def test_same_field_edited_on_both_sides_is_a_conflict(central, empty_ws, choice):
    sync(empty_ws, central)
    empty_ws.update_site(TOWER_PLANS, TOWER, {"status": "construction", "notes": "foundation poured"})
    central.db.update(TOWER_PLANS, TOWER, {"status": "cancelled", "operator": "Telkomsel (reg. Kalimantan)"})
    result = sync(empty_ws, central)
    assert result.layers[TOWER_PLANS].conflicts == 1
    (conflict,) = open_conflicts(empty_ws)
    assert (conflict.field, conflict.base, conflict.mine, conflict.theirs) == (
        "status",
        "coordinates_pending",
        "construction",
        "cancelled",
    )
    site = empty_ws.site(TOWER_PLANS, TOWER)
    # non-conflicting changes merged both ways: central's operator arrived, my notes stay
    assert (site["status"], site["operator"], site["notes"]) == (
        "construction",
        "Telkomsel (reg. Kalimantan)",
        "foundation poured",
    )
    assert central.db.row(TOWER_PLANS, TOWER)["notes"] is None  # nothing of a conflicted site is pushed
    # the conflict survives a restart (a new Workspace object, a new sync)
    sync(empty_ws, central)
    assert len(open_conflicts(empty_ws)) == 1
    resolve(empty_ws, TOWER_PLANS, TOWER, "status", choice)
    assert open_conflicts(empty_ws) == []
    sync(empty_ws, central)
    expected = "construction" if choice == MINE else "cancelled"
    assert empty_ws.site(TOWER_PLANS, TOWER)["status"] == expected
    remote = central.db.row(TOWER_PLANS, TOWER)
    assert (remote["status"], remote["notes"]) == (expected, "foundation poured")
    assert pending(empty_ws)[TOWER_PLANS] == {}


def test_central_soft_delete_reaches_the_workspace(central, empty_ws):
    sync(empty_ws, central)
    central.db.delete(SERVICE_POINTS, OFFICE)
    assert central.db.row(SERVICE_POINTS, OFFICE)["deleted_at"] is not None  # soft: still there
    result = sync(empty_ws, central)
    assert result.layers[SERVICE_POINTS].pulled == 1
    assert empty_ws.site(SERVICE_POINTS, OFFICE) is None
    assert pending(empty_ws)[SERVICE_POINTS] == {}


@pytest.mark.parametrize("choice", [MINE, CENTRAL])
def test_central_delete_and_local_edit_is_a_conflict(central, empty_ws, choice):
    sync(empty_ws, central)
    empty_ws.update_site(SERVICE_POINTS, OFFICE, {"status": "active", "notes": "visited, working"})
    central.db.delete(SERVICE_POINTS, OFFICE)
    result = sync(empty_ws, central)
    assert result.layers[SERVICE_POINTS].conflicts == 1
    (conflict,) = open_conflicts(empty_ws)
    assert conflict.is_delete_conflict
    assert conflict.theirs == "deleted"
    assert empty_ws.site(SERVICE_POINTS, OFFICE)["notes"] == "visited, working"  # my edit is not lost
    resolve(empty_ws, SERVICE_POINTS, OFFICE, "_exists", choice)
    if choice == CENTRAL:
        assert empty_ws.site(SERVICE_POINTS, OFFICE) is None
        assert sync(empty_ws, central).pushed == 0
        assert pending(empty_ws)[SERVICE_POINTS] == {}
    else:
        assert empty_ws.site(SERVICE_POINTS, OFFICE)["notes"] == "visited, working"
        # "Keep mine" means the centre must hold the site again. QGIS Server's PUT cannot clear
        # deleted_at (it skips nulls), so the edit stays pending and the officer is told why.
        result = sync(empty_ws, central)
        assert any("keeps the site deleted" in w for w in result.warnings)
        assert OFFICE in pending(empty_ws)[SERVICE_POINTS]
        assert empty_ws.site(SERVICE_POINTS, OFFICE)["notes"] == "visited, working"


def test_local_delete_is_pushed_as_soft_delete(central, empty_ws):
    sync(empty_ws, central)
    with empty_ws.write() as conn:
        conn.execute("DELETE FROM service_points WHERE uid = ?", (OFFICE,))
    result = sync(empty_ws, central)
    assert result.layers[SERVICE_POINTS].pushed == 1
    assert central.db.row(SERVICE_POINTS, OFFICE)["deleted_at"] is not None
    assert pending(empty_ws)[SERVICE_POINTS] == {}


def test_demo_workspace_meets_the_seeded_central_without_duplicates(central, tmp_path):
    from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

    path = str(tmp_path / "demo.gpkg")
    create_workspace(path, demo_rows())  # same uids as the central's seed, never synced
    ws = Workspace(path)
    result = sync(ws, central)
    assert result.conflicts == 0
    assert central.db.count(SERVICE_POINTS) == 154
    assert central.db.count(TOWER_PLANS) == 4
    assert pending(ws) == {SERVICE_POINTS: {}, TOWER_PLANS: {}}


def test_empty_central_receives_the_demo_workspace(qgis_app, tmp_path):
    """A brand-new central (empty tables) and an officer's demo workspace: everything is pushed once."""
    from central.db import GpkgCentral
    from central.embedded import create_embedded_central
    from central.publish_qgis_server import write_project
    from central.servers import QgisServer
    from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

    path = str(tmp_path / "central.gpkg")
    create_embedded_central(path)
    db = GpkgCentral(path)
    ws_path = str(tmp_path / "demo.gpkg")
    create_workspace(ws_path, demo_rows())
    ws = Workspace(ws_path)
    with QgisServer(write_project(str(tmp_path / "central.qgs"), gpkg=path)) as server:
        with OgcApiClient(server.url) as client:
            result = synchronize(ws, client)
            assert (result.pulled, result.pushed, result.conflicts) == (0, 158, 0)
            assert result.warnings == []  # pending towers without coordinates included
            again = synchronize(ws, client)
    assert db.count(SERVICE_POINTS) == 154
    assert db.count(TOWER_PLANS) == 4
    assert db.row(TOWER_PLANS, TOWER)[GEOMETRY] is None
    assert (again.pulled, again.pushed) == (0, 0)


def test_pull_survives_a_server_that_refuses_its_own_offsets(central, empty_ws):
    """QGIS Server caches a layer's feature count: rows added behind its back make it refuse
    offsets past the old count (and cut its next links short). The pull then goes on by
    keyset on updated_at (time windows) and still gets every site."""
    from paser_smartcity_plugin.core.rows import complete_row

    sync(empty_ws, central)  # the server has counted the table now
    gaz = empty_ws.gazetteer
    extra = [
        complete_row(
            {
                "name": f"Titik tambahan {i}",
                "category": "desa",
                "desa_code": "64.01.06.2012",
                "status": "planned",
                "coord_status": "approximate",
                GEOMETRY: (116.1 + i * 0.0001, -1.4),
            },
            gaz,
        )
        for i in range(120)
    ]
    for batch in range(3):  # three seconds of central work, 40 sites each
        central.db.insert(SERVICE_POINTS, extra[batch * 40 : (batch + 1) * 40])
        time.sleep(1.1)
    other = empty_ws.path.replace("officer.gpkg", "second.gpkg")
    from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

    create_workspace(other)
    second = Workspace(other)
    with FaultyProxy(central.url) as proxy, OgcApiClient(proxy.url, page_size=200, retries=0) as client:
        result = synchronize(second, client)
        assert went_by_windows(proxy_queries(proxy))  # the fallback really ran
    assert second.count(SERVICE_POINTS) == 154 + 120
    assert result.layers[SERVICE_POINTS].pulled == 274
    assert sync(empty_ws, central).layers[SERVICE_POINTS].pulled == 120


def test_photo_path_travels_between_officers(central, empty_ws, tmp_path):
    from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

    sync(empty_ws, central)
    empty_ws.update_site(SERVICE_POINTS, OFFICE, {"photo": "DCIM/kantor_belimbing_20261130.jpg"})
    assert sync(empty_ws, central).pushed == 1
    assert central.db.row(SERVICE_POINTS, OFFICE)["photo"] == "DCIM/kantor_belimbing_20261130.jpg"
    other_path = str(tmp_path / "other.gpkg")
    create_workspace(other_path)
    other = Workspace(other_path)
    sync(other, central)
    assert other.site(SERVICE_POINTS, OFFICE)["photo"] == "DCIM/kantor_belimbing_20261130.jpg"
