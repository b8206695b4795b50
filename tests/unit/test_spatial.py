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
