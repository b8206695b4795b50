"""The one spatial index of core: points in a grid of cells about as wide as the search distance.

"Which sites lie within 25 m of this point?" asked for every row of a 50 000-row import (or
of a Telkom shapefile) must not look at every site: a :class:`PointGrid` puts each point in
a cell of ``distance_m`` and looks only at the cells around the query. Building it is linear,
each query costs the few sites near the point.
"""

import math
from typing import Callable, Dict, Generic, Iterable, List, Optional, Tuple, TypeVar

from .gazetteer import haversine_m
from .rows import GEOMETRY

T = TypeVar("T")
Point = Tuple[float, float]  # (lon, lat) in degrees, like GEOMETRY

# A degree of latitude is at least 110 574 m (at the equator), so a cell this many degrees
# high spans at least ``distance_m``: the point's row of cells and one either side hold every
# match north-south. East-west the cells shrink with cos(latitude), see near().
_METRES_PER_DEGREE = 110_000.0
_EARTH_METRES_PER_DEGREE = 111_195.0  # on haversine_m's sphere


def _geometry(item) -> Optional[Point]:
    return item.get(GEOMETRY)


class PointGrid(Generic[T]):
    """Items at points, found by distance. ``point(item)`` gives (lon, lat) or None (not indexed)."""

    def __init__(
        self, distance_m: float, items: Iterable[T] = (), point: Callable[[T], Optional[Point]] = _geometry
    ) -> None:
        self.distance_m = distance_m
        self.cell = max(distance_m / _METRES_PER_DEGREE, 1e-7)
        self._point = point
        self._cells: Dict[Tuple[int, int], List[Tuple[float, float, T]]] = {}
        self._bounds: Optional[Tuple[Tuple[int, int], Tuple[int, int]]] = None  # lowest and highest cell keys
        for item in items:
            self.add(item)

    def _key(self, lon: float, lat: float) -> Tuple[int, int]:
        return int(math.floor(lon / self.cell)), int(math.floor(lat / self.cell))

    def add(self, item: T, point: Optional[Point] = None) -> None:
        """Index ``item`` at ``point`` (default: ``point(item)``); an item without a point is left out."""
        p = point if point is not None else self._point(item)
        if p is None:
            return
        lon, lat = p
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return
        key = self._key(lon, lat)
        self._cells.setdefault(key, []).append((lon, lat, item))
        if self._bounds is None:
            self._bounds = (key, key)
        else:
            (x0, y0), (x1, y1) = self._bounds
            self._bounds = ((min(x0, key[0]), min(y0, key[1])), (max(x1, key[0]), max(y1, key[1])))

    def near(self, lon: float, lat: float, distance_m: Optional[float] = None) -> List[Tuple[float, T]]:
        """(distance in metres, item) of every item within ``distance_m`` (at most the grid's), nearest first."""
        limit = self.distance_m if distance_m is None else min(distance_m, self.distance_m)
        if not self._cells or not (math.isfinite(lon) and math.isfinite(lat)) or limit < 0:
            return []
        kx, ky = self._key(lon, lat)
        # A match lies at most one cell north or south; east-west it may lie further in cells
        # where a degree of longitude is short (cos of the latitude): look as many cells wide.
        widest = min(abs(lat) + self.cell, 89.999)
        span = limit / (_EARTH_METRES_PER_DEGREE * math.cos(math.radians(widest)))
        reach_x = max(1, int(math.ceil(span / self.cell)))
        found: List[Tuple[float, T]] = []
        for dx in range(-reach_x, reach_x + 1):
            for dy in (-1, 0, 1):
                for x, y, item in self._cells.get((kx + dx, ky + dy), ()):
                    d = haversine_m(lon, lat, x, y)
                    if d <= limit:
                        found.append((d, item))
        found.sort(key=lambda pair: pair[0])
        return found

    def nearest(self, lon: float, lat: float) -> Optional[Tuple[float, T]]:
        """(distance in metres, item) of the nearest item at any distance; None when the grid is empty.

        Looks ring by ring around the point's cell, and stops once every cell not yet seen
        lies further away than the nearest item found.
        """
        if not self._cells or not (math.isfinite(lon) and math.isfinite(lat)):
            return None
        kx, ky = self._key(lon, lat)
        (x0, y0), (x1, y1) = self._bounds
        rings = max(abs(kx - x0), abs(kx - x1), abs(ky - y0), abs(ky - y1))
        # The metres a cell spans at least, north-south and (at the widest latitude) east-west.
        widest = min(abs(lat) + self.cell * (rings + 1), 89.999)
        cell_m = self.cell * min(_METRES_PER_DEGREE, _EARTH_METRES_PER_DEGREE * math.cos(math.radians(widest)))
        best: Optional[Tuple[float, T]] = None
        for ring in range(rings + 1):
            for dx in range(-ring, ring + 1):
                for dy in range(-ring, ring + 1) if abs(dx) == ring else (-ring, ring):
                    for x, y, item in self._cells.get((kx + dx, ky + dy), ()):
                        d = haversine_m(lon, lat, x, y)
                        if best is None or d < best[0]:
                            best = (d, item)
            if best is not None and best[0] <= ring * cell_m:
                break
        return best

    def __len__(self) -> int:
        return sum(len(items) for items in self._cells.values())
