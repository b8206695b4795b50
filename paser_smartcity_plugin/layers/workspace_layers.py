"""The workspace as QGIS layers: styled by status, labelled, with forms driven by core.schema."""

import os
from typing import Dict, Iterable, List, Optional, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsFeatureRequest,
    QgsField,
    QgsFieldConstraints,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPathResolver,
    QgsProject,
    QgsProperty,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSimpleMarkerSymbolLayer,
    QgsSimpleMarkerSymbolLayerBase,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsSymbolLayerUtils,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor, QFontMetrics, QGuiApplication

from ..core.codelists import CATEGORY, CIRCLE, DARK_GLYPH, DIAMOND, SQUARE, Code, CodeList
from ..core.gazetteer import default_gazetteer
from ..core.integrity import enforced_fields
from ..core.rows import row_problems
from ..core.rules import layer_rules, qgis_constraint
from ..core.schema import DATETIME, FID_COLUMN, LAYER_NAMES, SERVICE_POINTS, TOWER_PLANS, LayerSchema, layer_schema
from ..toolbelt.i18n import language, tr, tr_message
from ..toolbelt.logger import CRITICAL, WARNING, Logger
from ..toolbelt.regency_time import OFFSET_S, ZONE_LABEL

GROUP_NAME = "Paser Smart City"
# Custom property that marks our layers, so they are found again whatever the officer renames.
LAYER_PROPERTY = "paser_smartcity/layer"

# Icons from QGIS's own SVG library, referenced by relative name: a saved project then
# renders on any QGIS install, with or without this plugin.
CATEGORY_ICONS = {
    "opd": "symbol/poi_embassy.svg",
    "desa": "symbol/poi_place_village.svg",
    "puskesmas": "health/health_doctors.svg",
    "kantor_kecamatan": "symbol/poi_boundary_administrative.svg",
    "uptd": "gpsicons/city_building.svg",
    "sekolah": "symbol/education_school.svg",
}
TOWER_ICON = "symbol/poi_tower_communications.svg"


def layer_uri(path: str, layer: str) -> str:
    return f"{path}|layername={layer}"


FALLBACK_ICON = "symbol/poi_point_of_interest.svg"
# Marker design: a shape in the status colour (core/codelists.py: colour-blind-safe colours,
# and a shape per stage) with a dark rim — legible on white paper, on imagery and on OSM
# alike — carrying the category glyph in white or near-black, whichever reads better on it.
MARKER_OUTLINE = "#1a1a1a"
SERVICE_POINT_SIZE = 6.0  # mm: the marker; the glyph is GLYPH_RATIO of it
TOWER_SIZE = 8.0
GLYPH_RATIO = 0.65
# QGIS's shape for each of core's shape names, and a size factor that gives them the same weight
SHAPES = {
    CIRCLE: (QgsSimpleMarkerSymbolLayerBase.Circle, 1.0),
    SQUARE: (QgsSimpleMarkerSymbolLayerBase.Square, 0.9),
    DIAMOND: (QgsSimpleMarkerSymbolLayerBase.Diamond, 1.25),
}


def _shape(code: Code, size: float) -> QgsSimpleMarkerSymbolLayer:
    shape, factor = SHAPES[code.shape]
    layer = QgsSimpleMarkerSymbolLayer(shape, size * factor)
    layer.setColor(QColor(code.color))
    layer.setStrokeColor(QColor(MARKER_OUTLINE))
    layer.setStrokeWidth(0.4)
    return layer


def _glyph(svg_name: str, size: float, color: str) -> QgsSvgMarkerSymbolLayer:
    # The constructor takes a file path, not a library name ("symbol/x.svg" would be looked
    # up in the working directory and draw a "?"); a saved project still stores the name.
    glyph = QgsSvgMarkerSymbolLayer(
        QgsSymbolLayerUtils.svgSymbolNameToPath(svg_name, QgsPathResolver()), size * GLYPH_RATIO
    )
    glyph.setFillColor(QColor(color))
    glyph.setStrokeColor(QColor(color))
    glyph.setStrokeWidth(0.1)
    return glyph


def _marker(code: Code, svg_name: str, size: float) -> QgsMarkerSymbol:
    """The status shape with the glyph on it (a tower)."""
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, _shape(code, size))
    symbol.appendSymbolLayer(_glyph(svg_name, size, code.glyph_color))
    return symbol


def glyph_color_expression(codes: CodeList) -> str:
    """QGIS expression: the glyph colour that reads on the marker of "status" (near-black else)."""
    pairs = ", ".join(
        f"{QgsExpression.quotedString(code.code)}, {QgsExpression.quotedString(code.glyph_color)}" for code in codes
    )
    return f'coalesce(map_get(map({pairs}), "status"), {QgsExpression.quotedString(DARK_GLYPH)})'


def _status_symbol(code: Code, size: float) -> QgsMarkerSymbol:
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, _shape(code, size))
    return symbol


def _category_symbol(svg_name: str, size: float, codes: CodeList) -> QgsMarkerSymbol:
    """The glyph alone, drawn over the status marker; near-black in the legend (on white)."""
    glyph = _glyph(svg_name, size, DARK_GLYPH)
    colour = QgsProperty.fromExpression(glyph_color_expression(codes))
    glyph.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, colour)
    glyph.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeColor, colour)
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, glyph)
    return symbol


def _renderer(schema: LayerSchema):
    return _service_point_renderer(schema) if schema.name == SERVICE_POINTS else _tower_renderer(schema)


def _tower_renderer(schema: LayerSchema) -> QgsCategorizedSymbolRenderer:
    lang = language()
    categories: List[QgsRendererCategory] = [
        QgsRendererCategory(code.code, _marker(code, TOWER_ICON, TOWER_SIZE), code.label(lang), True)
        for code in schema.status_codes
    ]
    return QgsCategorizedSymbolRenderer("status", categories)


def _service_point_renderer(schema: LayerSchema) -> QgsRuleBasedRenderer:
    """Two levels, so the legend explains both: the status (the marker) and the category (its glyph).

    Every point matches one rule of each group: its status draws the coloured shape, its
    category the glyph on top (rule order), coloured for the shape under it.
    """
    lang = language()
    root = QgsRuleBasedRenderer.Rule(None)
    statuses = QgsRuleBasedRenderer.Rule(None, 0, 0, "", schema.field("status").label(lang))
    for code in schema.status_codes:
        statuses.appendChild(
            QgsRuleBasedRenderer.Rule(
                _status_symbol(code, SERVICE_POINT_SIZE),
                0,
                0,
                f'"status" = {QgsExpression.quotedString(code.code)}',
                code.label(lang),
            )
        )
    categories = QgsRuleBasedRenderer.Rule(None, 0, 0, "", schema.field("category").label(lang))
    for code in CATEGORY:
        symbol = _category_symbol(CATEGORY_ICONS[code.code], SERVICE_POINT_SIZE, schema.status_codes)
        categories.appendChild(
            QgsRuleBasedRenderer.Rule(
                symbol, 0, 0, f'"category" = {QgsExpression.quotedString(code.code)}', code.label(lang)
            )
        )
    other = _category_symbol(FALLBACK_ICON, SERVICE_POINT_SIZE, schema.status_codes)
    # an explicit filter rather than an ELSE rule: symbolsForFeature (identify, legend counts)
    # ignores ELSE and would give every point two glyphs
    known = ", ".join(QgsExpression.quotedString(code) for code in CATEGORY.codes)
    others = f'"category" IS NULL OR "category" NOT IN ({known})'
    categories.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, others, tr("Other or no category")))
    root.appendChild(statuses)
    root.appendChild(categories)
    return QgsRuleBasedRenderer(root)


def buffered_labels(
    field_name: str, size: float, buffer_mm: float, visible_from_scale: float = 0, text_format=None, dist: float = 0
) -> QgsVectorLayerSimpleLabeling:
    """Labels of ``field_name`` with a white halo (legible on imagery and on paper); shown only
    from ``visible_from_scale`` in when given. ``text_format``: a QgsTextFormat to start from;
    ``dist``: mm between a point and its label."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field_name
    settings.enabled = True
    settings.dist = dist
    fmt = text_format or QgsTextFormat()
    fmt.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(buffer_mm)
    buffer.setColor(QColor("#ffffff"))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    if visible_from_scale:
        settings.scaleVisibility = True
        settings.minimumScale = visible_from_scale
        settings.maximumScale = 0
    return QgsVectorLayerSimpleLabeling(settings)


def _labeling(schema: LayerSchema) -> QgsVectorLayerSimpleLabeling:
    # 154+ service point labels at regency scale are unreadable: show them from 1:150 000 in.
    points = schema.name == SERVICE_POINTS
    return buffered_labels("name", 8 if points else 9, 0.8, 150000 if points else 0, dist=1.5)


def desa_value_map() -> List[Dict[str, str]]:
    """Drop-down entries for desa_code: "Belimbing (Long Ikis) — 64.01.06.2012" -> code."""
    return [{f"{d.display_name} — {d.code}": d.code} for d in sorted(default_gazetteer().desa, key=lambda d: d.name)]


def _set_constraints(layer: QgsVectorLayer, index: int, field, rules) -> None:
    """The field's rules (core/rules.py, the ones the GeoPackage's triggers enforce) as QGIS
    constraints of hard strength: the form marks a bad value with the rule in words and
    does not save it."""
    hard = QgsFieldConstraints.ConstraintStrengthHard
    if field.required:
        layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintNotNull, hard)
    expression, words = qgis_constraint(rules)
    if expression is None:
        return
    layer.setConstraintExpression(index, expression, "; ".join(tr_message(w) for w in words))
    layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintExpression, hard)


def _configure_form(layer: QgsVectorLayer, schema: LayerSchema) -> None:
    lang = language()
    rules = layer_rules(schema)
    fields = layer.fields()
    for field in schema.fields:
        index = fields.indexOf(field.name)
        if index < 0:
            continue
        layer.setFieldAlias(index, field.label(lang))
        if field.codelist is not None:
            mapping = [{code.label(lang): code.code} for code in field.codelist]
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": mapping}))
        elif field.name == "desa_code":
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": desa_value_map()}))
        elif field.type == DATETIME:
            layer.setEditorWidgetSetup(
                index,
                QgsEditorWidgetSetup(
                    "DateTime",
                    {
                        "field_format": "yyyy-MM-ddTHH:mm:ss.zzzZ",
                        "display_format": UTC_DISPLAY_FORMAT,
                        "calendar_popup": True,
                        "allow_null": True,
                    },
                ),
            )
        _set_constraints(layer, index, field, rules.get(field.name, ()))
    # The keys are made for the officer and never edited (the fid is the GeoPackage's);
    # updated_at is kept by the workspace; desa_name/kecamatan follow the desa code.
    config = layer.editFormConfig()
    for name in (FID_COLUMN, "uid", "updated_at", "desa_name", "kecamatan"):
        if fields.indexOf(name) >= 0:
            config.setReadOnly(fields.indexOf(name), True)
    layer.setEditFormConfig(config)
    _set_column_widths(layer, schema)
    layer.setDefaultValueDefinition(fields.indexOf("uid"), QgsDefaultValue("uuid('WithoutBraces')"))
    # desa_name and kecamatan follow the chosen desa code (re-evaluated on every edit).
    for name, attr in GAZETTEER_DEFAULTS.items():
        layer.setDefaultValueDefinition(
            fields.indexOf(name), QgsDefaultValue(gazetteer_default_expression(name, attr), True)
        )


# Stored times are UTC; QGIS 3.22's date/time widget shows a value's own clock (it cannot
# shift it to another zone), so the column says it is UTC, and a virtual column next to it
# gives the regency's time (WITA) for the officer.
UTC_DISPLAY_FORMAT = "yyyy-MM-dd HH:mm 'UTC'"
REGENCY_TIME_FIELDS = {"surveyed_at": "surveyed_at_wita"}


def regency_time_expression(field: str) -> str:
    """QGIS expression: the UTC time of ``field`` as the regency's wall-clock time (WITA, UTC+8)."""
    hours = OFFSET_S // 3600
    return f"format_date(\"{field}\" + make_interval(hours:={hours}), 'yyyy-MM-dd HH:mm')"


def add_regency_time_fields(layer: QgsVectorLayer, schema: LayerSchema) -> None:
    """A read-only virtual column "… (WITA)" after each UTC time the officer reads; nothing is stored."""
    lang = language()
    fields = layer.fields()
    for name, virtual in REGENCY_TIME_FIELDS.items():
        if fields.indexOf(name) < 0 or fields.indexOf(virtual) >= 0:
            continue
        label = schema.field(name).label(lang)
        field = QgsField(fields.field("name"))  # a text field, whatever Qt's type enums are called
        field.setName(virtual)
        index = layer.addExpressionField(regency_time_expression(name), field)
        layer.setFieldAlias(index, f"{label} ({ZONE_LABEL})")
    # the virtual column right after its stored one in the attribute table
    config = layer.attributeTableConfig()
    config.update(layer.fields())  # the new columns join the table's list
    columns = config.columns()
    for name, virtual in REGENCY_TIME_FIELDS.items():
        names = [column.name for column in columns]
        if name in names and virtual in names:
            column = columns.pop(names.index(virtual))
            columns.insert(names.index(name) + 1, column)
    config.setColumns(columns)
    layer.setAttributeTableConfig(config)


# Derived field -> attribute of the gazetteer's Desa it holds.
GAZETTEER_DEFAULTS = {"desa_name": "name", "kecamatan": "kecamatan"}


def gazetteer_default_expression(field: str, attr: str) -> str:
    """QGIS expression giving ``field`` from "desa_code" via the gazetteer.

    QGIS expressions only know the searched form ``CASE WHEN cond THEN``; the simple form
    ``CASE "desa_code" WHEN …`` does not parse, and a default that does not parse evaluates
    to NULL — with apply-on-update that blanked the field on every edit. A lookup map is
    one parse of 144 pairs; an unknown code keeps the value already there instead of NULL.
    """
    pairs = ", ".join(
        f"{QgsExpression.quotedString(d.code)}, {QgsExpression.quotedString(getattr(d, attr))}"
        for d in default_gazetteer().desa
    )
    return f'coalesce(map_get(map({pairs}), "desa_code"), "{field}")'


def _column_width(texts: Iterable[str]) -> int:
    """Pixels that show the longest of ``texts`` in the table font, with cell padding."""
    metrics = QFontMetrics(QGuiApplication.font())
    return max(80, min(400, max(metrics.horizontalAdvance(text) for text in texts) + 24))


def column_widths(schema: LayerSchema) -> Dict[str, int]:
    """Attribute-table widths that show whole values: the table's automatic width cut the
    status labels to "Coordinates …"."""
    sample = "n" * 26  # a long site name
    widths = {
        "name": _column_width([sample]),
        "notes": _column_width([sample]),
        "uid": _column_width(["0123abcd-4567-4890-abcd-ef0123456789"]),
    }
    for field in schema.fields:
        if field.codelist is not None:
            widths[field.name] = _column_width(
                [code.label(lang) for code in field.codelist for lang in ("en", "id")] + [field.en, field.id]
            )
        elif field.type == DATETIME:
            widths[field.name] = _column_width(["2026-12-31 23:59"])
    widths["desa_code"] = _column_width(next(iter(entry)) for entry in desa_value_map())
    return widths


def _set_column_widths(layer: QgsVectorLayer, schema: LayerSchema) -> None:
    widths = column_widths(schema)
    config = layer.attributeTableConfig()
    columns = config.columns()
    for column in columns:
        if column.name in widths:
            column.width = widths[column.name]
    config.setColumns(columns)
    layer.setAttributeTableConfig(config)


def _plain(value):
    """A value of the edit buffer as Python: QGIS's NULL (a null QVariant) is None."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def _site(*names) -> str:
    """How a message names a site: the first of its names (edited, saved) or uid that is set."""
    return next((str(n).strip() for n in names if n is not None and str(n).strip()), "") or tr("a new site")


def edit_problems(layer: QgsVectorLayer) -> List[Tuple[bool, str]]:
    """What is wrong with the layer's unsaved edits, as (refused by the workspace, message).

    Validated with core's rules (``row_problems``, one field at a time as an update is), on
    the changed values of saved sites and on the new sites; each message names the site (its
    name, else its uid), the field by its label and the value, in the officer's language.
    """
    buffer = layer.editBuffer()
    name = layer.customProperty(LAYER_PROPERTY)
    if buffer is None or name not in LAYER_NAMES:
        return []
    schema = layer_schema(name)
    enforced = enforced_fields(schema)
    fields = layer.fields()
    edits = []  # (the site's name or uid, values after the edit, changed field names)
    for fid, values in buffer.changedAttributeValues().items():
        edited = layer.getFeature(fid)  # through the edit buffer: the values as they would be saved
        row = {f.name(): _plain(edited.attribute(i)) for i, f in enumerate(fields)}
        saved = next(layer.dataProvider().getFeatures(QgsFeatureRequest(fid)), None)
        saved_name = _plain(saved.attribute(fields.indexOf("name"))) if saved is not None else None
        edits.append((_site(row.get("name"), saved_name, row.get("uid")), row, [fields.at(i).name() for i in values]))
    for feature in buffer.addedFeatures().values():
        row = {f.name(): _plain(feature.attribute(i)) for i, f in enumerate(fields)}
        edits.append((_site(row.get("name"), row.get("uid")), row, list(row)))
    problems: List[Tuple[bool, str]] = []
    for site, row, changed in edits:
        for field_name in changed:
            if field_name not in schema.field_names:
                continue
            for problem in row_problems(schema, {field_name: row.get(field_name)}, partial=True):
                # the problem names the field by its label, and the value (core/rules.py)
                template = (
                    tr("Not saved: {site}: {problem}") if field_name in enforced else tr("Check {site}: {problem}")
                )
                problems.append((field_name in enforced, template.format(site=site, problem=tr_message(problem))))
    return problems


def report_edit_problems(layer: QgsVectorLayer, logger: Optional[Logger] = None) -> List[Tuple[bool, str]]:
    """Before QGIS commits: tell the officer in their language what the workspace will refuse.

    The GeoPackage's triggers (core/integrity.py) still stop the write; QGIS would only show
    their raw English error behind "1 more". The first problem goes to the message bar, all of
    them to its Details.
    """
    problems = edit_problems(layer)
    if not problems:
        return problems
    if logger is None:
        from qgis.utils import iface

        logger = Logger(iface)
    refused = any(r for r, _ in problems)
    first = next(text for r, text in problems if r == refused)
    message = (
        first
        if len(problems) == 1
        else tr("{problem} (and {count} more)").format(problem=first, count=len(problems) - 1)
    )
    logger.log(
        message,
        CRITICAL if refused else WARNING,
        push=True,
        details="\n".join(text for _, text in problems) if len(problems) > 1 else "",
    )
    return problems


# QObject property marking a layer whose commits are checked (once, however often it is added).
EDIT_CHECKS_PROPERTY = "paser_smartcity_edit_checks"


def watch_edits(layer: QgsVectorLayer) -> None:
    """Check the edits of one of our layers before each commit (see report_edit_problems)."""
    if layer.property(EDIT_CHECKS_PROPERTY):
        return
    layer.setProperty(EDIT_CHECKS_PROPERTY, True)
    layer.beforeCommitChanges.connect(lambda *_: _report_guarded(layer))


def _report_guarded(layer: QgsVectorLayer) -> None:
    # A slot of QGIS's commit: a failure here must not become Python's error dialog mid-save.
    try:
        report_edit_problems(layer)
    except Exception as exc:  # noqa: BLE001 - the commit goes on, the triggers still guard the file
        Logger().log(tr("Cannot check the edits before saving: {error}").format(error=exc), WARNING)


def watch_project_layers(layers: Iterable) -> None:
    """Check the edits of our layers however they came into the project (a saved project too)."""
    for layer in layers:
        if isinstance(layer, QgsVectorLayer) and layer.customProperty(LAYER_PROPERTY) in LAYER_NAMES:
            watch_edits(layer)


PHOTO_FIELD = "photo"


def configure_photo_widget(layer: QgsVectorLayer, root: Optional[str] = None) -> None:
    """The photo field as QGIS's attachment widget (ExternalResource: a file picker and an image
    viewer), which QField shows with its camera and gallery buttons.

    ``root`` None: paths are stored relative to the project (a field package: ``DCIM/…jpg``);
    a folder: relative to it (the workspace's folder, where merged photos are kept).
    """
    index = layer.fields().indexOf(PHOTO_FIELD)
    if index < 0:
        return
    config = {
        "DocumentViewer": 1,  # QgsExternalResourceWidget.Image
        "DocumentViewerHeight": 0,
        "DocumentViewerWidth": 0,
        "FileWidget": True,
        "FileWidgetButton": True,
        "FileWidgetFilter": "Images (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)",
        "RelativeStorage": 1 if root is None else 2,  # QgsFileWidget.RelativeProject / RelativeDefaultPath
        "StorageMode": 0,  # QgsFileWidget.GetFile
        "PropertyCollection": {"name": None, "properties": {}, "type": "collection"},
    }
    if root is not None:
        config["DefaultRoot"] = root
    layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ExternalResource", config))


def make_layer(path: str, layer_name: str) -> QgsVectorLayer:
    schema = layer_schema(layer_name)
    layer = QgsVectorLayer(layer_uri(path, layer_name), schema.title(language()), "ogr")
    if not layer.isValid():
        raise RuntimeError(tr("Cannot open layer {layer} of {path}").format(layer=layer_name, path=path))
    layer.setCustomProperty(LAYER_PROPERTY, layer_name)
    layer.setRenderer(_renderer(schema))
    layer.setLabeling(_labeling(schema))
    layer.setLabelsEnabled(True)
    layer.setDisplayExpression('"name"')
    _configure_form(layer, schema)
    add_regency_time_fields(layer, schema)
    configure_photo_widget(layer, os.path.dirname(os.path.abspath(path)))
    watch_edits(layer)
    return layer


def find_layers(project: QgsProject, path: Optional[str] = None) -> Dict[str, QgsVectorLayer]:
    """Our layers already in the project (of the workspace ``path`` when given)."""
    found: Dict[str, QgsVectorLayer] = {}
    for layer in project.mapLayers().values():
        name = layer.customProperty(LAYER_PROPERTY)
        if name in LAYER_NAMES and isinstance(layer, QgsVectorLayer):
            if path is None or layer.source().split("|")[0] == path:
                found[name] = layer
    return found


def reload_workspace_layers(path: str, project: Optional[QgsProject] = None) -> None:
    """After the workspace file was written outside the layers (an algorithm, an import, a sync,
    a merge): its layers in the project read the file again and repaint, and whoever shows the
    workspace's figures (the dashboard) hears of it — also when no layer of it is open.

    Main thread only (layers and signals): tasks call it from their finished handler.
    """
    from ..toolbelt.events import notify_workspace_changed

    for layer in find_layers(project or QgsProject.instance(), path).values():
        # QgsVectorLayer.reload() re-reads the provider (reloadData) and its fields: a schema
        # upgrade may have added a column since the layer was opened.
        layer.reload()
        layer.triggerRepaint()
    notify_workspace_changed(path)


def add_workspace_layers(path: str, project: Optional[QgsProject] = None) -> Dict[str, QgsVectorLayer]:
    """Add both layers in a group on top of the layer tree; layers already there are reused.

    With them come the desa and kecamatan outlines shipped with the plugin, below the sites
    (layers/reference_layers.py), unless the project already has them.
    """
    from .reference_layers import add_reference_layers

    project = project or QgsProject.instance()
    existing = find_layers(project, path)
    if len(existing) == len(LAYER_NAMES):
        return existing
    root = project.layerTreeRoot()
    group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
    layers = dict(existing)
    # Towers on top of service points: they are fewer and larger.
    for name in (TOWER_PLANS, SERVICE_POINTS):
        if name in layers:
            continue
        layer = make_layer(path, name)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[name] = layer
    add_reference_layers(group, project)
    return layers
