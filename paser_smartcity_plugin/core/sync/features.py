"""GeoJSON features <-> workspace rows, in the canonical value form of values.py."""

from typing import Any, Dict, List, Optional

from ..gazetteer import Gazetteer
from ..messages import N_, Message
from ..rows import GEOMETRY, fill_derived, row_problems
from ..schema import LayerSchema
from .errors import ProtocolError
from .values import canonical, canonical_datetime, canonical_point

UPDATED_AT = "updated_at"
DELETED_AT = "deleted_at"
VERSION = "version"  # the central's optimistic-locking version (central/schema.sql); not a workspace field
# Fields the merge compares (updated_at belongs to the server; uid is the key).
SKIP = ("uid", UPDATED_AT)


def merge_fields(schema: LayerSchema) -> List[str]:
    return [f.name for f in schema.fields if f.name not in SKIP] + [GEOMETRY]


def canonical_row(schema: LayerSchema, row: Dict[str, Any]) -> Dict[str, Any]:
    """A workspace row (or base) in canonical form: every field, the geometry, uid, updated_at."""
    out: Dict[str, Any] = {}
    for f in schema.fields:
        out[f.name] = canonical(f.type, row.get(f.name))
    out[GEOMETRY] = canonical_point(row.get(GEOMETRY))
    return out


def feature_to_row(schema: LayerSchema, feature: Any, gazetteer: Gazetteer) -> Dict[str, Any]:
    """The canonical row of a pulled feature, plus ``_deleted``, ``_id`` (the server's id) and
    ``_version`` (the central's version, None when the server publishes none).

    A feature the workspace could not hold (no uid, not a point, a value the schema refuses)
    stops the pull with a message naming the site and the problem.
    """
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        raise ProtocolError(Message(N_("{layer}: the server sent a feature without properties"), layer=schema.name))
    props = feature["properties"]
    uid = props.get("uid")
    if not uid:
        raise ProtocolError(
            Message(N_("{layer}: feature {id!r} from the server has no uid"), layer=schema.name, id=feature.get("id"))
        )
    geometry = feature.get("geometry")
    point = None
    if geometry is not None:
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if (
            not isinstance(geometry, dict)
            or geometry.get("type") != "Point"
            or not isinstance(coords, list)
            or len(coords) < 2
        ):
            raise ProtocolError(
                Message(N_("{layer} {uid}: the server's geometry is not a point"), layer=schema.name, uid=uid)
            )
        point = (coords[0], coords[1])
    deleted = props.get(DELETED_AT) not in (None, "")
    raw = {f.name: props.get(f.name) for f in schema.fields}
    raw[GEOMETRY] = point
    try:
        row = canonical_row(schema, raw)
    except (TypeError, ValueError) as exc:
        raise ProtocolError(
            Message(
                N_("{layer} {uid}: a value from the server cannot be read ({error})"),
                layer=schema.name,
                uid=uid,
                error=exc,
            )
        ) from None
    if row[UPDATED_AT] is None:
        raise ProtocolError(
            Message(
                N_(
                    "{layer} {uid}: the server sent no updated_at; the central tables must "
                    "maintain it (see central/schema.sql)"
                ),
                layer=schema.name,
                uid=uid,
            )
        )
    # As the workspace will hold it: a central row written without the derived desa_name and
    # kecamatan would otherwise differ from its local copy at every sync.
    fill_derived(row, gazetteer)
    if not deleted:
        problems = row_problems(schema, row, gazetteer)
        if problems:
            raise ProtocolError(
                Message(N_("central site {uid}: {problem}"), uid=uid, problem=problems[0]), *problems[1:]
            )
    row["_deleted"] = deleted
    row["_id"] = feature.get("id")
    row["_version"] = feature_version(props)
    return row


def feature_version(props: Dict[str, Any]) -> Optional[int]:
    """The central version a feature carries (an integer), or None."""
    value = props.get(VERSION)
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number == value or str(number) == str(value).strip() else None


def row_to_feature(schema: LayerSchema, row: Dict[str, Any]) -> Dict[str, Any]:
    """The GeoJSON feature pushed for a workspace row (updated_at is the server's business)."""
    props = {}
    for f in schema.fields:
        if f.name == UPDATED_AT:
            continue
        value = row.get(f.name)
        props[f.name] = canonical_datetime(value) if f.type == "DATETIME" and value else value
    point = row.get(GEOMETRY)
    geometry = {"type": "Point", "coordinates": [point[0], point[1]]} if point else None
    return {"type": "Feature", "geometry": geometry, "properties": props}


def differences(schema: LayerSchema, a: Optional[Dict[str, Any]], b: Optional[Dict[str, Any]]) -> List[str]:
    """Merge fields whose canonical values differ between two canonical rows."""
    if a is None or b is None:
        return merge_fields(schema)
    return [f for f in merge_fields(schema) if a.get(f) != b.get(f)]
