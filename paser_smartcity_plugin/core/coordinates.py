"""Reading coordinates the way officers write them, and writing them back as DMS.

Accepted (auto-detected, or forced with an explicit format):

- decimal degrees, "lat, lon" or "lon lat", with a dot or the Indonesian decimal comma:
  ``-1.902303, 116.189232``, ``-1,9023; 116,1892``, ``116,1892 -1,9023``;
- degrees-minutes-seconds and degrees-decimal-minutes, with ``°'"`` (and their typographic
  look-alikes) or plain spaces, and hemisphere letters in Indonesian (LS/LU, BT/BB, also
  "Lintang Selatan", "Bujur Timur") or English (S/N, E/W), before or after the value:
  ``1°54'08" LS 116°11'21" BT``, ``S 1 54.133 E 116 11.354``;
- projected easting/northing in UTM zone 50S (WGS 84, EPSG:32750, or SRGI2013, EPSG:9490)
  and DGN95 / Indonesia TM-3 zone 50.1 (EPSG:23837): ``457123.4 9789654.2``,
  ``50M 457123 9789654`` (a GPS receiver's form), ``EPSG:23837 318000 1290000``.

Parse errors (:class:`CoordinateParseError`) name the part of the text that is wrong. A
parsed value is not yet a good one: range, hemisphere and "inside Paser" are the business
of :mod:`.checks`, which can then offer a corrected value.
"""

import math
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import List, Optional, Tuple

from .messages import N_, Message, NumberPair
from .projection import (
    GEOGRAPHIC_CRS,
    PROJECTED_CRS,
    UTM50S_SRGI2013,
    UTM50S_WGS84,
    WGS84,
    geographic_to_wgs84,
    projected_crs,
    to_wgs84,
)

MAX_LENGTH = 200

# Formats: "auto" plus explicit ones. Projected formats are the CRS authids.
AUTO = "auto"
DD_LATLON = "dd_latlon"
DD_LONLAT = "dd_lonlat"
DMS = "dms"
DDM = "ddm"
GEOGRAPHIC_FORMATS = (DD_LATLON, DD_LONLAT, DMS, DDM)
PROJECTED_FORMATS = tuple(PROJECTED_CRS)
FORMATS = (AUTO,) + GEOGRAPHIC_FORMATS + PROJECTED_FORMATS
# What auto-detection reports for decimal degrees (order found from the values).
DD = "dd"

LAT, LON = "lat", "lon"


class CoordinateParseError(ValueError):
    """The text cannot be read as a coordinate; ``part`` is the offending piece of it."""

    def __init__(self, message: Message, part: str = ""):
        super().__init__(str(message))
        self.message = message
        self.part = part


@dataclass(frozen=True)
class ParsedCoordinate:
    lat: float  # WGS 84
    lon: float
    format: str  # dd, ddm, dms, or a projected authid
    crs: str = WGS84  # the CRS the text was in
    easting: Optional[float] = None
    northing: Optional[float] = None
    hemisphere_given: bool = False  # the latitude's sign came from a minus or a letter
    notes: Tuple[Message, ...] = field(default=())


# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"""
    (?P<epsg>EPSG\s*[:=]?\s*(?P<epsg_code>\d{4,5}))
  | (?P<tm3>TM[\s-]?3(?:\s*(?:zone|zona))?(?:\s*(?P<tm3_zone>\d{2}[.,]\d))?)
  | (?P<utm>(?:UTM(?:\s*(?:zone|zona))?|zone|zona)\s*(?P<utm_zone>\d{1,2})\s*(?P<utm_band>[A-Za-z])?(?![A-Za-z]))
  | (?P<datum>WGS\s*-?\s*84|SRGI\s*-?\s*2013|DGN\s*-?\s*95)
  | (?P<num>[+\-\u2212\u2013\u2010\u2011]?\d+(?:[.,]\d+)*)
  | (?P<deg>[\u00b0\u00ba\u02da]|deg(?:rees?)?(?![A-Za-z])|derajat)
  | (?P<sec>''|\u2032\u2032|["\u2033\u201d\u201c]|detik)
  | (?P<min>['\u2032\u2019\u2018`\u00b4]|menit)
  | (?P<word>[A-Za-z]+\.?)
  | (?P<sep>[,;/|]|(?<=\s)[-\u2013\u2014](?=\s))
  | (?P<skip>[\s:=()\[\]]+)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# A GPS receiver's UTM form: "50M 0457123 9789654" (zone and latitude band first).
_GARMIN_ZONE = re.compile(r"^\s*(\d{1,2})\s?([C-HJ-NP-X])\s+(?=\d{5})", re.IGNORECASE)

_HEMISPHERES = {
    "ls": (LAT, -1),
    "s": (LAT, -1),
    "south": (LAT, -1),
    "selatan": (LAT, -1),
    "lu": (LAT, 1),
    "n": (LAT, 1),
    "u": (LAT, 1),
    "north": (LAT, 1),
    "utara": (LAT, 1),
    "bt": (LON, 1),
    "e": (LON, 1),
    "t": (LON, 1),
    "east": (LON, 1),
    "timur": (LON, 1),
    "bb": (LON, -1),
    "w": (LON, -1),
    "b": (LON, -1),
    "west": (LON, -1),
    "barat": (LON, -1),
}
_LABELS = {
    "lat": LAT,
    "latitude": LAT,
    "lintang": LAT,
    "y": LAT,
    "northing": LAT,
    "mn": LAT,
    "utaraan": LAT,
    "lon": LON,
    "long": LON,
    "lng": LON,
    "longitude": LON,
    "bujur": LON,
    "x": LON,
    "easting": LON,
    "me": LON,
    "timuran": LON,
}
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE][+\-]?\d+")
# Units, and the wrappers of WKT ("POINT(116.19 -1.90)") and geo URIs ("geo:-1.90,116.19").
_IGNORED_WORDS = {"m", "meter", "metre", "meters", "metres", "point", "geo"}
_MINUS = "-\u2212\u2013\u2010\u2011"


@dataclass
class _Tok:
    kind: str  # num, deg, min, sec, hemi, label, sep
    text: str
    start: int
    value: object = None  # float for num; (axis, sign) for hemi; axis for label


@dataclass
class _Hints:
    crs: Optional[str] = None
    datum: Optional[str] = None
    zone: Optional[int] = None
    band: Optional[str] = None
    text: str = ""


def _error(template: str, offending: str = "", **params) -> CoordinateParseError:
    return CoordinateParseError(Message(template, **params), offending)


_THOUSANDS = re.compile(r"^\d{1,3}(?P<g>[.,])\d{3}(?:(?P=g)\d{3})*(?:(?!(?P=g))[.,]\d+)?$")


def _numbers(raw: str, start: int) -> List[_Tok]:
    """The number(s) in a run of digits and separators such as "-1,9023" or "457.123,45".

    One run may hold two numbers written without a space ("-1.9023,116.1892"); a comma
    between digits is a decimal comma unless the run says otherwise.
    """
    sign = -1.0 if raw[0] in _MINUS else 1.0
    body = raw[1:] if raw[0] in _MINUS + "+" else raw
    offset = len(raw) - len(body)

    def one(text: str) -> float:
        try:
            return float(Decimal(text.replace(",", ".")))
        except InvalidOperation:  # pragma: no cover - the regex admits only digits and separators
            raise _error(N_("cannot read the number “{part}”"), text, part=text) from None

    seps = [c for c in body if c in ".,"]
    if not seps or len(seps) == 1:
        return [_Tok("num", raw, start, sign * one(body))]
    match = _THOUSANDS.match(body)
    if match:
        grouping = match.group("g")
        integer = body.split(grouping)[0]
        value = one(body.replace(grouping, ""))
        if value >= 10000 and len(integer) <= 3:  # thousands grouping: 457.123,45 or 9.790.000
            return [_Tok("num", raw, start, sign * value)]
    if "," in seps and "." in seps:
        parts = body.split(",")
    elif seps.count(",") == 3 and "." not in seps:
        groups = body.split(",")
        parts = [groups[0] + "," + groups[1], groups[2] + "," + groups[3]]
    else:
        raise _error(N_("cannot read “{part}”: separate the two numbers with a space or a semicolon"), raw, part=raw)
    if len(parts) != 2 or not all(parts):
        raise _error(N_("cannot read “{part}”: separate the two numbers with a space or a semicolon"), raw, part=raw)
    first = parts[0]
    return [
        _Tok("num", raw[: offset + len(first)], start, sign * one(first)),
        _Tok("num", parts[1], start + offset + len(first) + 1, one(parts[1])),
    ]


def _tokenize(text: str) -> Tuple[List[_Tok], _Hints]:
    hints = _Hints()
    tokens: List[_Tok] = []
    pos = 0
    garmin = _GARMIN_ZONE.match(text)
    if garmin:
        hints.zone, hints.band, hints.text = int(garmin.group(1)), garmin.group(2).upper(), garmin.group(0).strip()
        pos = garmin.end()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            char = text[pos]
            raise _error(N_("unexpected character “{part}” at position {position}"), char, part=char, position=pos + 1)
        kind = next(
            k
            for k in ("epsg", "tm3", "utm", "datum", "num", "deg", "sec", "min", "word", "sep", "skip")
            if m.group(k) is not None
        )
        piece = m.group(0)
        if kind == "epsg":
            hints.crs, hints.text = f"EPSG:{m.group('epsg_code')}", piece
        elif kind == "tm3":
            zone = (m.group("tm3_zone") or "50.1").replace(",", ".")
            if zone != "50.1":
                raise _error(N_("TM-3 zone {zone} does not cover Paser: use zone 50.1 (EPSG:23837)"), piece, zone=zone)
            hints.crs, hints.text = "EPSG:23837", piece
        elif kind == "utm":
            hints.zone, hints.text = int(m.group("utm_zone")), piece
            hints.band = (m.group("utm_band") or "").upper() or None
        elif kind == "datum":
            hints.datum = re.sub(r"[\s-]", "", piece).upper()
        elif kind == "num":
            tokens.extend(_numbers(piece, pos))
        elif kind in ("deg", "min", "sec", "sep"):
            tokens.append(_Tok(kind, piece, pos))
        elif kind == "word":
            word = piece.rstrip(".").lower()
            if word in _HEMISPHERES:
                tokens.append(_Tok("hemi", piece, pos, _HEMISPHERES[word]))
            elif word in _LABELS:
                tokens.append(_Tok("label", piece, pos, _LABELS[word]))
            elif word not in _IGNORED_WORDS:
                raise _error(
                    N_("“{part}” is not a number, a hemisphere (LS/LU/BT/BB, S/N/E/W) or a label"), piece, part=piece
                )
        pos = m.end()
    # "Lintang Selatan": a label followed by the hemisphere word of the same axis is one letter.
    merged: List[_Tok] = []
    for tok in tokens:
        if tok.kind == "hemi" and merged and merged[-1].kind == "label" and merged[-1].value == tok.value[0]:
            merged[-1] = _Tok("hemi", merged[-1].text + " " + tok.text, merged[-1].start, tok.value)
        else:
            merged.append(tok)
    return merged, hints


# ---------------------------------------------------------------- geographic


@dataclass
class _Part:
    value: float
    kind: str  # dd, ddm, dms
    axis: Optional[str]
    hemisphere: bool  # a letter or a minus sign gave the sign
    text: str


def _part_text(text: str, toks: List[_Tok]) -> str:
    if not toks:
        return ""
    last = toks[-1]
    return text[toks[0].start : last.start + len(last.text)].strip()


def _read_part(text: str, toks: List[_Tok]) -> _Part:
    part = _part_text(text, toks)
    nums: List[Tuple[_Tok, str]] = []
    axis: Optional[str] = None
    hemi: Optional[Tuple[str, int]] = None
    units = ("deg", "min", "sec")
    for tok in toks:
        if tok.kind == "num":
            nums.append((tok, ""))
        elif tok.kind in units:
            if not nums or nums[-1][1]:
                raise _error(N_("“{symbol}” without a number before it in “{part}”"), part, symbol=tok.text, part=part)
            nums[-1] = (nums[-1][0], tok.kind)
        elif tok.kind == "hemi":
            if hemi is not None and hemi != tok.value:
                raise _error(N_("two different hemispheres in “{part}”"), part, part=part)
            hemi = tok.value
        elif tok.kind == "label":
            if axis is not None and axis != tok.value:
                raise _error(N_("“{part}” is labelled both latitude and longitude"), part, part=part)
            axis = tok.value
    if not nums:
        raise _error(N_("no number in “{part}”"), part, part=part)
    if len(nums) > 3:
        raise _error(N_("too many numbers in “{part}”: at most degrees, minutes and seconds"), part, part=part)
    # Units: explicit ones must rise (° then ' then "); a bare number takes the next unit.
    assigned: List[str] = []
    for tok, unit in nums:
        expected = units[len(assigned)] if len(assigned) < 3 else None
        if unit and assigned and units.index(unit) <= units.index(assigned[-1]):
            raise _error(
                N_("“{part}”: {symbol} is out of order (degrees ° then minutes ' then seconds \")"),
                part,
                part=part,
                symbol=tok.text,
            )
        assigned.append(unit or expected or "sec")
    values = [tok.value for tok, _ in nums]
    for tok, _ in nums[1:]:
        if tok.text[0] in _MINUS + "+":
            raise _error(N_("“{part}”: only the degrees may carry a sign"), part, part=part)
    degrees = values[0]
    negative = degrees < 0 or nums[0][0].text[0] in _MINUS
    degrees = abs(degrees)
    minutes = seconds = 0.0
    for (tok, _), unit in zip(nums[1:], assigned[1:]):
        if unit == "min":
            minutes = tok.value
        else:
            seconds = tok.value
    if "min" not in assigned and "sec" in assigned and len(nums) > 1:
        raise _error(N_("“{part}”: seconds without minutes"), part, part=part)
    if len(nums) > 1 and degrees != int(degrees):
        raise _error(N_("“{part}”: degrees must be a whole number when minutes follow"), part, part=part)
    if len(nums) > 2 and minutes != int(minutes):
        raise _error(N_("“{part}”: minutes must be a whole number when seconds follow"), part, part=part)
    if minutes >= 60:
        raise _error(
            N_("“{part}”: {value} minutes — minutes must be less than 60"), part, part=part, value=_plain(minutes)
        )
    if seconds >= 60:
        raise _error(
            N_("“{part}”: {value} seconds — seconds must be less than 60"), part, part=part, value=_plain(seconds)
        )
    value = degrees + minutes / 60 + seconds / 3600
    sign = -1 if negative else 1
    if hemi is not None:
        if axis is not None and axis != hemi[0]:
            raise _error(N_("“{part}” is labelled both latitude and longitude"), part, part=part)
        axis = hemi[0]
        if negative and hemi[1] > 0:
            raise _error(
                N_("“{part}”: a minus sign and a northern/eastern hemisphere letter contradict"), part, part=part
            )
        sign = hemi[1]
    kind = (DD, DDM, DMS)[len(nums) - 1]
    return _Part(sign * value, kind, axis, hemi is not None or negative, part)


def _plain(value: float) -> str:
    return f"{value:g}"


def _split_parts(text: str, toks: List[_Tok]) -> List[List[_Tok]]:
    seps = [i for i, t in enumerate(toks) if t.kind == "sep"]
    if seps:
        groups, current = [], []
        for t in toks:
            if t.kind == "sep":
                groups.append(current)
                current = []
            else:
                current.append(t)
        groups.append(current)
        groups = [g for g in groups if g]
        if len(groups) != 2:
            raise _error(
                N_("expected two coordinates separated by one comma or semicolon, found {count} parts"),
                text.strip(),
                count=len(groups),
            )
        return groups
    markers = [t for t in toks if t.kind in ("hemi", "label")]
    if markers:
        # Labels (lat/lon/lintang/bujur) come before their value; hemisphere letters come
        # before or after, the same way for both values ("S 1 54 E 116 11" or "1 54 S 116 11 E").
        first = next((t for t in toks if t.kind != "label"), None)
        prefix = first is not None and first.kind == "hemi"
        groups = [[]]
        for i, t in enumerate(toks):
            has_num = any(x.kind == "num" for x in groups[-1])
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if t.kind == "label":
                starts = has_num and nxt is not None and nxt.kind in ("num", "hemi")
                if starts:
                    groups.append([])
                groups[-1].append(t)
                if has_num and not starts:
                    groups.append([])
            elif t.kind == "hemi":
                if prefix and has_num:
                    groups.append([])
                groups[-1].append(t)
                if not prefix and has_num:
                    groups.append([])
            else:
                groups[-1].append(t)
        groups = [g for g in groups if g]
        if len(groups) == 1 and sum(t.kind == "num" for t in toks) in (2, 4, 6) and len(markers) == 1:
            raise _error(
                N_(
                    "only one hemisphere letter or label in “{part}”: give one for each coordinate "
                    "(1°54'08\" LS 116°11'21\" BT) or none"
                ),
                text.strip(),
                part=text.strip(),
            )
        if len(groups) == 1:
            raise _error(
                N_("only one coordinate in “{part}”: a position needs a latitude and a longitude"),
                text.strip(),
                part=text.strip(),
            )
        if len(groups) != 2:
            raise _error(
                N_("expected two coordinates, found {count} in “{part}”"),
                text.strip(),
                count=len(groups),
                part=text.strip(),
            )
        return groups
    nums = [t for t in toks if t.kind == "num"]
    degs = [i for i, t in enumerate(toks) if t.kind == "deg"]
    if len(degs) == 2 and degs[0] > 0 and degs[1] > 0:
        cut = degs[1] - 1  # the second coordinate starts at the number before the second °
        return [toks[:cut], toks[cut:]]
    if len(nums) in (2, 4, 6) and len(nums) == len(toks) - sum(t.kind in ("deg", "min", "sec") for t in toks):
        half = len(nums) // 2
        groups, count = [[]], 0
        for t in toks:
            if t.kind == "num":
                if count == half:
                    groups.append([])
                count += 1
            groups[-1].append(t)
        return groups
    if len(nums) == 1:
        raise _error(
            N_("only one number, “{part}”: a position needs a latitude and a longitude"),
            text.strip(),
            part=text.strip(),
        )
    raise _error(
        N_(
            "cannot tell where the latitude ends and the longitude begins in “{part}”: "
            "separate them with a comma or a semicolon"
        ),
        text.strip(),
        part=text.strip(),
    )


def _geographic(text: str, toks: List[_Tok], fmt: str) -> ParsedCoordinate:
    groups = _split_parts(text, toks)
    a, b = (_read_part(text, g) for g in groups)
    notes: List[Message] = []
    if a.axis and b.axis:
        if a.axis == b.axis:
            name = N_("latitudes") if a.axis == LAT else N_("longitudes")
            raise _error(
                N_("both “{first}” and “{second}” are {what}"),
                text.strip(),
                first=a.text,
                second=b.text,
                what=Message(name),
            )
        lat, lon = (a, b) if a.axis == LAT else (b, a)
    elif a.axis or b.axis:
        known, other = (a, b) if a.axis else (b, a)
        lat, lon = (known, other) if known.axis == LAT else (other, known)
    elif fmt == DD_LONLAT:
        lon, lat = a, b
    elif fmt == DD_LATLON:
        lat, lon = a, b
    elif abs(a.value) > 90 >= abs(b.value):
        lon, lat = a, b
        notes.append(Message(N_("read as longitude, latitude")))
    else:
        lat, lon = a, b
    kinds = {a.kind, b.kind}
    kind = DMS if DMS in kinds else DDM if DDM in kinds else DD
    expected = {DD_LATLON: DD, DD_LONLAT: DD, DMS: DMS, DDM: DDM}.get(fmt)
    if expected and kind != expected:
        names = {
            DD: N_("decimal degrees"),
            DDM: N_("degrees and decimal minutes"),
            DMS: N_("degrees, minutes and seconds"),
        }
        raise _error(
            N_("“{part}” is written in {found}, not in {expected}: choose that format or auto-detect"),
            text.strip(),
            part=text.strip(),
            found=Message(names[kind]),
            expected=Message(names[expected]),
        )
    for value, part in ((lat.value, lat), (lon.value, lon)):
        if not math.isfinite(value):  # pragma: no cover - the tokenizer reads digits only
            raise _error(N_("“{part}” is not a finite number"), part.text, part=part.text)
    return ParsedCoordinate(lat.value, lon.value, kind, WGS84, hemisphere_given=lat.hemisphere, notes=tuple(notes))


# ---------------------------------------------------------------- projected


def _projected(text: str, toks: List[_Tok], hints: _Hints, crs_authid: Optional[str]) -> ParsedCoordinate:
    part = text.strip()
    for t in toks:
        if t.kind in ("deg", "min", "sec"):
            raise _error(N_("“{symbol}” in a projected (easting/northing) coordinate"), t.text, symbol=t.text)
    nums = [t for t in toks if t.kind == "num"]
    if len(nums) != 2:
        raise _error(
            N_("a projected coordinate is two numbers, easting and northing; found {count} in “{part}”"),
            part,
            count=len(nums),
            part=part,
        )
    # Axis labels: x/easting/mE/E and y/northing/mN/N, written before or after the number.
    axes: List[Optional[str]] = [None, None]
    for i, t in enumerate(toks):
        if t.kind in ("label", "hemi"):
            axis = t.value if t.kind == "label" else t.value[0]
            prev = next((j for j in range(i - 1, -1, -1) if toks[j].kind == "num"), None)
            nxt = next((j for j in range(i + 1, len(toks)) if toks[j].kind == "num"), None)
            target = nxt if (nxt is not None and (prev is None or toks[0].kind in ("label", "hemi"))) else prev
            if target is not None:
                axes[nums.index(toks[target])] = axis
    values = [n.value for n in nums]
    for v, n in zip(values, nums):
        if v < 0:
            raise _error(
                N_(
                    "“{part}”: eastings and northings here are never negative; if these are degrees, a "
                    "decimal point is missing"
                ),
                n.text,
                part=n.text,
            )
    notes: List[Message] = []
    candidates = []
    if crs_authid:
        try:
            candidates = [projected_crs(crs_authid)]
        except KeyError:
            raise _error(
                N_("{crs} is not a supported projected CRS: use EPSG:32750, EPSG:9490 or EPSG:23837"),
                crs_authid,
                crs=crs_authid,
            ) from None
    else:
        candidates = [UTM50S_WGS84, UTM50S_SRGI2013, PROJECTED_CRS["EPSG:23837"]]
    if hints.zone is not None:
        if hints.zone != 50:
            raise _error(
                N_("UTM zone {zone} does not cover Paser: all of Paser is in UTM zone 50 south"),
                hints.text,
                zone=hints.zone,
            )
        # Latitude bands N..X are north of the equator; "S" after a zone means south, as in "50S".
        if hints.band and hints.band in "NPQRTUVWX":
            raise _error(
                N_("“{part}” is north of the equator: Paser is in zone 50 south (band M or L, “50S”)"),
                hints.text,
                part=hints.text,
            )
        candidates = [c for c in candidates if c.authid in ("EPSG:32750", "EPSG:9490")]
    if hints.datum:
        datum_crs = {"WGS84": "EPSG:32750", "SRGI2013": "EPSG:9490", "DGN95": "EPSG:23837"}[hints.datum]
        candidates = [c for c in candidates if c.authid == datum_crs]
    if not candidates:
        raise _error(N_("the CRS named in “{part}” contradicts the one chosen"), part, part=part)

    def orders():
        if axes[0] or axes[1]:
            e_first = axes[0] == LON or axes[1] == LAT
            return [(values[0], values[1]) if e_first else (values[1], values[0])]
        return [(values[0], values[1]), (values[1], values[0])]

    fits = []
    for crs in candidates:
        for e, n in orders():
            if (
                crs.easting_range[0] <= e <= crs.easting_range[1]
                and crs.northing_range[0] <= n <= crs.northing_range[1]
            ):
                fits.append((crs, e, n))
    if not fits:
        if len(candidates) == 1:
            crs = candidates[0]
            e, n = orders()[0]
            raise _error(
                N_(
                    "easting {easting} / northing {northing} is far outside {crs} in Paser "
                    "(easting {e_min:.0f}–{e_max:.0f}, northing {n_min:.0f}–{n_max:.0f})"
                ),
                part,
                easting=_plain(e),
                northing=_plain(n),
                crs=crs.authid,
                e_min=crs.easting_range[0],
                e_max=crs.easting_range[1],
                n_min=crs.northing_range[0],
                n_max=crs.northing_range[1],
            )
        raise _error(
            N_(
                "“{part}” fits none of the supported projections (UTM 50S: northing 9 000 000–10 000 000; "
                "TM-3 50.1: northing 1 000 000–1 500 000); if these are degrees, a decimal point is "
                "missing"
            ),
            part,
            part=part,
        )
    crs, e, n = fits[0]
    authids = {f[0].authid for f in fits}
    if not crs_authid and not hints.datum and authids >= {"EPSG:32750", "EPSG:9490"}:
        notes.append(
            Message(
                N_(
                    "read as WGS 84 / UTM zone 50S (EPSG:32750); for SRGI2013 (EPSG:9490) choose that "
                    "format — the two differ by about 0.2 m here"
                )
            )
        )
    if (e, n) != (values[0], values[1]):
        notes.append(Message(N_("read as northing, easting")))
    lon, lat = to_wgs84(crs.authid, e, n)
    return ParsedCoordinate(lat, lon, crs.authid, crs.authid, e, n, hemisphere_given=True, notes=tuple(notes))


# ---------------------------------------------------------------- entry points


def parse_coordinates(text: Optional[str], fmt: str = AUTO, crs: Optional[str] = None) -> ParsedCoordinate:
    """Read one position from ``text``; ``fmt`` is :data:`AUTO` or one of :data:`FORMATS`.

    ``crs`` (an authid) forces a projected reading; "EPSG:4326" forces a geographic one.
    """
    if fmt not in FORMATS:
        raise _error(N_("unknown coordinate format {format}"), str(fmt), format=fmt)
    if text is None or not str(text).strip():
        raise _error(N_("no coordinates entered"))
    text = str(text)
    if len(text) > MAX_LENGTH:
        raise _error(
            N_("the text is {length} characters long; a coordinate is at most {limit}"),
            text[:20] + "…",
            length=len(text),
            limit=MAX_LENGTH,
        )
    crs = (crs or "").strip().upper() or None
    if fmt in PROJECTED_FORMATS:
        crs = fmt
    scientific = _SCIENTIFIC.search(text)
    if scientific:
        raise _error(
            N_("“{part}” is scientific notation; write the number out"), scientific.group(0), part=scientific.group(0)
        )
    toks, hints = _tokenize(text)
    if not toks:
        raise _error(N_("no coordinates in “{part}”"), text.strip(), part=text.strip())
    if hints.crs and hints.crs != WGS84:
        if crs and crs != hints.crs:
            raise _error(N_("the text names {named} but {chosen} was chosen"), hints.text, named=hints.crs, chosen=crs)
        crs = hints.crs
    geo_crs = crs if crs in GEOGRAPHIC_CRS else hints.crs if hints.crs in GEOGRAPHIC_CRS else None
    geographic = fmt in GEOGRAPHIC_FORMATS or geo_crs is not None
    if geo_crs is not None:
        crs = None
    if not geographic:
        nums = [t.value for t in toks if t.kind == "num"]
        looks_projected = any(abs(v) > 360 for v in nums) and not any(t.kind in ("deg", "min", "sec") for t in toks)
        if crs or hints.zone is not None or hints.datum or looks_projected:
            return _projected(text, toks, hints, crs)
    elif hints.zone is not None or (hints.crs and hints.crs not in GEOGRAPHIC_CRS):
        raise _error(
            N_("“{part}” names a projected CRS but a geographic format was chosen"), hints.text, part=hints.text
        )
    parsed = _geographic(text, toks, fmt)
    geo_crs = geo_crs or WGS84
    if geo_crs == WGS84 or not (-90 <= parsed.lat <= 90 and -180 <= parsed.lon <= 180):
        return replace(parsed, crs=geo_crs)
    lon, lat = geographic_to_wgs84(geo_crs, parsed.lon, parsed.lat)
    return replace(parsed, lat=lat, lon=lon, crs=geo_crs)


def _column_part(text: Optional[str], axis: str) -> _Part:
    if text is None or not str(text).strip():
        raise _error(N_("no {axis} entered"), axis=Message(N_("latitude") if axis == LAT else N_("longitude")))
    text = str(text)
    if len(text) > MAX_LENGTH:
        raise _error(
            N_("the text is {length} characters long; a coordinate is at most {limit}"),
            text[:20] + "…",
            length=len(text),
            limit=MAX_LENGTH,
        )
    toks, _ = _tokenize(text)
    if any(t.kind == "sep" for t in toks):
        raise _error(N_("“{part}” holds more than one value"), text.strip(), part=text.strip())
    part = _read_part(text, toks)
    if part.axis and part.axis != axis:
        raise _error(
            N_("“{part}” is a {found}, in the {expected} column"),
            part.text,
            part=part.text,
            found=Message(N_("latitude") if part.axis == LAT else N_("longitude")),
            expected=Message(N_("latitude") if axis == LAT else N_("longitude")),
        )
    return part


def parse_columns(lat_text, lon_text) -> ParsedCoordinate:
    """A position from two spreadsheet cells, latitude and longitude (any of DD/DDM/DMS)."""
    lat = _column_part(lat_text, LAT)
    lon = _column_part(lon_text, LON)
    kinds = {lat.kind, lon.kind}
    kind = DMS if DMS in kinds else DDM if DDM in kinds else DD
    return ParsedCoordinate(lat.value, lon.value, kind, WGS84, hemisphere_given=lat.hemisphere)


# ---------------------------------------------------------------- formatting


def format_dd(lat: float, lon: float, decimals: int = 6, decimal_point: str = ".") -> str:
    """ "-1.902303, 116.189232": latitude first, dot decimals (what every tool reads).

    With ``decimal_point=","`` (an Indonesian locale): "-1,902303; 116,189232" — the
    semicolon keeps the pair apart, and :func:`parse_coordinates` reads it back.
    """
    return NumberPair(lat, lon, decimals).render(decimal_point=decimal_point)


def format_dms_value(value: float, axis: str, language: str = "id", decimals: int = 4, decimal_point: str = ".") -> str:
    """One value as D°MM'SS.ssss" with a hemisphere letter: Indonesian LS/LU/BT/BB or S/N/E/W.

    Four decimals of a second (about 3 mm) keep DD → DMS → DD within a centimetre.
    """
    if axis == LAT:
        letter = ("LU", "LS") if language.startswith("id") else ("N", "S")
    else:
        letter = ("BT", "BB") if language.startswith("id") else ("E", "W")
    scale = 10**decimals
    total = round(abs(value) * 3600 * scale)  # integer units of 1/scale second: no 60" rounding
    degrees, rest = divmod(total, 3600 * scale)
    minutes, seconds = divmod(rest, 60 * scale)
    sec_text = f"{seconds / scale:0{3 + decimals if decimals else 2}.{decimals}f}".replace(".", decimal_point)
    hemisphere = letter[1] if value < 0 and total else letter[0]
    return f"{degrees}°{minutes:02d}'{sec_text}\" {hemisphere}"


def format_dms(lat: float, lon: float, language: str = "id", decimals: int = 4, decimal_point: str = ".") -> str:
    return (
        f"{format_dms_value(lat, LAT, language, decimals, decimal_point)} "
        f"{format_dms_value(lon, LON, language, decimals, decimal_point)}"
    )
