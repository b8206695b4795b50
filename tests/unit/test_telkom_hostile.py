"""Hostile or broken input is refused with a message naming the problem, and nothing is written."""

import os
import struct
import zipfile
from pathlib import Path

import pytest

from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.schema import TOWER_PLANS
from paser_smartcity_plugin.core.telkom import TelkomError, files
from paser_smartcity_plugin.core.telkom.importer import preview_import
from tests.telkom_files import digest, shapefile_parts, write_shapefile, zip_shapefile

PAYANG = demo_uid("tower", "64.01.07.2009")
FIELDS = [("UID", str), ("NAMA", str), ("STATUS", str)]


@pytest.fixture
def tower_shp(demo_workspace, tmp_path):
    site = demo_workspace.site(TOWER_PLANS, PAYANG)
    folder = tmp_path / "telkom"
    folder.mkdir()
    return write_shapefile(
        str(folder / "tower_plans.shp"),
        FIELDS,
        [{"UID": PAYANG, "NAMA": site["name"], "STATUS": "permit"}],
        [site[GEOMETRY]],
    )


def refused(workspace, path, match, **kwargs):
    before = digest(workspace.path)
    listing = sorted(os.listdir(os.path.dirname(path)))
    with pytest.raises(TelkomError, match=match):
        preview_import(workspace, str(path), **kwargs)
    assert digest(workspace.path) == before
    assert sorted(os.listdir(os.path.dirname(path))) == listing  # nothing extracted beside it


def zip_with(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(
                zipfile.ZipInfo(name) if isinstance(name, str) else name, data, compress_type=zipfile.ZIP_DEFLATED
            )
    return str(path)


def parts_of(shp):
    return {os.path.splitext(p)[1]: Path(p).read_bytes() for p in shapefile_parts(shp)}


@pytest.mark.parametrize(
    "name",
    ["/tmp/evil/tower_plans", "../tower_plans", "a/../../tower_plans", "C:/Windows/tower_plans", "..\\tower_plans"],
)
def test_entry_paths_outside_the_zip(demo_workspace, tower_shp, tmp_path, name):
    parts = parts_of(tower_shp)
    archive = zip_with(tmp_path / "evil.zip", [(name + ext, data) for ext, data in parts.items()])
    refused(demo_workspace, archive, r"absolute path|outside the zip")
    assert not os.path.exists("/tmp/evil/tower_plans.shp")


def test_symlink_entry(demo_workspace, tower_shp, tmp_path):
    info = zipfile.ZipInfo("tower_plans.prj")
    info.external_attr = 0o120777 << 16
    parts = parts_of(tower_shp)
    archive = zip_with(
        tmp_path / "link.zip",
        [(info, "/etc/passwd")] + [("tower_plans" + ext, d) for ext, d in parts.items() if ext != ".prj"],
    )
    refused(demo_workspace, archive, "symbolic link")


def test_zip_bomb_by_ratio(demo_workspace, tower_shp, tmp_path):
    parts = parts_of(tower_shp)
    archive = zip_with(
        tmp_path / "bomb.zip",
        [("tower_plans" + ext, d) for ext, d in parts.items()] + [("padding.dbf", b"\0" * (50 << 20))],
    )
    assert os.path.getsize(archive) < 200_000
    refused(demo_workspace, archive, r"compressed \d+:1 .*zip bomb")


def test_zip_bomb_by_total_size(demo_workspace, tower_shp, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_TOTAL_BYTES", 64 << 10)  # the real limit is 1 GiB: too slow to build here
    parts = parts_of(tower_shp)
    archive = zip_with(
        tmp_path / "big.zip",
        [("tower_plans" + ext, d) for ext, d in parts.items()] + [("photo.jpg", os.urandom(100 << 10))],
    )
    refused(demo_workspace, archive, "unpacks to more than")


def test_forged_size_is_caught_while_unpacking(demo_workspace, tower_shp, tmp_path):
    parts = parts_of(tower_shp)
    archive = zip_with(tmp_path / "forged.zip", [("tower_plans" + ext, d) for ext, d in parts.items()])
    # Declare a smaller size for the .dbf in the central directory than it really has.
    data = bytearray(Path(archive).read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo("tower_plans.dbf")
    offset = data.find(b"PK\x01\x02")
    while data[offset + 46 : offset + 46 + len(b"tower_plans.dbf")] != b"tower_plans.dbf":
        offset = data.find(b"PK\x01\x02", offset + 4)
    struct.pack_into("<I", data, offset + 24, info.file_size - 10)
    Path(archive).write_bytes(bytes(data))
    refused(demo_workspace, archive, r"more than it declares|is damaged")


def test_several_shapefiles_need_a_choice(demo_workspace, tower_shp, tmp_path):
    parts = parts_of(tower_shp)
    archive = zip_with(
        tmp_path / "two.zip", [(stem + ext, d) for stem in ("menara_a", "menara_b") for ext, d in parts.items()]
    )
    refused(demo_workspace, archive, r"several shapefiles \(menara_a, menara_b\); choose")
    preview = preview_import(demo_workspace, archive, member="menara_b")
    assert preview.sources[0].name == "menara_b"
    assert preview.updated == 1


@pytest.mark.parametrize("missing", [".dbf", ".shx"])
def test_missing_parts(demo_workspace, tower_shp, tmp_path, missing):
    archive = zip_shapefile(str(tmp_path / "partial.zip"), tower_shp, drop=[missing])
    refused(demo_workspace, archive, rf"the \{missing} part is missing")
    os.remove(tower_shp[:-4] + missing)
    refused(demo_workspace, tower_shp, rf"the \{missing} part is missing")


@pytest.mark.parametrize(
    "part, damage, match",
    [
        (".shp", lambda b: b[:60], "too short"),
        (".shp", lambda b: b[:-8], "length does not match"),
        (".shx", lambda b: b"\0" * len(b), "not a shapefile or is damaged"),
        (".dbf", lambda b: b[:40], "damaged"),
        (".dbf", lambda b: b[:32] + b"\xff" * (len(b) - 32), "damaged|cannot be read"),
    ],
)
def test_corrupt_files(demo_workspace, tower_shp, tmp_path, part, damage, match):
    path = tower_shp[:-4] + part
    Path(path).write_bytes(damage(Path(path).read_bytes()))
    refused(demo_workspace, tower_shp, match)


def test_not_a_zip(demo_workspace, tmp_path):
    path = tmp_path / "kiriman.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    refused(demo_workspace, path, "not a readable zip")


def test_lines_and_polygons_are_refused(demo_workspace, tmp_path):
    folder = tmp_path / "lines"
    folder.mkdir()
    from osgeo import ogr

    path = write_shapefile(
        str(folder / "tower_plans.shp"),
        FIELDS,
        [{"NAMA": "Jalan"}],
        ["LINESTRING (116.0 -1.5, 116.1 -1.6)"],
        geometry=ogr.wkbLineString,
    )
    refused(demo_workspace, path, "holds PolyLine geometries; only points")


def test_empty_zip_and_other_files(demo_workspace, tmp_path):
    refused(demo_workspace, zip_with(tmp_path / "empty.zip", [("catatan.txt", b"halo")]), "holds no shapefile")
    other = tmp_path / "towers.gpkg"
    other.write_bytes(b"x")
    refused(demo_workspace, other, "choose a .zip or a .shp")


def test_refusals_are_translatable_templates(demo_workspace, tower_shp, tmp_path):
    """The GUI shows TelkomError through render(tr): the template is translated, the values kept."""
    archive = zip_with(
        tmp_path / "evil.zip", [("../tower_plans" + ext, data) for ext, data in parts_of(tower_shp).items()]
    )
    with pytest.raises(TelkomError) as raised:
        preview_import(demo_workspace, archive)
    indonesian = {
        "the zip entry {name!r} points outside the zip folder (..); the zip is refused": "isi zip {name!r} menunjuk ke luar folder zip (..); zip ditolak"
    }
    assert str(raised.value).startswith("the zip entry '../tower_plans.")
    assert str(raised.value).endswith("points outside the zip folder (..); the zip is refused")
    shown = raised.value.render(lambda text: indonesian.get(text, text))
    assert shown.startswith("isi zip '../tower_plans.")
    assert shown.endswith("menunjuk ke luar folder zip (..); zip ditolak")
