"""paser_smartcity:merge_field_package and "Merge field survey…", tested as QField returns a package:
packaged by the real algorithm, the project opened and edited through QGIS's OGR provider (QField
is QGIS), a new site with the uid its default expression gives, a JPEG attached under DCIM/, a
pending tower placed through plain GDAL; then merged into the office workspace."""

import csv
import os

import pytest
from dialog_drivers import set_choice, set_merged
from field_support import gdal_update, sha256
from qfield_support import add_site_with_photo, open_in_qfield, wait_for
from qgis.core import QgsApplication, QgsProcessingException, QgsProject
from sync_support import table_dump

from paser_smartcity_plugin.core import changelog
from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS, UUID_RE
from paser_smartcity_plugin.core.sync import store
from paser_smartcity_plugin.core.sync.conflicts import open_conflicts
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

TIWEI_CENTRE = (116.11989, -1.48337)
MUARA_TOYU = demo_uid("tower", "64.01.08.2008")  # a tower still waiting for coordinates
LONG_IKIS = [r["uid"] for r in demo_rows()[SERVICE_POINTS] if r["desa_code"].startswith("64.01.06.")]
EDITED, CONTESTED = LONG_IKIS[0], LONG_IKIS[1]


def run(algorithm, params, **kwargs):
    from qgis import processing

    return processing.run(f"paser_smartcity:{algorithm}", params, **kwargs)


@pytest.fixture
def office(plugin, workspace_path):
    """The officer's workspace (the plugin's), in step with the central."""
    os.makedirs(os.path.dirname(workspace_path), exist_ok=True)
    create_workspace(workspace_path, demo_rows())
    ws = Workspace(workspace_path)
    with ws.write() as conn:
        conn.execute(f"DELETE FROM {changelog.CHANGES_TABLE}")
    return ws


def survey_in_the_field(office, folder):
    """What the surveyor does in QField; returns the new site's uid and its photo's path."""
    result = run(
        "package_for_field",
        {"WORKSPACE": office.path, "KECAMATAN": "Long Ikis, Long Kali", "SURVEYOR": "Rina", "OUTPUT": folder},
    )
    assert result["OUTPUT"] == folder
    points = open_in_qfield(folder)
    assert points.providerType() == "ogr"
    by_uid = {f["uid"]: f for f in points.getFeatures()}
    assert points.startEditing()
    points.changeAttributeValue(by_uid[EDITED].id(), points.fields().indexOf("notes"), "Genset rusak")
    points.changeAttributeValue(by_uid[CONTESTED].id(), points.fields().indexOf("status"), "active")
    new = add_site_with_photo(points, folder, TIWEI_CENTRE, name="SD Negeri 9 Tiwei", category="sekolah")
    photo = new["photo"]
    assert points.commitChanges(), points.commitErrors()
    new_uid = new["uid"]
    QgsProject.instance().clear()
    # plain GDAL, as any other writer: the pending tower is placed
    gdal_update(folder, TOWER_PLANS, MUARA_TOYU, **{GEOMETRY: (116.289, -1.142)})
    return new_uid, photo


def test_a_qfield_survey_merges_into_the_office(plugin, office, tmp_path):
    folder = str(tmp_path / "rina")
    new_uid, photo = survey_in_the_field(office, folder)
    synced = {uid: office.site(SERVICE_POINTS, uid) for uid in (EDITED, CONTESTED)}
    # the office meanwhile: another field of the edited site, the same field of the contested one
    office.update_site(SERVICE_POINTS, EDITED, {"accuracy_m": 12.5})
    office.update_site(SERVICE_POINTS, CONTESTED, {"status": "survey"})

    before = table_dump(office)
    report = str(tmp_path / "preview.csv")
    result = run("merge_field_package", {"WORKSPACE": office.path, "INPUT": folder, "APPLY": False, "REPORT": report})
    assert table_dump(office) == before  # a preview writes nothing
    assert not os.path.exists(os.path.join(os.path.dirname(office.path), "paser_photos"))
    assert (result["NEW"], result["UPDATED"], result["CONFLICTS"], result["PHOTOS"]) == (1, 2, 1, 1)
    assert result["SURVEYOR"] == "Rina"
    assert UUID_RE.match(result["PACKAGE_ID"])
    assert result["ALREADY_MERGED"] == 0
    with open(report, encoding="utf-8-sig") as f:
        lines = list(csv.DictReader(f))
    assert {(r["uid"], r["field"], r["outcome"]) for r in lines if r["uid"] == CONTESTED} == {
        (CONTESTED, "status", "conflict")
    }

    result = run("merge_field_package", {"WORKSPACE": office.path, "INPUT": folder, "APPLY": True})
    assert (result["NEW"], result["UPDATED"], result["CONFLICTS"], result["PHOTOS"]) == (1, 2, 1, 1)
    edited = office.site(SERVICE_POINTS, EDITED)
    assert (edited["notes"], edited["accuracy_m"]) == ("Genset rusak", 12.5)  # the surveyor's and the office's
    new = office.site(SERVICE_POINTS, new_uid)
    assert UUID_RE.match(new_uid)
    assert (new["desa_code"], new["desa_name"], new["surveyed_by"]) == (
        "64.01.06.2011",
        "Tiwei",
        "Rina",
    )
    assert new["photo"] == f"paser_photos/{os.path.basename(photo)}"
    assert sha256(os.path.join(os.path.dirname(office.path), new["photo"])) == sha256(os.path.join(folder, photo))
    toyu = office.site(TOWER_PLANS, MUARA_TOYU)
    assert toyu[GEOMETRY] == pytest.approx((116.289, -1.142))
    assert (toyu["status"], toyu["coord_source"], toyu["surveyed_by"]) == ("coordinates_set", "gps_survey", "Rina")
    (conflict,) = open_conflicts(office)
    assert (conflict.uid, conflict.field, conflict.mine, conflict.theirs) == (CONTESTED, "status", "survey", "active")
    assert conflict.surveyor == "Rina"
    assert office.site(SERVICE_POINTS, CONTESTED)["status"] == "survey"
    # the change log: everything is pending for the sync, on the central's values as its base
    with office.read() as conn:
        pending = store.pending(conn, SERVICE_POINTS)
        towers = store.pending(conn, TOWER_PLANS)
    assert set(pending) == {EDITED, CONTESTED, new_uid}
    assert set(towers) == {MUARA_TOYU}
    assert pending[new_uid]["base"] is None
    assert pending[EDITED]["base"]["notes"] == synced[EDITED]["notes"]
    assert pending[EDITED]["base"]["accuracy_m"] is None

    # the same package again: nothing changes
    merged = table_dump(office)
    again = run("merge_field_package", {"WORKSPACE": office.path, "INPUT": folder, "APPLY": True})
    assert again["ALREADY_MERGED"] == 1
    assert again["NEW"] == again["UPDATED"] == again["PHOTOS"] == 0
    assert table_dump(office) == merged


def test_refused_and_cancelled_write_nothing(plugin, office, tmp_path):
    from qgis.core import QgsProcessingFeedback

    folder = str(tmp_path / "rina")
    survey_in_the_field(office, folder)
    before = table_dump(office)
    (tmp_path / "empty").mkdir()
    with pytest.raises(QgsProcessingException, match="holds no survey.gpkg"):
        run("merge_field_package", {"WORKSPACE": office.path, "INPUT": str(tmp_path / "empty"), "APPLY": True})
    with pytest.raises(QgsProcessingException, match="not a site uid"):
        run("merge_field_package", {"WORKSPACE": office.path, "INPUT": folder, "APPLY": True, "SKIP": "12"})
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="cancelled; nothing was written"):
        run("merge_field_package", {"WORKSPACE": office.path, "INPUT": folder, "APPLY": True}, feedback=feedback)
    assert table_dump(office) == before


def test_the_menu_previews_lets_leave_out_and_merges(plugin, office, tmp_path, qgis_iface):
    from paser_smartcity_plugin.gui.field_merge import MergePreviewDialog

    folder = str(tmp_path / "rina")
    new_uid, _ = survey_in_the_field(office, folder)
    office.update_site(SERVICE_POINTS, CONTESTED, {"status": "survey"})
    assert "Merge field survey…" in [a.text() for a in plugin.menu.actions()]
    flow = plugin.merge_field_survey(source=folder)
    wait_for(lambda: flow.dialog is not None)
    dialog = flow.dialog
    assert isinstance(dialog, MergePreviewDialog)
    assert dialog.isVisible()
    texts = [dialog.table.item(r, dialog.FIELD).text() for r in range(dialog.table.rowCount())]
    assert "Notes" in texts
    assert "Status" in texts
    assert dialog.apply_button.text() == "Merge 4 sites"
    set_merged(dialog, EDITED, False)  # the officer leaves the notes out
    assert dialog.apply_button.text() == "Merge 3 sites"
    assert dialog.leave_out() == [EDITED]
    line = dialog._lines_of[CONTESTED][0]
    assert "conflict" in dialog.table.item(line, dialog.NOTE).text()
    assert dialog.table.item(line, dialog.FIELD).background().color().name() == "#f8d7da"
    dialog.accept()
    wait_for(lambda: flow.outcome is not None)
    assert office.site(SERVICE_POINTS, EDITED)["notes"] is None
    assert office.site(SERVICE_POINTS, new_uid)
    bar = [w.text() for w in qgis_iface.messageBar().items()]
    assert any("Field survey of Rina merged: 1 new site" in t and "1 site left out" in t for t in bar)
    wait_for(lambda: QgsApplication.taskManager().countActiveTasks() == 0)

    # The conflict says where "theirs" came from, and its choices say it too.
    from paser_smartcity_plugin.core.sync.conflicts import THEIRS
    from paser_smartcity_plugin.gui.sync_dialogs import ConflictsDialog

    conflicts = ConflictsDialog(office)
    assert conflicts.table.rowCount() == 1
    assert conflicts.table.item(0, ConflictsDialog.FROM).text().startswith("Surveyor Rina (field package ")
    combo = conflicts.table.cellWidget(0, len(ConflictsDialog.COLUMNS) - 1)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Keep mine", "Take the surveyor's"]
    set_choice(conflicts, 0, THEIRS)
    assert conflicts.apply() == 1
    assert conflicts.table.rowCount() == 0
    assert office.site(SERVICE_POINTS, CONTESTED)["status"] == "active"
    with office.read() as conn:
        assert store.pending(conn, SERVICE_POINTS)[CONTESTED]["base"]["status"] == "planned"  # the central's


def test_the_menu_says_an_already_merged_package_has_nothing_to_merge(plugin, office, tmp_path):
    folder = str(tmp_path / "rina")
    survey_in_the_field(office, folder)
    run("merge_field_package", {"WORKSPACE": office.path, "INPUT": folder, "APPLY": True})
    flow = plugin.merge_field_survey(source=folder)
    wait_for(lambda: flow.dialog is not None)
    assert "there is nothing to merge" in flow.dialog.summary.text()
    assert not flow.dialog.apply_button.isEnabled()
    assert flow.dialog.table.rowCount() == 0
    flow.dialog.reject()
    assert flow.dialog.preview.package is None  # its private copy is gone


def test_the_algorithm_has_help_and_runs_in_a_task(plugin):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("paser_smartcity:merge_field_package")
    from qgis.core import QgsProcessingAlgorithm

    assert algorithm.flags() & QgsProcessingAlgorithm.FlagCanCancel
    assert not algorithm.flags() & QgsProcessingAlgorithm.FlagNoThreading
    assert algorithm.helpUrl().endswith("field.en.html")
    assert "(APPLY)" in algorithm.shortHelpString()
    assert "(SKIP)" in algorithm.shortHelpString()
