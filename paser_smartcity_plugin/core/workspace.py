"""The local workspace: one GeoPackage holding `service_points` and `tower_plans`.

All writes go through :meth:`Workspace.write`, one SQLite transaction each, and every row is
validated against the schema before anything is written: bad input raises
:class:`WorkspaceError` naming the problem, and the file is left as it was.
"""

import os
import sqlite3
import tempfile
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple

from . import changelog, gpkg, integrity, migrations, timestamps
from .gazetteer import REGENCY_EXTENT, Gazetteer, default_gazetteer
from .messages import N_, Message, MessageError
from .migrations import META_TABLE, SCHEMA_VERSION
from .rows import GEOMETRY, Row, complete_row, fill_derived, row_problems, sql_value
from .schema import (
    FID_COLUMN,
    GEOMETRY_COLUMN,
    LAYER_NAMES,
    LAYERS,
    SRS_ID,
    LayerSchema,
    layer_schema,
)

WORKSPACE_KIND = "paser_smartcity_workspace"

# SQLite expression for a random (version 4) UUID, so that a site digitised outside the
# plugin (plain QGIS, QField, SQL) still gets its key.
_SQL_UUID4 = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"
)
_SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


class WorkspaceError(MessageError, ValueError):
    """A problem the officer can fix: the message says what and where.

    Built from core messages (``N_`` templates and their values, core/messages.py):
    ``str(error)`` is the English text (logs, tests); ``error.render(tr)`` is what the GUI
    shows, in the officer's language.
    """


# ---------------------------------------------------------------- the store


def is_workspace(path: str) -> bool:
    """True when ``path`` is a GeoPackage made as a smart-city workspace."""
    if not gpkg.is_geopackage(path):
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            kind = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'kind'").fetchone()
            tables = {r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents")}
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return kind is not None and kind[0] == WORKSPACE_KIND and set(LAYER_NAMES) <= tables


def defaults_trigger_ddl(table: str) -> str:
    # A site added outside the plugin gets a key and a timestamp.
    return f"""
CREATE TRIGGER "{table}_defaults" AFTER INSERT ON "{table}"
  WHEN NEW.uid IS NULL OR NEW.updated_at IS NULL
BEGIN UPDATE "{table}" SET uid = coalesce(uid, {_SQL_UUID4}), updated_at = coalesce(updated_at, {_SQL_NOW})
  WHERE {FID_COLUMN} = NEW.{FID_COLUMN}; END;
"""


def install_derived(conn: sqlite3.Connection) -> None:
    """(Re)make every trigger of the plugin from this release's schema, in the caller's
    transaction: key and timestamp defaults, the updated_at touch, the change log, the rules.

    Used by a new workspace and by every upgrade (core/migrations.py), so an upgraded file has
    exactly the triggers of a new one.
    """
    for schema in LAYERS.values():
        conn.execute(f'DROP TRIGGER IF EXISTS "{schema.name}_defaults"')
        gpkg.execute_script(conn, defaults_trigger_ddl(schema.name))
    changelog.install_triggers(conn)
    integrity.install(conn)


def create_site_tables(conn: sqlite3.Connection) -> None:
    """The GeoPackage's own tables and the two site layers, without any trigger of the plugin:
    the start of a workspace, and of a field package (core/field_package.py)."""
    gpkg.initialize(conn)
    extent = (REGENCY_EXTENT.west, REGENCY_EXTENT.south, REGENCY_EXTENT.east, REGENCY_EXTENT.north)
    for schema in LAYERS.values():
        columns = [(f.name, f.sql_type + (" NOT NULL" if f.required else "")) for f in schema.fields]
        gpkg.create_point_table(
            conn,
            schema.name,
            columns,
            identifier=schema.name,
            description=schema.title_en,
            extent=extent,
            constraints=[f'CONSTRAINT "{schema.name}_uid_unique" UNIQUE (uid)'],
            geom=GEOMETRY_COLUMN,
            fid=FID_COLUMN,
            srs_id=SRS_ID,
        )


def _create_schema(conn: sqlite3.Connection) -> None:
    create_site_tables(conn)
    changelog.install_tables(conn)
    install_derived(conn)
    conn.execute(f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT)")
    conn.executemany(
        f"INSERT INTO {META_TABLE} VALUES (?, ?)",
        [("kind", WORKSPACE_KIND), ("schema_version", str(SCHEMA_VERSION)), ("created_at", timestamps.now_iso())],
    )


def create_workspace(
    path: str, rows: Optional[Mapping[str, Iterable[Row]]] = None, gazetteer: Optional[Gazetteer] = None
) -> bool:
    """Make a workspace at ``path``; True when created, False when one was already there.

    An existing workspace is never overwritten (it may hold field edits not yet synced);
    any other existing file is refused. The file is built beside the target and renamed
    into place, so a crash never leaves a half-made workspace.
    """
    path = os.path.abspath(path)
    if os.path.exists(path):
        if is_workspace(path):
            return False
        raise WorkspaceError(
            Message(
                N_(
                    "{path} already exists and is not a Paser Smart City workspace; "
                    "choose another file name — it will not be overwritten"
                ),
                path=path,
            )
        )
    directory = os.path.dirname(path)
    if not os.path.isdir(directory):
        raise WorkspaceError(Message(N_("folder {directory} does not exist"), directory=directory))
    if not path.lower().endswith(".gpkg"):
        raise WorkspaceError(
            Message(N_("{path}: a workspace is a GeoPackage and its name must end in .gpkg"), path=path)
        )
    fd, tmp = tempfile.mkstemp(prefix=".paser-", suffix=".gpkg.part", dir=directory)
    os.close(fd)
    os.unlink(tmp)
    try:
        conn = gpkg.connect(tmp)
        try:
            with gpkg.transaction(conn):
                _create_schema(conn)
                for layer, layer_rows in (rows or {}).items():
                    _insert(conn, layer_schema(layer), layer_rows, gazetteer or default_gazetteer())
        finally:
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def _insert(conn: sqlite3.Connection, schema: LayerSchema, rows: Iterable[Row], gazetteer: Gazetteer) -> List[str]:
    names = list(schema.field_names)
    sql = (
        f'INSERT INTO "{schema.name}" ("{GEOMETRY_COLUMN}", '
        + ", ".join(f'"{n}"' for n in names)
        + ") VALUES ("
        + ", ".join("?" * (len(names) + 1))
        + ")"
    )
    uids, params = [], []
    for index, row in enumerate(rows):
        row = complete_row(row, gazetteer)
        problems = row_problems(schema, row, gazetteer)
        if problems:
            raise WorkspaceError(Message(N_("row {row}: {problem}"), row=index + 1, problem=problems[0]), *problems[1:])
        point = row.get(GEOMETRY)
        params.append(
            [gpkg.encode_point(*point) if point else None]
            + [sql_value(schema.field(n).type, row.get(n)) for n in names]
        )
        uids.append(row["uid"])
    try:
        conn.executemany(sql, params)
    except sqlite3.IntegrityError as exc:
        raise WorkspaceError(f"{schema.name}: {exc}") from None
    return uids


class Workspace:
    """An open workspace. Cheap to create; each call opens its own short connection."""

    def __init__(self, path: str, gazetteer: Optional[Gazetteer] = None):
        if not os.path.exists(path):
            raise WorkspaceError(Message(N_("workspace {path} does not exist"), path=path))
        if not is_workspace(path):
            raise WorkspaceError(Message(N_("{path} is not a Paser Smart City workspace"), path=path))
        self.path = os.path.abspath(path)
        self.gazetteer = gazetteer or default_gazetteer()
        self.upgrade_backup: Optional[str] = None
        self._upgrade()

    def _upgrade(self) -> None:
        """Bring a workspace of an earlier release up to SCHEMA_VERSION: backup first, then one
        transaction (core/migrations.py). ``upgrade_backup`` is the backup's path, when one was made."""
        try:
            self.upgrade_backup = migrations.upgrade(self.path, install_derived)
        except migrations.MigrationError as exc:
            raise WorkspaceError(*exc.messages) from None

    def connect(self) -> sqlite3.Connection:
        return gpkg.connect(self.path)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything inside commits together or not at all."""
        conn = self.connect()
        try:
            with gpkg.transaction(conn):
                yield conn
        finally:
            conn.close()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        conn = self.connect()
        try:
            yield conn
        finally:
            conn.close()

    # -- reading

    def sites(self, layer: str, where: str = "", params: Sequence[Any] = ()) -> List[Row]:
        schema = layer_schema(layer)
        names = list(schema.field_names)
        sql = (
            f'SELECT {FID_COLUMN}, "{GEOMETRY_COLUMN}", '
            + ", ".join(f'"{n}"' for n in names)
            + f' FROM "{layer}"'
            + (f" WHERE {where}" if where else "")
            + f" ORDER BY {FID_COLUMN}"
        )
        with self.read() as conn:
            out = []
            for record in conn.execute(sql, params):
                row = dict(zip(names, record[2:]))
                row[FID_COLUMN] = record[0]
                row[GEOMETRY] = gpkg.decode_point(record[1])
                out.append(row)
            return out

    def site(self, layer: str, uid: str) -> Optional[Row]:
        rows = self.sites(layer, "uid = ?", (uid,))
        return rows[0] if rows else None

    def count(self, layer: str) -> int:
        layer_schema(layer)
        with self.read() as conn:
            return conn.execute(f'SELECT count(*) FROM "{layer}"').fetchone()[0]

    # -- writing

    def insert_sites(self, layer: str, rows: Iterable[Row], conn: Optional[sqlite3.Connection] = None) -> List[str]:
        """Insert validated rows in one transaction; returns their uids.

        Pass ``conn`` to take part in a caller's transaction instead.
        """
        if conn is not None:
            return _insert(conn, layer_schema(layer), rows, self.gazetteer)
        with self.write() as own:
            return _insert(own, layer_schema(layer), rows, self.gazetteer)

    def update_site(self, layer: str, uid: str, values: Row, conn: Optional[sqlite3.Connection] = None) -> None:
        """Change some fields (and/or the geometry) of one site, in one transaction.

        Pass ``conn`` to take part in a caller's transaction instead.
        """
        schema = layer_schema(layer)
        values = dict(values)
        values.pop("uid", None)
        if "desa_code" in values:
            fill_derived(values, self.gazetteer)
        problems = row_problems(schema, values, self.gazetteer, partial=True)
        if problems:
            raise WorkspaceError(*problems)
        sets: List[Tuple[str, Any]] = []
        for name, value in values.items():
            if name == GEOMETRY:
                sets.append((GEOMETRY_COLUMN, gpkg.encode_point(*value) if value else None))
            else:
                sets.append((name, sql_value(schema.field(name).type, value)))
        if not sets:
            return
        sql = f'UPDATE "{layer}" SET ' + ", ".join(f'"{n}" = ?' for n, _ in sets) + " WHERE uid = ?"
        params = [v for _, v in sets] + [uid]
        if conn is not None:
            cursor = conn.execute(sql, params)
            if cursor.rowcount != 1:
                raise WorkspaceError(Message(N_("{layer}: no site with uid {uid}"), layer=layer, uid=uid))
            return
        with self.write() as own:
            cursor = own.execute(sql, params)
            if cursor.rowcount != 1:
                raise WorkspaceError(Message(N_("{layer}: no site with uid {uid}"), layer=layer, uid=uid))

    def meta(self, key: str) -> Optional[str]:
        with self.read() as conn:
            row = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None
