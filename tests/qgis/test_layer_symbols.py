"""The layer styles draw QGIS's library icons, not the "?" of a missing SVG."""

import os

from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsReadWriteContext,
    QgsRenderContext,
    QgsSvgMarkerSymbolLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from paser_smartcity_plugin.core.codelists import CATEGORY, SERVICE_STATUS
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.layers.workspace_layers import CATEGORY_ICONS, FALLBACK_ICON, svg_layer


def test_marker_svgs_exist_and_projects_keep_library_names(plugin):
    layers = plugin.open_layers()
    for name in (SERVICE_POINTS, TOWER_PLANS):
        for category in layers[name].renderer().categories():
            glyph = svg_layer(category.symbol())
            assert os.path.isfile(glyph.path()), (name, category.value(), glyph.path())
    # written into a project, the path becomes the library name again: portable across installs
    document = QDomDocument()
    element = document.createElement("layer")
    context = QgsReadWriteContext()
    context.setPathResolver(QgsProject.instance().pathResolver())
    layers[TOWER_PLANS].writeSymbology(element, document, "", context)
    document.appendChild(element)
    text = document.toString()
    assert "symbol/poi_tower_communications.svg" in text and "/usr/share/qgis/svg" not in text


def test_service_point_glyph_follows_category(plugin):
    layer = plugin.open_layers()[SERVICE_POINTS]
    assert "category" in layer.renderer().usedAttributes(QgsRenderContext())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    feature = QgsFeature(layer.fields())
    for category in layer.renderer().categories():
        prop = svg_layer(category.symbol()).dataDefinedProperties().property(QgsSvgMarkerSymbolLayer.PropertyName)
        assert prop.isActive()
        assert prop.prepare(context), prop.expressionString()
        for code in CATEGORY.codes:
            feature["category"] = code
            context.setFeature(feature)
            value, ok = prop.valueAsString(context, "")
            assert ok and value == CATEGORY_ICONS[code], (category.value(), code, value)
        feature["category"] = None
        context.setFeature(feature)
        assert prop.valueAsString(context, "")[0] == FALLBACK_ICON


def _dark_pixels(image, x0, y0, size):
    return sum(
        1 for x in range(x0, x0 + size) for y in range(y0, y0 + size) if QColor(image.pixel(x, y)).lightness() < 128
    )


def test_planned_points_are_legible_on_white(plugin):
    """A planned point (all 154 demo points) draws a dark, solid marker, not a faint glyph."""
    layer = plugin.open_layers()[SERVICE_POINTS]
    planned = SERVICE_STATUS["planned"].color
    assert QColor(planned).lightness() < 128
    layer.setSubsetString("\"name\" = 'Kantor Desa Samurangau'")
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setBackgroundColor(QColor("white"))
    settings.setDestinationCrs(layer.crs())
    feature = next(layer.getFeatures())
    settings.setExtent(feature.geometry().boundingBox().buffered(0.01))
    settings.setOutputSize(QSize(200, 200))
    settings.setOutputDpi(96)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    # the marker sits in the centre; at 96 dpi its disc is over 20 px wide
    assert _dark_pixels(image, 90, 90, 20) > 200
