"""Plugin-wide signals, so that parts built on separate branches meet without importing each other.

A sync (or any other bulk write to the workspace) calls
``notify_workspace_changed(path)`` when it has finished; the dashboard and anything else
showing workspace figures listen to ``plugin_events().workspace_changed``.
"""

from typing import Optional

from qgis.PyQt.QtCore import QObject, pyqtSignal


class PluginEvents(QObject):
    # The workspace GeoPackage at this path was written outside the QGIS layers (sync, import).
    workspace_changed = pyqtSignal(str)
    # The officer saved the plugin settings (Options > Paser Smart City).
    settings_changed = pyqtSignal()


_events: Optional[PluginEvents] = None


def plugin_events() -> PluginEvents:
    global _events
    if _events is None:
        _events = PluginEvents()
    return _events


def notify_workspace_changed(path: str) -> None:
    plugin_events().workspace_changed.emit(path)
