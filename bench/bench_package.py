"""Packaging for the field and merging it back: the whole regency.

A workspace with the demo programme plus 2 000 service points spread over Kabupaten Paser
(every one in a desa polygon) is packaged by paser_smartcity:package_for_field (no basemap),
in a fresh headless QGIS (a child process: QGIS is started once per process). Then, as a
surveyor's phone would, a tenth of the sites are edited through GDAL, 200 sites added and 50
photos (real JPEGs, ~1 MB each) put in DCIM/, while the office edits 50 of the same sites (a
conflict each); the package is previewed and merged (core.field_merge, what the algorithm
runs), then merged again (nothing to do). Prints the figures (goals: whole regency package and
merge each < 10 s); never fails on time. Run through `make bench`.
"""

import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRA_SITES = 2000

CHILD = r"""
import os, random, shutil, sys, tempfile, time, uuid
sys.path.insert(0, sys.argv[1])
sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication
app = QgsApplication([], False); app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()
import processing
from paser_smartcity_plugin.processing.provider import PaserProvider
provider = PaserProvider()  # kept: the registry does not own a Python object
QgsApplication.processingRegistry().addProvider(provider)
from paser_smartcity_plugin.core import field_package as fp
from paser_smartcity_plugin.core.boundaries import default_boundaries
from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.gazetteer import REGENCY_EXTENT
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

folder = tempfile.mkdtemp(prefix="paser-bench-package-")
rows = demo_rows()
rng, shapes = random.Random(6401), default_boundaries()
extra = []
while len(extra) < int(sys.argv[2]):
    lon = rng.uniform(REGENCY_EXTENT.west, REGENCY_EXTENT.east)
    lat = rng.uniform(REGENCY_EXTENT.south, REGENCY_EXTENT.north)
    code = shapes.desa_at(lon, lat)
    if code:
        extra.append({"name": f"Titik {len(extra)}", "category": "sekolah", "desa_code": code, "status": "planned",
                      "coord_status": "surveyed", "coord_source": "gps_survey", GEOMETRY: (lon, lat)})
rows[SERVICE_POINTS] = list(rows[SERVICE_POINTS]) + extra
path = os.path.join(folder, "paser.gpkg")
create_workspace(path, rows)
ws = Workspace(path)
sites = ws.count(SERVICE_POINTS) + ws.count("tower_plans")
fp.workspace_id(ws)

t0 = time.perf_counter()
plan = fp.plan_package(os.path.join(folder, "core"), fp.parse_area(""), "Bench")
staging = fp.make_staging(plan)
fp.write_survey_data(ws, plan, staging, "bench")
core = time.perf_counter() - t0
fp.discard_staging(staging)

t0 = time.perf_counter()
processing.run("paser_smartcity:package_for_field",
               {"WORKSPACE": path, "KECAMATAN": "", "SURVEYOR": "Bench", "OUTPUT": os.path.join(folder, "all.zip")})
whole = time.perf_counter() - t0
size = os.path.getsize(os.path.join(folder, "all.zip"))
t0 = time.perf_counter()
processing.run("paser_smartcity:package_for_field",
               {"WORKSPACE": path, "KECAMATAN": "Long Ikis", "SURVEYOR": "Bench", "OUTPUT": os.path.join(folder, "one")})
one = time.perf_counter() - t0

# -- the surveyor's phone: edits, new sites, photos; the office meanwhile
from osgeo import gdal, ogr
from paser_smartcity_plugin.core import field_merge
gdal.UseExceptions(); ogr.UseExceptions()
returned = os.path.join(folder, "returned")
processing.run("paser_smartcity:package_for_field", {"WORKSPACE": path, "KECAMATAN": "", "SURVEYOR": "Bench", "OUTPUT": returned})
data = os.path.join(returned, "survey.gpkg")
ds = ogr.Open(data, update=1)
layer = ds.GetLayerByName("service_points")
uids = sorted(f.GetField("uid") for f in layer)
edited = uids[::10]
ds.StartTransaction()
for number, uid in enumerate(edited):
    layer.SetAttributeFilter(f"uid = '{uid}'")
    feature = layer.GetNextFeature()
    feature.SetField("notes", f"dicek di lapangan {number}")
    if number < 50:
        feature.SetField("photo", f"DCIM/{uid}_20261201_093000.jpg")
    layer.SetFeature(feature)
layer.SetAttributeFilter(None)
for number in range(200):
    lon, lat = extra[number][GEOMETRY]
    feature = ogr.Feature(layer.GetLayerDefn())
    for key, value in extra[number].items():
        if key != GEOMETRY:
            feature.SetField(key, value)
    feature.SetField("uid", str(uuid.uuid4()))
    feature.SetField("name", f"Baru {number}")
    point = ogr.Geometry(ogr.wkbPoint); point.AddPoint_2D(lon + 0.0001, lat)
    feature.SetGeometry(point)
    layer.CreateFeature(feature)
ds.CommitTransaction()
del layer
ds = None
mem = gdal.GetDriverByName("MEM").Create("", 1200, 900, 3, gdal.GDT_Byte)
for band in range(1, 4):
    mem.GetRasterBand(band).WriteRaster(0, 0, 1200, 900, os.urandom(1200 * 900))
jpeg = os.path.join(folder, "photo.jpg")
gdal.GetDriverByName("JPEG").CreateCopy(jpeg, mem, options=["QUALITY=90"])
mem = None
for uid in edited[:50]:
    shutil.copyfile(jpeg, os.path.join(returned, "DCIM", f"{uid}_20261201_093000.jpg"))
photo_mb = 50 * os.path.getsize(jpeg) / 1024 / 1024
with ws.write() as conn:
    for uid in edited[-50:]:
        conn.execute("UPDATE service_points SET notes = 'kantor' WHERE uid = ?", (uid,))

t0 = time.perf_counter()
preview = field_merge.preview_merge(ws, returned)
previewed = time.perf_counter() - t0
counts = preview.counts()
t0 = time.perf_counter()
outcome = field_merge.apply_merge(ws, preview)
merged = time.perf_counter() - t0
preview.close()
t0 = time.perf_counter()
again = field_merge.preview_merge(ws, returned)
assert again.already_merged
field_merge.apply_merge(ws, again)
again.close()
twice = time.perf_counter() - t0
print(f"{sites} {core:.3f} {whole:.3f} {one:.3f} {size} {previewed:.3f} {merged:.3f} {twice:.3f} "
      f"{len(edited)} {counts['NEW']} {counts['CONFLICTS']} {outcome.counts['PHOTOS']} {photo_mb:.1f}")
"""


def main(runs: int = 3) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tempfile.mkdtemp(prefix="paser-bench-"))
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, ROOT, str(EXTRA_SITES)], capture_output=True, text=True, env=env, check=True
        )
        results.append(out.stdout.strip().splitlines()[-1].split())
    sites = int(results[0][0])
    core, whole, one, previewed, merged, twice = (
        statistics.median(float(r[i]) for r in results) for i in (1, 2, 3, 5, 6, 7)
    )
    size = int(results[-1][4])
    edited, new, conflicts, photos, photo_mb = results[-1][8:13]
    print(
        f"package_for_field: whole regency, {sites} sites: median {whole:.2f} s over {runs} runs (goal < 10 s; "
        f"of which the GeoPackage with its base {core:.2f} s), zipped {size / 1024 / 1024:.1f} MiB; "
        f"one kecamatan (Long Ikis) {one:.2f} s"
    )
    print(
        f"merge_field_package: whole-regency package back with {edited} sites edited, {new} new, {conflicts} "
        f"conflicts, {photos} photos ({photo_mb} MiB): preview {previewed:.2f} s + merge {merged:.2f} s "
        f"= {previewed + merged:.2f} s (median of {runs}; goal < 10 s); the same package again {twice:.2f} s "
        f"(nothing to do)"
    )


if __name__ == "__main__":
    main()
