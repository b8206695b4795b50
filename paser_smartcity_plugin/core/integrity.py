"""The workspace's rules, enforced by the GeoPackage itself.

The plugin validates every row before it writes (``rows.row_problems``), and the QGIS
form has constraints, but the attribute table, QField, a plain SQL client or any other
GeoPackage writer do not pass through either. BEFORE INSERT/UPDATE triggers refuse the rows
that would break the programme's data — every rule of core/rules.py, made from the schema:
a required field left empty, a value outside its code list, a desa code that is not one of
Kabupaten Paser's, a number outside its range or not a number, a text longer than its
width, a key that is not a UUID — with ``RAISE(ABORT, …)``: the statement fails with the
rule in Indonesian and English, naming the field by its label, and, as SQLite aborts the
statement, nothing of it is written (QGIS's commitChanges reports the message).

An update is checked only for the fields it changes: a row written before these rules
existed can still be edited elsewhere, and can be repaired.

desa_name and kecamatan are derived from the desa code (the rule of rows.fill_derived): a
writer that leaves them empty (a QGIS default expression that failed, a QField form without
the defaults, SQL), or that changes the desa code and leaves them as they were, gets them
from the gazetteer after the write. A name the writer set itself is kept.
"""

import sqlite3
from typing import FrozenSet, List, Optional, Tuple

from . import gpkg
from .gazetteer import Gazetteer, default_gazetteer
from .rules import both_languages, layer_rules, sql_quote
from .schema import FID_COLUMN, LAYERS, LayerSchema


def _rules(schema: LayerSchema, gazetteer: Gazetteer) -> List[Tuple[str, str, str]]:
    """(field, SQL condition on NEW that is true for a bad value, message), in judging order."""
    return [
        (name, rule.sql_violation(f"NEW.{name}"), both_languages(rule.requirement))
        for name, rules in layer_rules(schema, gazetteer).items()
        for rule in rules
    ]


def enforced_fields(schema: LayerSchema, gazetteer: Optional[Gazetteer] = None) -> FrozenSet[str]:
    """The fields whose bad values the triggers refuse: a write carrying one is not saved."""
    return frozenset(field for field, _, _ in _rules(schema, gazetteer or default_gazetteer()))


def trigger_names(schema: LayerSchema) -> List[str]:
    t = schema.name
    return [f"{t}_check_insert", f"{t}_check_update", f"{t}_fill_desa_insert", f"{t}_fill_desa_update"]


def _blank(column: str) -> str:
    return f"trim(coalesce({column}, '')) = ''"


def _fill_ddl(schema: LayerSchema, gazetteer: Gazetteer, event: str, name: str) -> str:
    t = schema.name
    names = " ".join(f"WHEN {sql_quote(d.code)} THEN {sql_quote(d.name)}" for d in gazetteer.desa)
    kecamatan = " ".join(f"WHEN {sql_quote(d.code)} THEN {sql_quote(d.kecamatan)}" for d in gazetteer.desa)
    # Only for a known code: GDAL turns recursive triggers on, and a fill that leaves the
    # field blank would fire itself again. The fill's own UPDATE changes no desa code, so
    # on its second round only a blank could make it fire, and none is left.
    codes = ", ".join(sql_quote(d.code) for d in gazetteer.desa)
    if event == "UPDATE":
        # A new code with the names as they were: they follow the code (a name the writer
        # changed in the same update is theirs).
        follow = {n: f"(NEW.desa_code IS NOT OLD.desa_code AND NEW.{n} IS OLD.{n})" for n in ("desa_name", "kecamatan")}
    else:
        follow = {n: "0" for n in ("desa_name", "kecamatan")}
    fill = {n: f"({_blank('NEW.' + n)} OR {follow[n]})" for n in ("desa_name", "kecamatan")}
    return f"""
CREATE TRIGGER "{name}" AFTER {event} ON "{t}"
  WHEN ({fill["desa_name"]} OR {fill["kecamatan"]}) AND NEW.desa_code IN ({codes})
BEGIN UPDATE "{t}" SET
  desa_name = CASE WHEN {fill["desa_name"]} THEN CASE desa_code {names} ELSE desa_name END ELSE desa_name END,
  kecamatan = CASE WHEN {fill["kecamatan"]} THEN CASE desa_code {kecamatan} ELSE kecamatan END ELSE kecamatan END
  WHERE {FID_COLUMN} = NEW.{FID_COLUMN}; END;
"""


def trigger_ddl(schema: LayerSchema, gazetteer: Gazetteer) -> str:
    t = schema.name
    rules = _rules(schema, gazetteer)
    on_insert = " ".join(f"WHEN {condition} THEN RAISE(ABORT, {sql_quote(message)})" for _, condition, message in rules)
    on_update = " ".join(
        f"WHEN NEW.{field} IS NOT OLD.{field} AND ({condition}) THEN RAISE(ABORT, {sql_quote(message)})"
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
