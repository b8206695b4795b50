"""The plugin object QGIS loads: menu, toolbar, Processing provider — and nothing heavy.

Start-up must stay cheap: no dialog, no layer, no geopandas or requests is created or
imported here; each action imports what it needs when the officer triggers it.
"""

import os
from typing import Callable, List, Optional

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtWidgets import QAction, QMenu

from .processing.names import IMPORT_SITES, PACKAGE_FOR_FIELD, Param, algorithm_id
from .toolbelt.i18n import install_translator, remove_translator, tr, tr_message
from .toolbelt.icons import icon as plugin_icon
from .toolbelt.logger import CRITICAL, INFO, SUCCESS, Logger

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
        self.options_factory = None
        self.dashboard = None
        self.register_dialog = None
        self.import_dialog = None
        self.package_dialog = None

    # -- Processing (also called by qgis_process, which has no GUI)

    def initProcessing(self):  # noqa: N802 - QGIS's name
        # qgis_process calls only this (no initGui): algorithm names are translated there too.
        if self.translator is None:
            self.translator = install_translator()
        if self.provider is None:
            from .processing.provider import PaserProvider

            self.provider = PaserProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # -- GUI

    def initGui(self):  # noqa: N802 - QGIS's name
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
            "open_layers",
            tr("Open smart-city layers"),
            "open_layers.svg",
            lambda: self.open_layers(show_if_open=True),
            tr("Open the service points and tower plans of the workspace; it is created on first use"),
        )
        self.register_action = self._add_action(
            "register_coordinates",
            tr("Register coordinates"),
            "register.svg",
            self.open_register_dialog,
            tr("Give a site its coordinates, typed, picked on the map or from the GPS, or add a service point"),
        )
        self.import_action = self._add_action(
            "import_sites",
            tr("Import sites from a spreadsheet…"),
            "import_sites.svg",
            self.open_import_dialog,
            tr("Register the coordinates of many sites from a CSV or XLSX file"),
            toolbar=False,
        )
        self.sync_action = self._add_action(
            "sync",
            tr("Sync with central database…"),
            "sync.svg",
            lambda: self.sync_controller().open_sync_dialog(),
            tr("Pull central changes and send my edits over OGC API – Features"),
        )
        self.full_sync_action = self._add_action(
            "sync_full",
            tr("Full re-check with central database"),
            "sync_full.svg",
            lambda: self.sync_controller().start_sync(full=True),
            tr(
                "Compare every site with the central database, not only what changed since the last sync: "
                "use it after the server's clock was wrong"
            ),
            toolbar=False,
        )
        self.conflicts_action = self._add_action(
            "sync_conflicts",
            tr("Sync conflicts…"),
            "conflicts.svg",
            lambda: self.sync_controller().show_conflicts(),
            tr("Sites changed both here and on the central server: choose per field which value to keep"),
            toolbar=False,
        )
        self.history_action = self._add_action(
            "sync_history",
            tr("Sync history…"),
            "history.svg",
            lambda: self.sync_controller().show_history(),
            tr("Past syncs with their outcome and what they pulled and sent"),
            toolbar=False,
        )
        self.export_telkom_action = self._add_action(
            "export_telkom",
            tr("Export for Telkom…"),
            "export_telkom.svg",
            self.export_telkom,
            tr("Write the sites as zipped shapefiles for Telkom, with a schema note"),
            toolbar=False,
        )
        self.import_telkom_action = self._add_action(
            "import_telkom",
            tr("Import from Telkom…"),
            "import_telkom.svg",
            self.import_telkom,
            tr("Preview and apply the shapefile Telkom sent back"),
            toolbar=False,
        )
        self.package_action = self._add_action(
            "package_for_field",
            tr("Package for field survey…"),
            "package_for_field.svg",
            self.open_package_dialog,
            tr("Write the sites of some kecamatan as a project that QField opens on a surveyor's phone"),
            toolbar=False,
        )
        self.merge_action = self._add_action(
            "merge_field_package",
            tr("Merge field survey…"),
            "merge_field_package.svg",
            self.merge_field_survey,
            tr(
                "Preview a package a surveyor brought back from QField and merge it into the workspace, "
                "field by field, photos included"
            ),
            toolbar=False,
        )
        self.dashboard_action = self._add_action(
            "dashboard",
            tr("Programme dashboard"),
            "dashboard.svg",
            self.show_dashboard,
            tr("Service points and towers by status, per kecamatan, against the 300-point target"),
        )
        self.settings_action = self._add_action(
            "settings",
            tr("Settings…"),
            "settings.svg",
            self.show_settings,
            tr("Workspace, central server and distances, also in Settings > Options > Paser Smart City"),
            toolbar=False,
        )
        self.menu.addSeparator()
        self.help_action = self._add_action(
            "help",
            tr("Help"),
            "/mActionHelpContents.svg",  # QGIS's own help icon
            self.show_help,
            tr("The plugin's help: every topic, in the language of QGIS"),
            toolbar=False,
        )
        # QGIS's own iface always has it; the test stand-in of pytest-qgis does not.
        register = getattr(self.iface, "registerOptionsWidgetFactory", None)
        if register is not None:
            from .gui.options_factory import SettingsPageFactory

            self.options_factory = SettingsPageFactory(self.logger)
            register(self.options_factory)
        QgsProject.instance().layersAdded.connect(self._layers_added)

    def _add_action(
        self, object_name: str, text: str, icon: str, callback: Callable, tip: str = "", toolbar: bool = True
    ) -> QAction:
        # QGIS drops text in parentheses from action tooltips: tips must say it without them.
        # "/mAction….svg": an icon of QGIS's theme; other names: the plugin's own icons
        shown = QgsApplication.getThemeIcon(icon) if icon.startswith("/") else plugin_icon(icon)
        action = QAction(shown, text, self.iface.mainWindow())
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

            self.logger.log(
                tr("Unexpected error: {error}").format(error=exc), CRITICAL, push=True, details=traceback.format_exc()
            )
            return None

    def _layers_added(self, layers):
        """Our layers from a saved project get the same pre-save check as the ones we add."""
        from .layers.workspace_layers import watch_project_layers

        self._run_guarded(lambda: watch_project_layers(layers))

    def unload(self):
        from .toolbelt.help import close_help_viewer

        close_help_viewer()
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except TypeError:  # initGui did not get that far
            pass
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.dashboard is not None:
            self.dashboard.close_dashboard()
            remove_dock = getattr(self.iface, "removeDockWidget", None)
            if remove_dock is not None:
                remove_dock(self.dashboard)
            self.dashboard.deleteLater()
            self.dashboard = None
        if self.register_dialog is not None:
            self.register_dialog.close()
            self.register_dialog.deleteLater()
            self.register_dialog = None
        if self.import_dialog is not None:
            self.import_dialog.close()
            self.import_dialog.deleteLater()
            self.import_dialog = None
        if self.package_dialog is not None:
            self.package_dialog.close()
            self.package_dialog.deleteLater()
            self.package_dialog = None
        controller = getattr(self, "_sync_controller", None)
        if controller is not None and controller.task is not None:
            controller.task.cancel()  # its callbacks must not outlive the plugin
        self._sync_controller = None
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

    def sync_controller(self):
        if getattr(self, "_sync_controller", None) is None:
            from .gui.sync_controller import SyncController

            self._sync_controller = SyncController(self.iface, self.logger)
        return self._sync_controller

    def open_layers(self, show_if_open: bool = False):
        """Create the workspace on first use, then add its styled layers to the project.

        ``show_if_open`` (the menu action): layers already open are shown and zoomed to; other
        callers (dialogs that need the layers) leave the map alone.
        """
        from .core.demo import demo_rows
        from .core.schema import LAYER_NAMES
        from .core.workspace import Workspace, WorkspaceError, create_workspace
        from .layers.workspace_layers import add_workspace_layers, find_layers
        from .toolbelt.settings import workspace_path

        path = workspace_path()
        already = find_layers(QgsProject.instance(), path)
        if len(already) == len(LAYER_NAMES):
            if show_if_open:  # a second click used to do nothing visible: show where they are
                self._show_open_layers(already)
            return already
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            created = create_workspace(path, demo_rows())
            # Opened first through the core: a workspace of an earlier release is upgraded (backup
            # first) before QGIS reads its columns, or the layers would miss the new fields.
            upgraded = Workspace(path).upgrade_backup
            layers = add_workspace_layers(path)
        except (WorkspaceError, OSError, RuntimeError) as exc:
            self.logger.log(tr("Cannot open the workspace: {error}").format(error=tr_message(exc)), CRITICAL, push=True)
            return None
        if upgraded:
            self.logger.log(
                tr(
                    "The workspace was upgraded for this version of the plugin; the file as it was is kept at {backup}"
                ).format(backup=upgraded),
                INFO,
                push=True,
            )
        if created:
            self.logger.log(
                tr("New workspace created with the 2022 programme: {path}").format(path=path), SUCCESS, push=True
            )
        return layers

    def _show_open_layers(self, layers) -> None:
        """Make the already open layers visible and zoom the map to them."""
        from qgis.core import QgsCoordinateTransform, QgsRectangle

        root = QgsProject.instance().layerTreeRoot()
        extent = QgsRectangle()
        canvas = self.iface.mapCanvas()
        for layer in layers.values():
            node = root.findLayer(layer.id())
            if node is not None:
                node.setItemVisibilityCheckedParentRecursive(True)
            layer_extent = layer.extent()
            if canvas is not None and not layer_extent.isEmpty():
                transform = QgsCoordinateTransform(
                    layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance()
                )
                extent.combineExtentWith(transform.transformBoundingBox(layer_extent))
        if canvas is not None and not extent.isEmpty():
            canvas.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.05))
            canvas.refresh()
        self.logger.log(tr("The smart-city layers are already open; the map shows them."), INFO, push=True)

    def show_dashboard(self):
        """Show (creating on first use) the programme dashboard dock."""
        if self.dashboard is None:
            from qgis.PyQt.QtCore import Qt

            from .gui.dashboard import DashboardDock

            self.dashboard = DashboardDock(self.iface, self.logger)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dashboard)
            # QGIS gives a new dock about 300 px whatever it asks for: start it as wide as its
            # table needs (every column in view); the officer can still drag it narrower.
            main_window = self.iface.mainWindow()
            if hasattr(main_window, "resizeDocks"):
                main_window.resizeDocks(
                    [self.dashboard], [self.dashboard.widget().sizeHint().width()], Qt.Orientation.Horizontal
                )
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.refresh()
        return self.dashboard

    def show_help(self):
        """The index of the help pages (in the browser, else inside QGIS)."""
        from .toolbelt.help import INDEX_TOPIC, open_help

        return open_help(INDEX_TOPIC, self.iface.mainWindow())

    def show_settings(self):
        """Open QGIS Options at the plugin's page."""
        from .gui.settings_page import SettingsPage

        show = getattr(self.iface, "showOptionsDialog", None)
        if show is None or self.options_factory is None:
            self.logger.log(tr("The settings are in Settings > Options > Paser Smart City"), push=True)
            return None
        return show(self.iface.mainWindow(), currentPage=SettingsPage.OBJECT_NAME)

    def open_register_dialog(self):
        """The "Register coordinates" dialog on the workspace (its layers opened first); non-modal for the map tool."""
        if self.open_layers() is None:
            return None
        from .gui.register_dialog import RegisterDialog
        from .toolbelt.settings import workspace_path

        path = workspace_path()
        if self.register_dialog is None or self.register_dialog.path != path:
            if self.register_dialog is not None:
                self.register_dialog.close()
                self.register_dialog.deleteLater()
            self.register_dialog = RegisterDialog(path, self.iface, self.iface.mainWindow())
        else:
            self.register_dialog.reload()  # the sites may have been edited since
        self.register_dialog.show()
        self.register_dialog.raise_()
        return self.register_dialog

    def _algorithm_dialog(self, previous, algorithm: str):
        """Processing's own dialog of one of our algorithms, on the workspace (its layers opened
        first): one code path for GUI and scripts. The dialog runs the algorithm in a task, with
        a progress bar and a Cancel button."""
        if self.open_layers() is None:
            return None
        from processing import createAlgorithmDialog

        from .toolbelt.settings import workspace_path

        if previous is not None:
            previous.close()
            previous.deleteLater()
        dialog = createAlgorithmDialog(algorithm_id(algorithm), {Param.WORKSPACE: workspace_path()})
        if dialog is not None:
            dialog.show()
        return dialog

    def open_import_dialog(self):
        self.import_dialog = self._algorithm_dialog(self.import_dialog, IMPORT_SITES)
        return self.import_dialog

    def open_package_dialog(self):
        self.package_dialog = self._algorithm_dialog(self.package_dialog, PACKAGE_FOR_FIELD)
        return self.package_dialog

    def export_telkom(self):
        from .gui.telkom import export_for_telkom

        return export_for_telkom(self.iface, self.logger)

    def import_telkom(self):
        from .gui.telkom import import_from_telkom

        return import_from_telkom(self.iface, self.logger)

    def merge_field_survey(self, source: Optional[str] = None):
        """Choose a returned field package, preview its merge, merge it (background tasks)."""
        if self.open_layers() is None:
            return None
        from .gui.field_merge import merge_field_survey

        return merge_field_survey(
            self.iface, self.logger, source, show_conflicts=lambda: self.sync_controller().show_conflicts()
        )
