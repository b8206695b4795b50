"""The page in QGIS Options: loads and saves toolbelt.settings, refuses wrong values."""

import pytest
from qgis.core import Qgis, QgsProject, QgsVectorFileWriter, QgsVectorLayer

import paser_smartcity_plugin
from paser_smartcity_plugin.gui.options_factory import SettingsPageFactory
from paser_smartcity_plugin.gui.settings_page import SettingsPage
from paser_smartcity_plugin.toolbelt import settings
from paser_smartcity_plugin.toolbelt.logger import Logger


@pytest.fixture
def clean_settings():
    settings.save(settings.Settings())
    yield
    settings.save(settings.Settings())


@pytest.fixture
def page(clean_settings, qgis_iface):
    widget = SettingsPageFactory(Logger(qgis_iface)).createWidget(None)
    yield widget
    widget.deleteLater()


def _vector_file(tmp_path, name, wkt_type, wkt):
    layer = QgsVectorLayer(f"{wkt_type}?crs=EPSG:4326", name, "memory")
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    layer.dataProvider().addFeatures([feature])
    path = str(tmp_path / f"{name}.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return path


def test_page_shows_the_stored_settings(clean_settings, qgis_iface):
    settings.save(
        settings.Settings(
            workspace_path="/data/paser.gpkg",
            central_url="https://gis.example.id/wfs3",
            authcfg="abc1234",
            sync_timeout_s=45,
            duplicate_distance_m=10,
            telkom_match_distance_m=75,
            boundary_layer="",
        )
    )
    page = SettingsPage(None, Logger(qgis_iface))
    assert page.workspace.filePath() == "/data/paser.gpkg"
    assert page.central_url.text() == "https://gis.example.id/wfs3"
    assert page.sync_timeout.value() == 45
    assert page.duplicate_distance.value() == 10
    assert page.telkom_distance.value() == 75
    # an id this QGIS does not know is kept (and said so), not silently dropped on OK
    assert page.values().authcfg == "abc1234"
    assert not page.authcfg_warning.isHidden()
    assert page.apply() is None
    assert page.saved
    assert settings.load().authcfg == "abc1234"


def test_authcfg_is_picked_from_the_auth_manager(page):
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-only-master", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("Paser central (test)")
    config.setConfig("username", "petugas")
    config.setConfig("password", "rahasia")
    ok, config = manager.storeAuthenticationConfig(config)
    assert ok
    try:
        page.authcfg.setConfigId(config.id())
        page.apply()
        assert page.saved
        assert settings.load().authcfg == config.id()
        # only the id is stored: no secret in the settings file
        from qgis.core import QgsSettings

        stored = {key: QgsSettings().value(key) for key in QgsSettings().allKeys() if key.startswith("paser_smartcity")}
        assert "rahasia" not in repr(stored)
        assert "petugas" not in repr(stored)
    finally:
        manager.removeAuthenticationConfig(config.id())


def test_apply_saves_valid_values(page, tmp_path):
    boundary = _vector_file(tmp_path, "desa", "Polygon", "POLYGON((116 -2, 116.1 -2, 116.1 -1.9, 116 -2))")
    page.workspace.setFilePath(str(tmp_path / "w.gpkg"))
    page.central_url.setText("https://gis.paserkab.go.id/wfs3")
    page.sync_timeout.setValue(90)
    page.duplicate_distance.setValue(15)
    page.telkom_distance.setValue(40)
    page.boundary_source.setText(boundary)
    # None, as the C++ QgsOptionsPageWidget::apply() is void: any other result makes QGIS show
    # "TypeError: invalid result from SettingsPage.apply()" when the officer presses OK.
    assert page.apply() is None
    assert page.saved
    stored = settings.load()
    assert stored.workspace_path == str(tmp_path / "w.gpkg")
    assert stored.central_url == "https://gis.paserkab.go.id/wfs3"
    assert (stored.sync_timeout_s, stored.duplicate_distance_m, stored.telkom_match_distance_m) == (90, 15, 40)
    assert stored.boundary_layer == boundary
    assert settings.workspace_path() == str(tmp_path / "w.gpkg")


def test_move_warning_is_a_setting_and_saving_keeps_what_the_page_does_not_show(clean_settings, qgis_iface, tmp_path):
    """The Telkom move warning has its field; the column aliases and the last Telkom folder
    have none, and saving the page used to reset them to their defaults."""
    settings.save(settings.Settings(telkom_column_aliases="SITE_ID=SITEID", telkom_folder=str(tmp_path)))
    page = SettingsPage(None, Logger(qgis_iface))
    assert page.telkom_move_warning.value() == settings.Settings().telkom_move_warning_m == 500
    page.telkom_move_warning.setValue(2000)
    page.apply()
    stored = settings.load()
    assert page.saved
    assert stored.telkom_move_warning_m == 2000
    assert (stored.telkom_column_aliases, stored.telkom_folder) == ("SITE_ID=SITEID", str(tmp_path))


def test_picking_a_project_layer_takes_its_source(page, tmp_path):
    boundary = _vector_file(tmp_path, "desa", "Polygon", "POLYGON((116 -2, 116.1 -2, 116.1 -1.9, 116 -2))")
    layer = QgsVectorLayer(boundary, "desa", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        page.boundary_layer.setLayer(layer)
        assert page.boundary_source.text() == layer.source()
    finally:
        QgsProject.instance().removeAllMapLayers()


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda p, _t: p.central_url.setText("http://gis.paserkab.go.id/wfs3"), "https://"),
        (lambda p, _t: p.central_url.setText("gis.paserkab.go.id"), "central server URL"),
        (lambda p, _t: p.central_url.setText("gis.paserkab.go.id wfs3"), "central server URL"),
        (lambda p, _t: p.central_url.setText("https://gis.paserkab.go.id wfs3"), "central server URL"),
        (
            lambda p, _t: p.central_url.setText("https://petugas:rahasia@gis.paserkab.go.id/wfs3"),
            "user name or password",
        ),
        (
            lambda p, _t: p.collections["service_points"].setText("public service_points"),
            "Collection of service points",
        ),
        (lambda p, _t: p.workspace.setFilePath("/data/paser.shp"), ".gpkg"),
        (lambda p, t: p.boundary_source.setText(str(t / "missing.gpkg")), "cannot be opened"),
        (lambda p, t: p.boundary_source.setText(_vector_file(t, "pts", "Point", "POINT(116 -2)")), "polygons"),
    ],
)
def test_wrong_values_are_refused_and_nothing_is_saved(page, tmp_path, real_message_bar, change, expected):
    page.sync_timeout.setValue(99)  # a valid change that must not be saved alongside the wrong one
    change(page, tmp_path)
    real_message_bar.clearWidgets()
    assert page.apply() is None
    assert not page.saved
    assert settings.load() == settings.Settings()
    item = real_message_bar.currentItem()
    assert item is not None
    assert expected in item.text()
    assert "not saved" in item.text()
    # critical and kept until the officer closes it: Options has already closed
    assert item.level() == Qgis.Critical
    assert item.duration() == 0


def test_is_valid_names_the_wrong_value(page, real_message_bar):
    # QGIS 3.22 never calls it (its QgsOptionsPageWidget has no isValid); later versions keep
    # Options open while it is False.
    assert page.isValid()
    page.central_url.setText("gis.paserkab.go.id wfs3")
    real_message_bar.clearWidgets()
    assert not page.isValid()
    assert "central server URL" in real_message_bar.currentItem().text()


def test_local_http_server_is_allowed(page):
    page.central_url.setText("http://127.0.0.1:8081/wfs3")
    page.apply()
    assert page.saved
    assert settings.load().central_url == "http://127.0.0.1:8081/wfs3"


def test_help_button_opens_the_shipped_page(page, opened_urls):
    page.help_button.click()
    (url,) = opened_urls
    assert url.toLocalFile().endswith("help/settings.en.html")


def test_init_gui_registers_the_page_when_qgis_offers_it(qgis_iface, qgis_processing, workspace_path, monkeypatch):
    # QGIS's iface has (un)registerOptionsWidgetFactory; pytest-qgis's stand-in lacks them, so
    # they are added here, recording what the plugin hands to QGIS.
    registered = []
    monkeypatch.setattr(qgis_iface, "registerOptionsWidgetFactory", registered.append, raising=False)
    monkeypatch.setattr(qgis_iface, "unregisterOptionsWidgetFactory", registered.remove, raising=False)
    instance = paser_smartcity_plugin.classFactory(qgis_iface)
    instance.initGui()
    try:
        (factory,) = registered
        assert isinstance(factory, SettingsPageFactory)
        assert factory.title() == "Paser Smart City"
        widget = factory.createWidget(None)
        assert isinstance(widget, SettingsPage)
        widget.deleteLater()
    finally:
        instance.unload()
    assert registered == []


def test_without_options_support_init_gui_still_works(plugin, qgis_iface):
    assert not hasattr(qgis_iface, "registerOptionsWidgetFactory")
    assert plugin.options_factory is None
    # the menu entry then points the officer to QGIS Options instead of failing
    assert plugin.show_settings() is None


def test_a_url_with_credentials_is_refused_without_repeating_them(page, real_message_bar):
    page.central_url.setText("https://petugas:rahasia@gis.paserkab.go.id/wfs3")
    real_message_bar.clearWidgets()
    assert not page.isValid()
    text = real_message_bar.currentItem().text()
    assert "rahasia" not in text
    assert "https://gis.paserkab.go.id/wfs3" in text
    assert "authentication configuration" in text
    assert not page.credentials_button.isHidden()


def test_credentials_typed_into_the_url_move_into_the_auth_manager(page):
    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-only-master", True)
    page.central_url.setText("https://petugas:rah%40sia@gis.paserkab.go.id/wfs3/")
    authcfg = page.credentials_button.move()
    try:
        assert authcfg
        assert page.authcfg.configId() == authcfg
        assert page.central_url.text() == "https://gis.paserkab.go.id/wfs3"
        assert page.credentials_button.isHidden()
        config = QgsAuthMethodConfig()
        assert manager.loadAuthenticationConfig(authcfg, config, True)
        assert (config.method(), config.config("username"), config.config("password")) == (
            "Basic",
            "petugas",
            "rah@sia",
        )
        page.apply()
        assert page.saved
        assert settings.load().authcfg == authcfg
        stored = {key: QgsSettings().value(key) for key in QgsSettings().allKeys() if key.startswith("paser_smartcity")}
        assert not any(secret in repr(stored) for secret in ("rah@sia", "rah%40sia", "petugas"))
    finally:
        manager.removeAuthenticationConfig(authcfg)


def test_collection_ids_are_settings(page):
    page.collections["service_points"].setText(" public.service_points ")
    page.apply()
    stored = settings.load()
    assert page.saved
    assert (stored.service_points_collection, stored.tower_plans_collection) == (
        "public.service_points",
        "",
    )
    assert settings.collection_ids(stored) == {"service_points": "public.service_points"}
