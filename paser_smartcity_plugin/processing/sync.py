from qgis.core import (
    Qgis,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.central_url import has_credentials
from ..core.schema import SERVICE_POINTS, TOWER_PLANS
from ..toolbelt import settings as plugin_settings
from ..toolbelt.i18n import tr_message
from .base import PaserAlgorithm
from .names import SYNC, Output, Param

# Qgis.ProcessingParameterFlag since QGIS 3.36; the class's own enum before (3.22).
_ADVANCED = getattr(getattr(Qgis, "ProcessingParameterFlag", None), "Advanced", None) or (
    QgsProcessingParameterDefinition.FlagAdvanced
)


class SyncAlgorithm(PaserAlgorithm):
    NAME = SYNC
    DISPLAY_NAME = "Sync with the central database"
    GROUP = "Central database"
    HELP = (
        "Synchronises the workspace with the regency's central database over OGC API – Features. "
        "Pulls every site changed centrally since the last sync and merges it field by field with the "
        "edits made here; the same field changed on both sides becomes a conflict to resolve (Paser Smart "
        "City ▸ Sync conflicts). With 'Send local edits' (PUSH), local edits, new and deleted sites are sent "
        "(the server must support OGC API – Features Part 4; otherwise the sync only pulls and says so). "
        "'Central server URL' (URL) is the landing page of the service, e.g. https://gis.paserkab.go.id/wfs3; "
        "'Authentication' (AUTHCFG) is a QGIS authentication configuration (Basic, EsriToken or OAuth2); "
        "a URL with a user name or password in it is refused, so that they are never stored in the "
        "workspace. 'Collection of service points' (SERVICE_POINTS_COLLECTION) and 'Collection of tower "
        "plans' (TOWER_PLANS_COLLECTION) name the server's collections when the sync cannot find them by "
        "itself (e.g. public.service_points); the collections used are in SUMMARY. "
        "Left empty, these come from the plugin settings, and so does 'Network timeout' (TIMEOUT) when it "
        "is not given: it is the longest the sync waits for one request, retries included. 'Full re-check of "
        "every site' "
        "(FULL) compares every site with the central database, not only what changed since the last sync "
        "(use it after the server's clock was wrong; the sync also does it by itself when it sees the "
        "server's clock went back). Everything pulled is applied in one transaction: a failure or a cancel "
        "leaves the workspace as it was. Several officers may sync at the same time: an edit is written "
        "only over the central version it was merged with, so no colleague's edit is overwritten."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(Param.WORKSPACE, self.tr("Workspace GeoPackage"), extension="gpkg")
        )
        self.addParameter(QgsProcessingParameterString(Param.URL, self.tr("Central server URL"), optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(Param.AUTHCFG, self.tr("Authentication"), optional=True))
        for name, label in (
            (Param.SERVICE_POINTS_COLLECTION, self.tr("Collection of service points")),
            (Param.TOWER_PLANS_COLLECTION, self.tr("Collection of tower plans")),
        ):
            parameter = QgsProcessingParameterString(name, label, optional=True)
            parameter.setFlags(parameter.flags() | _ADVANCED)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterBoolean(Param.PUSH, self.tr("Send local edits"), defaultValue=True))
        # Double (the settings allow tenths), but shown as whole seconds: "30", not "30.000000".
        timeout = QgsProcessingParameterNumber(
            Param.TIMEOUT, self.tr("Network timeout"), QgsProcessingParameterNumber.Type.Double, 30.0, True, 1.0, 600.0
        )
        timeout.setMetadata({"widget_wrapper": {"decimals": 0}})
        self.addParameter(timeout)
        self.addParameter(
            QgsProcessingParameterBoolean(Param.FULL, self.tr("Full re-check of every site"), defaultValue=False)
        )
        self.addOutput(QgsProcessingOutputNumber(Output.PULLED, self.tr("Central changes applied")))
        self.addOutput(QgsProcessingOutputNumber(Output.PUSHED, self.tr("Local changes sent")))
        self.addOutput(QgsProcessingOutputNumber(Output.CONFLICTS, self.tr("Sites with conflicts")))
        self.addOutput(QgsProcessingOutputString(Output.SUMMARY, self.tr("Summary per layer (JSON)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        import json

        from ..core.sync import OgcApiClient, SyncError, synchronize
        from ..toolbelt.network import NetworkSetupError, requests_session

        workspace = self.open_workspace(self.parameterAsFile(parameters, Param.WORKSPACE, context))
        # Empty URL/AUTHCFG, and a TIMEOUT not given: the plugin settings, so qgis_process and
        # models sync with what the officer set up once in Options.
        stored = plugin_settings.load()
        url = self.parameterAsString(parameters, Param.URL, context).strip() or stored.central_url.strip()
        if not url:
            raise QgsProcessingException(
                self.tr(
                    "No central server URL: give 'Central server URL' or set it in Settings > Options > "
                    "Paser Smart City."
                )
            )
        if has_credentials(url):
            # Refused before anything is written or logged: the workspace is the file officers hand on.
            raise QgsProcessingException(plugin_settings.credentials_problem(url))
        authcfg = self.parameterAsString(parameters, Param.AUTHCFG, context) or stored.authcfg or ""
        collections = plugin_settings.collection_ids(stored)
        for layer, name in (
            (SERVICE_POINTS, Param.SERVICE_POINTS_COLLECTION),
            (TOWER_PLANS, Param.TOWER_PLANS_COLLECTION),
        ):
            given = self.parameterAsString(parameters, name, context).strip()
            if given:
                collections[layer] = given
        push = self.parameterAsBoolean(parameters, Param.PUSH, context)
        full = self.parameterAsBoolean(parameters, Param.FULL, context)
        if parameters.get(Param.TIMEOUT) in (None, ""):
            timeout = stored.sync_timeout_s or 30.0
        else:
            timeout = self.parameterAsDouble(parameters, Param.TIMEOUT, context) or 30.0

        def progress(fraction, text):
            if fraction is not None:  # None: the text only ("retrying 2/4")
                feedback.setProgress(100 * fraction)
            feedback.setProgressText(tr_message(text))

        try:
            session, label = requests_session(url, authcfg)
        except NetworkSetupError as exc:
            raise QgsProcessingException(str(exc)) from None
        try:
            with session:
                client = OgcApiClient(
                    url, session=session, timeout=timeout, auth_label=label, is_cancelled=feedback.isCanceled
                )
                result = synchronize(
                    workspace, client, push=push, progress=progress, full=full, collections=collections
                )
        except SyncError as exc:
            # The error itself, as every other refusal of this algorithm: QGIS says that it failed
            # (qgis_process, the Processing log), and the sync menu says "Sync stopped: …".
            raise QgsProcessingException(tr_message(exc)) from None
        for warning in result.warnings:
            feedback.reportError(tr_message(warning), False)
        feedback.pushInfo(
            self.tr("Collections: {collections}").format(
                collections=", ".join(f"{layer} = {cid}" for layer, cid in result.collections.items())
            )
        )
        for layer, summary in result.layers.items():
            feedback.pushInfo(
                self.tr("{layer}: {pulled} pulled, {pushed} pushed, {conflicts} with conflicts").format(
                    layer=layer, pulled=summary.pulled, pushed=summary.pushed, conflicts=summary.conflicts
                )
            )
        return {
            Output.PULLED: result.pulled,
            Output.PUSHED: result.pushed,
            Output.CONFLICTS: result.conflicts,
            Output.SUMMARY: json.dumps(result.as_dict()),
        }
