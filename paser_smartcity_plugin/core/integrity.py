"""The workspace's rules, enforced by the GeoPackage itself.

The plugin validates every row before it writes (``rows.row_problems``), and the QGIS
form has constraints, but the attribute table, QField, a plain SQL client or any other
GeoPackage writer do not pass through either. BEFORE INSERT/UPDATE triggers refuse the rows
that would break the programme's data — an empty name, a desa code that is not one of
Kabupaten Paser's, a status, category or coordinate code outside its code list — with
``RAISE(ABORT, …)``: the statement fails with a message naming the field and, as SQLite
aborts the statement, nothing of it is written (QGIS's commitChanges reports the message).

An update is checked only for the fields it changes: a row written before these rules
existed can still be edited elsewhere, and can be repaired.

desa_name and kecamatan are derived from the desa code. A writer that leaves them empty (a
QGIS default expression that failed, a QField form without the defaults, SQL) gets them
filled from the gazetteer after the write, so they are never blank for a known code.
"""

import sqlite3
from typing import FrozenSet, List, Optional, Tuple

from . import gpkg
from .gazetteer import Gazetteer, default_gazetteer
from .schema import FID_COLUMN, LAYERS, LayerSchema


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _rules(schema: LayerSchema, gazetteer: Gazetteer) -> List[Tuple[str, str, str]]:
    """(field, SQL condition on NEW that is true for a bad value, message)."""
    t = schema.name
    rules = [("name", "NEW.name IS NULL OR trim(NEW.name) = ''", f"{t}.name is required (it is empty)")]
    codes = ", ".join(_quote(d.code) for d in gazetteer.desa)
    rules.append(
        (
            "desa_code",
            f"NEW.desa_code IS NULL OR NEW.desa_code NOT IN ({codes})",
            f"{t}.desa_code is not a desa/kelurahan code of Kabupaten Paser",
        )
    )
    for field in schema.fields:
        if field.codelist is None:
            continue
        listed = ", ".join(_quote(c) for c in field.codelist.codes)
        message = f"{t}.{field.name} must be one of {', '.join(field.codelist.codes)}"
        if field.required:
            rules.append((field.name, f"NEW.{field.name} IS NULL OR NEW.{field.name} NOT IN ({listed})", message))
        else:  # optional: empty is allowed, as in rows.row_problems
            rules.append(
                (
                    field.name,
                    f"trim(coalesce(NEW.{field.name}, '')) <> '' AND NEW.{field.name} NOT IN ({listed})",
                    message,
                )
            )
    return rules


def enforced_fields(schema: LayerSchema, gazetteer: Optional[Gazetteer] = None) -> FrozenSet[str]:
    """The fields whose bad values the triggers refuse: a write carrying one is not saved."""
    return frozenset(field for field, _, _ in _rules(schema, gazetteer or default_gazetteer()))


def trigger_names(schema: LayerSchema) -> List[str]:
    t = schema.name
    return [f"{t}_check_insert", f"{t}_check_update", f"{t}_fill_desa_insert", f"{t}_fill_desa_update"]


def _blank(column: str) -> str:
    return f"trim(coalesce(NEW.{column}, '')) = ''"


def _fill_ddl(schema: LayerSchema, gazetteer: Gazetteer, event: str, name: str) -> str:
    t = schema.name
    names = " ".join(f"WHEN {_quote(d.code)} THEN {_quote(d.name)}" for d in gazetteer.desa)
    kecamatan = " ".join(f"WHEN {_quote(d.code)} THEN {_quote(d.kecamatan)}" for d in gazetteer.desa)
    # Only for a known code: GDAL turns recursive triggers on, and a fill that leaves the
    # field blank would fire itself again.
    codes = ", ".join(_quote(d.code) for d in gazetteer.desa)
    return f"""
CREATE TRIGGER "{name}" AFTER {event} ON "{t}"
  WHEN ({_blank("desa_name")} OR {_blank("kecamatan")}) AND NEW.desa_code IN ({codes})
BEGIN UPDATE "{t}" SET
  desa_name = CASE WHEN trim(coalesce(desa_name, '')) = '' THEN CASE desa_code {names} ELSE desa_name END
              ELSE desa_name END,
  kecamatan = CASE WHEN trim(coalesce(kecamatan, '')) = '' THEN CASE desa_code {kecamatan} ELSE kecamatan END
              ELSE kecamatan END
  WHERE {FID_COLUMN} = NEW.{FID_COLUMN}; END;
"""


def trigger_ddl(schema: LayerSchema, gazetteer: Gazetteer) -> str:
    t = schema.name
    rules = _rules(schema, gazetteer)
    on_insert = " ".join(f"WHEN {condition} THEN RAISE(ABORT, {_quote(message)})" for _, condition, message in rules)
    on_update = " ".join(
        f"WHEN NEW.{field} IS NOT OLD.{field} AND ({condition}) THEN RAISE(ABORT, {_quote(message)})"
        for field, condition, message in rules
    )
    insert_name, update_name, fill_insert, fill_update = trigger_names(schema)
    return (
        f"""
CREATE TRIGGER "{insert_name}" BEFORE INSERT ON "{t}"
BEGIN SELECT CASE {on_insert} END; END;
CREATE TRIGGER "{update_name}" BEFORE UPDATE ON "{t}"
BEGIN SELECT CASE {on_update} END; END;
"""
        + _fill_ddl(schema, gazetteer, "INSERT", fill_insert)
        + _fill_ddl(schema, gazetteer, "UPDATE", fill_update)
    )


def install(conn: sqlite3.Connection, gazetteer: Optional[Gazetteer] = None) -> None:
    """Create (or re-create, e.g. for a newer gazetteer) the checks on both layers, in the
    caller's transaction."""
    gaz = gazetteer or default_gazetteer()
    for schema in LAYERS.values():
        for name in trigger_names(schema):
            conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
        gpkg.execute_script(conn, trigger_ddl(schema, gaz))
