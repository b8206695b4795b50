"""The workspace is a GeoPackage that GDAL accepts without a warning."""

import subprocess

import pytest
from osgeo import gdal

from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.workspace import create_workspace


@pytest.fixture
def demo_file(tmp_path):
    path = tmp_path / "demo.gpkg"
    create_workspace(str(path), demo_rows())
    return str(path)


def test_gdal_validator_finds_nothing(demo_file):
    from osgeo_utils.samples import validate_gpkg

    # raises on the first violation of the GeoPackage requirements it checks
    validate_gpkg.check(demo_file)


def test_ogrinfo_opens_without_warnings(demo_file):
    proc = subprocess.run(["ogrinfo", "-ro", "-al", "-so", demo_file], capture_output=True, text=True, check=True)
    assert "Warning" not in proc.stderr, proc.stderr
    assert "ERROR" not in proc.stderr, proc.stderr
    assert "Feature Count: 154" in proc.stdout
    assert "Feature Count: 4" in proc.stdout


def test_gdal_can_update_an_indexed_table(demo_file):
    gdal.UseExceptions()
    ds = gdal.OpenEx(demo_file, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("UPDATE service_points SET status = 'active' WHERE category = 'kantor_kecamatan'")
    layer = ds.GetLayerByName("service_points")
    layer.SetAttributeFilter("status = 'active'")
    assert layer.GetFeatureCount() == 10
    ds = None
