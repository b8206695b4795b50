"""What every algorithm of the provider shares: translation, grouping, instance creation."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterFile

from ..core.workspace import Workspace, WorkspaceError
from ..toolbelt.i18n import tr, tr_message
from .names import Param


class PaserAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``NAME``, ``DISPLAY_NAME``, ``GROUP`` and ``HELP`` (English source strings)."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP = "Workspace"
    HELP = ""
    HELP_TOPIC = ""  # a help page of help/ (the dialog's Help button opens it)

    def tr(self, text: str) -> str:  # noqa: D102 - Processing calls this name
        return tr(text)

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:  # noqa: N802
        return tr(self.DISPLAY_NAME)

    def group(self) -> str:
        return tr(self.GROUP)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP.lower().replace(" ", "_")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(self.HELP)

    def helpUrl(self) -> str:  # noqa: N802
        if not self.HELP_TOPIC:
            return ""
        from ..toolbelt.help import help_url

        return help_url(self.HELP_TOPIC).toString()

    def icon(self):
        # QgsProcessingAlgorithm's default is the generic cog; the toolbox shows this per algorithm.
        from ..toolbelt.icons import icon as plugin_icon

        return plugin_icon("icon.svg")

    def createInstance(self):  # noqa: N802
        return type(self)()

    # An algorithm that wrote to a workspace sets ``written_path``; its layers in the project are
    # reloaded here, in the main thread, after the algorithm ran (also from the toolbox or a model).
    written_path = None

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        if self.written_path:
            from ..layers.workspace_layers import reload_workspace_layers

            reload_workspace_layers(self.written_path, context.project())
        return {}

    def workspace_parameter(self) -> QgsProcessingParameterFile:
        """WORKSPACE, with the workspace of the plugin's settings as its default."""
        from ..toolbelt.settings import workspace_path

        return QgsProcessingParameterFile(
            Param.WORKSPACE, self.tr("Workspace GeoPackage"), extension="gpkg", defaultValue=workspace_path()
        )

    @staticmethod
    def open_workspace(path: str) -> Workspace:
        """The workspace at ``path``, or a QgsProcessingException that says what is wrong."""
        try:
            return Workspace(path)
        except WorkspaceError as exc:
            raise QgsProcessingException(tr_message(exc)) from None
