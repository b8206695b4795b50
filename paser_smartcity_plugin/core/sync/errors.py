"""What can go wrong in a sync, each with a message an officer can act on."""


class SyncError(Exception):
    """The sync stopped; nothing half-applied. ``str()`` is the message for the officer."""


class AuthError(SyncError):
    """401/403: the credentials of the auth configuration were refused."""


class ServerError(SyncError):
    """The server failed (5xx after the retries, timeouts, connection lost)."""


class ProtocolError(SyncError):
    """The server answered something that is not OGC API – Features (HTML, bad JSON, ...)."""


class SyncCancelled(SyncError):  # noqa: N818 - reads better than SyncCancelledError
    """The officer cancelled; the workspace is as before (or at a consistent checkpoint)."""
