"""Reading the officers' spreadsheets (CSV, XLSX) as rows of cell texts, streaming, within bounds.

What reaches the import is whatever Excel, LibreOffice, WPS or a colleague's tool saved, so:

- CSV encodings are found, not assumed: a byte-order mark (UTF-8, UTF-16 — Excel's "Unicode
  Text" — or UTF-32) decides; else UTF-16 without a mark is recognised by its zero bytes;
  else the whole file must decode as UTF-8, else as Windows-1252 (what Excel "CSV" writes on
  an Indonesian or English Windows). A file that is neither is refused with the byte and line
  that cannot be read. Latin-1 is deliberately not a last resort: it reads any byte, so a file
  in another encoding would be imported as wrong letters without a word, and the only bytes
  Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) are invisible control characters
  in Latin-1, never text an officer typed.
- CSV delimiters (",", ";", tab) are counted in the header line, outside quotes. Records are
  read by the csv module from the open file (``newline=""``), so a quoted cell keeps its line
  breaks, and a form feed or U+2028 inside a cell is text, not a new row.
- XLSX is read by a streaming SpreadsheetML parser (expat) that keeps one row at a time:
  the sheet's declared dimensions are ignored (a file may claim A1:XFD1048576 and hold four
  columns), only cells with a value are kept, and the sizes a zip entry declares are checked
  before a byte is decompressed (zipfile then refuses to inflate more than declared).

Every limit ends in a :class:`SpreadsheetError` that names the file and the problem; memory
stays bounded (one row, the shared strings of at most ``MAX_SHARED_STRINGS_BYTES``) whatever
the input. Files are read lazily: :func:`open_spreadsheet` checks what can be checked up front
(existence, size, encoding, zip structure) and :meth:`Spreadsheet.rows` reads as it goes.
"""

import codecs
import csv
import datetime as dt
import io
import math
import os
import posixpath
import re
import zipfile
import zlib
from array import array
from typing import Dict, Iterator, List, Optional, Sequence, Tuple
from xml.parsers import expat

from . import timestamps
from .messages import N_, Message, MessageError

MAX_FILE_BYTES = 256 * 1024 * 1024  # the file itself, CSV or XLSX
MAX_LINE_CHARS = 1024 * 1024  # one physical CSV line
MAX_CELL_CHARS = 32767  # Excel's own limit for one cell
MAX_SHEET_ELEMENTS = 12_000_000  # XML elements of one sheet parsed (cells, values, rows), after _collapse_empty
MAX_SHEET_BYTES = 512 * 1024 * 1024  # one sheet's XML, decompressed
MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024  # xl/sharedStrings.xml, decompressed
MAX_SMALL_PART_BYTES = 16 * 1024 * 1024  # workbook.xml, its relationships, styles.xml, decompressed
MAX_CSV_RECORDS = 2_000_000  # CSV records read, empty ones included (Excel saves at most 1 048 576)

# Cell = the text of one cell; Row = (the spreadsheet's row number, its cells from column A).
Row = Tuple[int, List[str]]


class SpreadsheetError(MessageError, ValueError):
    """The file as a whole cannot be imported (unreadable, too large, no usable columns); nothing was written."""

    @property
    def message(self) -> Message:
        return self.messages[0]


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


# ---------------------------------------------------------------- cells


def number_text(value: float) -> str:
    """A number as an officer typed it: 4 not 4.0, -1.95 not -1.9500000000000002."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def datetime_text(value: dt.datetime) -> str:
    """ISO 8601 UTC with milliseconds, as the workspace stores times (a naive value is UTC)."""
    return timestamps.format_iso(value)


# ---------------------------------------------------------------- the file


class Spreadsheet:
    """An open CSV or XLSX file: :meth:`rows` yields (row number, cell texts) of one sheet."""

    path: str
    kind: str  # "csv" or "xlsx"
    sheet: str = ""  # XLSX: the sheet read
    sheet_names: Sequence[str] = ()  # XLSX: every worksheet, in the workbook's order
    encoding: str = ""  # CSV
    delimiter: str = ""  # CSV

    def rows(self) -> Iterator[Row]:
        raise NotImplementedError

    def fraction(self) -> float:
        """How far :meth:`rows` has read the file, 0 to 1 (for a progress bar)."""
        return 0.0

    def other_sheet(self, name: str) -> "Spreadsheet":
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> "Spreadsheet":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_spreadsheet(path: str, sheet: Optional[str] = None) -> Spreadsheet:
    """The CSV or XLSX at ``path``; :class:`SpreadsheetError` when it cannot be read at all."""
    if not os.path.isfile(path):
        raise SpreadsheetError(Message(N_("file {path} does not exist"), path=path))
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        raise SpreadsheetError(
            Message(
                N_("{path} is {size} MB: the import reads spreadsheets of up to {limit} MB"),
                path=path,
                size=_mb(size),
                limit=_mb(MAX_FILE_BYTES),
            )
        )
    ext = os.path.splitext(path)[1].lower()
    if ext in (".xlsx", ".xlsm"):
        return XlsxFile(path, sheet)
    if ext in (".csv", ".txt", ".tsv"):
        return CsvFile(path)
    raise SpreadsheetError(Message(N_("{path}: only CSV and XLSX spreadsheets can be imported"), path=path))


# ---------------------------------------------------------------- CSV

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "cp1252": "Windows-1252",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "utf-32": "UTF-32",
}
_CHUNK = 1 << 16


def _decode_problem(path: str, encoding: str) -> Optional[Tuple[int, int, int]]:
    """None when the whole file decodes; else (byte, offset, line) of the first byte that does not."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    lines = 1
    with open(path, "rb") as f:
        while True:
            chunk = f.read(_CHUNK)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                # The decoder may hold back a few bytes of the previous chunk: count from the error's own position.
                held = len(exc.object) - len(chunk)
                where = offset - held + exc.start
                f.seek(0)
                before = f.read(max(where, 0))
                bad = exc.object[exc.start] if exc.start < len(exc.object) else 0
                return bad, where, before.count(b"\n") + 1
            if not chunk:
                return None
            offset += len(chunk)
            lines += chunk.count(b"\n")


def _detect_encoding(path: str) -> str:
    with open(path, "rb") as f:
        head = f.read(_CHUNK)
    if not head.strip(b"\r\n\t "):
        raise SpreadsheetError(Message(N_("{path} is empty"), path=path))
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            candidates = [encoding]
            break
    else:
        if head.startswith(b"PK\x03\x04"):
            raise SpreadsheetError(
                Message(N_("{path} is an XLSX (zip) file, not CSV text: give it the extension .xlsx"), path=path)
            )
        zeros = head.count(b"\x00")
        if zeros:
            even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
            if zeros * 4 >= len(head) and max(even, odd) >= 0.9 * zeros:
                # UTF-16 without a byte-order mark: text in Latin letters has a zero in every other byte.
                candidates = ["utf-16-le" if odd > even else "utf-16-be"]
            else:
                raise SpreadsheetError(
                    Message(N_("{path} is not a CSV text file: it holds zero bytes (a binary file?)"), path=path)
                )
        else:
            candidates = ["utf-8", "cp1252"]
    problem = None
    for encoding in candidates:
        problem = _decode_problem(path, encoding)
        if problem is None:
            return encoding
    byte, offset, line = problem  # type: ignore[misc]
    if candidates == ["utf-8", "cp1252"]:
        raise SpreadsheetError(
            Message(
                N_(
                    "{path} is neither UTF-8 nor Windows-1252 text (byte 0x{byte:02X} in line {line}, byte {offset}): "
                    "save it from the spreadsheet as “CSV UTF-8” and import that file"
                ),
                path=path,
                byte=byte,
                line=line,
                offset=offset,
            )
        )
    raise SpreadsheetError(
        Message(
            N_("{path} is not valid {encoding} text (byte 0x{byte:02X} in line {line}, byte {offset})"),
            path=path,
            encoding=_ENCODING_NAMES.get(candidates[0], candidates[0]),
            byte=byte,
            line=line,
            offset=offset,
        )
    )


def _delimiter(lines: Sequence[str]) -> str:
    """The delimiter of the first lines: the most frequent of tab, ";" and "," outside quotes.

    Several lines, not only the first: a title above the table has no delimiter, or a comma.
    """
    counts = {"\t": 0, ";": 0, ",": 0}
    for line in lines:
        quoted = False
        for char in line:
            if char == '"':
                quoted = not quoted
            elif not quoted and char in counts:
                counts[char] += 1
    best = max(counts, key=lambda d: counts[d])  # ties: tab, then ";" (dict order)
    return best if counts[best] else ","


class CsvFile(Spreadsheet):
    kind = "csv"

    def __init__(self, path: str) -> None:
        self.path = path
        self.encoding = _detect_encoding(path)
        self._size = os.path.getsize(path) or 1
        self._stream: Optional[io.TextIOWrapper] = None
        with self._open() as f:
            lines = [f.readline(_CHUNK) for _ in range(20)]
        self.delimiter = _delimiter(lines)

    def _open(self) -> io.TextIOWrapper:
        return open(self.path, encoding=self.encoding, newline="")

    def fraction(self) -> float:
        if self._stream is None or self._stream.closed:
            return 0.0
        try:
            return min(self._stream.buffer.tell() / self._size, 1.0)
        except (OSError, ValueError):
            return 0.0

    def _lines(self, stream: io.TextIOWrapper) -> Iterator[str]:
        number = 0
        while True:
            line = stream.readline(MAX_LINE_CHARS + 1)
            if not line:
                return
            number += 1
            if len(line) > MAX_LINE_CHARS:
                raise SpreadsheetError(
                    Message(
                        N_("{path}: line {line} is longer than {limit} characters: this is not a table of sites"),
                        path=self.path,
                        line=number,
                        limit=MAX_LINE_CHARS,
                    )
                )
            yield line

    def rows(self) -> Iterator[Row]:
        with self._open() as stream:
            self._stream = stream
            reader = csv.reader(self._lines(stream), delimiter=self.delimiter)
            number = 0
            while True:
                try:
                    record = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    raise SpreadsheetError(
                        Message(
                            N_("{path}: line {line} cannot be read as CSV ({error}): an unclosed quote?"),
                            path=self.path,
                            line=reader.line_num,
                            error=exc,
                        )
                    ) from None
                number += 1
                if number > MAX_CSV_RECORDS:
                    raise SpreadsheetError(
                        Message(N_("{path} has more than {limit} lines"), path=self.path, limit=MAX_CSV_RECORDS)
                    )
                # A line break typed in a cell comes as \r\n from some writers: store it as \n.
                yield number, [(c.replace("\r\n", "\n") if "\r" in c else c).strip() for c in record]


# ---------------------------------------------------------------- XLSX

_DATE_FORMAT_IDS = set(range(14, 23)) | set(range(27, 37)) | {45, 46, 47} | set(range(50, 59))
_DATE_CODE = re.compile(r"[dmyhs]", re.IGNORECASE)
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_COLUMN = re.compile(r"[A-Za-z]+")
_INTEGER = re.compile(r"-?\d{1,15}$")


def _is_date_format(code: str) -> bool:
    """A number format that shows a date or time: d, m, y, h or s outside quotes, brackets and escapes."""
    return bool(_DATE_CODE.search(_FORMAT_NOISE.sub("", code)))


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _column_index(ref: str) -> int:
    """The 1-based column of a cell reference ("AB12" -> 28); 0 when it has no letters."""
    letters = _COLUMN.match(ref)
    if not letters:
        return 0
    index = 0
    for char in letters.group(0).upper():
        index = index * 26 + ord(char) - 64
    return index


def excel_serial_datetime(serial: float, date1904: bool = False) -> dt.datetime:
    """An Excel date serial as a datetime, to the millisecond (1900 system with its 29 Feb 1900)."""
    if date1904:
        base = dt.datetime(1904, 1, 1)
    elif serial < 60:
        base = dt.datetime(1899, 12, 31)
    else:
        base = dt.datetime(1899, 12, 30)
    return base + dt.timedelta(milliseconds=round(serial * 86_400_000))


# Empty cells (<c r="B2" s="3"/>) and empty rows (<row r="7"/>) cost two parser callbacks each,
# and a hostile sheet holds millions of them (an officer's sheet with a formatted empty range,
# thousands). A run of them in one chunk becomes one element first: the run's last element
# with an explicit reference, and how many followed it (_SKIPPED), or only that count. The
# regular expressions run at C speed (reference-less "<c/>" runs, a zip bomb's favourite,
# have a literal one of their own: ten times faster); an element cut by a chunk boundary is
# simply left to expat.
_SKIPPED = "paser-skipped"
_PLAIN_RUN = re.compile(rb"(?:<c/>){2,}|(?:<row/>){2,}")
_EMPTY_RUN = re.compile(rb"(?:<(c|row)(?=[\s/])[^<>]*/>){2,}")
_REFERENCE = re.compile(rb'\sr\s*=\s*["\']([^"\']*)["\']')
_SKIP_COUNT = re.compile(_SKIPPED.encode() + rb'="(\d+)"')


def _collapse_plain(match: "re.Match") -> bytes:
    run = match.group(0)
    opening = run[: run.index(b"/")]
    return opening + f' {_SKIPPED}="{run.count(b"/>")}"/>'.encode()


def _collapse_run(match: "re.Match") -> bytes:
    run = match.group(0)
    opening = b"<" + match.group(1)
    if run.count(opening) != run.count(b"<"):  # <c/> and <row/> mixed: not well-formed, expat judges it
        return run
    last = None
    for last in _REFERENCE.finditer(run):  # noqa: B007 - the last one is wanted
        pass
    tail = run if last is None else run[last.end() :]
    # Elements after the last reference: one each, or the count of a run collapsed before.
    after = tail.count(b"/>") - (0 if last is None else 1)
    for counted in _SKIP_COUNT.finditer(tail):
        after += int(counted.group(1)) - 1
    if last is None:
        return opening + f' {_SKIPPED}="{after}"/>'.encode()
    return opening + b' r="' + last.group(1) + f'" {_SKIPPED}="{after}"/>'.encode()


def _collapse_empty(chunk: bytes) -> bytes:
    return _EMPTY_RUN.sub(_collapse_run, _PLAIN_RUN.sub(_collapse_plain, chunk))


class _SharedStrings:
    """The workbook's shared strings, packed: UTF-8 bytes and offsets, not a Python object each."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("q")

    def append(self, text: str) -> None:
        self._data += text.encode("utf-8")
        self._ends.append(len(self._data))

    def __getitem__(self, index: int) -> str:
        start = self._ends[index - 1] if index > 0 else 0
        return self._data[start : self._ends[index]].decode("utf-8")

    def __len__(self) -> int:
        return len(self._ends)


class XlsxFile(Spreadsheet):
    kind = "xlsx"

    def __init__(self, path: str, sheet: Optional[str] = None) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise SpreadsheetError(
                Message(N_("{path} cannot be read as XLSX: {error}"), path=path, error=exc)
            ) from None
        self._read = (0, 1)
        try:
            self._read_workbook()
            self._choose(sheet)
        except BaseException:
            self._zip.close()
            raise

    def close(self) -> None:
        self._zip.close()

    # -- the workbook's parts

    def _broken(self, problem) -> SpreadsheetError:
        return SpreadsheetError(Message(N_("{path} cannot be read as XLSX: {error}"), path=self.path, error=problem))

    def _info(self, name: str, limit: int) -> Optional[zipfile.ZipInfo]:
        """The zip entry ``name``, refused when it declares more than ``limit`` bytes unpacked.

        zipfile never inflates more than an entry declares (it fails on the checksum), so a
        zip bomb is caught here, before a byte of it is decompressed.
        """
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            return None
        if info.file_size > limit:
            raise SpreadsheetError(
                Message(
                    N_(
                        "{path}: the part {part} unpacks to {size} MB (at most {limit} MB are read): "
                        "a damaged or hostile file"
                    ),
                    path=self.path,
                    part=name,
                    size=_mb(info.file_size),
                    limit=_mb(limit),
                )
            )
        return info

    def _parse(self, info: zipfile.ZipInfo, start, end=None, text=None, collapse=False) -> Iterator[int]:
        """Feed the part to expat chunk by chunk; yields the bytes unpacked so far after each chunk.

        ``collapse``: runs of empty cells and rows become one element each first (_collapse_empty).
        """
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = start
        if end is not None:
            parser.EndElementHandler = end
        if text is not None:
            parser.CharacterDataHandler = text
        done = 0
        try:
            with self._zip.open(info) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    parser.Parse(_collapse_empty(chunk) if collapse and chunk else chunk, not chunk)
                    if not chunk:
                        return
                    done += len(chunk)
                    yield done
        except expat.ExpatError as exc:
            raise self._broken(f"{info.filename}: {exc}") from None
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error) as exc:
            raise self._broken(exc) from None

    def _parse_small(self, name: str, start) -> bool:
        info = self._info(name, MAX_SMALL_PART_BYTES)
        if info is None:
            return False
        for _ in self._parse(info, start):
            pass
        return True

    def _relationships(self, part: str) -> Dict[str, Tuple[str, str]]:
        """Id -> (type, path in the zip) of the relationships of ``part``."""
        folder, base = posixpath.split(part)
        rels: Dict[str, Tuple[str, str]] = {}

        def start(name, attrs):
            if _local(name) == "Relationship" and "Id" in attrs and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                rels[attrs["Id"]] = (attrs.get("Type", ""), posixpath.normpath(path))

        self._parse_small(posixpath.join(folder, "_rels", base + ".rels"), start)
        return rels

    def _read_workbook(self) -> None:
        workbook = next(
            (path for kind, path in self._relationships("").values() if kind.endswith("/officeDocument")),
            "xl/workbook.xml",
        )
        sheets: List[Tuple[str, str]] = []  # (name, relationship id)
        hidden = set()
        flags = {"date1904": False}

        def start(name, attrs):
            local = _local(name)
            if local == "sheet":
                rid = next((v for k, v in attrs.items() if ":" in k and _local(k) == "id"), "")
                sheets.append((attrs.get("name", ""), rid))
                if attrs.get("state") in ("hidden", "veryHidden"):
                    hidden.add(attrs.get("name", ""))
            elif local == "workbookPr":
                flags["date1904"] = attrs.get("date1904", "0").lower() in ("1", "true")

        if not self._parse_small(workbook, start):
            raise self._broken(Message(N_("it has no workbook part ({part})"), part=workbook))
        rels = self._relationships(workbook)
        self._sheet_paths: Dict[str, str] = {}
        for name, rid in sheets:
            kind, path = rels.get(rid, ("", ""))
            if kind.endswith("/worksheet") and path in self._zip.NameToInfo:
                self._sheet_paths[name] = path
        self.sheet_names = [name for name, _ in sheets if name in self._sheet_paths]
        if not self.sheet_names:
            raise self._broken(Message(N_("it has no worksheet")))
        self.date1904 = flags["date1904"]
        self._hidden = hidden
        self._shared_path = next((p for k, p in rels.values() if k.endswith("/sharedStrings")), "")
        self._styles_path = next((p for k, p in rels.values() if k.endswith("/styles")), "")
        self._shared: Optional[_SharedStrings] = None
        self._date_styles: Optional[set] = None

    def _choose(self, sheet: Optional[str]) -> None:
        if sheet and sheet not in self._sheet_paths:
            raise SpreadsheetError(
                Message(
                    N_("{path} has no sheet “{sheet}” (sheets: {sheets})"),
                    path=self.path,
                    sheet=sheet,
                    sheets=", ".join(self.sheet_names),
                )
            )
        # Excel opens on a visible sheet: "the first" is the first the officer can see.
        self.sheet = sheet or next((n for n in self.sheet_names if n not in self._hidden), self.sheet_names[0])

    def other_sheet(self, name: str) -> "XlsxFile":
        return XlsxFile(self.path, name)

    def _styles(self) -> set:
        """Indices of the cell formats that show a number as a date or time."""
        if self._date_styles is None:
            custom: Dict[int, str] = {}
            xf_formats: List[int] = []
            state = {"in_xfs": False}

            def start(name, attrs):
                local = _local(name)
                if local == "numFmt":
                    try:
                        custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")
                    except ValueError:
                        pass
                elif local == "cellXfs":
                    state["in_xfs"] = True
                elif local in ("cellStyles", "dxfs", "cellStyleXfs"):
                    state["in_xfs"] = False
                elif local == "xf" and state["in_xfs"]:
                    number = attrs.get("numFmtId", "0")
                    xf_formats.append(int(number) if number.isdigit() else 0)

            if self._styles_path:
                self._parse_small(self._styles_path, start)
            self._date_styles = {
                index
                for index, fmt in enumerate(xf_formats)
                if fmt in _DATE_FORMAT_IDS or (fmt in custom and _is_date_format(custom[fmt]))
            }
        return self._date_styles

    def _shared_strings(self) -> _SharedStrings:
        """The shared strings; <si> holds <t> or rich-text runs <r><t>; phonetic guides <rPh> are not text."""
        if self._shared is None:
            shared = _SharedStrings()
            info = self._info(self._shared_path, MAX_SHARED_STRINGS_BYTES) if self._shared_path else None
            if info is not None:
                parts: List[str] = []
                state = {"in_t": False, "phonetic": 0, "length": 0}

                def start(name, attrs):
                    local = _local(name)
                    if local == "si":
                        parts.clear()
                        state["length"] = 0
                    elif local == "rPh":
                        state["phonetic"] += 1
                    elif local == "t" and not state["phonetic"]:
                        state["in_t"] = True

                def end(name):
                    local = _local(name)
                    if local == "si":
                        shared.append("".join(parts))
                    elif local == "rPh":
                        state["phonetic"] -= 1
                    elif local == "t":
                        state["in_t"] = False

                def text(data):
                    if state["in_t"]:
                        state["length"] += len(data)
                        if state["length"] > MAX_CELL_CHARS:
                            raise self._too_long(info.filename)
                        parts.append(data)

                for _ in self._parse(info, start, end, text):
                    pass
            self._shared = shared
        return self._shared

    def _too_long(self, where: str) -> SpreadsheetError:
        return SpreadsheetError(
            Message(
                N_(
                    "{path}: a cell of {part} is longer than {limit} characters (Excel's own limit): a damaged or hostile file"
                ),
                path=self.path,
                part=where,
                limit=MAX_CELL_CHARS,
            )
        )

    def fraction(self) -> float:
        done, total = self._read
        return min(done / total, 1.0) if total > 0 else 0.0

    def rows(self) -> Iterator[Row]:
        """(row number, cell texts from column A to the row's last cell with a value) of every row with a value."""
        path = self._sheet_paths[self.sheet]
        info = self._info(path, MAX_SHEET_BYTES)
        if info is None:
            raise self._broken(Message(N_("it has no part {part}"), part=path))
        shared = self._shared_strings()
        date_styles = self._styles()
        value_of = self._value
        done: List[Row] = []
        # Plain locals, not objects: the handlers run once per XML element, millions of times for a big sheet.
        elements = 0
        number = 0  # the row being read
        column = 0  # the last column seen in it
        cells: Dict[int, str] = {}  # its cells with a value
        attributes: Dict[str, str] = {}  # the cell being read
        parts: Optional[List[str]] = None  # its text, while inside <v> or <is><t>
        length = 0
        inline = False  # inside <is>
        phonetic = 0  # inside <rPh> (a reading guide, not text)

        def start(name, attrs):
            nonlocal elements, number, column, cells, attributes, parts, length, inline, phonetic
            elements += 1
            if elements > MAX_SHEET_ELEMENTS:
                raise self._too_many()
            if ":" in name:
                name = _local(name)
            if name == "c":
                ref = attrs.get("r")
                skip = attrs.get(_SKIPPED)
                if skip is None:
                    column = (_column_index(ref) if ref else 0) or column + 1
                elif skip.isdigit():  # empty cells collapsed by _collapse_empty
                    column = (_column_index(ref) if ref else column) + int(skip)
                attributes = attrs
                parts = None
                length = 0
                inline = False
            elif name == "v" or (name == "t" and inline and not phonetic):
                if parts is None:
                    parts = []
            elif name == "row":
                r = attrs.get("r")
                skip = attrs.get(_SKIPPED)
                if skip is None:
                    number = int(r) if r and r.isdigit() else number + 1
                elif skip.isdigit():  # empty rows collapsed by _collapse_empty
                    number = (int(r) if r and r.isdigit() else number) + int(skip)
                column = 0
                cells = {}
            elif name == "is":
                inline = True
            elif name == "rPh":
                phonetic += 1

        def end(name):
            nonlocal parts, inline, phonetic
            if ":" in name:
                name = _local(name)
            if name == "c":
                if parts:
                    style = attributes.get("s")
                    value = value_of(
                        "".join(parts),
                        attributes.get("t", "n"),
                        int(style) if style and style.isdigit() else 0,
                        shared,
                        date_styles,
                    )
                    if value:
                        cells[column] = value
                parts = None
            elif name == "row":
                if cells:
                    done.append((number, [cells.get(c, "") for c in range(1, max(cells) + 1)]))
            elif name == "is":
                inline = False
            elif name == "rPh":
                phonetic -= 1

        def text(data):
            nonlocal length
            if parts is not None and not phonetic:
                length += len(data)
                if length > MAX_CELL_CHARS:
                    raise self._too_long(self.sheet)
                parts.append(data)

        for unpacked in self._parse(info, start, end, text, collapse=True):
            self._read = (unpacked, info.file_size)
            if done:
                yield from done
                done.clear()
        yield from done

    def _too_many(self) -> SpreadsheetError:
        return SpreadsheetError(
            Message(
                N_(
                    "{path}: sheet “{sheet}” has more than {limit} cells and rows (empty ones included): "
                    "copy the table alone to a new file and import that"
                ),
                path=self.path,
                sheet=self.sheet,
                limit=MAX_SHEET_ELEMENTS,
            )
        )

    def _value(self, raw: str, kind: str, style: int, shared: _SharedStrings, date_styles: set) -> str:
        if kind == "s":
            try:
                return shared[int(raw)].strip()
            except (ValueError, IndexError):
                raise self._broken(
                    Message(N_("a cell refers to shared string {index}, which does not exist"), index=raw)
                ) from None
        if kind in ("inlineStr", "str", "e"):
            return raw.strip()
        if kind == "b":
            return "TRUE" if raw.strip() in ("1", "true") else "FALSE"
        raw = raw.strip()
        if kind == "d":
            try:
                return datetime_text(dt.datetime.fromisoformat(raw.replace("Z", "+00:00")))
            except ValueError:
                return raw
        if style in date_styles:
            try:
                return datetime_text(excel_serial_datetime(float(raw), self.date1904))
            except (ValueError, OverflowError):
                return raw
        if _INTEGER.match(raw):
            return raw
        try:
            return number_text(float(raw))
        except ValueError:
            return raw
