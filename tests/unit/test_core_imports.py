"""core/ is the domain and runs without QGIS: no module under it imports qgis or Qt, and none
loads a heavy library at import time (the plugin's start-up imports core modules)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import paser_smartcity_plugin.core as core

ROOT = Path(__file__).resolve().parents[2]
CORE_MODULES = sorted(name for _, name, _ in pkgutil.walk_packages(core.__path__, core.__name__ + "."))
QT_OR_QGIS = ("qgis", "PyQt5", "PyQt6", "sip", "PySide2", "PySide6")
# Loaded only where an operation needs them (Telkom exchange, spreadsheets, HTTP).
HEAVY = ("geopandas", "pyogrio", "fiona", "pandas", "openpyxl", "pyproj", "shapely")
# Modules whose whole job is a library: the HTTP client needs requests to exist at all.
NEEDS_REQUESTS = {"paser_smartcity_plugin.core.sync"}


def _loaded_after_import(modules, watch):
    code = (
        "import importlib, sys\n"
        f"for name in {list(modules)!r}: importlib.import_module(name)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({list(watch)!r})))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_walk_finds_every_core_module():
    files = {p.relative_to(ROOT).with_suffix("") for p in (ROOT / "paser_smartcity_plugin" / "core").rglob("*.py")}
    names = {".".join(f.parts) for f in files if f.name != "__init__"}
    assert names <= set(CORE_MODULES)
    assert "paser_smartcity_plugin.core.dashboard" in CORE_MODULES
    assert any(name.startswith("paser_smartcity_plugin.core.telkom.") for name in CORE_MODULES)


def test_no_core_module_imports_qgis_or_qt():
    assert _loaded_after_import(CORE_MODULES, QT_OR_QGIS) == "[]"


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_leaves_heavy_libraries_until_used(module):
    watch = HEAVY + (() if any(module.startswith(p) for p in NEEDS_REQUESTS) else ("requests",))
    assert _loaded_after_import([module], watch) == "[]"
