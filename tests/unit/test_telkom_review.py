"""The Telkom import preview flags what is dangerous and lets the officer leave single changes
out: a far move and a desa that does not hold the position are warnings, not notes; a
change left out (by uid or row, the dialog's untick or the algorithm's SKIP) is not written."""

import pytest

from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.telkom import TelkomError
from paser_smartcity_plugin.core.telkom.importer import (
    NEW,
    UPDATED,
    LeaveOut,
    apply_import,
    preview_import,
)
from tests.telkom_files import TANAH_GROGOT, digest, towers_file, write_shapefile

pytest.importorskip("geopandas")

PAYANG_TOWER = demo_uid("tower", "64.01.07.2009")
BELIMBING_TOWER = demo_uid("tower", "64.01.06.2012")
POINT_FIELDS = [("NAMA", str), ("KATEGORI", str), ("KODE_DESA", str), ("STATUS", str)]


def _towers(workspace, tmp_path, moves):
    return towers_file(workspace, str(tmp_path / "tower_plans.shp"), moves)


def test_a_far_move_is_a_warning_a_small_one_a_note(demo_workspace, tmp_path):
    payang = demo_workspace.site(TOWER_PLANS, PAYANG_TOWER)[GEOMETRY]
    nearby = (payang[0] + 0.0003, payang[1])  # ~33 m: a better measurement of the same place
    path = _towers(demo_workspace, tmp_path, [(PAYANG_TOWER, TANAH_GROGOT), (BELIMBING_TOWER, None)])
    far, _ = preview_import(demo_workspace, path).rows
    assert far.action == UPDATED
    (moved,) = [w for w in far.warnings if w.startswith("moved")]
    assert moved.startswith("moved 61 1")
    assert "farther than 500 m" in moved
    assert not [n for n in far.notes if n.startswith("moved")]
    # the limit is the officer's setting
    far, _ = preview_import(demo_workspace, path, move_warning_m=100_000).rows
    assert not [w for w in far.warnings if w.startswith("moved")]
    assert [n for n in far.notes if n.startswith("moved 611")]
    path = _towers(demo_workspace, tmp_path, [(PAYANG_TOWER, nearby)])
    (near,) = preview_import(demo_workspace, path).rows
    assert near.action == UPDATED
    assert [n for n in near.notes if n.startswith("moved 3")]
    assert not [w for w in near.warnings if "moved" in w]


def test_a_desa_that_does_not_hold_the_position_is_a_warning(demo_workspace, tmp_path):
    """The register dialog's check (core/checks.py): a new site coded Samurangau (Batu Sopang)
    but placed in Tanah Grogot, and a tower moved out of its desa."""
    row = {"NAMA": "SDN 009 Samurangau", "KATEGORI": "sekolah", "KODE_DESA": "64.01.01.2009", "STATUS": "planned"}
    path = write_shapefile(str(tmp_path / "service_points.shp"), POINT_FIELDS, [row], [TANAH_GROGOT])
    (new,) = preview_import(demo_workspace, path).rows
    assert new.action == NEW
    assert new.warnings == [
        "the site's desa is Samurangau (Batu Sopang) but the position lies in Tanah Grogot "
        "(Tanah Grogot) (desa boundaries)"
    ]
    path = _towers(demo_workspace, tmp_path, [(PAYANG_TOWER, TANAH_GROGOT)])
    (moved,) = preview_import(demo_workspace, path).rows
    assert any(w.startswith("the site's desa is Muara Payang") for w in moved.warnings), moved.warnings
    assert preview_import(demo_workspace, path).warned == 1
    # in its own desa: no desa warning
    row["KODE_DESA"] = "64.01.04.1001"
    path = write_shapefile(str(tmp_path / "service_points.shp"), POINT_FIELDS, [row], [TANAH_GROGOT])
    (new,) = preview_import(demo_workspace, path).rows
    assert new.action == NEW
    assert new.warnings == []


def test_changes_left_out_are_not_written(demo_workspace, tmp_path):
    payang_before = demo_workspace.site(TOWER_PLANS, PAYANG_TOWER)
    path = _towers(demo_workspace, tmp_path, [(PAYANG_TOWER, TANAH_GROGOT), (BELIMBING_TOWER, None)])
    preview = preview_import(demo_workspace, path)
    assert [r.action for r in preview.rows] == [UPDATED, UPDATED]
    counts = apply_import(demo_workspace, preview, leave_out=LeaveOut(uids=frozenset({PAYANG_TOWER})))
    assert counts == {"UPDATED": 1, "NEW": 0, "LEFT_OUT": 1}
    assert demo_workspace.site(TOWER_PLANS, PAYANG_TOWER) == payang_before
    assert demo_workspace.site(TOWER_PLANS, BELIMBING_TOWER)["status"] == "permit"


def test_new_sites_are_left_out_by_their_row(demo_workspace, tmp_path):
    rows = [
        {"NAMA": f"SDN 01{i} Tanah Grogot", "KATEGORI": "sekolah", "KODE_DESA": "64.01.04.1001", "STATUS": "planned"}
        for i in range(3)
    ]
    points = [(TANAH_GROGOT[0] + i * 0.001, TANAH_GROGOT[1]) for i in range(3)]
    path = write_shapefile(str(tmp_path / "service_points.shp"), POINT_FIELDS, rows, points)
    count = demo_workspace.count(SERVICE_POINTS)
    preview = preview_import(demo_workspace, path)
    counts = apply_import(demo_workspace, preview, leave_out=LeaveOut.parse("1, service_points.shp:3"))
    assert counts == {"UPDATED": 0, "NEW": 1, "LEFT_OUT": 2}
    assert demo_workspace.count(SERVICE_POINTS) == count + 1
    (added,) = demo_workspace.sites(SERVICE_POINTS, "name LIKE 'SDN 01_ Tanah Grogot'")
    assert added["name"] == "SDN 011 Tanah Grogot"


def test_leaving_out_what_the_preview_does_not_change_writes_nothing(demo_workspace, tmp_path):
    """A mistyped uid would otherwise write the change the officer meant to leave out."""
    path = _towers(demo_workspace, tmp_path, [(PAYANG_TOWER, None)])
    preview = preview_import(demo_workspace, path)
    before = digest(demo_workspace.path)
    typo = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(TelkomError, match=f"nothing was imported: {typo}, 7 names no change"):
        apply_import(demo_workspace, preview, leave_out=LeaveOut.parse(f"{typo} 7"))
    assert digest(demo_workspace.path) == before
    assert not preview.applied


def test_leave_out_is_read_from_text():
    parsed = LeaveOut.parse(f" {PAYANG_TOWER.upper()}, 12;40-42\nmenara.shp:7 ")
    assert parsed.uids == {PAYANG_TOWER}
    assert parsed.rows == {(None, 12), (None, 40), (None, 41), (None, 42), ("menara", 7)}
    assert not LeaveOut.parse("  ")
    for bad in ("dua belas", "45-40", "menara.shp:x"):
        with pytest.raises(TelkomError, match="not a site uid, a row number"):
            LeaveOut.parse(bad)
