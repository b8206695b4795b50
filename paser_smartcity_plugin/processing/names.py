"""The provider's public names: algorithm ids, parameter and output names.

Scripts, models and `qgis_process` call the algorithms by these strings, so they are an API:
a name changes here or nowhere. The GUI fills the same parameters through these constants
(QuickOSM's habit), and this module imports no QGIS, so a dialog can use it without loading
Processing.
"""

from ..__about__ import PROVIDER_ID

# Algorithm names (the part after "paser_smartcity:").
CREATE_WORKSPACE = "create_workspace"
REGISTER_COORDINATES = "register_coordinates"
IMPORT_SITES = "import_sites"
SYNC = "sync"
EXPORT_TELKOM = "export_telkom"
IMPORT_TELKOM = "import_telkom"
PACKAGE_FOR_FIELD = "package_for_field"
MERGE_FIELD_PACKAGE = "merge_field_package"


def algorithm_id(name: str) -> str:
    """The id a script passes to processing.run, e.g. "paser_smartcity:sync"."""
    return f"{PROVIDER_ID}:{name}"


class Param:
    """Input parameter names."""

    WORKSPACE = "WORKSPACE"
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    APPLY = "APPLY"
    SKIP = "SKIP"
    FORCE = "FORCE"
    CRS = "CRS"
    SOURCE = "SOURCE"
    SURVEYED_BY = "SURVEYED_BY"
    # create_workspace
    DEMO = "DEMO"
    # register_coordinates
    SITE = "SITE"
    NAME = "NAME"
    CATEGORY = "CATEGORY"
    DESA_CODE = "DESA_CODE"
    COORDINATES = "COORDINATES"
    ACCURACY_M = "ACCURACY_M"
    # import_sites
    SHEET = "SHEET"
    ALL_OR_NOTHING = "ALL_OR_NOTHING"
    # sync
    URL = "URL"
    AUTHCFG = "AUTHCFG"
    PUSH = "PUSH"
    TIMEOUT = "TIMEOUT"
    FULL = "FULL"
    SERVICE_POINTS_COLLECTION = "SERVICE_POINTS_COLLECTION"
    TOWER_PLANS_COLLECTION = "TOWER_PLANS_COLLECTION"
    # export_telkom / import_telkom
    LAYERS = "LAYERS"
    SELECTED_ONLY = "SELECTED_ONLY"
    LAYER = "LAYER"
    MEMBER = "MEMBER"
    SOURCE_CRS = "SOURCE_CRS"
    ALIASES = "ALIASES"
    MATCH_DISTANCE = "MATCH_DISTANCE"
    MOVE_WARNING = "MOVE_WARNING"
    # package_for_field
    KECAMATAN = "KECAMATAN"
    SURVEYOR = "SURVEYOR"
    BASEMAP = "BASEMAP"
    BASEMAP_ZOOM_MIN = "BASEMAP_ZOOM_MIN"
    BASEMAP_ZOOM_MAX = "BASEMAP_ZOOM_MAX"


class Output:
    """Output names that callers read. Count outputs of the imports and merges are named by the
    core's count keys (core/telkom, core/field_merge: "UPDATED", "NEW", "LEFT_OUT"…)."""

    OUTPUT = Param.OUTPUT
    REPORT = Param.REPORT
    CREATED = "CREATED"
    UID = "UID"
    LAT = "LAT"
    LON = "LON"
    DESA_CODE = "DESA_CODE"
    WARNINGS = "WARNINGS"
    INSERTED = "INSERTED"
    UPDATED = "UPDATED"
    REJECTED = "REJECTED"
    PULLED = "PULLED"
    PUSHED = "PUSHED"
    CONFLICTS = "CONFLICTS"
    SUMMARY = "SUMMARY"
    FEATURES = "FEATURES"
    WITHOUT_COORDINATES = "WITHOUT_COORDINATES"
    CUT_VALUES = "CUT_VALUES"
    PACKAGE_ID = "PACKAGE_ID"
    BASE_HASH = "BASE_HASH"
    SURVEYOR = Param.SURVEYOR
    SERVICE_POINTS = "SERVICE_POINTS"
    TOWER_PLANS = "TOWER_PLANS"
