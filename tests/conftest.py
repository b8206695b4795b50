"""Shared test set-up. Runs before pytest-qgis starts QGIS (this is an initial conftest).

Every test run gets its own HOME, so QgsSettings written by tests never reach an officer's
real QGIS settings, and tests never read them.
"""

import os
import tempfile

_HOME = tempfile.mkdtemp(prefix="paser-test-home-")
for var in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = _HOME if var == "HOME" else os.path.join(_HOME, var.lower())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
