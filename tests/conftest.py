"""Shared test set-up. Runs before pytest-qgis starts QGIS (this is an initial conftest).

Every test run gets its own HOME, so QgsSettings written by tests never reach an officer's
real QGIS settings, and tests never read them.
"""

import os
import sys
import tempfile

_HOME = tempfile.mkdtemp(prefix="paser-test-home-")
for var in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = _HOME if var == "HOME" else os.path.join(_HOME, var.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
# Test helpers shared by tests/integration and tests/qgis (loopback servers, fixtures data).
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))

SHARED_DATA = os.path.abspath(os.path.join(ROOT, "..", "shared", "data", "paser"))
