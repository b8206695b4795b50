"""A map tool that hands one clicked point to the register dialog, in WGS 84."""

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsPointXY, QgsProject
from qgis.gui import QgsMapToolEmitPoint
from qgis.PyQt.QtCore import Qt, pyqtSignal

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


class PointPickTool(QgsMapToolEmitPoint):
    """Click once: ``picked(lon, lat)`` is emitted with the point in EPSG:4326, whatever the canvas CRS.

    Esc on the map emits ``cancelled``: the officer changed their mind.
    """

    picked = pyqtSignal(float, float)
    failed = pyqtSignal(str)
    cancelled = pyqtSignal()

    def canvas_to_wgs84(self, point: QgsPointXY) -> QgsPointXY:
        source = self.canvas().mapSettings().destinationCrs()
        transform = QgsCoordinateTransform(source, WGS84, QgsProject.instance())
        return transform.transform(point)

    def canvasReleaseEvent(self, event):  # noqa: N802 - Qt's name
        point = self.toMapCoordinates(event.pos())
        try:
            wgs84 = self.canvas_to_wgs84(QgsPointXY(point))
        except QgsCsException as exc:
            self.failed.emit(str(exc))
            return
        self.picked.emit(wgs84.x(), wgs84.y())

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)
