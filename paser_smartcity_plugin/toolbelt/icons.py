"""Icons from the compiled Qt resources (resources.qrc, built by `make compile`)."""

from qgis.PyQt.QtGui import QIcon

RESOURCE_PREFIX = ":/plugins/paser_smartcity/icons/"


def icon(name: str = "icon.svg") -> QIcon:
    from .. import resources_rc  # noqa: F401 - registers the resources on import

    return QIcon(RESOURCE_PREFIX + name)
