"""Names vulture cannot see being used (make lint: vulture at 60 % confidence over the plugin).

Each is called by QGIS, Qt, Python or SQL, not by our code. Anything used only by tests does
not belong here: move it to tests/support instead.
"""
# ruff: noqa: B018, F821

# QGIS loads the plugin: classFactory, then initGui / unload; the actions are kept as attributes
# so that Qt does not delete them and tests can trigger them.
classFactory
_.initGui
_.unload
_.open_action
_.register_action
_.import_action
_.sync_action
_.full_sync_action
_.conflicts_action
_.history_action
_.export_telkom_action
_.import_telkom_action
_.package_action
_.merge_action
_.dashboard_action
_.settings_action
_.help_action

# Processing calls these on providers and algorithms.
_.longName
_.versionInfo
_.loadAlgorithms
_.displayName
_.groupId
_.shortHelpString
_.helpUrl
_.createInstance
_.initAlgorithm
_.prepareAlgorithm
_.processAlgorithm
_.postProcessAlgorithm
_.preprocessParameters

# Qt calls these overrides (events, options page factory, map tool, header view).
_.createWidget
_.paintEvent
_.hasHeightForWidth
_.canvasReleaseEvent
_.eventFilter
_.section  # QStyleOptionHeader field read by the style

# Attributes read by the library they are handed to.
_.optionxform  # configparser: keep metadata.txt keys' case
_.buffer_text  # expat parser settings and callbacks (core/spreadsheet.py)
_.StartElementHandler
_.EndElementHandler
_.CharacterDataHandler
_.fieldName  # QgsPalLayerSettings (labels)
_.enabled
_.scaleVisibility
_.minimumScale
_.maximumScale
_._paser_keep  # keeps a Python wrapper alive while Qt owns the widget
_._keep  # the sync task's context, feedback and algorithm must outlive it (gui/sync_controller.py)

# Module-level __getattr__ (PEP 562): core.sync loads its exports on first use.
__getattr__

# Rows read from SQL by field name.
_.detected_at

# Table column indexes, named for every column so the table reads like its header.
_.MATCHED_BY
_.OLD
_.ROW
_.BEFORE
_.OFFICE

# The HTTP client's request counter: the sync benchmark (bench/bench_sync.py) prints it.
_.requests_made
