"""Registering coordinates: one operation for the dialog, the algorithm and the import.

:meth:`Registrar.assess` parses and checks a request without writing (the dialog calls it on
every keystroke); :meth:`Registrar.register` writes it in one transaction, and refuses while
an error stands, or while warnings stand unless the officer accepted them (``force``).

What the coordinate source implies for ``coord_status``:

- ``gps_survey``, ``telkom`` (Telkom's surveyed site positions) and ``import`` (the officers'
  survey spreadsheets) -> ``surveyed``;
- ``map`` (picked on a base map: as good as the imagery and the zoom) and ``gazetteer``
  (a desa centre) and ``other`` (unknown provenance) -> ``approximate``.

``verified`` is never set here: verification is a separate act by a second person.
A tower still ``coordinates_pending`` becomes ``coordinates_set``; other statuses stay.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from . import timestamps
from .checks import (
    ERROR,
    INFO,
    WARNING,
    DesaBoundaries,
    DesaSuggestion,
    Issue,
    check_desa,
    check_duplicates,
    check_position,
    suggest_desa,
)
from .coordinates import AUTO, CoordinateParseError, ParsedCoordinate, parse_coordinates
from .messages import N_, Message
from .rows import GEOMETRY, Row, fill_derived
from .rules import layer_rules, value_problem
from .schema import LAYER_NAMES, LAYERS, SERVICE_POINTS, TOWER_PLANS, UUID_RE
from .spatial import PointGrid
from .workspace import Workspace, WorkspaceError

DEFAULT_DUPLICATE_DISTANCE_M = 25.0

STATUS_FOR_SOURCE: Dict[str, str] = {
    "gps_survey": "surveyed",
    "telkom": "surveyed",
    "import": "surveyed",
    "map": "approximate",
    "gazetteer": "approximate",
    "other": "approximate",
}
NEW_SERVICE_POINT_STATUS = "planned"
# Issue codes of the request's fields (the dialog marks the widget by them).
RULE_ISSUE_CODES = {"coord_source": "source", "accuracy_m": "accuracy"}


@dataclass
class RegistrationRequest:
    coordinates: str = ""
    format: str = AUTO
    crs: Optional[str] = None
    site: str = ""  # uid or exact name of an existing site; empty: a new service point
    name: str = ""  # new service point
    category: str = ""  # new service point
    desa_code: str = ""  # empty: the suggested desa (new point) / unchanged (existing site)
    coord_source: str = "gps_survey"
    accuracy_m: Optional[float] = None
    surveyed_by: str = ""
    surveyed_at: Optional[str] = None  # ISO 8601 UTC; empty: now
    notes: str = ""
    parsed: Optional[ParsedCoordinate] = None  # a position already read (map click, GPS, two columns)


@dataclass
class Assessment:
    request: RegistrationRequest
    layer: str = SERVICE_POINTS
    target: Optional[Row] = None
    parsed: Optional[ParsedCoordinate] = None
    desa: Optional[DesaSuggestion] = None
    desa_code: str = ""  # the desa the site will have
    issues: List[Issue] = field(default_factory=list)

    @property
    def errors(self) -> List[Issue]:
        return [i for i in self.issues if i.level == ERROR]

    @property
    def warnings(self) -> List[Issue]:
        return [i for i in self.issues if i.level == WARNING]

    @property
    def infos(self) -> List[Issue]:
        return [i for i in self.issues if i.level == INFO]

    @property
    def correction(self) -> Optional[Tuple[float, float]]:
        return next((i.correction for i in self.errors if i.correction), None)

    def can_write(self, force: bool = False) -> bool:
        return not self.errors and (force or not self.warnings)


@dataclass(frozen=True)
class RegistrationResult:
    uid: str
    layer: str
    created: bool
    lat: float
    lon: float
    desa_code: str
    warnings: Tuple[Issue, ...]


@dataclass(frozen=True)
class PlannedWrite:
    layer: str
    uid: Optional[str]  # the site updated; None: a new service point
    values: Row


class RegistrationError(WorkspaceError):
    """Refused: the issues say why. Nothing was written."""

    def __init__(self, issues: Sequence[Issue]):
        self.issues = list(issues)
        super().__init__("; ".join(str(i) for i in self.issues))

    def render(self, translate=None, decimal_point: str = ".") -> str:
        return "; ".join(i.message.render(translate, decimal_point=decimal_point) for i in self.issues)


def name_key(name: Optional[str]) -> str:
    """A site name as a row names it: case and runs of spaces do not count ("SD 1  grogot" = "SD 1 Grogot")."""
    return " ".join((name or "").split()).casefold()


def _error(issue_code: str, template: str, **params) -> Issue:
    return Issue(ERROR, issue_code, Message(template, **params))


class _Loaded:
    """The workspace's sites as the registrar last read them, with indexes by uid, name and position,
    so that an import checks each row against 50 000 sites as fast as against 50."""

    def __init__(self, workspace: Workspace, distance_m: float) -> None:
        self.sites: Dict[str, List[Row]] = {layer: workspace.sites(layer) for layer in LAYER_NAMES}
        self.by_uid: Dict[str, Tuple[str, Row]] = {}
        self.by_name: Dict[str, List[Tuple[str, Row]]] = {}
        for layer in LAYER_NAMES:
            for row in self.sites[layer]:
                self.by_uid[row["uid"]] = (layer, row)
                self.by_name.setdefault(name_key(row.get("name")), []).append((layer, row))
        self.grids: Dict[str, PointGrid] = {}  # built on first use


class Registrar:
    """Registers coordinates in one workspace. Reads the sites once; call :meth:`reload` after outside edits."""

    def __init__(
        self,
        workspace: Workspace,
        boundary: Optional[DesaBoundaries] = None,
        duplicate_distance_m: float = DEFAULT_DUPLICATE_DISTANCE_M,
    ):
        self.workspace = workspace
        self.gazetteer = workspace.gazetteer
        self.boundary = boundary
        self.duplicate_distance_m = duplicate_distance_m
        self._loaded: Optional[_Loaded] = None

    def reload(self) -> None:
        """Read the sites again on next use (after writes or outside edits)."""
        self._loaded = None

    @property
    def _index(self) -> "_Loaded":
        if self._loaded is None:
            self._loaded = _Loaded(self.workspace, self.duplicate_distance_m)
        return self._loaded

    def sites(self, layer: str) -> List[Row]:
        return self._index.sites[layer]

    def grid(self, layer: str) -> PointGrid:
        """The layer's sites by position (built on first use), for the duplicate check."""
        index = self._index
        if layer not in index.grids:
            index.grids[layer] = PointGrid(self.duplicate_distance_m, index.sites[layer])
        return index.grids[layer]

    # -- targets

    def find_target(self, site: str) -> Tuple[Optional[str], Optional[Row], Optional[Issue]]:
        """(layer, row, None) of the site with this uid or exact name, or (None, None, the problem)."""
        key = site.strip()
        if UUID_RE.match(key.lower()):
            if key.lower() in self._index.by_uid:
                layer, row = self._index.by_uid[key.lower()]
                return layer, row, None
            return None, None, _error("no_site", N_("no site with uid {uid} in the workspace"), uid=key)
        matches = self._index.by_name.get(name_key(key), []) if key else []
        if not matches:
            return None, None, _error("no_site", N_("no site named “{name}” in the workspace"), name=key)
        if len(matches) > 1:
            uids = ", ".join(row["uid"] for _, row in matches)
            return (
                None,
                None,
                _error(
                    "ambiguous_site",
                    N_("{count} sites are named “{name}”: give the uid ({uids})"),
                    count=len(matches),
                    name=key,
                    uids=uids,
                ),
            )
        return matches[0][0], matches[0][1], None

    def search(self, text: str, limit: int = 50) -> List[Tuple[str, Row]]:
        """Sites whose name contains ``text``; pending towers and approximate sites first."""
        needle = text.strip().casefold()
        found = [
            (layer, row)
            for layer in LAYER_NAMES
            for row in self.sites(layer)
            if needle in (row.get("name") or "").casefold() or (needle and row["uid"] == needle)
        ]

        def rank(item):
            layer, row = item
            pending = row.get("status") == "coordinates_pending" or row.get("coord_status") == "pending"
            approximate = row.get("coord_status") == "approximate"
            return (0 if pending else 1 if approximate else 2, (row.get("name") or "").casefold())

        return sorted(found, key=rank)[:limit]

    # -- assessment

    def parse(self, request: RegistrationRequest) -> ParsedCoordinate:
        if request.parsed is not None:
            return request.parsed
        return parse_coordinates(request.coordinates, request.format, request.crs)

    def suggest(self, request: RegistrationRequest) -> Optional[DesaSuggestion]:
        """The desa suggested for the request's position; None when it cannot be read or is outside Paser."""
        try:
            p = self.parse(request)
        except CoordinateParseError:
            return None
        if check_position(p.lat, p.lon, self.boundary):
            return None
        return suggest_desa(p.lon, p.lat, self.gazetteer, self.boundary)

    def assess(self, request: RegistrationRequest, extra_sites: Optional[Dict[str, PointGrid]] = None) -> Assessment:
        """Everything that would be written and everything wrong with it; writes nothing.

        ``extra_sites``: per layer, the sites not yet in the workspace (earlier rows of an
        import) that the duplicate check must also see, as a :class:`PointGrid` of rows.
        """
        a = Assessment(request)
        issues = a.issues
        if request.site.strip():
            layer, target, problem = self.find_target(request.site)
            if problem:
                issues.append(problem)
            else:
                a.layer, a.target = layer, target
        else:
            if not request.name.strip():
                issues.append(_error("name", N_("a new service point needs a name")))
            issues.extend(
                self._broken_rules(SERVICE_POINTS, {"name": request.name.strip(), "category": request.category})
            )
        # the workspace's own rules (core/rules.py), in its words: what writing would refuse
        values = {"coord_source": request.coord_source, "accuracy_m": request.accuracy_m}
        if request.desa_code:
            values["desa_code"] = request.desa_code
        issues.extend(self._broken_rules(a.layer, values))
        try:
            a.parsed = self.parse(request)
        except CoordinateParseError as exc:
            issues.append(Issue(ERROR, "parse", exc.message))
            return a
        p = a.parsed
        issues.extend(Issue(INFO, "note", note) for note in p.notes)
        position_problems = check_position(p.lat, p.lon, self.boundary, p.hemisphere_given and p.lat > 0)
        issues.extend(position_problems)
        if position_problems:
            return a
        a.desa = suggest_desa(p.lon, p.lat, self.gazetteer, self.boundary)
        current_desa = (a.target or {}).get("desa_code") or ""
        a.desa_code = request.desa_code or current_desa or (a.desa.desa.code if a.desa else "")
        if not a.desa_code:
            issues.append(_error("desa_code", N_("no desa could be suggested for this position: choose one")))
        exclude = a.target["uid"] if a.target else None
        grids = [self.grid(a.layer)] + ([extra_sites[a.layer]] if extra_sites and a.layer in extra_sites else [])
        near = sorted((pair for grid in grids for pair in grid.near(p.lon, p.lat)), key=lambda pair: pair[0])
        issues.extend(check_duplicates(p.lat, p.lon, [row for _, row in near], self.duplicate_distance_m, exclude))
        issues.extend(check_desa(a.desa_code, a.desa, self.gazetteer))
        return a

    def _broken_rules(self, layer: str, values: Row) -> List[Issue]:
        """An error per value that breaks the workspace rules (the form's and triggers' words)."""
        rules = layer_rules(LAYERS[layer], self.gazetteer)
        issues = []
        for name, value in values.items():
            if value is None or (name == "name" and not value):  # no name: said above, in the register's words
                continue
            problem = value_problem(rules[name], value)
            if problem is not None:
                issues.append(Issue(ERROR, RULE_ISSUE_CODES.get(name, name), problem))
        return issues

    # -- writing

    def values(self, a: Assessment) -> Row:
        """The row (new point) or the changed values (existing site) the assessment would write."""
        req, p = a.request, a.parsed
        assert p is not None
        values: Row = {
            GEOMETRY: (p.lon, p.lat),
            "coord_status": STATUS_FOR_SOURCE[req.coord_source],
            "coord_source": req.coord_source,
            "accuracy_m": req.accuracy_m,
            "surveyed_by": req.surveyed_by.strip() or None,
            "surveyed_at": req.surveyed_at or timestamps.now_iso(),
        }
        note = req.notes.strip()
        if a.target is None:
            values.update(
                name=req.name.strip(),
                category=req.category,
                desa_code=a.desa_code,
                status=NEW_SERVICE_POINT_STATUS,
                notes=note or None,
            )
            return values
        if a.desa_code != a.target.get("desa_code"):
            values["desa_code"] = a.desa_code
            fill_derived(values, self.gazetteer)  # the names follow the new code
        if a.layer == TOWER_PLANS and a.target.get("status") == "coordinates_pending":
            values["status"] = "coordinates_set"
        if note:
            old = (a.target.get("notes") or "").strip()
            values["notes"] = f"{old}\n{note}" if old else note
        return values

    def plan(self, a: Assessment) -> "PlannedWrite":
        """What writing the assessment will do, without the assessment (an import keeps thousands)."""
        return PlannedWrite(a.layer, a.target["uid"] if a.target is not None else None, self.values(a))

    def apply(self, conn, planned: "PlannedWrite") -> str:
        """Write a planned change inside the caller's transaction; returns the uid."""
        if planned.uid is None:
            (uid,) = self.workspace.insert_sites(SERVICE_POINTS, [planned.values], conn=conn)
            return uid
        self.workspace.update_site(planned.layer, planned.uid, planned.values, conn=conn)
        return planned.uid

    def write(self, conn, a: Assessment) -> str:
        """Write one assessed request inside the caller's transaction; returns the uid."""
        return self.apply(conn, self.plan(a))

    def register(self, request: RegistrationRequest, force: bool = False) -> RegistrationResult:
        """Assess and write in one transaction; :class:`RegistrationError` (nothing written) if refused."""
        a = self.assess(request)
        if not a.can_write(force):
            raise RegistrationError(a.errors or a.warnings)
        with self.workspace.write() as conn:
            uid = self.write(conn, a)
        self.reload()
        assert a.parsed is not None
        return RegistrationResult(
            uid, a.layer, a.target is None, a.parsed.lat, a.parsed.lon, a.desa_code, tuple(a.warnings)
        )
