"""Registers the plugin's page in QGIS Options; the page itself is built (and imported) only
when the officer opens Options, so plugin start-up stays cheap."""

from qgis.gui import QgsOptionsWidgetFactory

from ..toolbelt.i18n import tr
from ..toolbelt.icons import icon as plugin_icon


class SettingsPageFactory(QgsOptionsWidgetFactory):
    def __init__(self, logger=None):
        super().__init__(tr("Paser Smart City"), plugin_icon("icon.svg"))
        self.logger = logger

    def icon(self):
        return plugin_icon("icon.svg")

    def createWidget(self, parent):  # noqa: N802 - QGIS's name
        from .settings_page import SettingsPage

        return SettingsPage(parent, self.logger)
