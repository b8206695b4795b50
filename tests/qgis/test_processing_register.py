"""register_coordinates and import_sites through processing.run, against a real workspace."""

import csv
import hashlib

import pytest
from qgis.core import QgsProcessingException

from paser_smartcity_plugin.core.demo import demo_rows, demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace
from paser_smartcity_plugin.toolbelt import settings

MUARA_TOYU = demo_uid("tower", "64.01.08.2008")


def run(alg, params):
    from qgis import processing

    return processing.run(f"paser_smartcity:{alg}", params)


def digest(path) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.gpkg"
    create_workspace(str(path), demo_rows())
    return str(path)


def test_pending_tower_gets_dms_coordinates(plugin, demo):
    toyu = Workspace(demo).gazetteer.desa_by_code("64.01.08.2008")
    # The tower stands 300 m from the desa centre, typed in DMS with Indonesian letters.
    from paser_smartcity_plugin.core.coordinates import format_dms

    text = format_dms(toyu.lat - 0.0027, toyu.lon, "id", 4)
    result = run(
        "register_coordinates",
        {
            "WORKSPACE": demo,
            "SITE": "Menara Muara Toyu",
            "COORDINATES": text,
            "ACCURACY_M": 4.5,
            "SOURCE": "gps_survey",
            "SURVEYED_BY": "Rina",
        },
    )
    assert result["UID"] == MUARA_TOYU
    assert result["LAT"] == pytest.approx(toyu.lat - 0.0027, abs=1e-6)
    assert result["DESA_CODE"] == "64.01.08.2008"
    assert result["WARNINGS"] == ""
    tower = Workspace(demo).site(TOWER_PLANS, MUARA_TOYU)
    assert tower["status"] == "coordinates_set"
    assert (tower["coord_status"], tower["coord_source"], tower["accuracy_m"], tower["surveyed_by"]) == (
        "surveyed",
        "gps_survey",
        4.5,
        "Rina",
    )
    assert tower[GEOMETRY] == pytest.approx((toyu.lon, toyu.lat - 0.0027), abs=1e-6)
    assert tower["surveyed_at"].endswith("Z")


def test_new_service_point_from_utm_with_suggested_desa(plugin, demo):
    from projection_oracle import from_wgs84

    e, n = from_wgs84("EPSG:9490", 116.1956, -1.9123)
    result = run(
        "register_coordinates",
        {
            "WORKSPACE": demo,
            "NAME": "SD Negeri 001 Tanah Grogot",
            "CATEGORY": "sekolah",
            "COORDINATES": f"{e:.2f} {n:.2f}",
            "CRS": "EPSG:9490",
            "SOURCE": "map",
        },
    )
    point = Workspace(demo).site(SERVICE_POINTS, result["UID"])
    assert point["name"] == "SD Negeri 001 Tanah Grogot"
    assert point["category"] == "sekolah"
    assert point["desa_code"] == result["DESA_CODE"]
    assert point["desa_code"].startswith("64.01.04.")
    assert point["coord_status"] == "approximate"
    assert point["status"] == "planned"
    assert point[GEOMETRY] == pytest.approx((116.1956, -1.9123), abs=1e-7)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"SITE": "Menara Muara Toyu", "COORDINATES": "1.9023, 116.1892"}, "minus sign.*-1.902300, 116.189200"),
        ({"SITE": "Menara Muara Toyu", "COORDINATES": "116.1892 -1.9023 extra"}, "“extra” is not a number"),
        ({"SITE": "Menara Muara Toyu", "COORDINATES": "-6.2, 106.8"}, "outside Kabupaten Paser"),
        ({"SITE": "Menara Atlantis", "COORDINATES": "-1.9, 116.19"}, "no site named"),
        ({"NAME": "SD 5", "CATEGORY": "mall", "COORDINATES": "-1.9, 116.19"}, "Category must be one of: .*“mall”"),
        (
            {"SITE": "Menara Muara Toyu", "COORDINATES": "-1.9, 116.19", "SOURCE": "guess"},
            "Coordinate source must be one of: .*“guess”",
        ),
        ({"SITE": "Menara Muara Toyu", "COORDINATES": "-1.9023, 116.1892"}, "(?s)FORCE.*desa is Muara Toyu"),
        ({"SITE": "Menara Muara Toyu", "COORDINATES": "457123 9789654", "CRS": "EPSG:4326"}, "out of range"),
    ],
)
def test_rejected_input_writes_nothing(plugin, demo, params, message):
    before = digest(demo)
    with pytest.raises(QgsProcessingException, match=message):
        run("register_coordinates", dict(params, WORKSPACE=demo))
    assert digest(demo) == before


def test_warning_accepted_with_force(plugin, demo):
    result = run(
        "register_coordinates",
        {"WORKSPACE": demo, "SITE": MUARA_TOYU, "COORDINATES": "-1,9023; 116,1892", "FORCE": True},
    )
    assert "desa is Muara Toyu" in result["WARNINGS"]
    assert Workspace(demo).site(TOWER_PLANS, MUARA_TOYU)[GEOMETRY] == pytest.approx((116.1892, -1.9023))


def test_duplicate_warning_names_the_site(plugin, demo):
    ws = Workspace(demo)
    office = [p for p in ws.sites(SERVICE_POINTS) if p["name"] == "Kantor Desa Belimbing"][0]
    lon, lat = office[GEOMETRY]
    before = digest(demo)
    with pytest.raises(QgsProcessingException, match="Kantor Desa Belimbing.*m away"):
        run(
            "register_coordinates",
            {
                "WORKSPACE": demo,
                "NAME": "SD Belimbing",
                "CATEGORY": "sekolah",
                "COORDINATES": f"{lat + 0.0001:.6f}, {lon:.6f}",
            },
        )
    assert digest(demo) == before
    settings.set_value("duplicate_distance_m", 5.0)
    try:
        result = run(
            "register_coordinates",
            {
                "WORKSPACE": demo,
                "NAME": "SD Belimbing",
                "CATEGORY": "sekolah",
                "COORDINATES": f"{lat + 0.0001:.6f}, {lon:.6f}",
            },
        )
    finally:
        settings.set_value("duplicate_distance_m", 25.0)
    assert result["WARNINGS"] == ""


def _write_csv(path, rows, delimiter=";"):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)


IMPORT_ROWS = [
    ["Nama", "Kategori", "Lintang", "Bujur", "Desa", "Akurasi", "Catatan"],
    ["SD Negeri 001 Tanah Grogot", "sekolah", "-1,9123", "116,1956", "Tanah Grogot", "5", "baru"],
    ["Menara Muara Toyu", "", "1°07'30\" LS", "116°19'40\" BT", "", "3", ""],
    ["Puskesmas Lupa Minus", "puskesmas", "1,9", "116,2", "", "", ""],
    ["SMP Sampah", "sekolah", "abc", "116,2", "", "", ""],
]


def _report(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_import_csv_writes_valid_rows_and_reports_the_rest(plugin, demo, tmp_path):
    src, report = tmp_path / "sites.csv", tmp_path / "report.csv"
    _write_csv(src, IMPORT_ROWS)
    before = Workspace(demo).count(SERVICE_POINTS)
    result = run("import_sites", {"WORKSPACE": demo, "INPUT": str(src), "REPORT": str(report)})
    assert (result["INSERTED"], result["UPDATED"], result["REJECTED"]) == (1, 1, 2)
    rows = {int(r["row"]): r for r in _report(report)}
    assert rows[2]["outcome"] == "inserted"
    assert rows[3]["outcome"] == "updated"
    assert rows[4]["outcome"] == "rejected"
    assert "minus sign" in rows[4]["message"]
    assert rows[5]["outcome"] == "rejected"
    assert "“abc”" in rows[5]["message"]
    ws = Workspace(demo)
    assert ws.count(SERVICE_POINTS) == before + 1
    tower = ws.site(TOWER_PLANS, MUARA_TOYU)
    assert tower["status"] == "coordinates_set"
    assert tower["coord_source"] == "import"
    assert tower[GEOMETRY] == pytest.approx((116 + 19 / 60 + 40 / 3600, -(1 + 7.5 / 60)))


def test_import_all_or_nothing_writes_nothing(plugin, demo, tmp_path):
    src, report = tmp_path / "sites.csv", tmp_path / "report.csv"
    _write_csv(src, IMPORT_ROWS)
    before = digest(demo)
    result = run("import_sites", {"WORKSPACE": demo, "INPUT": str(src), "REPORT": str(report), "ALL_OR_NOTHING": True})
    assert (result["INSERTED"], result["UPDATED"], result["REJECTED"]) == (0, 0, 2)
    assert digest(demo) == before
    outcomes = [r["outcome"] for r in _report(report)]
    assert outcomes == ["not_written", "not_written", "rejected", "rejected"]


def test_import_xlsx_with_english_headers_and_one_coordinate_column(plugin, demo, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Category", "Coordinates", "Village", "Accuracy"])
    sheet.append(["Puskesmas Pasir Belengkong", "puskesmas", "1°54'30\" S 116°05'10\" E", "", 8.0])
    sheet.append(["Menara Keladen", None, "50M 462512 9756020", None, None])
    sheet.append([None, None, None, None, None])
    src, report = tmp_path / "sites.xlsx", tmp_path / "report.csv"
    book.save(src)
    result = run("import_sites", {"WORKSPACE": demo, "INPUT": str(src), "REPORT": str(report), "FORCE": True})
    assert (result["INSERTED"], result["UPDATED"], result["REJECTED"]) == (1, 1, 0), _report(report)
    ws = Workspace(demo)
    point = [p for p in ws.sites(SERVICE_POINTS) if p["name"] == "Puskesmas Pasir Belengkong"][0]
    assert point["accuracy_m"] == 8.0
    assert point["category"] == "puskesmas"
    assert ws.site(TOWER_PLANS, demo_uid("tower", "64.01.02.2004"))["status"] == "coordinates_set"


def test_import_refuses_a_file_without_coordinate_columns(plugin, demo, tmp_path):
    src = tmp_path / "names.csv"
    _write_csv(src, [["Nama", "Kategori"], ["SD 1", "sekolah"]], delimiter=",")
    before = digest(demo)
    with pytest.raises(QgsProcessingException, match="no coordinate column"):
        run("import_sites", {"WORKSPACE": demo, "INPUT": str(src), "REPORT": str(tmp_path / "r.csv")})
    assert digest(demo) == before


def test_import_reads_excel_unicode_text_and_names_unreadable_files(plugin, demo, tmp_path):
    """Excel's "Unicode Text" (UTF-16, tabs) is read; a file in no encoding the import knows is named, not a traceback."""
    src, report = tmp_path / "titik.txt", tmp_path / "report.csv"
    text = 'Nama\tKategori\tLintang\tBujur\tCatatan\r\nSD Negeri 1 Lempesu\tsekolah\t-1,95\t116,25\t"dua\r\nbaris"\r\n'
    src.write_bytes(text.encode("utf-16"))
    result = run("import_sites", {"WORKSPACE": demo, "INPUT": str(src), "REPORT": str(report)})
    assert (result["INSERTED"], result["REJECTED"]) == (1, 0)
    point = [p for p in Workspace(demo).sites(SERVICE_POINTS) if p["name"] == "SD Negeri 1 Lempesu"][0]
    assert point["notes"] == "dua\nbaris"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"Nama;Lintang;Bujur\r\nSD \x8d;-1,95;116,25\r\n")
    before = digest(demo)
    with pytest.raises(QgsProcessingException, match=r"neither UTF-8 nor Windows-1252 text \(byte 0x8D in line 2"):
        run("import_sites", {"WORKSPACE": demo, "INPUT": str(bad), "REPORT": str(tmp_path / "r.csv")})
    assert digest(demo) == before


def test_import_points_to_the_sheet_with_the_table(plugin, demo, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Ringkasan"
    book.active.append(["Jumlah titik", 1])
    book.create_sheet("Data Titik").append(["Nama", "Kategori", "Lintang", "Bujur"])
    book["Data Titik"].append(["SD 9", "sekolah", -1.95, 116.25])
    src = tmp_path / "titik.xlsx"
    book.save(src)
    before = digest(demo)
    with pytest.raises(QgsProcessingException, match="sheet “Data Titik” of this file has coordinate columns.*SHEET"):
        run("import_sites", {"WORKSPACE": demo, "INPUT": str(src), "REPORT": str(tmp_path / "r.csv")})
    assert digest(demo) == before
    result = run(
        "import_sites", {"WORKSPACE": demo, "INPUT": str(src), "SHEET": "Data Titik", "REPORT": str(tmp_path / "r.csv")}
    )
    assert result["INSERTED"] == 1


def test_layers_in_the_project_are_refreshed_after_an_algorithm(plugin, workspace_path, tmp_path):
    layers = plugin.open_layers()
    points = layers[SERVICE_POINTS]
    before = points.featureCount()
    src, report = tmp_path / "sites.csv", tmp_path / "report.csv"
    _write_csv(src, IMPORT_ROWS[:2])
    result = run("import_sites", {"WORKSPACE": workspace_path, "INPUT": str(src), "REPORT": str(report)})
    assert result["INSERTED"] == 1
    assert result["REPORT"] == str(report)
    assert points.featureCount() == before + 1  # a cached count would still say 154
    run(
        "register_coordinates",
        {"WORKSPACE": workspace_path, "NAME": "UPTD Baru", "CATEGORY": "uptd", "COORDINATES": "-1.95, 116.25"},
    )
    assert points.featureCount() == before + 2


def test_import_action_opens_the_algorithm_dialog_on_the_workspace(plugin, workspace_path, browser_model):
    plugin.import_action.trigger()
    dialog = plugin.import_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.algorithm().id() == "paser_smartcity:import_sites"
    # INPUT is still empty, so read the one field we filled in
    assert dialog.mainWidget().wrappers["WORKSPACE"].parameterValue() == workspace_path
    dialog.close()


def test_desa_code_of_an_existing_site_can_be_corrected(plugin, demo):
    keladen = demo_uid("tower", "64.01.02.2004")
    result = run(
        "register_coordinates",
        {"WORKSPACE": demo, "SITE": keladen, "COORDINATES": "-1.9023, 116.1892", "DESA_CODE": "64.01.04.1001"},
    )
    assert result["DESA_CODE"] == "64.01.04.1001"
    assert result["WARNINGS"] == ""
    assert Workspace(demo).site(TOWER_PLANS, keladen)["desa_name"] == "Tanah Grogot"
