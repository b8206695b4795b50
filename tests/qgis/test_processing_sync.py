"""paser_smartcity:sync end to end through Processing: real QGIS auth configurations, QGIS's
proxy settings, a real qgis_mapserver with the embedded central."""

import base64
import json

import pytest
from faulty_proxy import FaultyProxy
from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsProcessingContext,
    QgsProcessingException,
    QgsSettings,
)
from qgis.PyQt.QtWidgets import QDoubleSpinBox
from sync_support import seeded_embedded_central

from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

TOWER = demo_uid("tower", "64.01.08.2008")
SECRET = "s3cret-Paser!"


def run(params):
    from qgis import processing

    return processing.run("paser_smartcity:sync", params)


@pytest.fixture(scope="module")
def server(qgis_app, tmp_path_factory):
    with seeded_embedded_central(tmp_path_factory.mktemp("alg-central")) as central:
        yield central


@pytest.fixture
def ws(tmp_path):
    path = str(tmp_path / "ws.gpkg")
    create_workspace(path)
    return Workspace(path)


def auth_config(method, name, values):
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-master", True)
    config = QgsAuthMethodConfig(method)
    config.setName(name)
    for key, value in values.items():
        config.setConfig(key, value)
    stored = manager.storeAuthenticationConfig(config)
    assert stored[0] if isinstance(stored, tuple) else stored
    return config.id()


def test_sync_algorithm_pulls_pushes_and_reports(plugin, server, ws):
    srv, db = server
    result = run({"WORKSPACE": ws.path, "URL": srv.url, "PUSH": True})
    assert (result["PULLED"], result["PUSHED"], result["CONFLICTS"]) == (158, 0, 0)
    ws.update_site(TOWER_PLANS, TOWER, {"status": "permit"})
    result = run({"WORKSPACE": ws.path, "URL": srv.url, "PUSH": False})
    assert result["PUSHED"] == 0
    assert db.row(TOWER_PLANS, TOWER)["status"] != "permit"
    result = run({"WORKSPACE": ws.path, "URL": srv.url, "PUSH": True})
    assert result["PUSHED"] == 1
    assert db.row(TOWER_PLANS, TOWER)["status"] == "permit"
    assert '"tower_plans": {"pulled": 0, "pushed": 1' in result["SUMMARY"]


def test_basic_auth_end_to_end_and_refusal_names_the_config(plugin, server, ws):
    srv, _ = server
    authcfg = auth_config("Basic", "Paser central (Basic)", {"username": "officer", "password": SECRET})
    expected = "Basic " + base64.b64encode(f"officer:{SECRET}".encode()).decode()
    with FaultyProxy(srv.url) as proxy:
        proxy.required_headers = {"Authorization": expected}
        result = run({"WORKSPACE": ws.path, "URL": proxy.url, "AUTHCFG": authcfg, "PUSH": True})
        assert result["PULLED"] == 158
        proxy.required_headers = {"Authorization": "Basic bm9ib2R5Om5vcGU="}  # the server now wants another
        with pytest.raises(QgsProcessingException) as info:
            run({"WORKSPACE": ws.path, "URL": proxy.url, "AUTHCFG": authcfg})
    message = str(info.value)
    assert f"'Paser central (Basic)' (id {authcfg})" in message
    assert "HTTP 401" in message
    assert SECRET not in message
    assert expected not in message


def test_token_auth_end_to_end(plugin, server, ws):
    srv, _ = server
    authcfg = auth_config("EsriToken", "Paser central (token)", {"token": "tok-123-abc"})
    with FaultyProxy(srv.url) as proxy:
        proxy.required_headers = {"X-Esri-Authorization": "Bearer tok-123-abc"}
        assert run({"WORKSPACE": ws.path, "URL": proxy.url, "AUTHCFG": authcfg})["PULLED"] == 158


def test_unknown_auth_config_and_bad_url_are_clear(plugin, ws):
    with pytest.raises(QgsProcessingException, match="authentication configuration nope123 does not exist"):
        run({"WORKSPACE": ws.path, "URL": "http://127.0.0.1:9/wfs3", "AUTHCFG": "nope123"})
    with pytest.raises(QgsProcessingException, match="not an http"):
        run({"WORKSPACE": ws.path, "URL": "ftp://example.org/wfs3"})
    assert ws.count(SERVICE_POINTS) == 0


def test_qgis_proxy_settings_are_honoured(plugin, server, ws):
    srv, _ = server
    settings = QgsSettings()
    with FaultyProxy(srv.url) as proxy:
        try:
            settings.setValue("proxy/proxyEnabled", True)
            settings.setValue("proxy/proxyType", "HttpProxy")
            settings.setValue("proxy/proxyHost", "127.0.0.1")
            settings.setValue("proxy/proxyPort", str(proxy.port))
            assert run({"WORKSPACE": ws.path, "URL": srv.url})["PULLED"] == 158
        finally:
            settings.setValue("proxy/proxyEnabled", False)
        assert proxy.absolute_requests > 0  # the requests went through QGIS's proxy


@pytest.fixture
def stored_settings():
    from paser_smartcity_plugin.toolbelt import settings

    yield settings
    settings.save(settings.Settings())


def test_url_and_auth_come_from_the_settings_when_empty(plugin, server, ws, stored_settings):
    srv, _db = server
    stored_settings.save(stored_settings.Settings(central_url=srv.url, sync_timeout_s=12))
    result = run({"WORKSPACE": ws.path, "URL": "", "PUSH": False})  # as qgis_process without --URL
    assert result["PULLED"] == 158


def test_no_url_anywhere_is_named(plugin, ws, stored_settings):
    stored_settings.save(stored_settings.Settings())
    with pytest.raises(QgsProcessingException, match="No central server URL.*Central server URL"):
        run({"WORKSPACE": ws.path})
    with pytest.raises(QgsProcessingException, match="authentication configuration nope123 does not exist"):
        # an empty AUTHCFG takes the stored one: a stale id is named, not ignored
        stored_settings.save(stored_settings.Settings(authcfg="nope123"))
        run({"WORKSPACE": ws.path, "URL": "http://127.0.0.1:9/wfs3", "AUTHCFG": ""})


def test_dialog_labels_and_whole_second_timeout(plugin):
    from qgis.gui import QgsGui, QgsProcessingGui

    algorithm = QgsApplication.processingRegistry().algorithmById("paser_smartcity:sync")
    timeout = algorithm.parameterDefinition("TIMEOUT")
    wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(timeout, QgsProcessingGui.Standard)
    widget = wrapper.createWrappedWidget(QgsProcessingContext())
    wrapper.setParameterValue(timeout.defaultValue(), QgsProcessingContext())
    spin = widget if hasattr(widget, "decimals") else widget.findChild(QDoubleSpinBox)
    assert spin.decimals() == 0, spin.text()
    assert spin.text().strip() == "30", spin.text()
    help_text = algorithm.shortHelpString()
    for name in ("URL", "AUTHCFG", "PUSH", "TIMEOUT", "SERVICE_POINTS_COLLECTION", "TOWER_PLANS_COLLECTION"):
        label = algorithm.parameterDefinition(name).description()
        assert f"'{label}' ({name})" in help_text, (label, name)


def test_a_url_with_credentials_is_refused_and_never_repeated(plugin, server, ws):
    srv, _ = server
    url = srv.url.replace("http://", f"http://petugas:{SECRET}@")
    with pytest.raises(QgsProcessingException) as refused:
        run({"WORKSPACE": ws.path, "URL": url})
    text = str(refused.value)
    assert SECRET not in text
    assert "authentication configuration" in text
    assert srv.url in text
    assert ws.count(SERVICE_POINTS) == 0
    with open(ws.path, "rb") as f:
        assert SECRET.encode() not in f.read()  # not even a history row


def test_collections_are_named_by_parameter_or_setting(plugin, server, ws, stored_settings):
    """A server with two schemas of the central tables: the sync cannot choose, says so, and
    syncs with the collections named as parameters (or in the settings)."""
    from foreign_server import ForeignServer

    srv, _ = server
    with ForeignServer(srv.url, schemas=("public", "arsip")) as foreign:
        with pytest.raises(QgsProcessingException, match="arsip.service_points.*Name the one to use"):
            run({"WORKSPACE": ws.path, "URL": foreign.url})
        result = run(
            {
                "WORKSPACE": ws.path,
                "URL": foreign.url,
                "SERVICE_POINTS_COLLECTION": "arsip.service_points",
                "TOWER_PLANS_COLLECTION": "arsip.tower_plans",
            }
        )
        assert result["PULLED"] == 158
        assert json.loads(result["SUMMARY"])["collections"] == {
            SERVICE_POINTS: "arsip.service_points",
            TOWER_PLANS: "arsip.tower_plans",
        }
        stored_settings.save(
            stored_settings.Settings(service_points_collection="public.service_points", tower_plans_collection="")
        )
        result = run({"WORKSPACE": ws.path, "URL": foreign.url, "TOWER_PLANS_COLLECTION": "public.tower_plans"})
        assert json.loads(result["SUMMARY"])["collections"] == {
            SERVICE_POINTS: "public.service_points",
            TOWER_PLANS: "public.tower_plans",
        }
