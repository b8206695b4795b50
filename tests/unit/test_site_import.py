"""The spreadsheet import (`import_sites` core) on the files officers really get: any encoding and
delimiter, cells with line breaks, big and hostile XLSX, the same new site on several rows, data
on another sheet. Real workspaces; the XLSX files are written byte by byte (tests/support/spreadsheets.py)
or by openpyxl, both different writers than the reader under test."""

import codecs
import csv
import hashlib
import os
import subprocess
import sys
import textwrap
import zipfile

import pytest
from spreadsheets import Sheet, site_rows, write_xlsx

from paser_smartcity_plugin.core import spreadsheet
from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.gazetteer import default_gazetteer
from paser_smartcity_plugin.core.register import Registrar
from paser_smartcity_plugin.core.schema import SERVICE_POINTS
from paser_smartcity_plugin.core.site_import import (
    ImportCancelledError,
    SiteImporter,
    SpreadsheetError,
    read_table,
    write_report,
)
from paser_smartcity_plugin.core.spreadsheet import open_spreadsheet
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEADER = ["Nama", "Kategori", "Lintang", "Bujur", "Catatan"]
NAME = "SD Negeri 012 Muara Komam — ruang guru ñ é ü"  # letters every encoding below can hold


def digest(path) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run_import(workspace, path, sheet=None, **kwargs):
    with read_table(str(path), sheet) as table:
        return SiteImporter(Registrar(workspace), force=kwargs.pop("force", False)).run(table, **kwargs)


def names(workspace):
    return sorted(p["name"] for p in workspace.sites(SERVICE_POINTS))


# ---------------------------------------------------------------- CSV encodings and delimiters


@pytest.mark.parametrize(
    "encoding, delimiter",
    [
        ("utf-8", ","),
        ("utf-8-sig", ";"),  # Excel "CSV UTF-8"
        ("cp1252", ";"),  # Excel "CSV" on an Indonesian Windows
        ("utf-16", "\t"),  # Excel "Unicode Text": UTF-16 LE with a byte-order mark, tabs
        ("utf-16-le", "\t"),  # the same without the mark
        ("utf-16-be", ","),
        ("utf-32", ";"),
    ],
)
def test_csv_in_any_encoding_and_delimiter(demo_workspace, tmp_path, encoding, delimiter):
    path = tmp_path / "titik.txt"
    lat, lon = ("-1,95", "116,25") if delimiter != "," else ("-1.95", "116.25")
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows([HEADER, [NAME, "sekolah", lat, lon, "café"]])
    result = run_import(demo_workspace, path)
    assert [(r.row, r.outcome) for r in result.report] == [(2, "inserted")]
    site = demo_workspace.site(SERVICE_POINTS, result.report[0].uid)
    assert (site["name"], site["notes"]) == (NAME, "café")


def test_csv_neither_utf8_nor_windows_1252_gets_a_message(demo_workspace, tmp_path):
    path = tmp_path / "titik.csv"
    # 0x81, 0x8D and 0x9D are undefined in Windows-1252 and invalid in UTF-8 (e.g. a file in another code page).
    path.write_bytes(b"Nama;Kategori;Lintang;Bujur\r\nSD \x81\x8d\x9d;sekolah;-1,95;116,25\r\n")
    before = digest(demo_workspace.path)
    with pytest.raises(SpreadsheetError) as caught:
        read_table(str(path))
    text = str(caught.value)
    assert str(path) in text
    assert "neither UTF-8 nor Windows-1252" in text
    assert "0x81" in text
    assert "line 2" in text
    assert digest(demo_workspace.path) == before


@pytest.mark.parametrize(
    "content, words",
    [
        (b"PK\x03\x04\x14\x00\x00\x00" + b"\x00" * 40, r"is an XLSX \(zip\) file"),
        (b"Nama;Lintang\x00\x01\x02\x03\xff\xfe\x00\x00\x00", "not a CSV text file"),
        (codecs.BOM_UTF8 + b"Nama;Lintang;Bujur\r\nSD \xff;-1;116\r\n", "not valid UTF-8 text"),
        (b"\r\n\r\n  \r\n", "is empty"),
    ],
)
def test_unreadable_csv_files_are_named(tmp_path, content, words):
    path = tmp_path / "titik.csv"
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError, match=words):
        read_table(str(path))


def test_quoted_cells_keep_their_line_breaks_and_never_split_a_row(demo_workspace, tmp_path):
    path = tmp_path / "titik.csv"
    notes = [
        "baris satu\nbaris dua",
        "halaman\x0cbaru",
        "pemisah\u2028baris",
        "paragraf\u2029baru",
        "a\x1cb\x1dc\x1ed\x85e",
    ]
    rows = [HEADER] + [[f"SD {i}", "sekolah", f"-1.{90 + i}", "116.25", n] for i, n in enumerate(notes)]
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)  # \r\n between records, the cells' own breaks inside quotes
    result = run_import(demo_workspace, path, force=True)
    assert [(r.row, r.outcome) for r in result.report] == [(i + 2, "inserted") for i in range(len(notes))]
    stored = {
        demo_workspace.site(SERVICE_POINTS, r.uid)["name"]: demo_workspace.site(SERVICE_POINTS, r.uid)["notes"]
        for r in result.report
    }
    assert stored == {f"SD {i}": n for i, n in enumerate(notes)}


def test_a_title_above_the_header_is_skipped_and_rows_keep_their_numbers(demo_workspace, tmp_path):
    path = tmp_path / "titik.csv"
    path.write_text(
        "DAFTAR TITIK LAYANAN INTERNET 2022;;;\n;;;\nNama;Kategori;Lintang;Bujur\n;;;\nSD 1;sekolah;-1,95;116,25\n",
        encoding="utf-8",
    )
    with read_table(str(path)) as table:
        assert (table.header_row, table.headers) == (3, ["Nama", "Kategori", "Lintang", "Bujur"])
        result = SiteImporter(Registrar(demo_workspace)).run(table)
    assert [(r.row, r.outcome) for r in result.report] == [(5, "inserted")]


def test_overlong_lines_are_refused_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_LINE_CHARS", 1000)
    path = tmp_path / "titik.csv"
    path.write_text("Nama;Lintang;Bujur\nSD 1;-1,95;116,25\n" + ";" * 5000 + "\n", encoding="utf-8")
    with read_table(str(path)) as table, pytest.raises(SpreadsheetError, match="line 3 is longer than 1000"):
        list(table.rows)


# ---------------------------------------------------------------- XLSX


def test_xlsx_declaring_a_huge_range_is_read_as_the_table_it_holds(demo_workspace, tmp_path):
    path = tmp_path / "titik.xlsx"
    rows = [HEADER[:4], *site_rows(50)]
    write_xlsx(str(path), [Sheet("Titik", rows, dimension="A1:XFD1048576")])
    with read_table(str(path)) as table:
        assert table.headers == HEADER[:4]
        data = list(table.rows)
    assert len(data) == 50
    assert all(len(cells) == 4 for _, cells in data)
    assert data[0] == (2, ["Titik layanan 000000", "sekolah", "-1.45", "115.95"])


def _import_in_a_child(tmp_path, path, memory_mb):
    """Import ``path`` in a process that cannot have more than ``memory_mb`` of address space."""
    script = textwrap.dedent(
        f"""
        import resource, sys
        sys.path.insert(0, {ROOT!r})
        from paser_smartcity_plugin.core.demo import demo_rows
        from paser_smartcity_plugin.core.register import Registrar
        from paser_smartcity_plugin.core.site_import import SiteImporter, read_table
        from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
        workspace = {str(tmp_path / "child.gpkg")!r}
        create_workspace(workspace, demo_rows())
        registrar = Registrar(Workspace(workspace))
        limit = {memory_mb} * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        table = read_table({str(path)!r})
        result = SiteImporter(registrar, force=True).run(table)
        print(result.count("inserted"), result.count("rejected"))
        """
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600)


@pytest.mark.parametrize(
    "sheet",
    [
        Sheet("Titik", [HEADER[:4], *site_rows(20000)], dimension="A1:XFD20000"),  # the 106 KB file of issue 13
        Sheet("Titik", [HEADER[:4], *site_rows(300)], empty_cells=16380),  # thousands of empty cells a row
    ],
    ids=["declared-A1:XFD20000", "16384-cells-a-row"],
)
def test_hostile_xlsx_is_imported_within_bounded_memory(tmp_path, sheet):
    path = tmp_path / "hostile.xlsx"
    write_xlsx(str(path), [sheet], compresslevel=9)
    rows = sum(1 for _ in sheet.rows) - 1
    done = _import_in_a_child(tmp_path, path, memory_mb=1024)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(rows), "0"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    path = tmp_path / "bomb.xlsx"
    write_xlsx(str(path), [Sheet("Titik", [HEADER[:4], *site_rows(100)], empty_cells=20000)], compresslevel=9)
    declared = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size
    monkeypatch.setattr(spreadsheet, "MAX_SHEET_BYTES", declared - 1)
    with pytest.raises(SpreadsheetError, match=r"sheet1.xml unpacks to \d+ MB .* a damaged or hostile file"):
        read_table(str(path))


def test_too_many_cells_end_in_a_message(tmp_path, monkeypatch):
    path = tmp_path / "wide.xlsx"
    values = [f"kolom {i}" for i in range(300)]  # cells with values: nothing to collapse
    write_xlsx(str(path), [Sheet("Titik", [HEADER[:4] + values] + [list(r) + values for r in site_rows(50)])])
    monkeypatch.setattr(spreadsheet, "MAX_SHEET_ELEMENTS", 5000)
    with pytest.raises(SpreadsheetError, match="sheet “Titik” has more than 5000 cells"):
        with read_table(str(path)) as table:
            list(table.rows)


def test_reading_stops_at_the_row_limit(tmp_path, monkeypatch):
    """Rows after the limit are never read: here they are not even well-formed XML."""
    import paser_smartcity_plugin.core.site_import as site_import

    path = tmp_path / "long.xlsx"
    write_xlsx(str(path), [Sheet("Titik", [HEADER[:4], *site_rows(2000)])])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    cut = sheet.index(b'<row r="1500">')  # some 200 KB on: beyond the chunks read before the limit
    parts["xl/worksheets/sheet1.xml"] = sheet[:cut] + b"<row><c><<<broken" + sheet[cut:]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    monkeypatch.setattr(site_import, "MAX_ROWS", 5)
    with read_table(str(path)) as table, pytest.raises(SpreadsheetError, match="has more than 5 rows"):
        list(table.rows)


def test_empty_cells_with_and_without_references_keep_every_column(tmp_path):
    """Runs of empty cells are collapsed before parsing; the columns after them must not move."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>"
        '<row r="1"><c t="inlineStr"><is><t>A</t></is></c><c/><c/><c t="inlineStr"><is><t>D</t></is></c></row>'
        '<row r="2"><c r="B2" s="1"/><c r="C2" s="1"/><c/><c t="inlineStr"><is><t>E</t></is></c></row>'
        '<row r="3"><c r="A3" s="1"/><c/><c r="X3" s="1"/><c/><c/><c r="AA3" t="inlineStr"><is><t>AA</t></is></c>'
        '<c t="inlineStr"><is><t>AB</t></is></c></row>'
        '<row/><row/><row r="9"/><row><c r="C10"><v>-1.5</v></c></row>'
        '<row r="11">' + "<c/>" * 70000 + '<c t="inlineStr"><is><t>far</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    path = tmp_path / "cells.xlsx"
    write_xlsx(str(path), [Sheet("Titik", [])])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with open_spreadsheet(str(path)) as book:
        rows = {number: cells for number, cells in book.rows()}
    assert rows[1] == ["A", "", "", "D"]
    assert rows[2] == ["", "", "", "", "E"]
    assert rows[3][26:] == ["AA", "AB"]
    assert not any(rows[3][:26])
    assert rows[10] == ["", "", "-1.5"]
    assert len(rows[11]) == 70001
    assert rows[11][-1] == "far"
    assert sorted(rows) == [1, 2, 3, 10, 11]


def test_xlsx_values_dates_and_shared_strings(demo_workspace, tmp_path):
    import datetime as dt

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Titik"
    sheet.append(["Nama", "Kategori", "Lintang", "Bujur", "Tanggal", "Akurasi", "Catatan"])
    sheet.append(["  Puskesmas Kuaro ", "Puskesmas", -1.95, 116.25, dt.datetime(2026, 11, 2, 9, 30), 4, "pagi\nhari"])
    sheet.append(["SD 7", "sekolah", -1.9, 116.2, dt.datetime(2026, 1, 31), 2.5, True])
    sheet["E3"].number_format = "dd/mm/yyyy"
    sheet["E2"].number_format = 'd "de" mmmm yyyy hh:mm'
    path = tmp_path / "s.xlsx"
    book.save(path)
    with open_spreadsheet(str(path)) as xlsx:
        rows = dict(xlsx.rows())
    assert rows[2] == ["Puskesmas Kuaro", "Puskesmas", "-1.95", "116.25", "2026-11-02T09:30:00.000Z", "4", "pagi\nhari"]
    assert rows[3] == ["SD 7", "sekolah", "-1.9", "116.2", "2026-01-31T00:00:00.000Z", "2.5", "TRUE"]


def test_data_on_another_sheet_is_pointed_out(demo_workspace, tmp_path):
    path = tmp_path / "titik.xlsx"
    write_xlsx(
        str(path),
        [
            Sheet("Petunjuk", [["Isi lembar Titik"], ["Nama = nama lokasi"]]),
            Sheet("Kosong", []),
            Sheet("Titik", [HEADER[:4], *site_rows(3)]),
        ],
    )
    with pytest.raises(SpreadsheetError) as caught:
        read_table(str(path))
    text = str(caught.value)
    assert "no coordinate column found" in text
    assert "sheet “Petunjuk” was read, and sheet “Titik” of this file has coordinate columns" in text
    assert "(SHEET)" in text
    result = run_import(demo_workspace, path, sheet="Titik")
    assert [r.outcome for r in result.report] == ["inserted"] * 3
    with pytest.raises(SpreadsheetError, match="“Kosong” of .* is empty; sheet “Kosong” was read, and sheet “Titik”"):
        read_table(str(path), "Kosong")


# ---------------------------------------------------------------- the same site on several rows


def test_rows_of_one_new_site_become_one_site(demo_workspace, tmp_path):
    gazetteer = default_gazetteer()
    here = (-1.9123, 116.1956)
    desa = gazetteer.nearest_desa(here[1], here[0])[0]
    far = (-1.75, 116.05)  # another desa, some 24 km away
    assert gazetteer.nearest_desa(far[1], far[0])[0].code != desa.code
    assert gazetteer.nearest_desa(here[1], here[0] + 0.003)[0].code == desa.code
    path = tmp_path / "titik.csv"
    rows = [
        ["Nama", "Kategori", "Lintang", "Bujur"],
        ["SD Kembar", "sekolah", here[0], here[1]],  # row 2: the new site
        ["SD Kembar", "sekolah", here[0] + 0.00005, here[1]],  # 3: 6 m away
        ["sd  kembar", "sekolah", here[0] + 0.003, here[1]],  # 4: 330 m away, same desa, other spelling
        ["SD Kembar", "sekolah", far[0], far[1]],  # 5: a namesake in another desa
        ["SD Lain", "sekolah", -1.93, 116.17],
    ]
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[str(c) for c in r] for r in rows])
    result = run_import(demo_workspace, path)
    outcomes = {r.row: (r.outcome, r.message) for r in result.report}
    assert outcomes[2][0] == "inserted"
    assert "rows 3, 4 name the same new site and were left out" in outcomes[2][1]
    for row in (3, 4):
        assert outcomes[row][0] == "rejected"
        assert "row 2 already makes “" in outcomes[row][1]
        assert "a site takes its coordinates from one row" in outcomes[row][1]
    assert outcomes[5][0] == "rejected"
    assert "row 2 also makes a new site named “SD Kembar”" in outcomes[5][1]
    assert outcomes[5][1].endswith("import with FORCE to accept them")
    assert outcomes[6][0] == "inserted"
    assert names(demo_workspace).count("SD Kembar") == 1
    # A later file naming the site updates the one site, no "ambiguous" rejection.
    again = tmp_path / "lagi.csv"
    again.write_text(f"Nama;Lintang;Bujur;Akurasi\nSD Kembar;{here[0] + 0.0001};{here[1]};3\n", encoding="utf-8")
    result = run_import(demo_workspace, again)
    assert [r.outcome for r in result.report] == ["updated"]
    # With FORCE, the namesake in another desa is a site of its own (the rows of the same site are not).
    other = tmp_path / "other.gpkg"
    create_workspace(str(other), demo_rows())
    result = run_import(Workspace(str(other)), path, force=True)
    assert [r.outcome for r in result.report] == ["inserted", "rejected", "rejected", "inserted", "inserted"]
    assert names(Workspace(str(other))).count("SD Kembar") == 2


def test_all_or_nothing_holds_with_duplicate_rows(demo_workspace, tmp_path):
    path = tmp_path / "titik.csv"
    path.write_text(
        "Nama;Kategori;Lintang;Bujur\nSD A;sekolah;-1,95;116,25\nSD A;sekolah;-1,95;116,25\n", encoding="utf-8"
    )
    before = digest(demo_workspace.path)
    result = run_import(demo_workspace, path, all_or_nothing=True, force=True)
    assert [r.outcome for r in result.report] == ["not_written", "rejected"]
    assert not result.written
    assert digest(demo_workspace.path) == before


def test_cancel_writes_nothing(demo_workspace, tmp_path):
    path = tmp_path / "titik.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER[:4], *site_rows(1200)])
    before = digest(demo_workspace.path)
    asked = []

    def cancel_later():
        asked.append(1)
        return len(asked) > 2

    seen = []
    with pytest.raises(ImportCancelledError, match="nothing was written"):
        run_import(demo_workspace, path, force=True, is_canceled=cancel_later, progress=seen.append)
    assert digest(demo_workspace.path) == before
    assert seen
    assert all(0 <= f <= 1 for f in seen)


# ---------------------------------------------------------------- formula injection


def test_report_cells_never_run_as_formulas(demo_workspace, tmp_path):
    path = tmp_path / "titik.csv"
    path.write_text(
        'Nama;Kategori;Lintang;Bujur\n=HYPERLINK("http://x");sekolah;-6,2;106,8\n@SUM(1);sekolah;-1,95;116,25\n',
        encoding="utf-8",
    )
    result = run_import(demo_workspace, path, force=True)
    report = tmp_path / "report.csv"
    write_report(str(report), result)
    with open(report, encoding="utf-8", newline="") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert cells
    assert not any(c[:1] in ("=", "+", "-", "@") for c in cells)
    # "-6.200000, 106.800000 is outside Kabupaten Paser…": text, kept readable after the apostrophe
    assert any(c.startswith("'-6.200000, 106.800000 is outside Kabupaten Paser") for c in cells)
    # the data itself is stored as typed
    assert "@SUM(1)" in names(demo_workspace)


def test_a_header_without_the_name_column_is_the_one_named(tmp_path):
    path = tmp_path / "titik.csv"
    path.write_text("Daftar titik 2022\nNo;Lintang;Bujur\n1;-1,95;116,25\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="no “nama”/“name” or “uid” column"):
        read_table(str(path))


def test_the_first_visible_sheet_is_read_by_default(demo_workspace, tmp_path):
    path = tmp_path / "titik.xlsx"
    write_xlsx(str(path), [Sheet("Kode", [["tersembunyi"]], hidden=True), Sheet("Titik", [HEADER[:4], *site_rows(2)])])
    with read_table(str(path)) as table:
        assert (table.sheet, len(list(table.rows))) == ("Titik", 2)
