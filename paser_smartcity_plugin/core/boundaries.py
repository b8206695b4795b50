"""Desa polygons and where a point lies among them: the shipped default and an officer's layer.

The plugin ships the simplified desa and kecamatan polygons of cahyadsn/wilayah_boundaries
(MIT; data/NOTICE.md) as ``data/boundaries.gpkg`` (made by scripts/make_boundaries.py). They are
read here with sqlite3 and decoded in Python — core imports no QGIS or GDAL — and are the
default for the desa suggestion (core/checks.py). An official boundary layer the officer
configures (layers/boundary.py) is read into the same :class:`DesaBoundaries` and wins.

Near a border the simplified polygons cannot tell two desa apart: a point closer than
:data:`BORDER_TOLERANCE_M` to a neighbouring desa is reported with that neighbour, and the
suggestion says it is approximate. 100 m, because:

- the polygons are simplified; their provider's bounding boxes (computed from them) are stated
  good to about 100 m (shared/data/paser/README.md), so a border may be off by that much;
- the polygons agree with each other far better than that — the slivers between neighbouring
  desa measure at most 11 m across (median 5 m; scripts/make_boundaries.py's data, measured
  with GEOS) — so 100 m is the simplification, not noise between neighbours;
- a phone GPS fix is good to 5-10 m and a position picked on imagery to a few tens of metres,
  well inside 100 m.
"""

import math
import os
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, List, Optional, Sequence, Tuple

from . import gpkg

DATA_DIR = os.path.join(os.path.dirname(__file__), "data")
BOUNDARIES_PATH = os.path.join(DATA_DIR, "boundaries.gpkg")
DESA_TABLE = "desa"
KECAMATAN_TABLE = "kecamatan"
BORDER_TOLERANCE_M = 100.0

# Metres per degree for the short distances measured here (a local equirectangular
# projection: at Paser's latitudes and within a few kilometres, good to a fraction of a percent).
_M_PER_DEG_LAT = 110_574.0
_M_PER_DEG_LON_EQUATOR = 111_320.0


def _in_ring(lon: float, lat: float, ring: Sequence[Tuple[float, float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _ring_distance_m(lon: float, lat: float, ring: Sequence[Tuple[float, float]], kx: float, within: float) -> float:
    """Shortest distance in metres from the point to the ring's edges, when it is at most
    ``within`` (else infinity): a segment wholly farther than that in longitude or latitude
    is passed over with four comparisons, which is most of them."""
    best = within * within
    found = False
    ky = _M_PER_DEG_LAT
    dlon, dlat = (within / kx, within / ky) if math.isfinite(within) else (math.inf, math.inf)
    west, east, south, north = lon - dlon, lon + dlon, lat - dlat, lat + dlat
    for i in range(len(ring) - 1):
        x1, y1 = ring[i]
        x2, y2 = ring[i + 1]
        if (
            (x1 < west and x2 < west)
            or (x1 > east and x2 > east)
            or (y1 < south and y2 < south)
            or (y1 > north and y2 > north)
        ):
            continue
        ax, ay = (x1 - lon) * kx, (y1 - lat) * ky
        dx, dy = (x2 - x1) * kx, (y2 - y1) * ky
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
        px, py = ax + t * dx, ay + t * dy
        d = px * px + py * py
        if d <= best:
            best, found = d, True
    return math.sqrt(best) if found else math.inf


def _kx(lat: float) -> float:
    return _M_PER_DEG_LON_EQUATOR * math.cos(math.radians(lat))


class Polygon:
    """A polygon as rings of (lon, lat): the first is the shell, the others holes."""

    def __init__(self, rings: Sequence[Sequence[Tuple[float, float]]]):
        self.rings = [list(r) for r in rings if len(r) >= 3]
        xs = [p[0] for p in self.rings[0]] if self.rings else [0.0]
        ys = [p[1] for p in self.rings[0]] if self.rings else [0.0]
        self.bbox = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, lon: float, lat: float) -> bool:
        w, s, e, n = self.bbox
        if not self.rings or not (w <= lon <= e and s <= lat <= n):
            return False
        return _in_ring(lon, lat, self.rings[0]) and not any(_in_ring(lon, lat, h) for h in self.rings[1:])

    def bbox_distance_m(self, lon: float, lat: float) -> float:
        """A lower bound of :meth:`border_distance_m` for a point outside the box (0 inside it)."""
        w, s, e, n = self.bbox
        dx = max(w - lon, 0.0, lon - e) * _kx(lat)
        dy = max(s - lat, 0.0, lat - n) * _M_PER_DEG_LAT
        return math.hypot(dx, dy)

    def border_distance_m(self, lon: float, lat: float, within: float = math.inf) -> float:
        """Distance in metres from the point to the polygon's outline (shell and holes), when it
        is at most ``within``; infinity otherwise."""
        kx = _kx(lat)
        return min((_ring_distance_m(lon, lat, ring, kx, within) for ring in self.rings), default=math.inf)


@dataclass(frozen=True)
class Location:
    """Where a point lies among the desa polygons.

    ``inside``: ``code`` is the desa whose polygon holds the point and ``distance_m`` its
    distance to that polygon's outline (infinity when farther than the tolerance); ``neighbour``
    is another desa whose polygon is within the tolerance (None when no other desa is that
    close: the point is well inside, or by the regency's outer edge). Not ``inside``: ``code``
    is the nearest desa and ``distance_m`` the distance to its polygon.
    """

    code: str
    inside: bool
    distance_m: float
    neighbour: Optional[str] = None
    neighbour_distance_m: Optional[float] = None


class DesaBoundaries:
    """Desa polygons keyed by desa code: the shipped default or an officer's boundary layer.

    Their union is the regency: a point in no polygon is outside it.
    """

    def __init__(self, desa_polygons: Iterable[Tuple[str, Sequence[Polygon]]], name: str = ""):
        self.items: List[Tuple[str, Polygon]] = [(code, p) for code, polys in desa_polygons for p in polys]
        self.name = name

    def desa_at(self, lon: float, lat: float) -> Optional[str]:
        for code, polygon in self.items:
            if polygon.contains(lon, lat):
                return code
        return None

    def contains(self, lon: float, lat: float) -> bool:
        return self.desa_at(lon, lat) is not None

    def __len__(self) -> int:
        return len(self.items)

    def _nearest(self, lon: float, lat: float, exclude: str = "", within: float = math.inf):
        """(distance, code) of the nearest polygon not of ``exclude``, if one is within ``within`` m."""
        best: Tuple[float, Optional[str]] = (within, None)
        candidates = [(p.bbox_distance_m(lon, lat), c, p) for c, p in self.items if c != exclude]
        for bound, code, polygon in sorted(candidates, key=lambda item: item[0]):
            if bound > best[0]:
                break
            distance = polygon.border_distance_m(lon, lat, best[0])
            if distance <= best[0]:
                best = (distance, code)
        return best

    def locate(self, lon: float, lat: float, tolerance_m: float = BORDER_TOLERANCE_M) -> Optional[Location]:
        """Where the point lies (see :class:`Location`); None when there are no polygons."""
        if not self.items:
            return None
        for code, polygon in self.items:
            if polygon.contains(lon, lat):
                border = min(p.border_distance_m(lon, lat, tolerance_m) for c, p in self.items if c == code)
                if border > tolerance_m:
                    return Location(code, True, border)
                distance, neighbour = self._nearest(lon, lat, exclude=code, within=tolerance_m)
                return Location(code, True, border, neighbour, distance if neighbour else None)
        distance, code = self._nearest(lon, lat)
        assert code is not None
        return Location(code, False, distance)


def read_desa_boundaries(path: str = BOUNDARIES_PATH) -> DesaBoundaries:
    """The desa polygons of a boundaries GeoPackage made by scripts/make_boundaries.py."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        rows = conn.execute(f'SELECT desa_code, geom FROM "{DESA_TABLE}" ORDER BY desa_code').fetchall()
    finally:
        conn.close()
    return DesaBoundaries(
        ((code, [Polygon(rings) for rings in gpkg.decode_polygons(blob)]) for code, blob in rows),
        name="cahyadsn/wilayah_boundaries",
    )


@lru_cache(maxsize=1)
def default_boundaries() -> DesaBoundaries:
    """The shipped desa polygons, read once."""
    return read_desa_boundaries()
