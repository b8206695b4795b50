"""Shapefiles and zips the way Telkom may send them, written with GDAL's own OGR API.

The exchange writes and reads through geopandas; the tests make their input with a
different writer so they test against real shapefiles, not against our own writer.
"""

import hashlib
import os
import zipfile
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from osgeo import gdal, ogr, osr

ogr.UseExceptions()
osr.UseExceptions()

OGR_TYPES = {str: ogr.OFTString, int: ogr.OFTInteger, float: ogr.OFTReal}


def digest(path) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_shapefile(
    path: str,
    fields: Sequence[Tuple[str, type]],
    rows: Iterable[Dict],
    points: Iterable[Optional[Tuple[float, float]]],
    epsg: Optional[int] = 4326,
    encoding: str = "UTF-8",
    cpg: bool = True,
    geometry: int = ogr.wkbPoint,
) -> str:
    """Write a shapefile; ``epsg=None`` leaves out the .prj, ``cpg=False`` the .cpg."""
    # QGIS sets SHAPE_ENCODING="" (no recoding) for the whole process; honour ENCODING here.
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        return _write(path, fields, rows, points, epsg, encoding, cpg, geometry)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)


# The centre of desa Tanah Grogot: far (61 km) from the demo's Muara Payang tower, in another desa.
TANAH_GROGOT = (116.1930, -1.9065)


def towers_file(workspace, path: str, moves: Sequence[Tuple[str, Optional[Tuple[float, float]]]]) -> str:
    """A Telkom file of the workspace's towers, each (uid, point) set to status "permit" and
    moved to the point given (None: where it is)."""
    rows, points = [], []
    for uid, point in moves:
        site = workspace.site("tower_plans", uid)
        rows.append({"UID": uid, "NAMA": site["name"], "STATUS": "permit"})
        points.append(point or site["geometry"])
    return write_shapefile(path, [("UID", str), ("NAMA", str), ("STATUS", str)], rows, points)


def _write(path, fields, rows, points, epsg, encoding, cpg, geometry) -> str:
    driver = ogr.GetDriverByName("ESRI Shapefile")
    if os.path.exists(path):
        driver.DeleteDataSource(path)
    ds = driver.CreateDataSource(path)
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer(os.path.splitext(os.path.basename(path))[0], srs, geometry, options=[f"ENCODING={encoding}"])
    for name, kind in fields:
        definition = ogr.FieldDefn(name, OGR_TYPES[kind])
        if kind is str:
            definition.SetWidth(254)
        layer.CreateField(definition)
    for row, point in zip(rows, points):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, _ in fields:
            value = row.get(name)
            if value is not None:
                feature.SetField(name, value)
        if point is not None:
            if isinstance(point, str):
                feature.SetGeometry(ogr.CreateGeometryFromWkt(point))
            else:
                geom = ogr.Geometry(ogr.wkbPoint)
                geom.AddPoint_2D(*point)
                feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    ds = None  # noqa: F841 - closing flushes the files
    stem = path[:-4]
    if not cpg and os.path.exists(stem + ".cpg"):
        os.remove(stem + ".cpg")
    return path


def shapefile_parts(path: str) -> List[str]:
    stem = path[:-4]
    return [stem + ext for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg") if os.path.exists(stem + ext)]


def zip_shapefile(zip_path: str, shp_path: str, arc_prefix: str = "", drop: Sequence[str] = ()) -> str:
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
        for part in shapefile_parts(shp_path):
            if os.path.splitext(part)[1] in drop:
                continue
            zf.write(part, arc_prefix + os.path.basename(part))
    return zip_path


def to_utm50s(lon: float, lat: float, epsg: int = 32750) -> Tuple[float, float]:
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4326)
    dst.ImportFromEPSG(epsg)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(src, dst).TransformPoint(lon, lat)
    return x, y
