"""The plugin's page in QGIS Options (Settings > Options > Paser Smart City).

Reads and writes toolbelt.settings only; nothing is saved while any value is wrong, and the
officer is told which one.
"""

from dataclasses import replace
from typing import List, Optional

from qgis.core import QgsMapLayerProxyModel, QgsVectorLayer, QgsWkbTypes
from qgis.gui import (
    QgsAuthConfigSelect,
    QgsFileWidget,
    QgsMapLayerComboBox,
    QgsOptionsPageWidget,
)
from qgis.PyQt.QtWidgets import (
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..toolbelt import settings as plugin_settings
from ..toolbelt.events import plugin_events
from ..toolbelt.help import open_help
from ..toolbelt.i18n import tr
from ..toolbelt.logger import CRITICAL, Logger
from .server_fields import CredentialsMover, collection_edits

HELP_TOPIC = "settings"


def boundary_problem(source: str) -> Optional[str]:
    """Why ``source`` cannot serve as the desa boundary layer, or None."""
    if not source.strip():
        return None
    layer = QgsVectorLayer(source, "boundary", "ogr")
    if not layer.isValid():
        return tr("The desa boundary layer cannot be opened: {source}").format(source=source)
    if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        return tr("The desa boundary layer must have polygons: {source}").format(source=source)
    return None


class SettingsPage(QgsOptionsPageWidget):
    # QGIS Options finds a page to open by its object name (showOptionsDialog(currentPage=...)).
    OBJECT_NAME = "PaserSmartCitySettingsPage"

    def __init__(self, parent=None, logger: Optional[Logger] = None):
        super().__init__(parent)
        self.logger = logger or Logger()
        self.setObjectName(self.OBJECT_NAME)
        self.saved = False
        labels = plugin_settings.LABELS

        self.workspace = QgsFileWidget()
        self.workspace.setStorageMode(QgsFileWidget.SaveFile)
        self.workspace.setFilter(tr("GeoPackage (*.gpkg)"))
        self.workspace.lineEdit().setPlaceholderText(plugin_settings.default_workspace_path())

        self.central_url = QLineEdit()
        self.central_url.setPlaceholderText("https://gis.paserkab.go.id/wfs3")
        self.authcfg = QgsAuthConfigSelect(self)
        # A stored id this QGIS does not know (other computer, authentication database not
        # copied): kept as it is unless the officer picks another, never dropped silently.
        self._unknown_authcfg = ""
        self.authcfg_warning = QLabel()
        self.authcfg_warning.setWordWrap(True)
        self.authcfg_warning.setVisible(False)
        self.authcfg.selectedConfigIdChanged.connect(self._authcfg_picked)
        self.credentials_button = CredentialsMover(self.central_url, self.authcfg, self)
        self.collections = collection_edits({})
        self.sync_timeout = self._spin(*plugin_settings.LIMITS["sync_timeout_s"], tr(" s"))
        self.duplicate_distance = self._spin(*plugin_settings.LIMITS["duplicate_distance_m"], tr(" m"))
        self.telkom_distance = self._spin(*plugin_settings.LIMITS["telkom_match_distance_m"], tr(" m"))
        self.telkom_move_warning = self._spin(*plugin_settings.LIMITS["telkom_move_warning_m"], tr(" m"))
        self.telkom_move_warning.setDecimals(0)
        self.telkom_move_warning.setToolTip(
            tr("The Telkom import preview warns about a site moved farther than this (0: every move)")
        )

        self.boundary_layer = QgsMapLayerComboBox()
        self.boundary_layer.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.boundary_layer.setAllowEmptyLayer(True)
        self.boundary_layer.setLayer(None)
        self.boundary_source = QLineEdit()
        self.boundary_source.setPlaceholderText(tr("None: desa are checked against the gazetteer only"))
        self.boundary_layer.layerChanged.connect(self._take_layer_source)

        workspace_box = QGroupBox(tr("Workspace"))
        form = QFormLayout(workspace_box)
        form.addRow(tr(labels["workspace_path"]), self.workspace)
        form.addRow(tr(labels["duplicate_distance_m"]), self.duplicate_distance)
        form.addRow(tr(labels["boundary_layer"]), self.boundary_layer)
        form.addRow(tr("Boundary data source"), self.boundary_source)

        server_box = QGroupBox(tr("Central server and Telkom"))
        form = QFormLayout(server_box)
        form.addRow(tr(labels["central_url"]), self.central_url)
        form.addRow(tr(labels["authcfg"]), self.authcfg)
        form.addRow("", self.authcfg_warning)
        form.addRow("", self.credentials_button)
        for layer, edit in self.collections.items():
            form.addRow(tr(labels[f"{layer}_collection"]), edit)
        form.addRow(tr(labels["sync_timeout_s"]), self.sync_timeout)
        form.addRow(tr(labels["telkom_match_distance_m"]), self.telkom_distance)
        form.addRow(tr(labels["telkom_move_warning_m"]), self.telkom_move_warning)

        note = QLabel(
            tr(
                "Passwords and tokens are kept in the QGIS authentication database; only the "
                "configuration id is stored here."
            )
        )
        note.setWordWrap(True)
        # The one Help of this page: QGIS's Options dialog has its own (QGIS's manual), hidden
        # while this page is shown (see showEvent), so the officer finds one, ours.
        self.help_button = QPushButton(tr("Help"))
        self.help_button.clicked.connect(lambda: open_help(HELP_TOPIC, self.window()))
        self._hidden_host_help: List[QPushButton] = []
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.help_button)

        layout = QVBoxLayout(self)
        layout.addWidget(workspace_box)
        layout.addWidget(server_box)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.load()

    def _host_help_buttons(self) -> List[QPushButton]:
        """The Help buttons of the dialog around the page (QGIS Options), not the page's own."""
        window = self.window()
        if window is self:
            return []
        found = []
        for box in window.findChildren(QDialogButtonBox):
            button = box.button(QDialogButtonBox.StandardButton.Help)
            if button is not None and not self.isAncestorOf(box) and button.isVisibleTo(window):
                found.append(button)
        return found

    def showEvent(self, event):  # noqa: N802 - Qt's name
        super().showEvent(event)
        for button in self._host_help_buttons():
            button.hide()
            self._hidden_host_help.append(button)

    def hideEvent(self, event):  # noqa: N802 - Qt's name
        # another page of Options, or Options closed: QGIS's Help is back for QGIS's pages
        for button in self._hidden_host_help:
            try:
                button.show()
            except RuntimeError:  # gone with its dialog
                pass
        self._hidden_host_help = []
        super().hideEvent(event)

    @staticmethod
    def _spin(low: float, high: float, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSuffix(suffix)
        return spin

    def _take_layer_source(self, layer) -> None:
        if layer is not None:
            self.boundary_source.setText(layer.source())

    def _authcfg_picked(self, config_id: str) -> None:
        if config_id:
            self._unknown_authcfg = ""
            self.authcfg_warning.setVisible(False)

    def load(self) -> None:
        values = plugin_settings.load()
        self.workspace.setFilePath(values.workspace_path)
        self.central_url.setText(values.central_url)
        self.authcfg.setConfigId(values.authcfg)
        self._unknown_authcfg = values.authcfg if values.authcfg and not self.authcfg.configId() else ""
        self.authcfg_warning.setText(
            tr(
                "The authentication configuration {id} is not in this QGIS's authentication "
                "database: it is kept until you choose another."
            ).format(id=self._unknown_authcfg)
        )
        self.authcfg_warning.setVisible(bool(self._unknown_authcfg))
        for layer, edit in self.collections.items():
            edit.setText(getattr(values, f"{layer}_collection"))
        self.sync_timeout.setValue(values.sync_timeout_s)
        self.duplicate_distance.setValue(values.duplicate_distance_m)
        self.telkom_distance.setValue(values.telkom_match_distance_m)
        self.telkom_move_warning.setValue(values.telkom_move_warning_m)
        self._stored = values
        self.boundary_source.setText(values.boundary_layer)

    def values(self) -> plugin_settings.Settings:
        # Settings the page has no widget for (the Telkom column aliases, the last folder)
        # keep their stored values: saving the page must not reset them.
        return replace(
            self._stored,
            workspace_path=self.workspace.filePath().strip(),
            central_url=self.central_url.text().strip(),
            authcfg=self.authcfg.configId() or self._unknown_authcfg,
            service_points_collection=self.collections["service_points"].text().strip(),
            tower_plans_collection=self.collections["tower_plans"].text().strip(),
            sync_timeout_s=self.sync_timeout.value(),
            duplicate_distance_m=self.duplicate_distance.value(),
            telkom_match_distance_m=self.telkom_distance.value(),
            telkom_move_warning_m=self.telkom_move_warning.value(),
            boundary_layer=self.boundary_source.text().strip(),
        )

    def problems(self) -> List[str]:
        values = self.values()
        found = plugin_settings.validate(values)
        boundary = boundary_problem(values.boundary_layer)
        if boundary:
            found.append(boundary)
        return found

    def isValid(self) -> bool:  # noqa: N802 - QGIS's name
        """Newer QGIS (not 3.22) asks this before OK and keeps Options open while False."""
        found = self.problems()
        if found:
            self.logger.log(
                tr("Paser Smart City settings not saved: {problems}").format(problems="; ".join(found)),
                CRITICAL,
                push=True,
            )
        return not found

    def apply(self) -> None:
        """Called by QGIS when the officer presses OK.

        Returns None: the C++ QgsOptionsPageWidget::apply() is void, and any other result makes
        QGIS show a Python error dialog (TypeError: invalid result) over our message. QGIS 3.22's
        page has no isValid() to keep Options open, so a refusal is pushed to the message bar
        as a critical message that stays until the officer closes it. ``self.saved`` tells
        whether the values were stored.
        """
        self.saved = False
        try:
            found = self.problems()
            if found:
                self.logger.log(
                    tr("Paser Smart City settings not saved: {problems}").format(problems="; ".join(found)),
                    CRITICAL,
                    push=True,
                )
                return
            plugin_settings.save(self.values())
        except Exception as exc:  # noqa: BLE001 - QGIS would show its Python error dialog
            import traceback

            self.logger.log(
                tr("Paser Smart City settings not saved: {problems}").format(problems=exc),
                CRITICAL,
                push=True,
                details=traceback.format_exc(),
            )
            return
        self.saved = True
        plugin_events().settings_changed.emit()
