import csv
import os

import pytest

from paser_smartcity_plugin.core import dashboard
from paser_smartcity_plugin.core.gazetteer import REGENCY_EXTENT, default_gazetteer
from paser_smartcity_plugin.core.schema import SERVICE_POINTS

BELIMBING = "64.01.06.2012"  # Long Ikis


def test_demo_workspace_figures(demo_workspace):
    data = dashboard.from_workspace(demo_workspace)
    overall = data.overall
    assert overall.key == "64.01"
    assert overall.name == "Kabupaten Paser"
    assert overall.service_total == 154
    assert overall.service["planned"] == 154
    assert overall.delivered == 0
    assert overall.tower_total == 4
    assert overall.towers["coordinates_pending"] == 2
    assert overall.towers["coordinates_set"] == 2
    assert data.target == 300
    assert data.target_share == pytest.approx(154 / 300)
    # every kecamatan gets a row, even one without sites; the rows add up to the regency
    assert len(data.kecamatan) == len(default_gazetteer().kecamatan) == 10
    assert sum(r.service_total for r in data.kecamatan) == 154
    assert sum(r.tower_total for r in data.kecamatan) == 4
    long_ikis = data.row("64.01.06")
    assert long_ikis.name == "Long Ikis"
    assert long_ikis.towers["coordinates_set"] == 1
    assert [r.name for r in data.kecamatan] == sorted(r.name for r in data.kecamatan)


def test_status_changes_are_counted(demo_workspace):
    sites = demo_workspace.sites(SERVICE_POINTS)
    with demo_workspace.write() as conn:
        for site in sites[:3]:
            demo_workspace.update_site(SERVICE_POINTS, site["uid"], {"status": "active"}, conn=conn)
    data = dashboard.from_workspace(demo_workspace)
    assert data.overall.delivered == 3
    assert data.overall.service["planned"] == 151
    assert data.delivered_share == pytest.approx(0.01)


def test_unknown_desa_and_status_get_their_own_buckets():
    data = dashboard.compute(
        [
            {"desa_code": BELIMBING, "status": "active", "geometry": (116.2, -1.5)},
            {"desa_code": "99.99.99.9999", "status": "active", "geometry": None},
            {"desa_code": BELIMBING, "status": "burnt", "geometry": None},
        ],
        [{"desa_code": None, "status": "on_air", "geometry": None}],
    )
    assert data.overall.service_total == 3
    assert data.overall.service[dashboard.OTHER_STATUS] == 1
    unknown = data.row(dashboard.UNKNOWN_KEY)
    assert data.kecamatan[-1] is unknown
    assert unknown.service_total == 1
    assert unknown.towers["on_air"] == 1


def test_zoom_extent_follows_sites_then_kecamatan_then_regency():
    data = dashboard.compute([{"desa_code": BELIMBING, "status": "planned", "geometry": (116.2, -1.5)}], [])
    extent = data.row("64.01.06").extent(margin_deg=0.01)
    assert (extent.west, extent.south, extent.east, extent.north) == pytest.approx((116.19, -1.51, 116.21, -1.49))
    empty = data.row("64.01.01")
    assert empty.extent() == next(k for k in default_gazetteer().kecamatan if k.code == "64.01.01").bbox
    assert dashboard.compute([], []).overall.extent() == REGENCY_EXTENT


def test_csv_export_in_both_languages(demo_workspace, tmp_path):
    data = dashboard.from_workspace(demo_workspace)
    path = tmp_path / "dashboard.csv"
    dashboard.write_csv(data, str(path), "id")
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:4] == ["Kode kecamatan", "Kecamatan", "Titik layanan", "Target"]
    assert "Titik layanan: Aktif" in rows[0]
    assert "Menara: Mengudara" in rows[0]
    assert rows[1][:4] == ["64.01", "Kabupaten Paser", "154", "300"]
    assert len(rows) == 1 + 1 + 10
    english = dashboard.csv_rows(data, "en")
    assert english[0][2] == "Service points"
    assert "Towers: On air" in english[0]
    # the demo's 154 service points and 2 towers stand at their desa centre: approximate
    approximate = english[0].index("Service points: approximate coordinates")
    assert english[1][approximate] == "154"
    assert english[1][english[0].index("Towers: approximate coordinates")] == "2"
    assert "Titik layanan: koordinat perkiraan" in rows[0]


def test_sites_with_approximate_coordinates_are_counted():
    data = dashboard.compute(
        [
            {"desa_code": BELIMBING, "status": "planned", "coord_status": "approximate"},
            {"desa_code": BELIMBING, "status": "active", "coord_status": "surveyed"},
        ],
        [{"desa_code": BELIMBING, "status": "permit", "coord_status": "approximate"}],
    )
    belimbing = data.row("64.01.06")
    assert (belimbing.service_approximate, belimbing.tower_approximate, belimbing.approximate) == (1, 1, 2)
    assert data.overall.approximate == 2


def test_failed_csv_export_leaves_nothing(demo_workspace, tmp_path):
    data = dashboard.from_workspace(demo_workspace)
    target = tmp_path / "is_a_directory.csv"
    target.mkdir()
    with pytest.raises(OSError):
        dashboard.write_csv(data, str(target), "en")
    assert sorted(os.listdir(tmp_path)) == ["demo.gpkg", "is_a_directory.csv"]  # no temporary left
    assert not list(target.iterdir())
