from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
)

from ..core.demo import demo_rows
from ..core.workspace import WorkspaceError, create_workspace
from ..toolbelt.i18n import tr_message
from .base import PaserAlgorithm
from .names import CREATE_WORKSPACE, Output, Param


class CreateWorkspaceAlgorithm(PaserAlgorithm):
    NAME = CREATE_WORKSPACE
    DISPLAY_NAME = "Create workspace"
    HELP = (
        "Creates a smart-city workspace: a GeoPackage (EPSG:4326) with the layers service_points and "
        "tower_plans. With DEMO, it is seeded with the four towers of the 2022 programme and the kantor "
        "desa/kelurahan and kantor kecamatan at gazetteer centroids. An existing workspace is left as it "
        "is; any other existing file is refused, never overwritten."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFileDestination(
                Param.OUTPUT, self.tr("Workspace GeoPackage"), self.tr("GeoPackage (*.gpkg)")
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(Param.DEMO, self.tr("Seed the demo data"), defaultValue=False))
        self.addOutput(
            QgsProcessingOutputBoolean(Output.CREATED, self.tr("Created (false: the workspace already existed)"))
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFileOutput(parameters, Param.OUTPUT, context)
        demo = self.parameterAsBoolean(parameters, Param.DEMO, context)
        try:
            created = create_workspace(path, demo_rows() if demo else None)
        except WorkspaceError as exc:
            raise QgsProcessingException(tr_message(exc)) from None
        if created:
            feedback.pushInfo(self.tr("Workspace created: {path}").format(path=path))
        else:
            feedback.pushInfo(self.tr("{path} is already a workspace; it was left unchanged").format(path=path))
        return {Param.OUTPUT: path, Output.CREATED: created}
