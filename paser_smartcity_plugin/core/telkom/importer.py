"""Import from Telkom: read a returned shapefile, match its rows to our sites, preview every
change, and apply the accepted ones in one workspace transaction.

Matching (:class:`Matcher`): by UID (our key, kept by Telkom from our export), then by
SITE_ID (Telkom's own identifier), then by proximity (within ``match_distance_m``) together
with a similar name. An empty cell never erases a value: Telkom's file says what it knows, it
does not clear what the officers recorded.

A preview row is built in steps that each return what they found: the file's columns
converted to workspace values (:func:`convert_columns`), its keys and their duplicates
(:func:`file_keys`), the site it matches (:meth:`Matcher.match`), and what writing it would
do (:class:`RowJudge`: an :class:`Outcome`). Dangerous changes are warnings, not notes: a site
moved farther than ``move_warning_m``, a desa code whose desa does not hold the position
(the register dialog's check, core/checks.py), a UID Telkom changed. The officer may leave
single changes out (:class:`LeaveOut`), in the preview dialog or with the algorithm's SKIP.
"""

import difflib
import math
import operator
import os
import re
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from ..checks import DesaBoundaries, check_desa, suggest_desa
from ..gazetteer import Gazetteer, haversine_m
from ..messages import N_, Message, MessageText
from ..rows import GEOMETRY, row_problems
from ..safe_csv import safe_writer
from ..schema import GEOMETRY_COLUMN, LAYERS, SERVICE_POINTS, TOWER_PLANS, UUID_RE, LayerSchema
from ..spatial import PointGrid
from ..workspace import Workspace, WorkspaceError
from . import files as shapefiles
from . import geopandas_io
from .errors import CancelledError, MissingCrsError, TelkomError
from .export import decode_points
from .mapping import (
    BY_FIELD,
    BY_SHP,
    DEFAULT_ALIASES,
    GEOMETRY_TOLERANCE_M,
    KEY,
    UPDATE,
    import_column,
    join_parts,
    layer_fields,
    same_value,
)

UNCHANGED, UPDATED, NEW, REJECTED = "unchanged", "update", "new", "rejected"
BY_UID, BY_SITE_ID, BY_PROXIMITY = "UID", "SITE_ID", "proximity"

DEFAULT_MATCH_DISTANCE_M = 50.0
# A move farther than this is a warning (setting telkom_move_warning_m; see toolbelt/settings.py).
DEFAULT_MOVE_WARNING_M = 500.0

Progress = Optional[Callable[[float], None]]
IsCanceled = Optional[Callable[[], bool]]

# Words that say what kind of site it is, not which one: left out when comparing names.
_GENERIC_WORDS = {
    "kantor",
    "desa",
    "kel",
    "kelurahan",
    "menara",
    "tower",
    "site",
    "bts",
    "telkomsel",
    "telkom",
    "kec",
    "kecamatan",
    "di",
    "the",
    "office",
}


@dataclass
class Change:
    field: str
    column: str
    old: Any
    new: Any


class RowReport:
    """What importing one row would do. A plain class with slots: there is one per row of the
    file (100 000 and more), and a dataclass with list factories costs noticeably more.

    ``reasons`` say why a rejected row is not imported; ``warnings`` ask the officer to look
    before applying (a far move, a desa that does not hold the position); ``notes`` inform.
    The lists are results: they may be shared between reports, never change them.
    """

    __slots__ = (
        "layer",
        "source",
        "row",
        "action",
        "uid",
        "name",
        "matched_by",
        "distance_m",
        "changes",
        "reasons",
        "warnings",
        "notes",
        "values",
        "base_updated_at",
    )

    def __init__(self, layer: str, source: str, row: int):
        self.layer = layer
        self.source = source
        self.row = row  # 1-based feature number in the shapefile
        self.action: str = UNCHANGED
        self.uid: Optional[str] = None
        self.name: Optional[str] = None
        self.matched_by: Optional[str] = None
        self.distance_m: Optional[float] = None
        self.changes: Sequence[Change] = ()
        self.reasons: Sequence[str] = ()
        self.warnings: Sequence[str] = ()
        self.notes: Sequence[str] = ()
        self.values: Dict[str, Any] = {}  # what apply writes
        self.base_updated_at: Optional[str] = None  # the site's updated_at at preview time

    def take(self, outcome: "Outcome") -> "RowReport":
        self.action, self.values, self.changes = outcome.action, outcome.values, outcome.changes
        self.reasons, self.warnings, self.notes = outcome.reasons, outcome.warnings, outcome.notes
        return self

    @property
    def matched(self) -> bool:
        return self.action in (UNCHANGED, UPDATED)

    @property
    def writes(self) -> bool:
        """Applying the preview writes this row (unless the officer leaves it out)."""
        return self.action in (UPDATED, NEW)

    def __repr__(self) -> str:
        return (
            f"RowReport({self.layer} row {self.row}: {self.action} {self.uid} by {self.matched_by}; "
            f"changes={self.changes}; reasons={self.reasons}; warnings={self.warnings}; notes={self.notes})"
        )


class Outcome(NamedTuple):
    """What writing one row would do: the action, the values written, the changes shown."""

    action: str
    values: Mapping[str, Any] = MappingProxyType({})  # shared by the unchanged rows: read-only
    changes: Sequence[Change] = ()
    reasons: Sequence[str] = ()
    warnings: Sequence[str] = ()
    notes: Sequence[str] = ()


def rejected(*reasons: str) -> Outcome:
    return Outcome(REJECTED, reasons=list(reasons))


UNCHANGED_OUTCOME = Outcome(UNCHANGED)


@dataclass(frozen=True)
class LeaveOut:
    """Changes of a preview the officer leaves out: by site uid, or by row of the file.

    ``rows`` holds (file name or None for any file of the preview, 1-based row number). The
    preview dialog leaves out the rows the officer unticked; the algorithm's SKIP parameter
    is parsed by :meth:`parse`. One code path: :func:`apply_import` takes it.
    """

    uids: FrozenSet[str] = frozenset()
    rows: FrozenSet[Tuple[Optional[str], int]] = frozenset()

    @classmethod
    def of_reports(cls, reports: Iterable[RowReport]) -> "LeaveOut":
        return cls(rows=frozenset((r.source, r.row) for r in reports))

    @classmethod
    def parse(cls, text: str) -> "LeaveOut":
        """``"3f2a…-uuid, 12, 40-45, menara:7"``: uids, row numbers, ranges, a row of one file
        (``menara`` or ``menara.shp`` of a zip holding several)."""
        uids, rows = set(), set()
        for item in re.split(r"[,;\s]+", text or ""):
            if not item:
                continue
            source, _, row = item.rpartition(":") if ":" in item else (None, "", item)
            if source and source.lower().endswith(".shp"):
                source = source[:-4]  # the file as the preview names it: without extension
            if UUID_RE.match(item.lower()):
                uids.add(item.lower())
            elif re.fullmatch(r"\d+", row):
                rows.add((source or None, int(row)))
            elif re.fullmatch(r"\d+-\d+", row) and int(row.split("-")[0]) <= int(row.split("-")[1]):
                first, last = (int(n) for n in row.split("-"))
                if last - first > 1_000_000:
                    raise TelkomError(Message(N_("leave out {item}: the range is too long"), item=item))
                rows.update((source or None, n) for n in range(first, last + 1))
            else:
                raise TelkomError(
                    Message(
                        N_("leave out {item}: not a site uid, a row number (12) or a range of rows (40-45)"),
                        item=item,
                    )
                )
        return cls(frozenset(uids), frozenset(rows))

    def __bool__(self) -> bool:
        return bool(self.uids or self.rows)

    def covers(self, report: RowReport) -> bool:
        return (
            (report.uid in self.uids) or ((report.source, report.row) in self.rows) or ((None, report.row) in self.rows)
        )

    def unused(self, reports: Sequence[RowReport]) -> List[str]:
        """The entries that leave out no change of ``reports``: a typo would apply what the
        officer meant to leave out, so apply refuses them."""
        writing = [r for r in reports if r.writes]
        uids = {r.uid for r in writing}
        rows = {(r.source, r.row) for r in writing} | {(None, r.row) for r in writing}
        unused = sorted(u for u in self.uids if u not in uids)
        unused += [
            f"{s}:{n}" if s else str(n)
            for s, n in sorted(self.rows, key=lambda x: (x[0] or "", x[1]))
            if (s, n) not in rows
        ]
        return unused


@dataclass
class SourceInfo:
    name: str
    layer: str
    encoding: str
    crs: str
    features: int
    columns: Dict[str, str]  # file column -> our shapefile name
    ignored_columns: List[str]
    warnings: List[str] = field(default_factory=list)


@dataclass
class ImportPreview:
    input: str
    sources: List[SourceInfo]
    rows: List[RowReport]
    engine: str = ""
    workspace: str = ""  # the workspace the preview was made against
    applied: bool = False

    def _count(self, *actions: str) -> int:
        return sum(1 for r in self.rows if r.action in actions)

    @property
    def matched(self) -> int:
        return self._count(UNCHANGED, UPDATED)

    @property
    def updated(self) -> int:
        return self._count(UPDATED)

    @property
    def new(self) -> int:
        return self._count(NEW)

    @property
    def rejected(self) -> int:
        return self._count(REJECTED)

    @property
    def changes(self) -> int:
        """Rows that apply would write."""
        return self.updated + self.new

    @property
    def warned(self) -> int:
        """Rows that apply would write and that carry a warning."""
        return sum(1 for r in self.rows if r.warnings and r.writes)

    def counts(self) -> Dict[str, int]:
        return {
            "MATCHED": self.matched,
            "UPDATED": self.updated,
            "NEW": self.new,
            "REJECTED": self.rejected,
            "WARNINGS": self.warned,
        }

    def write_report(self, path: str) -> None:
        """The preview as CSV: one line per changed field, per new or unchanged row, per rejection."""
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            writer = safe_writer(f)
            writer.writerow(
                [
                    "layer",
                    "file",
                    "row",
                    "action",
                    "matched_by",
                    "distance_m",
                    "uid",
                    "name",
                    "column",
                    "field",
                    "old",
                    "new",
                    "reason",
                    "warning",
                    "note",
                ]
            )
            for r in self.rows:
                head = [
                    r.layer,
                    r.source,
                    r.row,
                    r.action,
                    r.matched_by or "",
                    "" if r.distance_m is None else f"{r.distance_m:.1f}",
                    r.uid or "",
                    r.name or "",
                ]
                tail = ["; ".join(r.warnings), "; ".join(r.notes)]
                if r.action == REJECTED:
                    for reason in r.reasons:
                        writer.writerow(head + ["", "", "", "", reason] + tail)
                elif r.changes:
                    for c in r.changes:
                        writer.writerow(head + [c.column, c.field, _text(c.old), _text(c.new), ""] + tail)
                else:
                    writer.writerow(head + ["", "", "", "", ""] + tail)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return f"{value[0]:.7f} {value[1]:.7f}"
    return str(value)


def _check(is_canceled: IsCanceled) -> None:
    if is_canceled is not None and is_canceled():
        raise CancelledError(Message(N_("import cancelled; nothing was written")))


# ---------------------------------------------------------------- preview


def preview_import(
    workspace: Workspace,
    path: str,
    source_crs: Optional[str] = None,
    member: Optional[str] = None,
    layer: Optional[str] = None,
    aliases: Optional[Dict[str, Sequence[str]]] = None,
    match_distance_m: float = DEFAULT_MATCH_DISTANCE_M,
    engine: Optional[str] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
    move_warning_m: float = DEFAULT_MOVE_WARNING_M,
    boundary: Optional[DesaBoundaries] = None,
) -> ImportPreview:
    """Read ``path`` (.zip or .shp) and report what importing it would change. Writes nothing.

    ``member`` chooses a shapefile in a zip holding several; ``layer`` forces the target
    layer; ``source_crs`` is required when the shapefile has no .prj. A site moved farther
    than ``move_warning_m`` is a warning; the desa of a position is suggested from
    ``boundary`` when given (else as the register dialog does without one).
    """
    if layer is not None and layer not in LAYERS:
        raise TelkomError(
            Message(
                N_("unknown layer {layer!r}; expected {first} or {second}"),
                layer=layer,
                first=SERVICE_POINTS,
                second=TOWER_PLANS,
            )
        )
    if not match_distance_m >= 0:
        raise TelkomError(Message(N_("the match distance must be zero or more metres")))
    if not move_warning_m >= 0:
        raise TelkomError(Message(N_("the distance for a move warning must be zero or more metres")))
    _, engine = geopandas_io.load(engine)
    judging = Judging(workspace.gazetteer, move_warning_m, boundary)
    with geopandas_io.gc_paused():
        return _preview(
            workspace,
            path,
            source_crs,
            member,
            layer,
            aliases,
            match_distance_m,
            engine,
            progress,
            is_canceled,
            judging,
        )


def _preview(
    workspace: Workspace,
    path: str,
    source_crs: Optional[str],
    member: Optional[str],
    layer: Optional[str],
    aliases: Optional[Dict[str, Sequence[str]]],
    match_distance_m: float,
    engine: str,
    progress: Progress,
    is_canceled: IsCanceled,
    judging: "Judging",
) -> ImportPreview:
    workdir = shapefiles.temporary_workdir()
    try:
        sources = shapefiles.open_source(path, workdir, member)
        _check(is_canceled)
        for source in sources:
            source.layer = layer or _guess_layer(source)
        if len({s.layer for s in sources}) != len(sources):
            raise TelkomError(Message(N_("several shapefiles target the same layer; choose the one to import")))
        infos: List[SourceInfo] = []
        rows: List[RowReport] = []
        step = 100.0 / len(sources)
        for index, source in enumerate(sources):
            info, layer_rows = _preview_source(
                workspace, source, source_crs, aliases or {}, match_distance_m, engine, is_canceled, judging
            )
            infos.append(info)
            rows.extend(layer_rows)
            if progress:
                progress((index + 1) * step)
        return ImportPreview(path, infos, rows, engine, workspace.path)
    finally:
        shapefiles.remove_workdir(workdir)


def _guess_layer(source: shapefiles.ShapefileSource) -> str:
    by_name = shapefiles.layer_from_exact_name(source.name) or shapefiles.layer_from_name(source.name)
    if by_name:
        return by_name
    upper = {c.upper() for c in source.dbf_fields}
    if upper & {"KATEGORI", "CATEGORY"}:
        return SERVICE_POINTS
    if upper & {"TINGGI_M", "TINGGI", "HEIGHT", "HEIGHT_M", "OPERATOR"}:
        return TOWER_PLANS
    raise TelkomError(
        Message(
            N_("cannot tell whether shapefile {name} holds service points or tower plans; choose the layer"),
            name=source.name,
        )
    )


def _map_columns(
    columns: Sequence[str], layer: str, aliases: Dict[str, Sequence[str]]
) -> Tuple[Dict[str, str], List[str], List[str]]:
    """({file column: our shapefile name}, ignored columns, warnings)."""
    # Derived and export-only columns (DESA, KECAMATAN, DIUBAH) are information for Telkom: not read back.
    allowed = {n for f in layer_fields(layer) for n in f.shp_names if f.mode in (KEY, UPDATE)}
    alias_of: Dict[str, str] = {}
    for table in (DEFAULT_ALIASES, aliases):
        for ours, names in table.items():
            for name in names:
                alias_of[name.upper()] = ours
    mapped: Dict[str, str] = {}
    ignored: List[str] = []
    warnings: List[str] = []
    exact: Dict[str, str] = {}
    for column in columns:
        if column == "geometry":
            continue
        upper = column.upper()
        ours = None
        if upper in BY_SHP:
            ours = upper
        elif column.lower() in BY_FIELD and len(BY_FIELD[column.lower()].shp_names) == 1:
            ours = BY_FIELD[column.lower()].shp
        if ours is not None:
            exact[column] = ours
        elif upper in alias_of:
            mapped[column] = alias_of[upper]
        else:
            ignored.append(column)
    taken = set(exact.values())
    for column, ours in list(mapped.items()):
        if ours in taken:
            warnings.append(
                MessageText(N_("column {column} ignored: {field} is already in the file"), column=column, field=ours)
            )
            ignored.append(column)
            del mapped[column]
        else:
            taken.add(ours)
    mapped.update(exact)
    for column, ours in list(mapped.items()):
        if ours not in allowed:
            del mapped[column]
            ignored.append(column)
    if len(set(mapped.values())) != len(mapped):
        seen: Dict[str, str] = {}
        for column, ours in sorted(mapped.items()):
            if ours in seen:
                raise TelkomError(
                    Message(
                        N_("columns {first} and {second} both mean {field}; rename or remove one"),
                        first=seen[ours],
                        second=column,
                        field=ours,
                    )
                )
            seen[ours] = column
    return mapped, sorted(ignored), warnings


def _crs_of(gdf, source: shapefiles.ShapefileSource, source_crs: Optional[str]):
    from pyproj import CRS

    if not source.has_prj:
        if not source_crs:
            raise MissingCrsError(
                Message(
                    N_(
                        "shapefile {name} has no .prj: say which coordinate reference system it "
                        "uses (e.g. EPSG:32750 UTM 50S, EPSG:9490 SRGI2013 UTM 50S, "
                        "EPSG:23837 DGN95 TM-3 50.1, EPSG:4326 geographic)"
                    ),
                    name=source.name,
                )
            )
        try:
            return CRS.from_user_input(source_crs), []
        except Exception as exc:  # noqa: BLE001 - pyproj's CRSError
            raise TelkomError(
                Message(N_("{crs} is not a coordinate reference system ({error})"), crs=source_crs, error=exc)
            ) from None
    if gdf.crs is None:
        raise TelkomError(Message(N_("shapefile {name}: its .prj cannot be understood"), name=source.name))
    warnings = []
    if source_crs:
        try:
            if not CRS.from_user_input(source_crs).equals(gdf.crs):
                warnings.append(
                    MessageText(
                        N_("{name} has a .prj ({prj}); the chosen CRS {crs} was not used"),
                        name=source.name,
                        prj=gdf.crs.name,
                        crs=source_crs,
                    )
                )
        except Exception:  # noqa: BLE001
            pass
    return CRS.from_user_input(gdf.crs), warnings


def _crs_label(crs) -> str:
    code = crs.to_epsg(min_confidence=70)
    return f"EPSG:{code} ({crs.name})" if code else crs.name


def _preview_source(
    workspace: Workspace,
    source: shapefiles.ShapefileSource,
    source_crs: Optional[str],
    aliases: Dict[str, Sequence[str]],
    match_distance_m: float,
    engine: str,
    is_canceled: IsCanceled,
    judging: "Judging",
) -> Tuple[SourceInfo, List[RowReport]]:
    layer = source.layer
    encoding, encoding_warning = shapefiles.detect_encoding(source)
    if not source.has_prj and not source_crs:
        _crs_of(None, source, None)  # raises MissingCrsError before the (slow) read
    # Map the columns from the DBF header first, so only the mapped ones are read.
    columns, ignored, column_warnings = _map_columns(source.dbf_fields, layer, aliases)
    # The workspace is read while GDAL reads the file (both release the GIL for much of it).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="paser-telkom-sites") as pool:
        sites = pool.submit(Matcher, workspace, layer, match_distance_m)
        gdf = geopandas_io.read_points(source.shp, engine, encoding, columns=list(columns))
        matcher = sites.result()
    _check(is_canceled)
    crs, warnings = _crs_of(gdf, source, source_crs)
    missing = [c for c in columns if c not in gdf.columns]
    if missing:
        raise TelkomError(
            Message(
                N_("shapefile {name}: the reader returned no column {columns}; the .dbf may be damaged"),
                name=source.name,
                columns=", ".join(missing),
            )
        )
    info = SourceInfo(
        source.name,
        layer,
        encoding,
        _crs_label(crs),
        len(gdf),
        columns,
        ignored,
        ([encoding_warning] if encoding_warning else []) + warnings + column_warnings,
    )
    points = _points(gdf, crs)
    _check(is_canceled)
    by_ours: Dict[str, List[Any]] = {ours: gdf[column].tolist() for column, ours in columns.items()}
    reports = _rows(source.name, layer, by_ours, points, matcher, RowJudge(LAYERS[layer], judging), is_canceled)
    return info, reports


def _points(gdf, crs) -> List[Optional[Tuple[float, float]]]:
    """(lon, lat) in WGS 84 of each feature; None for null or empty geometries."""
    from pyproj import CRS, Transformer

    try:  # vectorised; NaN for null and empty points (geopandas >= 1 / shapely 2)
        xs, ys = gdf.geometry.x.tolist(), gdf.geometry.y.tolist()
    except (ValueError, AttributeError):  # geopandas 0.12 refuses empty points: one by one
        xs, ys = [], []
        for geom in gdf.geometry.values:
            empty = geom is None or geom.is_empty or geom.geom_type != "Point"
            xs.append(math.nan if empty else geom.x)
            ys.append(math.nan if empty else geom.y)
    wgs84 = CRS.from_epsg(4326)
    if not crs.equals(wgs84):
        transformer = Transformer.from_crs(crs, wgs84, always_xy=True)
        xs, ys = (list(v) for v in transformer.transform(xs, ys))
    return [None if not (math.isfinite(x) and math.isfinite(y)) else (x, y) for x, y in zip(xs, ys)]


def _sites_for_matching(workspace: Workspace, layer: str) -> List[dict]:
    """The sites with what matching and comparing need (Workspace.sites minus derived columns)."""
    names = ["uid", "updated_at"] + [f.field for f in layer_fields(layer) if f.mode == UPDATE]
    sql = f'SELECT "{GEOMETRY_COLUMN}", ' + ", ".join(f'"{n}"' for n in names) + f' FROM "{layer}"'
    with workspace.read() as conn:
        records = conn.execute(sql).fetchall()
    if not records:
        return []
    # Column-wise: the points decoded at once (numpy), each dict built from a zip at C speed.
    blobs = [r[0] for r in records]
    xs, ys = decode_points(blobs)
    points = [None if x != x else (x, y) for x, y in zip(xs.tolist(), ys.tolist())]
    keys = names + [GEOMETRY]
    return [dict(zip(keys, record[1:] + (point,))) for record, point in zip(records, points)]


class Match(NamedTuple):
    """The site a row is matched to, how, and at what distance (proximity); or why none can be."""

    site: Optional[dict] = None
    how: Optional[str] = None
    distance_m: Optional[float] = None
    problem: Optional[Message] = None


NO_MATCH = Match()


class Matcher:
    """The sites of one layer, found by UID, by SITE_ID or by proximity with a similar name."""

    def __init__(self, workspace: Workspace, layer: str, distance_m: float):
        self.sites = _sites_for_matching(workspace, layer)
        self.by_uid = {s["uid"]: s for s in self.sites}
        self.by_site_id: Dict[str, List[dict]] = {}
        add = self.by_site_id.setdefault
        for s in self.sites:
            site_id = s.get("telkom_site_id")
            if site_id:
                add(site_id.strip().casefold(), []).append(s)
        self.distance_m = distance_m
        self._grid: Optional[PointGrid] = None

    def match(
        self,
        uid: Optional[str],
        site_key: Optional[str],
        point: Optional[Tuple[float, float]],
        name: Optional[str],
        site_id: Optional[str] = None,
    ) -> Match:
        """By UID, else by SITE_ID (``site_key``: casefolded; ``site_id`` as written, for
        the message), else by proximity; an ambiguous SITE_ID is a problem, not a guess."""
        site = self.by_uid.get(uid) if uid else None
        if site is not None:
            return Match(site, BY_UID)
        if site_key:
            holders = self.by_site_id.get(site_key, ())
            if len(holders) > 1:
                return Match(
                    problem=Message(
                        N_("{field} {site_id} is held by several sites: {names}"),
                        field=_label("telkom_site_id"),
                        site_id=site_id or site_key,
                        names=", ".join(h["name"] for h in holders),
                    )
                )
            if holders:
                return Match(holders[0], BY_SITE_ID)
        if point is not None:
            site, distance = self.near(point, name)
            if site is not None:
                return Match(site, BY_PROXIMITY, distance)
        return NO_MATCH

    @property
    def grid(self) -> PointGrid:
        """Sites by position, built on the first proximity search (most rows match by key)."""
        if self._grid is None:
            self._grid = PointGrid(self.distance_m, self.sites)
        return self._grid

    def near(self, point: Tuple[float, float], name: Optional[str]) -> Tuple[Optional[dict], Optional[float]]:
        if not name or self.distance_m <= 0:
            return None, None
        for d, s in self.grid.near(*point):  # nearest first
            if similar_names(name, s["name"]):
                return s, d
        return None, None


def _label(field: str):
    """The field's label in both languages (messages name fields as the officer knows them)."""
    return LAYERS[SERVICE_POINTS].field(field).text


def _name_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = [w for w in re.split(r"[^0-9a-z]+", text) if w and w not in _GENERIC_WORDS]
    return " ".join(words)


def similar_names(a: Optional[str], b: Optional[str]) -> bool:
    """Names of one site as two organisations write them: "Kantor Desa Belimbing" ~ "BELIMBING"."""
    if not a or not b:
        return False
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return a.strip().casefold() == b.strip().casefold()
    if ka == kb or ka in kb or kb in ka:
        return True
    return difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.8


# ---------------------------------------------------------------- the file's columns and keys


class ConvertedColumns(NamedTuple):
    """The file's mapped columns as workspace values: one list per field, in ``names`` order,
    and per row index the problems of the cells that could not be converted."""

    names: List[str]
    columns: List[List[Any]]
    problems: Dict[int, List[str]]
    count: int

    def rows(self) -> Iterable[tuple]:
        """The converted values row by row, as tuples in ``names`` order."""
        return zip(*self.columns) if self.columns else ((),) * self.count


def convert_columns(layer: str, by_ours: Dict[str, List[Any]], count: int) -> ConvertedColumns:
    """The column-conversion step: each mapped field's column(s) read into workspace values
    (mapping.import_column); the notes, spread over CATATAN..CATATANn, joined first."""
    names: List[str] = []
    columns: List[List[Any]] = []
    problems: Dict[int, List[str]] = {}
    for f in layer_fields(layer):
        if f.mode not in (KEY, UPDATE) or not any(n in by_ours for n in f.shp_names):
            continue
        column, errors = import_column(f, layer, _raw_column(f, by_ours, count))
        names.append(f.field)
        columns.append(column)
        for index, problem in errors.items():
            problems.setdefault(index, []).append(problem)
    return ConvertedColumns(names, columns, problems, count)


def _raw_column(f, by_ours: Dict[str, List[Any]], count: int) -> List[Any]:
    if f.field != "notes":
        return by_ours[f.shp]
    parts = [by_ours[n] for n in f.shp_names if n in by_ours]
    if all(set(p) <= {None} for p in parts[1:]):  # nothing continued: the first column alone
        return [None if v is None else str(v).rstrip() for v in parts[0]] if parts else [None] * count
    return [join_parts(p[i] for p in parts) for i in range(count)]


class FileKeys(NamedTuple):
    """The keys of the file's rows (cleaned) and the ones that repeat within the file."""

    raw_uids: List[Optional[str]]  # as written (cleaned), also when not a UUID
    uids: List[Optional[str]]  # the UUIDs; None where the cell is empty or not a UUID
    site_ids: List[Optional[str]]
    site_keys: List[Optional[str]]  # casefolded SITE_ID of the rows without a UID
    repeated_uids: Dict[str, List[int]]
    repeated_site_keys: Dict[str, List[int]]
    flagged: FrozenSet[int]  # rows with a problem of their keys (see problems)

    def problems(self, index: int) -> List[str]:
        """What is wrong with row ``index``'s keys: not a UUID, a key that repeats."""
        out: List[str] = []
        if index not in self.flagged:
            return out
        raw = self.raw_uids[index]
        if raw and not self.uids[index]:
            out.append(MessageText(N_("{field}: “{uid}” is not a UUID"), field=_label("uid"), uid=raw))
        elif raw and raw in self.repeated_uids:
            rows = ", ".join(str(r + 1) for r in self.repeated_uids[raw])
            out.append(MessageText(N_("{field} {key} appears in rows {rows}"), field=_label("uid"), key=raw, rows=rows))
        key = self.site_keys[index]
        if key and key in self.repeated_site_keys:
            rows = ", ".join(str(r + 1) for r in self.repeated_site_keys[key])
            out.append(
                MessageText(
                    N_("{field} {key} appears in rows {rows}"),
                    field=_label("telkom_site_id"),
                    key=self.site_ids[index],
                    rows=rows,
                )
            )
        return out


def file_keys(by_ours: Dict[str, List[Any]], count: int) -> FileKeys:
    raw_uids = _clean_keys(by_ours.get("UID", [None] * count), lower=True)
    match = UUID_RE.match
    uids = [u if u and match(u) else None for u in raw_uids]
    site_ids = _clean_keys(by_ours.get("SITE_ID", [None] * count))
    site_keys = [None if raw_uids[i] else (s.casefold() if s else None) for i, s in enumerate(site_ids)]
    repeated_uids, repeated_site_keys = _repeated(raw_uids), _repeated(site_keys)
    flagged = {i for i, (raw, uid) in enumerate(zip(raw_uids, uids)) if raw and not uid}
    flagged.update(i for rows in repeated_uids.values() for i in rows)
    flagged.update(i for rows in repeated_site_keys.values() for i in rows)
    return FileKeys(raw_uids, uids, site_ids, site_keys, repeated_uids, repeated_site_keys, frozenset(flagged))


def _repeated(values: List[Any]) -> Dict[Any, List[int]]:
    seen: Dict[Any, List[int]] = {}
    for index, value in enumerate(values):
        if value:
            seen.setdefault(value, []).append(index)
    return {v: rows for v, rows in seen.items() if len(rows) > 1}


def _clean_keys(values: Sequence[Any], lower: bool = False) -> List[Optional[str]]:
    """:func:`_clean_key` over a column; text (the usual case) without a call per value."""
    if lower:
        return [(v.strip().lower() or None) if type(v) is str else _clean_key(v, True) for v in values]
    return [(v.strip() or None) if type(v) is str else _clean_key(v) for v in values]


def _clean_key(value: Any, lower: bool = False) -> Optional[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    if isinstance(value, float) and value == int(value):
        text = str(int(value))  # a numeric SITE_ID column: 1234.0 -> "1234"
    return (text.lower() if lower else text) or None


# ---------------------------------------------------------------- rows


def _rows(
    source: str,
    layer: str,
    by_ours: Dict[str, List[Any]],
    points: List[Optional[Tuple[float, float]]],
    matcher: Matcher,
    judge: "RowJudge",
    is_canceled: IsCanceled,
) -> List[RowReport]:
    """One report per row of the file: its keys, its match, and what writing it would do."""
    converted = convert_columns(layer, by_ours, len(points))
    keys = file_keys(by_ours, len(points))
    same_as_site = unchanged_test(layer, converted.names)
    names = converted.names
    claimed: Dict[str, int] = {}  # site uid -> the row that matched it first
    reports: List[RowReport] = []
    for i, row in enumerate(converted.rows()):
        if i % 5000 == 0:
            _check(is_canceled)
        report = RowReport(layer, source, i + 1)
        reports.append(report)
        values: Dict[str, Any] = {name: value for name, value in zip(names, row) if value is not None}
        report.name = values.get("name")
        report.uid = uid = keys.uids[i]
        if i in keys.flagged or i in converted.problems:
            report.take(rejected(*converted.problems.get(i, []), *keys.problems(i)))
            continue
        point = points[i]
        match = matcher.match(uid, keys.site_keys[i], point, report.name, keys.site_ids[i])
        if match.problem is not None:
            report.take(rejected(MessageText.of(match.problem)))
            continue
        site = match.site
        if site is None:
            report.take(judge.new(values, point, uid))
            report.uid = report.values.get("uid") or uid
            continue
        if site["uid"] in claimed:
            report.take(
                rejected(
                    MessageText(
                        N_("matches the same site ({name}) as row {row}"), name=site["name"], row=claimed[site["uid"]]
                    )
                )
            )
            continue
        claimed[site["uid"]] = i + 1
        report.uid, report.matched_by, report.distance_m = site["uid"], match.how, match.distance_m
        report.name, report.base_updated_at = site["name"], site.get("updated_at")
        report.take(judge.update(site, match, values, point, uid, same_as_site(row, site)))
    return reports


def unchanged_test(layer: str, names: List[str]) -> Callable[[tuple, dict], bool]:
    """The fast path for the untouched round trip: True when a converted row's updatable
    values all equal its site's, so no field changed — one tuple comparison at C speed
    instead of one test per field. False sends the row through :meth:`RowJudge.update`'s
    field-by-field comparison (mapping.same_value), which gives the same answer when this
    one is True (tests/unit/test_telkom_speed_paths.py)."""
    updatable = [f.field for f in layer_fields(layer) if f.mode == UPDATE and f.field in names]
    if len(updatable) < 2:
        return lambda row, site: False
    row_part = operator.itemgetter(*[names.index(n) for n in updatable])
    site_part = operator.itemgetter(*updatable)
    return lambda row, site: row_part(row) == site_part(site)


@dataclass(frozen=True)
class Judging:
    """What the judgement of rows needs besides the row: the places and the officer's limits."""

    gazetteer: Gazetteer
    move_warning_m: float = DEFAULT_MOVE_WARNING_M
    boundary: Optional[DesaBoundaries] = None


class RowJudge:
    """What writing a row would do, as an :class:`Outcome`: the changes of a matched site, or
    the new site; the rules' problems reject it, dangerous changes are warnings."""

    def __init__(self, schema: LayerSchema, judging: Judging):
        self.schema = schema
        self.judging = judging
        self.gazetteer = judging.gazetteer
        self.updatable = [(f, f.field) for f in layer_fields(schema.name) if f.mode == UPDATE]

    def update(
        self, site: dict, match: Match, values: Dict[str, Any], point, uid: Optional[str], unchanged_fields: bool
    ) -> Outcome:
        warnings: List[str] = []
        notes: List[str] = []
        if uid and uid != site["uid"]:
            how = _label("telkom_site_id") if match.how == BY_SITE_ID else Message(N_("proximity"))
            warnings.append(
                MessageText(
                    N_("UID {uid} is unknown; matched by {how} to {site}, whose UID is kept"),
                    uid=uid,
                    how=how,
                    site=site["uid"],
                )
            )
        update: Dict[str, Any] = {} if unchanged_fields else self._changed_values(site, values)
        changes = [Change(n, BY_FIELD[n].shp, site.get(n), v) for n, v in update.items()]
        old = site[GEOMETRY]
        if point is None:
            if old is not None:
                notes.append(MessageText(N_("the row has no geometry; the site keeps its coordinates")))
        elif point != old:
            moved = None if old is None else haversine_m(old[0], old[1], point[0], point[1])
            if moved is None or moved > GEOMETRY_TOLERANCE_M:
                update[GEOMETRY] = point
                changes.append(Change(GEOMETRY, "geometry", old, point))
                if moved is not None:
                    (warnings if moved > self.judging.move_warning_m else notes).append(self._moved(moved))
                for name, value in _placed_by_telkom(self.schema, site, update).items():
                    update[name] = value
                    changes.append(Change(name, BY_FIELD[name].shp, site.get(name), value))
        if not update:
            return Outcome(UNCHANGED, warnings=warnings, notes=notes) if warnings or notes else UNCHANGED_OUTCOME
        problems = [MessageText.of(m) for m in row_problems(self.schema, update, self.gazetteer, partial=True)]
        if problems:
            return Outcome(REJECTED, reasons=problems, warnings=warnings, notes=notes)
        if GEOMETRY in update or "desa_code" in update:
            warnings.extend(
                self._desa_warnings(update.get("desa_code") or site.get("desa_code"), update.get(GEOMETRY, old))
            )
        return Outcome(UPDATED, update, changes, (), warnings, notes)

    def _changed_values(self, site: dict, values: Dict[str, Any]) -> Dict[str, Any]:
        update: Dict[str, Any] = {}
        get = values.get
        for f, name in self.updatable:
            incoming = get(name)
            if incoming is None:
                continue
            current = site.get(name)
            if current == incoming and type(current) is type(incoming):
                continue  # the common case, without a call
            if not same_value(f, current, incoming):
                update[name] = incoming
        return update

    def _moved(self, moved: float) -> str:
        if moved > self.judging.move_warning_m:
            return MessageText(
                N_("moved {distance} m, farther than {limit} m: is it the same site? (setting: move warning)"),
                distance=f"{moved:,.0f}".replace(",", " "),
                limit=f"{self.judging.move_warning_m:g}",
            )
        return MessageText(N_("moved {distance:.1f} m"), distance=moved)

    def _desa_warnings(self, desa_code: Optional[str], point) -> List[str]:
        """The register dialog's check (core/checks.py): does the desa hold the position?"""
        if not desa_code or point is None:
            return []
        suggestion = suggest_desa(point[0], point[1], self.gazetteer, self.judging.boundary)
        return [MessageText.of(issue.message) for issue in check_desa(desa_code, suggestion, self.gazetteer)]

    def new(self, values: Dict[str, Any], point, uid: Optional[str]) -> Outcome:
        schema = self.schema
        if point is None:
            return rejected(
                MessageText(N_("no coordinates, and no UID or SITE_ID of a known site to attach the row to"))
            )
        warnings: List[str] = []
        row = {k: v for k, v in values.items() if k in schema.field_names}
        row[GEOMETRY] = point
        if uid:
            row["uid"] = uid
        else:
            row.pop("uid", None)
        if row.get("desa_code"):
            warnings.extend(self._desa_warnings(row["desa_code"], point))
        else:
            suggestion = suggest_desa(point[0], point[1], self.gazetteer, self.judging.boundary)
            if suggestion is None:
                return rejected(
                    MessageText(
                        N_("{field} missing, and no desa holds the position: give it"), field=_label("desa_code")
                    )
                )
            row["desa_code"] = suggestion.desa.code
            warnings.append(
                MessageText(
                    N_("{field} missing: {desa} is the position's desa — check it"),
                    field=_label("desa_code"),
                    desa=suggestion.describe(),
                )
            )
        row.setdefault("status", "planned" if schema.name == SERVICE_POINTS else "coordinates_set")
        row.setdefault("coord_status", "approximate")
        row.setdefault("coord_source", "telkom")
        problems = [MessageText.of(m) for m in row_problems(schema, row, self.gazetteer)]
        if problems:
            return Outcome(REJECTED, reasons=problems, warnings=warnings)
        changes = [Change(k, BY_FIELD[k].shp if k in BY_FIELD else "geometry", None, v) for k, v in row.items()]
        return Outcome(NEW, row, changes, (), warnings)


def _placed_by_telkom(schema, site: dict, update: Dict[str, Any]) -> Dict[str, Any]:
    """Provenance of coordinates Telkom set, unless its file said otherwise."""
    out: Dict[str, Any] = {}
    if "coord_source" not in update and site.get("coord_source") != "telkom":
        out["coord_source"] = "telkom"
    if "coord_status" not in update and site.get("coord_status") == "pending":
        out["coord_status"] = "approximate"
    if schema.name == TOWER_PLANS and "status" not in update and site.get("status") == "coordinates_pending":
        out["status"] = "coordinates_set"
    return out


# ---------------------------------------------------------------- apply


def apply_import(
    workspace: Workspace,
    preview: ImportPreview,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
    leave_out: Optional[LeaveOut] = None,
) -> Dict[str, int]:
    """Write the accepted changes of ``preview`` in one transaction; rejected rows are skipped,
    and so are the changes ``leave_out`` names (the officer unticked them, or SKIP).

    A site edited since the preview stops the whole import (the officer previews again):
    the preview showed old → new, and old must still be true when new is written. An entry
    of ``leave_out`` that names no change of the preview stops it too: a mistyped uid would
    otherwise write the very change the officer meant to leave out.
    """
    _check(is_canceled)
    leave_out = leave_out or LeaveOut()
    unused = leave_out.unused(preview.rows)
    if unused:
        raise TelkomError(
            Message(
                N_(
                    "nothing was imported: {entries} names no change of the preview (leave out only uids or rows it lists)"
                ),
                entries=", ".join(unused),
            )
        )
    if preview.applied:
        raise TelkomError(Message(N_("this preview has already been applied; preview the file again")))
    if preview.workspace and os.path.abspath(preview.workspace) != os.path.abspath(workspace.path):
        raise TelkomError(
            Message(
                N_("the preview was made for {previewed}, not for {path}"),
                previewed=preview.workspace,
                path=workspace.path,
            )
        )
    kept = [r for r in preview.rows if r.writes and not (leave_out and leave_out.covers(r))]
    updates = [r for r in kept if r.action == UPDATED]
    news = [r for r in kept if r.action == NEW]
    total = max(len(updates) + len(news), 1)
    done = 0
    try:
        with workspace.write() as conn:
            for report in updates:
                current = conn.execute(
                    f'SELECT updated_at FROM "{report.layer}" WHERE uid = ?', (report.uid,)
                ).fetchone()
                if current is None:
                    raise TelkomError(
                        Message(
                            N_("{layer}: site {name} ({uid}) was deleted since the preview; preview the import again"),
                            layer=LAYERS[report.layer].title_text,
                            name=report.name,
                            uid=report.uid,
                        )
                    )
                if current[0] != report.base_updated_at:
                    raise TelkomError(
                        Message(
                            N_("{layer}: site {name} ({uid}) was edited since the preview; preview the import again"),
                            layer=LAYERS[report.layer].title_text,
                            name=report.name,
                            uid=report.uid,
                        )
                    )
                workspace.update_site(report.layer, report.uid, report.values, conn=conn)
                done += 1
                if done % 1000 == 0:
                    _check(is_canceled)
                    if progress:
                        progress(100.0 * done / total)
            for layer in LAYERS:
                rows = [dict(r.values) for r in news if r.layer == layer]
                if rows:
                    uids = workspace.insert_sites(layer, rows, conn=conn)
                    for report, new_uid in zip((r for r in news if r.layer == layer), uids):
                        report.uid = new_uid
            _check(is_canceled)
    except WorkspaceError as exc:
        raise TelkomError(Message(N_("nothing was imported: {error}"), error=exc)) from None
    preview.applied = True
    if progress:
        progress(100.0)
    return {"UPDATED": len(updates), "NEW": len(news), "LEFT_OUT": sum(1 for r in preview.rows if r.writes) - len(kept)}
