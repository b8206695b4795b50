"""The CRSs officers meet in Paser, converted to and from WGS 84 by PROJ (GDAL's ``osgeo.osr``).

GDAL's Python bindings come with every QGIS (and with the plain-Python test venv, which sees
Debian's python3-gdal), so core/ uses PROJ itself rather than maths of its own: a point typed
here lands exactly where QGIS draws a layer in that CRS, because both ask PROJ for the same
operation. The CRSs:

- EPSG:32750 WGS 84 / UTM zone 50S — identity datum.
- EPSG:9490 SRGI2013 / UTM zone 50S — PROJ's best operation to WGS 84 is "Inverse of DGN95 to
  SRGI2013 (1)" (EPSG:9472, a 7-parameter Helmert) then "DGN95 to WGS 84 (1)" (EPSG:15912, null);
  about 0.2 m in Paser.
- EPSG:23837 DGN95 / Indonesia TM-3 zone 50.1; DGN95 to WGS 84 is a null transformation.
- In degrees: EPSG:4755 (DGN95, null shift) and EPSG:9470 (SRGI2013, through DGN95 as above).

What is ours is only what PROJ cannot know: the easting/northing ranges a value must fall in to
be taken for that CRS when the officer did not say which (auto-detection in coordinates.py).
"""

import math
import threading
from dataclasses import dataclass
from typing import Dict, Tuple

WGS84 = "EPSG:4326"


@dataclass(frozen=True)
class ProjectedCrs:
    authid: str
    name: str
    # Valid easting/northing ranges in the Paser area, used by auto-detection.
    easting_range: Tuple[float, float]
    northing_range: Tuple[float, float]


_UTM50S_RANGES = ((100000.0, 900000.0), (9000000.0, 10000000.0))
UTM50S_WGS84 = ProjectedCrs("EPSG:32750", "WGS 84 / UTM zone 50S", *_UTM50S_RANGES)
UTM50S_SRGI2013 = ProjectedCrs("EPSG:9490", "SRGI2013 / UTM zone 50S", *_UTM50S_RANGES)
TM3_501_DGN95 = ProjectedCrs("EPSG:23837", "DGN95 / Indonesia TM-3 zone 50.1", (0.0, 400000.0), (1000000.0, 1500000.0))

PROJECTED_CRS: Dict[str, ProjectedCrs] = {c.authid: c for c in (UTM50S_WGS84, UTM50S_SRGI2013, TM3_501_DGN95)}
# Geographic CRSs read as degrees; each is shifted to WGS 84 by PROJ.
GEOGRAPHIC_CRS = (WGS84, "EPSG:4755", "EPSG:9470")


def projected_crs(authid: str) -> ProjectedCrs:
    key = authid.strip().upper().replace(" ", "")
    try:
        return PROJECTED_CRS[key]
    except KeyError:
        raise KeyError(f"{authid}: not a supported projected CRS ({', '.join(PROJECTED_CRS)})") from None


# osr transformations are not thread-safe (the import runs in a QgsTask while the dialog may
# parse on the GUI thread): one cache per thread.
_local = threading.local()


def _transformation(source: str, target: str):
    cache = getattr(_local, "transformations", None)
    if cache is None:
        cache = _local.transformations = {}
    key = (source, target)
    if key not in cache:
        from osgeo import osr

        systems = []
        for authid in key:
            srs = osr.SpatialReference()
            if srs.ImportFromEPSG(int(authid.split(":")[1])) != 0:
                raise KeyError(f"{authid}: unknown to PROJ")
            # (x, y) = (lon, lat) or (easting, northing), whatever the CRS's official axis order.
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            systems.append(srs)
        cache[key] = osr.CoordinateTransformation(*systems)
    return cache[key]


def _transform(source: str, target: str, x: float, y: float) -> Tuple[float, float]:
    out_x, out_y, _ = _transformation(source, target).TransformPoint(float(x), float(y))
    if not (math.isfinite(out_x) and math.isfinite(out_y)):
        raise ValueError(f"{x}, {y} cannot be converted from {source} to {target}")
    return out_x, out_y


def to_wgs84(authid: str, easting: float, northing: float) -> Tuple[float, float]:
    """WGS 84 (lon, lat) of an (easting, northing) in one of :data:`PROJECTED_CRS`."""
    return _transform(projected_crs(authid).authid, WGS84, easting, northing)


def geographic_to_wgs84(authid: str, lon: float, lat: float) -> Tuple[float, float]:
    """WGS 84 (lon, lat) of degrees given in one of :data:`GEOGRAPHIC_CRS`."""
    if authid == WGS84:
        return lon, lat
    if authid not in GEOGRAPHIC_CRS:
        raise KeyError(f"{authid}: not a supported geographic CRS ({', '.join(GEOGRAPHIC_CRS)})")
    return _transform(authid, WGS84, lon, lat)
