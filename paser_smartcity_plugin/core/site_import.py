"""Importing the officers' spreadsheets of sites (CSV, XLSX) through the register operation.

Columns are found by their header, in Indonesian or English (``nama``/``name``,
``lintang``/``latitude``, ``bujur``/``longitude``, ``koordinat``/``coordinates``, ``desa``,
...), in the first rows of the sheet (a title above the table is skipped). Coordinates come
in one column (any format the parser reads) or two (latitude and longitude, each DD/DDM/DMS;
or easting and northing). A row names an existing site by ``uid`` or by its name — its
coordinates are then registered — or is a new service point (name, category, desa).

A site takes its coordinates from one row: a later row naming a site an earlier row already
gave coordinates — an existing site, or the new site of an earlier row (the same name, in the
same desa or within the duplicate distance) — is rejected with the number of that earlier
row; the earlier row is written and its report names the rows left out. A new site with the
name of an earlier row's new site in another desa far away is another site, with a warning.

Every accepted row is written in one transaction. Rejected rows are listed in the report with
their reason; with ``all_or_nothing`` nothing is written as soon as one row is rejected.
Reading is streaming (core/spreadsheet.py), and each row is checked against indexes of the
sites (by uid, name and position), so time grows linearly with the rows.
"""

import re
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

from . import timestamps
from .checks import ERROR, WARNING, Issue
from .codelists import CATEGORY, COORD_SOURCE
from .coordinates import CoordinateParseError, parse_columns, parse_coordinates
from .gazetteer import haversine_m
from .messages import N_, Message, MessageError
from .register import Assessment, PlannedWrite, Registrar, RegistrationRequest, name_key
from .rows import GEOMETRY
from .safe_csv import safe_writer
from .schema import LAYER_NAMES
from .spatial import PointGrid
from .spreadsheet import Row, Spreadsheet, SpreadsheetError, open_spreadsheet

__all__ = ["SiteImporter", "SpreadsheetError", "Table", "map_headers", "read_table", "write_report"]

MAX_ROWS = 100000  # data rows (rows with a value, below the header)
HEADER_SEARCH_ROWS = 10  # rows with a value looked at for the header
SHEETS_SEARCHED = 20  # other sheets looked at for coordinate columns when the chosen one has none

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


NO_NAME_COLUMN = N_("no “nama”/“name” or “uid” column: rows cannot be matched to sites")


class ImportCancelledError(MessageError):
    """The officer cancelled the import; nothing was written."""


# ---------------------------------------------------------------- reading


class Table:
    """A spreadsheet's header row and its data rows, read as the import goes."""

    def __init__(self, source: Spreadsheet, header_row: int, headers: List[str], rows: Iterator[Row]) -> None:
        self.source = source
        self.header_row = header_row  # the spreadsheet's row number of the header
        self.headers = headers  # up to the last header with a text
        self.mapping = map_headers(headers)
        self.rows = rows  # (row number, cells) of every row with a value below the header

    @property
    def sheet(self) -> str:
        return self.source.sheet

    def fraction(self) -> float:
        return self.source.fraction()

    def close(self) -> None:
        self.source.close()

    def __enter__(self) -> "Table":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _header_problem(cells: Sequence[str]) -> Optional[SpreadsheetError]:
    try:
        map_headers(cells)
    except SpreadsheetError as exc:
        return exc
    return None


def _find_header(rows: Iterator[Row]) -> Tuple[Optional[Row], Optional[SpreadsheetError]]:
    """(the header row, None) or (None, what is wrong with the header) among the first HEADER_SEARCH_ROWS rows with a value.

    Without a header, the problem shown is that of the first row with coordinate columns (it
    lacks the name), else of the first row; None when no row has a value.
    """
    shown: Optional[SpreadsheetError] = None
    for seen, (number, cells) in enumerate(((n, c) for n, c in rows if any(c)), start=1):
        problem = _header_problem(cells)
        if problem is None:
            return (number, cells), None
        has_coordinates = problem.message.template == NO_NAME_COLUMN
        if shown is None or (has_coordinates and shown.message.template != NO_NAME_COLUMN):
            shown = problem
        if seen >= HEADER_SEARCH_ROWS:
            break
    return None, shown


def _data_rows(rows: Iterator[Row], path: str) -> Iterator[Row]:
    count = 0
    for number, cells in rows:
        if not any(cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise SpreadsheetError(Message(N_("{path} has more than {limit} rows"), path=path, limit=MAX_ROWS))
        yield number, cells


def _sheets_hint(book: Spreadsheet) -> Optional[Message]:
    """For an XLSX whose chosen sheet has no table: the other sheets, and which have coordinate columns."""
    others = [name for name in book.sheet_names if name != book.sheet]
    if not others:
        return None
    found = []
    for name in others[:SHEETS_SEARCHED]:
        try:
            with book.other_sheet(name) as other:
                header, _ = _find_header(other.rows())
        except SpreadsheetError:
            continue
        if header is not None:
            found.append(f"“{name}”")
    if found:
        return Message(
            N_(
                "sheet “{sheet}” was read, and sheet {found} of this file has coordinate columns: "
                "choose it with the parameter “XLSX sheet” (SHEET)"
            ),
            sheet=book.sheet,
            found=", ".join(found),
        )
    return Message(
        N_("sheet “{sheet}” was read; the file also has the sheets {sheets}: choose one with “XLSX sheet” (SHEET)"),
        sheet=book.sheet,
        sheets=", ".join(f"“{name}”" for name in others),
    )


def read_table(path: str, sheet: Optional[str] = None) -> Table:
    """The table of a CSV or XLSX file (``sheet``: the XLSX sheet, else the first); close it after use.

    The header is the first row (of the first ten with a value) that names a coordinate
    column and a name or uid column. :class:`SpreadsheetError` when the file or its header
    cannot be used; later problems (too many rows) come while :attr:`Table.rows` is read.
    """
    book = open_spreadsheet(path, sheet)
    try:
        rows = book.rows()
        header, problem = _find_header(rows)
        if header is None:
            hint = _sheets_hint(book)
            if problem is None:
                empty = (
                    Message(N_("sheet “{sheet}” of {path} is empty"), sheet=book.sheet, path=path)
                    if book.kind == "xlsx"
                    else Message(N_("{path} is empty"), path=path)
                )
                raise SpreadsheetError(*([empty, hint] if hint else [empty]))
            raise SpreadsheetError(*(problem.messages + ((hint,) if hint else ())))
        number, cells = header
        width = max(i for i, c in enumerate(cells) if c) + 1
        return Table(book, number, list(cells[:width]), _data_rows(rows, path))
    except BaseException:
        book.close()
        raise


def _listing(texts: Sequence[str], limit: int = 20) -> str:
    """The first ``limit`` texts, comma-separated, "…" when there are more (a header may have thousands)."""
    shown = ", ".join(t if len(t) <= 60 else t[:59] + "…" for t in texts[:limit])
    return shown + (", …" if len(texts) > limit else "")


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
                headers=_listing([h for h in headers if h]),
            )
        )
    if "name" not in mapping and "uid" not in mapping:
        raise SpreadsheetError(Message(NO_NAME_COLUMN))
    return mapping


# ---------------------------------------------------------------- importing


@dataclass
class ReportRow:
    row: int  # the spreadsheet's row number, as the spreadsheet program shows it
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

    def run(
        self,
        table: Table,
        all_or_nothing: bool = False,
        progress: Optional[Callable[[float], None]] = None,
        is_canceled: Optional[Callable[[], bool]] = None,
    ) -> ImportResult:
        """Assess every row of ``table``, then write the accepted ones in one transaction.

        ``progress(fraction)`` is called now and then (reading is 0 to 0.9, writing the rest);
        ``is_canceled()`` is asked as often: True ends with :class:`ImportCancelledError`, nothing written.
        """
        mapping = table.mapping
        width = len(table.headers)
        # Cells right of the header are a CSV's decimal commas; in XLSX they are just other data.
        check_width = table.source.kind == "csv"
        distance = self.registrar.duplicate_distance_m
        result = ImportResult()
        accepted: List[Tuple[ReportRow, PlannedWrite]] = []
        pending = {layer: PointGrid(distance) for layer in LAYER_NAMES}  # earlier rows' positions
        new_sites: Dict[str, List[_NewSite]] = {}  # name key -> the new sites of earlier rows
        touched: Dict[str, int] = {}  # uid of an existing site -> the row that gave it coordinates
        for count, (number, row) in enumerate(table.rows):
            if count % 500 == 0:
                self._check(is_canceled)
                if progress is not None:
                    progress(0.9 * table.fraction())
            if check_width and len(row) > width and any(row[width:]):
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
                                columns=width,
                            )
                        ),
                    )
                )
                continue
            cells = {key: (row[i] if i < len(row) else "") for key, i in mapping.items()}
            request, problem = self._request(cells)
            if problem is not None:
                result.report.append(ReportRow(number, "rejected", self._text(problem)))
                continue
            a = self.registrar.assess(request, extra_sites=pending)
            if a.target is not None and a.target["uid"] in touched:
                a.issues.append(
                    Issue(
                        ERROR,
                        "twice",
                        Message(
                            N_("this site was already given coordinates in row {row}"), row=touched[a.target["uid"]]
                        ),
                    )
                )
            same_site = None
            if a.target is None and a.parsed is not None and not a.errors:
                same_site = self._same_new_site(a, new_sites.get(name_key(request.name), ()))
            if not a.can_write(self.force):
                reasons = a.errors or a.warnings
                text = "; ".join(self._text(i.message) for i in reasons)
                if not a.errors:
                    text += " — " + self._text(Message(N_("warnings: import with FORCE to accept them")))
                result.report.append(ReportRow(number, "rejected", text))
                if same_site is not None and any(i.code == "same_new_site" for i in a.errors):
                    same_site.left_out.append(number)
                continue
            outcome = "inserted" if a.target is None else "updated"
            note = "; ".join(self._text(i.message) for i in a.warnings + a.infos)
            report = ReportRow(number, outcome, note)
            result.report.append(report)
            accepted.append((report, self.registrar.plan(a)))
            assert a.parsed is not None
            uid = a.target["uid"] if a.target is not None else f"row-{number}"
            name = request.name.strip() or (a.target or {}).get("name")
            pending[a.layer].add({"uid": uid, "name": name, GEOMETRY: (a.parsed.lon, a.parsed.lat)})
            if a.target is not None:
                touched[a.target["uid"]] = number
            else:
                site = _NewSite(number, a.desa_code, a.parsed.lon, a.parsed.lat, report)
                new_sites.setdefault(name_key(request.name), []).append(site)
        for sites in new_sites.values():
            for site in sites:
                if site.left_out:
                    note = self._text(
                        Message(
                            N_("rows {rows} name the same new site and were left out"),
                            rows=", ".join(str(r) for r in site.left_out),
                        )
                    )
                    site.report.message = f"{site.report.message}; {note}" if site.report.message else note
        rejected = result.count("rejected")
        if accepted and not (all_or_nothing and rejected):
            with self.registrar.workspace.write() as conn:
                for index, (report, planned) in enumerate(accepted):
                    if index % 500 == 0:
                        self._check(is_canceled)  # raising here rolls the transaction back
                        if progress is not None:
                            progress(0.9 + 0.1 * index / len(accepted))
                    report.uid = self.registrar.apply(conn, planned)
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

    def _check(self, is_canceled: Optional[Callable[[], bool]]) -> None:
        if is_canceled is not None and is_canceled():
            raise ImportCancelledError(Message(N_("import cancelled; nothing was written")))

    def _same_new_site(self, a: Assessment, earlier: Sequence["_NewSite"]) -> Optional["_NewSite"]:
        """An earlier row's new site of the same name: the same site (an error) or a namesake elsewhere (a warning)."""
        if not earlier:
            return None
        assert a.parsed is not None
        distance = self.registrar.duplicate_distance_m
        name = a.request.name.strip()
        for site in earlier:
            if site.desa_code == a.desa_code or haversine_m(a.parsed.lon, a.parsed.lat, site.lon, site.lat) <= distance:
                a.issues.append(
                    Issue(
                        ERROR,
                        "same_new_site",
                        Message(
                            N_(
                                "row {row} already makes “{name}” a new site in the same desa (or within {limit} m): "
                                "a site takes its coordinates from one row"
                            ),
                            row=site.row,
                            name=name,
                            limit=f"{distance:g}",
                        ),
                    )
                )
                return site
        first = earlier[0]
        desa = self.gazetteer.desa_by_code(first.desa_code)
        a.issues.append(
            Issue(
                WARNING,
                "same_name",
                Message(
                    N_(
                        "row {row} also makes a new site named “{name}”, in {desa}: two sites will have this name, "
                        "and later rows and imports can name them only by uid"
                    ),
                    row=first.row,
                    name=name,
                    desa=desa.display_name if desa else first.desa_code,
                ),
            )
        )
        return first


@dataclass
class _NewSite:
    """A new site an earlier row of the file makes."""

    row: int
    desa_code: str
    lon: float
    lat: float
    report: ReportRow
    left_out: List[int] = field(default_factory=list)  # later rows naming it, rejected


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
        writer = safe_writer(f)
        writer.writerow(["row", "outcome", "message", "uid"])
        for r in result.report:
            writer.writerow([r.row, r.outcome, r.message, r.uid])
