"""Build the desa and kecamatan boundaries that ship with the plugin (a maintainer's tool).

    .venv/bin/python scripts/make_boundaries.py [../shared/data/paser/boundaries]

Reads cahyadsn/wilayah_boundaries' simplified polygons of Kabupaten Paser (MIT; see
paser_smartcity_plugin/core/data/NOTICE.md) and writes
``paser_smartcity_plugin/core/data/boundaries.gpkg`` with two layers (EPSG:4326):

- ``desa``: desa_code, desa_name, kind, kecamatan_code, kecamatan_name — the 144 polygons as
  published (codes and names checked against the gazetteer, core/data/desa.csv);
- ``kecamatan``: kecamatan_code, kecamatan_name — the union of each kecamatan's desa, so the
  two outlines coincide on the map (the published kecamatan file is ten times coarser: its
  ~60-vertex outlines cut across desa at village scale). Gaps between neighbouring desa
  polygons (slivers up to ~11 m wide, 0.2 km² over the regency) come out of the union as tiny
  holes; holes under 1 ha are dropped. Each union is checked against the published kecamatan
  polygon (its code and name, and ≥ 95 % of its area in common).

CI's clone has no ../shared, so the file this writes is committed; run this again only when
the source data changes. Timestamps are fixed, so the same input gives the same file.
"""

import csv
import os
import sys

from osgeo import gdal, ogr, osr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "paser_smartcity_plugin", "core", "data")
TARGET = os.path.join(DATA, "boundaries.gpkg")
DEFAULT_SOURCE = os.path.join(ROOT, "..", "shared", "data", "paser", "boundaries")
MIN_HOLE_M2 = 10_000.0  # 1 ha: larger holes in a kecamatan union would be real (none are)
UTM_50S = 32750  # for areas in m²

gdal.UseExceptions()
ogr.UseExceptions()


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _multi(geometry: ogr.Geometry) -> ogr.Geometry:
    return ogr.ForceToMultiPolygon(geometry.Clone())


def _area_m2(geometry: ogr.Geometry) -> float:
    projected = geometry.Clone()
    projected.Transform(osr.CoordinateTransformation(_srs(4326), _srs(UTM_50S)))
    return projected.GetArea()


def _without_small_holes(geometry: ogr.Geometry) -> ogr.Geometry:
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(geometry.GetGeometryCount()):
        polygon = geometry.GetGeometryRef(i)
        kept = ogr.Geometry(ogr.wkbPolygon)
        kept.AddGeometry(polygon.GetGeometryRef(0).Clone())
        for j in range(1, polygon.GetGeometryCount()):
            ring = ogr.Geometry(ogr.wkbPolygon)
            ring.AddGeometry(polygon.GetGeometryRef(j).Clone())
            if _area_m2(ring) >= MIN_HOLE_M2:
                kept.AddGeometry(polygon.GetGeometryRef(j).Clone())
        out.AddGeometry(kept)
    return out


def _read(path: str):
    if not os.path.exists(path):
        sys.exit(f"{path} not found: give the folder of paser_desa.geojson and paser_kec.geojson")
    source = ogr.Open(path)
    layer = source.GetLayer(0)
    return [(f.GetField("kode"), f.GetField("nama"), f.GetGeometryRef().Clone()) for f in layer]


def _gazetteer():
    with open(os.path.join(DATA, "desa.csv"), encoding="utf-8", newline="") as f:
        desa = {r["desa_code"]: r for r in csv.DictReader(f)}
    with open(os.path.join(DATA, "kecamatan.csv"), encoding="utf-8", newline="") as f:
        kecamatan = {r["kecamatan_code"]: r for r in csv.DictReader(f)}
    return desa, kecamatan


def _layer(ds, name: str, fields, description: str):
    layer = ds.CreateLayer(
        name, _srs(4326), ogr.wkbMultiPolygon, ["FID=fid", "GEOMETRY_NAME=geom", f"DESCRIPTION={description}"]
    )
    for field_name, width in fields:
        definition = ogr.FieldDefn(field_name, ogr.OFTString)
        definition.SetWidth(width)
        layer.CreateField(definition)
    return layer


def build(source_dir: str, target: str = TARGET) -> None:
    gaz_desa, gaz_kec = _gazetteer()
    desa = _read(os.path.join(source_dir, "paser_desa.geojson"))
    published_kec = {code: (name, geom) for code, name, geom in _read(os.path.join(source_dir, "paser_kec.geojson"))}
    codes = {code for code, _, _ in desa}
    if codes != set(gaz_desa):
        sys.exit(f"desa codes differ from the gazetteer: {sorted(codes ^ set(gaz_desa))}")
    if set(published_kec) != set(gaz_kec):
        sys.exit(f"kecamatan codes differ from the gazetteer: {sorted(set(published_kec) ^ set(gaz_kec))}")
    for code, name, geometry in desa:
        if name != gaz_desa[code]["desa_name"]:
            sys.exit(f"{code}: name {name!r} differs from the gazetteer's {gaz_desa[code]['desa_name']!r}")
        if not geometry.IsValid():
            sys.exit(f"{code}: invalid polygon")

    gdal.SetConfigOption("OGR_CURRENT_DATE", "2025-01-01T00:00:00.000Z")
    if os.path.exists(target):
        os.unlink(target)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(target)
    attribution = "cahyadsn/wilayah_boundaries (MIT, Copyright (c) cahyadsn); see NOTICE.md"
    desa_layer = _layer(
        ds,
        "desa",
        [("desa_code", 13), ("desa_name", 100), ("kind", 10), ("kecamatan_code", 8), ("kecamatan_name", 100)],
        f"Desa/kelurahan of Kabupaten Paser, simplified polygons: {attribution}",
    )
    ds.StartTransaction()
    for code, _, geometry in sorted(desa, key=lambda d: d[0]):
        row = gaz_desa[code]
        feature = ogr.Feature(desa_layer.GetLayerDefn())
        for name, value in (
            ("desa_code", code),
            ("desa_name", row["desa_name"]),
            ("kind", row["kind"]),
            ("kecamatan_code", row["kecamatan_code"]),
            ("kecamatan_name", row["kecamatan_name"]),
        ):
            feature.SetField(name, value)
        feature.SetGeometry(_multi(geometry))
        desa_layer.CreateFeature(feature)
    ds.CommitTransaction()

    kec_layer = _layer(
        ds,
        "kecamatan",
        [("kecamatan_code", 8), ("kecamatan_name", 100)],
        f"Kecamatan of Kabupaten Paser, the union of their desa polygons: {attribution}",
    )
    ds.StartTransaction()
    for kec_code in sorted(gaz_kec):
        parts = [g for code, _, g in desa if code.startswith(kec_code + ".")]
        union = parts[0]
        for part in parts[1:]:
            union = union.Union(part)
        union = _without_small_holes(_multi(union))
        name, published = published_kec[kec_code]
        if name != gaz_kec[kec_code]["kecamatan_name"]:
            sys.exit(f"{kec_code}: name {name!r} differs from the gazetteer's")
        common = _area_m2(union.Intersection(published)) / _area_m2(published)
        if common < 0.95:
            sys.exit(f"{kec_code}: the union of its desa covers only {common:.1%} of the published kecamatan")
        feature = ogr.Feature(kec_layer.GetLayerDefn())
        feature.SetField("kecamatan_code", kec_code)
        feature.SetField("kecamatan_name", name)
        feature.SetGeometry(union)
        kec_layer.CreateFeature(feature)
        print(f"{kec_code} {name}: {len(parts)} desa, {common:.1%} of the published outline in common")
    ds.CommitTransaction()
    ds = None
    vacuum = ogr.Open(target, update=1)
    vacuum.ExecuteSQL("VACUUM")
    vacuum = None
    print(f"wrote {target}: {os.path.getsize(target) / 1024:.0f} KiB")


if __name__ == "__main__":
    build(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE))
