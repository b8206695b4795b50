"""Projected coordinates for test data, computed by pyproj (the test oracle): the plugin itself
only ever converts towards WGS 84 (core/projection.py)."""

from functools import cache
from typing import Tuple


@cache
def _forward(authid: str):
    import pyproj

    return pyproj.Transformer.from_crs("EPSG:4326", authid, always_xy=True)


def from_wgs84(authid: str, lon: float, lat: float) -> Tuple[float, float]:
    """(easting, northing) in ``authid`` of a WGS 84 (lon, lat)."""
    return _forward(authid).transform(lon, lat)
