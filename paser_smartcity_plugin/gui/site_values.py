"""How the preview dialogs (Telkom import, field-package merge) show a site's values: a code
as its label, a desa code with its name, a point as "lon, lat", a time in WITA, a field by
its label."""

from typing import Any, Optional

from ..core.codelists import CodeList
from ..core.gazetteer import default_gazetteer
from ..core.schema import DATETIME, LAYER_NAMES, layer_schema
from ..toolbelt.i18n import tr
from ..toolbelt.regency_time import regency_text


def codelist(layer: str, field: str) -> Optional[CodeList]:
    schema = layer_schema(layer) if layer in LAYER_NAMES else None
    return schema.field(field).codelist if schema is not None and field in schema.field_names else None


def value_text(layer: str, field: str, value: Any, lang: str) -> str:
    """A value as the officer reads it, in ``lang``."""
    if value is None:
        return ""
    if isinstance(value, (tuple, list)) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
        return f"{value[0]:.6f}, {value[1]:.6f}"
    codes = codelist(layer, field)
    if codes is not None and value in codes:
        return codes.label(value, lang)
    schema = layer_schema(layer) if layer in LAYER_NAMES else None
    if schema is not None and field in schema.field_names and schema.field(field).type == DATETIME:
        return regency_text(value)
    if field == "desa_code":
        desa = default_gazetteer().desa_by_code(str(value))
        return f"{desa.name} ({value})" if desa else str(value)
    return str(value)


def field_label(layer: str, field: str, lang: str) -> str:
    schema = layer_schema(layer) if layer in LAYER_NAMES else None
    if schema is not None and field in schema.field_names:
        return schema.field(field).label(lang)
    return tr("Position") if field == "geometry" else field
