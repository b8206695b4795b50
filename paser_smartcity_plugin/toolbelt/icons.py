"""The plugin's icons, loaded by path from its icons/ folder.

Why not compiled Qt resources (pyrcc5): PyQt6 has no resource system (no pyrcc6, no
qRegisterResourceData), so a QGIS built on Qt6 could not load them; files load on both.
"""

import os

from qgis.PyQt.QtGui import QIcon

ICONS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "icons")


def icon(name: str = "icon.svg") -> QIcon:
    return QIcon(os.path.join(ICONS_DIR, name))
