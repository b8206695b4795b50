"""The shapefile contract with Telkom: field names, value conversions and the schema note.

Telkom does not run the plugin; it reads and writes shapefiles. A DBF field name has at
most 10 characters, a text value at most 254 bytes, and GDAL turns a DateTime field into a
Date. So every workspace field has a fixed shapefile name and a conversion rule, listed
once in :data:`FIELD_MAP`. The export, the import and the bilingual schema note shipped
in every package are all derived from this table.

The names are a contract: never rename or reuse one. Add a new field with a new name.
"""

import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, Iterable, List, Optional, Tuple

from .. import timestamps
from ..codelists import CodeList
from ..messages import N_, MessageText
from ..rules import CODE_LIST, FINITE, NUMBER, WHOLE, layer_rules
from ..schema import DATETIME, INTEGER, LAYERS, REAL, LayerSchema

# How a field takes part in an import.
KEY = "key"  # identifies the site; never changed by an import
UPDATE = "update"  # Telkom's value replaces ours when it differs
DERIVED = "derived"  # recomputed from another field (desa name from desa code); ignored on import
EXPORT_ONLY = "export_only"  # information for Telkom; ignored on import

# Text rules
DBF_TEXT_BYTES = 254  # the largest DBF character field, in bytes (UTF-8: 1-4 bytes a character)
NOTES_PARTS = 2  # notes continue over CATATAN and CATATAN2; longer notes go to the long-text CSV
GEOMETRY_TOLERANCE_M = 0.05  # smaller moves are rounding (reprojection, printed decimals), not edits


@dataclass(frozen=True)
class TelkomField:
    shp: str  # shapefile (DBF) name, <= 10 characters; the contract
    field: str  # workspace field (core/schema.py)
    width: int  # DBF width: bytes for text, digits for numbers
    mode: str
    rule_en: str
    rule_id: str
    meaning_id: str  # Indonesian meaning; the English one is the schema field's description

    @property
    def shp_names(self) -> Tuple[str, ...]:
        """The DBF columns this field occupies (notes spans several)."""
        if self.field == "notes":
            return (self.shp,) + tuple(f"{self.shp}{i}" for i in range(2, NOTES_PARTS + 1))
        return (self.shp,)


_TEXT_RULE_EN = "UTF-8 text, at most {w} bytes; longer text is cut and listed in the note"
_TEXT_RULE_ID = "Teks UTF-8, paling banyak {w} byte; teks yang lebih panjang dipotong dan dicatat"
_CODE_RULE_EN = "one of the codes listed below"
_CODE_RULE_ID = "salah satu kode yang tercantum di bawah"
_TIME_RULE_EN = "timestamp as ISO 8601 UTC text, e.g. 2022-08-17T09:30:00.000Z (not a DBF date)"
_TIME_RULE_ID = "waktu sebagai teks ISO 8601 UTC, mis. 2022-08-17T09:30:00.000Z (bukan tanggal DBF)"


def _text(shp, field, width, mode, meaning_id):
    return TelkomField(
        shp, field, width, mode, _TEXT_RULE_EN.format(w=width), _TEXT_RULE_ID.format(w=width), meaning_id
    )


# THE contract. Order = column order in the DBF.
FIELD_MAP: Tuple[TelkomField, ...] = (
    TelkomField(
        "UID",
        "uid",
        36,
        KEY,
        "lower-case UUID; keep it unchanged, it identifies the site",
        "UUID huruf kecil; jangan diubah, ini pengenal situs",
        "Kunci situs (UUID) dari Pemkab Paser",
    ),
    _text("NAMA", "name", DBF_TEXT_BYTES, UPDATE, "Nama situs"),
    TelkomField("KATEGORI", "category", 32, UPDATE, _CODE_RULE_EN, _CODE_RULE_ID, "Jenis situs"),
    TelkomField(
        "KODE_DESA",
        "desa_code",
        13,
        UPDATE,
        "Kemendagri code 64.01.xx.xxxx",
        "Kode Kemendagri 64.01.xx.xxxx",
        "Kode desa/kelurahan Kemendagri",
    ),
    _text("DESA", "desa_name", 50, DERIVED, "Nama desa/kelurahan (mengikuti KODE_DESA)"),
    _text("KECAMATAN", "kecamatan", 50, DERIVED, "Nama kecamatan (mengikuti KODE_DESA)"),
    TelkomField("STATUS", "status", 32, UPDATE, _CODE_RULE_EN, _CODE_RULE_ID, "Status program"),
    TelkomField(
        "TINGGI_M", "height_m", 24, UPDATE, "decimal number, metres", "bilangan desimal, meter", "Tinggi menara (meter)"
    ),
    _text("OPERATOR", "operator", 50, UPDATE, "Operator seluler"),
    TelkomField("STS_KOORD", "coord_status", 16, UPDATE, _CODE_RULE_EN, _CODE_RULE_ID, "Mutu koordinat"),
    TelkomField("SMB_KOORD", "coord_source", 16, UPDATE, _CODE_RULE_EN, _CODE_RULE_ID, "Sumber koordinat"),
    TelkomField(
        "AKURASI_M",
        "accuracy_m",
        24,
        UPDATE,
        "decimal number, metres",
        "bilangan desimal, meter",
        "Akurasi horizontal (meter)",
    ),
    _text("SURVEYOR", "surveyed_by", 100, UPDATE, "Petugas yang mengambil koordinat"),
    TelkomField(
        "TGL_SURVEI", "surveyed_at", 24, UPDATE, _TIME_RULE_EN, _TIME_RULE_ID, "Waktu pengambilan koordinat (UTC)"
    ),
    _text("SITE_ID", "telkom_site_id", 50, UPDATE, "ID situs milik Telkom"),
    TelkomField(
        "TAHUN", "program_year", 9, UPDATE, "whole number (year)", "bilangan bulat (tahun)", "Tahun program smart city"
    ),
    TelkomField(
        "CATATAN",
        "notes",
        DBF_TEXT_BYTES,
        UPDATE,
        f"UTF-8 text continued over CATATAN..CATATAN{NOTES_PARTS} ({DBF_TEXT_BYTES} bytes each); "
        "longer text is cut and listed in the note",
        f"Teks UTF-8 yang berlanjut di CATATAN..CATATAN{NOTES_PARTS} (masing-masing {DBF_TEXT_BYTES} "
        "byte); teks yang lebih panjang dipotong dan dicatat",
        "Catatan bebas",
    ),
    TelkomField(
        "DIUBAH",
        "updated_at",
        24,
        EXPORT_ONLY,
        _TIME_RULE_EN + "; ignored on import",
        _TIME_RULE_ID + "; diabaikan saat impor",
        "Perubahan terakhir di Pemkab Paser (UTC)",
    ),
)

# Workspace fields that never go to Telkom (the schema note says so): the photo is the
# regency's survey record, and its path means nothing outside the regency's files.
NOT_EXPORTED = ("photo",)

BY_FIELD: Dict[str, TelkomField] = {f.field: f for f in FIELD_MAP}
BY_SHP: Dict[str, TelkomField] = {n: f for f in FIELD_MAP for n in f.shp_names}

# Names Telkom has been seen to use for our columns (upper-cased); extended by the setting
# telkom_column_aliases. Our shapefile names and our workspace field names always match.
DEFAULT_ALIASES: Dict[str, Tuple[str, ...]] = {
    "SITE_ID": ("SITEID", "ID_SITE", "TELKOM_ID", "ID_TELKOM"),
    "NAMA": ("NAME", "SITE_NAME", "NAMA_SITE", "NAMA_LOKAS", "LOKASI"),
    "KODE_DESA": ("KD_DESA", "KDDESA", "KODE_KEL", "KDEPUM"),
    "STATUS": ("STATUS_SIT", "SITE_STAT"),
    "TINGGI_M": ("TINGGI", "HEIGHT", "HEIGHT_M"),
    "OPERATOR": ("OPR", "PROVIDER"),
}


def layer_fields(layer: str) -> Tuple[TelkomField, ...]:
    """The mapped fields of a layer, in DBF order."""
    names = set(LAYERS[layer].field_names)
    return tuple(f for f in FIELD_MAP if f.field in names)


def layer_columns(layer: str) -> Tuple[str, ...]:
    return tuple(n for f in layer_fields(layer) for n in f.shp_names)


def parse_aliases(text: str) -> Dict[str, Tuple[str, ...]]:
    """``"SITE_ID=SITEID,ID_SITE; NAMA=NAME_SITE"`` → {"SITE_ID": ("SITEID", "ID_SITE"), ...}.

    Keys are our shapefile names (or workspace field names); unknown keys are an error, so a
    typo in the setting is reported instead of ignored.
    """
    out: Dict[str, Tuple[str, ...]] = {}
    for part in re.split(r"[;\n]", text or ""):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(
                MessageText(N_("column alias {alias!r} is not of the form NAME=ALIAS1,ALIAS2"), alias=part.strip())
            )
        key, values = part.split("=", 1)
        key = key.strip()
        field = BY_FIELD.get(key.lower()) or BY_SHP.get(key.upper())
        if field is None:
            raise ValueError(
                MessageText(
                    N_("column alias {alias!r}: no such field; use one of {fields}"),
                    alias=key,
                    fields=", ".join(BY_SHP),
                )
            )
        names = tuple(v.strip().upper() for v in values.split(",") if v.strip())
        out[field.shp] = out.get(field.shp, ()) + names
    return out


# ---------------------------------------------------------------- value conversion


def utf8_cut(text: str, limit: int) -> Tuple[str, str]:
    """Split ``text`` into a head of at most ``limit`` UTF-8 bytes and the rest.

    The cut falls on a character boundary and, when possible, inside a word: DBF readers
    strip blanks at both ends of a value, so a cut next to a space would lose that space
    when the parts are joined again.
    """
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text, ""
    end = len(data[:limit].decode("utf-8", errors="ignore"))
    for p in range(end, max(end - 64, 0), -1):
        if not text[p - 1].isspace() and not text[p].isspace():
            return text[:p], text[p:]
    head = text[:end].rstrip()  # only blanks around the cut: they are lost, as any reader would
    return head, text[end:].lstrip()


@dataclass(frozen=True)
class Cut:
    """A value the shapefile cannot hold whole: the full text goes to the long-text CSV."""

    uid: str
    field: str
    shp: str
    length: int  # characters of the full value
    kept: int  # characters kept in the shapefile


def export_value(field: TelkomField, value: Any) -> Tuple[Dict[str, Any], Optional[Cut]]:
    """The DBF values of one workspace value, and the cut made (if any); uid set by the caller."""
    schema_type = _schema_type(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        return {n: None for n in field.shp_names}, None
    if schema_type in (REAL, INTEGER):
        return {field.shp: value}, None
    if schema_type == DATETIME:
        return {field.shp: normalize_timestamp(value)}, None
    text = str(value)
    parts: List[Optional[str]] = []
    rest = text
    for _ in field.shp_names:
        head, rest = utf8_cut(rest, field.width)
        parts.append(head.strip() or None)  # what a reader will return
    cut = None
    if rest:
        kept = len(text) - len(rest)
        cut = Cut("", field.field, field.shp, len(text), kept)
    return dict(zip(field.shp_names, parts)), cut


_TYPES: Dict[str, str] = {f.name: f.type for schema in LAYERS.values() for f in schema.fields}


def _schema_type(field: TelkomField) -> str:
    return _TYPES[field.field]


def _codelist(field: TelkomField, layer: str) -> Optional[CodeList]:
    return LAYERS[layer].field(field.field).codelist


def parse_timestamp(value: Any) -> Tuple[Optional[datetime], bool]:
    """(UTC datetime, date_only) of a timestamp in any form a DBF or a person writes it."""
    return timestamps.parse_loose(value)


def format_timestamp(moment: datetime) -> str:
    return timestamps.format_iso(moment)


_CANONICAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
_CANONICAL_TIME_LENGTH = 24
_CANONICAL_TIMES = re.compile(r"(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)*+")  # back to back


def normalize_timestamp(value: Any) -> Optional[str]:
    if isinstance(value, str) and _CANONICAL_TIME.match(value):
        return value  # already the form we store and write (the common case, and fast)
    moment, _ = parse_timestamp(value)
    return None if moment is None else format_timestamp(moment)


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    try:
        return bool(value != value)  # NaN, NaT, pd.NA
    except (TypeError, ValueError):
        return False


def import_value(field: TelkomField, layer: str, raw: Any) -> Any:
    """A file value converted to the workspace form; a ValueError whose argument is a
    MessageText says what is wrong with it, naming the field by its label."""
    if _is_missing(raw):
        return None
    schema_type = _schema_type(field)
    if schema_type == REAL:
        number = _number(raw, field, layer)
        if not math.isfinite(number):
            raise _broken(field, layer, FINITE, raw)
        return number
    if schema_type == INTEGER:
        number = _number(raw, field, layer)
        if not math.isfinite(number) or number != int(number):
            raise _broken(field, layer, WHOLE, raw)
        return int(number)
    if schema_type == DATETIME:
        try:
            return normalize_timestamp(raw)
        except ValueError as exc:
            label = LAYERS[layer].field(field.field).text
            raise ValueError(MessageText(N_("{field}: {problem}"), field=label, problem=exc.args[0])) from None
    text = str(raw).strip() if not isinstance(raw, str) else raw.strip()
    codes = _codelist(field, layer)
    if codes is not None:
        code = resolve_code(codes, text)
        if code is None:
            raise _broken(field, layer, CODE_LIST, text)
        return code
    if field.field == "uid":
        return text.lower()
    return text


def _broken(field: TelkomField, layer: str, kind: str, value: Any) -> ValueError:
    """The workspace rule of ``kind`` that ``value`` breaks, as the ValueError of a conversion:
    the words the form, the triggers and every other import use (core/rules.py)."""
    rule = next(r for r in layer_rules(LAYERS[layer])[field.field] if r.kind == kind)
    return ValueError(MessageText.of(rule.problem(value)))


def _number(raw: Any, field: TelkomField, layer: str) -> float:
    if isinstance(raw, str):
        raw = raw.strip().replace(",", ".") if raw.count(",") == 1 and "." not in raw else raw.strip()
    try:
        return float(raw)
    except (TypeError, ValueError):
        raise _broken(field, layer, NUMBER, raw) from None


def resolve_code(codes: CodeList, text: str) -> Optional[str]:
    """A code from its code or its English/Indonesian label, case-insensitively; None when none fits."""
    if text in codes:
        return text
    needle = text.strip().casefold()
    for code in codes:
        if needle in (code.code.casefold(), code.en.casefold(), code.id.casefold()):
            return code.code
    return None


def export_column(field: TelkomField, values: List[Any]) -> Tuple[Dict[str, List[Any]], Dict[int, Cut]]:
    """:func:`export_value` over a column, with a fast path for the common short, clean text."""
    names = field.shp_names
    schema_type = _schema_type(field)
    if _column_as_is(field, schema_type, values):
        columns = {field.shp: list(values)}
        columns.update({n: [None] * len(values) for n in names[1:]})
        return columns, {}
    if schema_type in (REAL, INTEGER):
        return {
            field.shp: [v if type(v) in (int, float) and v == v else None if _is_missing(v) else v for v in values]
        }, {}
    if schema_type == DATETIME:
        return {field.shp: [None if _is_missing(v) else normalize_timestamp(v) for v in values]}, {}
    short = field.width // 4  # characters that always fit: UTF-8 needs at most 4 bytes each
    columns: Dict[str, List[Any]] = {n: [] for n in names}
    rest = names[1:]
    cuts: Dict[int, Cut] = {}
    first = columns[field.shp]
    others = [columns[n] for n in rest]
    for index, value in enumerate(values):
        if value is None:
            first.append(None)
        elif isinstance(value, str) and (len(value) <= short or (len(value) <= field.width and value.isascii())):
            first.append(value.strip() or None)
        else:
            parts, cut = export_value(field, value)
            first.append(parts[field.shp])
            for column, name in zip(others, rest):
                column.append(parts[name])
            if cut is not None:
                cuts[index] = cut
            continue
        for column in others:
            column.append(None)
    return columns, cuts


def _column_as_is(field: TelkomField, schema_type: str, values: List[Any]) -> bool:
    """True when every value of the column already is its DBF form (checked at C speed with
    map(); the usual case, so the per-value conversion is skipped).

    Each pass over a column is costly at 100 000 values (the strings lie all over memory), so
    text columns make as few as they can: str.join both checks that every value is text (it
    raises TypeError on None or a number) and gives the whole text for isascii().
    """
    if schema_type in (REAL, INTEGER):
        present = values if None not in values else [v for v in values if v is not None]
        return not present or (set(map(type, present)) <= {int, float} and all(map(math.isfinite, present)))
    try:
        joined = "".join(values)
        present = values
    except TypeError:  # a None, or a value that is not text
        present = [v for v in values if v is not None]
        if not present:
            return True
        if set(map(type, present)) != {str}:
            return False
        joined = "".join(present)
    if not present:
        return True
    if schema_type == DATETIME:
        # Canonical stamps are 24 characters: one regex over all of them at once, once every
        # value has that length, instead of one match per value.
        if set(map(len, present)) == {_CANONICAL_TIME_LENGTH} and _CANONICAL_TIMES.fullmatch(joined):
            return True
        return all(map(_CANONICAL_TIME.match, present))
    lengths = list(map(len, present))
    longest = max(lengths)
    fits = longest <= field.width // 4 or (longest <= field.width and joined.isascii())
    return fits and min(lengths) > 0 and len(joined) == sum(map(len, map(str.strip, present)))


def import_column(field: TelkomField, layer: str, raw: List[Any]) -> Tuple[List[Any], Dict[int, str]]:
    """:func:`import_value` over a column: (values, {row index: problem})."""
    out: List[Any] = []
    errors: Dict[int, str] = {}
    schema_type = _schema_type(field)
    codes = _codelist(field, layer)
    if (
        field.field != "uid"
        and _column_as_is(field, schema_type, raw)
        and (codes is None or set(raw) - {None} <= set(codes.codes))
    ):
        if schema_type == INTEGER:
            return [None if v is None else int(v) for v in raw], {}
        return list(raw), {}
    plain_text = schema_type not in (REAL, INTEGER, DATETIME) and codes is None and field.field != "uid"
    is_uid = field.field == "uid"
    for index, value in enumerate(raw):
        if value is None:
            out.append(None)
            continue
        kind = type(value)
        if kind is float and schema_type == REAL and math.isfinite(value):
            out.append(value)
            continue
        if kind is int and schema_type == INTEGER:
            out.append(value)
            continue
        if kind is str and is_uid:
            out.append(value.strip().lower() or None)
            continue
        if isinstance(value, str):
            text = value.strip()
            if not text:
                out.append(None)
                continue
            if plain_text:
                out.append(text)
                continue
            if codes is not None and text in codes:
                out.append(text)
                continue
        try:
            out.append(import_value(field, layer, value))
        except ValueError as exc:
            out.append(None)
            # a MessageText naming the field (see import_value), its template kept for the GUI
            errors[index] = exc.args[0] if exc.args and isinstance(exc.args[0], MessageText) else str(exc)
    return out, errors


def same_value(field: TelkomField, current: Any, incoming: Any) -> bool:
    """True when ``incoming`` (read from a file) is what exporting ``current`` would give back.

    Everything a shapefile loses on the way (cut text, trailing blanks, a timestamp turned
    into a date, float digits) is therefore not mistaken for an edit by Telkom.
    """
    if type(current) is type(incoming) and current == incoming:
        return True
    schema_type = _schema_type(field)
    if _is_missing(current) or _is_missing(incoming):
        return _is_missing(current) and _is_missing(incoming)
    if schema_type in (REAL, INTEGER):
        return math.isclose(float(current), float(incoming), rel_tol=1e-9, abs_tol=1e-9)
    if schema_type == DATETIME:
        mine, _ = parse_timestamp(current)
        theirs, date_only = parse_timestamp(incoming)
        if date_only:
            return mine.date() == theirs.date()
        return abs((mine - theirs).total_seconds()) < 0.001
    exported, _ = export_value(field, current)
    return join_parts(exported[n] for n in field.shp_names) == str(incoming).strip()


def join_parts(parts: Iterable[Any]) -> Optional[str]:
    """The text of a field spread over several DBF columns (notes), as a reader returns it."""
    texts = ["" if _is_missing(p) else str(p).rstrip() for p in parts]
    text = "".join(texts)
    return text.strip() or None


# ---------------------------------------------------------------- the schema note


def schema_note(
    layer: str,
    crs_label: str,
    feature_count: int,
    pending: List[Dict[str, Any]],
    cuts: List[Cut],
    files: Dict[str, str],
) -> str:
    """The bilingual (Indonesian, then English) note shipped beside each shapefile."""
    schema: LayerSchema = LAYERS[layer]
    fields = layer_fields(layer)
    lines: List[str] = []
    add = lines.append
    add(f"{schema.title_id} / {schema.title_en} — {files['shp']}")
    add("=" * 72)
    add("")
    add("BAHASA INDONESIA")
    add(
        f"Berkas ini berisi {feature_count} titik dalam sistem koordinat {crs_label}, teks dalam UTF-8 ({files['cpg']})."
    )
    add("Nama kolom tetap dan tidak akan berubah antar versi. Jangan mengubah UID: kolom itu mengenali situs")
    add("saat berkas dikembalikan. Kolom DESA, KECAMATAN dan DIUBAH hanya informasi dan diabaikan saat impor.")
    left_out = ", ".join(NOT_EXPORTED)
    add(f"Foto situs (kolom {left_out} di workspace) tidak diekspor: berkas ini tidak memuat foto maupun lokasinya.")
    add("")
    add("ENGLISH")
    points = "1 point" if feature_count == 1 else f"{feature_count} points"
    add(f"This file holds {points} in the coordinate system {crs_label}, text in UTF-8 ({files['cpg']}).")
    add("Column names are fixed and will not change between releases. Do not change UID: it identifies the")
    add("site when the file comes back. DESA, KECAMATAN and DIUBAH are information only and ignored on import.")
    add(
        f"The site photo (the workspace's {left_out} field) is not exported: this file holds no photos nor their paths."
    )
    add("")
    add("KOLOM / FIELDS")
    for f in fields:
        field = schema.field(f.field)
        names = ", ".join(f.shp_names)
        add(f"- {names}  ({f.field})")
        add(f"    id: {f.meaning_id}. {f.rule_id}.")
        add(f"    en: {field.description}. {f.rule_en}.")
        if field.codelist is not None:
            add("    kode / codes: " + "; ".join(f"{c.code} = {c.id} / {c.en}" for c in field.codelist))
    add("")
    add("ATURAN KONVERSI / CONVERSION RULES")
    add(
        f"- id: Teks lebih dari {DBF_TEXT_BYTES} byte UTF-8 (atau lebar kolomnya) dipotong pada batas karakter; "
        f"CATATAN berlanjut di CATATAN2..CATATAN{NOTES_PARTS}. Setiap pemotongan tercantum di bawah dan teks "
        f"lengkapnya ada di {files['long_text']}."
    )
    add(
        f"- en: Text longer than {DBF_TEXT_BYTES} UTF-8 bytes (or its column width) is cut on a character boundary; "
        f"CATATAN continues in CATATAN2..CATATAN{NOTES_PARTS}. Every cut is listed below and the full text is in "
        f"{files['long_text']}."
    )
    add("- id: Waktu ditulis sebagai teks ISO 8601 UTC, karena kolom tanggal DBF tidak menyimpan jam.")
    add("- en: Timestamps are written as ISO 8601 UTC text, because a DBF date column holds no time of day.")
    add("- id: Nilai kosong ditulis kosong (NULL). / en: Empty values are written empty (NULL).")
    add("")
    add(f"TANPA KOORDINAT / WITHOUT COORDINATES: {len(pending)} (berkas/file {files['pending']})")
    if pending:
        add("- id: Situs berikut belum memiliki koordinat sehingga tidak ada di shapefile; semuanya ada di CSV.")
        add("- en: These sites have no coordinates yet, so they are not in the shapefile; all are in the CSV.")
        for row in pending:
            add(f"  {row.get('uid')}  {row.get('name')}  ({row.get('desa_code')} {row.get('desa_name') or ''})")
    add("")
    add(f"TEKS DIPOTONG / CUT TEXT: {len(cuts)}")
    for cut in cuts:
        add(f"  {cut.uid}  {cut.shp}: {cut.kept} dari/of {cut.length} karakter/characters")
    add("")
    return "\n".join(lines)
