"""The officer's configured desa boundary layer, read into core's :class:`DesaBoundaries`.

The layer (setting ``boundary_layer``: any OGR source of desa polygons) needs a field
holding Kemendagri desa codes (64.01.xx.xxxx); it is found by its values, whatever its
name. Geometries are transformed to EPSG:4326. Read once per source and modification time.
"""

import os
from typing import Dict, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.boundaries import DesaBoundaries, Polygon
from ..core.schema import DESA_CODE_RE
from ..toolbelt.i18n import tr

_CACHE: Dict[Tuple[str, float], DesaBoundaries] = {}


class BoundaryLayerError(ValueError):
    pass


def _code_field(layer: QgsVectorLayer) -> Optional[str]:
    sample = list(layer.getFeatures(QgsFeatureRequest().setLimit(20).setFlags(QgsFeatureRequest.NoGeometry)))
    for field in layer.fields():
        values = [str(f[field.name()]) for f in sample if f[field.name()] not in (None, "")]
        if values and all(DESA_CODE_RE.match(v.strip()) for v in values):
            return field.name()
    return None


def load_boundaries(source: str) -> DesaBoundaries:
    """The desa polygons of ``source``; raises :class:`BoundaryLayerError` saying what is wrong."""
    path = source.split("|")[0]
    stamp = os.path.getmtime(path) if os.path.exists(path) else 0.0
    key = (source, stamp)
    if key in _CACHE:
        return _CACHE[key]
    layer = QgsVectorLayer(source, "boundary", "ogr")
    if not layer.isValid():
        raise BoundaryLayerError(tr("The boundary layer {source} cannot be opened").format(source=source))
    if layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        raise BoundaryLayerError(tr("The boundary layer {source} is not a polygon layer").format(source=source))
    field = _code_field(layer)
    if field is None:
        raise BoundaryLayerError(
            tr("The boundary layer {source} has no field of desa codes (64.01.xx.xxxx)").format(source=source)
        )
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    items = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        if geometry.isNull():
            continue
        geometry.transform(transform)
        polygons = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
        items.append(
            (
                str(feature[field]).strip(),
                [Polygon([[(p.x(), p.y()) for p in ring] for ring in rings]) for rings in polygons],
            )
        )
    boundaries = DesaBoundaries(items, name=layer.name())
    _CACHE.clear()
    _CACHE[key] = boundaries
    return boundaries


def configured_boundaries() -> Optional[DesaBoundaries]:
    """The boundary layer from the settings, or None when none is configured."""
    from ..toolbelt.settings import load

    source = load().boundary_layer.strip()
    return load_boundaries(source) if source else None


def configured_registrar(workspace):
    """The one way to build a :class:`~core.register.Registrar` with the officer's settings.

    The dialog, the Processing algorithms and the spreadsheet import all check against the
    same duplicate distance and desa boundary layer. Returns ``(registrar, problem)``: when
    the configured boundary layer cannot be used, the registrar checks against the regency's
    extent and ``problem`` says why (the dialog warns and goes on, Processing refuses).
    """
    from ..core.register import Registrar
    from ..toolbelt.settings import load

    try:
        boundary, problem = configured_boundaries(), None
    except BoundaryLayerError as exc:
        boundary, problem = None, str(exc)
    return Registrar(workspace, boundary, load().duplicate_distance_m), problem
