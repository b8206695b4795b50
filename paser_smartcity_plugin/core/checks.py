"""Checks of a parsed position before it is written: the classic mistakes, caught in words.

- outside Paser (the regency's official extent, or the boundary the officer configured) is
  an error — and when a minus sign was forgotten (north of the equator), latitude and
  longitude were swapped, or the longitude got a west letter, the corrected position is
  offered with the error;
- a site of the same layer within ``duplicate_distance_m`` is a warning naming it;
- a desa different from the suggested one is a warning.

The desa suggestion (:func:`suggest_desa`) is point-in-polygon: on the boundary layer the officer
configured (exact), else on the simplified polygons shipped with the plugin — approximate near
a border with another desa or outside every polygon (core/boundaries.py).
"""

import math
from dataclasses import dataclass
from typing import Iterable, List, Optional, Tuple

from .boundaries import BORDER_TOLERANCE_M, DesaBoundaries, default_boundaries
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


# Where a suggestion comes from.
BOUNDARY_LAYER = "boundary_layer"  # the official layer the officer configured: exact
SHIPPED = "shipped"  # the simplified polygons shipped with the plugin (core/boundaries.py)


def _distance_text(metres: float) -> Message:
    # numbers as Number: written with the reader's decimal separator ("1,2 km")
    if metres < 1000:
        return Message(N_("{distance} m"), distance=Number(metres, 0))
    return Message(N_("{distance} km"), distance=Number(metres / 1000, 1))


@dataclass(frozen=True)
class DesaSuggestion:
    desa: Desa
    approximate: bool  # near another desa's border, or outside every polygon
    distance_m: Optional[float] = None  # approximate: to the border with ``neighbour``, or to ``desa``'s polygon
    source: str = SHIPPED
    neighbour: Optional[Desa] = None  # the desa across a border closer than the tolerance
    inside: bool = True  # False: the position is in no polygon and ``desa`` is the nearest

    def plausible(self, code: str) -> bool:
        """True when ``code`` is a desa the position may well lie in."""
        return code == self.desa.code or (self.neighbour is not None and code == self.neighbour.code)

    def describe(self) -> Message:
        names = dict(desa=self.desa.name, kecamatan=self.desa.kecamatan, code=self.desa.code)
        if self.source == BOUNDARY_LAYER:
            return Message(N_("{desa}, Kecamatan {kecamatan} ({code}) — from the boundary layer"), **names)
        if not self.inside:
            return Message(
                N_(
                    "{desa}, Kecamatan {kecamatan} ({code}) — approximate: the position is outside every desa "
                    "boundary, {distance} from this one"
                ),
                distance=_distance_text(self.distance_m or 0.0),
                **names,
            )
        if self.neighbour is not None:
            return Message(
                N_("{desa}, Kecamatan {kecamatan} ({code}) — approximate: {distance} from the border with {neighbour}"),
                distance=_distance_text(self.distance_m or 0.0),
                neighbour=self.neighbour.display_name,
                **names,
            )
        return Message(N_("{desa}, Kecamatan {kecamatan} ({code}) — inside its desa boundary"), **names)


def inside_paser(lon: float, lat: float, boundary: Optional[DesaBoundaries] = None) -> bool:
    if boundary is not None and len(boundary):
        return boundary.contains(lon, lat)
    return REGENCY_EXTENT.contains(lon, lat)


def suggest_desa(
    lon: float, lat: float, gazetteer: Optional[Gazetteer] = None, boundary: Optional[DesaBoundaries] = None
) -> Optional[DesaSuggestion]:
    """The desa of a position: THE desa suggestion of the register dialog, register_coordinates,
    import_sites and the Telkom import.

    An official ``boundary`` layer (the officer's setting) wins: a point in one of its polygons
    gets that desa, exactly; a point in none of them is outside Paser (None). Otherwise the
    polygons shipped with the plugin decide (core/boundaries.py): inside one and farther than
    BORDER_TOLERANCE_M from any other desa, it is that desa; nearer, or outside every polygon
    (the simplified outline of the regency's edge or coast), the suggestion is approximate.
    """
    gaz = gazetteer or default_gazetteer()
    if boundary is not None and len(boundary):
        code = boundary.desa_at(lon, lat)
        desa = gaz.desa_by_code(code) if code else None
        if desa is not None:
            return DesaSuggestion(desa, approximate=False, source=BOUNDARY_LAYER)
        if code is None:
            return None
    where = default_boundaries().locate(lon, lat, BORDER_TOLERANCE_M)
    desa = gaz.desa_by_code(where.code) if where is not None else None
    if where is None or desa is None:  # a gazetteer without the shipped codes: its nearest centre
        desa, distance = gaz.nearest_desa(lon, lat)
        return DesaSuggestion(desa, approximate=True, distance_m=distance, inside=False)
    if not where.inside:
        return DesaSuggestion(desa, approximate=True, distance_m=where.distance_m, inside=False)
    neighbour = gaz.desa_by_code(where.neighbour) if where.neighbour else None
    if neighbour is None:
        return DesaSuggestion(desa, approximate=False)
    return DesaSuggestion(desa, approximate=True, distance_m=where.neighbour_distance_m, neighbour=neighbour)


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
    """A warning when the site's desa is not one its position may lie in (near a border, the
    desa across it is as plausible as the suggested one)."""
    if not desa_code or suggestion is None or suggestion.plausible(desa_code):
        return []
    gaz = gazetteer or default_gazetteer()
    chosen = gaz.desa_by_code(desa_code)
    chosen_name = f"{chosen.name} ({chosen.kecamatan})" if chosen else desa_code
    if suggestion.source == BOUNDARY_LAYER:
        template = N_("the site's desa is {chosen} but the position lies in {suggested} (boundary layer)")
    elif suggestion.approximate:
        template = N_("the site's desa is {chosen} but the position lies nearest to {suggested} (approximate)")
    else:
        template = N_("the site's desa is {chosen} but the position lies in {suggested} (desa boundaries)")
    return [
        Issue(WARNING, "desa_mismatch", Message(template, chosen=chosen_name, suggested=suggestion.desa.display_name))
    ]
