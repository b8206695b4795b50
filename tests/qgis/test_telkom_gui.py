"""The menu actions of the Telkom exchange: background tasks, the CRS question and the preview table."""

import os
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication

from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import TOWER_PLANS
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
from paser_smartcity_plugin.gui.telkom import ExportDialog, ImportFlow, PreviewDialog, start_export
from tests.telkom_files import digest, to_utm50s, write_shapefile

PAYANG = demo_uid("tower", "64.01.07.2009")


def wait_for(condition, timeout=60.0):
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        QApplication.processEvents()
        time.sleep(0.01)


def idle():
    return QgsApplication.taskManager().countActiveTasks() == 0


@pytest.fixture
def workspace(plugin, workspace_path):
    os.makedirs(os.path.dirname(workspace_path), exist_ok=True)
    create_workspace(workspace_path, demo_rows())
    return Workspace(workspace_path)


def test_menu_has_the_exchange(plugin):
    texts = [a.text() for a in plugin.menu.actions()]
    assert "Export for Telkom…" in texts and "Import from Telkom…" in texts


def test_export_runs_as_a_task(plugin, workspace, tmp_path, qgis_iface):
    dialog = ExportDialog()
    dialog.layers.setCurrentIndex(dialog.layers.findData("tower_plans"))
    dialog.crs.setCurrentIndex(dialog.crs.findData("EPSG:9490"))
    dialog.output.setFilePath(str(tmp_path / "untuk_telkom"))
    parameters = dialog.parameters(workspace.path)
    assert parameters["OUTPUT"].endswith("untuk_telkom.zip") and parameters["CRS"] == "EPSG:9490"
    done = []
    task = start_export(parameters, plugin.logger, on_done=lambda ok, results: done.append((ok, results)))
    wait_for(lambda: done)
    ok, results = done[0]
    assert ok and results["FEATURES"] == 2 and (tmp_path / "untuk_telkom.zip").exists()
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
    assert first.preview is None and "has no .prj" in str(first.error)
    assert flow.task.source_crs == "EPSG:32750"
    dialog: PreviewDialog = flow.dialog
    assert "1 rows matched to a site, 1 of them with changes" in dialog.summary.text()
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert cells[:8] == [
        "tower_plans",
        "1",
        "update",
        "UID",
        f"Menara Muara Payang {PAYANG}",
        "STATUS",
        "coordinates_set",
        "permit",
    ]
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
    assert flow.dialog is None and digest(workspace.path) == before


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
    assert task.preview is None and digest(workspace.path) == before
