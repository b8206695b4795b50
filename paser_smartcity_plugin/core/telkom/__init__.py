"""Shapefile exchange with Telkom (no QGIS here; geopandas only when the exchange runs).

- :mod:`.mapping`: the field contract (shapefile names, conversion rules, schema note).
- :mod:`.export`: :func:`export_package` writes the zip for Telkom.
- :mod:`.importer`: :func:`preview_import` reads what Telkom returns and reports every
  change, with warnings for the dangerous ones; :func:`apply_import` writes the accepted
  ones in one transaction, leaving out those the officer unticked.
- :mod:`.files`: zip and shapefile checks (hostile input is refused before any reader runs).
- :mod:`.geopandas_io`: geopandas found when needed, its worker thread, shapefiles read
  and written through it.

Importing this package does not import geopandas.
"""

from .errors import CancelledError, ChoiceNeededError, GeopandasMissingError, MissingCrsError, TelkomError

__all__ = ["CancelledError", "ChoiceNeededError", "GeopandasMissingError", "MissingCrsError", "TelkomError"]
