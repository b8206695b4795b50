"""One form for every value, so that "changed?" means the same for the workspace and the server.

GeoJSON from the server, SQLite values from the workspace and the base JSON of the change log
are all brought to: str / int / float (rounded) / ISO-8601 UTC with milliseconds and "Z" /
(lon, lat) rounded to 1e-7 degree (about 1 cm; the server stores another CRS and serves 8
decimals, so exact float equality would see changes that are not there).
"""

import math
from datetime import timedelta
from typing import Any, Optional, Tuple

from .. import timestamps
from ..schema import DATETIME, INTEGER, REAL

GEOMETRY_DECIMALS = 7


def canonical_datetime(value: Any) -> Optional[str]:
    return timestamps.canonical(value)


def canonical(field_type: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and value == "" and field_type != "TEXT"):
        return None
    if field_type == INTEGER:
        return int(float(value))
    if field_type == REAL:
        number = float(value)
        return None if math.isnan(number) else round(number, 9)
    if field_type == DATETIME:
        return canonical_datetime(value)
    return str(value)


def canonical_point(point: Any) -> Optional[Tuple[float, float]]:
    if not point:
        return None
    lon, lat = (float(v) for v in point)
    return round(lon, GEOMETRY_DECIMALS), round(lat, GEOMETRY_DECIMALS)


def datetime_filter_start(watermark: str, overlap_s: float) -> str:
    """The start of ``datetime=<start>/..``: the watermark minus the overlap, whole seconds."""
    return timestamps.format_seconds(timestamps.parse(watermark) - timedelta(seconds=overlap_s))
