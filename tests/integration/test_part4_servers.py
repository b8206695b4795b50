"""The round trip on OGC API – Features Part 4 servers that are not QGIS Server: one that needs
the feature id in the PUT body (and locks by a version property, as central/schema.sql does),
one that locks by ETag / If-Match (Part 4's optimistic locking). Issue 10: "any OGC API –
Features server" is the promise."""

import inspect

import pytest
import test_sync_roundtrip as roundtrip
from reference_items_server import ID_IN_BODY, IF_MATCH, Part4Server
from sync_support import seed_rows

from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

TOWER = demo_uid("tower", "64.01.08.2008")


class _Central:
    def __init__(self, server):
        self.kind, self.db, self.url, self.server = server.mode, server.db, server.url, server


@pytest.fixture(params=[ID_IN_BODY, IF_MATCH])
def part4(request):
    with Part4Server(request.param, seed_rows()) as server:
        yield _Central(server)


SCENARIOS = [
    roundtrip.test_first_sync_of_an_empty_workspace_pulls_everything,
    roundtrip.test_central_status_change_arrives,
    roundtrip.test_offline_edit_and_new_site_are_pushed,
    roundtrip.test_same_field_edited_on_both_sides_is_a_conflict,
    roundtrip.test_central_soft_delete_reaches_the_workspace,
    roundtrip.test_central_delete_and_local_edit_is_a_conflict,
    roundtrip.test_local_delete_is_pushed_as_soft_delete,
    roundtrip.test_photo_path_travels_between_officers,
]


CASES = [
    (scenario, choice)
    for scenario in SCENARIOS
    for choice in (
        (roundtrip.MINE, roundtrip.CENTRAL) if "choice" in inspect.signature(scenario).parameters else (None,)
    )
]


@pytest.mark.parametrize("scenario, choice", CASES, ids=[f"{s.__name__[5:]}{'-' + c if c else ''}" for s, c in CASES])
def test_round_trip(part4, empty_ws, tmp_path, scenario, choice):
    args = {"central": part4, "empty_ws": empty_ws, "tmp_path": tmp_path, "choice": choice}
    scenario(**{name: args[name] for name in inspect.signature(scenario).parameters})
    assert not [r for r in part4.server.refused if r[1] in (428, 500)]  # every write carried id and If-Match


def _sync(ws, central):
    with OgcApiClient(central.url, timeout=30, retries=1, backoff=0.05) as client:
        return synchronize(ws, client, overlap_s=5)


def test_a_colleague_writing_between_read_and_write_is_merged_not_overwritten(part4, tmp_path):
    """The write is refused (409 for a stale version, 412 for a stale ETag), the site is read
    again and merged, and both edits reach the centre."""
    path = str(tmp_path / "officer.gpkg")
    create_workspace(path)
    ws = Workspace(path)
    _sync(ws, part4)
    ws.update_site(TOWER_PLANS, TOWER, {"notes": "foundation poured"})

    def colleague(collection, item):
        part4.db.server._touch(item)
        item["properties"]["operator"] = "Telkomsel (reg. Kalimantan)"

    part4.server.before_write = colleague
    result = _sync(ws, part4)
    assert result.warnings == []
    assert result.conflicts == 0
    assert [status for _, status in part4.server.refused] == [409 if part4.kind == ID_IN_BODY else 412]
    remote = part4.db.row(TOWER_PLANS, TOWER)
    assert (remote["notes"], remote["operator"]) == ("foundation poured", "Telkomsel (reg. Kalimantan)")
    assert ws.site(TOWER_PLANS, TOWER)["operator"] == "Telkomsel (reg. Kalimantan)"


def test_same_field_written_between_read_and_write_is_a_conflict_for_the_second(part4, tmp_path):
    path = str(tmp_path / "officer.gpkg")
    create_workspace(path)
    ws = Workspace(path)
    _sync(ws, part4)
    ws.update_site(SERVICE_POINTS, roundtrip.OFFICE, {"notes": "mine"})

    def colleague(collection, item):
        part4.db.server._touch(item)
        item["properties"]["notes"] = "the colleague's"

    part4.server.before_write = colleague
    result = _sync(ws, part4)
    assert result.conflicts == 1
    assert result.layers[SERVICE_POINTS].pushed == 0
    assert part4.db.row(SERVICE_POINTS, roundtrip.OFFICE)["notes"] == "the colleague's"
    (conflict,) = roundtrip.open_conflicts(ws)
    assert (conflict.field, conflict.mine, conflict.theirs) == ("notes", "mine", "the colleague's")
    assert ws.site(SERVICE_POINTS, roundtrip.OFFICE)["notes"] == "mine"
