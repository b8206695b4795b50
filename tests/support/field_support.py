"""What a surveyor's phone does to a field package, for the merge tests: the package made by the
core (as package_for_field makes its data), then edited through GDAL's GeoPackage driver — the
driver QField and QGIS write with (their SQLite runs the package's triggers) — and real JPEG
files under DCIM/."""

import hashlib
import os
import uuid

from osgeo import gdal, ogr

from paser_smartcity_plugin.core import field_package as fp
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.workspace import Workspace

ogr.UseExceptions()
gdal.UseExceptions()


# A school a surveyor adds in the field (Desa Tiwei, Long Ikis), as QField would write it.
NEW_SCHOOL = {
    "name": "SD Negeri 9 Tiwei",
    "category": "sekolah",
    "desa_code": "64.01.06.2011",
    "status": "planned",
    "coord_status": "surveyed",
    "coord_source": "gps_survey",
    GEOMETRY: (116.11989, -1.48337),
}


def office_workspace(folder) -> Workspace:
    """The office's demo workspace in ``folder``/office, in step with the central (no pending
    edit): every change a merge makes shows in the change log."""
    from paser_smartcity_plugin.core import changelog
    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.workspace import create_workspace

    path = os.path.join(str(folder), "office", "paser.gpkg")
    os.makedirs(os.path.dirname(path))
    create_workspace(path, demo_rows())
    ws = Workspace(path)
    with ws.write() as conn:
        conn.execute(f"DELETE FROM {changelog.CHANGES_TABLE}")
    return ws


def make_package(workspace_path: str, output: str, kecamatan: str = "Long Ikis", surveyor: str = "Rina") -> str:
    """A field package of ``kecamatan`` (the data part of package_for_field: no QGIS project)."""
    ws = Workspace(workspace_path)
    plan = fp.plan_package(str(output), fp.parse_area(kecamatan, ws.gazetteer), surveyor)
    staging = fp.make_staging(plan)
    data = fp.write_survey_data(ws, plan, staging, "test")
    fp.write_manifest(staging, data, {"data": fp.DATA_FILE, "photos": fp.PHOTO_DIR})
    return fp.finish_package(plan, staging)


def data_of(folder: str) -> str:
    return os.path.join(str(folder), fp.DATA_FILE)


def _set(feature, values):
    for name, value in values.items():
        if name == GEOMETRY:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(*value)
            feature.SetGeometry(point)
        elif value is None:
            feature.SetFieldNull(name)
        else:
            feature.SetField(name, value)


def gdal_update(folder: str, layer: str, uid: str, **values) -> None:
    """Edit one site as QField saves a form: GDAL rewrites the feature."""
    ds = ogr.Open(data_of(folder), update=1)
    try:
        lyr = ds.GetLayerByName(layer)
        lyr.SetAttributeFilter(f"uid = '{uid}'")
        feature = lyr.GetNextFeature()
        assert feature is not None, uid
        _set(feature, values)
        assert lyr.SetFeature(feature) == 0
        del feature, lyr
    finally:
        ds = None


def gdal_add(folder: str, layer: str, **values) -> str:
    """A new site with the uid QField's default gives it (a braceless UUID)."""
    values.setdefault("uid", str(uuid.uuid4()))
    ds = ogr.Open(data_of(folder), update=1)
    try:
        lyr = ds.GetLayerByName(layer)
        feature = ogr.Feature(lyr.GetLayerDefn())
        _set(feature, values)
        assert lyr.CreateFeature(feature) == 0
        del feature, lyr
    finally:
        ds = None
    return values["uid"]


def gdal_delete(folder: str, layer: str, uid: str) -> None:
    ds = ogr.Open(data_of(folder), update=1)
    try:
        lyr = ds.GetLayerByName(layer)
        lyr.SetAttributeFilter(f"uid = '{uid}'")
        feature = lyr.GetNextFeature()
        assert lyr.DeleteFeature(feature.GetFID()) == 0
        del feature, lyr
    finally:
        ds = None


def write_jpeg(path: str, shade: int = 90, size: int = 32) -> str:
    """A real JPEG (GDAL's JPEG driver), of one grey ``shade``: another shade, another file."""
    os.makedirs(os.path.dirname(str(path)), exist_ok=True)
    mem = gdal.GetDriverByName("MEM").Create("", size, size, 3, gdal.GDT_Byte)
    for band in range(1, 4):
        mem.GetRasterBand(band).Fill(shade + 20 * band)
    gdal.GetDriverByName("JPEG").CreateCopy(str(path), mem)
    mem = None
    for sidecar in (str(path) + ".aux.xml",):
        if os.path.exists(sidecar):
            os.unlink(sidecar)
    with open(path, "rb") as f:
        assert f.read(3) == b"\xff\xd8\xff"  # a JPEG's start of image
    return str(path)


def sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def photo_name(uid: str, stamp: str = "20261201_093000") -> str:
    """The path QField's attachment naming gives a photo (layers/field_project.py)."""
    return f"{fp.PHOTO_DIR}/{uid}_{stamp}.jpg"
