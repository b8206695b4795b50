"""The workspace side of a merge without any server (core/sync/store.py): what the field-package
merge (issue 12) calls with a sqlite3 connection — merge three rows, record the outcome."""

from paser_smartcity_plugin.core import changelog
from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.schema import TOWER_PLANS, layer_schema
from paser_smartcity_plugin.core.sync import store
from paser_smartcity_plugin.core.sync.conflicts import open_conflicts, package_source
from paser_smartcity_plugin.core.sync.features import merge_fields
from paser_smartcity_plugin.core.sync.merge import FieldConflict, merge

TOWER = demo_uid("tower", "64.01.08.2008")
SCHEMA = layer_schema(TOWER_PLANS)


def _in_step(ws):
    with ws.write() as conn:
        conn.execute(f"DELETE FROM {changelog.CHANGES_TABLE}")


def _merge_with(ws, **theirs_changes):
    """Merge the site with 'their' copy (the base with ``theirs_changes``) and record it."""
    with ws.write() as conn:
        entry = store.pending(conn, TOWER_PLANS)[TOWER]
        base = store.canonical_base(SCHEMA, entry["base"])
        ours = store.local_row(conn, SCHEMA, TOWER)
        theirs = dict(base, updated_at="2030-01-01T00:00:00.000Z", **theirs_changes)
        result = merge(base, ours, theirs, merge_fields(SCHEMA))
        changed = store.apply_merge(conn, SCHEMA, TOWER, result, ours, theirs["updated_at"])
    return result, changed


def test_their_change_applies_and_ours_stays_pending(demo_workspace):
    _in_step(demo_workspace)
    demo_workspace.update_site(TOWER_PLANS, TOWER, {"notes": "foundation poured"})
    result, changed = _merge_with(demo_workspace, operator="Telkomsel (reg. Kalimantan)")
    assert changed
    assert result.clean
    site = demo_workspace.site(TOWER_PLANS, TOWER)
    assert (site["notes"], site["operator"]) == ("foundation poured", "Telkomsel (reg. Kalimantan)")
    with demo_workspace.read() as conn:
        entry = store.pending(conn, TOWER_PLANS)[TOWER]  # ours still to send; the base moved on
    assert entry["base"]["operator"] == "Telkomsel (reg. Kalimantan)"
    assert entry["base"]["notes"] is None


def test_the_same_field_is_a_persisted_conflict(demo_workspace):
    _in_step(demo_workspace)
    demo_workspace.update_site(TOWER_PLANS, TOWER, {"status": "construction"})
    result, _ = _merge_with(demo_workspace, status="cancelled")
    (conflict,) = open_conflicts(demo_workspace)
    assert (conflict.field, conflict.mine, conflict.theirs) == ("status", "construction", "cancelled")
    assert demo_workspace.site(TOWER_PLANS, TOWER)["status"] == "construction"


def test_both_sides_alike_settles_the_entry_without_logging(demo_workspace):
    _in_step(demo_workspace)
    demo_workspace.update_site(TOWER_PLANS, TOWER, {"notes": "same on both sides"})
    result, _ = _merge_with(demo_workspace, notes="same on both sides")
    with demo_workspace.read() as conn:
        assert store.pending(conn, TOWER_PLANS) == {}  # settled, and the write was not logged
    assert demo_workspace.site(TOWER_PLANS, TOWER)["updated_at"] == "2030-01-01T00:00:00.000Z"


def test_a_side_that_is_not_the_centre_lands_as_local_edits(demo_workspace):
    """A surveyor's field package (issue 12): their changes become the officer's own edits —
    logged, so the next sync pushes them — and the base (the centre's values) stays."""
    _in_step(demo_workspace)
    with demo_workspace.write() as conn:
        ours = store.local_row(conn, SCHEMA, TOWER)
        theirs = dict(ours, status="construction", notes="seen from the field")
        result = merge(dict(ours), ours, theirs, merge_fields(SCHEMA))
        assert store.apply_merge(conn, SCHEMA, TOWER, result, ours, as_local_edit=True)
    site = demo_workspace.site(TOWER_PLANS, TOWER)
    assert (site["status"], site["notes"]) == ("construction", "seen from the field")
    with demo_workspace.read() as conn:
        entry = store.pending(conn, TOWER_PLANS)[TOWER]
    assert entry["base"]["status"] == ours["status"]
    assert entry["base"]["notes"] is None


def test_the_sync_never_drops_a_surveyors_conflict(demo_workspace):
    """A conflict with a field package waits for the officer's choice: the sync merging and
    settling the same site (even the same field) leaves it alone."""
    _in_step(demo_workspace)
    field_value = FieldConflict("status", "coordinates_pending", "permit", "construction")
    with demo_workspace.write() as conn:
        store.record_conflicts(conn, TOWER_PLANS, TOWER, [field_value], None, source=package_source("p-1"))
    demo_workspace.update_site(TOWER_PLANS, TOWER, {"notes": "the same on both sides"})
    _merge_with(demo_workspace, notes="the same on both sides")  # in step with the centre: settled
    demo_workspace.update_site(TOWER_PLANS, TOWER, {"status": "permit"})
    _merge_with(demo_workspace, status="on_air")  # the centre moved the same field: a conflict of its own
    with demo_workspace.read() as conn:
        assert store.open_conflict_count(conn, TOWER_PLANS, TOWER) == 2
    found = {(c.source, c.field, c.theirs) for c in open_conflicts(demo_workspace)}
    assert found == {(package_source("p-1"), "status", "construction"), ("central", "status", "on_air")}
