"""A field package's offline basemap: any raster or tile layer, cut to the package's area.

- A raster read through GDAL (GeoTIFF, an orthophoto, a local MBTiles…) is cut to the area's
  box with GDAL (``gdal.Translate``, as gdal:cliprasterbyextent does) into ``basemap.tif``.
- A tile or web map service (XYZ, WMS: QGIS's "wms" provider) is rendered for the area at a
  zoom range into ``basemap.mbtiles`` by QGIS's own "XYZ tiles (MBTiles)" algorithm. First one
  tile is asked for, with a short timeout: without a network the officer reads that at once,
  instead of a task that waits for every tile to time out (QGIS waits a minute per request).

Tile servers limit bulk downloads (OpenStreetMap's tile policy forbids them): the tile count is
capped and the help asks officers to use a service whose terms allow offline use.
"""

import math
import os
import threading
from typing import Optional

from qgis.core import (
    QgsApplication,
    QgsBlockingNetworkRequest,
    QgsDataSourceUri,
    QgsFeedback,
    QgsProcessingContext,
    QgsProject,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from ..core.gazetteer import Extent
from ..toolbelt.i18n import tr

TIFF_FILE = "basemap.tif"
MBTILES_FILE = "basemap.mbtiles"
MAX_TILES = 20000
PROBE_TIMEOUT_S = 15.0
MARGIN_DEG = 0.01  # ~1 km around the area's box
XYZ_ALGORITHMS = ("native:tilesxyzmbtiles", "qgis:tilesxyzmbtiles")  # QGIS ≥ 3.26, 3.22


class BasemapError(ValueError):
    """The basemap cannot be made; the text says why, in the officer's language."""


def is_tiled(layer: QgsRasterLayer) -> bool:
    """True for a tile/web map service (rendered to MBTiles), False for a GDAL raster (cut)."""
    return layer.providerType() != "gdal"


def padded(extent: Extent) -> Extent:
    return Extent(
        extent.west - MARGIN_DEG, extent.south - MARGIN_DEG, extent.east + MARGIN_DEG, extent.north + MARGIN_DEG
    )


def _tile(lon: float, lat: float, zoom: int):
    n = 2**zoom
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def tile_count(extent: Extent, zoom_min: int, zoom_max: int) -> int:
    count = 0
    for zoom in range(zoom_min, zoom_max + 1):
        x0, y0 = _tile(extent.west, extent.north, zoom)
        x1, y1 = _tile(extent.east, extent.south, zoom)
        count += (x1 - x0 + 1) * (y1 - y0 + 1)
    return count


def check_zoom(extent: Extent, zoom_min: int, zoom_max: int) -> None:
    if not 0 <= zoom_min <= zoom_max <= 22:
        raise BasemapError(
            tr("The basemap zoom range {low}–{high} is not valid: 0 ≤ lowest ≤ highest ≤ 22").format(
                low=zoom_min, high=zoom_max
            )
        )
    tiles = tile_count(extent, zoom_min, zoom_max)
    if tiles > MAX_TILES:
        raise BasemapError(
            tr(
                "The basemap would need {tiles} tiles at zoom {low}–{high} (at most {limit}): lower the highest "
                "zoom level or package fewer kecamatan"
            ).format(tiles=tiles, low=zoom_min, high=zoom_max, limit=MAX_TILES)
        )


def probe_url(layer: QgsRasterLayer, extent: Extent, zoom: int) -> Optional[str]:
    """The URL of one tile of the area (XYZ), or the service's own URL (WMS); None for local tiles."""
    uri = QgsDataSourceUri()
    uri.setEncodedUri(layer.source())
    url = uri.param("url")
    if not url or url.startswith("file:"):
        return None
    if uri.param("type") != "xyz":
        return url
    x, y = _tile((extent.west + extent.east) / 2, (extent.south + extent.north) / 2, zoom)
    return (
        url.replace("{z}", str(zoom))
        .replace("{x}", str(x))
        .replace("{y}", str(y))
        .replace("{-y}", str(2**zoom - 1 - y))
    )


def probe(layer: QgsRasterLayer, extent: Extent, zoom: int, timeout_s: Optional[float] = None) -> None:
    """Ask the service for one tile of the area; :class:`BasemapError` when it does not answer
    within ``timeout_s`` (default PROBE_TIMEOUT_S)."""
    timeout_s = PROBE_TIMEOUT_S if timeout_s is None else timeout_s
    url = probe_url(layer, extent, zoom)
    if url is None:
        return
    request = QNetworkRequest(QUrl(url))
    blocking = QgsBlockingNetworkRequest()
    authcfg = QgsDataSourceUri(layer.source()).authConfigId()
    if authcfg:
        blocking.setAuthCfg(authcfg)
    feedback = QgsFeedback()
    timer = threading.Timer(timeout_s, feedback.cancel)
    timer.start()
    try:
        error = blocking.get(request, True, feedback)
    finally:
        timer.cancel()
    if error != QgsBlockingNetworkRequest.NoError or feedback.isCanceled():
        reason = (
            tr("no answer within {seconds} s").format(seconds=f"{timeout_s:g}")
            if feedback.isCanceled()
            else blocking.errorMessage()
        )
        raise BasemapError(
            tr(
                "The basemap “{name}” cannot be reached ({reason}): is this computer offline? Package without "
                "a basemap, or choose a raster file"
            ).format(name=layer.name(), reason=reason)
        )


def cut_raster(layer: QgsRasterLayer, extent: Extent, folder: str, feedback=None) -> str:
    """The part of a GDAL raster inside ``extent`` (lon/lat) as a GeoTIFF in ``folder``."""
    from osgeo import gdal

    target = os.path.join(folder, TIFF_FILE)
    source = layer.source().split("|")[0]

    def progress(done, _message, _data):
        if feedback is not None:
            feedback.setProgress(done * 100)
            return 0 if feedback.isCanceled() else 1
        return 1

    options = gdal.TranslateOptions(
        projWin=[extent.west, extent.north, extent.east, extent.south],
        projWinSRS="EPSG:4326",
        creationOptions=["COMPRESS=DEFLATE", "TILED=YES"],
        callback=progress,
    )
    try:
        result = gdal.Translate(target, source, options=options)
    except RuntimeError as exc:  # GDAL with exceptions on
        result, error = None, str(exc)
    else:
        error = gdal.GetLastErrorMsg()
    if result is None:
        if feedback is not None and feedback.isCanceled():
            raise BasemapError(tr("Packaging cancelled; nothing was written"))
        raise BasemapError(
            tr("The basemap “{name}” cannot be cut to the area: {error}").format(name=layer.name(), error=error)
        )
    result = None  # closes the file
    return TIFF_FILE


def render_tiles(
    layer: QgsRasterLayer, extent: Extent, zoom_min: int, zoom_max: int, folder: str, feedback=None
) -> str:
    """The area rendered from a tile/web service into an MBTiles file in ``folder``."""
    from qgis import processing

    registry = QgsApplication.processingRegistry()
    algorithm = next((a for a in XYZ_ALGORITHMS if registry.algorithmById(a) is not None), None)
    if algorithm is None:
        raise BasemapError(tr("QGIS's XYZ tiles (MBTiles) algorithm is not available"))
    # The algorithm draws every visible layer of its context's project: a project of the basemap alone.
    project = QgsProject()
    project.addMapLayer(layer.clone())
    context = QgsProcessingContext()
    context.setProject(project)
    target = os.path.join(folder, MBTILES_FILE)
    processing.run(
        algorithm,
        {
            "EXTENT": f"{extent.west},{extent.east},{extent.south},{extent.north} [EPSG:4326]",
            "ZOOM_MIN": zoom_min,
            "ZOOM_MAX": zoom_max,
            "DPI": 96,
            "TILE_FORMAT": 0,  # PNG
            "METATILESIZE": 4,
            "OUTPUT_FILE": target,
        },
        context=context,
        feedback=feedback,
    )
    if feedback is not None and feedback.isCanceled():
        raise BasemapError(tr("Packaging cancelled; nothing was written"))
    return MBTILES_FILE
