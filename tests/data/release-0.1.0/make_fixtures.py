"""How the release-0.1.0 fixtures were made: run with the 0.1.0 code (commit 95fc4ea) checked
out as the current directory, e.g. `git worktree add /tmp/rel 95fc4ea && cd /tmp/rel &&
python <this file> <out folder>`.

workspace.gpkg: an officer's workspace after three real syncs with an embedded central
(a pushed edit, an open conflict on notes) and then offline work not yet synced (an edited
tower, a new service point, a deleted one). central.gpkg: that embedded central.
"""

import os
import pathlib
import shutil
import sqlite3
import sys

sys.path.insert(0, os.getcwd())
sys.path.insert(0, os.path.join(os.getcwd(), "tests", "support"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main(out: str) -> None:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from sync_support import seeded_embedded_central

    from paser_smartcity_plugin.core.demo import demo_uid
    from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize
    from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

    folder = pathlib.Path(out) / "work"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    ws_path = str(folder / "workspace.gpkg")
    create_workspace(ws_path)
    ws = Workspace(ws_path)
    with seeded_embedded_central(folder) as (srv, db):

        def sync(push=True):
            with OgcApiClient(srv.url, timeout=30, retries=1, backoff=0.05) as client:
                return synchronize(ws, client, push=push, overlap_s=5)

        sync()
        tower = demo_uid("tower", "64.01.08.2008")
        office = demo_uid("kantor_desa", "64.01.06.2012")
        ws.update_site(
            "tower_plans", demo_uid("tower", "64.01.06.2012"), {"status": "construction", "notes": "pondasi selesai"}
        )
        sync()
        ws.update_site("service_points", office, {"notes": "catatan petugas"})
        db.update("service_points", office, {"notes": "catatan pusat"})
        sync(push=False)
        ws.update_site(
            "tower_plans",
            tower,
            {
                "status": "coordinates_set",
                "coord_status": "surveyed",
                "coord_source": "gps_survey",
                "accuracy_m": 4.0,
                "geometry": (116.30306, -1.13389),
                "surveyed_by": "Rahmat",
            },
        )
        ws.insert_sites(
            "service_points",
            [
                {
                    "uid": "3f1c2a9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b",
                    "name": "SDN 001 Tanah Grogot",
                    "category": "sekolah",
                    "desa_code": "64.01.04.1001",
                    "status": "planned",
                    "coord_status": "surveyed",
                    "coord_source": "gps_survey",
                    "accuracy_m": 3.5,
                    "geometry": (116.1892, -1.9023),
                }
            ],
        )
        with ws.write() as conn:
            conn.execute("DELETE FROM service_points WHERE uid = ?", (demo_uid("kantor_desa", "64.01.07.2009"),))
    for name in ("workspace.gpkg", "central.gpkg"):
        target = str(pathlib.Path(out) / name)
        shutil.copy(str(folder / name), target)
        conn = sqlite3.connect(target)
        conn.execute("VACUUM")
        conn.close()
    shutil.rmtree(folder)
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1])
