"""Every CSV the plugin writes goes through :func:`safe_writer`: no cell runs as a formula.

Officers open the import report, the dashboard export and the Telkom package's CSVs in Excel,
LibreOffice or WPS, which run a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return before one) as a formula — ``=HYPERLINK(...)`` or ``=cmd|...`` in a site's name
or notes ("CSV injection", OWASP). Such a text is written with a leading apostrophe, which
spreadsheets take as "this is text"; the data in the workspace stays as it was typed. Numbers
stay numbers: ``-1.9``, ``-1,9023``, ``+62`` are not prefixed, and neither is any non-text value.
"""

import csv
import re
from typing import Any, Iterable

# The ASCII starters, the control characters spreadsheets skip before one, and their
# full-width forms (an Indonesian or Japanese input method may type those; some spreadsheets
# read them as the ASCII ones).
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d[\d.,]*|[.,]\d[\d.,]*)(?:[eE][+-]?\d+)?")


def neutralise(value: Any) -> Any:
    """``value``, with an apostrophe in front when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value and value[0] in FORMULA_STARTS and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer's writerow/writerows, each cell through :func:`neutralise`."""

    def __init__(self, stream, **kwargs) -> None:
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(stream, **kwargs) -> SafeWriter:
    """Like ``csv.writer(stream, **kwargs)``, for every CSV the plugin writes."""
    return SafeWriter(stream, **kwargs)
