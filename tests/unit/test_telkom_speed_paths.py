"""The fast paths of the Telkom exchange give what the plain code gives.

The column-at-once point decoder must agree with gpkg.decode_point blob by blob (including
the blobs it does not handle itself), and pausing the garbage collector must leave it as
it was, also when exchanges overlap or fail.
"""

import gc
import math
import struct

import pytest

from paser_smartcity_plugin.core import gpkg
from paser_smartcity_plugin.core.telkom import geopandas_io
from paser_smartcity_plugin.core.telkom.export import decode_points

pytest.importorskip("numpy")


def _big_endian(lon, lat):
    return struct.pack("<2sBBi", b"GP", 0, 0b00000000, 4326) + struct.pack(">BIdd", 0, 1, lon, lat)


def _with_envelope(lon, lat):
    header = struct.pack("<2sBBi", b"GP", 0, 0b00000011, 4326) + struct.pack("<4d", lon, lon, lat, lat)
    return header + struct.pack("<BIdd", 1, 1, lon, lat)


def _empty_point():
    return struct.pack("<2sBBi", b"GP", 0, 0b00010001, 4326) + struct.pack("<BIdd", 1, 1, math.nan, math.nan)


def _nan_point():  # an empty point as WKB writes it, without the header's empty flag
    return gpkg.encode_point(math.nan, math.nan)


def _decoded(blobs):
    xs, ys = decode_points(blobs)
    return [None if math.isnan(x) else (x, y) for x, y in zip(xs.tolist(), ys.tolist())]


def test_plain_column_decoded_at_once_as_decode_point_does():
    blobs = [gpkg.encode_point(116.19 + i * 1e-6, -1.9 - i * 1e-6) for i in range(1000)]
    assert _decoded(blobs) == [gpkg.decode_point(b) for b in blobs]


def test_mixed_column_agrees_with_decode_point_blob_by_blob():
    blobs = [
        gpkg.encode_point(116.1, -1.9),
        None,
        _big_endian(116.2, -1.8),
        _with_envelope(116.3, -1.7),
        _empty_point(),
        _nan_point(),
        gpkg.encode_point(115.9, -2.1, srs_id=4326),
        b"GP",
        None,
    ]
    expected = [gpkg.decode_point(b) for b in blobs]
    assert expected[2] == (116.2, -1.8)
    assert expected[3] == (116.3, -1.7)
    assert _decoded(blobs) == expected


def test_empty_and_all_null_columns():
    assert _decoded([]) == []
    assert _decoded([None, None]) == [None, None]


def test_non_point_blob_is_still_refused():
    line = struct.pack("<2sBBi", b"GP", 0, 0b00000001, 4326) + struct.pack("<BIIdddd", 1, 2, 2, 0, 0, 1, 1)
    with pytest.raises(ValueError, match="not a point"):
        decode_points([gpkg.encode_point(116.1, -1.9), line])


def test_gc_pause_restores_the_collector_after_overlapping_and_failing_exchanges():
    was = gc.isenabled()
    gc.enable()
    try:
        with geopandas_io.gc_paused():
            assert not gc.isenabled()
            with geopandas_io.gc_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the outer exchange is still running
        assert gc.isenabled()
        with pytest.raises(RuntimeError):
            with geopandas_io.gc_paused():
                raise RuntimeError("export failed")
        assert gc.isenabled()
        gc.disable()  # an application that runs without the collector keeps it off
        with geopandas_io.gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_unchanged_row_fast_path_agrees_with_the_field_by_field_comparison(demo_workspace):
    """importer.unchanged_test (one tuple comparison) says "no field changed" only when the
    field-by-field comparison (RowJudge._changed_values, mapping.same_value) finds none."""
    import random

    from paser_smartcity_plugin.core.schema import LAYERS, TOWER_PLANS
    from paser_smartcity_plugin.core.telkom.importer import Judging, Matcher, RowJudge, unchanged_test
    from paser_smartcity_plugin.core.telkom.mapping import UPDATE, layer_fields

    matcher = Matcher(demo_workspace, TOWER_PLANS, 50.0)
    judge = RowJudge(LAYERS[TOWER_PLANS], Judging(demo_workspace.gazetteer))
    names = ["uid"] + [f.field for f in layer_fields(TOWER_PLANS) if f.mode == UPDATE]
    same = unchanged_test(TOWER_PLANS, names)
    rng = random.Random(7)
    tried = {True: 0, False: 0}
    for site in matcher.sites:
        for _ in range(40):
            values = {n: site.get(n) for n in names}
            for name in rng.sample(names[1:], rng.randint(0, 2)):  # change a value, or give it as another type
                values[name] = rng.choice([None, "x", 0, 72.0, 72, "72", site.get(name)])
            row = tuple(values[n] for n in names)
            fast = same(row, site)
            tried[fast] += 1
            if fast:
                incoming = {n: v for n, v in values.items() if v is not None}
                assert judge._changed_values(site, incoming) == {}, (site["uid"], values)
    assert tried[True]
    assert tried[False]
