"""Sync with the central database over OGC API – Features (Part 1 to pull, Part 4 to push).

No QGIS here: the HTTP session (with the Auth Manager's headers, QGIS's proxy) is made by the
QGIS side and handed in, so the same code runs in a QgsTask, in Processing and in tests.
"""

from .client import Capabilities, OgcApiClient
from .errors import AuthError, ProtocolError, ServerError, SyncCancelled, SyncError
from .run import SyncResult, synchronize

__all__ = [
    "AuthError",
    "Capabilities",
    "OgcApiClient",
    "ProtocolError",
    "ServerError",
    "SyncCancelled",
    "SyncError",
    "SyncResult",
    "synchronize",
]
