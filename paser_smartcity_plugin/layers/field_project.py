"""The QGIS project of a field package: what QField (or QGIS without the plugin) opens.

The site layers get the plugin's own styles and forms (workspace_layers.make_layer: code lists
as value maps, constraints, labels in the officer's language), then what a phone needs and
the plugin is not there to do:

- defaults in plain QGIS expressions — uid a UUID without braces (``uuid('WithoutBraces')``,
  QGIS ≥ 3.18 and every QField), ``surveyed_by`` the surveyor, ``surveyed_at`` now in UTC
  (:data:`UTC_NOW`), the desa of the point from the desa outlines (:func:`desa_default`), the
  status and coordinate provenance of a site surveyed in the field;
- the photo field as the attachment widget relative to the project, and QField's attachment
  naming (a layer property QFieldSync also writes): ``DCIM/<uid>_<time>.jpg``;
- every path relative to the project; no Python (form init code, macros) and no plugin
  expression function anywhere.
"""

import json
import os
from typing import Optional

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDefaultValue,
    QgsExpression,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsReferencedRectangle,
)

from ..core.field_package import BOUNDARIES_FILE, DATA_FILE, FIELD_SOURCE, PHOTO_DIR, PROJECT_FILE, PackagePlan
from ..core.gazetteer import Extent
from ..core.register import NEW_SERVICE_POINT_STATUS, STATUS_FOR_SOURCE
from ..core.schema import SERVICE_POINTS, TOWER_PLANS
from ..toolbelt.i18n import tr
from .reference_layers import DESA_TABLE, KECAMATAN_TABLE, make_reference_layer
from .workspace_layers import GROUP_NAME, PHOTO_FIELD, configure_photo_widget, make_layer

PROJECT_CRS = "EPSG:3857"  # web tiles' CRS: an MBTiles basemap draws without resampling

# Now as a UTC date-time. QGIS's now() is local time, and QGIS 3.22 writes a local date-time to
# a GeoPackage as it reads (no zone): in Paser (WITA) 8 hours off. So: the zone offset is the
# difference between the local wall-clock read as UTC and the true instant, and the UTC
# wall-clock is the instant minus it, marked UTC. Only functions of QGIS 3.0 and later.
_LOCAL_AS_UTC = "epoch(to_datetime(format_date(now(), 'yyyy-MM-ddTHH:mm:ss.zzz') || 'Z'))"
UTC_NOW = (
    f"to_datetime(format_date(datetime_from_epoch(2 * epoch(now()) - {_LOCAL_AS_UTC}), "
    "'yyyy-MM-ddTHH:mm:ss.zzz') || 'Z')"
)
# Where QField puts a photo taken for the field (relative to the project; QField makes DCIM/).
PHOTO_NAMING = f"'{PHOTO_DIR}/' || \"uid\" || '_' || format_date(now(), 'yyyyMMdd_HHmmss') || '.jpg'"
QFIELD_ATTACHMENT_NAMING = ("QFieldSync/attachment_naming", "QFieldSync/photo_naming")

# What a site added in the field starts as (the register's own rules, core/register.py).
NEW_STATUS = {SERVICE_POINTS: NEW_SERVICE_POINT_STATUS, TOWER_PLANS: "coordinates_set"}


def desa_default(desa_layer_id: str) -> str:
    """The desa code of the outline holding the new site's point (kept when there is none)."""
    return (
        f"coalesce(aggregate(layer:={QgsExpression.quotedString(desa_layer_id)}, aggregate:='max', expression:=\"desa_code\", "
        'filter:=intersects($geometry, geometry(@parent))), "desa_code")'
    )


def configure_field_form(layer, layer_name: str, surveyor: str, desa_layer_id: str) -> None:
    """The package's defaults and photo widget on a site layer made by make_layer."""
    fields = layer.fields()

    def default(name: str, expression: str) -> None:
        layer.setDefaultValueDefinition(fields.indexOf(name), QgsDefaultValue(expression, False))

    default("surveyed_by", QgsExpression.quotedString(surveyor))
    default("surveyed_at", UTC_NOW)
    default("coord_source", QgsExpression.quotedString(FIELD_SOURCE))
    default("coord_status", QgsExpression.quotedString(STATUS_FOR_SOURCE[FIELD_SOURCE]))
    default("status", QgsExpression.quotedString(NEW_STATUS[layer_name]))
    default("desa_code", desa_default(desa_layer_id))
    configure_photo_widget(layer, None)
    naming = json.dumps({PHOTO_FIELD: PHOTO_NAMING})
    for key in QFIELD_ATTACHMENT_NAMING:
        layer.setCustomProperty(key, naming)


def write_field_project(
    folder: str, plan: PackagePlan, extent: Extent, basemap_file: Optional[str] = None, title: str = ""
) -> str:
    """Write the package's project into ``folder`` (holding DATA_FILE and BOUNDARIES_FILE);
    returns its path. Runs in a Processing task's thread: a project of its own, never
    QgsProject.instance()."""
    project = QgsProject()
    path = os.path.join(folder, PROJECT_FILE)
    project.setFileName(path)
    project.setFilePathStorage(Qgis.FilePathType.Relative)  # QField cannot use absolute paths
    project.setTitle(title)
    project.setCrs(QgsCoordinateReferenceSystem(PROJECT_CRS))
    root = project.layerTreeRoot()
    group = root.addGroup(GROUP_NAME)
    boundaries = os.path.join(folder, BOUNDARIES_FILE)
    desa = make_reference_layer(DESA_TABLE, boundaries)
    kecamatan = make_reference_layer(KECAMATAN_TABLE, boundaries)
    data = os.path.join(folder, DATA_FILE)
    for name in (TOWER_PLANS, SERVICE_POINTS):  # towers on top, as in the plugin
        layer = make_layer(data, name)
        configure_field_form(layer, name, plan.surveyor, desa.id())
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    for layer in (desa, kecamatan):
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    if basemap_file:
        basemap = QgsRasterLayer(os.path.join(folder, basemap_file), tr("Basemap"), "gdal")
        if not basemap.isValid():
            raise RuntimeError(tr("Cannot open the basemap {path}").format(path=basemap_file))
        project.addMapLayer(basemap, False)
        root.addLayer(basemap)
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    view = QgsCoordinateTransform(wgs84, project.crs(), project).transformBoundingBox(
        QgsRectangle(extent.west, extent.south, extent.east, extent.north)
    )
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(view, project.crs()))
    if not project.write():
        raise RuntimeError(tr("Cannot write the project {path}: {error}").format(path=path, error=project.error()))
    return path
