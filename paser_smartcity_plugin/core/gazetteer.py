"""Gazetteer of Kabupaten Paser: its 10 kecamatan and 144 desa/kelurahan.

Package data derived from the Kemendagri codes (Kepmendagri 300.2.2-2430/2025) as published
in the cahyadsn/wilayah dataset, with centroids and boxes computed from cahyadsn's simplified
boundaries (MIT licence; see data/NOTICE.md).

Centroids are of simplified polygons and may even fall outside a concave desa, so the
nearest-centroid desa suggestion is labelled approximate wherever it is shown.
"""

import csv
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

DATA_DIR = os.path.join(os.path.dirname(__file__), "data")
REGENCY_CODE = "64.01"
REGENCY_NAME = "Kabupaten Paser"


def _dms(deg: int, minute: int, sec: int) -> float:
    return deg + minute / 60 + sec / 3600


@dataclass(frozen=True)
class Extent:
    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


# The regency's official extent: 0°45'18"-2°27'21" S, 115°36'15"-116°57'35" E
# (regency planning documents, as gathered in shared/data/paser/README.md).
REGENCY_EXTENT = Extent(west=_dms(115, 36, 15), south=-_dms(2, 27, 21), east=_dms(116, 57, 35), north=-_dms(0, 45, 18))


@dataclass(frozen=True)
class Kecamatan:
    code: str
    name: str
    lat: float
    lon: float
    bbox: Extent


@dataclass(frozen=True)
class Desa:
    code: str
    name: str
    kind: str  # "desa" or "kelurahan"
    kecamatan_code: str
    kecamatan: str
    lat: float
    lon: float
    bbox: Extent

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.kecamatan})"


def _extent(row: Dict[str, str]) -> Extent:
    return Extent(float(row["bbox_west"]), float(row["bbox_south"]), float(row["bbox_east"]), float(row["bbox_north"]))


class Gazetteer:
    def __init__(self, desa: List[Desa], kecamatan: List[Kecamatan]):
        self.desa: Tuple[Desa, ...] = tuple(sorted(desa, key=lambda d: d.code))
        self.kecamatan: Tuple[Kecamatan, ...] = tuple(sorted(kecamatan, key=lambda k: k.code))
        self._desa_by_code = {d.code: d for d in self.desa}
        self._centres = None  # a PointGrid of the desa centroids, on first use

    @classmethod
    def from_directory(cls, directory: str = DATA_DIR) -> "Gazetteer":
        with open(os.path.join(directory, "kecamatan.csv"), encoding="utf-8", newline="") as f:
            kecamatan = [
                Kecamatan(
                    r["kecamatan_code"],
                    r["kecamatan_name"],
                    float(r["centroid_lat"]),
                    float(r["centroid_lon"]),
                    _extent(r),
                )
                for r in csv.DictReader(f)
            ]
        with open(os.path.join(directory, "desa.csv"), encoding="utf-8", newline="") as f:
            desa = [
                Desa(
                    r["desa_code"],
                    r["desa_name"],
                    r["kind"],
                    r["kecamatan_code"],
                    r["kecamatan_name"],
                    float(r["centroid_lat"]),
                    float(r["centroid_lon"]),
                    _extent(r),
                )
                for r in csv.DictReader(f)
            ]
        return cls(desa, kecamatan)

    def desa_by_code(self, code: str) -> Optional[Desa]:
        return self._desa_by_code.get(code)

    def is_desa_code(self, code: object) -> bool:
        return isinstance(code, str) and code in self._desa_by_code

    def find_desa(self, text: str) -> List[Desa]:
        """Desa whose code equals, or whose name contains, ``text`` (case-insensitive)."""
        text = text.strip()
        if text in self._desa_by_code:
            return [self._desa_by_code[text]]
        needle = text.casefold()
        exact = [d for d in self.desa if d.name.casefold() == needle]
        return exact or [d for d in self.desa if needle in d.name.casefold()]

    def nearest_desa(self, lon: float, lat: float) -> Tuple[Desa, float]:
        """The desa whose centroid is nearest, and the distance to it in metres (approximate).

        Called for every row of an import: the centroids sit in a grid of 10 km cells, and only
        the cells around the point are measured (core/spatial.PointGrid.nearest).
        """
        if self._centres is None:
            from .spatial import PointGrid  # spatial imports this module

            self._centres = PointGrid(10_000.0, self.desa, point=lambda d: (d.lon, d.lat))
        distance, best = self._centres.nearest(lon, lat)
        return best, distance

    def desa_in_kecamatan(self, kecamatan_code: str) -> List[Desa]:
        return [d for d in self.desa if d.kecamatan_code == kecamatan_code]


EARTH_RADIUS_M = 6371008.8


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.from_directory()
