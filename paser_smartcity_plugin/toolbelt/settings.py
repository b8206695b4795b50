"""The plugin's settings, typed, in one place, stored with QgsSettings.

Secrets never live here: the central server's credentials are an Auth Manager
configuration, and only its id (``authcfg``) is stored.
"""

import os
from dataclasses import dataclass, fields

from qgis.core import QgsApplication, QgsSettings

PREFIX = "paser_smartcity/"


@dataclass
class Settings:
    workspace_path: str = ""
    central_url: str = ""
    authcfg: str = ""
    sync_timeout_s: float = 30.0
    duplicate_distance_m: float = 25.0
    telkom_match_distance_m: float = 50.0
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


def set_value(name: str, value) -> None:
    if name not in {f.name for f in fields(Settings)}:
        raise KeyError(name)
    QgsSettings().setValue(PREFIX + name, value)


def default_workspace_path() -> str:
    """Where the workspace lives unless the officer chose another file: the QGIS profile."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "paser_smartcity", "workspace.gpkg")


def workspace_path() -> str:
    return load().workspace_path or default_workspace_path()
