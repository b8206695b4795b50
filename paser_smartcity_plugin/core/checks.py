"""Checks of a parsed position before it is written: the classic mistakes, caught in words.

- outside Paser (the regency's official extent, or the boundary the officer configured) is
  an error — and when a minus sign was forgotten (north of the equator), latitude and
  longitude were swapped, or the longitude got a west letter, the corrected position is
  offered with the error;
- a site of the same layer within ``duplicate_distance_m`` is a warning naming it;
- a desa different from the suggested one is a warning.

The desa suggestion is point-in-polygon on a boundary when one is given (exact), else the
nearest gazetteer centroid (labelled approximate: centroids of simplified polygons).
"""

import math
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence, Tuple

from .gazetteer import REGENCY_EXTENT, Desa, Gazetteer, default_gazetteer, haversine_m
from .messages import N_, Message, Number, NumberPair

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Issue:
    level: str  # error, warning, info
    code: str  # stable identifier, e.g. "outside_paser", "duplicate"
    message: Message
    correction: Optional[Tuple[float, float]] = None  # (lat, lon) offered instead

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class DesaSuggestion:
    desa: Desa
    approximate: bool  # True: nearest centroid; False: inside a boundary polygon
    distance_m: Optional[float] = None  # to the centroid, when approximate

    def describe(self) -> Message:
        if self.approximate:
            return Message(
                N_("{desa}, Kecamatan {kecamatan} ({code}) — approximate: nearest desa centre, {km} km"),
                desa=self.desa.name,
                kecamatan=self.desa.kecamatan,
                code=self.desa.code,
                km=Number((self.distance_m or 0) / 1000, 1),
            )
        return Message(
            N_("{desa}, Kecamatan {kecamatan} ({code}) — from the boundary layer"),
            desa=self.desa.name,
            kecamatan=self.desa.kecamatan,
            code=self.desa.code,
        )


# ---------------------------------------------------------------- boundaries


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


class DesaBoundaries:
    """Official desa polygons keyed by desa code (from the boundary layer the officer configured).

    Their union is the regency: a point in no polygon is outside Paser.
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


def inside_paser(lon: float, lat: float, boundary: Optional[DesaBoundaries] = None) -> bool:
    if boundary is not None and len(boundary):
        return boundary.contains(lon, lat)
    return REGENCY_EXTENT.contains(lon, lat)


def suggest_desa(
    lon: float, lat: float, gazetteer: Optional[Gazetteer] = None, boundary: Optional[DesaBoundaries] = None
) -> Optional[DesaSuggestion]:
    gaz = gazetteer or default_gazetteer()
    if boundary is not None and len(boundary):
        code = boundary.desa_at(lon, lat)
        desa = gaz.desa_by_code(code) if code else None
        if desa is not None:
            return DesaSuggestion(desa, approximate=False)
        if code is None:
            return None
    desa, distance = gaz.nearest_desa(lon, lat)
    return DesaSuggestion(desa, approximate=True, distance_m=distance)


# ---------------------------------------------------------------- checks


def _fmt(lat: float, lon: float) -> NumberPair:
    return NumberPair(lat, lon, 6)


def check_position(
    lat: float, lon: float, boundary: Optional[DesaBoundaries] = None, hemisphere_given: bool = False
) -> List[Issue]:
    """Range and "inside Paser", with a corrected position when a classic slip explains it.

    ``hemisphere_given``: the text said north (LU/N) explicitly, so the slip is the letter.
    """
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return [Issue(ERROR, "not_finite", Message(N_("the position is not a finite number")))]
    in_range = -90 <= lat <= 90 and -180 <= lon <= 180
    if in_range and inside_paser(lon, lat, boundary):
        return []
    where = (
        Message(N_("the configured boundary layer"))
        if boundary is not None and len(boundary)
        else Message(N_("the regency's official extent"))
    )
    north = (
        N_("latitude {lat} is north of the equator (LU/N) — Paser is south (LS/S). Corrected: {corrected}")
        if hemisphere_given
        else N_(
            "latitude {lat} is north of the equator — Paser is south (LS): did you leave out the minus sign? "
            "Corrected: {corrected}"
        )
    )
    slips = (
        ("missing_minus", (-lat, lon), north),
        ("swapped", (lon, lat), N_("latitude and longitude look swapped. Corrected: {corrected}")),
        (
            "swapped",
            (-lon, lat),
            N_(
                "latitude and longitude look swapped, and the latitude lacks its minus sign (LS). Corrected: {corrected}"
            ),
        ),
        (
            "west_longitude",
            (lat, -lon),
            N_("longitude {lon} is west (BB/W) — Paser is east (BT/E). Corrected: {corrected}"),
        ),
        (
            "missing_minus",
            (-lat, -lon),
            N_("both signs are wrong: Paser is south (LS) and east (BT). Corrected: {corrected}"),
        ),
    )
    for code, (clat, clon), template in slips:
        if -90 <= clat <= 90 and -180 <= clon <= 180 and inside_paser(clon, clat, boundary):
            return [
                Issue(
                    ERROR,
                    code,
                    Message(template, lat=Number(lat, 6), lon=Number(lon, 6), corrected=_fmt(clat, clon)),
                    correction=(clat, clon),
                )
            ]
    if not -90 <= lat <= 90:
        return [Issue(ERROR, "out_of_range", Message(N_("latitude {lat} is out of range (−90 to 90)"), lat=f"{lat:g}"))]
    if not -180 <= lon <= 180:
        return [
            Issue(ERROR, "out_of_range", Message(N_("longitude {lon} is out of range (−180 to 180)"), lon=f"{lon:g}"))
        ]
    centre_lon = (REGENCY_EXTENT.west + REGENCY_EXTENT.east) / 2
    centre_lat = (REGENCY_EXTENT.south + REGENCY_EXTENT.north) / 2
    km = haversine_m(lon, lat, centre_lon, centre_lat) / 1000
    return [
        Issue(
            ERROR,
            "outside_paser",
            Message(
                N_("{position} is outside Kabupaten Paser ({where}); it is {km} km from the regency's centre"),
                position=_fmt(lat, lon),
                where=where,
                km=f"{km:.0f}",
            ),
        )
    ]


def check_duplicates(
    lat: float, lon: float, sites: Iterable[dict], distance_m: float, exclude_uid: Optional[str] = None
) -> List[Issue]:
    """A warning for each site (``uid``, ``name``, ``geometry`` (lon, lat)) within ``distance_m``."""
    issues = []
    for site in sites:
        point = site.get("geometry")
        if point is None or (exclude_uid and site.get("uid") == exclude_uid):
            continue
        d = haversine_m(lon, lat, point[0], point[1])
        if d <= distance_m:
            issues.append(
                Issue(
                    WARNING,
                    "duplicate",
                    Message(
                        N_("“{name}” is {distance} m away (closer than {limit} m): is this the same site?"),
                        name=site.get("name") or site.get("uid"),
                        distance=f"{d:.0f}",
                        limit=f"{distance_m:g}",
                    ),
                )
            )
    return issues


def check_desa(
    desa_code: Optional[str], suggestion: Optional[DesaSuggestion], gazetteer: Optional[Gazetteer] = None
) -> List[Issue]:
    if not desa_code or suggestion is None or suggestion.desa.code == desa_code:
        return []
    gaz = gazetteer or default_gazetteer()
    chosen = gaz.desa_by_code(desa_code)
    chosen_name = f"{chosen.name} ({chosen.kecamatan})" if chosen else desa_code
    template = (
        N_("the site's desa is {chosen} but the position lies nearest to {suggested} (approximate)")
        if suggestion.approximate
        else N_("the site's desa is {chosen} but the position lies in {suggested} (boundary layer)")
    )
    return [
        Issue(WARNING, "desa_mismatch", Message(template, chosen=chosen_name, suggested=suggestion.desa.display_name))
    ]
