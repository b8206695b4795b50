"""No CSV the plugin writes holds a cell a spreadsheet would run as a formula (core/safe_csv.py):
the import report, the dashboard export, the Telkom package's CSVs and the Telkom preview report."""

import csv
import io
import os
import zipfile

import pytest

from paser_smartcity_plugin.core import dashboard
from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.safe_csv import neutralise, safe_writer
from paser_smartcity_plugin.core.schema import TOWER_PLANS

FORMULAS = ['=HYPERLINK("http://x","klik")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1", "＝1+1"]
PAYANG_TOWER = demo_uid("tower", "64.01.07.2009")
TOYU_TOWER = demo_uid("tower", "64.01.08.2008")  # pending: no coordinates


def runs_as_formula(cell: str) -> bool:
    return cell[:1] in ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


@pytest.mark.parametrize("text", FORMULAS)
def test_formulas_become_text(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["-1.9", "-1,9023", "+62", "-1.234,5", "1e-5", "-3E+2", -1.9, 4, None, "", "SD 1", "'=x"]
)
def test_numbers_and_plain_text_stay(value):
    assert neutralise(value) == value


def test_safe_writer_writes_every_row_safely():
    stream = io.StringIO()
    safe_writer(stream, delimiter=";").writerows([FORMULAS, ["-1.9", 2, None]])
    rows = list(csv.reader(io.StringIO(stream.getvalue()), delimiter=";"))
    assert rows[0] == ["'" + f for f in FORMULAS]
    assert rows[1] == ["-1.9", "2", ""]


def test_dashboard_export(tmp_path):
    row = dashboard.DashboardRow(key="64.01", name='=HYPERLINK("http://x")', service={"active": 1})
    path = tmp_path / "dashboard.csv"
    dashboard.write_csv(dashboard.Dashboard(overall=row, kecamatan=[]), str(path), "en")
    with open(path, encoding="utf-8-sig", newline="") as f:
        cells = [c for line in csv.reader(f) for c in line]
    assert '\'=HYPERLINK("http://x")' in cells
    assert not any(runs_as_formula(c) for c in cells)


@pytest.fixture
def injected(demo_workspace):
    """The demo with formulas in the texts a Telkom package and a preview report carry."""
    demo_workspace.update_site(TOWER_PLANS, TOYU_TOWER, {"name": FORMULAS[0], "notes": "@ kantor desa"})
    demo_workspace.update_site(TOWER_PLANS, PAYANG_TOWER, {"notes": "-tidak ada- " + "x" * 3000})  # cut: long_text.csv
    return demo_workspace


def test_telkom_package_csvs(injected, tmp_path):
    pytest.importorskip("pyogrio")
    from paser_smartcity_plugin.core.telkom.export import export_package

    out = tmp_path / "telkom.zip"
    export_package(injected, str(out), engine="pyogrio")
    with zipfile.ZipFile(out) as z:
        texts = {n: z.read(n).decode("utf-8-sig") for n in z.namelist() if n.endswith(".csv")}
    cells = {name: [c for line in csv.reader(io.StringIO(text)) for c in line] for name, text in texts.items()}
    assert "'" + FORMULAS[0] in cells["tower_plans_without_coordinates.csv"]
    assert any(c.startswith("'-tidak ada- ") for c in cells["tower_plans_long_text.csv"])
    assert not any(runs_as_formula(c) for name in cells for c in cells[name])


def test_telkom_preview_report(injected, tmp_path):
    pytest.importorskip("pyogrio")
    from paser_smartcity_plugin.core.rows import GEOMETRY
    from paser_smartcity_plugin.core.telkom.importer import preview_import
    from tests.telkom_files import write_shapefile

    site = injected.site(TOWER_PLANS, PAYANG_TOWER)
    fields = [("UID", str), ("NAMA", str), ("STATUS", str)]
    row = {"UID": PAYANG_TOWER, "NAMA": "@SUM(1+1)*cmd", "STATUS": site["status"]}
    path = write_shapefile(str(tmp_path / "tower_plans.shp"), fields, [row], [site[GEOMETRY]])
    report = tmp_path / "preview.csv"
    preview_import(injected, path, engine="pyogrio").write_report(str(report))
    with open(report, encoding="utf-8-sig", newline="") as f:
        cells = [c for line in csv.reader(f) for c in line]
    assert "'@SUM(1+1)*cmd" in cells
    assert not any(runs_as_formula(c) for c in cells)
    assert os.path.getsize(report) > 0
