"""The layer styles draw QGIS's library icons, not the "?" of a missing SVG."""

import os

from qgis.core import QgsProject, QgsReadWriteContext
from qgis.PyQt.QtXml import QDomDocument

from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS


def test_marker_svgs_exist_and_projects_keep_library_names(plugin):
    layers = plugin.open_layers()
    for name in (SERVICE_POINTS, TOWER_PLANS):
        for category in layers[name].renderer().categories():
            svg_layer = category.symbol().symbolLayer(0)
            assert os.path.isfile(svg_layer.path()), (name, category.value(), svg_layer.path())
    # written into a project, the path becomes the library name again: portable across installs
    document = QDomDocument()
    element = document.createElement("layer")
    context = QgsReadWriteContext()
    context.setPathResolver(QgsProject.instance().pathResolver())
    layers[TOWER_PLANS].writeSymbology(element, document, "", context)
    document.appendChild(element)
    text = document.toString()
    assert "symbol/poi_tower_communications.svg" in text and "/usr/share/qgis/svg" not in text
