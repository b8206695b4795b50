"""The rules a site's values must keep, made from the schema: written once, enforced three ways.

Each :class:`Rule` is one requirement on one field of core/schema.py — required, one of its
code list, a desa code of Kabupaten Paser, a number, within the field's range, a whole
number, at most its width, a lower-case UUID — and carries every form it is needed in:

- :meth:`Rule.violated`: the Python check behind ``rows.row_problems`` (every write the
  plugin makes: register, spreadsheet and Telkom import, sync);
- :meth:`Rule.sql_violation`: an SQL condition, true for a bad value, for the GeoPackage's
  BEFORE INSERT/UPDATE triggers (core/integrity.py) — any writer: the QGIS attribute table,
  QField and GDAL, a plain SQL client;
- :attr:`Rule.qgis_ok`: a QGIS expression, true for a good value, for the layer form's
  constraints (layers/workspace_layers.py), so the form marks a bad value before saving;
- :attr:`Rule.requirement`: the rule in the officer's words, with the field's label, in both
  languages (the triggers state it in Indonesian and English; the GUI in the reader's).

An empty value breaks only the "required" rule of a required field: every other rule is
about a value that is there (the UUID rule excepted: a key is never blank).
"""

import math
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from .gazetteer import Gazetteer, default_gazetteer
from .messages import N_, Message, Text, texts_in
from .schema import DESA_CODE_RE, INTEGER, REAL, TEXT, UUID_RE, Field, LayerSchema

REQUIRED, CODE_LIST, DESA_CODE, NUMBER, FINITE, RANGE, WHOLE, WIDTH, UUID = (
    "required",
    "code_list",
    "desa_code",
    "number",
    "finite",
    "range",
    "whole",
    "width",
    "uuid",
)

# The largest finite double: SQLite's REAL holds infinities, which compare beyond it.
_MAX_DOUBLE = "1.7976931348623157e308"
_HEX = "[0-9a-f]"
# UUID_RE as an SQLite GLOB pattern (case-sensitive, like the regular expression).
_UUID_GLOB = "-".join(_HEX * n for n in (8, 4, 4, 4, 12))
_UUID_QGIS_REGEX = "^" + "-".join(f"{_HEX}{{{n}}}" for n in (8, 4, 4, 4, 12)) + "$"


def sql_quote(text: str) -> str:
    """An SQL (and QGIS expression) string literal."""
    return "'" + text.replace("'", "''") + "'"


def qgis_field(name: str) -> str:
    """A field reference in a QGIS expression."""
    return '"' + name.replace('"', '""') + '"'


def number_text(value: float) -> str:
    """A bound as people write it: 0, 300, 2022, 0.5 (no "300.0", no exponent)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _as_number(value: Any) -> Optional[float]:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Rule:
    field: Field
    kind: str
    requirement: Message  # Message(Text(en, id), field=<label>, ...): the rule in words
    violated: Callable[[Any], bool]  # for a value that is there (see checks_blank)
    sql_bad: str  # condition on {c}, the column reference (NEW.x), true for a bad value
    qgis_ok: Optional[str]  # expression true for a good value; None: QGIS's field type already ensures it
    checks_blank: bool = False  # the rule also judges empty values (not only REQUIRED does)

    def sql_violation(self, column: str) -> str:
        return self.sql_bad.format(c=column)

    def problem(self, value: Any) -> Message:
        """What is wrong with ``value`` under this rule, naming the field and the value."""
        if self.kind == REQUIRED:
            return self.requirement
        if self.kind == WIDTH:
            return Message(N_("{requirement} (it has {length})"), requirement=self.requirement, length=len(value))
        return Message(N_("{requirement} (not {value})"), requirement=self.requirement, value=shown_value(value))


def shown_value(value: Any) -> str:
    """A value as a message quotes it: numbers as written, text in quotes, cut when long."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float)):
        return number_text(value) if math.isfinite(value) else str(value)
    text = str(value)
    return "“" + (text if len(text) <= 60 else text[:57] + "…") + "”"


def _required(field: Field) -> Rule:
    ok = f"length(trim(to_string({qgis_field(field.name)}))) > 0"
    return Rule(
        field,
        REQUIRED,
        Message(Text("{field} is required", "{field} wajib diisi"), field=field.text),
        _is_blank,
        "{c} IS NULL OR trim({c}) = ''",
        ok,
    )


def _not_listed(codes: Iterable[str]) -> str:
    """SQL true when {c} is none of ``codes`` (which hold no comma): a search in one string.

    Not ``{c} NOT IN (...)``: SQLite builds a temporary table from an IN list each time a
    trigger runs, and the insert trigger's lists (144 desa codes among them) were then most of
    the time of a spreadsheet import (bench/bench_import.py; figures in CHANGELOG).
    """
    codes = list(codes)
    assert not any("," in code for code in codes)
    joined = sql_quote("," + ",".join(codes) + ",")
    return f"(instr({{c}}, ',') > 0 OR instr({joined}, ',' || {{c}} || ',') = 0)"


def _code_list(field: Field) -> Rule:
    codes = field.codelist
    assert codes is not None
    listed = ", ".join(sql_quote(c) for c in codes.codes)
    labels = Text(", ".join(f"{c.en} ({c.code})" for c in codes), ", ".join(f"{c.id} ({c.code})" for c in codes))
    return Rule(
        field,
        CODE_LIST,
        Message(
            Text("{field} must be one of: {labels}", "{field} harus salah satu dari: {labels}"),
            field=field.text,
            labels=labels,
        ),
        lambda value: value not in codes,
        f"trim(coalesce({{c}}, '')) <> '' AND {_not_listed(codes.codes)}",
        f"{qgis_field(field.name)} IN ({listed})",
    )


def _desa_code(field: Field, gazetteer: Gazetteer) -> Rule:
    listed = ", ".join(sql_quote(d.code) for d in gazetteer.desa)
    return Rule(
        field,
        DESA_CODE,
        Message(
            Text(
                "{field} must be the code of a desa/kelurahan of Kabupaten Paser, 64.01.xx.xxxx",
                "{field} harus kode desa/kelurahan di Kabupaten Paser, 64.01.xx.xxxx",
            ),
            field=field.text,
        ),
        lambda value: not DESA_CODE_RE.match(str(value)) or not gazetteer.is_desa_code(value),
        f"trim(coalesce({{c}}, '')) <> '' AND {_not_listed(d.code for d in gazetteer.desa)}",
        f"{qgis_field(field.name)} IN ({listed})",
    )


def _number_rules(field: Field) -> List[Rule]:
    name = qgis_field(field.name)
    rules = [
        Rule(
            field,
            NUMBER,
            Message(Text("{field} must be a number", "{field} harus berupa angka"), field=field.text),
            lambda value: _as_number(value) is None,
            "trim(coalesce({c}, '')) <> '' AND typeof({c}) NOT IN ('integer', 'real')",
            None,
        ),
        Rule(
            field,
            FINITE,
            Message(Text("{field} must be a finite number", "{field} harus angka terhingga"), field=field.text),
            lambda value: not math.isfinite(_as_number(value) or 0.0),
            f"typeof({{c}}) = 'real' AND abs({{c}}) > {_MAX_DOUBLE}",
            None,
        ),
    ]
    low, high = field.minimum, field.maximum
    if low is not None or high is not None:
        bad, ok = [], []
        if low is not None:
            bad.append(f"{{c}} < {number_text(low)}")
            ok.append(f"{name} >= {number_text(low)}")
        if high is not None:
            bad.append(f"{{c}} > {number_text(high)}")
            ok.append(f"{name} <= {number_text(high)}")
        if low is not None and high is not None:
            words = Text("{field} must be from {low} to {high}", "{field} harus antara {low} dan {high}")
        elif low is not None:
            words = Text("{field} must be {low} or more", "{field} harus {low} atau lebih")
        else:
            words = Text("{field} must be {high} or less", "{field} harus {high} atau kurang")

        def out_of_range(value: Any, low=low, high=high) -> bool:
            number = _as_number(value)
            return number is not None and ((low is not None and number < low) or (high is not None and number > high))

        rules.append(
            Rule(
                field,
                RANGE,
                Message(
                    words,
                    field=field.text,
                    low="" if low is None else number_text(low),
                    high="" if high is None else number_text(high),
                ),
                out_of_range,
                "typeof({c}) IN ('integer', 'real') AND (" + " OR ".join(bad) + ")",
                " AND ".join(ok),
            )
        )
    if field.type == INTEGER:
        rules.append(
            Rule(
                field,
                WHOLE,
                Message(Text("{field} must be a whole number", "{field} harus bilangan bulat"), field=field.text),
                lambda value: (_as_number(value) or 0.0) != int(_as_number(value) or 0.0),
                "typeof({c}) = 'real' AND {c} <> round({c})",
                f"{name} = floor({name})",
            )
        )
    return rules


def _width(field: Field) -> Rule:
    width = field.width
    return Rule(
        field,
        WIDTH,
        Message(
            Text("{field} must be at most {width} characters", "{field} paling banyak {width} karakter"),
            field=field.text,
            width=width,
        ),
        lambda value: isinstance(value, str) and len(value) > width,
        f"typeof({{c}}) = 'text' AND length({{c}}) > {width}",
        f"length({qgis_field(field.name)}) <= {width}",
    )


def _uuid(field: Field) -> Rule:
    return Rule(
        field,
        UUID,
        Message(Text("{field} must be a lower-case UUID", "{field} harus UUID huruf kecil"), field=field.text),
        lambda value: value is not None and not UUID_RE.match(str(value)),
        f"{{c}} IS NOT NULL AND NOT ({{c}} GLOB '{_UUID_GLOB}')",
        f"regexp_match({qgis_field(field.name)}, {sql_quote(_UUID_QGIS_REGEX)})",
        checks_blank=True,
    )


def field_rules(field: Field, gazetteer: Optional[Gazetteer] = None) -> Tuple[Rule, ...]:
    """The rules of one field, in the order they are judged (the first broken one is reported)."""
    rules: List[Rule] = []
    if field.required:
        rules.append(_required(field))
    if field.name == "uid":
        rules.append(_uuid(field))
    elif field.codelist is not None:
        rules.append(_code_list(field))
    elif field.name == "desa_code":
        rules.append(_desa_code(field, gazetteer or default_gazetteer()))
    elif field.type in (INTEGER, REAL):
        rules.extend(_number_rules(field))
    if field.type == TEXT and field.width and field.name != "uid":
        rules.append(_width(field))
    return tuple(rules)


_CACHE: Dict[Tuple[str, int], Tuple[Gazetteer, Dict[str, Tuple[Rule, ...]]]] = {}


def layer_rules(schema: LayerSchema, gazetteer: Optional[Gazetteer] = None) -> Dict[str, Tuple[Rule, ...]]:
    """field name -> its rules, for every field of ``schema`` that has any (made once per gazetteer)."""
    gaz = gazetteer or default_gazetteer()
    key = (schema.name, id(gaz))
    cached = _CACHE.get(key)
    if cached is None or cached[0] is not gaz:
        rules = {f.name: field_rules(f, gaz) for f in schema.fields}
        cached = _CACHE[key] = (gaz, {name: r for name, r in rules.items() if r})
    return cached[1]


def value_problem(rules: Tuple[Rule, ...], value: Any) -> Optional[Message]:
    """The first rule ``value`` breaks, as a message naming field and value; None when it keeps them all."""
    blank = _is_blank(value)
    for rule in rules:
        if rule.kind == REQUIRED:
            if blank:
                return rule.problem(value)
        elif (not blank or rule.checks_blank) and rule.violated(value):
            return rule.problem(value)
    return None


def qgis_constraint(rules: Tuple[Rule, ...]) -> Tuple[Optional[str], List[Message]]:
    """(expression true for a good value, the rules it checks in words) for the QGIS form
    constraint of one field; (None, []) when QGIS's field type already ensures them all."""
    checked = [r for r in rules if r.qgis_ok]
    if not checked:
        return None, []
    field = rules[0].field
    body = " AND ".join(f"({r.qgis_ok})" for r in checked)
    if not field.required and not any(r.checks_blank for r in rules):
        name = qgis_field(field.name)
        empty = f"{name} IS NULL" + (f" OR trim({name}) = ''" if field.type == TEXT else "")
        body = f"{empty} OR ({body})"
    return body, [r.requirement for r in checked]


def both_languages(message: Message) -> str:
    """Indonesian, then English: how the GeoPackage states a rule to a writer it cannot ask."""
    indonesian, english = message.render(texts_in("id")), message.render()
    return english if indonesian == english else f"{indonesian} / {english}"
