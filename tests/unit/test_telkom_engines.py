"""The exchange with Debian's own geopandas (what a Debian QGIS has), and without geopandas.

/usr/bin/python3 outside the venv sees Debian's python3-geopandas: on Debian 12 that is 0.12
with fiona and no pyogrio; Debian 13 and sid ship pyogrio too, which the plugin prefers. The
exchange runs there in a child process, once with the engines as Debian installed them and
once with pyogrio hidden — the fiona-only Python of an officer's QGIS.
"""

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SYSTEM_PYTHON = "/usr/bin/python3"

CHILD = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
tmp = sys.argv[2]
if sys.argv[3] == "fiona-only":
    sys.modules["pyogrio"] = None  # as if it were not installed: geopandas and the plugin fall back to fiona
import geopandas
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.telkom.geopandas_io import load
from paser_smartcity_plugin.core.telkom.export import export_package
from paser_smartcity_plugin.core.telkom.importer import apply_import, preview_import
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
from paser_smartcity_plugin.core.rows import GEOMETRY
from tests.telkom_files import digest, to_utm50s, write_shapefile

out = {"geopandas": geopandas.__version__, "engine": load()[1]}
create_workspace(os.path.join(tmp, "ws.gpkg"), demo_rows())
ws = Workspace(os.path.join(tmp, "ws.gpkg"))
tower = demo_uid("tower", "64.01.07.2009")
ws.update_site("tower_plans", tower, {"notes": "Catatan panjang sekali. " * 40, "surveyed_at": "2022-08-17T09:30:00.000Z"})
result = export_package(ws, os.path.join(tmp, "paser.zip"))
out["exported"] = [(r.layer, r.features, r.without_coordinates, len(r.cuts)) for r in result.layers]
before = digest(ws.path)
preview = preview_import(ws, os.path.join(tmp, "paser.zip"))
out["round_trip"] = preview.counts()
apply_import(ws, preview)
out["unchanged"] = digest(ws.path) == before
site = ws.site("tower_plans", tower)
shp = write_shapefile(os.path.join(tmp, "menara.shp"), [("UID", str), ("NAMA", str), ("STATUS", str)],
                      [{"UID": tower, "NAMA": "Menara Muara Payang Ré", "STATUS": "Perizinan"}],
                      [to_utm50s(*site[GEOMETRY])], epsg=32750, encoding="ISO-8859-1", cpg=False)
preview = preview_import(ws, shp)
out["latin1_utm"] = [(r.action, sorted((c.field, c.new) for c in r.changes)) for r in preview.rows]
out["encoding"] = preview.sources[0].encoding
apply_import(ws, preview)
out["applied"] = ws.site("tower_plans", tower)["name"]
print(json.dumps(out))
"""


def system_engines():
    """The geopandas engines Debian's python3 can import, or None without python3-geopandas."""
    if not os.path.exists(SYSTEM_PYTHON):
        return None
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", CHECK_ENGINES], capture_output=True, text=True, env=_system_env(), timeout=120
    )
    return json.loads(probe.stdout) if probe.returncode == 0 else None


CHECK_ENGINES = r"""
import importlib, json
import geopandas
found = []
for name in ("pyogrio", "fiona"):
    try:
        importlib.import_module(name)
        found.append(name)
    except ImportError:
        pass
print(json.dumps(found))
"""


def _system_env():
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def _exchange_with_system_geopandas(tmp_path, mode):
    proc = subprocess.run(
        [SYSTEM_PYTHON, "-c", CHILD, ROOT, str(tmp_path), mode],
        capture_output=True,
        text=True,
        env=_system_env(),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["exported"] == [["service_points", 154, 0, 0], ["tower_plans", 2, 2, 1]]  # the long notes cut
    assert out["round_trip"] == {"MATCHED": 156, "UPDATED": 0, "NEW": 0, "REJECTED": 0, "WARNINGS": 0}
    assert out["unchanged"] is True
    assert out["encoding"] == "CP1252"
    assert out["latin1_utm"] == [["update", [["name", "Menara Muara Payang Ré"], ["status", "permit"]]]]
    assert out["applied"] == "Menara Muara Payang Ré"
    return out["engine"]


SYSTEM_ENGINES = system_engines()


@pytest.mark.skipif(not SYSTEM_ENGINES, reason="no /usr/bin/python3 with geopandas and an engine (python3-geopandas)")
def test_debian_geopandas_as_installed(tmp_path):
    """Debian 12: fiona only; Debian 13 and sid: pyogrio as well, and the plugin takes it."""
    assert _exchange_with_system_geopandas(tmp_path, "as-installed") == SYSTEM_ENGINES[0]


@pytest.mark.skipif(
    not SYSTEM_ENGINES or "fiona" not in SYSTEM_ENGINES, reason="Debian's python3 here has no fiona (python3-fiona)"
)
def test_debian_geopandas_with_fiona_only(tmp_path):
    assert _exchange_with_system_geopandas(tmp_path, "fiona-only") == "fiona"


MISSING = r"""
import sys
sys.path.insert(0, sys.argv[1])
sys.modules["geopandas"] = None  # as if it were not installed
import paser_smartcity_plugin.core.telkom.importer as importer, paser_smartcity_plugin.core.telkom.export as export
from paser_smartcity_plugin.core.telkom import GeopandasMissingError
from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
create_workspace(sys.argv[2], demo_rows())
try:
    export.export_package(Workspace(sys.argv[2]), sys.argv[2] + ".zip")
except GeopandasMissingError as exc:
    print(exc)
"""


def test_missing_geopandas_says_what_to_install(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", MISSING, ROOT, str(tmp_path / "ws.gpkg")], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "needs the Python package geopandas" in proc.stdout
    assert "pip install geopandas pyogrio" in proc.stdout
    assert not (tmp_path / "ws.gpkg.zip").exists()


def test_importing_the_exchange_loads_no_geopandas():
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import paser_smartcity_plugin.core.telkom.export, paser_smartcity_plugin.core.telkom.importer;"
        "print(sorted(m for m in ('geopandas', 'pyogrio', 'fiona', 'pandas') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code, ROOT], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_provider_and_plugin_modules_load_no_geopandas():
    """The algorithms are registered at start-up: their module must not pull geopandas in."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import paser_smartcity_plugin.plugin;"
        "from paser_smartcity_plugin.processing.provider import algorithm_classes;"
        "names = [c.NAME for c in algorithm_classes()];"
        "import paser_smartcity_plugin.gui.telkom;"
        "print(names); print(sorted(m for m in ('geopandas', 'pyogrio', 'fiona', 'pandas', 'pyproj') if m in sys.modules))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", code, ROOT], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    names, heavy = proc.stdout.strip().splitlines()[-2:]
    assert "'export_telkom', 'import_telkom'" in names
    assert heavy == "[]"
