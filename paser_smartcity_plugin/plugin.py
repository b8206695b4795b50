"""The plugin object QGIS loads: menu, toolbar, Processing provider — and nothing heavy.

Start-up must stay cheap: no dialog, no layer, no geopandas or requests is created or
imported here; each action imports what it needs when the officer triggers it.
"""

import os
from typing import Callable, List, Optional

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction, QMenu

from .toolbelt.i18n import install_translator, remove_translator, tr
from .toolbelt.icons import icon as plugin_icon
from .toolbelt.logger import CRITICAL, SUCCESS, Logger

MENU_OBJECT_NAME = "PaserSmartCityMenu"
TOOLBAR_OBJECT_NAME = "PaserSmartCityToolbar"


class PaserSmartCityPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.logger = Logger(iface)
        self.provider = None
        self.menu: Optional[QMenu] = None
        self.toolbar = None
        self.actions: List[QAction] = []
        self.translator = None

    # -- Processing (also called by qgis_process, which has no GUI)

    def initProcessing(self):  # noqa: N802 - QGIS's name
        if self.provider is None:
            from .processing.provider import PaserProvider

            self.provider = PaserProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI

    def initGui(self):  # noqa: N802 - QGIS's name
        self.translator = install_translator()
        self.initProcessing()
        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("Paser Smart City"), main_window)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        menu_bar = main_window.menuBar()
        help_menu = next((a for a in menu_bar.actions() if a.menu() and a.menu().objectName() == "mHelpMenu"), None)
        menu_bar.insertMenu(help_menu, self.menu) if help_menu else menu_bar.addMenu(self.menu)
        self.toolbar = self.iface.addToolBar(tr("Paser Smart City"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)

        self.open_action = self._add_action(
            "open_layers", tr("Open smart-city layers"), "icon.svg", self.open_layers,
            tr("Open the service points and tower plans of the workspace (created on first use)"))
        self.export_telkom_action = self._add_action(
            "export_telkom", tr("Export for Telkom"), "icon.svg", self.export_telkom,
            tr("Write the sites as shapefiles for Telkom, with a schema note (zip)"), toolbar=False)
        self.import_telkom_action = self._add_action(
            "import_telkom", tr("Import from Telkom"), "icon.svg", self.import_telkom,
            tr("Preview and apply the shapefile Telkom sent back"), toolbar=False)

    def _add_action(self, object_name: str, text: str, icon: str, callback: Callable, tip: str = "",
                    toolbar: bool = True) -> QAction:
        action = QAction(plugin_icon(icon), text, self.iface.mainWindow())
        action.setObjectName(f"paser_smartcity_{object_name}")
        action.setStatusTip(tip or text)
        action.setToolTip(tip or text)
        action.triggered.connect(lambda checked=False: self._run_guarded(callback))
        self.menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _run_guarded(self, callback: Callable):
        """Run an action; a failure becomes a message to the officer, never Python's error dialog."""
        try:
            return callback()
        except Exception as exc:  # noqa: BLE001 - the last line of defence for the GUI
            import traceback

            self.logger.log(tr("Unexpected error: {error}").format(error=exc), CRITICAL, push=True,
                            details=traceback.format_exc())
            return None

    def unload(self):
        for action in self.actions:
            action.triggered.disconnect()
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None

    # -- actions

    def open_layers(self):
        """Create the workspace on first use, then add its styled layers to the project."""
        from .core.workspace import WorkspaceError, create_workspace
        from .layers.workspace_layers import add_workspace_layers
        from .toolbelt.settings import workspace_path

        path = workspace_path()
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            created = create_workspace(path, demo=True)
            layers = add_workspace_layers(path)
        except (WorkspaceError, OSError, RuntimeError) as exc:
            self.logger.log(tr("Cannot open the workspace: {error}").format(error=exc), CRITICAL, push=True)
            return None
        if created:
            self.logger.log(tr("New workspace created with the 2022 programme: {path}").format(path=path),
                            SUCCESS, push=True)
        return layers

    def export_telkom(self):
        from .gui.telkom import export_for_telkom

        return export_for_telkom(self.iface, self.logger)

    def import_telkom(self):
        from .gui.telkom import import_from_telkom

        return import_from_telkom(self.iface, self.logger)
