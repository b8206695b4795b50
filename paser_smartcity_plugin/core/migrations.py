"""Bringing a workspace made by an earlier release up to this one: in place, backup first.

An officer's workspace may hold field edits that exist nowhere else, so an upgrade never
risks them:

1. The file is copied beside itself first (``<name>.v<old>-backup-<UTC time>.gpkg``, SQLite's
   online backup: a consistent copy even while QGIS has the file open). No backup, no upgrade:
   a folder that cannot take the copy leaves the workspace untouched, with a message.
2. The steps from the file's version to ``SCHEMA_VERSION`` run in ONE transaction that holds
   the write lock from the start, so a second process opening the same file meanwhile either
   waits or finds it already upgraded; a crash rolls everything back.
3. The objects derived from core/schema.py — every trigger of the plugin (defaults, the
   updated_at touch, change log, integrity rules) — are then dropped and made again from
   the code of this release, whatever the old version. A step only does what cannot be
   derived: new columns, new tables, data to carry over.

A step is appended to ``STEPS`` with the next version number; its test opens the files made
by the previous release (tests/data/release-*/).
"""

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, List, Optional, Sequence

from . import gpkg
from .messages import N_, Message, MessageError

META_TABLE = "paser_workspace_meta"
VERSION_KEY = "schema_version"


class MigrationError(MessageError, ValueError):
    """The workspace could not be upgraded; it is unchanged."""


@dataclass(frozen=True)
class Step:
    version: int  # the schema version the file has once this step ran
    summary: str  # what changes, in English (history and logs)
    apply: Callable[[sqlite3.Connection], None]  # inside the upgrade's transaction


def _v2_change_tracking(conn: sqlite3.Connection) -> None:
    # Imported here: changelog's tables belong to it; the triggers come with the derived objects.
    from . import changelog

    changelog.record_all_as_new(conn)


def _v4_photo(conn: sqlite3.Connection) -> None:
    from .schema import LAYERS

    for schema in LAYERS.values():
        _add_column(conn, schema.name, schema.field("photo"))


def _v6_central_versions(conn: sqlite3.Connection) -> None:
    """The table of central versions; the versions of a file made earlier are unknown, so its
    watermarks go: the next sync is a full re-check that merges every site again (idempotent)
    and records their versions."""
    from . import changelog

    changelog.install_tables(conn)
    conn.execute(f"DELETE FROM {changelog.STATE_TABLE} WHERE key LIKE 'watermark|%'")


def _v7_field_merges(conn: sqlite3.Connection) -> None:
    """Conflicts say where the other value came from (``source``: the central database, or a
    surveyor's field package), and several sources may hold a conflict on the same field — the
    key gains the source, which SQLite can only give a table by making it anew. The conflicts
    open in the file came from the sync: their source is the central. Then the tables of
    merged field packages."""
    from . import changelog

    table = changelog.CONFLICTS_TABLE
    present = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
    if present and "source" not in present:
        old = f"{table}_v6"
        conn.execute(f'ALTER TABLE "{table}" RENAME TO "{old}"')
        changelog.install_tables(conn)
        columns = "layer, uid, field, base, mine, theirs, central_updated_at, detected_at"
        conn.execute(
            f'INSERT INTO "{table}" ({columns}, source) SELECT {columns}, ? FROM "{old}"', (changelog.CENTRAL_SOURCE,)
        )
        conn.execute(f'DROP TABLE "{old}"')
    changelog.install_tables(conn)


def _add_column(conn: sqlite3.Connection, table: str, field) -> None:
    """ALTER TABLE ADD COLUMN, unless the column is already there (a file a test or a tool
    touched by hand). GeoPackage needs nothing else for an attribute column."""
    present = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
    if field.name not in present:
        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{field.name}" {field.sql_type}')


def _nothing_to_carry(conn: sqlite3.Connection) -> None:
    """The step only changed derived objects (triggers), which every upgrade makes anew."""


STEPS: Sequence[Step] = (
    Step(2, "change tracking for the sync: every site of a never-synced file is local work", _v2_change_tracking),
    Step(3, "rules enforced by triggers for every writer; the updated_at touch compares instants", _nothing_to_carry),
    Step(4, "a photo path on both layers (field survey with QField)", _v4_photo),
    Step(
        5,
        "every rule of the schema enforced by the triggers (ranges, numbers, widths, keys); desa names follow "
        "a changed desa code",
        _nothing_to_carry,
    ),
    Step(6, "central versions per site for the team sync; the next sync re-checks every site", _v6_central_versions),
    Step(
        7,
        "conflicts name their source (central or a field package); merged field packages are recorded",
        _v7_field_merges,
    ),
)
SCHEMA_VERSION = STEPS[-1].version


def file_version(conn: sqlite3.Connection) -> int:
    row = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = ?", (VERSION_KEY,)).fetchone()
    return int(row[0]) if row is not None else 1


def steps_from(version: int) -> List[Step]:
    return [step for step in STEPS if step.version > version]


def backup_path(path: str, version: int, now: Optional[datetime] = None) -> str:
    stem, ext = os.path.splitext(path)
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    candidate = f"{stem}.v{version}-backup-{stamp}{ext or '.gpkg'}"
    number = 1
    while os.path.exists(candidate):  # two upgrades within a second (tests): never overwrite a backup
        number += 1
        candidate = f"{stem}.v{version}-backup-{stamp}-{number}{ext or '.gpkg'}"
    return candidate


def _backup(path: str, version: int) -> str:
    """Copy the file as committed. Called while the upgrade holds the write lock: a reader's
    connection still may read, and nobody can change the file under the copy."""
    target = backup_path(path, version)
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
    except (sqlite3.Error, OSError) as exc:
        if os.path.isfile(target):
            os.unlink(target)
        raise MigrationError(
            Message(
                N_(
                    "the workspace {path} was made by an earlier version of the plugin and must be upgraded, but "
                    "its backup {backup} could not be written ({reason}); nothing was changed — free some disk "
                    "space or make the folder writable, then open it again"
                ),
                path=path,
                backup=target,
                reason=exc,
            )
        ) from None
    return target


def upgrade(
    path: str, install_derived: Callable[[sqlite3.Connection], None], target: int = SCHEMA_VERSION
) -> Optional[str]:
    """Upgrade the workspace at ``path`` to ``target``; returns the backup's path, or None when
    the file was already there. ``install_derived`` (re)makes every trigger of this release."""
    conn = gpkg.connect(path)
    try:
        if file_version(conn) >= target:
            return None
        conn.execute("BEGIN IMMEDIATE")  # the write lock first: one process upgrades, the others wait
        try:
            version = file_version(conn)
            if version >= target:
                conn.execute("ROLLBACK")
                return None  # another process upgraded it meanwhile
            backup = _backup(path, version)
            try:
                for step in steps_from(version):
                    if step.version > target:
                        break
                    step.apply(conn)
                install_derived(conn)
                conn.execute(f"INSERT OR REPLACE INTO {META_TABLE} VALUES (?, ?)", (VERSION_KEY, str(target)))
                conn.execute("COMMIT")
            except BaseException:
                os.unlink(backup)  # the workspace is as before: the copy would only mislead
                raise
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return backup
    finally:
        conn.close()
