"""The local workspace: one GeoPackage holding `service_points` and `tower_plans`.

All writes go through :meth:`Workspace.write`, one SQLite transaction each, and every row is
validated against the schema before anything is written: bad input raises
:class:`WorkspaceError` naming the problem, and the file is left as it was.
"""

import os
import sqlite3
import tempfile
import uuid
from contextlib import contextmanager
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from . import changelog, gpkg, integrity
from .gazetteer import REGENCY_EXTENT, Gazetteer, default_gazetteer
from .messages import N_, Message, MessageError
from .schema import (
    DATETIME,
    DESA_CODE_RE,
    FID_COLUMN,
    GEOMETRY_COLUMN,
    INTEGER,
    LAYER_NAMES,
    LAYERS,
    REAL,
    SRS_ID,
    UUID_RE,
    LayerSchema,
    layer_schema,
)

# 2: change tracking for the sync (core/changelog.py)
# 3: the rules enforced by triggers for every writer (core/integrity.py); the updated_at
#    touch compares instants, not text
SCHEMA_VERSION = 3
META_TABLE = "paser_workspace_meta"
WORKSPACE_KIND = "paser_smartcity_workspace"

# Geometry travels in a row dict under this key, as (lon, lat) or None.
GEOMETRY = "geometry"

Row = Dict[str, Any]

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


def new_uid() -> str:
    return str(uuid.uuid4())


# ---------------------------------------------------------------- validation


def validate_row(
    schema: LayerSchema, row: Row, gazetteer: Optional[Gazetteer] = None, partial: bool = False
) -> List[str]:
    """Problems with ``row`` for ``schema``, as English text; empty when the row may be written.

    ``partial`` validates an update: only the fields present are checked. The same problems
    as translatable messages: :func:`row_problems`.
    """
    return [str(m) for m in row_problems(schema, row, gazetteer, partial)]


def row_problems(
    schema: LayerSchema, row: Row, gazetteer: Optional[Gazetteer] = None, partial: bool = False
) -> List[Message]:
    """Problems with ``row`` for ``schema`` as :class:`Message` (render them with ``tr`` to show)."""
    gaz = gazetteer or default_gazetteer()
    layer = schema.name
    problems: List[Message] = []
    unknown = sorted(set(row) - set(schema.field_names) - {GEOMETRY, FID_COLUMN})
    if unknown:
        problems.append(Message(N_("{layer}: unknown field(s) {fields}"), layer=layer, fields=", ".join(unknown)))
    for field in schema.fields:
        if field.name not in row:
            if field.required and not partial:
                problems.append(Message(N_("{layer}.{field} is required"), layer=layer, field=field.name))
            continue
        value = row[field.name]
        if value is None or (isinstance(value, str) and not value.strip()):
            if field.required:
                problems.append(Message(N_("{layer}.{field} is required"), layer=layer, field=field.name))
            continue
        if field.codelist is not None and value not in field.codelist:
            problems.append(
                Message(
                    N_("{layer}.{field}: {value!r} is not one of {codes}"),
                    layer=layer,
                    field=field.name,
                    value=value,
                    codes=", ".join(field.codelist.codes),
                )
            )
        elif field.type in (INTEGER, REAL):
            try:
                number = float(value)
            except (TypeError, ValueError):
                problems.append(
                    Message(
                        N_("{layer}.{field}: {value!r} is not a number"), layer=layer, field=field.name, value=value
                    )
                )
                continue
            if number != number or number in (float("inf"), float("-inf")):
                problems.append(
                    Message(
                        N_("{layer}.{field}: {value!r} is not a finite number"),
                        layer=layer,
                        field=field.name,
                        value=value,
                    )
                )
            elif field.type == INTEGER and number != int(number):
                problems.append(
                    Message(
                        N_("{layer}.{field}: {value!r} is not a whole number"),
                        layer=layer,
                        field=field.name,
                        value=value,
                    )
                )
            elif field.name in ("accuracy_m", "height_m") and number < 0:
                problems.append(
                    Message(
                        N_("{layer}.{field}: {value!r} must not be negative"),
                        layer=layer,
                        field=field.name,
                        value=value,
                    )
                )
        elif field.width and isinstance(value, str) and len(value) > field.width:
            problems.append(
                Message(
                    N_("{layer}.{field}: longer than {width} characters"),
                    layer=layer,
                    field=field.name,
                    width=field.width,
                )
            )
    code = row.get("desa_code")
    if code and (not DESA_CODE_RE.match(str(code)) or not gaz.is_desa_code(code)):
        problems.append(
            Message(
                N_("{layer}.desa_code: {code!r} is not a desa/kelurahan code of Kabupaten Paser"),
                layer=layer,
                code=code,
            )
        )
    uid = row.get("uid")
    if uid is not None and not UUID_RE.match(str(uid)):
        problems.append(Message(N_("{layer}.uid: {uid!r} is not a lower-case UUID"), layer=layer, uid=uid))
    if GEOMETRY in row:
        problems.extend(_validate_point(schema, row[GEOMETRY]))
    elif not partial and not schema.geometry_optional:
        problems.append(Message(N_("{layer}: a point geometry is required"), layer=layer))
    return problems


def _validate_point(schema: LayerSchema, point) -> List[Message]:
    if point is None:
        return (
            []
            if schema.geometry_optional
            else [Message(N_("{layer}: a point geometry is required"), layer=schema.name)]
        )
    try:
        lon, lat = (float(v) for v in point)
    except (TypeError, ValueError):
        return [Message(N_("{layer}: geometry {point!r} is not a (lon, lat) pair"), layer=schema.name, point=point)]
    if not REGENCY_EXTENT.contains(lon, lat):
        return [
            Message(
                N_("{layer}: point lon {lon:.6f}, lat {lat:.6f} is outside Kabupaten Paser"),
                layer=schema.name,
                lon=lon,
                lat=lat,
            )
        ]
    return []


def fill_derived(row: Row, gazetteer: Gazetteer) -> Row:
    """Fill a blank desa_name/kecamatan from the desa code, as the workspace's trigger does
    (core/integrity.py) whoever writes the row; returns the same dict."""
    desa = gazetteer.desa_by_code(row.get("desa_code") or "")
    if desa is not None:
        for name, value in (("desa_name", desa.name), ("kecamatan", desa.kecamatan)):
            if not str(row.get(name) or "").strip():
                row[name] = value
    return row


def _complete_row(row: Row, gazetteer: Gazetteer) -> Row:
    """Fill the derived desa_name/kecamatan from the desa code, and the key."""
    out = fill_derived(dict(row), gazetteer)
    if not out.get("uid"):
        out["uid"] = new_uid()
    return out


def _sql_value(field_type: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip() and field_type != "TEXT"):
        return None
    if field_type == INTEGER:
        return int(float(value))
    if field_type == REAL:
        return float(value)
    if field_type == DATETIME:
        return value if isinstance(value, str) else value.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return value


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


def _create_schema(conn: sqlite3.Connection) -> None:
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
        t = schema.name
        # A site added outside the plugin gets a key and a timestamp; every edit refreshes
        # updated_at unless the writer set it (the sync writes the server's value).
        gpkg.execute_script(
            conn,
            f"""
CREATE TRIGGER "{t}_defaults" AFTER INSERT ON "{t}"
  WHEN NEW.uid IS NULL OR NEW.updated_at IS NULL
BEGIN UPDATE "{t}" SET uid = coalesce(uid, {_SQL_UUID4}), updated_at = coalesce(updated_at, {_SQL_NOW})
  WHERE {FID_COLUMN} = NEW.{FID_COLUMN}; END;
""",
        )
        gpkg.execute_script(conn, changelog.touch_trigger_ddl(t))
    changelog.install(conn)
    integrity.install(conn)
    conn.execute(f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT)")
    conn.executemany(
        f"INSERT INTO {META_TABLE} VALUES (?, ?)",
        [("kind", WORKSPACE_KIND), ("schema_version", str(SCHEMA_VERSION)), ("created_at", gpkg.utc_now_iso())],
    )


def create_workspace(path: str, demo: bool = False, gazetteer: Optional[Gazetteer] = None) -> bool:
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
                if demo:
                    from .demo import demo_rows

                    for layer, rows in demo_rows(gazetteer or default_gazetteer()).items():
                        _insert(conn, layer_schema(layer), rows, gazetteer or default_gazetteer())
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
        row = _complete_row(row, gazetteer)
        problems = row_problems(schema, row, gazetteer)
        if problems:
            raise WorkspaceError(Message(N_("row {row}: {problem}"), row=index + 1, problem=problems[0]), *problems[1:])
        point = row.get(GEOMETRY)
        params.append(
            [gpkg.encode_point(*point) if point else None]
            + [_sql_value(schema.field(n).type, row.get(n)) for n in names]
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
        self._upgrade()

    def _upgrade(self) -> None:
        """Bring a workspace of an older plugin version up to SCHEMA_VERSION, in one transaction."""
        if int(self.meta("schema_version") or 1) >= SCHEMA_VERSION:
            return
        with self.write() as conn:
            version = conn.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'schema_version'").fetchone()
            if version is not None and int(version[0]) >= SCHEMA_VERSION:
                return  # another process upgraded it meanwhile
            old = int(version[0]) if version is not None else 1
            if old < 2:
                changelog.upgrade(conn)  # records every site as new: only for never-synced files
            changelog.replace_touch_triggers(conn)
            integrity.install(conn)
            conn.execute(f"INSERT OR REPLACE INTO {META_TABLE} VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

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
            desa = self.gazetteer.desa_by_code(values["desa_code"] or "")
            if desa is not None:
                values.setdefault("desa_name", desa.name)
                values.setdefault("kecamatan", desa.kecamatan)
        problems = row_problems(schema, values, self.gazetteer, partial=True)
        if problems:
            raise WorkspaceError(*problems)
        sets: List[Tuple[str, Any]] = []
        for name, value in values.items():
            if name == GEOMETRY:
                sets.append((GEOMETRY_COLUMN, gpkg.encode_point(*value) if value else None))
            else:
                sets.append((name, _sql_value(schema.field(name).type, value)))
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
