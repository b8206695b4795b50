"""A field package: the sites of an area, for one surveyor, in a folder QField opens as is.

What a package holds (``FILES``; the QGIS project and the basemap are written by
layers/field_project.py and processing/package_for_field.py, everything else here):

- ``survey.gpkg`` — the GeoPackage the surveyor edits: ``service_points`` and ``tower_plans``
  with the workspace's columns, the sites of the area copied as they are stored (uid, fid and
  every value), and
  * the rules that need no plugin: the integrity checks and derived desa names
    (core/integrity.py), the key and timestamp defaults, the updated_at touch, and the
    register's rule for a position taken in the field (:func:`position_trigger_ddl`) — plain
    SQL, so QField's own SQLite runs them and cannot store a bad value;
  * NOT the workspace's change-log triggers: they need SQLite's JSON functions, which a phone's
    build may lack. The package's base is a snapshot instead:
  * ``paser_base_service_points``, ``paser_base_tower_plans`` — the same rows and columns as
    packaged (plain tables, not GeoPackage layers, so neither QGIS nor QField lists them). The
    merge compares base, office and field per site (by uid) and per field;
  * ``paser_package_meta`` (key, value) — the manifest's facts, so a .gpkg sent back alone
    still says what it is: kind, package id, schema version, base hash…
- ``manifest.json`` — package id, source workspace, area, surveyor, created at, plugin and
  schema version, files, site counts, and the base's content hash (:func:`sites_digest`);
- ``boundaries.gpkg`` — the desa and kecamatan outlines shipped with the plugin;
- ``DCIM/`` — where QField puts the photos; the photo field stores paths relative to the
  project folder (``DCIM/…jpg``).

The package is built in a staging folder beside the output and moved into place (or zipped)
at the end: a failed or cancelled packaging leaves nothing behind, and an existing output is
never overwritten — it may be a surveyor's returned work.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from . import changelog, gpkg, integrity, timestamps
from .boundaries import BOUNDARIES_PATH
from .gazetteer import Extent, Gazetteer, Kecamatan, default_gazetteer
from .messages import N_, Message, MessageError
from .migrations import SCHEMA_VERSION
from .rules import sql_quote
from .schema import FID_COLUMN, GEOMETRY_COLUMN, LAYER_NAMES, LAYERS, TOWER_PLANS
from .workspace import Workspace, create_site_tables, defaults_trigger_ddl

PACKAGE_KIND = "paser_smartcity_field_package"
FORMAT_VERSION = 1
META_TABLE = "paser_package_meta"
BASE_TABLES: Dict[str, str] = {layer: f"paser_base_{layer}" for layer in LAYER_NAMES}

DATA_FILE = "survey.gpkg"
PROJECT_FILE = "survey.qgz"
BOUNDARIES_FILE = "boundaries.gpkg"
MANIFEST_FILE = "manifest.json"
PHOTO_DIR = "DCIM"
# How a position taken in the field is recorded (the register's rule for a GPS survey).
FIELD_SOURCE = "gps_survey"

Progress = Optional[Callable[[float], None]]
IsCanceled = Optional[Callable[[], bool]]


class PackageError(MessageError, ValueError):
    """The package cannot be made as asked; the message says why. Nothing was written."""


class PackageCancelledError(PackageError):
    pass


# ---------------------------------------------------------------- the area


@dataclass(frozen=True)
class Area:
    """The kecamatan a package covers; none listed: the whole regency."""

    kecamatan: Tuple[Kecamatan, ...] = ()

    @property
    def whole_regency(self) -> bool:
        return not self.kecamatan

    def covers(self, desa_code: Optional[str]) -> bool:
        if self.whole_regency:
            return True
        return any((desa_code or "").startswith(k.code + ".") for k in self.kecamatan)

    def extent(self, gazetteer: Gazetteer) -> Extent:
        """The area's bounding box (lon/lat): its kecamatan, or every kecamatan."""
        boxes = [k.bbox for k in (self.kecamatan or gazetteer.kecamatan)]
        return Extent(
            min(b.west for b in boxes),
            min(b.south for b in boxes),
            max(b.east for b in boxes),
            max(b.north for b in boxes),
        )

    def describe(self) -> Message:
        if self.whole_regency:
            return Message(N_("the whole regency"))
        return Message(N_("Kecamatan {names}"), names=", ".join(k.name for k in self.kecamatan))

    def as_json(self, gazetteer: Gazetteer) -> Dict[str, Any]:
        return {
            "whole_regency": self.whole_regency,
            "kecamatan": [{"code": k.code, "name": k.name} for k in self.kecamatan],
            "desa_codes": [d.code for d in gazetteer.desa if self.covers(d.code)],
        }


def parse_area(text: str, gazetteer: Optional[Gazetteer] = None) -> Area:
    """Kecamatan names or codes (64.01.06), comma-separated, any case; empty: the whole regency."""
    gaz = gazetteer or default_gazetteer()
    by_key = {}
    for k in gaz.kecamatan:
        by_key[k.code] = k
        by_key[" ".join(k.name.split()).casefold()] = k
    chosen: List[Kecamatan] = []
    unknown: List[str] = []
    for part in (text or "").replace(";", ",").split(","):
        key = " ".join(part.split())
        if not key:
            continue
        found = by_key.get(key) or by_key.get(key.casefold())
        if found is None:
            unknown.append(key)
        elif found not in chosen:
            chosen.append(found)
    if unknown:
        raise PackageError(
            Message(
                N_("unknown kecamatan: {unknown}. Kabupaten Paser's kecamatan are: {valid}"),
                unknown=", ".join(f"“{u}”" for u in unknown),
                valid=", ".join(f"{k.name} ({k.code})" for k in gaz.kecamatan),
            )
        )
    return Area(tuple(sorted(chosen, key=lambda k: k.code)))


# ---------------------------------------------------------------- the output


@dataclass
class PackagePlan:
    """Where and what: checked before anything is written."""

    output: str  # the folder, or the .zip
    zipped: bool
    area: Area
    surveyor: str
    package_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created_at: str = field(default_factory=timestamps.now_iso)


def plan_package(output: str, area: Area, surveyor: str) -> PackagePlan:
    output = os.path.abspath(os.path.expanduser((output or "").strip()))
    surveyor = " ".join((surveyor or "").split())
    if not surveyor:
        raise PackageError(Message(N_("the surveyor's name is required: new and edited sites are marked with it")))
    if len(surveyor) > LAYERS[LAYER_NAMES[0]].field("surveyed_by").width:
        raise PackageError(Message(N_("the surveyor's name is longer than 100 characters")))
    if not (output and os.path.basename(output)):
        raise PackageError(Message(N_("choose a folder (or a .zip file) for the package")))
    zipped = output.lower().endswith(".zip")
    if os.path.exists(output) and (zipped or not os.path.isdir(output) or os.listdir(output)):
        raise PackageError(
            Message(
                N_(
                    "{path} already exists; choose a new folder or file name — a package is never written over "
                    "(it may hold a surveyor's work)"
                ),
                path=output,
            )
        )
    parent = os.path.dirname(output)
    if not os.path.isdir(parent):
        raise PackageError(Message(N_("folder {directory} does not exist"), directory=parent))
    return PackagePlan(output, zipped, area, surveyor)


def make_staging(plan: PackagePlan) -> str:
    """An empty folder beside the output, renamed into place by :func:`finish_package`."""
    staging = tempfile.mkdtemp(prefix=".paser-package-", dir=os.path.dirname(plan.output))
    os.mkdir(os.path.join(staging, PHOTO_DIR))
    shutil.copyfile(BOUNDARIES_PATH, os.path.join(staging, BOUNDARIES_FILE))
    return staging


def discard_staging(staging: str) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def finish_package(plan: PackagePlan, staging: str) -> str:
    """Move the staged folder to the output, or zip it there (files at the zip's root, as QField
    imports a zip into a folder of the zip's name); returns the output path."""
    try:
        if not plan.zipped:
            if os.path.isdir(plan.output):
                os.rmdir(plan.output)  # checked empty by plan_package
            os.rename(staging, plan.output)
            return plan.output
        fd, partial = tempfile.mkstemp(prefix=".paser-package-", suffix=".zip.part", dir=os.path.dirname(plan.output))
        os.close(fd)
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                for directory, _folders, files in os.walk(staging):
                    relative = os.path.relpath(directory, staging)
                    if relative != ".":
                        archive.write(directory, relative.replace(os.sep, "/") + "/")
                    for name in sorted(files):
                        path = os.path.join(directory, name)
                        archive.write(path, os.path.relpath(path, staging).replace(os.sep, "/"))
            os.replace(partial, plan.output)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
        discard_staging(staging)
        return plan.output
    except OSError as exc:
        raise PackageError(Message(N_("cannot write {path}: {reason}"), path=plan.output, reason=exc)) from None


# ---------------------------------------------------------------- the data


def _columns(conn: sqlite3.Connection, table: str) -> List[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _canonical(value: Any) -> Any:
    # Blobs (geometries) as hex; numbers and text as stored (json keeps 1.0 and 1 apart).
    return value.hex().upper() if isinstance(value, bytes) else value


def sites_digest(conn: sqlite3.Connection, tables: Dict[str, str]) -> str:
    """SHA-256 of the sites in ``tables`` (layer -> table of that layer's columns), independent
    of fids, row order and column order: layer by layer, site by site in uid order, each as
    canonical JSON of its field values and geometry blob. The base at packaging and the
    package's layers then give the same digest; any changed value changes it."""
    digest = hashlib.sha256()
    for layer in sorted(tables):
        table = tables[layer]
        names = sorted(f.name for f in LAYERS[layer].fields)
        present = set(_columns(conn, table))
        select = ", ".join(f'"{n}"' if n in present else "NULL" for n in names)
        rows = conn.execute(f'SELECT "{GEOMETRY_COLUMN}", {select} FROM "{table}" ORDER BY uid')
        for record in rows:
            item = [layer, _canonical(record[0])] + [[n, _canonical(v)] for n, v in zip(names, record[1:])]
            digest.update(json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            digest.update(b"\n")
    return "sha256:" + digest.hexdigest()


def position_trigger_ddl(layer: str, surveyor: str) -> str:
    """A site given a position in the field — a pending tower placed, a point moved — is
    registered as the register dialog would (core/register.py, source gps_survey): surveyed by
    the package's surveyor, now, coord_status surveyed; a pending tower becomes coordinates_set.
    A value the writer set in the same edit is kept. The point is compared by its coordinates
    (ST_MinX/ST_MinY: GDAL's, on the phone too), not by its blob, which a writer may re-encode."""
    from .register import STATUS_FOR_SOURCE

    moved = (
        f'NEW."{GEOMETRY_COLUMN}" IS NOT NULL AND (OLD."{GEOMETRY_COLUMN}" IS NULL '
        f'OR ST_MinX(NEW."{GEOMETRY_COLUMN}") IS NOT ST_MinX(OLD."{GEOMETRY_COLUMN}") '
        f'OR ST_MinY(NEW."{GEOMETRY_COLUMN}") IS NOT ST_MinY(OLD."{GEOMETRY_COLUMN}"))'
    )

    def unless_set(column: str, value: str) -> str:
        return f"{column} = CASE WHEN NEW.{column} IS OLD.{column} THEN {value} ELSE NEW.{column} END"

    sets = [
        unless_set("surveyed_by", sql_quote(surveyor)),
        unless_set("surveyed_at", "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"),
        unless_set("coord_source", sql_quote(FIELD_SOURCE)),
        unless_set("coord_status", sql_quote(STATUS_FOR_SOURCE[FIELD_SOURCE])),
    ]
    if layer == TOWER_PLANS:
        sets.append("status = CASE WHEN NEW.status = 'coordinates_pending' THEN 'coordinates_set' ELSE NEW.status END")
    return f"""
CREATE TRIGGER "{layer}_field_position" AFTER UPDATE OF "{GEOMETRY_COLUMN}" ON "{layer}"
  WHEN {moved}
BEGIN UPDATE "{layer}" SET {", ".join(sets)} WHERE {FID_COLUMN} = NEW.{FID_COLUMN}; END;
"""


def install_package_rules(conn: sqlite3.Connection, surveyor: str) -> None:
    """The triggers a package carries (caller's transaction): plain SQL only, see the module doc."""
    for schema in LAYERS.values():
        gpkg.execute_script(conn, defaults_trigger_ddl(schema.name))
        gpkg.execute_script(conn, changelog.touch_trigger_ddl(schema.name, sync_guard=False))
        gpkg.execute_script(conn, position_trigger_ddl(schema.name, surveyor))
    integrity.install(conn)


def _check(is_canceled: IsCanceled) -> None:
    if is_canceled is not None and is_canceled():
        raise PackageCancelledError(Message(N_("packaging cancelled; nothing was written")))


def workspace_id(workspace: Workspace) -> str:
    """The workspace's own id (made on first use), so a returned package names where it came from
    even after the file was moved or renamed."""
    from .migrations import META_TABLE as WORKSPACE_META

    found = workspace.meta("workspace_id")
    if found:
        return found
    with workspace.write() as conn:
        conn.execute(f"INSERT OR IGNORE INTO {WORKSPACE_META} VALUES ('workspace_id', ?)", (str(uuid.uuid4()),))
    return workspace.meta("workspace_id") or ""


@dataclass
class PackagedData:
    counts: Dict[str, int]
    base_hash: str
    meta: Dict[str, Any]


def write_survey_data(
    workspace: Workspace,
    plan: PackagePlan,
    staging: str,
    plugin_version: str,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> PackagedData:
    """``survey.gpkg`` in ``staging``: the area's sites as the workspace stores them (read in one
    transaction: one consistent state), their base snapshot, the rules, the meta facts."""
    gaz = workspace.gazetteer
    source_id = workspace_id(workspace)
    selected: Dict[str, Tuple[List[str], List[tuple]]] = {}
    with workspace.read() as conn:
        conn.execute("BEGIN")  # both layers from one state of the file
        try:
            for layer in LAYER_NAMES:
                names = [c for c in _columns(conn, layer) if c in set(LAYERS[layer].field_names)]
                rows = conn.execute(
                    f'SELECT "{FID_COLUMN}", "{GEOMETRY_COLUMN}", '
                    + ", ".join(f'"{n}"' for n in names)
                    + f' FROM "{layer}" ORDER BY "{FID_COLUMN}"'
                ).fetchall()
                desa_at = 2 + names.index("desa_code")
                selected[layer] = (names, [r for r in rows if plan.area.covers(r[desa_at])])
        finally:
            conn.execute("ROLLBACK")
    _check(is_canceled)
    if progress:
        progress(20)
    area_json = plan.area.as_json(gaz)
    path = os.path.join(staging, DATA_FILE)
    conn = gpkg.connect(path)
    try:
        with gpkg.transaction(conn):
            create_site_tables(conn)
            counts = {}
            for layer, (names, rows) in selected.items():
                columns = ", ".join(f'"{c}"' for c in [FID_COLUMN, GEOMETRY_COLUMN] + names)
                marks = ", ".join("?" * (len(names) + 2))
                base = BASE_TABLES[layer]
                declared = ", ".join(f'"{f.name}" {f.sql_type}' for f in LAYERS[layer].fields)
                conn.execute(
                    f'CREATE TABLE "{base}" ("{FID_COLUMN}" INTEGER PRIMARY KEY, "{GEOMETRY_COLUMN}" BLOB, {declared})'
                )
                try:
                    conn.executemany(f'INSERT INTO "{layer}" ({columns}) VALUES ({marks})', rows)
                except sqlite3.IntegrityError as exc:
                    raise PackageError(
                        Message(N_("{layer}: a site cannot be packaged ({reason})"), layer=layer, reason=exc)
                    ) from None
                conn.execute(f'INSERT INTO "{base}" ({columns}) SELECT {columns} FROM "{layer}"')
                counts[layer] = len(rows)
                _check(is_canceled)
            base_hash = sites_digest(conn, BASE_TABLES)
            if base_hash != sites_digest(conn, {layer: layer for layer in LAYER_NAMES}):
                raise PackageError(Message(N_("the package's base differs from its sites; nothing was written")))
            install_package_rules(
                conn, plan.surveyor
            )  # after the copy: a site stored before a rule existed still packs
            meta = {
                "kind": PACKAGE_KIND,
                "format_version": FORMAT_VERSION,
                "package_id": plan.package_id,
                "schema_version": SCHEMA_VERSION,
                "created_at": plan.created_at,
                "plugin_version": plugin_version,
                "surveyor": plan.surveyor,
                "area": area_json,
                "source_workspace": {
                    "id": source_id,
                    "path": workspace.path,
                    "created_at": workspace.meta("created_at"),
                },
                "base": {"tables": BASE_TABLES, "hash": base_hash, "sites": sum(counts.values())},
                "counts": counts,
            }
            conn.execute(f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT)")
            conn.executemany(
                f"INSERT INTO {META_TABLE} VALUES (?, ?)",
                [(k, v if isinstance(v, str) else json.dumps(v, sort_keys=True)) for k, v in meta.items()],
            )
    finally:
        conn.close()
    if progress:
        progress(100)
    return PackagedData(counts, base_hash, meta)


def write_manifest(staging: str, data: PackagedData, files: Dict[str, Optional[str]]) -> Dict[str, Any]:
    """``manifest.json``: the package's facts (as in its GeoPackage's meta table) and its files."""
    manifest = dict(data.meta)
    manifest["files"] = files
    with open(os.path.join(staging, MANIFEST_FILE), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")
    return manifest


# ---------------------------------------------------------------- reading a package


def read_meta(gpkg_path: str) -> Dict[str, Any]:
    """The meta facts of a package's GeoPackage; PackageError when it is not a field package."""
    try:
        conn = sqlite3.connect(f"file:{gpkg_path}?mode=ro", uri=True)
        try:
            rows = conn.execute(f"SELECT key, value FROM {META_TABLE}").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        rows = []
    meta: Dict[str, Any] = {}
    for key, value in rows:
        try:
            structured = value[:1] in ("{", "[") or key in ("format_version", "schema_version")
            meta[key] = json.loads(value) if structured else value
        except (TypeError, ValueError):
            meta[key] = value
    if meta.get("kind") != PACKAGE_KIND:
        raise PackageError(Message(N_("{path} is not a Paser Smart City field package"), path=gpkg_path))
    return meta


def verify_base(gpkg_path: str) -> bool:
    """True when the package's base snapshot is as it was packaged (its digest is the recorded one)."""
    meta = read_meta(gpkg_path)
    conn = sqlite3.connect(f"file:{gpkg_path}?mode=ro", uri=True)
    try:
        return sites_digest(conn, meta["base"]["tables"]) == meta["base"]["hash"]
    finally:
        conn.close()


def rows_of(gpkg_path: str, table: str, layer: str) -> List[Dict[str, Any]]:
    """The sites of one table of a package (a layer or its base) as row dicts keyed by field
    name, the geometry as (lon, lat) under "geometry" (core/rows.py's vocabulary)."""
    from .rows import GEOMETRY

    conn = gpkg.connect(gpkg_path)
    try:
        present = set(_columns(conn, table))
        names = [f.name for f in LAYERS[layer].fields if f.name in present]
        out = []
        for record in conn.execute(
            f'SELECT "{GEOMETRY_COLUMN}", ' + ", ".join(f'"{n}"' for n in names) + f' FROM "{table}" ORDER BY uid'
        ):
            row = dict(zip(names, record[1:]))
            row[GEOMETRY] = gpkg.decode_point(record[0])
            out.append(row)
        return out
    finally:
        conn.close()


def package_files(folder: str) -> Iterable[str]:
    """Relative paths of every file in a package folder (for reports and tests)."""
    for directory, _, files in os.walk(folder):
        for name in files:
            yield os.path.relpath(os.path.join(directory, name), folder).replace(os.sep, "/")
