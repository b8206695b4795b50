"""The sync from the menu: a QgsTask, a summary in the message bar, conflict and history dialogs."""

import re
import time

import pytest
from dialog_drivers import set_choice
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from sync_support import seeded_embedded_central

from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.sync.conflicts import CENTRAL, MINE, open_conflicts
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
from paser_smartcity_plugin.gui.sync_dialogs import ConflictsDialog, HistoryDialog
from paser_smartcity_plugin.toolbelt import settings

TOWER = demo_uid("tower", "64.01.08.2008")
FIRST = demo_uid("kantor_desa", "64.01.01.2009")  # the first site seeded: never among the newest


@pytest.fixture(scope="module")
def server(qgis_app, tmp_path_factory):
    with seeded_embedded_central(tmp_path_factory.mktemp("gui-central")) as central:
        yield central


@pytest.fixture
def ws(plugin, workspace_path):
    import os

    os.makedirs(os.path.dirname(workspace_path), exist_ok=True)
    create_workspace(workspace_path)
    return Workspace(workspace_path)


def run_task(controller, **kw):
    task = controller.start_sync(**kw)
    assert task is not None
    deadline = time.monotonic() + 120
    while controller.task is not None:
        assert time.monotonic() < deadline, "the sync task did not finish"
        QCoreApplication.processEvents()
        time.sleep(0.01)


def bar_texts(iface):
    return [item.text() for item in iface.messageBar().items()]


def test_menu_has_the_sync_actions(plugin, qgis_iface):
    names = {a.objectName() for a in plugin.actions}
    assert {
        "paser_smartcity_sync",
        "paser_smartcity_sync_full",
        "paser_smartcity_sync_conflicts",
        "paser_smartcity_sync_history",
    } <= names


def test_a_new_sync_clears_the_previous_error(plugin, qgis_iface, server, ws):
    srv, _ = server
    qgis_iface.messageBar().clearWidgets()
    controller = plugin.sync_controller()
    run_task(controller, url="http://127.0.0.1:9/wfs3")
    assert [t for t in bar_texts(qgis_iface) if "Sync stopped" in t]
    run_task(controller, url=srv.url)
    texts = bar_texts(qgis_iface)
    assert not [t for t in texts if "Sync stopped" in t], texts  # the old error would look current
    assert [t for t in texts if "Sync done" in t]


def test_full_recheck_from_the_menu(plugin, qgis_iface, server, ws):
    srv, db = server
    settings.set_value("central_url", srv.url)
    controller = plugin.sync_controller()
    run_task(controller)
    # A central change stamped before the watermark (of a site not among the newest, which
    # the sync would see by itself): only a full re-check finds it.
    db.update_stamped(SERVICE_POINTS, FIRST, {"notes": "stamped an hour ago"}, -3600)
    run_task(controller)
    assert ws.site(SERVICE_POINTS, FIRST)["notes"] != "stamped an hour ago"
    (action,) = [a for a in plugin.actions if a.objectName() == "paser_smartcity_sync_full"]
    action.trigger()
    deadline = time.monotonic() + 120
    while controller.task is not None:
        assert time.monotonic() < deadline
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert ws.site(SERVICE_POINTS, FIRST)["notes"] == "stamped an hour ago"


def test_sync_runs_in_a_task_and_reports_per_layer(plugin, qgis_iface, server, ws):
    srv, _ = server
    qgis_iface.messageBar().clearWidgets()
    settings.set_value("central_url", srv.url)
    controller = plugin.sync_controller()
    run_task(controller)
    (text,) = [t for t in bar_texts(qgis_iface) if "Sync done" in t]
    assert "Internet service points: 154 pulled, 0 pushed, 0 conflicts" in text
    assert "Tower plans: 4 pulled" in text
    assert ws.count(TOWER_PLANS) == 4
    assert QgsApplication.taskManager().count() == 0 or all(
        t.status() in (t.Complete, t.Terminated) for t in QgsApplication.taskManager().tasks()
    )
    dialog = HistoryDialog(ws)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Done"
    assert dialog.empty_label.isHidden()
    assert not dialog.table.isHidden()
    # the officer's clock, not the stored ISO UTC text (which stays in the tooltip)
    started = dialog.table.item(0, 0).text()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", started), started
    assert "UTC" in dialog.table.item(0, 0).toolTip()
    assert dialog.table.item(0, 2).text() == "158"


def test_failure_is_reported_and_workspace_untouched(plugin, qgis_iface, ws):
    qgis_iface.messageBar().clearWidgets()
    run_task(plugin.sync_controller(), url="http://127.0.0.1:9/wfs3")
    (text,) = [t for t in bar_texts(qgis_iface) if "Sync stopped" in t]
    assert "cannot reach 127.0.0.1:9: connection refused" in text
    assert "Nothing was half-applied" in text
    assert "Sync failed" not in text
    assert "Errno" not in text  # one prefix, no exception repr
    assert ws.count(TOWER_PLANS) == 0
    dialog = HistoryDialog(ws)
    message = dialog.table.item(0, HistoryDialog.MESSAGE_COLUMN)
    assert dialog.table.item(0, 1).text() == "Failed"
    assert "connection refused" in message.text()
    assert message.toolTip() == message.text()
    assert dialog.table.wordWrap()


def test_history_says_when_there_was_no_sync(ws):
    dialog = HistoryDialog(ws)
    assert dialog.table.rowCount() == 0
    assert dialog.table.isHidden()
    assert not dialog.empty_label.isHidden()
    assert dialog.empty_label.text() == "No syncs yet."


def test_conflict_dialog_keep_mine_and_take_central(plugin, qgis_iface, server, ws):
    srv, db = server
    controller = plugin.sync_controller()
    run_task(controller, url=srv.url)
    ws.update_site(TOWER_PLANS, TOWER, {"status": "permit", "notes": "mine"})
    db.update(TOWER_PLANS, TOWER, {"status": "construction", "notes": "central"})
    qgis_iface.messageBar().clearWidgets()
    run_task(controller, url=srv.url)
    assert any("1 conflict;" in t or t.endswith("1 conflict") for t in bar_texts(qgis_iface)), bar_texts(qgis_iface)
    dialog = ConflictsDialog(ws)
    fields = [c.field for c in dialog.conflicts]
    assert fields == ["notes", "status"]
    set_choice(dialog, fields.index("notes"), MINE)
    set_choice(dialog, fields.index("status"), CENTRAL)
    assert dialog.apply() == 2
    assert dialog.table.rowCount() == 0
    assert open_conflicts(ws) == []
    run_task(controller, url=srv.url)
    site, remote = ws.site(TOWER_PLANS, TOWER), db.row(TOWER_PLANS, TOWER)
    assert (site["status"], site["notes"]) == ("construction", "mine")
    assert (remote["status"], remote["notes"]) == ("construction", "mine")


def test_sync_dialog_keeps_url_auth_and_push(plugin):
    from paser_smartcity_plugin.gui.sync_dialogs import SyncDialog

    dialog = SyncDialog("http://127.0.0.1:8765/wfs3", "", None)
    assert (dialog.url, dialog.authcfg, dialog.push) == ("http://127.0.0.1:8765/wfs3", "", True)
    dialog.url_edit.setText("  https://gis.paserkab.go.id/wfs3 ")
    dialog.push_check.setChecked(False)
    assert (dialog.url, dialog.push) == ("https://gis.paserkab.go.id/wfs3", False)


def test_sync_dialog_asks_for_https_like_the_settings(plugin):
    from paser_smartcity_plugin.gui.sync_dialogs import SyncDialog

    dialog = SyncDialog("", "", None)
    assert "https://" in dialog.problem()
    assert "http(s)" not in dialog.problem()
    dialog.url_edit.setText("http://gis.paserkab.go.id/wfs3")  # plain http to a remote server: refused
    assert "https://" in dialog.problem()
    dialog.url_edit.setText("https://gis.paserkab.go.id wfs3")
    assert "https://" in dialog.problem()
    for good in ("https://gis.paserkab.go.id/wfs3", "http://127.0.0.1:8765/wfs3"):
        dialog.url_edit.setText(good)
        assert dialog.problem() is None


def test_cancel_from_the_task_manager(plugin, qgis_iface, server, ws):
    from faulty_proxy import FaultyProxy, sleep
    from sync_support import table_dump

    srv, _ = server
    before = table_dump(ws)
    qgis_iface.messageBar().clearWidgets()
    controller = plugin.sync_controller()
    with FaultyProxy(srv.url, lambda m, p, n: sleep(1.5) if "/items" in p else None) as proxy:
        task = controller.start_sync(url=proxy.url)
        deadline = time.monotonic() + 10
        while not proxy.log and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        task.cancel()  # what the task manager's cancel button does
        while controller.task is not None:
            assert time.monotonic() < deadline + 30
            QCoreApplication.processEvents()
            time.sleep(0.01)
    (text,) = [t for t in bar_texts(qgis_iface) if "Sync stopped" in t]
    assert "cancelled" in text
    assert table_dump(ws) == before


def test_sync_dialog_refuses_credentials_in_the_url_and_moves_them(plugin):
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    from paser_smartcity_plugin.gui.sync_dialogs import SyncDialog

    dialog = SyncDialog("http://petugas:rahasia@127.0.0.1:8765/wfs3", "", None)
    problem = dialog.problem()
    assert "rahasia" not in problem
    assert "http://127.0.0.1:8765/wfs3" in problem
    assert "authentication" in problem
    assert not dialog.credentials_button.isHidden()
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-only-master", True)
    authcfg = dialog.credentials_button.move()
    try:
        assert (dialog.url, dialog.authcfg, dialog.problem()) == ("http://127.0.0.1:8765/wfs3", authcfg, None)
        config = QgsAuthMethodConfig()
        assert manager.loadAuthenticationConfig(authcfg, config, True)
        assert (config.config("username"), config.config("password")) == ("petugas", "rahasia")
    finally:
        manager.removeAuthenticationConfig(authcfg)


def test_sync_dialog_names_collections_and_shows_the_last_ones(plugin):
    from paser_smartcity_plugin.gui.sync_dialogs import SyncDialog

    last = {"service_points": "public.service_points", "tower_plans": "public.tower_plans"}
    dialog = SyncDialog("http://127.0.0.1:8765/wfs3", "", None, {"tower_plans": "arsip.tower_plans"}, last)
    assert dialog.collections == {"tower_plans": "arsip.tower_plans"}
    assert "public.service_points" in dialog.collection_edits["service_points"].placeholderText()
    assert not dialog.last_used_label.isHidden()
    assert "public.tower_plans" in dialog.last_used_label.text()
    dialog.collection_edits["service_points"].setText("paser:service_points")
    assert dialog.collections == {"service_points": "paser:service_points", "tower_plans": "arsip.tower_plans"}
    plain = SyncDialog("http://127.0.0.1:8765/wfs3", "", None, {}, {"service_points": "service_points"})
    assert plain.last_used_label.isHidden()  # the layer names themselves: nothing to say


def test_collections_found_by_the_sync_are_reported_and_kept(plugin, qgis_iface, server, ws):
    from foreign_server import ForeignServer

    srv, _ = server
    qgis_iface.messageBar().clearWidgets()
    controller = plugin.sync_controller()
    with ForeignServer(srv.url) as foreign:
        run_task(controller, url=foreign.url)
    (text,) = [t for t in bar_texts(qgis_iface) if "Sync done" in t]
    assert "(collections public.service_points, public.tower_plans)" in text
    assert controller.last_collections() == {
        "service_points": "public.service_points",
        "tower_plans": "public.tower_plans",
    }
    dialog = HistoryDialog(ws)
    assert "public.service_points, public.tower_plans" in dialog.table.item(0, 5).text()
