"""Importing the officers' spreadsheets of sites (CSV, XLSX) through the register operation.

Columns are found by their header, in Indonesian or English (``nama``/``name``,
``lintang``/``latitude``, ``bujur``/``longitude``, ``koordinat``/``coordinates``, ``desa``,
...). Coordinates come in one column (any format the parser reads) or two (latitude and
longitude, each DD/DDM/DMS; or easting and northing). A row names an existing site by
``uid`` or by its exact name — its coordinates are then registered — or is a new service
point (name, category, desa).

Every accepted row is written in one transaction. Rejected rows are listed in the report with
their reason; with ``all_or_nothing`` nothing is written as soon as one row is rejected.
"""

import csv
import datetime as dt
import math
import os
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from . import timestamps
from .checks import Issue
from .codelists import CATEGORY, COORD_SOURCE
from .coordinates import CoordinateParseError, parse_columns, parse_coordinates
from .messages import N_, Message
from .register import Assessment, Registrar, RegistrationRequest
from .rows import GEOMETRY

MAX_ROWS = 100000

# Canonical column -> accepted headers (compared lower-case, without spaces, dots, dashes, underscores).
HEADERS: Dict[str, Tuple[str, ...]] = {
    "uid": ("uid", "idsitus", "siteuid"),
    "name": ("nama", "name", "namasitus", "namalokasi", "namatitik", "namasite", "site", "lokasi", "sitename"),
    "category": ("kategori", "category", "jenis", "jenislokasi", "type"),
    "lat": ("lintang", "latitude", "lat", "y"),
    "lon": ("bujur", "longitude", "lon", "long", "lng", "x"),
    "easting": ("easting", "timuran"),
    "northing": ("northing", "utaraan"),
    "coordinates": ("koordinat", "coordinates", "coordinate", "titikkoordinat", "koordinatlokasi", "coords"),
    "desa": ("desa", "kelurahan", "desakelurahan", "namadesa", "village", "kodedesa", "desacode", "kodewilayah"),
    "kecamatan": ("kecamatan", "district", "subdistrict"),
    "accuracy_m": ("akurasi", "akurasim", "accuracy", "accuracym", "ketelitian"),
    "source": ("sumber", "sumberkoordinat", "source", "coordsource"),
    "surveyed_by": ("surveyor", "disurveioleh", "surveyedby", "petugas", "pencatat"),
    "surveyed_at": ("tanggal", "tanggalsurvei", "waktusurvei", "surveyedat", "date", "surveydate"),
    "notes": ("catatan", "keterangan", "notes", "note", "ket"),
}


def _norm_header(text: str) -> str:
    return re.sub(r"[\s._\-/()]+", "", str(text or "")).casefold()


_LOOKUP = {alias: key for key, aliases in HEADERS.items() for alias in aliases}


class SpreadsheetError(ValueError):
    """The file as a whole cannot be imported (unreadable, no usable columns)."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


# ---------------------------------------------------------------- reading


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return repr(value) if value != int(value) else str(int(value))
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return timestamps.format_iso(value)
    if isinstance(value, dt.date):
        return value.isoformat() + "T00:00:00.000Z"
    return str(value).strip()


def read_table(path: str, sheet: Optional[str] = None) -> Tuple[List[str], List[List[str]]]:
    """(headers, rows of cell texts) of a CSV or XLSX file."""
    if not os.path.isfile(path):
        raise SpreadsheetError(Message(N_("file {path} does not exist"), path=path))
    ext = os.path.splitext(path)[1].lower()
    if ext in (".xlsx", ".xlsm"):
        rows = _read_xlsx(path, sheet)
    elif ext in (".csv", ".txt"):
        rows = _read_csv(path)
    else:
        raise SpreadsheetError(Message(N_("{path}: only CSV and XLSX spreadsheets can be imported"), path=path))
    while rows and not any(rows[0]):
        rows.pop(0)
    if not rows:
        raise SpreadsheetError(Message(N_("{path} is empty"), path=path))
    if len(rows) > MAX_ROWS + 1:
        raise SpreadsheetError(Message(N_("{path} has more than {limit} rows"), path=path, limit=MAX_ROWS))
    headers = rows[0]
    return headers, rows[1:]


def _read_csv(path: str) -> List[List[str]]:
    with open(path, "rb") as f:
        raw = f.read()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:4096]
    # Indonesian Excel saves CSV with ";" (the comma is the decimal separator).
    counts = {d: sample.splitlines()[0].count(d) if sample else 0 for d in (";", "\t", ",")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    return [[c.strip() for c in row] for row in reader]


def _read_xlsx(path: str, sheet: Optional[str]) -> List[List[str]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl ships with QGIS on Windows and macOS
        raise SpreadsheetError(
            Message(N_("reading XLSX needs the Python package openpyxl; save the sheet as CSV"))
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise SpreadsheetError(Message(N_("{path} cannot be read as XLSX: {error}"), path=path, error=exc)) from None
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise SpreadsheetError(
                    Message(
                        N_("{path} has no sheet “{sheet}” (sheets: {sheets})"),
                        path=path,
                        sheet=sheet,
                        sheets=", ".join(book.sheetnames),
                    )
                )
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        return [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        book.close()


def map_headers(headers: Sequence[str]) -> Dict[str, int]:
    """Canonical column -> index; raises when no coordinate column is found."""
    mapping: Dict[str, int] = {}
    for index, header in enumerate(headers):
        key = _LOOKUP.get(_norm_header(header))
        if key and key not in mapping:
            mapping[key] = index
    has_coords = "coordinates" in mapping or {"lat", "lon"} <= set(mapping) or {"easting", "northing"} <= set(mapping)
    if not has_coords:
        raise SpreadsheetError(
            Message(
                N_(
                    "no coordinate column found in the headers ({headers}): name one column “koordinat” or two columns "
                    "“lintang” and “bujur” (or easting/northing)"
                ),
                headers=", ".join(h for h in headers if h),
            )
        )
    if "name" not in mapping and "uid" not in mapping:
        raise SpreadsheetError(Message(N_("no “nama”/“name” or “uid” column: rows cannot be matched to sites")))
    return mapping


# ---------------------------------------------------------------- importing


@dataclass
class ReportRow:
    row: int  # the spreadsheet's row number (the header is row 1)
    outcome: str  # inserted, updated, rejected, not_written
    message: str
    uid: str = ""


@dataclass
class ImportResult:
    report: List[ReportRow] = field(default_factory=list)
    written: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.report if r.outcome == outcome)


def _category(text: str) -> str:
    folded = text.strip().casefold()
    for code in CATEGORY:
        if folded in (code.code, code.en.casefold(), code.id.casefold()):
            return code.code
    aliases = {
        "sd": "sekolah",
        "smp": "sekolah",
        "sma": "sekolah",
        "smk": "sekolah",
        "school": "sekolah",
        "kantor desa": "desa",
        "kantor kelurahan": "desa",
        "kelurahan": "desa",
        "village office": "desa",
        "kecamatan": "kantor_kecamatan",
        "pkm": "puskesmas",
    }
    return aliases.get(folded, text.strip())


def _source(text: str, default: str) -> str:
    folded = text.strip().casefold()
    if not folded:
        return default
    for code in COORD_SOURCE:
        if folded in (code.code, code.en.casefold(), code.id.casefold()):
            return code.code
    return {"gps": "gps_survey", "survei": "gps_survey", "peta": "map"}.get(folded, text.strip())


class SiteImporter:
    def __init__(
        self,
        registrar: Registrar,
        crs: Optional[str] = None,
        source: str = "import",
        surveyed_by: str = "",
        force: bool = False,
        translate=None,
    ):
        self.registrar = registrar
        self.gazetteer = registrar.gazetteer
        self.crs = crs or None
        self.source = source
        self.surveyed_by = surveyed_by
        self.force = force
        self.translate = translate

    def _text(self, message: Message) -> str:
        return message.render(self.translate)

    def _desa(self, text: str, kecamatan: str) -> Tuple[str, Optional[Message]]:
        text = text.strip()
        if not text:
            return "", None
        matches = self.gazetteer.find_desa(text)
        if kecamatan.strip() and len(matches) > 1:
            k = kecamatan.strip().casefold()
            matches = [d for d in matches if d.kecamatan.casefold() == k] or matches
        exact = [d for d in matches if d.name.casefold() == text.casefold() or d.code == text]
        matches = exact or matches
        if len(matches) == 1:
            return matches[0].code, None
        if not matches:
            return "", Message(N_("desa “{desa}” is not a desa/kelurahan of Kabupaten Paser"), desa=text)
        return "", Message(
            N_("desa “{desa}” is ambiguous ({choices}): give the kecamatan or the code"),
            desa=text,
            choices=", ".join(d.display_name for d in matches[:5]),
        )

    def _request(self, cells: Dict[str, str]) -> Tuple[Optional[RegistrationRequest], Optional[Message]]:
        site = cells.get("uid", "")
        name = cells.get("name", "")
        if not site and name:
            _, target, problem = self.registrar.find_target(name)
            if target is not None:
                site = target["uid"]
            elif problem is not None and problem.code == "ambiguous_site":
                return None, problem.message
        desa_code, problem = self._desa(cells.get("desa", ""), cells.get("kecamatan", ""))
        if problem:
            return None, problem
        accuracy = None
        if cells.get("accuracy_m", ""):
            try:
                accuracy = float(cells["accuracy_m"].replace(",", "."))
            except ValueError:
                return None, Message(N_("accuracy “{value}” is not a number"), value=cells["accuracy_m"])
        request = RegistrationRequest(
            coordinates=cells.get("coordinates", ""),
            crs=self.crs,
            site=site,
            name=name,
            category=_category(cells.get("category", "")),
            desa_code=desa_code,
            coord_source=_source(cells.get("source", ""), self.source),
            accuracy_m=accuracy,
            surveyed_by=cells.get("surveyed_by", "") or self.surveyed_by,
            surveyed_at=_surveyed_at(cells.get("surveyed_at", "")),
            notes=cells.get("notes", ""),
        )
        if cells.get("surveyed_at", "") and request.surveyed_at is None:
            return None, Message(
                N_("survey date “{value}” is not a date (use 2026-11-27 or 27/11/2026)"), value=cells["surveyed_at"]
            )
        lat_text, lon_text = cells.get("lat", ""), cells.get("lon", "")
        try:
            if not request.coordinates and _projected_columns(lat_text, lon_text):
                # x/y columns holding metres: an easting/northing pair.
                request.parsed = parse_coordinates(f"E {lon_text} N {lat_text}", crs=self.crs)
            elif not request.coordinates and lat_text + lon_text:
                request.parsed = parse_columns(lat_text, lon_text)
            elif not request.coordinates and cells.get("easting", "") + cells.get("northing", ""):
                request.parsed = parse_coordinates(
                    f"E {cells.get('easting', '')} N {cells.get('northing', '')}", crs=self.crs
                )
        except CoordinateParseError as exc:
            return None, exc.message
        if request.parsed is None and not request.coordinates:
            return None, Message(N_("no coordinates in this row"))
        return request, None

    def run(self, headers: Sequence[str], rows: Sequence[Sequence[str]], all_or_nothing: bool = False) -> ImportResult:
        mapping = map_headers(headers)
        result = ImportResult()
        accepted: List[Tuple[ReportRow, Assessment]] = []
        pending_sites: List[Tuple[str, dict]] = []
        touched: Dict[str, int] = {}
        for offset, row in enumerate(rows):
            number = offset + 2
            cells = {key: (row[i] if i < len(row) else "").strip() for key, i in mapping.items()}
            if not any(c.strip() for c in row):
                continue
            if len(row) > len(headers) and any(c.strip() for c in row[len(headers) :]):
                result.report.append(
                    ReportRow(
                        number,
                        "rejected",
                        self._text(
                            Message(
                                N_(
                                    "the row has {cells} cells but the header {columns}: a decimal comma in a comma-separated "
                                    "file? Save it with “;” as separator or quote the numbers"
                                ),
                                cells=len(row),
                                columns=len(headers),
                            )
                        ),
                    )
                )
                continue
            request, problem = self._request(cells)
            if problem is not None:
                result.report.append(ReportRow(number, "rejected", self._text(problem)))
                continue
            a = self.registrar.assess(request, extra_sites=pending_sites)
            if a.target is not None and a.target["uid"] in touched:
                a.issues.append(
                    Issue(
                        "error",
                        "twice",
                        Message(
                            N_("this site was already given coordinates in row {row}"), row=touched[a.target["uid"]]
                        ),
                    )
                )
            if not a.can_write(self.force):
                reasons = a.errors or a.warnings
                text = "; ".join(self._text(i.message) for i in reasons)
                if not a.errors:
                    text += " — " + self._text(Message(N_("warnings: import with FORCE to accept them")))
                result.report.append(ReportRow(number, "rejected", text))
                continue
            outcome = "inserted" if a.target is None else "updated"
            note = "; ".join(self._text(i.message) for i in a.warnings + a.infos)
            report = ReportRow(number, outcome, note)
            result.report.append(report)
            accepted.append((report, a))
            assert a.parsed is not None
            shadow = dict(
                a.target or {},
                name=request.name or (a.target or {}).get("name"),
                uid=(a.target or {}).get("uid", f"row-{number}"),
            )
            shadow[GEOMETRY] = (a.parsed.lon, a.parsed.lat)
            pending_sites.append((a.layer, shadow))
            if a.target is not None:
                touched[a.target["uid"]] = number
        rejected = result.count("rejected")
        if accepted and not (all_or_nothing and rejected):
            with self.registrar.workspace.write() as conn:
                for report, a in accepted:
                    report.uid = self.registrar.write(conn, a)
            result.written = True
            self.registrar.reload()
        elif accepted:
            for report, _ in accepted:
                report.outcome = "not_written"
                report.message = self._text(
                    Message(N_("not written: another row was rejected and ALL_OR_NOTHING is set"))
                )
        result.report.sort(key=lambda r: r.row)
        return result


def _projected_columns(lat_text: str, lon_text: str) -> bool:
    try:
        return abs(float(lat_text.replace(",", "."))) > 360 and abs(float(lon_text.replace(",", "."))) > 360
    except ValueError:
        return False


def _surveyed_at(text: str) -> Optional[str]:
    text = text.strip()
    if not text:
        return None
    try:
        moment, _ = timestamps.parse_loose(text)
    except ValueError:
        return None
    return None if moment is None else timestamps.format_iso(moment)


def write_report(path: str, result: ImportResult) -> None:
    """The report as CSV: row, outcome, message (and the uid written)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["row", "outcome", "message", "uid"])
        for r in result.report:
            writer.writerow([r.row, r.outcome, r.message, r.uid])
