from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..toolbelt.i18n import tr_message
from .base import PaserAlgorithm
from .names import PACKAGE_FOR_FIELD, Output, Param

DEFAULT_ZOOM = (10, 15)


class PackageForFieldAlgorithm(PaserAlgorithm):
    NAME = PACKAGE_FOR_FIELD
    DISPLAY_NAME = "Package for field survey"
    GROUP = "Field survey"
    HELP_TOPIC = "field"
    HELP = (
        "Writes a folder that QField opens as is, for one surveyor: a QGIS project (survey.qgz) with the service "
        "points and tower plans of the area, styled and with the plugin's forms, the desa and kecamatan outlines "
        "and an optional basemap; the sites in survey.gpkg with the workspace's rules; and manifest.json. "
        "'Kecamatan' (KECAMATAN): names or codes, comma-separated (e.g. Long Ikis, 64.01.07); empty: the whole "
        "regency. The package holds every site whose desa lies in them, pending towers included. 'Surveyor' "
        "(SURVEYOR) is written into surveyed_by of the sites added in the field. 'Basemap' (BASEMAP, optional): "
        "a raster is cut to the area into a GeoTIFF; a tile or web map service (XYZ, WMS) is rendered into "
        "MBTiles from 'Basemap: lowest zoom' (BASEMAP_ZOOM_MIN) to 'Basemap: highest zoom' (BASEMAP_ZOOM_MAX) — "
        "it needs the network, and the service's terms must allow offline copies. 'Package folder or .zip' "
        "(OUTPUT): a new or empty folder, or a path ending in .zip for the same folder zipped; an existing "
        "package is never written over. The package's base is the workspace's state now: what the surveyor "
        "changes is merged back later, field by field. Nothing is written to the output until the package is "
        "complete."
    )

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagCanCancel

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(Param.WORKSPACE, self.tr("Workspace GeoPackage"), extension="gpkg")
        )
        self.addParameter(
            QgsProcessingParameterString(
                Param.KECAMATAN,
                self.tr("Kecamatan (names or codes, comma-separated; empty: the whole regency)"),
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterString(Param.SURVEYOR, self.tr("Surveyor")))
        self.addParameter(QgsProcessingParameterRasterLayer(Param.BASEMAP, self.tr("Basemap"), optional=True))
        for name, label, value in (
            (Param.BASEMAP_ZOOM_MIN, self.tr("Basemap: lowest zoom"), DEFAULT_ZOOM[0]),
            (Param.BASEMAP_ZOOM_MAX, self.tr("Basemap: highest zoom"), DEFAULT_ZOOM[1]),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, label, QgsProcessingParameterNumber.Integer, defaultValue=value, minValue=0, maxValue=22
                )
            )
        self.addParameter(QgsProcessingParameterFolderDestination(Param.OUTPUT, self.tr("Package folder or .zip")))
        self.addOutput(QgsProcessingOutputString(Output.PACKAGE_ID, self.tr("Package id")))
        self.addOutput(QgsProcessingOutputString(Output.BASE_HASH, self.tr("Content hash of the package's base")))
        self.addOutput(QgsProcessingOutputNumber(Output.SERVICE_POINTS, self.tr("Service points packaged")))
        self.addOutput(QgsProcessingOutputNumber(Output.TOWER_PLANS, self.tr("Tower plans packaged")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..__about__ import __version__
        from ..core.field_package import (
            BOUNDARIES_FILE,
            DATA_FILE,
            PHOTO_DIR,
            PROJECT_FILE,
            PackageError,
            discard_staging,
            finish_package,
            make_staging,
            parse_area,
            plan_package,
            write_manifest,
            write_survey_data,
        )
        from ..core.schema import SERVICE_POINTS, TOWER_PLANS
        from ..layers import basemap as basemaps
        from ..layers.field_project import write_field_project

        workspace = self.open_workspace(self.parameterAsFile(parameters, Param.WORKSPACE, context))
        try:
            area = parse_area(self.parameterAsString(parameters, Param.KECAMATAN, context) or "", workspace.gazetteer)
            plan = plan_package(
                self.parameterAsString(parameters, Param.OUTPUT, context),
                area,
                self.parameterAsString(parameters, Param.SURVEYOR, context),
            )
        except PackageError as exc:
            raise QgsProcessingException(tr_message(exc)) from None
        extent = area.extent(workspace.gazetteer)
        basemap = (
            self.parameterAsRasterLayer(parameters, Param.BASEMAP, context) if parameters.get(Param.BASEMAP) else None
        )
        zoom = (
            self.parameterAsInt(parameters, Param.BASEMAP_ZOOM_MIN, context),
            self.parameterAsInt(parameters, Param.BASEMAP_ZOOM_MAX, context),
        )
        steps_count = 3 if basemap is not None else 2  # the data, [the basemap,] the project
        steps = QgsProcessingMultiStepFeedback(steps_count, feedback)
        try:
            if basemap is not None and basemaps.is_tiled(basemap):  # before anything is written
                basemaps.check_zoom(basemaps.padded(extent), *zoom)
                basemaps.probe(basemap, extent, zoom[0])
        except basemaps.BasemapError as exc:
            raise QgsProcessingException(str(exc)) from None
        feedback.pushInfo(
            self.tr("Packaging {area} for {surveyor}").format(area=tr_message(area.describe()), surveyor=plan.surveyor)
        )
        staging = make_staging(plan)
        try:
            data = write_survey_data(
                workspace,
                plan,
                staging,
                __version__,
                progress=steps.setProgress,
                is_canceled=feedback.isCanceled,
            )
            basemap_file = None
            if basemap is not None:
                steps.setCurrentStep(1)
                feedback.pushInfo(self.tr("Cutting the basemap {name} to the area").format(name=basemap.name()))
                if basemaps.is_tiled(basemap):
                    basemap_file = basemaps.render_tiles(
                        basemap, basemaps.padded(extent), zoom[0], zoom[1], staging, steps
                    )
                else:
                    basemap_file = basemaps.cut_raster(basemap, basemaps.padded(extent), staging, steps)
            steps.setCurrentStep(steps_count - 1)
            title = self.tr("Paser Smart City field survey: {area}, {surveyor}").format(
                area=tr_message(area.describe()), surveyor=plan.surveyor
            )
            write_field_project(staging, plan, extent, basemap_file, title)
            write_manifest(
                staging,
                data,
                {
                    "project": PROJECT_FILE,
                    "data": DATA_FILE,
                    "boundaries": BOUNDARIES_FILE,
                    "basemap": basemap_file,
                    "photos": PHOTO_DIR,
                },
            )
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Packaging cancelled; nothing was written"))
            output = finish_package(plan, staging)
        except PackageError as exc:
            discard_staging(staging)
            raise QgsProcessingException(tr_message(exc)) from None
        except basemaps.BasemapError as exc:
            discard_staging(staging)
            raise QgsProcessingException(str(exc)) from None
        except BaseException:
            discard_staging(staging)
            raise
        feedback.setProgress(100)
        feedback.pushInfo(
            self.tr("Field package written: {path} ({points} service points, {towers} tower plans)").format(
                path=output, points=data.counts[SERVICE_POINTS], towers=data.counts[TOWER_PLANS]
            )
        )
        return {
            Param.OUTPUT: output,
            Output.PACKAGE_ID: plan.package_id,
            Output.BASE_HASH: data.base_hash,
            Output.SERVICE_POINTS: data.counts[SERVICE_POINTS],
            Output.TOWER_PLANS: data.counts[TOWER_PLANS],
        }
