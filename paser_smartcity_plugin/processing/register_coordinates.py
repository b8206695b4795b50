from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..toolbelt.i18n import tr
from .base import PaserAlgorithm
from .names import REGISTER_COORDINATES, Output, Param

# core.register (parser, checks) is imported when an algorithm runs, not when the provider
# loads: plugin start-up stays cheap.


def registrar_for(workspace):
    """The officer's registrar (layers.boundary.configured_registrar); a broken boundary layer stops the algorithm."""
    from ..layers.boundary import configured_registrar

    registrar, problem = configured_registrar(workspace)
    if problem:
        raise QgsProcessingException(problem)
    return registrar


def issues_text(issues) -> str:
    return "\n".join(i.message.render(tr) for i in issues)


class RegisterCoordinatesAlgorithm(PaserAlgorithm):
    NAME = REGISTER_COORDINATES
    DISPLAY_NAME = "Register coordinates"
    GROUP = "Sites"
    HELP = (
        "Gives a site its coordinates, or creates a new service point. 'Existing site' (SITE) is the uid or the exact name of an "
        "existing site (service point or tower); leave it empty for a new service point and give 'Name of a new service "
        "point' (NAME), 'Category code of a new service point' (CATEGORY, e.g. sekolah) and optionally 'Desa code' (DESA_CODE; empty: "
        "the suggested desa; for an existing site it corrects its desa). 'Coordinates' (COORDINATES) is text in any supported format: decimal degrees (dot "
        "or decimal comma, lat/lon in either order), DMS or DDM with LS/LU/BT/BB or S/N/E/W, UTM 50S "
        "(EPSG:32750, EPSG:9490) or TM-3 50.1 (EPSG:23837) easting/northing. 'CRS of projected coordinates' (CRS) forces a projected reading, or "
        "names the datum of degrees (EPSG:4755 DGN95, EPSG:9470 SRGI2013). 'Coordinate source code' (SOURCE) is a coord_source code "
        "(gps_survey, map, telkom, gazetteer, import, other) and sets coord_status: gps_survey/telkom/import -> "
        "surveyed, others -> approximate. A pending tower becomes coordinates_set. Errors (outside Paser, a "
        "forgotten minus sign, swapped latitude/longitude...) stop the algorithm; warnings (a site within the "
        "duplicate distance, a desa that differs from the suggested one) stop it too unless 'Accept warnings' (FORCE) is set. "
        "Everything is written in one transaction."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(Param.WORKSPACE, self.tr("Workspace GeoPackage"), extension="gpkg")
        )
        self.addParameter(
            QgsProcessingParameterString(
                Param.SITE, self.tr("Existing site (uid or exact name; empty for a new service point)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(Param.NAME, self.tr("Name of a new service point"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                Param.CATEGORY, self.tr("Category code of a new service point (e.g. sekolah)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                Param.DESA_CODE, self.tr("Desa code (empty: the suggested desa)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterString(Param.COORDINATES, self.tr("Coordinates")))
        self.addParameter(
            QgsProcessingParameterCrs(
                Param.CRS, self.tr("CRS of projected coordinates (when auto-detection cannot tell)"), optional=True
            )
        )
        accuracy = QgsProcessingParameterNumber(
            Param.ACCURACY_M, self.tr("Accuracy (m)"), QgsProcessingParameterNumber.Double, optional=True, minValue=0
        )
        self.addParameter(accuracy)
        self.addParameter(
            QgsProcessingParameterString(Param.SOURCE, self.tr("Coordinate source code"), defaultValue="gps_survey")
        )
        self.addParameter(QgsProcessingParameterString(Param.SURVEYED_BY, self.tr("Surveyed by"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(Param.FORCE, self.tr("Accept warnings"), defaultValue=False))
        self.addOutput(QgsProcessingOutputString(Output.UID, self.tr("Site uid")))
        self.addOutput(QgsProcessingOutputNumber(Output.LAT, self.tr("Latitude (WGS 84)")))
        self.addOutput(QgsProcessingOutputNumber(Output.LON, self.tr("Longitude (WGS 84)")))
        self.addOutput(QgsProcessingOutputString(Output.DESA_CODE, self.tr("Desa code")))
        self.addOutput(QgsProcessingOutputString(Output.WARNINGS, self.tr("Warnings accepted")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.register import RegistrationError, RegistrationRequest

        workspace = self.open_workspace(self.parameterAsFile(parameters, Param.WORKSPACE, context))
        self.written_path = None
        crs = self.parameterAsCrs(parameters, Param.CRS, context) if parameters.get(Param.CRS) else None
        authid = crs.authid() if crs is not None and crs.isValid() else None
        if crs is not None and crs.isValid() and not authid:
            raise QgsProcessingException(self.tr("The CRS must be one with an EPSG code"))
        accuracy = parameters.get(Param.ACCURACY_M)
        request = RegistrationRequest(
            coordinates=self.parameterAsString(parameters, Param.COORDINATES, context),
            crs=authid,
            site=self.parameterAsString(parameters, Param.SITE, context) or "",
            name=self.parameterAsString(parameters, Param.NAME, context) or "",
            category=(self.parameterAsString(parameters, Param.CATEGORY, context) or "").strip(),
            desa_code=(self.parameterAsString(parameters, Param.DESA_CODE, context) or "").strip(),
            coord_source=(self.parameterAsString(parameters, Param.SOURCE, context) or "gps_survey").strip(),
            accuracy_m=None
            if accuracy in (None, "")
            else self.parameterAsDouble(parameters, Param.ACCURACY_M, context),
            surveyed_by=self.parameterAsString(parameters, Param.SURVEYED_BY, context) or "",
        )
        force = self.parameterAsBoolean(parameters, Param.FORCE, context)
        registrar = registrar_for(workspace)
        assessment = registrar.assess(request)
        for info in assessment.infos:
            feedback.pushInfo(info.message.render(tr))
        if assessment.errors:
            raise QgsProcessingException(issues_text(assessment.errors))
        if assessment.warnings and not force:
            raise QgsProcessingException(
                self.tr("Not written — warnings (set FORCE to accept them):") + "\n" + issues_text(assessment.warnings)
            )
        try:
            result = registrar.register(request, force=force)
        except RegistrationError as exc:  # the workspace changed in between
            raise QgsProcessingException(exc.render(tr)) from None
        self.written_path = workspace.path
        for warning in result.warnings:
            feedback.pushWarning(warning.message.render(tr))
        feedback.pushInfo(
            self.tr("Coordinates registered for {uid}: {lat:.7f}, {lon:.7f}").format(
                uid=result.uid, lat=result.lat, lon=result.lon
            )
        )
        return {
            Output.UID: result.uid,
            Output.LAT: result.lat,
            Output.LON: result.lon,
            Param.DESA_CODE: result.desa_code,
            Output.WARNINGS: issues_text(result.warnings),
        }
