"""The coordinate parser against what officers really type, and round-trip properties."""

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from projection_oracle import from_wgs84

from paser_smartcity_plugin.core.coordinates import (
    AUTO,
    DD_LATLON,
    DD_LONLAT,
    DDM,
    DMS,
    FORMATS,
    CoordinateParseError,
    format_dd,
    format_dms,
    format_dms_value,
    parse_columns,
    parse_coordinates,
)
from paser_smartcity_plugin.core.gazetteer import haversine_m

# Tanah Grogot, the regency capital: 1°54'08" S, 116°11'21" E (shared/data/paser/README.md).
GROGOT = (-1.902303, 116.189232)
GROGOT_DMS = (-(1 + 54 / 60 + 8 / 3600), 116 + 11 / 60 + 21 / 3600)

# (text, expected (lat, lon), detected format)
CORPUS = [
    ("-1.902303, 116.189232", GROGOT, "dd"),
    ("-1.902303,116.189232", GROGOT, "dd"),
    ("-1.902303 116.189232", GROGOT, "dd"),
    ("-1.902303; 116.189232", GROGOT, "dd"),
    ("-1.902303\t116.189232", GROGOT, "dd"),
    ("  -1.902303 ,  116.189232  ", GROGOT, "dd"),
    ("-1,902303; 116,189232", GROGOT, "dd"),  # Indonesian decimal comma
    ("-1,902303 116,189232", GROGOT, "dd"),
    ("-1,902303, 116,189232", GROGOT, "dd"),
    ("-1,902303,116,189232", GROGOT, "dd"),  # four comma groups: two decimal-comma numbers
    ("-1,902303;116.189232", GROGOT, "dd"),  # mixed decimal separators
    ("116.189232 -1.902303", GROGOT, "dd"),  # lon lat
    ("116,189232; -1,902303", GROGOT, "dd"),
    ("116.189232, -1.902303", GROGOT, "dd"),
    ("\u22121.902303, 116.189232", GROGOT, "dd"),  # typographic minus from a word processor
    ("\u20131.902303, 116.189232", GROGOT, "dd"),  # en dash
    ("+116.189232 -1.902303", GROGOT, "dd"),
    ("Lat: -1.902303 Lon: 116.189232", GROGOT, "dd"),
    ("lintang -1,902303 bujur 116,189232", GROGOT, "dd"),
    ("bujur 116.189232 lintang -1.902303", GROGOT, "dd"),
    ("1.902303 LS 116.189232 BT", GROGOT, "dd"),
    ("LS 1.902303 BT 116.189232", GROGOT, "dd"),
    ("1.902303 S, 116.189232 E", GROGOT, "dd"),
    ("1.902303°S 116.189232°E", GROGOT, "dd"),
    ("-1.902303 LS 116.189232 BT", GROGOT, "dd"),  # both minus and LS: south, not double negation
    ("1°54'08\" LS 116°11'21\" BT", GROGOT_DMS, "dms"),
    ("1°54'08\"LS 116°11'21\"BT", GROGOT_DMS, "dms"),
    ("1°54'08\" S 116°11'21\" E", GROGOT_DMS, "dms"),
    ("1°54′08″ S, 116°11′21″ E", GROGOT_DMS, "dms"),  # prime symbols
    ("1º54’08” LS 116º11’21” BT", GROGOT_DMS, "dms"),  # ordinal º and curly quotes
    ("1°54'08'' LS 116°11'21'' BT", GROGOT_DMS, "dms"),  # two apostrophes as seconds
    ("1 54 08 LS 116 11 21 BT", GROGOT_DMS, "dms"),
    ("LS 1 54 08 BT 116 11 21", GROGOT_DMS, "dms"),
    ("S 1° 54' 08\" E 116° 11' 21\"", GROGOT_DMS, "dms"),
    ("1°54'08\" Lintang Selatan 116°11'21\" Bujur Timur", GROGOT_DMS, "dms"),
    ("116°11'21\" BT 1°54'08\" LS", GROGOT_DMS, "dms"),  # lon first, said by the letters
    ("-1 54 08 116 11 21", GROGOT_DMS, "dms"),
    ("-1°54'08\", 116°11'21\"", GROGOT_DMS, "dms"),
    ("1°54'08,0\" LS 116°11'21,0\" BT", GROGOT_DMS, "dms"),  # decimal comma in seconds
    ("1°54.1333' LS 116°11.35' BT", (-(1 + 54.1333 / 60), 116 + 11.35 / 60), "ddm"),
    ("S 1 54.1333 E 116 11.35", (-(1 + 54.1333 / 60), 116 + 11.35 / 60), "ddm"),
    ("1 54,1333 LS 116 11,35 BT", (-(1 + 54.1333 / 60), 116 + 11.35 / 60), "ddm"),
    ("-1 54.1333 116 11.35", (-(1 + 54.1333 / 60), 116 + 11.35 / 60), "ddm"),
    ("1 deg 54 menit 8 detik LS, 116 derajat 11 menit 21 detik BT", GROGOT_DMS, "dms"),
    ("Lintang: 1° 54' 08\" S  Bujur: 116° 11' 21\" E", GROGOT_DMS, "dms"),  # labels and letters together
    ("01° 54' 08\" LS - 116° 11' 21\" BT", GROGOT_DMS, "dms"),  # a spaced dash between the two
    ("1°54'08\"S116°11'21\"E", GROGOT_DMS, "dms"),  # no spaces at all
    ("S1 54.138 E116 11.352", (-(1 + 54.138 / 60), 116 + 11.352 / 60), "ddm"),  # a GPS receiver's display
    ("POINT(116.189232 -1.902303)", GROGOT, "dd"),  # WKT copied from QGIS
    ("geo:-1.902303,116.189232", GROGOT, "dd"),  # a phone's shared location
    ("(-1.902303, 116.189232)", GROGOT, "dd"),
    ("-1.902303 / 116.189232", GROGOT, "dd"),
]


@pytest.mark.parametrize("text, expected, fmt", CORPUS)
def test_corpus(text, expected, fmt):
    p = parse_coordinates(text)
    assert (p.lat, p.lon) == pytest.approx(expected, abs=1e-9)
    assert p.format == fmt
    assert p.crs == "EPSG:4326"


def test_lon_lat_order_is_said():
    p = parse_coordinates("116.189232 -1.902303")
    assert [str(n) for n in p.notes] == ["read as longitude, latitude"]
    assert not parse_coordinates("-1.902303 116.189232").notes


def test_missing_minus_is_read_as_written_for_the_checks_to_catch():
    p = parse_coordinates("1.902303, 116.189232")
    assert (p.lat, p.lon) == pytest.approx((1.902303, 116.189232))
    assert not p.hemisphere_given
    assert parse_coordinates("1.902303 LU 116.189232 BT").hemisphere_given


def test_explicit_order_formats():
    # "lat, lon" explicitly: an out-of-range latitude stays as typed (the checks offer the swap)
    p = parse_coordinates("116.189232, -1.902303", DD_LATLON)
    assert (p.lat, p.lon) == pytest.approx((116.189232, -1.902303))
    p = parse_coordinates("116.189232 -1.902303", DD_LONLAT)
    assert (p.lat, p.lon) == pytest.approx(GROGOT)
    p = parse_coordinates("-1.902303 116.189232", DD_LONLAT)  # as chosen: checks will call it swapped
    assert (p.lat, p.lon) == pytest.approx((116.189232, -1.902303))


@pytest.mark.parametrize(
    "text, fmt",
    [
        ("-1.902303, 116.189232", DMS),
        ("1°54'08\" LS 116°11'21\" BT", DD_LATLON),
        ("1°54.133' LS 116°11.35' BT", DMS),
        ("1°54'08\" LS 116°11'21\" BT", DDM),
    ],
)
def test_explicit_format_refuses_another_notation(text, fmt):
    with pytest.raises(CoordinateParseError, match="choose that format or auto-detect"):
        parse_coordinates(text, fmt)


# ---------------------------------------------------------------- projected

UTM_E, UTM_N = from_wgs84("EPSG:32750", GROGOT[1], GROGOT[0])
TM3_E, TM3_N = from_wgs84("EPSG:23837", GROGOT[1], GROGOT[0])


@pytest.mark.parametrize(
    "text, crs",
    [
        (f"{UTM_E:.3f} {UTM_N:.3f}", "EPSG:32750"),
        (f"{UTM_E:.3f}, {UTM_N:.3f}", "EPSG:32750"),
        (f"{UTM_N:.3f} {UTM_E:.3f}", "EPSG:32750"),  # northing first
        (f"50M {UTM_E:.3f} {UTM_N:.3f}", "EPSG:32750"),  # GPS receiver's form
        (f"UTM 50S {UTM_E:.3f} {UTM_N:.3f}", "EPSG:32750"),
        (f"UTM zona 50 S E {UTM_E:.3f} N {UTM_N:.3f}", "EPSG:32750"),
        (f"{UTM_E:.3f}mE {UTM_N:.3f}mN", "EPSG:32750"),
        (f"X={UTM_E:.3f} Y={UTM_N:.3f}", "EPSG:32750"),
        (f"{UTM_E:.3f}".replace(".", ",") + " " + f"{UTM_N:.3f}".replace(".", ","), "EPSG:32750"),
        (
            f"EPSG:9490 {from_wgs84('EPSG:9490', GROGOT[1], GROGOT[0])[0]:.3f} "
            f"{from_wgs84('EPSG:9490', GROGOT[1], GROGOT[0])[1]:.3f}",
            "EPSG:9490",
        ),
        (
            f"SRGI2013 UTM 50S {from_wgs84('EPSG:9490', GROGOT[1], GROGOT[0])[0]:.3f} "
            f"{from_wgs84('EPSG:9490', GROGOT[1], GROGOT[0])[1]:.3f}",
            "EPSG:9490",
        ),
        (f"{TM3_E:.3f} {TM3_N:.3f}", "EPSG:23837"),  # TM-3 is told apart by its northing
        (f"TM-3 50.1 {TM3_E:.3f} {TM3_N:.3f}", "EPSG:23837"),
        (f"DGN95 {TM3_N:.3f} {TM3_E:.3f}", "EPSG:23837"),
    ],
)
def test_projected(text, crs):
    p = parse_coordinates(text)
    assert p.crs == crs
    assert haversine_m(p.lon, p.lat, GROGOT[1], GROGOT[0]) < 0.005


def test_indonesian_thousands_separators():
    text = f"{UTM_E:,.2f} {UTM_N:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")  # 457.123,45
    p = parse_coordinates(text)
    assert haversine_m(p.lon, p.lat, GROGOT[1], GROGOT[0]) < 0.02


def test_projected_format_or_crs_forces_the_reading():
    e, n = from_wgs84("EPSG:9490", GROGOT[1], GROGOT[0])
    for p in (
        parse_coordinates(f"{e:.3f} {n:.3f}", "EPSG:9490"),
        parse_coordinates(f"{e:.3f} {n:.3f}", crs="EPSG:9490"),
    ):
        assert p.crs == "EPSG:9490"
        assert not p.notes
        assert haversine_m(p.lon, p.lat, GROGOT[1], GROGOT[0]) < 0.005
    auto = parse_coordinates(f"{e:.3f} {n:.3f}")
    assert auto.crs == "EPSG:32750"
    assert "SRGI2013" in str(auto.notes[0])
    assert 0.05 < haversine_m(auto.lon, auto.lat, GROGOT[1], GROGOT[0]) < 0.5


@pytest.mark.parametrize(
    "text, kwargs, words, part",
    [
        (f"UTM 49S {UTM_E:.0f} {UTM_N:.0f}", {}, "zone 49", "UTM 49S"),
        (f"50N {UTM_E:.0f} {UTM_N:.0f}", {}, "north of the equator", "50N"),
        ("12345 67890", {}, "fits none", "12345 67890"),
        (f"{UTM_E:.0f} {UTM_N:.0f}", {"crs": "EPSG:23837"}, "far outside EPSG:23837", ""),
        (f"{UTM_E:.0f} {UTM_N:.0f}", {"crs": "EPSG:3857"}, "not a supported projected CRS", "EPSG:3857"),
        (f"{UTM_E:.0f} {UTM_N:.0f} 12", {}, "found 3", ""),
        (f"-{UTM_E:.0f} {UTM_N:.0f}", {}, "never negative", ""),
        (f"EPSG:9490 {UTM_E:.0f} {UTM_N:.0f}", {"crs": "EPSG:32750"}, "names EPSG:9490", "EPSG:9490"),
        (f"TM-3 49.2 {TM3_E:.0f} {TM3_N:.0f}", {}, "zone 49.2", "TM-3 49.2"),
        (f"UTM 50S {UTM_E:.0f} {UTM_N:.0f}", {"fmt": DMS}, "geographic format", "UTM 50S"),
    ],
)
def test_projected_errors_name_the_part(text, kwargs, words, part):
    fmt = kwargs.pop("fmt", AUTO)
    with pytest.raises(CoordinateParseError, match=words) as info:
        parse_coordinates(text, fmt, **kwargs)
    if part:
        assert info.value.part == part


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "text, words, part",
    [
        ("", "no coordinates entered", ""),
        ("   ", "no coordinates entered", ""),
        (None, "no coordinates entered", ""),
        ("abc", "“abc” is not a number", "abc"),
        ("-1.9 ; 116.2 lokasi", "“lokasi”", "lokasi"),
        ("nan, nan", "“nan”", "nan"),
        ("inf, -inf", "“inf”", "inf"),
        ("NaN 116.2", "“NaN”", "NaN"),
        ("∞, 116", "“∞”", "∞"),
        ("1e5, 116", "scientific notation", "1e5"),
        ("-1.9023", "only one number", "-1.9023"),
        ("-1,116", "only one number", "-1,116"),  # one decimal-comma number, not a pair
        ("1,2,3", "separate the two numbers", "1,2,3"),
        ("-1.9; 116.2; 3", "found 3 parts", ""),
        ("-1.9 116.2 3", "cannot tell where the latitude ends", ""),
        ("1 64 08 LS 116 11 21 BT", "64 minutes", "1 64 08 LS"),
        ("1 54 61 LS 116 11 21 BT", "61 seconds", "1 54 61 LS"),
        ("1.5 30 LS 116 11 BT", "degrees must be a whole number", "1.5 30 LS"),
        ("1 30.5 20 LS 116 11 21 BT", "minutes must be a whole number", "1 30.5 20 LS"),
        ("1 54 08 12 LS 116 11 21 BT", "too many numbers", "1 54 08 12 LS"),
        ("1°54'08\" LS 116°11'21\" LS", "are latitudes", ""),
        ("1°54'08\" BT 116°11'21\" BB", "are longitudes", ""),
        ("1°54'08\" LS LU 116°11'21\" BT", "two different hemispheres", ""),
        ("-1.9 LU 116.2 BT", "contradict", "-1.9 LU"),
        ("1 -54 08 LS 116 11 21 BT", "only the degrees may carry a sign", ""),
        ("1\"54'08° LS 116°11'21\" BT", "out of order", ""),
        ("° 1 54 LS 116 11 BT", "without a number", ""),
        ("- 1.9, 116.2", "unexpected character “-”", "-"),
        ("-1.9 # 116.2", "unexpected character “#”", "#"),
        ("91 54 08 LS", "only one coordinate", ""),
        ("-1.9023 116.1892 LS", "only one hemisphere letter", ""),
        ("-1902303, 116189232", "decimal point is missing", ""),
        ("9" * 201, "201 characters long", ""),
        ("-1.9, 116.2" + " " * 5000, "characters long", ""),
        ("\x00-1.9, 116.2", "unexpected character", "\x00"),
    ],
)
def test_errors_name_the_offending_part(text, words, part):
    with pytest.raises(CoordinateParseError, match=words) as info:
        parse_coordinates(text)
    if part:
        assert info.value.part == part
        assert part in str(info.value) or part in ("\x00", "-", "#") or "characters" in str(info.value)


def test_unknown_format_is_refused():
    with pytest.raises(CoordinateParseError, match="unknown coordinate format"):
        parse_coordinates("-1.9, 116.2", "mgrs")
    assert set(FORMATS) >= {AUTO, DD_LATLON, DD_LONLAT, DMS, DDM, "EPSG:32750", "EPSG:9490", "EPSG:23837"}


def test_error_messages_translate():
    with pytest.raises(CoordinateParseError) as info:
        parse_coordinates("abc")
    translated = info.value.message.render(lambda template: "[id] " + template)
    assert translated.startswith("[id] “abc” is not a number")  # the template is translated, the value kept
    broken = info.value.message.render(lambda template: "{unknown}")
    assert broken.startswith("“abc” is not a number")  # a broken translation never hides the message


# ---------------------------------------------------------------- single columns


@pytest.mark.parametrize(
    "lat, lon, expected",
    [
        ("-1,902303", "116,189232", GROGOT),
        ("1°54'08\" LS", "116°11'21\" BT", GROGOT_DMS),
        ("1 54 08 S", "116 11 21 E", GROGOT_DMS),
        ("-1.902303", "116.189232", GROGOT),
    ],
)
def test_two_columns(lat, lon, expected):
    p = parse_columns(lat, lon)
    assert (p.lat, p.lon) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    "text, axis, words",
    [
        ("", "lat", "no latitude"),
        ("116°11'21\" BT", "lat", "is a longitude, in the latitude column"),
        ("-1.9; 116.2", "lat", "more than one value"),
        ("abc", "lon", "“abc”"),
    ],
)
def test_column_errors(text, axis, words):
    other = "116.2" if axis == "lat" else "-1.9"  # the other column is fine
    with pytest.raises(CoordinateParseError, match=words):
        parse_columns(text, other) if axis == "lat" else parse_columns(other, text)


# ---------------------------------------------------------------- formatting and properties


def test_format_dms_examples():
    assert format_dms(*GROGOT_DMS, "id", 0) == "1°54'08\" LS 116°11'21\" BT"
    assert format_dms(*GROGOT_DMS, "en", 0) == "1°54'08\" S 116°11'21\" E"
    assert format_dms_value(-0.999999999, "lat", "id", 2) == "1°00'00.00\" LS"  # no 60.00"
    assert format_dms_value(0.0, "lat", "id", 1) == "0°00'00.0\" LU"
    assert format_dd(*GROGOT) == "-1.902303, 116.189232"


paser_lat = st.floats(min_value=-3.0, max_value=-0.5, allow_nan=False)
paser_lon = st.floats(min_value=115.0, max_value=118.0, allow_nan=False)
any_lat = st.floats(min_value=-89.9, max_value=89.9, allow_nan=False)
any_lon = st.floats(min_value=-179.9, max_value=179.9, allow_nan=False)


@settings(max_examples=400, deadline=None)
@given(any_lat, any_lon, st.sampled_from(["id", "en"]))
def test_dd_dms_dd_round_trip_within_a_centimetre(lat, lon, lang):
    assume(abs(lat) > 1e-9 or True)
    text = format_dms(lat, lon, lang)
    p = parse_coordinates(text)
    assert haversine_m(p.lon, p.lat, lon, lat) < 0.01, text


@settings(max_examples=300, deadline=None)
@given(paser_lat, paser_lon, st.sampled_from(["EPSG:32750", "EPSG:9490", "EPSG:23837"]))
def test_dd_utm_dd_round_trip_within_a_centimetre(lat, lon, crs):
    if crs == "EPSG:23837":
        lon = 114.5 + (lon - 115.0) * 2.5 / 3.0  # TM-3 zone 50.1 spans 114-117°E
    e, n = from_wgs84(crs, lon, lat)
    p = parse_coordinates(f"{e:.3f} {n:.3f}", crs=crs)
    assert haversine_m(p.lon, p.lat, lon, lat) < 0.01
    assert p.easting == pytest.approx(e, abs=0.001)
    assert p.northing == pytest.approx(n, abs=0.001)


@settings(max_examples=300, deadline=None)
@given(paser_lat, paser_lon, st.sampled_from([",", ";", " "]), st.booleans(), st.booleans())
def test_dd_text_variants_round_trip(lat, lon, separator, comma_decimal, lon_first):
    def num(v):
        text = f"{v:.7f}"
        return text.replace(".", ",") if comma_decimal else text

    if comma_decimal and separator == ",":
        separator = ", "
    a, b = (num(lon), num(lat)) if lon_first else (num(lat), num(lon))
    p = parse_coordinates(f"{a}{separator}{b}")
    assert haversine_m(p.lon, p.lat, lon, lat) < 0.01


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses_or_fails_cleanly(text):
    try:
        p = parse_coordinates(text)
    except CoordinateParseError as exc:
        assert str(exc)
        return
    assert math.isfinite(p.lat)
    assert math.isfinite(p.lon)


_PIECES = st.sampled_from(
    list("0123456789.,;:-+ °'\"′″ºLSUBTNEWmxy/|()\t")
    + [
        "LS",
        "BT",
        "UTM",
        "50S",
        "EPSG:9490",
        "EPSG:23837",
        "zone",
        "TM-3",
        "lat",
        "lon",
        "lintang",
        "bujur",
        "9789654",
        "457123",
        "116",
        "-1",
    ]
)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(_PIECES, max_size=25).map("".join),
    st.sampled_from(FORMATS),
    st.sampled_from([None, "EPSG:9490", "EPSG:4326", "EPSG:9470", "EPSG:3857"]),
)
def test_coordinate_like_noise_parses_or_fails_cleanly(text, fmt, crs):
    """Strings built from the pieces officers type: never a crash, never a NaN."""
    try:
        p = parse_coordinates(text, fmt, crs)
    except CoordinateParseError as exc:
        assert str(exc)
        return
    assert math.isfinite(p.lat)
    assert math.isfinite(p.lon)


def test_projected_ranges_have_no_thousands_comma():
    """In Indonesian a "," is the decimal mark: "9,600,000" must not appear in a message."""
    import re

    with pytest.raises(CoordinateParseError, match="far outside EPSG:23837") as info:
        parse_coordinates(f"{UTM_E:.0f} {UTM_N:.0f}", AUTO, crs="EPSG:23837")
    assert not re.search(r"\d,\d", str(info.value)), str(info.value)
