"""The menu actions of the Telkom exchange: background tasks, the CRS question and the preview table."""

import os
from pathlib import Path

import pytest
from qfield_support import wait_for
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication

from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import TOWER_PLANS
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
from paser_smartcity_plugin.gui.telkom import ExportDialog, ImportFlow, PreviewDialog, start_export
from tests.telkom_files import TANAH_GROGOT, digest, to_utm50s, towers_file, write_shapefile

PAYANG = demo_uid("tower", "64.01.07.2009")


def idle():
    return QgsApplication.taskManager().countActiveTasks() == 0


@pytest.fixture
def workspace(plugin, workspace_path):
    os.makedirs(os.path.dirname(workspace_path), exist_ok=True)
    create_workspace(workspace_path, demo_rows())
    return Workspace(workspace_path)


def test_menu_has_the_exchange(plugin):
    texts = [a.text() for a in plugin.menu.actions()]
    assert "Export for Telkom…" in texts
    assert "Import from Telkom…" in texts


def test_export_runs_as_a_task(plugin, workspace, tmp_path, qgis_iface):
    dialog = ExportDialog()
    dialog.layers.setCurrentIndex(dialog.layers.findData("tower_plans"))
    dialog.crs.setCurrentIndex(dialog.crs.findData("EPSG:9490"))
    dialog.output.setFilePath(str(tmp_path / "untuk_telkom"))
    parameters = dialog.parameters(workspace.path)
    assert parameters["OUTPUT"].endswith("untuk_telkom.zip")
    assert parameters["CRS"] == "EPSG:9490"
    done = []
    task = start_export(parameters, plugin.logger, on_done=lambda ok, results: done.append((ok, results)))
    wait_for(lambda: done)
    ok, results = done[0]
    assert ok
    assert results["FEATURES"] == 2
    assert (tmp_path / "untuk_telkom.zip").exists()
    assert task.progress() == 100


def test_import_asks_for_the_crs_then_previews_then_applies(plugin, workspace, tmp_path):
    site = workspace.site(TOWER_PLANS, PAYANG)
    shp = write_shapefile(
        str(tmp_path / "menara.shp"),
        [("UID", str), ("STATUS", str)],
        [{"UID": PAYANG, "STATUS": "Perizinan"}],
        [to_utm50s(*site[GEOMETRY])],
        epsg=None,
    )
    before = digest(workspace.path)
    flow = ImportFlow(plugin.iface, plugin.logger, workspace.path, shp)

    def answer_crs_dialog():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, answer_crs_dialog)
            return
        dialog.setCrs(QgsCoordinateReferenceSystem("EPSG:32750"))
        dialog.accept()

    QTimer.singleShot(50, answer_crs_dialog)
    first = flow.start()
    wait_for(lambda: flow.dialog is not None)
    assert first.preview is None
    assert "has no .prj" in str(first.error)
    assert flow.task.source_crs == "EPSG:32750"
    dialog: PreviewDialog = flow.dialog
    assert "1 row matched to a site, 1 of them with changes; 0 new sites; 0 rows rejected" in dialog.summary.text()
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    # the officer's words: the layer's title, the field's label, the codes' labels
    assert cells[:9] == [
        "",
        "Tower plans",
        "1",
        "update",
        "UID",
        f"Menara Muara Payang {PAYANG}",
        "Status",
        "Coordinates set",
        "Permit",
    ]
    assert dialog.table.item(0, dialog.FIELD).toolTip() == "Shapefile column: STATUS"
    assert dialog.table.item(0, dialog.APPLY).checkState() == Qt.CheckState.Checked
    assert dialog.apply_button.text() == "Apply 1 change"
    report = dialog.save_report(str(tmp_path / "report.csv"))
    assert "permit" in Path(report).read_text(encoding="utf-8-sig")
    assert digest(workspace.path) == before  # nothing written before Apply
    assert dialog.help_button.text() == "Help"  # opens help/telkom.<lang>.html (test_help.py)
    dialog.apply_button.click()
    wait_for(lambda: flow.counts is not None and idle())
    assert flow.counts == {"UPDATED": 1, "NEW": 0, "LEFT_OUT": 0}
    assert workspace.site(TOWER_PLANS, PAYANG)["status"] == "permit"


def test_refused_input_is_reported_and_nothing_written(plugin, workspace, tmp_path, qgis_iface):
    bad = tmp_path / "rusak.zip"
    bad.write_bytes(b"not a zip")
    before = digest(workspace.path)
    flow = ImportFlow(plugin.iface, plugin.logger, workspace.path, str(bad))
    task = flow.start()
    wait_for(lambda: task.error is not None and idle())
    wait_for(lambda: any("refused" in w.text() for w in qgis_iface.messageBar().items()), timeout=10)
    assert flow.dialog is None
    assert digest(workspace.path) == before


def test_import_asks_which_shapefile_when_a_zip_holds_several(plugin, workspace, tmp_path):
    import zipfile

    from qgis.PyQt.QtWidgets import QInputDialog

    site = workspace.site(TOWER_PLANS, PAYANG)
    archive = tmp_path / "dua.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for stem, status in (("menara_lama", "permit"), ("menara_baru", "on_air")):
            shp = write_shapefile(
                str(tmp_path / f"{stem}.shp"),
                [("UID", str), ("STATUS", str)],
                [{"UID": PAYANG, "STATUS": status}],
                [site[GEOMETRY]],
            )
            for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
                zf.write(shp[:-4] + ext, stem + ext)
    flow = ImportFlow(plugin.iface, plugin.logger, workspace.path, str(archive))
    asked = []

    def choose():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(50, choose)
            return
        asked.append(dialog.comboBoxItems())
        dialog.setTextValue("menara_baru")
        dialog.accept()

    QTimer.singleShot(50, choose)
    flow.start()
    wait_for(lambda: flow.dialog is not None)
    assert asked == [["menara_baru", "menara_lama"]]
    (row,) = flow.dialog.preview.rows
    assert [(c.field, c.new) for c in row.changes] == [("status", "on_air")]
    flow.dialog.reject()


def test_cancelled_preview_writes_nothing_and_says_so(plugin, workspace, tmp_path, qgis_iface):
    from paser_smartcity_plugin.gui.telkom import PreviewTask

    out = tmp_path / "paket.zip"
    from paser_smartcity_plugin.core.telkom.export import export_package

    export_package(workspace, str(out))
    before = digest(workspace.path)
    flow = ImportFlow(plugin.iface, plugin.logger, workspace.path, str(out))
    task = PreviewTask(workspace.path, str(out))
    task.taskTerminated.connect(lambda: flow.failed(task))
    QgsApplication.taskManager().addTask(task)
    task.cancel()
    wait_for(lambda: task.status() == task.Terminated, timeout=20)
    wait_for(lambda: any("cancelled" in w.text() for w in qgis_iface.messageBar().items()), timeout=20)
    assert task.preview is None
    assert digest(workspace.path) == before


def _preview_dialog(plugin, workspace, shp):
    flow = ImportFlow(plugin.iface, plugin.logger, workspace.path, shp)
    flow.start()
    wait_for(lambda: flow.dialog is not None)
    return flow, flow.dialog


def test_preview_highlights_warnings_and_applies_only_the_ticked_changes(plugin, workspace, tmp_path, qgis_iface):
    """A tower "moved" 61 km into another desa is a warning, highlighted; the officer unticks
    it and applies the rest: only that change is left out."""
    belimbing = demo_uid("tower", "64.01.06.2012")
    payang = workspace.site(TOWER_PLANS, PAYANG)
    shp = towers_file(workspace, str(tmp_path / "tower_plans.shp"), [(PAYANG, TANAH_GROGOT), (belimbing, None)])
    flow, dialog = _preview_dialog(plugin, workspace, shp)
    assert "1 change has a warning (highlighted)" in dialog.summary.text()
    lines = [i for i in range(dialog.table.rowCount()) if PAYANG in dialog.table.item(i, dialog.SITE).text()]
    note = dialog.table.item(lines[0], dialog.NOTE)
    assert note.text().startswith("Warning: moved 61 1")
    assert "Warning: the site's desa is Muara Payang" in note.text()
    assert note.toolTip() == note.text()
    assert not note.icon().isNull()
    assert note.background().color().name() == "#fff3cd"
    assert [dialog.table.item(i, dialog.FIELD).text() for i in lines] == ["Status", "Position", "Coordinate source"]
    assert dialog.apply_button.text() == "Apply 2 changes"
    dialog.table.item(lines[0], dialog.APPLY).setCheckState(Qt.CheckState.Unchecked)  # as a click does
    assert dialog.apply_button.text() == "Apply 1 change"
    assert note.foreground().color().name() == "#8a8a8a"  # greyed: left out
    qgis_iface.messageBar().clearWidgets()
    dialog.apply_button.click()
    wait_for(lambda: flow.counts is not None and idle())
    assert flow.counts == {"UPDATED": 1, "NEW": 0, "LEFT_OUT": 1}
    assert workspace.site(TOWER_PLANS, PAYANG) == payang
    assert workspace.site(TOWER_PLANS, belimbing)["status"] == "permit"
    texts = [item.text() for item in qgis_iface.messageBar().items()]
    assert "Telkom import applied: 1 site updated, 0 new sites; 1 change left out" in texts, texts


def test_leaving_out_every_warned_change_with_one_button(plugin, workspace, tmp_path):
    shp = towers_file(workspace, str(tmp_path / "tower_plans.shp"), [(PAYANG, TANAH_GROGOT)])
    _flow, dialog = _preview_dialog(plugin, workspace, shp)
    dialog.leave_out_warned.click()
    assert dialog.apply_button.text() == "Apply 0 changes"
    assert not dialog.apply_button.isEnabled()
    assert dialog.leave_out().rows == {("tower_plans", 1)}
    dialog.reject()


def test_long_reasons_wrap_and_are_whole_in_the_tooltip(plugin, workspace, tmp_path):
    site = workspace.site(TOWER_PLANS, PAYANG)
    shp = write_shapefile(
        str(tmp_path / "tower_plans.shp"),
        [("UID", str), ("STATUS", str)],
        [{"UID": PAYANG, "STATUS": "selesai"}],
        [site[GEOMETRY]],
    )
    _flow, dialog = _preview_dialog(plugin, workspace, shp)
    (line,) = range(dialog.table.rowCount())
    note = dialog.table.item(line, dialog.NOTE)
    assert note.text().startswith("Status must be one of: Coordinates pending (coordinates_pending), ")
    assert note.toolTip() == note.text()
    assert len(note.text()) > 150
    assert dialog.table.wordWrap()
    assert dialog.table.columnWidth(dialog.NOTE) <= 420
    assert dialog.table.rowHeight(line) > dialog.table.verticalHeader().defaultSectionSize()  # wrapped, not cut
    dialog.reject()


def test_export_offers_its_folder_and_dialogs_start_where_it_went(
    plugin, workspace, tmp_path, qgis_iface, opened_urls, monkeypatch
):
    from qgis.PyQt.QtWidgets import QFileDialog, QPushButton

    from paser_smartcity_plugin.gui import telkom
    from paser_smartcity_plugin.toolbelt import settings

    folder = tmp_path / "untuk telkom"
    folder.mkdir()
    qgis_iface.messageBar().clearWidgets()
    done = []
    parameters = {
        "WORKSPACE": workspace.path,
        "LAYERS": "both",
        "CRS": "EPSG:4326",
        "OUTPUT": str(folder / "paket.zip"),
    }
    start_export(parameters, plugin.logger, on_done=lambda ok, results: done.append(ok))
    wait_for(lambda: done)
    (item,) = [i for i in qgis_iface.messageBar().items() if "Telkom package written" in i.text()]
    assert "(156 sites, 2 without coordinates)" in item.text()
    (button,) = [b for b in item.findChildren(QPushButton) if b.text() == "Open folder"]
    button.click()
    assert [url.toLocalFile() for url in opened_urls] == [str(folder)]
    assert settings.load().telkom_folder == str(folder)
    dialog = ExportDialog()
    assert dialog.output.defaultRoot() == str(folder)
    assert dialog.output.dialogTitle() == "Package for Telkom"
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: asked.append(args[2]) or ("", ""))
    telkom.import_from_telkom(plugin.iface, plugin.logger)
    assert asked == [str(folder)]
