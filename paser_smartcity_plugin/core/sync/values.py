"""One form for every value, so that "changed?" means the same for the workspace and the server.

GeoJSON from the server, SQLite values from the workspace and the base JSON of the change log
are all brought to: str / int / float (rounded) / ISO-8601 UTC with milliseconds and "Z" /
(lon, lat) rounded to 1e-7 degree (about 1 cm; the server stores another CRS and serves 8
decimals, so exact float equality would see changes that are not there).
"""

import math
from datetime import datetime, timedelta, timezone
from typing import Any, Optional, Tuple

from ..schema import DATETIME, INTEGER, REAL

GEOMETRY_DECIMALS = 7


def parse_datetime(value: Any) -> Optional[datetime]:
    """An aware UTC datetime from an ISO 8601 string (no zone means UTC), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    else:
        text = str(value).strip().replace(" ", "T")
        if text.endswith("Z") or text.endswith("z"):
            text = text[:-1] + "+00:00"
        # Python 3.9/3.10 fromisoformat wants 0, 3 or 6 fraction digits
        if "." in text:
            head, _, rest = text.partition(".")
            digits = ""
            while rest and rest[0].isdigit():
                digits, rest = digits + rest[0], rest[1:]
            text = f"{head}.{(digits + '000000')[:6]}{rest}"
        dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def format_datetime(dt: datetime) -> str:
    dt = dt.astimezone(timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def canonical_datetime(value: Any) -> Optional[str]:
    dt = parse_datetime(value)
    return None if dt is None else format_datetime(dt)


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
    dt = parse_datetime(watermark) - timedelta(seconds=overlap_s)
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")
