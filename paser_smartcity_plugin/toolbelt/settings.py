"""The plugin's settings, typed, in one place, stored with QgsSettings.

Secrets never live here: the central server's credentials are an Auth Manager
configuration, and only its id (``authcfg``) is stored; a URL with credentials in it is
refused (``url_problem``).
"""

import os
from dataclasses import dataclass, fields
from typing import Dict, List, Optional
from urllib.parse import urlsplit

from qgis.core import QgsApplication, QgsSettings

from ..core.central_url import central_key, has_credentials
from ..core.schema import SERVICE_POINTS, TOWER_PLANS
from .i18n import tr, tr_noop

PREFIX = "paser_smartcity/"


@dataclass
class Settings:
    workspace_path: str = ""
    central_url: str = ""
    authcfg: str = ""
    # The server's collection of each layer, when the officer names it; empty: found by the sync
    # (core/sync/discovery.py).
    service_points_collection: str = ""
    tower_plans_collection: str = ""
    sync_timeout_s: float = 30.0
    duplicate_distance_m: float = 25.0
    telkom_match_distance_m: float = 50.0
    # A site Telkom moves farther than this is a warning in the import preview, not a note.
    # Handheld GPS is good to 5-10 m and a position read off imagery to 20-50 m (hence the
    # 50 m match distance); a move ten times that is another place, not a better fix of the
    # same one — and still inside one desa, so it is not caught by the desa check alone.
    telkom_move_warning_m: float = 500.0
    # Where the last Telkom export or import went: the file dialogs start there.
    telkom_folder: str = ""
    # Telkom's names for our shapefile columns, e.g. "SITE_ID=SITEID,ID_SITE; NAMA=NAMA_LOKASI"
    telkom_column_aliases: str = ""
    boundary_layer: str = ""  # data source of an official desa boundary layer, optional


def load() -> Settings:
    store = QgsSettings()
    values = {}
    for f in fields(Settings):
        default = f.default
        values[f.name] = store.value(PREFIX + f.name, default, type=type(default))
    return Settings(**values)


def save(settings: Settings) -> None:
    store = QgsSettings()
    for f in fields(Settings):
        store.setValue(PREFIX + f.name, getattr(settings, f.name))


# Bounds of what makes sense in the field: beyond them a typo is more likely than intent.
LIMITS = {
    "sync_timeout_s": (1.0, 600.0),
    "duplicate_distance_m": (0.0, 5000.0),
    "telkom_match_distance_m": (0.0, 5000.0),
    "telkom_move_warning_m": (0.0, 200000.0),
}
LABELS = {
    "workspace_path": tr_noop("Workspace GeoPackage"),
    "central_url": tr_noop("Central server URL"),
    "authcfg": tr_noop("Authentication"),
    "service_points_collection": tr_noop("Collection of service points"),
    "tower_plans_collection": tr_noop("Collection of tower plans"),
    "sync_timeout_s": tr_noop("Sync timeout (s)"),
    "duplicate_distance_m": tr_noop("Duplicate distance (m)"),
    "telkom_match_distance_m": tr_noop("Telkom match distance (m)"),
    "telkom_move_warning_m": tr_noop("Telkom move warning beyond (m)"),
    "boundary_layer": tr_noop("Desa boundary layer"),
}
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}


def validate(settings: Settings) -> List[str]:
    """What is wrong with ``settings``, as messages for the officer; empty when they may be saved."""
    problems: List[str] = []
    path = settings.workspace_path.strip()
    if path and not path.lower().endswith(".gpkg"):
        problems.append(tr("The workspace must be a GeoPackage file (.gpkg): {path}").format(path=path))
    url = settings.central_url.strip()
    if url:
        problem = url_problem(url)
        if problem:
            problems.append(problem)
    for name in ("service_points_collection", "tower_plans_collection"):
        value = getattr(settings, name).strip()
        if value and (any(c.isspace() for c in value) or "/" in value):
            problems.append(
                tr("{setting} must be a collection id of the server, without spaces or '/': {value}").format(
                    setting=tr(LABELS[name]), value=value
                )
            )
    for name, (low, high) in LIMITS.items():
        value = getattr(settings, name)
        if not low <= value <= high:
            problems.append(
                tr("{setting} must be between {low} and {high}, not {value}").format(
                    setting=tr(LABELS[name]), low=low, high=high, value=value
                )
            )
    return problems


def url_problem(url: str) -> Optional[str]:
    """Why ``url`` cannot be the central server's URL, or None; the settings page and the sync
    dialog use this one rule."""
    url = url.strip()
    parts = urlsplit(url)
    try:
        hostname = parts.hostname
    except ValueError:
        hostname = None
    if parts.scheme not in ("http", "https") or not hostname or any(c.isspace() for c in url):
        return tr("The central server URL must start with https:// and name a server: {url}").format(
            url=central_key(url) if has_credentials(url) else url
        )
    if has_credentials(url):
        return credentials_problem(url)
    if parts.scheme == "http" and hostname not in LOOPBACK_HOSTS:
        # Credentials and officers' data cross the network: TLS, except for a local test server.
        return tr("The central server URL must use https:// (http:// only for this computer): {url}").format(url=url)
    return None


def credentials_problem(url: str) -> str:
    """Why a URL with a user name or password is refused, and what to do (the URL shown without them)."""
    return tr(
        "The central server URL contains a user name or password: they would be kept in the workspace and "
        "shown in logs. Use {url} and put the user name and password into a QGIS authentication "
        "configuration (Authentication: add a Basic configuration)."
    ).format(url=central_key(url))


def collection_ids(settings: Settings) -> Dict[str, str]:
    """layer -> the collection id the officer named (only those named)."""
    named = {SERVICE_POINTS: settings.service_points_collection, TOWER_PLANS: settings.tower_plans_collection}
    return {layer: value.strip() for layer, value in named.items() if value and value.strip()}


def set_value(name: str, value) -> None:
    if name not in {f.name for f in fields(Settings)}:
        raise KeyError(name)
    QgsSettings().setValue(PREFIX + name, value)


def remember_folder(path: str) -> None:
    """Keep the folder of a Telkom file the officer just wrote or read (telkom_folder)."""
    folder = path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    set_value("telkom_folder", folder)


def telkom_folder() -> str:
    """Where the Telkom file dialogs start: the last folder used, else the home folder."""
    folder = load().telkom_folder
    return folder if folder and os.path.isdir(folder) else os.path.expanduser("~")


def default_workspace_path() -> str:
    """Where the workspace lives unless the officer chose another file: the QGIS profile."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "paser_smartcity", "workspace.gpkg")


def workspace_path() -> str:
    return load().workspace_path or default_workspace_path()
