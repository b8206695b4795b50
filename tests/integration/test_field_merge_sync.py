"""A merged field survey reaches the central database with the next sync — the surveyor's
edits, new site and photo path, and a conflict resolved for the surveyor — while a central
change made meanwhile is pulled and not overwritten. Real embedded central behind qgis_mapserver."""

import os

from field_support import NEW_SCHOOL, gdal_add, gdal_update, make_package, photo_name, write_jpeg
from sync_support import seeded_embedded_central

from paser_smartcity_plugin.core import field_merge
from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.schema import SERVICE_POINTS
from paser_smartcity_plugin.core.sync import OgcApiClient, synchronize
from paser_smartcity_plugin.core.sync.conflicts import THEIRS, open_conflicts, resolve
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

LONG_IKIS = [r["uid"] for r in demo_rows()[SERVICE_POINTS] if r["desa_code"].startswith("64.01.06.")]
EDITED, CONTESTED, CENTRAL_EDIT = LONG_IKIS[:3]


def _sync(ws, url):
    with OgcApiClient(url) as client:
        return synchronize(ws, client, overlap_s=1)


def test_the_next_sync_sends_the_merged_survey(qgis_app, tmp_path):
    with seeded_embedded_central(tmp_path) as (srv, db):
        path = str(tmp_path / "office.gpkg")
        create_workspace(path)
        ws = Workspace(path)
        _sync(ws, srv.url)  # the office in step with the central
        folder = make_package(ws.path, str(tmp_path / "rina"))
        gdal_update(folder, SERVICE_POINTS, EDITED, notes="Genset rusak", photo=photo_name(EDITED))
        write_jpeg(os.path.join(folder, photo_name(EDITED)))
        gdal_update(folder, SERVICE_POINTS, CONTESTED, status="active")
        gdal_update(folder, SERVICE_POINTS, CENTRAL_EDIT, notes="dari lapangan")
        new_uid = gdal_add(folder, SERVICE_POINTS, **NEW_SCHOOL)
        ws.update_site(SERVICE_POINTS, CONTESTED, {"status": "survey"})
        db.update(SERVICE_POINTS, CENTRAL_EDIT, {"telkom_site_id": "TSEL-0042"})  # a colleague, centrally

        preview = field_merge.preview_merge(ws, folder)
        try:
            field_merge.apply_merge(ws, preview)
        finally:
            preview.close()
        _sync(ws, srv.url)
        central = {uid: db.row(SERVICE_POINTS, uid) for uid in (EDITED, CONTESTED, CENTRAL_EDIT, new_uid)}
        assert central[EDITED]["notes"] == "Genset rusak"
        assert central[EDITED]["photo"] == f"office_photos/{os.path.basename(photo_name(EDITED))}"
        assert central[new_uid]["name"] == "SD Negeri 9 Tiwei"
        assert (central[CENTRAL_EDIT]["notes"], central[CENTRAL_EDIT]["telkom_site_id"]) == (
            "dari lapangan",
            "TSEL-0042",
        )
        assert ws.site(SERVICE_POINTS, CENTRAL_EDIT)["telkom_site_id"] == "TSEL-0042"  # pulled, kept
        # the site in conflict with the surveyor waits for the officer: not sent
        assert central[CONTESTED]["status"] == "planned"
        (conflict,) = open_conflicts(ws)
        resolve(ws, SERVICE_POINTS, CONTESTED, "status", THEIRS, conflict.source)
        _sync(ws, srv.url)
        assert db.row(SERVICE_POINTS, CONTESTED)["status"] == "active"
        assert open_conflicts(ws) == []
