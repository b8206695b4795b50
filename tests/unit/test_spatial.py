"""core/spatial.PointGrid: the same answers as looking at every point, at any latitude."""

import random

import pytest

from paser_smartcity_plugin.core.gazetteer import haversine_m
from paser_smartcity_plugin.core.rows import GEOMETRY
from paser_smartcity_plugin.core.spatial import PointGrid


@pytest.mark.parametrize("centre_lat", [-1.9, 0.0, 45.0, -70.0, 88.0])
@pytest.mark.parametrize("distance_m", [0.0, 25.0, 500.0])
def test_near_finds_exactly_what_a_full_scan_finds(centre_lat, distance_m):
    rng = random.Random(f"{centre_lat}/{distance_m}")
    spread = max(distance_m, 5.0) * 4 / 111_000
    points = [
        {"uid": str(i), GEOMETRY: (116.2 + rng.uniform(-spread, spread) * 3, centre_lat + rng.uniform(-spread, spread))}
        for i in range(600)
    ]
    points.append({"uid": "same", GEOMETRY: points[0][GEOMETRY]})  # an exact double
    points.append({"uid": "none", GEOMETRY: None})  # left out of the index
    grid = PointGrid(distance_m, points)
    assert len(grid) == 601
    for query in points[:-1:7]:
        lon, lat = query[GEOMETRY]
        expected = sorted(
            (haversine_m(lon, lat, *p[GEOMETRY]), p["uid"])
            for p in points
            if p[GEOMETRY] is not None and haversine_m(lon, lat, *p[GEOMETRY]) <= distance_m
        )
        found = grid.near(lon, lat)
        assert sorted((d, p["uid"]) for d, p in found) == expected
        assert [d for d, _ in found] == sorted(d for d, _ in found)  # nearest first


def test_added_points_and_a_smaller_radius():
    grid = PointGrid(100.0)
    assert grid.near(116.2, -1.9) == []
    grid.add({"uid": "a"}, (116.2, -1.9))
    grid.add({"uid": "b", GEOMETRY: (116.2005, -1.9)})  # 56 m east
    assert [p["uid"] for _, p in grid.near(116.2, -1.9)] == ["a", "b"]
    assert [p["uid"] for _, p in grid.near(116.2, -1.9, distance_m=10)] == ["a"]
    assert grid.near(float("nan"), -1.9) == []


@pytest.mark.parametrize("centre_lat", [-1.9, 60.0])
def test_nearest_is_the_nearest_at_any_distance(centre_lat):
    rng = random.Random(centre_lat)
    points = [
        {"uid": str(i), GEOMETRY: (116 + rng.uniform(-1, 1), centre_lat + rng.uniform(-1, 1))} for i in range(150)
    ]
    grid = PointGrid(10_000.0, points)
    queries = [(116 + rng.uniform(-3, 3), centre_lat + rng.uniform(-3, 3)) for _ in range(300)] + [(0.0, 0.0)]
    for lon, lat in queries:
        d, item = grid.nearest(lon, lat)
        expected = min(haversine_m(lon, lat, *p[GEOMETRY]) for p in points)
        assert d == pytest.approx(expected, abs=1e-6)
        assert haversine_m(lon, lat, *item[GEOMETRY]) == d
    assert PointGrid(10.0).nearest(116.0, -1.9) is None


def test_nearest_desa_matches_a_full_scan():
    from paser_smartcity_plugin.core.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    rng = random.Random(64)
    for lon, lat in [(rng.uniform(115.0, 117.5), rng.uniform(-3.0, -0.3)) for _ in range(500)] + [(106.8, -6.2)]:
        desa, d = gazetteer.nearest_desa(lon, lat)
        assert d == pytest.approx(min(haversine_m(lon, lat, x.lon, x.lat) for x in gazetteer.desa), abs=1e-6)
        assert haversine_m(lon, lat, desa.lon, desa.lat) == d
