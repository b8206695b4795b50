"""The three-way merge of one site, field by field: pure, no SQL, no HTTP.

``merge(base, ours, theirs, fields)`` is Kart's/geodiff's ancestor/ours/theirs triple for one
row: ``base`` is the site as both sides last agreed (None: never in step — a site made here),
``ours`` the local row (None: deleted here), ``theirs`` the other side's row (None: deleted
there; a site the other side never had is not merged but created). Rows are canonical dicts (features.canonical_row). The sync calls it for
the pull and again for every push that meets a central that moved; the field-package merge
calls it with the package's base, the office and the surveyor.

Per field: the same on both sides → SAME; changed on one side only → that side wins (OURS or
THEIRS); changed differently on both → CONFLICT, and the merged row keeps ours (the workspace
never loses the officer's value; the conflict waits for the officer's choice). Existence
(field ``_exists``): deleted on one side and untouched on the other → the delete wins;
deleted on one side and edited on the other → a conflict.
"""

from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple

Row = Dict[str, Any]

SAME, OURS, THEIRS, CONFLICT = "same", "ours", "theirs", "conflict"
EXISTS = "_exists"  # the conflict "field" of a delete/edit conflict
PRESENT, DELETED = "present", "deleted"


@dataclass(frozen=True)
class FieldConflict:
    """One field changed differently on both sides. For ``EXISTS``: ``base`` is PRESENT, and
    ``ours``/``theirs`` are DELETED on the deleting side and PRESENT — or, for a central row
    that was edited, that row (a dict) — on the other."""

    field: str
    base: Any
    ours: Any
    theirs: Any


@dataclass(frozen=True)
class MergeResult:
    merged: Optional[Row]  # what both sides should hold now; None: the site is deleted
    base: Optional[Row]  # the new base: their values, except where a conflict keeps the old one
    outcomes: Mapping[str, str] = field(default_factory=dict)  # field -> SAME/OURS/THEIRS/CONFLICT
    conflicts: Tuple[FieldConflict, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.conflicts

    @property
    def ours_changed(self) -> bool:
        """Something of ours is not on their side yet (to push)."""
        return OURS in self.outcomes.values()

    @property
    def theirs_changed(self) -> bool:
        """Something of theirs is not on our side yet (to apply here)."""
        return THEIRS in self.outcomes.values()


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _changed(fields: Sequence[str], a: Optional[Row], b: Optional[Row]) -> bool:
    if a is None or b is None:
        return a is not b
    return any(a.get(name) != b.get(name) for name in fields)


def merge(base: Optional[Row], ours: Optional[Row], theirs: Optional[Row], fields: Sequence[str]) -> MergeResult:
    """Merge one site; ``fields`` are the fields compared (features.merge_fields)."""
    if ours is None:
        if theirs is None or base is None:
            # Deleted on both sides, or made here and deleted here: nothing left to merge.
            return MergeResult(None, None, {EXISTS: SAME})
        if not _changed(fields, base, theirs):
            return MergeResult(None, dict(theirs), {EXISTS: OURS})  # our delete goes out
        return MergeResult(
            None, dict(base), {EXISTS: CONFLICT}, (FieldConflict(EXISTS, PRESENT, DELETED, _jsonable_row(theirs)),)
        )
    if theirs is None:
        if base is not None and not _changed(fields, base, ours):
            return MergeResult(None, None, {EXISTS: THEIRS})  # deleted there, untouched here
        return MergeResult(
            dict(ours),
            dict(base) if base is not None else None,
            {EXISTS: CONFLICT},
            (FieldConflict(EXISTS, PRESENT, PRESENT, DELETED),),
        )
    merged = dict(ours)
    new_base = dict(base) if base is not None else dict(theirs)
    outcomes: Dict[str, str] = {}
    conflicts = []
    for name in fields:
        mine, other = ours.get(name), theirs.get(name)
        old = base.get(name) if base is not None else None
        if mine == other:
            outcomes[name] = SAME
            new_base[name] = other
        elif base is not None and mine == old:
            outcomes[name] = THEIRS
            merged[name] = other
            new_base[name] = other
        elif base is not None and other == old:
            outcomes[name] = OURS
            new_base[name] = old
        else:
            # Changed differently on both sides (or two-way: never in step, and different).
            outcomes[name] = CONFLICT
            new_base[name] = old if base is not None else other
            conflicts.append(FieldConflict(name, _jsonable(old), _jsonable(mine), _jsonable(other)))
    for key in theirs:
        if key not in fields:
            new_base[key] = theirs[key]  # the key and what the other side keeps (uid, updated_at)
    return MergeResult(merged, new_base, outcomes, tuple(conflicts))


def _jsonable_row(row: Row) -> Row:
    return {k: _jsonable(v) for k, v in row.items()}
