"""The desa and kecamatan outlines as reference layers: context for the map, offline.

The polygons ship with the plugin (core/data/boundaries.gpkg, cahyadsn/wilayah_boundaries,
MIT). "Open smart-city layers" puts them in the plugin's group below the sites; a field
package carries a copy beside its project. Outlines only, with the names as labels, read-only.
"""

from typing import Dict, Optional

from qgis.core import QgsFillSymbol, QgsProject, QgsSingleSymbolRenderer, QgsTextFormat, QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QFont

from ..core.boundaries import BOUNDARIES_PATH, DESA_TABLE, KECAMATAN_TABLE
from ..toolbelt.i18n import tr
from .workspace_layers import buffered_labels

# Custom property that marks our reference layers (value: the table), like LAYER_PROPERTY the sites.
REFERENCE_PROPERTY = "paser_smartcity/reference"
ATTRIBUTION = "cahyadsn/wilayah_boundaries (MIT, © cahyadsn), simplified"

# table -> (label field, outline colour, outline width mm, dash, label size pt, labels from scale)
_STYLE = {
    DESA_TABLE: ("desa_name", "#6d6d6d", 0.3, "dash", 7.5, 100000),
    KECAMATAN_TABLE: ("kecamatan_name", "#3b3b3b", 0.8, "solid", 10.0, 0),
}


def reference_title(table: str) -> str:
    return tr("Desa boundaries") if table == DESA_TABLE else tr("Kecamatan boundaries")


def make_reference_layer(table: str, path: str = BOUNDARIES_PATH) -> QgsVectorLayer:
    """An outline layer of ``table`` (desa or kecamatan) of the boundaries GeoPackage at ``path``."""
    layer = QgsVectorLayer(f"{path}|layername={table}", reference_title(table), "ogr")
    if not layer.isValid():
        raise RuntimeError(tr("Cannot open layer {layer} of {path}").format(layer=table, path=path))
    label_field, color, width, dash, size, label_scale = _STYLE[table]
    symbol = QgsFillSymbol.createSimple(
        {
            "style": "no",
            "outline_color": color,
            "outline_width": str(width),
            "outline_width_unit": "MM",
            "outline_style": dash,
        }
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    text = QgsTextFormat()
    text.setColor(QColor(color))
    font = QFont()
    font.setItalic(table == DESA_TABLE)
    font.setBold(table == KECAMATAN_TABLE)
    text.setFont(font)
    # 144 desa names at regency scale are clutter: from 1:100 000 in
    layer.setLabeling(buffered_labels(label_field, size, 0.7, label_scale, text))
    layer.setLabelsEnabled(True)
    layer.setDisplayExpression(f'"{label_field}"')
    layer.setReadOnly(True)
    layer.setAttribution(ATTRIBUTION)
    layer.setCustomProperty(REFERENCE_PROPERTY, table)
    return layer


def find_reference_layers(project: QgsProject) -> Dict[str, QgsVectorLayer]:
    found: Dict[str, QgsVectorLayer] = {}
    for layer in project.mapLayers().values():
        table = layer.customProperty(REFERENCE_PROPERTY)
        if table in _STYLE and isinstance(layer, QgsVectorLayer):
            found[table] = layer
    return found


def add_reference_layers(group, project: QgsProject, path: Optional[str] = None) -> Dict[str, QgsVectorLayer]:
    """Add the desa then kecamatan outlines at the bottom of ``group`` (below the sites); those
    already in the project are left where the officer put them."""
    layers = find_reference_layers(project)
    for table in (DESA_TABLE, KECAMATAN_TABLE):
        if table in layers:
            continue
        layer = make_reference_layer(table, path or BOUNDARIES_PATH)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[table] = layer
    return layers
