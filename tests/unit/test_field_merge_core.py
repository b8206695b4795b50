"""Merging a surveyor's returned field package (core/field_merge.py), without QGIS: packages made
by the core, edited through GDAL's GeoPackage driver as QField writes them, real JPEGs in DCIM/.
tests/qgis/test_field_merge.py does the same through QGIS's OGR provider and the algorithm."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile

import pytest
from field_support import (
    NEW_SCHOOL,
    data_of,
    gdal_add,
    gdal_delete,
    gdal_update,
    make_package,
    office_workspace,
    photo_name,
    sha256,
    write_jpeg,
)
from sync_support import table_dump

from paser_smartcity_plugin.core import changelog, field_merge, field_package, gpkg
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.migrations import SCHEMA_VERSION
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.sync import store
from paser_smartcity_plugin.core.sync.conflicts import MINE, THEIRS, open_conflicts, package_source, resolve
from paser_smartcity_plugin.core.sync.features import canonical_row
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

LONG_IKIS = [r for r in demo_rows()[SERVICE_POINTS] if r["desa_code"].startswith("64.01.06.")]
OFFICE_A, OFFICE_B, OFFICE_C = (r["uid"] for r in LONG_IKIS[:3])
TOWER = demo_uid("tower", "64.01.06.2012")  # a tower of Long Ikis with coordinates
NEW_SITE = {**NEW_SCHOOL, "surveyed_by": "Rina"}


def merged_packages(workspace):
    """The field packages merged into the workspace, newest first (what the merge recorded)."""
    import json

    with workspace.read() as conn:
        rows = conn.execute(
            "SELECT package_id, content_hash, surveyor, packaged_at, merged_at, input, summary "
            f"FROM {changelog.FIELD_MERGES_TABLE} ORDER BY merged_at DESC"
        ).fetchall()
    keys = ("package_id", "content_hash", "surveyor", "packaged_at", "merged_at", "input", "summary")
    return [{**dict(zip(keys, row)), "summary": json.loads(row[-1] or "{}")} for row in rows]


@pytest.fixture
def office(tmp_path) -> Workspace:
    return office_workspace(tmp_path)


def _package(office, tmp_path, name="rina", **kwargs) -> str:
    return make_package(office.path, str(tmp_path / name), **kwargs)


def _merge(office, source, leave_out=()):
    preview = field_merge.preview_merge(office, str(source))
    try:
        return preview, field_merge.apply_merge(office, preview, leave_out)
    finally:
        preview.close()


def _pending(office, layer=SERVICE_POINTS):
    with office.read() as conn:
        return store.pending(conn, layer)


def _row(office, layer, uid):
    with office.read() as conn:
        return store.local_row(conn, office_schema(layer), uid)


def office_schema(layer):
    from paser_smartcity_plugin.core.schema import layer_schema

    return layer_schema(layer)


# ---------------------------------------------------------------- what the surveyor did arrives


def test_field_edits_a_new_site_and_a_photo_become_the_officers_own_edits(office, tmp_path):
    folder = _package(office, tmp_path)
    before_a = _row(office, SERVICE_POINTS, OFFICE_A)
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, notes="Genset rusak", photo=photo_name(OFFICE_A))
    jpeg = write_jpeg(os.path.join(folder, photo_name(OFFICE_A)))
    new_uid = gdal_add(folder, SERVICE_POINTS, **NEW_SITE, photo=photo_name("new", "20261201_101500"))
    new_jpeg = write_jpeg(os.path.join(folder, photo_name("new", "20261201_101500")), shade=40)
    gdal_update(folder, TOWER_PLANS, TOWER, **{GEOMETRY: (116.2101, -1.5002)}, notes="pondasi selesai")

    preview = field_merge.preview_merge(office, folder)
    try:
        assert table_dump(office) == table_dump(Workspace(office.path))  # a preview writes nothing
        by_uid = {s.uid: s for s in preview.sites}
        assert by_uid[OFFICE_A].action == field_merge.UPDATE
        assert by_uid[new_uid].action == field_merge.NEW
        assert by_uid[TOWER].action == field_merge.UPDATE
        changed = {c.field: (c.before, c.surveyor, c.outcome) for c in by_uid[OFFICE_A].changes}
        assert changed == {
            "notes": (None, "Genset rusak", "theirs"),
            "photo": (None, f"paser_photos/{OFFICE_A}_20261201_093000.jpg", "theirs"),
        }  # updated_at moved in the package: not a change of the surveyor's
        assert set(by_uid[TOWER].changes[i].field for i in range(len(by_uid[TOWER].changes))) >= {GEOMETRY, "notes"}
        assert preview.unchanged == len(LONG_IKIS) - 1
        outcome = field_merge.apply_merge(office, preview)
    finally:
        preview.close()
    assert outcome.counts["UPDATED"] == 2
    assert outcome.counts["NEW"] == 1
    assert outcome.counts["PHOTOS"] == 2

    site = office.site(SERVICE_POINTS, OFFICE_A)
    assert site["notes"] == "Genset rusak"
    assert site["photo"] == f"paser_photos/{OFFICE_A}_20261201_093000.jpg"
    assert site["updated_at"] > before_a["updated_at"]  # the office's edit time, stamped by its own trigger
    copied = os.path.join(os.path.dirname(office.path), site["photo"])
    assert sha256(copied) == sha256(jpeg)
    new = office.site(SERVICE_POINTS, new_uid)
    assert (new["name"], new["desa_name"], new["kecamatan"], new["surveyed_by"]) == (
        "SD Negeri 9 Tiwei",
        "Tiwei",
        "Long Ikis",
        "Rina",
    )
    assert sha256(os.path.join(os.path.dirname(office.path), new["photo"])) == sha256(new_jpeg)
    tower = office.site(TOWER_PLANS, TOWER)
    assert tower[GEOMETRY] == pytest.approx((116.2101, -1.5002))
    assert tower["notes"] == "pondasi selesai"

    # pending for the sync: the edited sites with the central's values as their base, the new one as new
    pending = _pending(office)
    assert set(pending) == {OFFICE_A, new_uid}
    assert pending[new_uid]["base"] is None
    assert canonical_row(office_schema(SERVICE_POINTS), pending[OFFICE_A]["base"]) == before_a
    assert set(_pending(office, TOWER_PLANS)) == {TOWER}
    assert open_conflicts(office) == []
    # the surveyor's files are as they came back
    assert field_package.verify_base(data_of(folder))


def test_office_changes_since_packaging_are_never_undone(office, tmp_path):
    folder = _package(office, tmp_path)
    # Since packaging: the officer edited a site, and a sync pulled a central change of another.
    office.update_site(SERVICE_POINTS, OFFICE_A, {"notes": "office note", "status": "survey"})
    with office.write() as conn, changelog.applying(conn):
        conn.execute("UPDATE service_points SET telkom_site_id = 'TSEL-0001' WHERE uid = ?", (OFFICE_B,))
    # In the field: other fields of the same sites.
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, accuracy_m=4.5)
    gdal_update(folder, SERVICE_POINTS, OFFICE_B, notes="akses jalan rusak")
    _merge(office, folder)
    a, b = office.site(SERVICE_POINTS, OFFICE_A), office.site(SERVICE_POINTS, OFFICE_B)
    assert (a["notes"], a["status"], a["accuracy_m"]) == ("office note", "survey", 4.5)
    assert (b["telkom_site_id"], b["notes"]) == ("TSEL-0001", "akses jalan rusak")
    assert open_conflicts(office) == []


def test_the_same_field_is_a_conflict_that_names_the_surveyor(office, tmp_path):
    folder = _package(office, tmp_path)
    synced = _row(office, SERVICE_POINTS, OFFICE_A)
    office.update_site(SERVICE_POINTS, OFFICE_A, {"status": "survey"})
    office.update_site(SERVICE_POINTS, OFFICE_B, {"status": "survey"})
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, status="active", notes="sudah aktif")
    gdal_update(folder, SERVICE_POINTS, OFFICE_B, status="inactive")
    preview, outcome = _merge(office, folder)
    assert outcome.counts["CONFLICTS"] == 2
    conflicts = {(c.uid, c.field): c for c in open_conflicts(office)}
    assert set(conflicts) == {(OFFICE_A, "status"), (OFFICE_B, "status")}
    c = conflicts[(OFFICE_A, "status")]
    assert (c.base, c.mine, c.theirs) == ("planned", "survey", "active")
    assert c.from_package
    assert c.package_id == preview.package_id
    assert c.surveyor == "Rina"
    assert c.source == package_source(preview.package_id)
    a = office.site(SERVICE_POINTS, OFFICE_A)
    assert (a["status"], a["notes"]) == ("survey", "sudah aktif")  # the office value stays; the rest applies

    # take the surveyor's: the officer's own edit, pushed by the next sync; the sync base stays the central's
    resolve(office, SERVICE_POINTS, OFFICE_A, "status", THEIRS, c.source)
    assert office.site(SERVICE_POINTS, OFFICE_A)["status"] == "active"
    entry = _pending(office)[OFFICE_A]
    assert canonical_row(office_schema(SERVICE_POINTS), entry["base"]) == synced
    # keep mine: the conflict closes, nothing else moves
    before = table_dump(office)
    resolve(office, SERVICE_POINTS, OFFICE_B, "status", MINE, conflicts[(OFFICE_B, "status")].source)
    after = table_dump(office)
    assert open_conflicts(office) == []
    assert {k: v for k, v in after.items() if k != changelog.CONFLICTS_TABLE} == {
        k: v for k, v in before.items() if k != changelog.CONFLICTS_TABLE
    }


def test_deletes_on_one_side_and_edits_on_the_other(office, tmp_path):
    folder = _package(office, tmp_path)
    gdal_delete(folder, SERVICE_POINTS, OFFICE_A)  # untouched at the office: deleted there too
    gdal_delete(folder, SERVICE_POINTS, OFFICE_B)  # edited at the office: a conflict
    office.update_site(SERVICE_POINTS, OFFICE_B, {"notes": "masih dipakai"})
    office_c = _row(office, SERVICE_POINTS, OFFICE_C)
    with office.write() as conn:  # deleted at the office, edited in the field: a conflict
        conn.execute("DELETE FROM service_points WHERE uid = ?", (OFFICE_C,))
    gdal_update(folder, SERVICE_POINTS, OFFICE_C, notes="ditemukan di lapangan")
    preview, _ = _merge(office, folder)
    actions = {s.uid: s.action for s in preview.sites}
    assert actions == {OFFICE_A: "delete", OFFICE_B: "conflict", OFFICE_C: "conflict"}
    assert office.site(SERVICE_POINTS, OFFICE_A) is None
    assert _pending(office)[OFFICE_A]["base"]["uid"] == OFFICE_A  # the delete goes out with the next sync
    assert office.site(SERVICE_POINTS, OFFICE_B)["notes"] == "masih dipakai"
    conflicts = {c.uid: c for c in open_conflicts(office)}
    assert (conflicts[OFFICE_B].field, conflicts[OFFICE_B].theirs) == ("_exists", "deleted")
    assert conflicts[OFFICE_C].mine == "deleted"
    assert conflicts[OFFICE_C].theirs["notes"] == "ditemukan di lapangan"
    # the surveyor's site comes back as an edit of the officer's; the surveyor's delete goes out
    resolve(office, SERVICE_POINTS, OFFICE_C, "_exists", THEIRS, conflicts[OFFICE_C].source)
    restored = office.site(SERVICE_POINTS, OFFICE_C)
    assert restored["notes"] == "ditemukan di lapangan"
    assert restored["name"] == office_c["name"]
    resolve(office, SERVICE_POINTS, OFFICE_B, "_exists", THEIRS, conflicts[OFFICE_B].source)
    assert office.site(SERVICE_POINTS, OFFICE_B) is None
    pending = _pending(office)
    assert {OFFICE_A, OFFICE_B, OFFICE_C} <= set(pending)
    assert open_conflicts(office) == []
    assert canonical_row(office_schema(SERVICE_POINTS), pending[OFFICE_C]["base"]) == office_c  # the central's


# ---------------------------------------------------------------- twice, again, overlapping


def test_merging_the_same_package_twice_changes_nothing(office, tmp_path):
    folder = _package(office, tmp_path)
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, notes="Genset rusak", photo=photo_name(OFFICE_A))
    write_jpeg(os.path.join(folder, photo_name(OFFICE_A)))
    office.update_site(SERVICE_POINTS, OFFICE_B, {"status": "survey"})
    gdal_update(folder, SERVICE_POINTS, OFFICE_B, status="active")
    first, _ = _merge(office, folder)
    merged = table_dump(office)
    photos = sorted(os.listdir(field_merge.photo_folder(office.path)))
    # the same package again, and the same content zipped as QField sends it (with its own top folder)
    zipped = str(tmp_path / "rina-returned.zip")
    with zipfile.ZipFile(zipped, "w") as archive:
        for rel in field_package.package_files(folder):
            archive.write(os.path.join(folder, rel), "rina/" + rel)
    for source in (folder, zipped):
        preview, outcome = _merge(office, source)
        assert preview.already_merged
        assert preview.sites == []
        assert outcome.already_merged
        assert table_dump(office) == merged
        assert sorted(os.listdir(field_merge.photo_folder(office.path))) == photos
    (record,) = merged_packages(office)
    assert record["package_id"] == first.package_id
    assert record["content_hash"] == first.content_hash
    assert record["summary"]["photos"][0]["sha256"] == sha256(os.path.join(folder, photo_name(OFFICE_A)))


def test_a_package_returned_again_brings_only_what_changed_since(office, tmp_path):
    folder = _package(office, tmp_path)
    office.update_site(SERVICE_POINTS, OFFICE_B, {"status": "survey"})
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, notes="first visit")
    gdal_update(folder, SERVICE_POINTS, OFFICE_B, status="active")
    _merge(office, folder)
    (conflict,) = open_conflicts(office)
    resolve(office, SERVICE_POINTS, OFFICE_B, "status", MINE, conflict.source)  # the office keeps "survey"
    office.update_site(SERVICE_POINTS, OFFICE_A, {"notes": "office rewrote it"})
    # the surveyor kept working and sends the package back again
    gdal_update(folder, SERVICE_POINTS, OFFICE_C, notes="second visit")
    preview, outcome = _merge(office, folder)
    assert [s.uid for s in preview.sites if s.writes] == [OFFICE_C]
    assert outcome.counts["UPDATED"] == 1
    assert office.site(SERVICE_POINTS, OFFICE_A)["notes"] == "office rewrote it"  # not undone by the old value
    assert office.site(SERVICE_POINTS, OFFICE_B)["status"] == "survey"  # the officer's choice holds
    assert office.site(SERVICE_POINTS, OFFICE_C)["notes"] == "second visit"
    assert open_conflicts(office) == []
    assert len(merged_packages(office)) == 2


def test_overlapping_packages_merge_one_after_the_other_without_a_lost_edit(office, tmp_path):
    rina = _package(office, tmp_path, "rina", surveyor="Rina")
    budi = _package(office, tmp_path, "budi", kecamatan="Long Ikis, Long Kali", surveyor="Budi")
    sari = _package(office, tmp_path, "sari", kecamatan="", surveyor="Sari")
    gdal_update(rina, SERVICE_POINTS, OFFICE_A, notes="Rina's note", status="survey")
    gdal_update(budi, SERVICE_POINTS, OFFICE_A, accuracy_m=3.0, status="active")
    gdal_update(sari, SERVICE_POINTS, OFFICE_A, status="inactive")
    gdal_update(budi, SERVICE_POINTS, OFFICE_B, notes="Budi's note")
    for folder in (rina, budi, sari):
        _merge(office, folder)
    a = office.site(SERVICE_POINTS, OFFICE_A)
    assert (a["notes"], a["accuracy_m"], a["status"]) == ("Rina's note", 3.0, "survey")
    assert office.site(SERVICE_POINTS, OFFICE_B)["notes"] == "Budi's note"
    # the same field: a conflict per later surveyor, both kept, each naming its surveyor
    theirs = sorted((c.surveyor, c.mine, c.theirs) for c in open_conflicts(office))
    assert theirs == [("Budi", "survey", "active"), ("Sari", "survey", "inactive")]


# ---------------------------------------------------------------- what QField's writers do


def test_wal_content_of_the_returned_package_is_merged(office, tmp_path):
    """A phone's SQLite in WAL mode, the folder copied before a checkpoint: the edit lives in
    survey.gpkg-wal only."""
    folder = _package(office, tmp_path)
    data = data_of(folder)
    writer = (
        "import os, sys\n"
        "from osgeo import gdal, ogr\n"
        "gdal.UseExceptions(); gdal.SetConfigOption('OGR_SQLITE_JOURNAL', 'WAL')\n"
        "ds = ogr.Open(sys.argv[1], update=1); layer = ds.GetLayerByName('service_points')\n"
        "layer.SetAttributeFilter(\"uid = '%s'\" % sys.argv[2]); feature = layer.GetNextFeature()\n"
        "feature.SetField('notes', 'hanya di WAL'); layer.SetFeature(feature); ds.FlushCache()\n"
        "os._exit(0)  # the phone stops: no checkpoint\n"
    )
    subprocess.run([sys.executable, "-c", writer, data, OFFICE_A], check=True)
    assert os.path.getsize(data + "-wal") > 0
    returned = str(tmp_path / "returned")
    shutil.copytree(folder, returned)  # what comes back: the .gpkg and its -wal (no -shm)
    os.unlink(os.path.join(returned, "survey.gpkg-shm"))
    stamp = {name: sha256(os.path.join(returned, name)) for name in ("survey.gpkg", "survey.gpkg-wal")}
    _merge(office, returned)
    assert office.site(SERVICE_POINTS, OFFICE_A)["notes"] == "hanya di WAL"
    assert {name: sha256(os.path.join(returned, name)) for name in stamp} == stamp  # the surveyor's files untouched


def test_a_date_time_written_back_without_milliseconds_is_not_a_change(office, tmp_path):
    office.update_site(SERVICE_POINTS, OFFICE_A, {"surveyed_at": "2026-11-27T17:01:05.123Z"})
    with office.write() as conn:
        conn.execute(f"DELETE FROM {changelog.CHANGES_TABLE}")
    folder = _package(office, tmp_path)
    office.update_site(SERVICE_POINTS, OFFICE_A, {"surveyed_at": "2026-11-28T08:00:00.250Z"})
    # QGIS 3.22 writes the feature back: no zone, no milliseconds — the same instant to the second
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, surveyed_at="2026/11/27 17:01:05", notes="dicek")
    gdal_update(folder, SERVICE_POINTS, OFFICE_B, surveyed_at="2026-11-30T09:15:00")  # zone-less: UTC
    _merge(office, folder)
    a = office.site(SERVICE_POINTS, OFFICE_A)
    assert (a["surveyed_at"], a["notes"]) == ("2026-11-28T08:00:00.250Z", "dicek")
    assert open_conflicts(office) == []
    assert office.site(SERVICE_POINTS, OFFICE_B)["surveyed_at"] == "2026-11-30T09:15:00.000Z"


# ---------------------------------------------------------------- photos


def test_photos_are_checked_by_hash_and_never_written_over(office, tmp_path):
    folder = _package(office, tmp_path)
    photos = field_merge.photo_folder(office.path)
    same, other = photo_name(OFFICE_A), photo_name(OFFICE_B)
    write_jpeg(os.path.join(folder, same), shade=10)
    write_jpeg(os.path.join(folder, other), shade=200)
    write_jpeg(os.path.join(folder, "DCIM", "spare_20261201_120000.jpg"), shade=120)  # no site names it
    os.makedirs(photos)
    shutil.copyfile(os.path.join(folder, same), os.path.join(photos, os.path.basename(same)))  # merged before
    write_jpeg(os.path.join(photos, os.path.basename(other)), shade=30)  # another photo, same name
    kept = sha256(os.path.join(photos, os.path.basename(other)))
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, photo=same)
    gdal_update(folder, SERVICE_POINTS, OFFICE_B, photo=other)
    gdal_update(folder, SERVICE_POINTS, OFFICE_C, photo=photo_name(OFFICE_C), notes='=HYPERLINK("http://x","y")')
    preview, outcome = _merge(office, folder)
    status = {p.source: (p.status, p.value, p.attached) for p in preview.photos}
    assert status[same] == ("present", f"paser_photos/{os.path.basename(same)}", True)
    assert status[other] == ("renamed", f"paser_photos/{OFFICE_B}_20261201_093000_2.jpg", True)
    assert status["DCIM/spare_20261201_120000.jpg"][0::2] == ("copy", False)
    assert status[photo_name(OFFICE_C)][0] == "missing"
    (missing_site,) = [s for s in preview.sites if s.uid == OFFICE_C]
    assert "missing from the package" in str(missing_site.warnings[0])
    assert sha256(os.path.join(photos, os.path.basename(other))) == kept  # never written over
    assert sha256(os.path.join(photos, f"{OFFICE_B}_20261201_093000_2.jpg")) == sha256(os.path.join(folder, other))
    assert os.path.exists(os.path.join(photos, "spare_20261201_120000.jpg"))
    assert office.site(SERVICE_POINTS, OFFICE_B)["photo"] == f"paser_photos/{OFFICE_B}_20261201_093000_2.jpg"
    # the missing photo is not dropped: the site says where it belongs, the report says what to do
    assert office.site(SERVICE_POINTS, OFFICE_C)["photo"] == f"paser_photos/{OFFICE_C}_20261201_093000.jpg"
    assert outcome.counts["MISSING_PHOTOS"] == 1
    report = str(tmp_path / "report.csv")
    preview.write_report(report)
    with open(report, encoding="utf-8-sig") as f:
        text = f.read()
    assert "missing" in text
    assert "photo without a site" in text
    assert sha256(os.path.join(folder, same)) in text
    assert "'=HYPERLINK(" in text  # the report opens in a spreadsheet: no formula runs
    assert not [n for n in os.listdir(photos) if n.endswith(".part")]


# ---------------------------------------------------------------- refusals


def _refused(office, source, match):
    before = table_dump(office)
    with pytest.raises(field_merge.MergeError, match=match):
        field_merge.preview_merge(office, str(source))
    assert table_dump(office) == before


def _set_meta(folder, **values):
    conn = sqlite3.connect(data_of(folder))
    with conn:
        for key, value in values.items():
            conn.execute("UPDATE paser_package_meta SET value = ? WHERE key = ?", (json.dumps(value), key))
    conn.close()


def test_what_is_refused_with_a_clear_message(office, tmp_path):
    folder = _package(office, tmp_path)
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, notes="x")
    _refused(office, tmp_path / "nowhere", "does not exist")
    (tmp_path / "empty").mkdir()
    _refused(office, tmp_path / "empty", "holds no survey.gpkg")
    _refused(office, office.path, "not a Paser Smart City field package")
    # another workspace's package
    other = tmp_path / "other" / "paser.gpkg"
    other.parent.mkdir()
    create_workspace(str(other), demo_rows())
    _refused(Workspace(str(other)), folder, "packaged from another workspace")
    # a newer plugin's package, and a schema older than field packages
    for key, value, match in (
        ("schema_version", SCHEMA_VERSION + 1, "newer than this plugin"),
        ("format_version", 2, "made by a newer plugin"),
        ("schema_version", field_merge.FIRST_PACKAGE_SCHEMA - 1, "field packages exist since"),
        ("package_id", "", "no valid package id"),
        ("package_id", "rina-1", "no valid package id"),
    ):
        copy = tmp_path / f"{key}-{value}"
        shutil.copytree(folder, copy)
        _set_meta(str(copy), **{key: value})
        _refused(office, copy, match)
    # the base changed after packaging: the surveyor's changes cannot be told apart
    tampered = tmp_path / "tampered"
    shutil.copytree(folder, tampered)
    conn = sqlite3.connect(data_of(str(tampered)))
    with conn:
        conn.execute("UPDATE paser_base_service_points SET notes = 'x' WHERE uid = ?", (OFFICE_A,))
    conn.close()
    _refused(office, tampered, "base .* was changed after packaging")


def test_an_older_package_schema_merges_its_fields_and_keeps_the_rest(office, tmp_path):
    folder = _package(office, tmp_path)
    _set_meta(folder, schema_version=field_merge.FIRST_PACKAGE_SCHEMA)  # packaged by the previous release
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, notes="older package")
    _merge(office, folder)
    assert office.site(SERVICE_POINTS, OFFICE_A)["notes"] == "older package"


def test_leave_out_rejected_and_edited_since_the_preview(office, tmp_path):
    folder = _package(office, tmp_path)
    gdal_update(folder, SERVICE_POINTS, OFFICE_A, notes="ambil")
    gdal_update(folder, SERVICE_POINTS, OFFICE_B, notes="jangan")
    conn = gpkg.connect(data_of(folder))  # a value the workspace refuses (a writer without the rules)
    with conn:
        conn.execute("BEGIN")
        conn.execute("DROP TRIGGER service_points_check_update")
        conn.execute("UPDATE service_points SET status = 'selesai' WHERE uid = ?", (OFFICE_C,))
        conn.execute("COMMIT")
    conn.close()
    preview = field_merge.preview_merge(office, folder)
    try:
        rejected = [s for s in preview.sites if s.action == field_merge.REJECTED]
        assert [s.uid for s in rejected] == [OFFICE_C]
        assert "Status" in str(rejected[0].reasons[0])
        before = table_dump(office)
        with pytest.raises(field_merge.MergeError, match="cannot be merged"):
            field_merge.apply_merge(office, preview)
        with pytest.raises(field_merge.MergeError, match="names no change"):
            field_merge.apply_merge(office, preview, [OFFICE_C, demo_uid("office", "64.01.01.1001")])
        office.update_site(SERVICE_POINTS, OFFICE_A, {"telkom_site_id": "edited meanwhile"})
        with pytest.raises(field_merge.MergeError, match="changed in the workspace since the preview"):
            field_merge.apply_merge(office, preview, [OFFICE_C])
        assert {k: v for k, v in table_dump(office).items() if k not in ("service_points", "paser_changes")} == {
            k: v for k, v in before.items() if k not in ("service_points", "paser_changes")
        }
    finally:
        preview.close()
    preview, outcome = _merge(office, folder, leave_out=[OFFICE_B, OFFICE_C])
    assert outcome.counts["LEFT_OUT"] == 2
    assert outcome.counts["UPDATED"] == 1
    assert office.site(SERVICE_POINTS, OFFICE_A)["notes"] == "ambil"
    assert office.site(SERVICE_POINTS, OFFICE_B)["notes"] is None
    assert office.site(SERVICE_POINTS, OFFICE_C)["status"] == "planned"
    assert field_merge.preview_merge(office, folder).already_merged  # the officer's choice is final
