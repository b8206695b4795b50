"""The row vocabulary shared by every part of the core: a site as a dict, its checks, its SQL values.

A row is a dict of field name -> value for one site of one layer (core/schema.py), with the
point under the key ``GEOMETRY`` as (lon, lat) or None. The workspace store, the register,
the site import, the sync and the Telkom exchange all speak it, so it lives apart from any
of them.
"""

import uuid
from typing import Any, Dict, List, Optional

from .gazetteer import REGENCY_EXTENT, Gazetteer, default_gazetteer
from .messages import N_, Message, N_plural
from .schema import DATETIME, DESA_CODE_RE, FID_COLUMN, INTEGER, REAL, UUID_RE, LayerSchema

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
    """Problems with ``row`` for ``schema`` as :class:`Message` (render them with ``tr`` to show)."""
    gaz = gazetteer or default_gazetteer()
    layer = schema.name
    problems: List[Message] = []
    unknown = sorted(set(row) - set(schema.field_names) - {GEOMETRY, FID_COLUMN})
    if unknown:
        template = N_plural("{layer}: unknown field {fields}", "{layer}: unknown fields {fields}", len(unknown))
        problems.append(Message(template, layer=layer, fields=", ".join(unknown)))
    for field in schema.fields:
        if field.name not in row:
            if field.required and not partial:
                problems.append(Message(N_("{layer}.{field} is required"), layer=layer, field=field.name))
            continue
        value = row[field.name]
        if value is None or (isinstance(value, str) and not value.strip()):
            if field.required:
                problems.append(Message(N_("{layer}.{field} is required"), layer=layer, field=field.name))
            continue
        if field.codelist is not None and value not in field.codelist:
            problems.append(
                Message(
                    N_("{layer}.{field}: {value!r} is not one of {codes}"),
                    layer=layer,
                    field=field.name,
                    value=value,
                    codes=", ".join(field.codelist.codes),
                )
            )
        elif field.type in (INTEGER, REAL):
            try:
                number = float(value)
            except (TypeError, ValueError):
                problems.append(
                    Message(
                        N_("{layer}.{field}: {value!r} is not a number"), layer=layer, field=field.name, value=value
                    )
                )
                continue
            if number != number or number in (float("inf"), float("-inf")):
                problems.append(
                    Message(
                        N_("{layer}.{field}: {value!r} is not a finite number"),
                        layer=layer,
                        field=field.name,
                        value=value,
                    )
                )
            elif field.type == INTEGER and number != int(number):
                problems.append(
                    Message(
                        N_("{layer}.{field}: {value!r} is not a whole number"),
                        layer=layer,
                        field=field.name,
                        value=value,
                    )
                )
            elif field.name in ("accuracy_m", "height_m") and number < 0:
                problems.append(
                    Message(
                        N_("{layer}.{field}: {value!r} must not be negative"),
                        layer=layer,
                        field=field.name,
                        value=value,
                    )
                )
        elif field.width and isinstance(value, str) and len(value) > field.width:
            problems.append(
                Message(
                    N_("{layer}.{field}: longer than {width} characters"),
                    layer=layer,
                    field=field.name,
                    width=field.width,
                )
            )
    code = row.get("desa_code")
    if code and (not DESA_CODE_RE.match(str(code)) or not gaz.is_desa_code(code)):
        problems.append(
            Message(
                N_("{layer}.desa_code: {code!r} is not a desa/kelurahan code of Kabupaten Paser"),
                layer=layer,
                code=code,
            )
        )
    uid = row.get("uid")
    if uid is not None and not UUID_RE.match(str(uid)):
        problems.append(Message(N_("{layer}.uid: {uid!r} is not a lower-case UUID"), layer=layer, uid=uid))
    if GEOMETRY in row:
        problems.extend(_validate_point(schema, row[GEOMETRY]))
    elif not partial and not schema.geometry_optional:
        problems.append(Message(N_("{layer}: a point geometry is required"), layer=layer))
    return problems


def _validate_point(schema: LayerSchema, point) -> List[Message]:
    if point is None:
        return (
            []
            if schema.geometry_optional
            else [Message(N_("{layer}: a point geometry is required"), layer=schema.name)]
        )
    try:
        lon, lat = (float(v) for v in point)
    except (TypeError, ValueError):
        return [Message(N_("{layer}: geometry {point!r} is not a (lon, lat) pair"), layer=schema.name, point=point)]
    if not REGENCY_EXTENT.contains(lon, lat):
        return [
            Message(
                N_("{layer}: point lon {lon:.6f}, lat {lat:.6f} is outside Kabupaten Paser"),
                layer=schema.name,
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
        return value if isinstance(value, str) else value.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return value
