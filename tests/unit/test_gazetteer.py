import pytest

from paser_smartcity_plugin.core.gazetteer import REGENCY_EXTENT, default_gazetteer, haversine_m


def test_counts_match_the_regency():
    gaz = default_gazetteer()
    assert len(gaz.kecamatan) == 10
    assert len(gaz.desa) == 144
    assert sum(d.kind == "kelurahan" for d in gaz.desa) == 5
    assert all(d.code.startswith(d.kecamatan_code + ".") for d in gaz.desa)


@pytest.mark.parametrize(
    "code,name,kecamatan",
    [
        ("64.01.06.2012", "Belimbing", "Long Ikis"),
        ("64.01.07.2009", "Muara Payang", "Muara Komam"),
        ("64.01.08.2008", "Muara Toyu", "Long Kali"),
        ("64.01.02.2004", "Keladen", "Tanjung Harapan"),
    ],
)
def test_tower_villages(code, name, kecamatan):
    desa = default_gazetteer().desa_by_code(code)
    assert (desa.name, desa.kecamatan) == (name, kecamatan)


def test_every_centroid_and_box_is_inside_the_official_extent():
    gaz = default_gazetteer()
    for d in gaz.desa:
        assert REGENCY_EXTENT.contains(d.lon, d.lat), d
        assert d.bbox.west <= d.bbox.east
        assert d.bbox.south <= d.bbox.north


def test_extent_is_the_published_one():
    # 0°45'18"-2°27'21" S, 115°36'15"-116°57'35" E
    assert REGENCY_EXTENT.north == pytest.approx(-0.755)
    assert REGENCY_EXTENT.south == pytest.approx(-2.455833, abs=1e-6)
    assert REGENCY_EXTENT.west == pytest.approx(115.604167, abs=1e-6)
    assert REGENCY_EXTENT.east == pytest.approx(116.959722, abs=1e-6)
    assert not REGENCY_EXTENT.contains(116.19, 1.90)  # missing minus sign: north of the equator


def test_nearest_desa_of_a_centroid_is_itself():
    gaz = default_gazetteer()
    for d in gaz.desa[::7]:
        found, distance = gaz.nearest_desa(d.lon, d.lat)
        assert found.code == d.code
        assert distance == pytest.approx(0, abs=1e-6)


def test_find_desa_by_name_and_code():
    gaz = default_gazetteer()
    assert [d.code for d in gaz.find_desa("belimbing")] == ["64.01.06.2012"]
    assert gaz.find_desa("64.01.02.2004")[0].name == "Keladen"
    assert gaz.find_desa("no such village") == []
    assert not gaz.is_desa_code("64.01.99.9999")
    assert not gaz.is_desa_code(None)


def test_haversine_one_degree_of_latitude():
    assert haversine_m(116, -2, 116, -1) == pytest.approx(111195, rel=1e-3)
