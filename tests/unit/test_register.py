"""Checks, desa suggestion, the register operation and the spreadsheet import, on real workspaces."""

import csv
import hashlib
import os

import pytest

from paser_smartcity_plugin.core.boundaries import BOUNDARIES_PATH, Polygon, read_desa_boundaries
from paser_smartcity_plugin.core.checks import (
    check_desa,
    check_duplicates,
    check_position,
    suggest_desa,
)
from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.gazetteer import REGENCY_EXTENT, default_gazetteer
from paser_smartcity_plugin.core.register import (
    STATUS_FOR_SOURCE,
    Registrar,
    RegistrationError,
    RegistrationRequest,
)
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.site_import import (
    SiteImporter,
    SpreadsheetError,
    map_headers,
    read_table,
    write_report,
)

GROGOT = (-1.902303, 116.189232)
MUARA_TOYU = demo_uid("tower", "64.01.08.2008")
KELADEN = demo_uid("tower", "64.01.02.2004")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def digest(path) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# ---------------------------------------------------------------- position checks


def test_inside_paser_has_no_issue():
    assert check_position(*GROGOT) == []


@pytest.mark.parametrize(
    "lat, lon, code, corrected",
    [
        (1.902303, 116.189232, "missing_minus", GROGOT),
        (116.189232, -1.902303, "swapped", GROGOT),
        (116.189232, 1.902303, "swapped", GROGOT),  # swapped and no minus sign
        (-1.902303, -116.189232, "west_longitude", GROGOT),
        (1.902303, -116.189232, "missing_minus", GROGOT),
    ],
)
def test_classic_slips_are_errors_with_the_corrected_value(lat, lon, code, corrected):
    (issue,) = check_position(lat, lon)
    assert issue.level == "error"
    assert issue.code == code
    assert issue.correction == pytest.approx(corrected)
    assert f"{corrected[0]:.6f}, {corrected[1]:.6f}" in str(issue)


def test_an_explicit_north_letter_is_named():
    (issue,) = check_position(1.902303, 116.189232, hemisphere_given=True)
    assert issue.code == "missing_minus"
    assert "(LU/N)" in str(issue)
    assert issue.correction == pytest.approx(GROGOT)


@pytest.mark.parametrize(
    "lat, lon, words",
    [
        (-6.2, 106.8, "outside Kabupaten Paser"),  # Jakarta
        (-0.5, 117.15, "outside Kabupaten Paser"),  # Samarinda
        (95.0, 116.0, "latitude 95 is out of range"),
        (-1.9, 200.0, "longitude 200 is out of range"),
        (float("nan"), 116.0, "not a finite number"),
        (-1.9, float("inf"), "not a finite number"),
    ],
)
def test_outside_and_out_of_range(lat, lon, words):
    (issue,) = check_position(lat, lon)
    assert issue.level == "error"
    assert words in str(issue)
    assert issue.correction is None


def test_extent_corners():
    assert check_position(REGENCY_EXTENT.south, REGENCY_EXTENT.west) == []
    assert check_position(REGENCY_EXTENT.north + 0.001, REGENCY_EXTENT.east)[0].code == "outside_paser"


def test_duplicates_name_the_site_and_skip_the_target():
    sites = [
        {"uid": "a", "name": "SD 1", GEOMETRY: (116.189232, -1.902303)},
        {"uid": "b", "name": "SD 2", GEOMETRY: (116.19, -1.90)},
        {"uid": "c", "name": "No position", GEOMETRY: None},
    ]
    issues = check_duplicates(-1.9024, 116.1892, sites, 25.0)
    assert [i.code for i in issues] == ["duplicate"]
    assert "“SD 1” is 11 m away" in str(issues[0])
    assert check_duplicates(-1.9024, 116.1892, sites, 25.0, exclude_uid="a") == []
    assert len(check_duplicates(-1.9024, 116.1892, sites, 500.0)) == 2


def test_desa_suggestion_from_the_shipped_boundaries():
    gaz = default_gazetteer()
    toyu = gaz.desa_by_code("64.01.08.2008")
    s = suggest_desa(toyu.lon, toyu.lat)  # Muara Toyu's centre lies well inside its polygon
    assert s.desa.code == toyu.code
    assert not s.approximate
    assert s.neighbour is None
    assert "inside its desa boundary" in str(s.describe())
    (issue,) = check_desa("64.01.02.2004", s)
    assert issue.level == "warning"
    assert "Keladen" in str(issue)
    assert "Muara Toyu" in str(issue)
    assert "(desa boundaries)" in str(issue)
    assert check_desa(toyu.code, s) == []


def _shared_boundaries():
    """The shipped polygons read as if the officer had configured them as the boundary layer."""
    return read_desa_boundaries(BOUNDARIES_PATH)


def test_boundary_point_in_polygon_beats_the_centroid():
    boundaries = _shared_boundaries()
    gaz = default_gazetteer()
    # Muara Kuaro's centroid falls outside the concave desa (shared/data/paser/README.md):
    kuaro = gaz.desa_by_code("64.01.07.2006")
    exact = suggest_desa(kuaro.lon, kuaro.lat, gaz, boundaries)
    assert not exact.approximate
    assert exact.desa.code == boundaries.desa_at(kuaro.lon, kuaro.lat)
    assert "boundary layer" in str(exact.describe())
    # the boundary, not the extent box, decides "outside Paser": the box's corner is not in any desa
    corner = (REGENCY_EXTENT.north - 0.001, REGENCY_EXTENT.east - 0.001)
    assert check_position(*corner) == []
    (issue,) = check_position(*corner, boundary=boundaries)
    assert issue.code == "outside_paser"
    assert "configured boundary layer" in str(issue)


def test_polygon_holes():
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    hole = [(4, 4), (6, 4), (6, 6), (4, 6)]
    p = Polygon([square, hole])
    assert p.contains(1, 1)
    assert not p.contains(5, 5)
    assert not p.contains(11, 5)


# ---------------------------------------------------------------- the register operation


def test_pending_tower_becomes_coordinates_set(demo_workspace):
    toyu = demo_workspace.gazetteer.desa_by_code("64.01.08.2008")
    r = Registrar(demo_workspace)
    result = r.register(
        RegistrationRequest(
            f"{toyu.lat:.6f}, {toyu.lon + 0.002:.6f}",
            site="menara muara toyu",
            accuracy_m=3.0,
            surveyed_by="Rina",
            notes="dekat masjid",
            surveyed_at="2026-11-20T02:00:00.000Z",
        )
    )
    assert (result.uid, result.layer, result.created, result.desa_code) == (
        MUARA_TOYU,
        TOWER_PLANS,
        False,
        "64.01.08.2008",
    )
    tower = demo_workspace.site(TOWER_PLANS, MUARA_TOYU)
    assert tower["status"] == "coordinates_set"
    assert tower["coord_status"] == "surveyed"
    assert tower["surveyed_at"] == "2026-11-20T02:00:00.000Z"
    assert tower["notes"] == "dekat masjid"
    # a second survey keeps the earlier note and does not touch a status past coordinates_set
    demo_workspace.update_site(TOWER_PLANS, MUARA_TOYU, {"status": "permit"})
    Registrar(demo_workspace).register(
        RegistrationRequest(
            f"{toyu.lat:.6f}, {toyu.lon:.6f}", site=MUARA_TOYU, coord_source="telkom", notes="cek ulang"
        )
    )
    tower = demo_workspace.site(TOWER_PLANS, MUARA_TOYU)
    assert tower["status"] == "permit"
    assert tower["notes"] == "dekat masjid\ncek ulang"
    assert tower["coord_source"] == "telkom"
    assert tower["coord_status"] == "surveyed"


@pytest.mark.parametrize("source", sorted(STATUS_FOR_SOURCE))
def test_coord_status_follows_the_source(demo_workspace, source):
    result = Registrar(demo_workspace).register(
        RegistrationRequest("-1.95, 116.25", name=f"Titik {source}", category="uptd", coord_source=source)
    )
    row = demo_workspace.site(SERVICE_POINTS, result.uid)
    assert row["coord_status"] == STATUS_FOR_SOURCE[source]
    assert row["coord_source"] == source
    assert STATUS_FOR_SOURCE[source] in ("surveyed", "approximate")


def test_new_point_takes_the_suggested_desa_or_the_given_one(demo_workspace):
    r = Registrar(demo_workspace)
    suggested = r.register(RegistrationRequest("-1.95, 116.25", name="UPTD A", category="uptd"))
    assert suggested.created
    assert suggested.desa_code == suggest_desa(116.25, -1.95).desa.code
    with pytest.raises(RegistrationError, match="desa is Keladen"):
        r.register(RegistrationRequest("-1.96, 116.26", name="UPTD B", category="uptd", desa_code="64.01.02.2004"))
    forced = r.register(
        RegistrationRequest("-1.96, 116.26", name="UPTD B", category="uptd", desa_code="64.01.02.2004"), force=True
    )
    row = demo_workspace.site(SERVICE_POINTS, forced.uid)
    assert (row["desa_code"], row["desa_name"], row["status"]) == ("64.01.02.2004", "Keladen", "planned")
    assert [w.code for w in forced.warnings] == ["desa_mismatch"]


@pytest.mark.parametrize(
    "request_kwargs, words",
    [
        ({"coordinates": "1.902303, 116.189232", "site": KELADEN}, "minus sign"),
        ({"coordinates": "", "site": KELADEN}, "no coordinates entered"),
        ({"coordinates": "-1.9, 116.19", "site": "Menara Tidak Ada"}, "no site named"),
        ({"coordinates": "-1.9, 116.19", "site": "00000000-0000-4000-8000-000000000000"}, "no site with uid"),
        ({"coordinates": "-1.9, 116.19", "name": "", "category": "sekolah"}, "needs a name"),
        ({"coordinates": "-1.9, 116.19", "name": "x" * 255, "category": "sekolah"}, "at most 254 characters"),
        ({"coordinates": "-1.9, 116.19", "name": "SD", "category": "school"}, "Category must be one of: .*“school”"),
        ({"coordinates": "-1.9, 116.19", "site": KELADEN, "coord_source": "guess"}, "Coordinate source must be one of"),
        (
            {"coordinates": "-1.9, 116.19", "site": KELADEN, "accuracy_m": -1.0},
            r"Accuracy \(m\) must be from 0 to 50000",
        ),
        ({"coordinates": "-1.9, 116.19", "site": KELADEN, "accuracy_m": 60000.0}, r"from 0 to 50000 \(not 60000\)"),
        ({"coordinates": "-1.9, 116.19", "site": KELADEN, "accuracy_m": float("nan")}, "must be a finite number"),
        ({"coordinates": "-1.9, 116.19", "site": KELADEN, "desa_code": "64.01.99.9999"}, "not “64.01.99.9999”"),
    ],
)
def test_refusals_write_nothing(demo_workspace, request_kwargs, words):
    before = digest(demo_workspace.path)
    with pytest.raises(RegistrationError, match=words):
        Registrar(demo_workspace).register(RegistrationRequest(**request_kwargs), force=True)
    assert digest(demo_workspace.path) == before


def test_ambiguous_name_asks_for_the_uid(demo_workspace):
    r = Registrar(demo_workspace)
    r.register(RegistrationRequest("-1.95, 116.25", name="Menara Keladen", category="uptd"), force=True)
    a = r.assess(RegistrationRequest("-1.9, 116.19", site="Menara Keladen"))
    assert a.errors[0].code == "ambiguous_site"
    assert KELADEN in str(a.errors[0])


def test_duplicate_within_the_setting(demo_workspace):
    office = [p for p in demo_workspace.sites(SERVICE_POINTS) if p["name"] == "Kantor Desa Belimbing"][0]
    lon, lat = office[GEOMETRY]
    request = RegistrationRequest(f"{lat + 0.0001:.7f}, {lon:.7f}", name="SD Belimbing", category="sekolah")
    a = Registrar(demo_workspace).assess(request)
    assert [w.code for w in a.warnings] == ["duplicate"]
    assert "Kantor Desa Belimbing" in str(a.warnings[0])
    assert Registrar(demo_workspace, duplicate_distance_m=5).assess(request).warnings == []
    # re-registering the site itself is not a duplicate of itself
    again = Registrar(demo_workspace).assess(RegistrationRequest(f"{lat:.7f}, {lon:.7f}", site=office["uid"]))
    assert again.warnings == []


def test_sites_are_found_by_name_however_it_is_spaced_and_after_writes(demo_workspace):
    r = Registrar(demo_workspace)
    layer, row, problem = r.find_target("  menara   MUARA toyu ")
    assert (layer, row["uid"], problem) == (TOWER_PLANS, MUARA_TOYU, None)
    assert r.find_target(MUARA_TOYU.upper())[1]["uid"] == MUARA_TOYU
    result = r.register(RegistrationRequest("-1.95, 116.25", name="SD Baru", category="sekolah"))
    assert r.find_target("sd baru")[1]["uid"] == result.uid  # the indexes follow the write
    near = r.assess(RegistrationRequest("-1.95001, 116.25", name="SD Baru 2", category="sekolah"))
    assert [w.code for w in near.warnings] == ["duplicate"]
    assert "SD Baru" in str(near.warnings[0])


def test_search_lists_pending_then_approximate(demo_workspace):
    r = Registrar(demo_workspace)
    names = [row["name"] for _, row in r.search("")]
    assert set(names[:2]) == {"Menara Keladen", "Menara Muara Toyu"}
    r.register(RegistrationRequest("-1.95, 116.25", name="Puskesmas Baru", category="puskesmas"))
    assert [row["name"] for _, row in r.search("puskesmas baru")] == ["Puskesmas Baru"]
    assert r.search("")[-1][1]["coord_status"] == "approximate"  # limit 50, surveyed ones come after


# ---------------------------------------------------------------- import


def _csv(path, rows, delimiter=";", encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return str(path)


def test_headers_in_both_languages():
    assert map_headers(["Nama Lokasi", "Kategori", "Lintang", "Bujur", "Desa"]) == {
        "name": 0,
        "category": 1,
        "lat": 2,
        "lon": 3,
        "desa": 4,
    }
    assert map_headers(["name", "Coordinates", "Village", "Accuracy (m)", "Surveyed by"]) == {
        "name": 0,
        "coordinates": 1,
        "desa": 2,
        "accuracy_m": 3,
        "surveyed_by": 4,
    }
    with pytest.raises(SpreadsheetError, match="no coordinate column"):
        map_headers(["Nama", "Kategori"])
    with pytest.raises(SpreadsheetError, match="no “nama”"):
        map_headers(["Koordinat"])


def test_import_mixed_rows(demo_workspace, tmp_path):
    path = _csv(
        tmp_path / "s.csv",
        [
            ["No", "Nama", "Kategori", "Koordinat", "Desa", "Kecamatan", "Tanggal", "Surveyor"],
            ["1", "SD 1 Grogot", "SD", "-1,9123; 116,1956", "Tanah Grogot", "", "27/11/2026", "Andi"],
            ["2", "Menara Keladen", "", "1°44'30\" LS 116°03'00\" BT", "", "", "", ""],
            ["3", "SD 2 Grogot", "sekolah", "-1,9123; 116,1956", "", "", "", ""],  # 0 m from row 1
            ["4", "SD 3", "sekolah", "-1,95; 116,25", "Desa Hilang", "", "", ""],
            ["5", "SD 4", "sekolah", "-1,95; 116,25", "", "", "kemarin", ""],
            ["", "", "", "", "", "", "", ""],
            ["7", "Menara Keladen", "", "-1,75; 116,05", "", "", "", ""],  # the same site twice
        ],
    )
    result = SiteImporter(Registrar(demo_workspace), force=True).run(read_table(path))
    outcomes = {r.row: (r.outcome, r.message) for r in result.report}
    assert outcomes[2][0] == "inserted"
    assert outcomes[3][0] == "updated"
    assert outcomes[4][0] == "inserted"
    assert "SD 1 Grogot" in outcomes[4][1]
    assert outcomes[5] == ("rejected", "desa “Desa Hilang” is not a desa/kelurahan of Kabupaten Paser")
    assert outcomes[6][0] == "rejected"
    assert "kemarin" in outcomes[6][1]
    assert 7 not in outcomes  # empty row skipped
    assert outcomes[8][0] == "rejected"
    assert "row 3" in outcomes[8][1]
    sd1 = [p for p in demo_workspace.sites(SERVICE_POINTS) if p["name"] == "SD 1 Grogot"][0]
    assert (sd1["category"], sd1["surveyed_by"], sd1["surveyed_at"]) == ("sekolah", "Andi", "2026-11-27T00:00:00.000Z")
    assert sd1["desa_code"] == "64.01.04.1001"
    report = tmp_path / "report.csv"
    write_report(str(report), result)
    with open(report, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["row"] for r in rows] == ["2", "3", "4", "5", "6", "8"]
    assert rows[0]["uid"] == sd1["uid"]


def test_import_without_force_rejects_warnings(demo_workspace, tmp_path):
    path = _csv(
        tmp_path / "s.csv",
        [
            ["Nama", "Kategori", "Lintang", "Bujur"],
            ["SD 1", "sekolah", "-1,9123", "116,1956"],
            ["SD 2", "sekolah", "-1,9123", "116,1956"],
        ],
    )
    result = SiteImporter(Registrar(demo_workspace)).run(read_table(path))
    assert [r.outcome for r in result.report] == ["inserted", "rejected"]
    assert "FORCE" in result.report[1].message


def test_all_or_nothing_leaves_the_file_unchanged(demo_workspace, tmp_path):
    path = _csv(
        tmp_path / "s.csv",
        [
            ["Nama", "Kategori", "Lintang", "Bujur"],
            ["SD 1", "sekolah", "-1,9123", "116,1956"],
            ["SD 2", "sekolah", "1,9123", "116,1956"],
        ],
    )
    before = digest(demo_workspace.path)
    result = SiteImporter(Registrar(demo_workspace)).run(read_table(path), all_or_nothing=True)
    assert [r.outcome for r in result.report] == ["not_written", "rejected"]
    assert not result.written
    assert digest(demo_workspace.path) == before


def test_projected_and_cp1252_csv(demo_workspace, tmp_path):
    from projection_oracle import from_wgs84

    e, n = from_wgs84("EPSG:23837", 116.25, -1.95)
    path = _csv(
        tmp_path / "s.csv",
        [["Nama", "Kategori", "X", "Y", "Catatan"], ["Kantor UPTD Pendidikan", "uptd", f"{e:.2f}", f"{n:.2f}", "café"]],
        delimiter=",",
        encoding="cp1252",
    )
    result = SiteImporter(Registrar(demo_workspace)).run(read_table(path))
    assert [r.outcome for r in result.report] == ["inserted"]
    row = demo_workspace.site(SERVICE_POINTS, result.report[0].uid)
    assert row[GEOMETRY] == pytest.approx((116.25, -1.95), abs=1e-7)
    assert row["notes"] == "café"


def test_xlsx_numbers_and_dates(demo_workspace, tmp_path):
    import datetime as dt

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Lain"
    sheet = book.create_sheet("Titik")
    sheet.append(["Nama", "Kategori", "Latitude", "Longitude", "Tanggal Survei", "Akurasi"])
    sheet.append(["Puskesmas Kuaro", "Puskesmas", -1.95, 116.25, dt.datetime(2026, 11, 2, 9, 30), 4])
    path = tmp_path / "s.xlsx"
    book.save(path)
    with pytest.raises(SpreadsheetError, match="no sheet “Data”"):
        read_table(str(path), "Data")
    result = SiteImporter(Registrar(demo_workspace)).run(read_table(str(path), "Titik"))
    row = demo_workspace.site(SERVICE_POINTS, result.report[0].uid)
    assert (row["category"], row["accuracy_m"], row["surveyed_at"]) == ("puskesmas", 4.0, "2026-11-02T09:30:00.000Z")


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("s.ods", b"x", "only CSV and XLSX"),
        ("s.csv", b"", "is empty"),
        ("s.xlsx", b"not a zip", "cannot be read as XLSX"),
    ],
)
def test_unreadable_files(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SpreadsheetError, match=words):
        read_table(str(path))
    with pytest.raises(SpreadsheetError, match="does not exist"):
        read_table(str(tmp_path / "missing.csv"))


def test_suggest_and_desa_change_of_an_existing_site(demo_workspace):
    r = Registrar(demo_workspace)
    assert r.suggest(RegistrationRequest("-1.9023, 116.1892")).desa.code == "64.01.04.1001"
    assert r.suggest(RegistrationRequest("1.9023, 116.1892")) is None  # outside: no suggestion
    assert r.suggest(RegistrationRequest("abc")) is None
    result = r.register(RegistrationRequest("-1.9023, 116.1892", site=KELADEN, desa_code="64.01.04.1001"))
    assert result.warnings == ()
    assert result.desa_code == "64.01.04.1001"
    tower = demo_workspace.site(TOWER_PLANS, KELADEN)
    assert (tower["desa_code"], tower["desa_name"]) == ("64.01.04.1001", "Tanah Grogot")


def test_desa_suggestion_reads_the_shipped_boundaries_without_gdal():
    """Import-time hygiene is tests/unit/test_core_imports.py's; this is about use: the point-in-
    polygon suggestion reads core/data/boundaries.gpkg with sqlite3, so it works where osgeo is absent."""
    import subprocess
    import sys

    code = (
        "import sys; from paser_smartcity_plugin.core.checks import suggest_desa; "
        "assert suggest_desa(116.19, -1.9) is not None; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'osgeo')]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_decimal_commas_in_a_comma_separated_file_are_caught(demo_workspace, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        'Nama,Kategori,Lintang,Bujur\nSD 1,sekolah,-1,9123,116,1956\nSD 2,sekolah,"-1,95","116,25"\n', encoding="utf-8"
    )
    result = SiteImporter(Registrar(demo_workspace)).run(read_table(str(path)))
    assert [r.outcome for r in result.report] == ["rejected", "inserted"]
    assert "6 cells but the header 4" in result.report[0].message


def test_core_message_templates_are_collected_for_translators():
    import importlib.util

    spec = importlib.util.spec_from_file_location("i18n_tool", os.path.join(ROOT, "scripts", "i18n.py"))
    i18n_tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(i18n_tool)
    strings, errors = i18n_tool.extract()
    assert errors == []
    assert strings["latitude and longitude look swapped. Corrected: {corrected}"] == ["core/checks.py"]
    core_templates = [s for s, files in strings.items() if any(f.startswith("core/") for f in files)]
    assert len(core_templates) > 80


def test_distances_have_no_thousands_comma():
    """In Indonesian "1,234 km" reads as 1.234 km: message numbers are written ungrouped."""
    import re

    (issue,) = check_position(-6.2, 106.8)  # Jakarta, over a thousand km away
    km = re.search(r"it is (\S+) km", str(issue)).group(1)
    assert km.isdigit()
    assert int(km) > 1000
