"""Sync with the central database over OGC API – Features (Part 1 to pull, Part 4 to push).

No QGIS here: the HTTP session (with the Auth Manager's headers, QGIS's proxy) is made by the
QGIS side and handed in, so the same code runs in a QgsTask, in Processing and in tests.

The names below are imported when first used (PEP 562): the merge and the conflict store
(``sync.merge``, ``sync.store``, ``sync.conflicts``) serve the field-package merge too, which
must not load the HTTP client (requests) to run.
"""

import importlib

_EXPORTS = {
    "AuthError": ".errors",
    "Capabilities": ".client",
    "OgcApiClient": ".client",
    "ProtocolError": ".errors",
    "ServerError": ".errors",
    "SyncCancelled": ".errors",
    "SyncError": ".errors",
    "SyncResult": ".run",
    "synchronize": ".run",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
