"""kill -9 during a field-package merge: the workspace stays as it was, and the next merge does
the whole job — at most a complete photo that no site names is left, and it is used again."""

import os
import signal
import sqlite3
import subprocess
import sys

import pytest
from field_support import (
    NEW_SCHOOL,
    gdal_add,
    gdal_update,
    make_package,
    office_workspace,
    photo_name,
    sha256,
    write_jpeg,
)
from sync_support import table_dump

from paser_smartcity_plugin.core import field_merge
from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.schema import SERVICE_POINTS

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from paser_smartcity_plugin.core import field_merge
from paser_smartcity_plugin.core.workspace import Workspace
{prepare}
workspace = Workspace(sys.argv[2])
preview = field_merge.preview_merge(workspace, sys.argv[3])
field_merge.apply_merge(workspace, preview)
print("committed", flush=True)
"""
# Held inside the merge's transaction: after some sites are written ...
HELD_IN_SITES = """
real = field_merge._apply_site
done = []
def held(workspace, conn, site, source):
    real(workspace, conn, site, source)
    done.append(site.uid)
    if len(done) == 4:
        assert conn.in_transaction
        print("held", flush=True)
        time.sleep(60)
field_merge._apply_site = held
"""
# ... or with every site written and the photos copied, just before the commit.
HELD_AFTER_PHOTOS = """
real = field_merge._copy_photos
def held(package, photos, is_canceled):
    written = real(package, photos, is_canceled)
    assert written
    print("held", flush=True)
    time.sleep(60)
    return written
field_merge._copy_photos = held
"""
SURVEYED = ("notes", "accuracy_m")


@pytest.fixture
def office_and_package(tmp_path):
    ws = office_workspace(tmp_path)
    folder = make_package(ws.path, str(tmp_path / "rina"))
    edited = [r["uid"] for r in demo_rows()[SERVICE_POINTS] if r["desa_code"].startswith("64.01.06.")][:8]
    for number, uid in enumerate(edited):
        gdal_update(folder, SERVICE_POINTS, uid, notes=f"dicek {number}", accuracy_m=3.0 + number)
    for uid in edited[:3]:
        gdal_update(folder, SERVICE_POINTS, uid, photo=photo_name(uid))
        write_jpeg(os.path.join(folder, photo_name(uid)), shade=20 + 10 * edited.index(uid))
    new_uid = gdal_add(folder, SERVICE_POINTS, **NEW_SCHOOL)
    return ws, folder, edited, new_uid


def _merge_killed(ws, folder, prepare):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(prepare=prepare), ROOT, ws.path, folder],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "held"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL


def _integrity(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("moment", ["while writing the sites", "after copying the photos"])
def test_kill_during_the_merge_leaves_the_workspace_as_it_was(office_and_package, moment):
    ws, folder, edited, new_uid = office_and_package
    before = table_dump(ws)
    photos = field_merge.photo_folder(ws.path)
    _merge_killed(ws, folder, HELD_IN_SITES if moment == "while writing the sites" else HELD_AFTER_PHOTOS)

    assert _integrity(ws.path) == "ok"
    assert table_dump(ws) == before  # not one site, change-log entry or merge record of the merge
    left = sorted(os.listdir(photos)) if os.path.isdir(photos) else []
    assert not [name for name in left if name.endswith(".part")]  # never half a photo under a name
    for uid in edited[:3]:
        name = os.path.basename(photo_name(uid))
        if name in left:  # copied before the kill: the whole photo
            assert sha256(os.path.join(photos, name)) == sha256(os.path.join(folder, photo_name(uid)))
    if moment == "after copying the photos":
        assert len(left) == 3

    # The next merge does the whole job, using the photos already there.
    preview = field_merge.preview_merge(ws, folder)
    try:
        assert preview.already_merged is None
        outcome = field_merge.apply_merge(ws, preview)
    finally:
        preview.close()
    assert outcome.counts["UPDATED"] == len(edited)
    assert outcome.counts["NEW"] == 1
    for number, uid in enumerate(edited):
        site = ws.site(SERVICE_POINTS, uid)
        assert (site["notes"], site["accuracy_m"]) == (f"dicek {number}", 3.0 + number)
    assert ws.site(SERVICE_POINTS, new_uid)["name"] == "SD Negeri 9 Tiwei"
    assert sorted(os.listdir(photos)) == sorted(os.path.basename(photo_name(uid)) for uid in edited[:3])
    for uid in edited[:3]:
        stored = ws.site(SERVICE_POINTS, uid)["photo"]
        assert sha256(os.path.join(os.path.dirname(ws.path), stored)) == sha256(os.path.join(folder, photo_name(uid)))
