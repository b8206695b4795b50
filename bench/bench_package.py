"""Packaging for the field: the whole regency into one QField package.

A workspace with the demo programme plus 2 000 service points spread over Kabupaten Paser
(every one in a desa polygon) is packaged by paser_smartcity:package_for_field (no basemap),
in a fresh headless QGIS (a child process: QGIS is started once per process). Prints the
figures (goal: whole regency < 10 s); never fails on time. Run through `make bench`.
"""

import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRA_SITES = 2000

CHILD = r"""
import os, random, sys, tempfile, time
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
print(f"{sites} {core:.3f} {whole:.3f} {one:.3f} {size}")
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
    core, whole, one = (statistics.median(float(r[i]) for r in results) for i in (1, 2, 3))
    size = int(results[-1][4])
    print(
        f"package_for_field: whole regency, {sites} sites: median {whole:.2f} s over {runs} runs (goal < 10 s; "
        f"of which the GeoPackage with its base {core:.2f} s), zipped {size / 1024 / 1024:.1f} MiB; "
        f"one kecamatan (Long Ikis) {one:.2f} s"
    )


if __name__ == "__main__":
    main()
