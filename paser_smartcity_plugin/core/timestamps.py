"""Every timestamp of the core, read and written in one place.

The stored form (workspace, change log, sync history, Telkom files, what the sync compares) is
ISO 8601 in UTC with milliseconds and "Z": ``2026-11-30T08:15:02.123Z``. Readers accept what
servers, DBFs and people write: a "Z" or a ``±hh:mm`` offset (no zone means UTC), a space for
the "T", any number of fraction digits, and — in :func:`parse_loose` — dates alone and the
day-first forms of the regency's spreadsheets.
"""

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Optional, Tuple

from .messages import N_, MessageText

_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$"
)
_STORED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
# Forms people write besides ISO 8601 (after the ISO reader failed), day first as in Indonesia.
_LOOSE_FORMATS = (
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%Y%m%d",
    "%d/%m/%Y %H:%M",
)


def _from_iso(text: str) -> Optional[Tuple[datetime, bool]]:
    """(aware UTC datetime, date_only) of ISO 8601 text, or None when it is not ISO 8601."""
    found = _ISO.match(text)
    if not found:
        return None
    year, month, day, hour, minute, second, fraction, zone = found.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    moment = datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro, timezone.utc
    )
    if zone and zone not in ("Z", "z"):
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        moment -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    return moment, hour is None


def parse(value: Any) -> Optional[datetime]:
    """An aware UTC datetime from ISO 8601 text or a datetime (naive means UTC); None for
    None or "". Raises ValueError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    text = str(value).strip()
    if _STORED.match(text):  # the common case, read by the C parser
        return datetime.fromisoformat(text[:-1] + "+00:00")
    parsed = _from_iso(text)
    if parsed is None:
        raise ValueError(f"{value!r} is not an ISO 8601 date/time")
    return parsed[0]


def parse_loose(value: Any) -> Tuple[Optional[datetime], bool]:
    """(naive UTC datetime, date_only) of a timestamp in any form a DBF or a person writes it:
    ISO 8601, a date alone, day-first dates; pandas' Timestamp and NaT. Raises ValueError with
    a message an officer understands."""
    if value is None:
        return None, False
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        if value != value:  # NaT
            return None, False
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value, False
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day), True
    text = str(value).strip()
    if not text:
        return None, False
    parsed = _from_iso(text)
    if parsed is not None:
        return parsed[0].replace(tzinfo=None), parsed[1]
    for fmt in _LOOSE_FORMATS:
        try:
            return datetime.strptime(text, fmt), "%H" not in fmt
        except ValueError:
            continue
    raise ValueError(
        MessageText(N_("“{value}” is not a date/time (use ISO 8601, e.g. 2022-08-17T09:30:00Z)"), value=value)
    )


def format_iso(moment: datetime) -> str:
    """The stored form: UTC, milliseconds, "Z" (a naive datetime is taken as UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def format_seconds(moment: datetime) -> str:
    """Whole seconds, UTC, "Z" (the bounds of a ``datetime=`` filter)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def canonical(value: Any) -> Optional[str]:
    """Any ISO 8601 value in the stored form (None stays None)."""
    if isinstance(value, str) and _STORED.match(value):
        return value  # already stored form: most values a pull reads
    moment = parse(value)
    return None if moment is None else format_iso(moment)


def now() -> datetime:
    return datetime.now(timezone.utc)


def now_iso() -> str:
    """The current UTC time in the stored form, e.g. 2026-11-27T17:01:05.123Z."""
    return format_iso(now())


def from_http_date(text: Optional[str]) -> Optional[datetime]:
    """The moment of an HTTP ``Date`` header (RFC 7231), or None when absent or unreadable."""
    if not text:
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
