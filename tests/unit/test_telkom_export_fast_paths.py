"""The export's fast paths give what the plain code gives.

export_column skips the per-value conversion when a whole column already is its DBF form;
whatever the column holds, its result must be the one of export_value value by value. The
rows are appended to the shapefile with pyogrio's raw writer instead of through geopandas;
the files must be the ones geopandas writes, byte for byte.
"""

import os

import pytest

from paser_smartcity_plugin.core.schema import SERVICE_POINTS
from paser_smartcity_plugin.core.telkom import geopandas_io
from paser_smartcity_plugin.core.telkom.export import fiona_schema
from paser_smartcity_plugin.core.telkom.mapping import export_column, export_value, layer_fields

STAMP = "2022-03-04T05:06:07.089Z"

TEXT_COLUMNS = {
    "clean": ["Kantor Desa Long Kali", "Puskesmas Tanah Grogot", "SDN 001 Batu Sopang"],
    "with none": ["Kantor Desa", None, "UPTD Pendidikan"],
    "all none": [None, None],
    "empty": [],
    "empty text": ["Kantor", "", "Desa"],
    "blank": ["Kantor", "   ", "Desa"],
    "leading space": ["Kantor", " Desa"],
    "trailing tab": ["Kantor\t", "Desa"],
    "non-breaking space": ["Kantor\u00a0", "Desa"],
    "accented": ["Kantor Désa Muara Komam", "Sekolah Tanjung Aru"],
    "number among text": ["Kantor", 12, "Desa"],
    "long ascii": ["x" * 300, "Desa"],
    "long accented": ["é" * 200, "Desa"],
}

STAMP_COLUMNS = {
    "canonical": [STAMP, "2021-12-31T23:59:59.999Z"],
    "with none": [STAMP, None, STAMP],
    "no milliseconds": [STAMP, "2022-03-04T05:06:07Z"],
    "offset": [STAMP, "2022-03-04T13:06:07.089+08:00"],
    "two stamps as one value": ["", STAMP + STAMP],
    "space instead of T": [STAMP, "2022-03-04 05:06:07.089Z"],
    "all none": [None],
}


def _value_by_value(field, values):
    columns = {name: [] for name in field.shp_names}
    for value in values:
        parts, _ = export_value(field, value)
        for name in field.shp_names:
            columns[name].append(parts[name])
    return columns


def _field(name):
    return next(f for f in layer_fields(SERVICE_POINTS) if f.field == name)


@pytest.mark.parametrize("name", ["name", "category", "notes", "uid"])
@pytest.mark.parametrize("case", sorted(TEXT_COLUMNS))
def test_text_column_fast_path_agrees_with_export_value(name, case):
    field = _field(name)
    values = TEXT_COLUMNS[case]
    columns, _ = export_column(field, list(values))
    assert columns == _value_by_value(field, values)


@pytest.mark.parametrize("case", sorted(STAMP_COLUMNS))
def test_timestamp_column_fast_path_agrees_with_export_value(case):
    field = _field("updated_at")
    values = STAMP_COLUMNS[case]
    try:
        expected = _value_by_value(field, values)
    except ValueError:  # a value that is no date/time: the column is refused, not passed as it is
        with pytest.raises(ValueError):
            export_column(field, list(values))
        return
    columns, _ = export_column(field, list(values))
    assert columns == expected


def test_raw_append_writes_the_files_geopandas_writes(tmp_path):
    geopandas = pytest.importorskip("geopandas")
    pytest.importorskip("pyogrio")
    import numpy
    import pandas

    schema = fiona_schema(SERVICE_POINTS)
    frame = {}
    for name, kind in schema["properties"].items():
        if kind.startswith("int"):
            frame[name] = pandas.array([2022, None, 7], dtype="Int64")
        elif kind.startswith("float"):
            frame[name] = numpy.array([2.5, numpy.nan, 1e-3])
        else:
            frame[name] = numpy.array(["Désa é", None, "x"], dtype=object)
    points = geopandas.points_from_xy([116.1, 116.2, 116.3], [-1.9, -1.8, -1.7], crs="EPSG:4326")
    gdf = geopandas.GeoDataFrame(frame, geometry=points, crs="EPSG:4326").to_crs("EPSG:32750")

    ours = str(tmp_path / "ours.shp")
    geopandas_io.write_points(gdf, ours, "pyogrio", schema)
    theirs = str(tmp_path / "theirs.shp")
    geopandas_io._create_empty_pyogrio(theirs, schema, gdf.crs.to_wkt())
    gdf.to_file(theirs, driver="ESRI Shapefile", engine="pyogrio", encoding="UTF-8", index=False, mode="a")
    for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        with open(ours[:-4] + ext, "rb") as a, open(theirs[:-4] + ext, "rb") as b:
            assert a.read() == b.read(), ext
    assert os.path.getsize(ours[:-4] + ".dbf") > 1000
