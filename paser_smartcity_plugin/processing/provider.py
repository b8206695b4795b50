"""The Processing provider ``paser_smartcity``: every plugin operation as an algorithm."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..__about__ import PROVIDER_ID, __version__
from ..toolbelt.i18n import tr
from ..toolbelt.icons import icon as plugin_icon


def algorithm_classes():
    # One line per algorithm. Modules here import only qgis.core and the light core:
    # heavy libraries (requests, geopandas) are imported inside processAlgorithm.
    from .create_workspace import CreateWorkspaceAlgorithm
    from .import_sites import ImportSitesAlgorithm
    from .merge_field_package import MergeFieldPackageAlgorithm
    from .package_for_field import PackageForFieldAlgorithm
    from .register_coordinates import RegisterCoordinatesAlgorithm
    from .sync import SyncAlgorithm
    from .telkom import ExportTelkomAlgorithm, ImportTelkomAlgorithm

    return [
        CreateWorkspaceAlgorithm,
        RegisterCoordinatesAlgorithm,
        ImportSitesAlgorithm,
        SyncAlgorithm,
        ExportTelkomAlgorithm,
        ImportTelkomAlgorithm,
        PackageForFieldAlgorithm,
        MergeFieldPackageAlgorithm,
    ]


class PaserProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("Paser Smart City")

    def longName(self) -> str:  # noqa: N802
        return tr("Paser Smart City") + f" {__version__}"

    def icon(self) -> QIcon:
        return plugin_icon("icon.svg")

    def versionInfo(self) -> str:  # noqa: N802
        return __version__

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
