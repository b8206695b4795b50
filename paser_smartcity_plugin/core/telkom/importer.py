"""Import from Telkom: read a returned shapefile, match its rows to our sites, preview every
change, and apply the accepted ones in one workspace transaction.

Matching: by UID (our key, kept by Telkom from our export), then by SITE_ID (Telkom's own
identifier), then by proximity (within ``match_distance_m``) together with a similar name.
An empty cell never erases a value: Telkom's file says what it knows, it does not clear
what the officers recorded.
"""

import difflib
import math
import operator
import os
import re
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ..gazetteer import haversine_m
from ..messages import N_, Message, MessageText
from ..rows import GEOMETRY, row_problems
from ..safe_csv import safe_writer
from ..schema import GEOMETRY_COLUMN, LAYERS, SERVICE_POINTS, TOWER_PLANS, UUID_RE
from ..spatial import PointGrid
from ..workspace import Workspace, WorkspaceError
from . import engine as engines
from . import files as shapefiles
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
    file (100 000 and more), and a dataclass with list factories costs noticeably more."""

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
        self.changes: List[Change] = []
        self.reasons: List[str] = []
        self.warnings: List[str] = []
        self.values: Dict[str, Any] = {}  # what apply writes
        self.base_updated_at: Optional[str] = None  # the site's updated_at at preview time

    @property
    def matched(self) -> bool:
        return self.action in (UNCHANGED, UPDATED)

    def __repr__(self) -> str:
        return (
            f"RowReport({self.layer} row {self.row}: {self.action} {self.uid} by {self.matched_by}; "
            f"changes={self.changes}; reasons={self.reasons}; warnings={self.warnings})"
        )


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

    def counts(self) -> Dict[str, int]:
        return {"MATCHED": self.matched, "UPDATED": self.updated, "NEW": self.new, "REJECTED": self.rejected}

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
                if r.action == REJECTED:
                    for reason in r.reasons:
                        writer.writerow(head + ["", "", "", "", reason])
                elif r.changes:
                    for c in r.changes:
                        writer.writerow(head + [c.column, c.field, _text(c.old), _text(c.new), "; ".join(r.warnings)])
                else:
                    writer.writerow(head + ["", "", "", "", "; ".join(r.warnings)])


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
) -> ImportPreview:
    """Read ``path`` (.zip or .shp) and report what importing it would change. Writes nothing.

    ``member`` chooses a shapefile in a zip holding several; ``layer`` forces the target
    layer; ``source_crs`` is required when the shapefile has no .prj.
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
    _, engine = engines.load(engine)
    with engines.gc_paused():
        return _preview(
            workspace, path, source_crs, member, layer, aliases, match_distance_m, engine, progress, is_canceled
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
                workspace, source, source_crs, aliases or {}, match_distance_m, engine, is_canceled
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
) -> Tuple[SourceInfo, List[RowReport]]:
    layer = source.layer
    encoding, encoding_warning = shapefiles.detect_encoding(source)
    if not source.has_prj and not source_crs:
        _crs_of(None, source, None)  # raises MissingCrsError before the (slow) read
    # Map the columns from the DBF header first, so only the mapped ones are read.
    columns, ignored, column_warnings = _map_columns(source.dbf_fields, layer, aliases)
    # The workspace is read while GDAL reads the file (both release the GIL for much of it).
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="paser-telkom-sites") as pool:
        sites = pool.submit(_Matcher, workspace, layer, match_distance_m)
        gdf = engines.read_points(source.shp, engine, encoding, columns=list(columns))
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
    reports = _rows(source.name, layer, by_ours, points, matcher, workspace, is_canceled)
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


class _Matcher:
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


def _duplicates(values: List[Any]) -> Dict[Any, List[int]]:
    seen: Dict[Any, List[int]] = {}
    for index, value in enumerate(values):
        if value:
            seen.setdefault(value, []).append(index)
    return {v: rows for v, rows in seen.items() if len(rows) > 1}


def _rows(
    source: str,
    layer: str,
    by_ours: Dict[str, List[Any]],
    points: List[Optional[Tuple[float, float]]],
    matcher: _Matcher,
    workspace: Workspace,
    is_canceled: IsCanceled,
) -> List[RowReport]:
    schema = LAYERS[layer]
    fields = [f for f in layer_fields(layer) if f.mode in (KEY, UPDATE) and any(n in by_ours for n in f.shp_names)]
    count = len(points)
    uids = _clean_keys(by_ours.get("UID", [None] * count), lower=True)
    site_ids = _clean_keys(by_ours.get("SITE_ID", [None] * count))
    dup_uid = _duplicates(uids)
    dup_site = _duplicates([None if uids[i] else (s.casefold() if s else None) for i, s in enumerate(site_ids)])
    claimed: Dict[str, int] = {}
    reports: List[RowReport] = []
    converted = []
    for f in fields:
        if f.field == "notes":
            parts = [by_ours[n] for n in f.shp_names if n in by_ours]
            if all(set(p) <= {None} for p in parts[1:]):  # nothing continued: the first column alone
                raw = [None if v is None else str(v).rstrip() for v in parts[0]] if parts else [None] * count
            else:
                raw = [join_parts(p[i] for p in parts) for i in range(count)]
        else:
            raw = by_ours[f.shp]
        column, errors = import_column(f, layer, raw)
        converted.append((f.field, column, errors, f.shp))
    names = [name for name, _, _, _ in converted]
    failing = [(name, errors, shp) for name, _, errors, shp in converted if errors]
    bad_rows = {i for _, errors, _ in failing for i in errors}
    # What _matched compares: the updatable fields, as (field, name) to spare attribute look-ups per row.
    updatable = [(f, f.field) for f in fields if f.mode == UPDATE]
    # A row whose updatable values all equal its site's (the untouched round trip) changes no
    # field: one tuple comparison at C speed instead of one test per field.
    at = [names.index(name) for _, name in updatable]
    row_part = operator.itemgetter(*at) if len(at) > 1 else None
    site_part = operator.itemgetter(*[name for _, name in updatable]) if len(at) > 1 else None
    for i, row in enumerate(zip(*[column for _, column, _, _ in converted]) if converted else ((),) * count):
        if i % 5000 == 0:
            _check(is_canceled)
        report = RowReport(layer, source, i + 1)
        reports.append(report)
        values: Dict[str, Any] = {name: value for name, value in zip(names, row) if value is not None}
        if i in bad_rows:
            for name, errors, shp in failing:
                if i in errors:
                    values.pop(name, None)  # None in its column already; kept out whatever it holds
                    report.reasons.append(MessageText(N_("{column}: {problem}"), column=shp, problem=errors[i]))
        uid = values.get("uid")
        report.name = values.get("name")
        point = points[i]
        if uid and not UUID_RE.match(uid):
            report.reasons.append(MessageText(N_("UID: {uid!r} is not a UUID"), uid=uid))
            uid = None
        if uid and uid in dup_uid:
            report.reasons.append(
                MessageText(
                    N_("UID {uid} appears in rows {rows}"), uid=uid, rows=", ".join(str(r + 1) for r in dup_uid[uid])
                )
            )
        site_key = site_ids[i].casefold() if site_ids[i] else None
        if site_key and site_key in dup_site:
            report.reasons.append(
                MessageText(
                    N_("SITE_ID {site_id} appears in rows {rows}"),
                    site_id=site_ids[i],
                    rows=", ".join(str(r + 1) for r in dup_site[site_key]),
                )
            )
        if report.reasons:
            report.action, report.uid = REJECTED, uid
            continue
        site, how, distance = None, None, None
        if uid and uid in matcher.by_uid:
            site, how = matcher.by_uid[uid], BY_UID
        if site is None and site_key:
            holders = matcher.by_site_id.get(site_key, [])
            if len(holders) > 1:
                report.reasons.append(
                    MessageText(
                        N_("SITE_ID {site_id} is held by several sites: {names}"),
                        site_id=site_ids[i],
                        names=", ".join(h["name"] for h in holders),
                    )
                )
            elif holders:
                site, how = holders[0], BY_SITE_ID
        if site is None and not report.reasons and point is not None:
            site, distance = matcher.near(point, report.name)
            how = BY_PROXIMITY if site is not None else None
        if site is not None and site["uid"] in claimed:
            report.reasons.append(
                MessageText(
                    N_("matches the same site ({name}) as row {row}"), name=site["name"], row=claimed[site["uid"]]
                )
            )
        if report.reasons:
            report.action, report.uid = REJECTED, uid
            continue
        if site is not None:
            claimed[site["uid"]] = i + 1
            if uid and uid != site["uid"]:
                by = MessageText(N_("proximity")) if how == BY_PROXIMITY else how  # UID, SITE_ID: column names
                report.warnings.append(
                    MessageText(
                        N_("UID {uid} is unknown; matched by {how} to {site}, whose UID is kept"),
                        uid=uid,
                        how=by,
                        site=site["uid"],
                    )
                )
            same = row_part is not None and row_part(row) == site_part(site)
            _matched(report, schema, site, how, distance, values, point, () if same else updatable, workspace)
        else:
            _new(report, schema, values, point, uid, workspace)
    return reports


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


def _matched(
    report: RowReport,
    schema,
    site: dict,
    how: str,
    distance: Optional[float],
    values: Dict[str, Any],
    point,
    updatable: List[Tuple[Any, str]],
    workspace: Workspace,
) -> None:
    report.uid, report.matched_by, report.distance_m = site["uid"], how, distance
    report.name = site["name"]
    report.base_updated_at = site.get("updated_at")
    update: Dict[str, Any] = {}
    get = values.get
    for f, name in updatable:
        incoming = get(name)
        if incoming is None:
            continue
        current = site.get(name)
        if current == incoming and type(current) is type(incoming):
            continue  # the common case, without a call
        if not same_value(f, current, incoming):
            update[name] = incoming
            report.changes.append(Change(name, f.shp, current, incoming))
    old = site[GEOMETRY]
    if point is None:
        if old is not None:
            report.warnings.append(MessageText(N_("the row has no geometry; the site keeps its coordinates")))
    elif point != old:
        moved = None if old is None else haversine_m(old[0], old[1], point[0], point[1])
        if moved is None or moved > GEOMETRY_TOLERANCE_M:
            update[GEOMETRY] = point
            report.changes.append(Change(GEOMETRY, "geometry", old, point))
            if moved is not None:
                report.warnings.append(MessageText(N_("moved {distance:.1f} m"), distance=moved))
            for name, value in _placed_by_telkom(schema, site, update).items():
                update[name] = value
                report.changes.append(Change(name, BY_FIELD[name].shp, site.get(name), value))
    if not update:
        report.action = UNCHANGED
        return
    problems = [MessageText.of(m) for m in row_problems(schema, update, workspace.gazetteer, partial=True)]
    if problems:
        report.action = REJECTED
        report.reasons.extend(problems)
        return
    report.action = UPDATED
    report.values = update


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


def _new(report: RowReport, schema, values: Dict[str, Any], point, uid: Optional[str], workspace: Workspace) -> None:
    report.action = NEW
    if point is None:
        report.action = REJECTED
        report.reasons.append(
            MessageText(N_("no coordinates, and no UID or SITE_ID of a known site to attach the row to"))
        )
        return
    row = {k: v for k, v in values.items() if k in schema.field_names}
    row[GEOMETRY] = point
    if uid:
        row["uid"] = uid
    else:
        row.pop("uid", None)
    if not row.get("desa_code"):
        desa, _ = workspace.gazetteer.nearest_desa(*point)
        row["desa_code"] = desa.code
        report.warnings.append(
            MessageText(
                N_("KODE_DESA missing: {code} {name} from the nearest desa centre (approximate; check it)"),
                code=desa.code,
                name=desa.name,
            )
        )
    row.setdefault("status", "planned" if schema.name == SERVICE_POINTS else "coordinates_set")
    row.setdefault("coord_status", "approximate")
    row.setdefault("coord_source", "telkom")
    problems = [MessageText.of(m) for m in row_problems(schema, row, workspace.gazetteer)]
    if problems:
        report.action = REJECTED
        report.reasons.extend(problems)
        return
    report.values = row
    report.uid = row.get("uid")
    report.changes = [Change(k, BY_FIELD[k].shp if k in BY_FIELD else "geometry", None, v) for k, v in row.items()]


# ---------------------------------------------------------------- apply


def apply_import(
    workspace: Workspace, preview: ImportPreview, progress: Progress = None, is_canceled: IsCanceled = None
) -> Dict[str, int]:
    """Write the accepted changes of ``preview`` in one transaction; rejected rows are skipped.

    A site edited since the preview stops the whole import (the officer previews again):
    the preview showed old → new, and old must still be true when new is written.
    """
    _check(is_canceled)
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
    updates = [r for r in preview.rows if r.action == UPDATED]
    news = [r for r in preview.rows if r.action == NEW]
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
                            layer=report.layer,
                            name=report.name,
                            uid=report.uid,
                        )
                    )
                if current[0] != report.base_updated_at:
                    raise TelkomError(
                        Message(
                            N_("{layer}: site {name} ({uid}) was edited since the preview; preview the import again"),
                            layer=report.layer,
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
    return {"UPDATED": len(updates), "NEW": len(news)}
