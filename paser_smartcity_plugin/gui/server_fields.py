"""Fields of the central server shared by the sync dialog and the settings page.

- The collection of each layer: empty means found by the sync (core/sync/discovery.py); the
  placeholder says which collection the last sync used.
- A URL typed with a user name and password is refused (toolbelt.settings.url_problem); a
  button offers to move them into a new Basic configuration of the QGIS Auth Manager.
"""

from typing import Dict, Optional

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtWidgets import QLineEdit, QMessageBox, QPushButton

from ..core.central_url import has_credentials
from ..core.schema import LAYER_NAMES
from ..toolbelt.i18n import tr
from ..toolbelt.network import NetworkSetupError, move_credentials_to_auth_config


def collection_edits(named: Dict[str, str], last_used: Optional[Dict[str, str]] = None) -> Dict[str, QLineEdit]:
    """layer -> a field for the server's collection id of that layer."""
    edits = {}
    for layer in LAYER_NAMES:
        edit = QLineEdit(named.get(layer, ""))
        used = (last_used or {}).get(layer)
        edit.setPlaceholderText(
            tr("found by the sync (last sync: {collection})").format(collection=used)
            if used
            else tr("found by the sync")
        )
        edit.setToolTip(
            tr(
                "The id of the server's collection that holds this layer, e.g. public.{layer}. Leave it "
                "empty: the sync finds it."
            ).format(layer=layer)
        )
        edits[layer] = edit
    return edits


def collections_text(collections: Optional[Dict[str, str]]) -> str:
    """The collection ids a sync used, for the officer ("" when they are the layer names)."""
    if not collections or all(collections.get(layer) in (None, layer) for layer in LAYER_NAMES):
        return ""
    return ", ".join(collections[layer] for layer in LAYER_NAMES if collections.get(layer))


def named_collections(edits: Dict[str, QLineEdit]) -> Dict[str, str]:
    return {layer: edit.text().strip() for layer, edit in edits.items() if edit.text().strip()}


class CredentialsMover(QPushButton):
    """Shown while ``url_edit`` holds a URL with a user name or password: moves them into a new
    Basic configuration of the Auth Manager, selects it and leaves the URL without them."""

    def __init__(self, url_edit: QLineEdit, auth_select: QgsAuthConfigSelect, parent=None):
        super().__init__(tr("Move the user name and password into an authentication configuration"), parent)
        self.url_edit, self.auth_select = url_edit, auth_select
        url_edit.textChanged.connect(self._update)
        self.clicked.connect(self.move)
        self._update()

    def _update(self, *_args) -> None:
        self.setVisible(has_credentials(self.url_edit.text()))

    def move(self, *_args) -> Optional[str]:
        """The new configuration's id, or None when it could not be made (the officer is told why)."""
        try:
            clean, authcfg = move_credentials_to_auth_config(self.url_edit.text())
        except NetworkSetupError as exc:
            QMessageBox.warning(self.window(), tr("Authentication"), str(exc))
            return None
        self.url_edit.setText(clean)
        self.auth_select.setConfigId(authcfg)
        return authcfg
