"""Publish the central tables with QGIS Server: write a QGIS project with WFS/WFS-T enabled.

QGIS Server (``qgis_mapserver`` or the FCGI ``qgis_mapserv.fcgi``) then serves OGC API –
Features at ``/wfs3``: both collections for reading, and POST/PUT/PATCH/DELETE for edits.
The ``updated_at`` column is declared as the layers' time dimension, which is what makes
QGIS Server filter ``datetime=<from>/..`` on it.

    python3 central/publish_qgis_server.py --postgres "service=paser_central" central.qgs
    python3 central/publish_qgis_server.py --gpkg central.gpkg central.qgs

For PostgreSQL, use a connection service (pg_service.conf) or trust/peer authentication:
the project then holds no password.
"""

import argparse
import os
import sys

LAYERS = ("service_points", "tower_plans")
COORDINATE_PRECISION = 8  # decimals of degrees in GeoJSON: about 1 mm


def write_project(
    project_path: str, gpkg: str = "", postgres: str = "", title: str = "Paser smart-city central"
) -> str:
    """Write the project (needs a running QgsApplication); returns its path."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsDataSourceUri,
        QgsMapLayerServerProperties,
        QgsProject,
        QgsRectangle,
        QgsVectorLayer,
    )

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from paser_smartcity_plugin.core.gazetteer import REGENCY_EXTENT

    if bool(gpkg) == bool(postgres):
        raise ValueError("give exactly one of gpkg or postgres")
    project = QgsProject()
    ids = []
    for name in LAYERS:
        if gpkg:
            layer = QgsVectorLayer(f"{os.path.abspath(gpkg)}|layername={name}", name, "ogr")
        else:
            uri = QgsDataSourceUri(postgres)
            uri.setDataSource("public", name, "geom", "", "fid")
            uri.setKeyColumn("fid")
            layer = QgsVectorLayer(uri.uri(False), name, "postgres")
        if not layer.isValid():
            raise RuntimeError(f"cannot open central table {name} ({gpkg or postgres})")
        if gpkg:
            # QGIS Server 3.22 answers /collections with HTTP 500 while a layer is empty (its
            # extent cannot be transformed): declare the regency as the extent and let QGIS
            # trust it. Only for the GeoPackage, whose trusted feature count stays exact; for
            # PostgreSQL a trusted count is an estimate and breaks QGIS Server's offset paging.
            regency = QgsCoordinateTransform(
                QgsCoordinateReferenceSystem("EPSG:4326"), layer.crs(), project
            ).transformBoundingBox(
                QgsRectangle(REGENCY_EXTENT.west, REGENCY_EXTENT.south, REGENCY_EXTENT.east, REGENCY_EXTENT.north)
            )
            if not layer.extent().isEmpty():
                regency.combineExtentWith(layer.extent())
            layer.setExtent(regency)
        layer.serverProperties().addWmsDimension(QgsMapLayerServerProperties.WmsDimensionInfo("time", "updated_at"))
        project.addMapLayer(layer)
        ids.append(layer.id())
    if gpkg:
        project.setTrustLayerMetadata(True)
    project.writeEntry("WFSLayers", "/", ids)
    for operation in ("Update", "Insert", "Delete"):
        project.writeEntry("WFSTLayers", operation, ids)
    for layer_id in ids:
        project.writeEntry("WFSLayersPrecision", "/" + layer_id, COORDINATE_PRECISION)
    project.writeEntry("WMSServiceTitle", "/", title)
    project.writeEntry("WMSServiceCapabilities", "/", True)
    if not project.write(project_path):
        raise RuntimeError(f"cannot write {project_path}: {project.error()}")
    return project_path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--gpkg", help="embedded central GeoPackage")
    source.add_argument("--postgres", help="libpq connection string of the central database")
    parser.add_argument("project", help="QGIS project to write (.qgs)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        write_project(args.project, gpkg=args.gpkg or "", postgres=args.postgres or "")
    finally:
        app.exitQgis()
    print(args.project)
    return 0


if __name__ == "__main__":
    sys.exit(main())
