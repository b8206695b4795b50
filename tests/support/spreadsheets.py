"""XLSX files written byte by byte, for tests and benchmarks of the spreadsheet import.

openpyxl writes well-behaved files only; officers' files (and hostile ones) declare
dimensions that lie, carry thousands of columns or decompress to gigabytes. This writer
produces exactly the XML asked for, streaming it into the zip, so a "zip bomb" costs no memory
to make.
"""

import zipfile
from typing import Iterable, Optional, Sequence, Tuple
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{sheets}</Types>"
)
SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
)
SHEET_REL = (
    '<Relationship Id="rId{n}" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet{n}.xml"/>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"
HIDDEN = ' state="hidden"'


def column_letter(index: int) -> str:
    """1 -> A, 16384 -> XFD."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


class Sheet:
    """One sheet: ``rows`` (sequences of values) and how it misbehaves.

    ``dimension``: the declared used range (e.g. "A1:XFD20000"), true or not;
    ``empty_cells``: per row, this many empty cells written after the values, out to the right;
    ``hidden``: the sheet is hidden (Excel opens on the first visible one).
    """

    def __init__(
        self,
        name: str,
        rows: Iterable[Sequence],
        dimension: Optional[str] = None,
        empty_cells: int = 0,
        hidden: bool = False,
    ) -> None:
        self.name, self.rows, self.dimension, self.empty_cells = name, rows, dimension, empty_cells
        self.hidden = hidden

    def chunks(self) -> Iterable[str]:
        dimension = f'<dimension ref="{self.dimension}"/>' if self.dimension else ""
        yield SHEET_HEAD.format(dimension=dimension)
        for r, values in enumerate(self.rows, start=1):
            cells = [_cell(f"{column_letter(c)}{r}", v) for c, v in enumerate(values, start=1)]
            cells.append("<c/>" * self.empty_cells)  # a cell's reference is optional: the next column
            yield f'<row r="{r}">' + "".join(cells) + "</row>"
        yield SHEET_TAIL


def write_xlsx(path: str, sheets: Sequence[Sheet], compresslevel: int = 6) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as z:
        numbers = range(1, len(sheets) + 1)
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets="".join(SHEET_TYPE.format(n=n) for n in numbers)))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr(
            "xl/workbook.xml",
            WORKBOOK.format(
                sheets="".join(
                    f'<sheet name="{escape(s.name)}" sheetId="{n}"{HIDDEN if s.hidden else ""} r:id="rId{n}"/>'
                    for n, s in zip(numbers, sheets)
                )
            ),
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(rels="".join(SHEET_REL.format(n=n) for n in numbers))
        )
        for n, sheet in zip(numbers, sheets):
            with z.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as f:
                buffer = []
                size = 0
                for chunk in sheet.chunks():
                    buffer.append(chunk)
                    size += len(chunk)
                    if size > 1 << 20:
                        f.write("".join(buffer).encode("utf-8"))
                        buffer, size = [], 0
                f.write("".join(buffer).encode("utf-8"))


def site_rows(count: int, start: int = 0) -> Iterable[Tuple]:
    """``count`` distinct new service points inside Paser, 220 m apart (no duplicate warnings)."""
    for i in range(start, start + count):
        lat = -1.45 - (i % 250) * 0.002
        lon = 115.95 + (i // 250) * 0.002
        yield (f"Titik layanan {i:06d}", "sekolah", round(lat, 6), round(lon, 6))
