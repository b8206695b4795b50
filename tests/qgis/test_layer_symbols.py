"""The layer styles: QGIS's library icons, every status told apart (colour-blind readers too), a legend for both."""

import itertools
import math
import os

import pytest
from qgis.core import (
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsLayerTreeModel,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsReadWriteContext,
    QgsRenderContext,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from paser_smartcity_plugin.core.codelists import CATEGORY, SERVICE_STATUS, TOWER_STATUS, contrast
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.layers.workspace_layers import CATEGORY_ICONS, FALLBACK_ICON, TOWER_ICON


def svg_layer(symbol):
    """The glyph of one of our markers."""
    return next(layer for layer in symbol.symbolLayers() if isinstance(layer, QgsSvgMarkerSymbolLayer))


def _all_symbols(layer):
    return layer.renderer().symbols(QgsRenderContext())


def test_marker_svgs_exist_and_projects_keep_library_names(plugin):
    layers = plugin.open_layers()
    for name in (SERVICE_POINTS, TOWER_PLANS):
        glyphs = [
            svg_layer(s)
            for s in _all_symbols(layers[name])
            if any(part.layerType() == "SvgMarker" for part in s.symbolLayers())
        ]
        assert glyphs, name
        for glyph in glyphs:
            assert os.path.isfile(glyph.path()), (name, glyph.path())
    # written into a project, the path becomes the library name again: portable across installs
    document = QDomDocument()
    element = document.createElement("layer")
    context = QgsReadWriteContext()
    context.setPathResolver(QgsProject.instance().pathResolver())
    for name in (TOWER_PLANS, SERVICE_POINTS):
        layers[name].writeSymbology(element, document, "", context)
    document.appendChild(element)
    text = document.toString()
    assert TOWER_ICON in text
    assert CATEGORY_ICONS["sekolah"] in text
    assert "/usr/share/qgis/svg" not in text


def _rules(layer):
    """{group label: {rule label: rule}} of the service points' two-level style."""
    return {
        group.label(): {rule.label(): rule for rule in group.children()}
        for group in layer.renderer().rootRule().children()
    }


def test_each_point_draws_its_status_marker_and_its_category_glyph(plugin):
    layer = plugin.open_layers()[SERVICE_POINTS]
    rules = _rules(layer)
    assert set(rules) == {"Status", "Category"}
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    render = QgsRenderContext()
    render.setExpressionContext(context)
    feature = QgsFeature(layer.fields())
    renderer = layer.renderer().clone()
    renderer.startRender(render, layer.fields())
    found = {}
    for status, category in itertools.product(SERVICE_STATUS, list(CATEGORY) + [None]):
        feature["status"], feature["category"] = status.code, category.code if category else None
        found[(status, category)] = [s.clone() for s in renderer.symbolsForFeature(feature, render)]
    renderer.stopRender(render)
    for (status, category), symbols in found.items():
        feature["status"], feature["category"] = status.code, category.code if category else None
        context.setFeature(feature)
        assert len(symbols) == 2, (status.code, category)  # one marker, one glyph: in this order
        marker, glyph = symbols
        assert marker.symbolLayer(0).color().name().lower() == status.color.lower()
        expected = CATEGORY_ICONS[category.code] if category else FALLBACK_ICON
        assert svg_layer(glyph).path().endswith(expected)
        # the glyph takes the colour that reads on the marker under it
        prop = svg_layer(glyph).dataDefinedProperties().property(QgsSymbolLayer.PropertyFillColor)
        assert prop.prepare(context)
        colour, ok = prop.valueAsColor(context, QColor())
        assert ok
        assert colour.name() == status.glyph_color
        assert contrast(status.color, status.glyph_color) >= 4.5 or status.glyph_color == "#1a1a1a"


def test_the_legend_explains_statuses_and_category_icons(plugin):
    layers = plugin.open_layers()
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    for name, codes in ((SERVICE_POINTS, SERVICE_STATUS), (TOWER_PLANS, TOWER_STATUS)):
        node = QgsProject.instance().layerTreeRoot().findLayer(layers[name].id())
        texts = [n.data(Qt.ItemDataRole.DisplayRole) for n in model.layerLegendNodes(node)]
        assert {c.label("en") for c in codes} <= set(texts), texts
        if name == SERVICE_POINTS:
            assert {c.label("en") for c in CATEGORY} | {"Status", "Category", "Other or no category"} <= set(texts)


# ---------------------------------------------------------------- colours every reader tells apart

# Colour-blindness simulation: Machado, Oliveira and Fernandes, "A Physiologically-based
# Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009 — the published
# matrices for severity 1.0, applied to linear RGB.
SIMULATIONS = {
    "normal vision": None,
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
# CIEDE2000 differences: 20 apart in normal vision, 10 under any simulated colour blindness
# (big enough to name two colours apart at a glance); two statuses closer than 15 under any
# of them must also have different marker shapes.
MIN_NORMAL, MIN_SIMULATED, MIN_SAME_SHAPE = 20.0, 10.0, 15.0


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _gamma(channel: float) -> float:
    channel = min(1.0, max(0.0, channel))
    return 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def _lab(color: str, simulation) -> tuple:
    rgb = [_linear(int(color.lstrip("#")[i : i + 2], 16) / 255) for i in (0, 2, 4)]
    if simulation is not None:
        rgb = [_linear(_gamma(sum(simulation[i][j] * rgb[j] for j in range(3)))) for i in range(3)]
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(lab1, lab2) -> float:
    """ΔE00 (Sharma, Wu and Dalal, Color Research & Application 30(1), 2005)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dh = h2p - h1p
    if c1p * c2p == 0:
        dh = 0.0
    elif dh > 180:
        dh -= 360
    elif dh < -180:
        dh += 360
    d_l, d_c = l2 - l1, c2p - c1p
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, c_bar_p = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    rotation = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_bar_p**7 / (c_bar_p**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_bar_p, 1 + 0.015 * c_bar_p * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    return math.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h))


@pytest.mark.parametrize(
    "lab1, lab2, expected",  # Sharma, Wu and Dalal's test data, pairs 1, 7, 17 and 25
    [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("codes", [SERVICE_STATUS, TOWER_STATUS], ids=lambda c: c.name)
def test_every_status_pair_is_told_apart_in_every_vision(codes):
    too_close = []
    for first, second in itertools.combinations(codes, 2):
        for vision, simulation in SIMULATIONS.items():
            distance = ciede2000(_lab(first.color, simulation), _lab(second.color, simulation))
            minimum = MIN_NORMAL if simulation is None else MIN_SIMULATED
            if distance < minimum or (distance < MIN_SAME_SHAPE and first.shape == second.shape):
                too_close.append((first.code, second.code, vision, round(distance, 1), first.shape, second.shape))
    assert too_close == []
    # at most one grey: two achromatic markers look alike at map size whatever their lightness
    greys = [c.code for c in codes if math.hypot(*_lab(c.color, None)[1:]) < 10]
    assert len(greys) <= 1, greys


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
    # the marker sits in the centre; at 96 dpi it is over 20 px wide
    assert _dark_pixels(image, 90, 90, 20) > 200
