"""Errors of the Telkom exchange: each says what is wrong in words the officer can act on.

Their text is made of core messages (``N_`` templates, core/messages.py), shown translated
through ``render(tr)`` (toolbelt.i18n.tr_message) and in English by ``str()``.
"""

from ..messages import MessageError


class TelkomError(MessageError, ValueError):
    """Input or settings the exchange refuses; nothing was written."""


class MissingCrsError(TelkomError):
    """The shapefile has no .prj: the officer (GUI) or SOURCE_CRS (algorithm) must name its CRS."""


class GeopandasMissingError(TelkomError):
    """geopandas (with pyogrio or fiona) is not installed in QGIS's Python."""


class CancelledError(TelkomError):
    """The officer cancelled; nothing was written."""


class ChoiceNeededError(TelkomError):
    """A zip holds several shapefiles and none was chosen; ``choices`` lists them."""

    def __init__(self, message, choices):
        super().__init__(message)
        self.choices = list(choices)
