"""The row vocabulary shared by every part of the core: a site as a dict, its checks, its SQL values.

A row is a dict of field name -> value for one site of one layer (core/schema.py), with the
point under the key ``GEOMETRY`` as (lon, lat) or None. The workspace store, the register,
the site import, the sync and the Telkom exchange all speak it, so it lives apart from any
of them.
"""

import uuid
from typing import Any, Dict, List, Optional

from . import timestamps
from .gazetteer import REGENCY_EXTENT, Gazetteer, default_gazetteer
from .messages import N_, Message, N_plural
from .rules import layer_rules, value_problem
from .schema import DATETIME, FID_COLUMN, INTEGER, REAL, LayerSchema

# Geometry travels in a row dict under this key, as (lon, lat) or None.
GEOMETRY = "geometry"

Row = Dict[str, Any]

# Derived from desa_code through the gazetteer (see fill_derived).
DERIVED_FIELDS = ("desa_name", "kecamatan")


def new_uid() -> str:
    return str(uuid.uuid4())


def row_problems(
    schema: LayerSchema, row: Row, gazetteer: Optional[Gazetteer] = None, partial: bool = False
) -> List[Message]:
    """Problems with ``row`` for ``schema`` as :class:`Message` (render them with ``tr`` to show).

    The field rules are core/rules.py's, the same the GeoPackage's triggers and the QGIS form
    enforce; ``partial`` (the changed values of an update) leaves out the fields not given.
    """
    gaz = gazetteer or default_gazetteer()
    problems: List[Message] = []
    unknown = sorted(set(row) - set(schema.field_names) - {GEOMETRY, FID_COLUMN})
    if unknown:
        template = N_plural("{layer}: unknown field {fields}", "{layer}: unknown fields {fields}", len(unknown))
        problems.append(Message(template, layer=schema.title_text, fields=", ".join(unknown)))
    rules = layer_rules(schema, gaz)
    for field in schema.fields:
        field_rules = rules.get(field.name, ())
        if field.name in row:
            problem = value_problem(field_rules, row[field.name])
        elif field.required and not partial:
            problem = value_problem(field_rules, None)
        else:
            continue
        if problem is not None:
            problems.append(problem)
    if GEOMETRY in row:
        problems.extend(_validate_point(schema, row[GEOMETRY]))
    elif not partial and not schema.geometry_optional:
        problems.append(Message(N_("{layer}: a point geometry is required"), layer=schema.title_text))
    return problems


def _validate_point(schema: LayerSchema, point) -> List[Message]:
    if point is None:
        return (
            []
            if schema.geometry_optional
            else [Message(N_("{layer}: a point geometry is required"), layer=schema.title_text)]
        )
    try:
        lon, lat = (float(v) for v in point)
    except (TypeError, ValueError):
        return [
            Message(N_("{layer}: geometry {point!r} is not a (lon, lat) pair"), layer=schema.title_text, point=point)
        ]
    if not REGENCY_EXTENT.contains(lon, lat):
        return [
            Message(
                N_("{layer}: point lon {lon:.6f}, lat {lat:.6f} is outside Kabupaten Paser"),
                layer=schema.title_text,
                lon=lon,
                lat=lat,
            )
        ]
    return []


def fill_derived(row: Row, gazetteer: Gazetteer) -> Row:
    """Fill desa_name and kecamatan from the desa code wherever they are absent or blank.

    The one rule for the derived names, the same as the workspace's trigger applies to any
    writer (core/integrity.py): a row (or the changed values of an update) that sets a known
    desa code and leaves a derived name out or blank gets it from the gazetteer; a name the
    writer gave is kept. Returns the same dict.
    """
    desa = gazetteer.desa_by_code(row.get("desa_code") or "")
    if desa is not None:
        for name, value in zip(DERIVED_FIELDS, (desa.name, desa.kecamatan)):
            if not str(row.get(name) or "").strip():
                row[name] = value
    return row


def complete_row(row: Row, gazetteer: Gazetteer) -> Row:
    """A copy of a new row with its derived names (fill_derived) and, when it has none, a key."""
    out = fill_derived(dict(row), gazetteer)
    if not out.get("uid"):
        out["uid"] = new_uid()
    return out


def sql_value(field_type: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip() and field_type != "TEXT"):
        return None
    if field_type == INTEGER:
        return int(float(value))
    if field_type == REAL:
        return float(value)
    if field_type == DATETIME:
        return value if isinstance(value, str) else timestamps.format_iso(value)
    return value
