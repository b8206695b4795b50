"""The sync history: one row per sync (started, finished, outcome, summary, message), newest first.

The message is kept twice: as English text, and as data in the summary so that the history
shows it in the reader's language.
"""

import json
import sqlite3
from typing import Any, Dict, List

from .. import changelog, timestamps
from ..messages import Message, MessageError, message_from_json, message_to_json
from ..workspace import Workspace


def start(workspace: Workspace, url: str) -> int:
    with workspace.write() as conn:
        cur = conn.execute(
            f"INSERT INTO {changelog.HISTORY_TABLE} (started_at, url, outcome) VALUES (?, ?, 'running')",
            (timestamps.now_iso(), url),
        )
        return cur.lastrowid


def end(workspace: Workspace, history_id: int, outcome: str, result, message) -> None:
    """Close the history row: ``message`` (a MessageError or text) goes in as English text,
    and as data in the summary so that the history shows it in the reader's language."""
    summary = dict(result.as_dict(), message=message_to_json(message))
    try:
        with workspace.write() as conn:
            conn.execute(
                f"UPDATE {changelog.HISTORY_TABLE} SET finished_at = ?, outcome = ?, summary = ?, message = ? "
                "WHERE id = ?",
                (timestamps.now_iso(), outcome, json.dumps(summary), str(message), history_id),
            )
    except sqlite3.Error:
        pass  # the history must never hide the sync's own outcome


def history(workspace: Workspace, limit: int = 100) -> List[Dict[str, Any]]:
    """The last syncs, newest first; a 'running' row that is not this process's is an interrupted sync.

    ``message`` is the English text; ``message_parts`` the same message to render in the
    reader's language (``render(tr)``), or None for rows written before it was kept.
    """
    with workspace.read() as conn:
        rows = conn.execute(
            f"SELECT id, started_at, finished_at, url, outcome, summary, message FROM "
            f"{changelog.HISTORY_TABLE} ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
    out = []
    for id_, started, finished, url, outcome, summary, message in rows:
        summary = json.loads(summary) if summary else None
        stored = message_from_json(summary.get("message")) if isinstance(summary, dict) else None
        out.append(
            {
                "id": id_,
                "started_at": started,
                "finished_at": finished,
                "url": url,
                "outcome": "interrupted" if outcome == "running" and finished is None else outcome,
                "summary": summary,
                "message": message or "",
                "message_parts": stored if isinstance(stored, (Message, MessageError)) else None,
            }
        )
    return out
