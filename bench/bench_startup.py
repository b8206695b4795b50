"""Start-up cost: import the plugin package, classFactory and initGui in a headless QGIS.

Prints a figure (goal < 50 ms); never fails on time. Run through `make bench`.
"""

import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Measured in a fresh interpreter each time: a warm import cache would hide the real cost.
CHILD = r"""
import os, sys, time
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtWidgets import QMainWindow, QMenuBar
app = QgsApplication([], True); app.initQgis()

class Iface:  # the parts of QgisInterface that initGui uses
    def __init__(self):
        self.window = QMainWindow(); self.window.setMenuBar(QMenuBar())
    def mainWindow(self): return self.window
    def addToolBar(self, name): return self.window.addToolBar(name)
    def messageBar(self): return None
    # QGIS's iface has these; initGui registers the settings page with them.
    def registerOptionsWidgetFactory(self, factory): self.factory = factory
    def unregisterOptionsWidgetFactory(self, factory): self.factory = None

iface = Iface()
t0 = time.perf_counter()
import paser_smartcity_plugin
plugin = paser_smartcity_plugin.classFactory(iface)
plugin.initGui()
elapsed = time.perf_counter() - t0
heavy = sorted(m for m in ("geopandas", "requests", "pyogrio", "shapely", "pandas") if m in sys.modules)
print(f"{elapsed * 1000:.2f} {','.join(heavy) or '-'}")
plugin.unload()
"""


def main(runs: int = 5) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tempfile.mkdtemp(prefix="paser-bench-"))
    times, heavy = [], "-"
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD, ROOT], capture_output=True, text=True, env=env, check=True)
        value, heavy = out.stdout.strip().splitlines()[-1].split()
        times.append(float(value))
    print(
        f"startup: import + classFactory + initGui: median {statistics.median(times):.1f} ms, "
        f"min {min(times):.1f} ms over {runs} cold runs (goal < 50 ms); heavy modules loaded: {heavy}"
    )


if __name__ == "__main__":
    main()
