"""What QField (which is QGIS) does to a field package, for the QGIS tests: a site added through
the project's layer with the defaults of its form, a photo taken into DCIM/; and waiting for
background tasks."""

import os
import time

from qgis.core import QgsGeometry, QgsPointXY, QgsVectorLayerUtils
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtWidgets import QApplication


def wait_for(condition, timeout=60.0):
    """Run the event loop until ``condition()`` holds (tasks finish, dialogs appear)."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        QApplication.processEvents()
        time.sleep(0.01)


def open_in_qfield(folder: str):
    """The packaged project opened as QField opens it (QField's project is QGIS's project
    instance); returns its service-points layer, read through QGIS's OGR provider."""
    from qgis.core import QgsProject

    from paser_smartcity_plugin.core.schema import SERVICE_POINTS
    from paser_smartcity_plugin.layers.workspace_layers import LAYER_PROPERTY

    project = QgsProject.instance()
    assert project.read(os.path.join(folder, "survey.qgz"))
    (points,) = [
        layer for layer in project.mapLayers().values() if layer.customProperty(LAYER_PROPERTY) == SERVICE_POINTS
    ]
    return points


def take_photo(path: str) -> str:
    """A JPEG, as the phone's camera leaves one."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    assert image.save(path, "JPG")
    return path


def add_site_with_photo(layer, folder: str, point, **values):
    """In the layer's open edit session: a new feature with the defaults its form gives (uid…),
    ``values``, and a photo taken into DCIM/ under QField's attachment naming. Returns it."""
    new = QgsVectorLayerUtils.createFeature(
        layer, QgsGeometry.fromPointXY(QgsPointXY(*point)), {}, layer.createExpressionContext()
    )
    for name, value in values.items():
        new[name] = value
    photo = f"DCIM/{new['uid']}_20261201_093000.jpg"
    new["photo"] = photo
    take_photo(os.path.join(folder, photo))
    assert layer.addFeature(new)
    return new
