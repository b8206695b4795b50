"""What can go wrong in a sync, each with a message an officer can act on.

The messages the officer meets most (address, TLS, network, credentials, not an OGC API
server) are ``N_`` templates (core/messages.py): ``str()`` is English, ``render(tr)`` (what
toolbelt.i18n.tr_message shows) is translated.
"""

from ..messages import MessageError


class SyncError(MessageError):
    """The sync stopped; nothing half-applied. ``str()`` is the message for the officer, in English."""


class AuthError(SyncError):
    """401/403: the credentials of the auth configuration were refused."""


class ServerError(SyncError):
    """The server failed (5xx after the retries, timeouts, connection lost)."""


class ProtocolError(SyncError):
    """The server answered something that is not OGC API – Features (HTML, bad JSON, ...)."""


class SyncCancelled(SyncError):  # noqa: N818 - reads better than SyncCancelledError
    """The officer cancelled; the workspace is as before (or at a consistent checkpoint)."""
