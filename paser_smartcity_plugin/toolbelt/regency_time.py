"""The regency's clock: times are stored in UTC and shown in WITA (Asia/Makassar, UTC+8).

Kabupaten Paser keeps Central Indonesian Time all year (no daylight saving since 1932), so
an officer reads "Surveyed at 09:30 WITA" where the workspace stores 01:30Z. Qt 5's
QDateTimeEdit cannot edit in a time zone of its own (it keeps local time or UTC), so the edit
is set to the regency's wall-clock time as if it were UTC, and read back through the zone.
"""

from qgis.PyQt.QtCore import QDateTime, Qt, QTimeZone
from qgis.PyQt.QtWidgets import QDateTimeEdit

ZONE_ID = b"Asia/Makassar"
ZONE_LABEL = "WITA"  # Waktu Indonesia Tengah: the abbreviation officers use in both languages
OFFSET_S = 8 * 3600
DISPLAY_FORMAT = "yyyy-MM-dd HH:mm 'WITA'"


def regency_zone() -> QTimeZone:
    """Asia/Makassar from the time-zone database, or the same fixed UTC+8 where it is missing."""
    zone = QTimeZone(ZONE_ID)
    return zone if zone.isValid() else QTimeZone(OFFSET_S)


def to_regency_time(utc: QDateTime) -> QDateTime:
    return utc.toTimeZone(regency_zone())


def configure_edit(edit: QDateTimeEdit) -> None:
    """Make ``edit`` show the regency's time, labelled WITA."""
    edit.setTimeSpec(Qt.TimeSpec.UTC)  # a plain wall clock: no shift by the computer's own zone
    edit.setDisplayFormat(DISPLAY_FORMAT)


def show_in_edit(edit: QDateTimeEdit, utc: QDateTime) -> None:
    """Put the moment ``utc`` in ``edit`` as the regency's wall-clock time."""
    local = to_regency_time(utc)
    edit.setDateTime(QDateTime(local.date(), local.time(), Qt.TimeSpec.UTC))


def utc_from_edit(edit: QDateTimeEdit) -> QDateTime:
    """The moment the officer set in ``edit`` (regency time), in UTC."""
    wall = edit.dateTime()
    return QDateTime(wall.date(), wall.time(), regency_zone()).toUTC()


def regency_text(iso: str) -> str:
    """A stored UTC time (``2026-11-27T17:01:05.123Z``) as the officer reads it:
    ``2026-11-28 01:01 WITA``; text that is not a time is shown as it is."""
    moment = QDateTime.fromString(str(iso or ""), Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return str(iso or "")
    if moment.timeSpec() == Qt.TimeSpec.LocalTime:
        moment.setTimeSpec(Qt.TimeSpec.UTC)  # no zone written: UTC, as the workspace stores it
    return to_regency_time(moment).toString(DISPLAY_FORMAT)
