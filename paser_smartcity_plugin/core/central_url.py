"""The central's URL: the key that names it in a workspace, and no credentials ever kept.

A URL typed with user information (``http://petugas:<password>@host/wfs3``) would put the
password in every place the URL goes: the workspace (the file officers copy and hand to
surveyors), its sync history, logs, ``qgis_process`` output. The sync refuses such a URL and
says how to put the credentials into a QGIS authentication configuration; the key that names
a central in the workspace (watermarks, datetime proofs, the history) is the URL without them,
normalised so that ``…/wfs3`` and ``…/wfs3/`` are one central. A workspace written by an
earlier release that kept such a URL is cleaned by the next sync (:func:`forget_credentials`).
"""

import json
import re
import sqlite3
from typing import Dict, Optional, Tuple
from urllib.parse import urlsplit, urlunsplit

from . import changelog
from .messages import N_, Message

_DEFAULT_PORTS = {"http": 80, "https": 443}
# user[:password]@ after a scheme, anywhere in a text (to the last "@" before the path: a
# password typed with an "@" in it), and user:password@ before a host without a scheme
# (messages of earlier releases named the server by its netloc).
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s\"'<>]*@")
_BARE_USERINFO = re.compile(r"(?<![\w/:@.-])[^\s/@:\"'<>()]+:[^\s/\"'<>]*@(?=[\w\[])")
# Sync state keys that hold a central's URL: "<kind>|<url>|<layer or collection>".
STATE_KINDS = ("watermark", "pull", "datetime-proof")


def has_credentials(url: str) -> bool:
    """True when ``url`` carries user information (a user name, a password or both)."""
    try:
        return "@" in urlsplit((url or "").strip()).netloc
    except ValueError:
        return False


def central_key(url: str) -> str:
    """The key of the central at ``url``: no credentials, scheme and host in lower case, the
    default port dropped, no trailing slash, no fragment. It is a usable URL too."""
    parts = urlsplit((url or "").strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), parts.query, ""))


def redact(text: Optional[str]) -> Optional[str]:
    """``text`` with the user information of every URL in it removed."""
    return _BARE_USERINFO.sub("", _USERINFO.sub(r"\1", text)) if text else text


def credentials_message(url: str) -> Message:
    """Why a URL with credentials is refused, and what to do instead (the URL shown without them)."""
    return Message(
        N_(
            "the central server URL contains a user name or password: they would be kept in the "
            "workspace and shown in logs. Use the URL without them ({url}) and put the user name and "
            "password into a QGIS authentication configuration (Settings > Options > Authentication, "
            "method Basic), then choose it as the sync's Authentication"
        ),
        url=central_key(url),
    )


def state_key(kind: str, url: str, name: str) -> str:
    """A sync state key of the central at ``url`` (normalised, without credentials)."""
    return f"{kind}|{central_key(url)}|{name}"


def _split_state_key(key: str) -> Optional[Tuple[str, str, str]]:
    kind, _, rest = key.partition("|")
    url, _, name = rest.rpartition("|")
    if kind not in STATE_KINDS or not url or not name:
        return None
    return kind, url, name


def forget_credentials(conn: sqlite3.Connection) -> Dict[str, int]:
    """Clean a workspace of central URLs with credentials, inside the caller's transaction.

    Sync state keys are re-keyed to the normalised URL without credentials (two keys that
    become one: the older watermark wins, so nothing is skipped); every URL in the sync
    history (its server column, messages and summaries) loses its user information. Returns
    how many state keys and history rows were changed. The caller turns on ``secure_delete``
    so that the old text does not linger in free pages of the file.
    """
    rekeyed = 0
    rows = conn.execute(f"SELECT key, value FROM {changelog.STATE_TABLE}").fetchall()
    present = {key: value for key, value in rows}
    for key, value in rows:
        parts = _split_state_key(key)
        if parts is None:
            continue
        kind, url, name = parts
        clean = f"{kind}|{central_key(url)}|{name}"
        if clean == key:
            continue
        conn.execute(f"DELETE FROM {changelog.STATE_TABLE} WHERE key = ?", (key,))
        present.pop(key, None)
        if clean in present:
            if kind == "watermark" and value and present[clean] and value < present[clean]:
                present[clean] = value
                conn.execute(f"UPDATE {changelog.STATE_TABLE} SET value = ? WHERE key = ?", (value, clean))
        else:
            present[clean] = value
            conn.execute(f"INSERT INTO {changelog.STATE_TABLE} (key, value) VALUES (?, ?)", (clean, value))
        rekeyed += 1
    redacted = 0
    for id_, url, summary, message in conn.execute(
        f"SELECT id, url, summary, message FROM {changelog.HISTORY_TABLE} "
        "WHERE url LIKE '%@%' OR summary LIKE '%@%' OR message LIKE '%@%'"
    ).fetchall():
        clean = (redact(url), _redact_json(summary), redact(message))
        if clean != (url, summary, message):
            conn.execute(
                f"UPDATE {changelog.HISTORY_TABLE} SET url = ?, summary = ?, message = ? WHERE id = ?", (*clean, id_)
            )
            redacted += 1
    return {"state_keys": rekeyed, "history_rows": redacted}


def _redact_json(text: Optional[str]) -> Optional[str]:
    """A JSON summary with the credentials of every URL in its strings removed."""
    if not text:
        return text
    try:
        data = json.loads(text)
    except ValueError:
        return redact(text)

    def clean(value):
        if isinstance(value, str):
            return redact(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    cleaned = clean(data)
    return text if cleaned == data else json.dumps(cleaned)
