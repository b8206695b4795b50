"""core/projection.py (PROJ through osgeo.osr) against pyproj's PROJ as the oracle: the same operations."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from projection_oracle import from_wgs84

from paser_smartcity_plugin.core.gazetteer import haversine_m
from paser_smartcity_plugin.core.projection import PROJECTED_CRS, projected_crs, to_wgs84

pyproj = pytest.importorskip("pyproj")

lat = st.floats(min_value=-4.0, max_value=0.5, allow_nan=False)
lon = st.floats(min_value=114.2, max_value=119.8, allow_nan=False)


def _oracle(authid):
    return (
        pyproj.Transformer.from_crs("EPSG:4326", authid, always_xy=True),
        pyproj.Transformer.from_crs(authid, "EPSG:4326", always_xy=True),
    )


ORACLES = {authid: _oracle(authid) for authid in PROJECTED_CRS}


def test_crs_names_are_proj_names_and_ranges_hold_the_regency():
    """The only CRS facts we keep are names and auto-detection ranges: the whole regency must
    fall inside each CRS's ranges, or auto-detection would refuse real positions."""
    from paser_smartcity_plugin.core.gazetteer import REGENCY_EXTENT

    for authid, ours in PROJECTED_CRS.items():
        assert pyproj.CRS(authid).name == ours.name
        for lon_, lat_ in ((REGENCY_EXTENT.west, REGENCY_EXTENT.south), (REGENCY_EXTENT.east, REGENCY_EXTENT.north)):
            e, n = from_wgs84(authid, lon_, lat_)
            assert ours.easting_range[0] <= e <= ours.easting_range[1], authid
            assert ours.northing_range[0] <= n <= ours.northing_range[1], authid


def test_srgi2013_uses_proj_default_operation():
    # PROJ's only operation SRGI2013 -> WGS 84 goes through DGN95 (EPSG:9472 inverse, then EPSG:15912).
    group = pyproj.transformer.TransformerGroup("EPSG:9470", "EPSG:4326", always_xy=True)
    description = group.transformers[0].description
    assert "DGN95 to SRGI2013" in description
    assert "DGN95 to WGS 84" in description


@settings(max_examples=300, deadline=None)
@given(lat, lon, st.sampled_from(sorted(PROJECTED_CRS)))
def test_inverse_matches_proj_to_a_millimetre(lat_, lon_, authid):
    if authid == "EPSG:23837":
        lon_ = min(lon_, 117.4)
    forward, inverse = ORACLES[authid]
    e, n = forward.transform(lon_, lat_)
    back_lon, back_lat = to_wgs84(authid, e, n)
    proj_lon, proj_lat = inverse.transform(e, n)
    assert haversine_m(back_lon, back_lat, proj_lon, proj_lat) < 0.001


def test_known_point_tanah_grogot():
    e, n = from_wgs84("EPSG:32750", 116.189232, -1.902303)
    assert 400000 < e < 500000
    assert 9780000 < n < 9800000
    assert to_wgs84("EPSG:32750", e, n) == pytest.approx((116.189232, -1.902303), abs=1e-9)


def test_unknown_crs():
    with pytest.raises(KeyError, match="EPSG:3857"):
        projected_crs("EPSG:3857")
    assert projected_crs(" epsg:9490 ").authid == "EPSG:9490"


@pytest.mark.parametrize("authid", ["EPSG:9470", "EPSG:4755", "EPSG:4326"])
def test_geographic_datums_in_degrees_match_proj(authid):
    from paser_smartcity_plugin.core.coordinates import parse_coordinates

    to_wgs = pyproj.Transformer.from_crs(authid, "EPSG:4326", always_xy=True)
    expected = to_wgs.transform(116.189232, -1.902303)
    for p in (
        parse_coordinates("-1.902303, 116.189232", crs=authid),
        parse_coordinates(f"{authid} 1°54'08.2908\" LS 116°11'21.2352\" BT"),
    ):
        assert p.crs == authid
        assert haversine_m(p.lon, p.lat, *expected) < 0.005
