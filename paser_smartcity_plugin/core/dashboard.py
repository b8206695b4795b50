"""Programme figures: service points and towers by status, per kecamatan and overall.

What the head of the office asks for every week. Pure Python: the dock (gui/dashboard.py)
feeds it the sites of the layers (or of the workspace file) and shows the result; the CSV
export is written here too, so a script gets the same figures as the dock.
"""

import os
import tempfile
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from .codelists import SERVICE_STATUS, TOWER_STATUS
from .gazetteer import REGENCY_CODE, REGENCY_EXTENT, REGENCY_NAME, Extent, Gazetteer, default_gazetteer
from .safe_csv import safe_writer

# The 2022 programme: 300 internet service points (the programme brief, see GUIDE.md).
PROGRAMME_TARGET = 300
# Service points that count as delivered against the target.
DELIVERED_STATUS = "active"
OVERALL_KEY = REGENCY_CODE  # the regency as a whole
UNKNOWN_KEY = "?"
OTHER_STATUS = "other"  # a status outside the code list (data edited outside the plugin)
# Coordinates still to be surveyed: a desa centre stands in for the site (core/codelists.py COORD_STATUS).
APPROXIMATE = "approximate"

Point = Tuple[float, float]


@dataclass
class DashboardRow:
    key: str  # kecamatan code, OVERALL_KEY (64.01) for the regency, UNKNOWN_KEY for sites without a known desa
    name: str
    service: Dict[str, int] = field(default_factory=dict)
    towers: Dict[str, int] = field(default_factory=dict)
    points: List[Point] = field(default_factory=list)  # (lon, lat) of the row's sites, for "zoom to"
    # sites whose coordinates are still approximate (a desa centre), per layer
    service_approximate: int = 0
    tower_approximate: int = 0
    bbox: Optional[Extent] = None  # the kecamatan's own box, when nothing has coordinates

    @property
    def service_total(self) -> int:
        return sum(self.service.values())

    @property
    def tower_total(self) -> int:
        return sum(self.towers.values())

    @property
    def approximate(self) -> int:
        """Sites of both layers whose coordinates are still approximate."""
        return self.service_approximate + self.tower_approximate

    @property
    def delivered(self) -> int:
        return self.service.get(DELIVERED_STATUS, 0)

    def extent(self, margin_deg: float = 0.01) -> Extent:
        """Where to zoom for this row: its sites, else its kecamatan, else the regency."""
        if self.points:
            lons = [p[0] for p in self.points]
            lats = [p[1] for p in self.points]
            return Extent(
                min(lons) - margin_deg, min(lats) - margin_deg, max(lons) + margin_deg, max(lats) + margin_deg
            )
        return self.bbox or REGENCY_EXTENT


@dataclass
class Dashboard:
    overall: DashboardRow
    kecamatan: List[DashboardRow]
    target: int = PROGRAMME_TARGET

    @property
    def rows(self) -> List[DashboardRow]:
        """Overall first, then the kecamatan by name (then sites of unknown place)."""
        return [self.overall] + self.kecamatan

    def row(self, key: str) -> DashboardRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    @property
    def target_share(self) -> float:
        """Share of the target registered as service points (0..1, may exceed 1)."""
        return self.overall.service_total / self.target if self.target else 0.0

    @property
    def delivered_share(self) -> float:
        """Share of the target that is active."""
        return self.overall.delivered / self.target if self.target else 0.0


def _status_counts(codes: Iterable[str]) -> Dict[str, int]:
    return {code: 0 for code in codes}


def compute(
    service_points: Iterable[Mapping],
    towers: Iterable[Mapping],
    gazetteer: Optional[Gazetteer] = None,
    target: int = PROGRAMME_TARGET,
) -> Dashboard:
    """Count sites by status per kecamatan. Sites are mappings with ``desa_code``, ``status``
    and optionally ``coord_status`` and ``geometry`` ((lon, lat) or None); the kecamatan
    follows from the desa code."""
    gaz = gazetteer or default_gazetteer()
    overall = DashboardRow(
        OVERALL_KEY,
        REGENCY_NAME,
        _status_counts(SERVICE_STATUS.codes),
        _status_counts(TOWER_STATUS.codes),
        bbox=REGENCY_EXTENT,
    )
    by_key: Dict[str, DashboardRow] = {
        k.code: DashboardRow(
            k.code, k.name, _status_counts(SERVICE_STATUS.codes), _status_counts(TOWER_STATUS.codes), bbox=k.bbox
        )
        for k in gaz.kecamatan
    }

    def add(site: Mapping, attribute: str, codes) -> None:
        desa = gaz.desa_by_code(str(site.get("desa_code") or ""))
        key = desa.kecamatan_code if desa is not None else UNKNOWN_KEY
        if key not in by_key:
            by_key[key] = DashboardRow(
                key, UNKNOWN_KEY, _status_counts(SERVICE_STATUS.codes), _status_counts(TOWER_STATUS.codes)
            )
        status = site.get("status")
        status = status if status in codes else OTHER_STATUS
        point = site.get("geometry")
        approximate = site.get("coord_status") == APPROXIMATE
        for row in (overall, by_key[key]):
            counts = getattr(row, attribute)
            counts[status] = counts.get(status, 0) + 1
            if approximate:
                name = "service_approximate" if attribute == "service" else "tower_approximate"
                setattr(row, name, getattr(row, name) + 1)
            if point is not None:
                row.points.append((float(point[0]), float(point[1])))

    for site in service_points:
        add(site, "service", SERVICE_STATUS)
    for site in towers:
        add(site, "towers", TOWER_STATUS)
    kecamatan = sorted((r for r in by_key.values() if r.key != UNKNOWN_KEY), key=lambda r: r.name)
    if UNKNOWN_KEY in by_key:
        kecamatan.append(by_key[UNKNOWN_KEY])
    return Dashboard(overall, kecamatan, target)


def from_workspace(workspace, gazetteer: Optional[Gazetteer] = None, target: int = PROGRAMME_TARGET) -> Dashboard:
    """The dashboard of a workspace file (core.workspace.Workspace)."""
    from .schema import SERVICE_POINTS, TOWER_PLANS

    return compute(
        workspace.sites(SERVICE_POINTS), workspace.sites(TOWER_PLANS), gazetteer or workspace.gazetteer, target
    )


# Column headers of the CSV, in both languages (like the code lists): the export is read by
# people, in a spreadsheet, in the language the officer works in.
CSV_HEADERS = {
    "kecamatan_code": ("Kecamatan code", "Kode kecamatan"),
    "kecamatan": ("Kecamatan", "Kecamatan"),
    "service_total": ("Service points", "Titik layanan"),
    "service_target": ("Target", "Target"),
    "tower_total": ("Towers", "Menara"),
    "approximate": ("approximate coordinates", "koordinat perkiraan"),
}
SERVICE_PREFIX = ("Service points: ", "Titik layanan: ")
TOWER_PREFIX = ("Towers: ", "Menara: ")


def csv_rows(dashboard: Dashboard, language: str = "en") -> List[List[str]]:
    """Header and one line per row; numbers as plain integers."""
    i = 1 if language.startswith("id") else 0
    other = ("Other status", "Status lain")[i]
    service_codes = list(SERVICE_STATUS.codes) + ([OTHER_STATUS] if dashboard.overall.service.get(OTHER_STATUS) else [])
    tower_codes = list(TOWER_STATUS.codes) + ([OTHER_STATUS] if dashboard.overall.towers.get(OTHER_STATUS) else [])
    header = [
        CSV_HEADERS["kecamatan_code"][i],
        CSV_HEADERS["kecamatan"][i],
        CSV_HEADERS["service_total"][i],
        CSV_HEADERS["service_target"][i],
    ]
    header += [
        SERVICE_PREFIX[i] + (SERVICE_STATUS.label(c, language) if c in SERVICE_STATUS else other) for c in service_codes
    ]
    header += [SERVICE_PREFIX[i] + CSV_HEADERS["approximate"][i]]
    header += [CSV_HEADERS["tower_total"][i]]
    header += [TOWER_PREFIX[i] + (TOWER_STATUS.label(c, language) if c in TOWER_STATUS else other) for c in tower_codes]
    header += [TOWER_PREFIX[i] + CSV_HEADERS["approximate"][i]]
    lines = [header]
    for row in dashboard.rows:
        target = str(dashboard.target) if row.key == OVERALL_KEY else ""
        line = [row.key, row.name, str(row.service_total), target]
        line += [str(row.service.get(c, 0)) for c in service_codes]
        line += [str(row.service_approximate)]
        line += [str(row.tower_total)]
        line += [str(row.towers.get(c, 0)) for c in tower_codes]
        line += [str(row.tower_approximate)]
        lines.append(line)
    return lines


def write_csv(dashboard: Dashboard, path: str, language: str = "en") -> None:
    """Write the CSV at ``path`` all at once: a failed export leaves no half-written file."""
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".dashboard-", suffix=".csv", dir=directory)
    try:
        # utf-8 with BOM: spreadsheet programs then read it as UTF-8 without asking.
        with os.fdopen(handle, "w", newline="", encoding="utf-8-sig") as stream:
            safe_writer(stream).writerows(csv_rows(dashboard, language))
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
