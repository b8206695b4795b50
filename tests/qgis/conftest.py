"""QGIS tests: the plugin is loaded the way QGIS loads it, through classFactory(iface)."""

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices

import paser_smartcity_plugin
from paser_smartcity_plugin.toolbelt import settings


@pytest.fixture
def workspace_path(tmp_path):
    """A workspace location of this test's own, set in the plugin's settings."""
    path = tmp_path / "workspace" / "paser.gpkg"
    settings.set_value("workspace_path", str(path))
    yield str(path)
    settings.set_value("workspace_path", "")


@pytest.fixture(autouse=True, scope="session")
def real_message_bar(qgis_iface):
    """pytest-qgis's iface has a stand-in message bar; QGIS's own widget runs fine here."""
    from qgis.gui import QgsMessageBar

    bar = QgsMessageBar(qgis_iface.mainWindow())
    qgis_iface._messageBar = bar
    return bar


@pytest.fixture
def plugin(qgis_iface, qgis_processing, workspace_path):
    instance = paser_smartcity_plugin.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()
    QgsProject.instance().clear()


@pytest.fixture
def browser_model(qgis_iface):
    """Processing's parameter panel asks iface for QGIS's browser model; pytest-qgis's iface has none."""
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    missing = not hasattr(qgis_iface, "browserModel")
    if missing:
        qgis_iface.browserModel = lambda: model
    yield model
    if missing:
        del qgis_iface.browserModel


class _UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls = []

    @pyqtSlot(QUrl)
    def open(self, url):
        self.urls.append(url)


@pytest.fixture
def opened_urls():
    """The file URLs the code under test asks the desktop to open (help pages), caught instead."""
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        yield catcher.urls
    finally:
        QDesktopServices.unsetUrlHandler("file")
