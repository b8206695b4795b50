"""The pure three-way merge of one site (core/sync/merge.py): ancestor/ours/theirs, no SQL, no HTTP."""

from paser_smartcity_plugin.core.sync.merge import (
    CONFLICT,
    DELETED,
    EXISTS,
    OURS,
    PRESENT,
    SAME,
    THEIRS,
    FieldConflict,
    merge,
)

FIELDS = ["name", "status", "notes", "geometry"]
BASE = {
    "uid": "u1",
    "updated_at": "2026-11-01T00:00:00.000Z",
    "name": "Kantor",
    "status": "planned",
    "notes": None,
    "geometry": (116.1, -1.9),
}


def row(**changes):
    return dict(BASE, **changes)


def test_changes_on_different_fields_merge_both_ways():
    ours = row(notes="visited")
    theirs = row(status="active", updated_at="2026-11-02T00:00:00.000Z")
    result = merge(BASE, ours, theirs, FIELDS)
    assert result.clean
    assert result.merged == row(notes="visited", status="active")  # keeps our updated_at: not in step yet
    assert result.outcomes == {"name": SAME, "status": THEIRS, "notes": OURS, "geometry": SAME}
    assert result.ours_changed
    assert result.theirs_changed
    # The new base is what the other side holds now, with its updated_at.
    assert result.base == row(status="active", updated_at="2026-11-02T00:00:00.000Z")


def test_the_same_field_changed_differently_is_a_conflict_and_keeps_ours():
    result = merge(BASE, row(status="survey"), row(status="active"), FIELDS)
    assert result.conflicts == (FieldConflict("status", "planned", "survey", "active"),)
    assert result.merged["status"] == "survey"
    assert result.base["status"] == "planned"
    assert result.outcomes["status"] == CONFLICT
    assert not result.clean


def test_the_same_change_on_both_sides_is_no_conflict():
    result = merge(BASE, row(notes="x"), row(notes="x"), FIELDS)
    assert result.clean
    assert not result.ours_changed
    assert not result.theirs_changed


def test_geometry_conflict_values_are_json_ready():
    result = merge(BASE, row(geometry=(116.2, -1.9)), row(geometry=(116.3, -1.9)), FIELDS)
    (conflict,) = result.conflicts
    assert (conflict.base, conflict.ours, conflict.theirs) == ([116.1, -1.9], [116.2, -1.9], [116.3, -1.9])


def test_two_way_merge_of_a_site_never_in_step():
    result = merge(None, row(notes="mine"), row(notes="theirs"), FIELDS)
    assert [c.field for c in result.conflicts] == ["notes"]
    assert merge(None, row(), row(), FIELDS).clean


def test_deletes():
    # deleted here, untouched there: our delete goes out
    gone = merge(BASE, None, row(), FIELDS)
    assert gone.merged is None
    assert gone.outcomes == {EXISTS: OURS}
    assert gone.clean
    # deleted here, edited there: a conflict that carries their row
    (conflict,) = merge(BASE, None, row(status="active"), FIELDS).conflicts
    assert (conflict.field, conflict.base, conflict.ours) == (EXISTS, PRESENT, DELETED)
    assert conflict.theirs["status"] == "active"
    assert conflict.theirs["geometry"] == [116.1, -1.9]
    # deleted there, untouched here: the delete applies
    applied = merge(BASE, row(), None, FIELDS)
    assert applied.merged is None
    assert applied.outcomes == {EXISTS: THEIRS}
    # deleted there, edited here: a conflict, ours kept
    kept = merge(BASE, row(notes="visited"), None, FIELDS)
    assert kept.conflicts == (FieldConflict(EXISTS, PRESENT, PRESENT, DELETED),)
    assert kept.merged["notes"] == "visited"
    # deleted on both sides
    assert merge(BASE, None, None, FIELDS).outcomes == {EXISTS: SAME}


def test_merge_is_idempotent():
    """Merging the merged row with the same other side again changes nothing more."""
    first = merge(BASE, row(notes="visited"), row(status="active"), FIELDS)
    again = merge(first.base, first.merged, row(status="active"), FIELDS)
    assert again.merged == first.merged
    assert not again.theirs_changed
    assert again.ours_changed
