"""Register coordinates: parser speed, the dialog's per-keystroke check, and a 2 000-row import.

Prints figures (goals: parse < 0.2 ms, assess < 20 ms per keystroke, import < 10 s per
2 000 rows); never fails on time. Run through `make bench`.
"""

import csv
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from paser_smartcity_plugin.core.boundaries import read_desa_boundaries  # noqa: E402
from paser_smartcity_plugin.core.checks import suggest_desa  # noqa: E402
from paser_smartcity_plugin.core.coordinates import parse_coordinates  # noqa: E402
from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.register import Registrar, RegistrationRequest  # noqa: E402
from paser_smartcity_plugin.core.site_import import SiteImporter, read_table  # noqa: E402
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace  # noqa: E402

TEXTS = [
    "-1,9023; 116,1892",
    "1°54'08\" LS 116°11'21\" BT",
    "S 1 54.133 E 116 11.354",
    "457123.4 9789654.2",
    "116.1892 -1.9023",
    "50M 457123 9789654",
]


def per_call(fn, n):
    t0 = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t0) / n


if __name__ == "__main__":
    n = 2000
    t = per_call(lambda: [parse_coordinates(s) for s in TEXTS], n) / len(TEXTS)
    print(f"parse_coordinates: {t * 1e6:.1f} µs per text (mixed formats)")
    t0 = time.perf_counter()
    read_desa_boundaries()
    load = time.perf_counter() - t0
    rng = random.Random(64)
    points = [(rng.uniform(115.7, 116.5), rng.uniform(-2.3, -1.0)) for _ in range(300)]
    t = per_call(lambda: [suggest_desa(lon, lat) for lon, lat in points], 3) / len(points)
    print(
        f"suggest_desa (shipped desa boundaries, point in polygon + border distance): {t * 1000:.2f} ms per "
        f"position; the boundaries are read once in {load * 1000:.0f} ms"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "demo.gpkg")
        create_workspace(path, demo_rows())
        registrar = Registrar(Workspace(path))
        request = RegistrationRequest("-1,9023; 116,1892", site="Menara Muara Toyu")
        t = per_call(lambda: registrar.assess(request), 500)
        print(f"assess (one keystroke in the dialog, 158 sites): {t * 1000:.2f} ms")
        sheet = os.path.join(tmp, "sites.csv")
        with open(sheet, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(["Nama", "Kategori", "Lintang", "Bujur"])
            for i in range(2000):
                w.writerow(
                    [
                        f"Titik {i}",
                        "sekolah",
                        f"{-1.2 - (i % 50) * 0.02:.5f}".replace(".", ","),
                        f"{115.8 + (i // 50) * 0.02:.5f}".replace(".", ","),
                    ]
                )
        t0 = time.perf_counter()
        result = SiteImporter(Registrar(Workspace(path)), force=True).run(*read_table(sheet))
        elapsed = time.perf_counter() - t0
        print(
            f"import 2 000 CSV rows: {elapsed:.2f} s ({result.count('inserted')} inserted, "
            f"{result.count('rejected')} rejected)"
        )
