"""Merging a surveyor's returned field package into the office workspace.

A package (core/field_package.py) comes back as the folder QField kept, its zip, or its
``survey.gpkg`` alone. The merge is three-way, site by site (by uid — never the fid, which the
package counts on its own) and field by field, with the sync's own merge (sync/merge.py):

- base: the package's base snapshot — the office's sites as packaged (checked against the
  recorded SHA-256 first); for a package merged before, each site as the package held it
  then (``paser_field_merge_sites``), so a package returned twice only brings what changed;
- ours: the office workspace now — edits and syncs since packaging are never undone;
- theirs: the returned package.

A field changed by the surveyor only is written into the workspace as the officer's own edit
(logged by the change-log triggers, so the next sync sends it; the sync's base stays what the
central holds). A field changed differently on both sides — or a site deleted on one side and
edited on the other — is a conflict kept with the sync's conflicts, under the package as its
source, until the officer chooses (sync/conflicts.py); the office value stays meanwhile. New
field sites arrive with their uid; a site the surveyor deleted and the office left alone is
deleted (logged: the sync deletes it centrally).

What the package's writers do to values that did not change is not a change: ``updated_at``
is the touch trigger's, and a date-time QGIS 3.22 wrote back without its milliseconds (or
without a zone, which means UTC) is the same instant.

Photos (``DCIM/…`` relative to the package) are copied into ``<workspace>_photos/`` beside the
workspace, checked by SHA-256: the same file already there is used as is, a different file of
the same name is never overwritten (the copy gets ``_2``, ``_3``…), and the site's ``photo``
points to the copy, relative to the workspace's folder (as the desktop's photo widget
stores it). A photo the data names but the package lacks is a warning, and the site's path is
set to where the photo belongs. Photos in ``DCIM/`` that no site names are copied too.

Preview first (:func:`preview_merge`, nothing written), then :func:`apply_merge`: every write
in ONE transaction (a kill leaves the workspace as it was; photos are copied under temporary
names and renamed just before the commit, so a kill can at most leave a complete photo that
no site names yet, which the next merge uses). The package's id and content hash are
recorded with it: the same package merged again changes nothing.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Set, Tuple

from . import changelog, field_package, safe_zip, timestamps
from .messages import N_, Message, MessageError
from .migrations import SCHEMA_VERSION
from .rows import Row, row_problems
from .safe_csv import safe_writer
from .schema import DATETIME, LAYER_NAMES, LAYERS, UUID_RE, LayerSchema
from .sync import store
from .sync.conflicts import package_source
from .sync.features import canonical_row, differences, merge_fields
from .sync.merge import CONFLICT, EXISTS, SAME, THEIRS, MergeResult, merge
from .workspace import Workspace, WorkspaceError

Progress = Optional[Callable[[float], None]]
IsCanceled = Optional[Callable[[], bool]]

# The first workspace schema that wrote field packages; packages of it and later merge (a
# field a package lacks is the office's to keep); a newer schema needs a newer plugin.
FIRST_PACKAGE_SCHEMA = 6

# What merging a site does.
NEW, UPDATE, DELETE, CONFLICTS, ALREADY, REJECTED = "new", "update", "delete", "conflict", "already", "rejected"
# What happens to a photo.
COPY, RENAMED, PRESENT, MISSING = "copy", "renamed", "present", "missing"

# A returned package holds photos: far more than a shapefile exchange.
PACKAGE_ZIP_LIMITS = safe_zip.ZipLimits(
    max_total_bytes=16 << 30, max_ratio=200, ratio_min_bytes=1 << 20, max_entries=50_000
)
_SIDECARS = ("-wal", "-journal")  # SQLite's files beside a GeoPackage: their content is the data's
_PART_PREFIX = ".paser-photo-"


class MergeError(MessageError, ValueError):
    """The package cannot be merged as asked; the message says why. Nothing was written."""


class MergeCancelledError(MergeError):
    pass


def _check(is_canceled: IsCanceled) -> None:
    if is_canceled is not None and is_canceled():
        raise MergeCancelledError(Message(N_("merge cancelled; nothing was written")))


def _sha256_of(chunks: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def _file_chunks(path: str) -> Iterator[bytes]:
    with open(path, "rb") as f:
        while True:
            chunk = f.read(safe_zip.CHUNK)
            if not chunk:
                return
            yield chunk


# ---------------------------------------------------------------- the returned package


class ReturnedPackage:
    """What the surveyor sent back, read-only: its data (a private copy of ``survey.gpkg``
    with its WAL folded in), its meta facts and its files (photos), from a folder or a zip.
    The surveyor's own files are never written to. :meth:`close` removes the copy."""

    def __init__(self, path: str):
        self.input = os.path.abspath(os.path.expanduser((path or "").strip()))
        self.workdir = tempfile.mkdtemp(prefix="paser-merge-")
        self.data = os.path.join(self.workdir, field_package.DATA_FILE)
        self._root: Optional[str] = None  # a folder on disk
        self._zip: Optional[zipfile.ZipFile] = None
        self._members: Dict[str, zipfile.ZipInfo] = {}  # package-relative path -> entry
        try:
            self._open()
            self.meta = self._read_meta()
        except BaseException:
            self.close()
            raise

    # -- opening

    def _open(self) -> None:
        path = self.input
        if not os.path.exists(path):
            raise MergeError(Message(N_("{path} does not exist"), path=path))
        if os.path.isdir(path):
            self._root = self._package_folder(path)
            self._copy_data(os.path.join(self._root, field_package.DATA_FILE))
        elif zipfile.is_zipfile(path):
            self._open_zip(path)
        elif path.lower().endswith(".gpkg"):
            self._root = os.path.dirname(path)  # photos: DCIM/ beside it, when it is there
            self._copy_data(path)
        elif os.path.basename(path).lower() == field_package.MANIFEST_FILE:
            self._root = os.path.dirname(path)
            self._copy_data(os.path.join(self._root, field_package.DATA_FILE))
        else:
            raise MergeError(
                Message(
                    N_("{path}: choose the returned package folder, its .zip, or its survey.gpkg"),
                    path=path,
                )
            )

    @staticmethod
    def _package_folder(folder: str) -> str:
        if os.path.isfile(os.path.join(folder, field_package.DATA_FILE)):
            return folder
        # Unpacked with its own top folder (rina/survey.gpkg): that one, when it is the only one.
        inner = [
            os.path.join(folder, name)
            for name in sorted(os.listdir(folder))
            if os.path.isfile(os.path.join(folder, name, field_package.DATA_FILE))
        ]
        if len(inner) == 1:
            return inner[0]
        raise MergeError(
            Message(N_("{path} holds no survey.gpkg: choose the folder QField sent back"), path=folder)
            if not inner
            else Message(
                N_("{path} holds several packages ({names}); choose one of them"),
                path=folder,
                names=", ".join(os.path.basename(p) for p in inner),
            )
        )

    def _copy_data(self, source: str) -> None:
        if not os.path.isfile(source):
            raise MergeError(Message(N_("{path} does not exist"), path=source))
        try:
            shutil.copyfile(source, self.data)
            for suffix in _SIDECARS:  # the edits not yet checkpointed live there: never leave them behind
                if os.path.isfile(source + suffix):
                    shutil.copyfile(source + suffix, self.data + suffix)
        except OSError as exc:
            raise MergeError(Message(N_("cannot read {path}: {reason}"), path=source, reason=exc)) from None
        self._fold_sidecars()

    def _open_zip(self, path: str) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise MergeError(
                Message(N_("{path} is not a readable zip file ({reason})"), path=path, reason=exc)
            ) from None
        infos = safe_zip.check_zip(self._zip, PACKAGE_ZIP_LIMITS, MergeError)
        files = {i.filename.replace("\\", "/"): i for i in infos if not i.is_dir()}
        data = sorted(n for n in files if n.split("/")[-1] == field_package.DATA_FILE)
        if len(data) != 1:
            raise MergeError(
                Message(N_("{path} holds no survey.gpkg: it is not a returned field package"), path=path)
                if not data
                else Message(
                    N_("{path} holds several survey.gpkg ({names}); unpack it and choose one"),
                    path=path,
                    names=", ".join(data),
                )
            )
        prefix = data[0][: -len(field_package.DATA_FILE)]
        self._members = {name[len(prefix) :]: info for name, info in files.items() if name.startswith(prefix)}
        for suffix in ("",) + _SIDECARS:
            info = self._members.get(field_package.DATA_FILE + suffix)
            if info is not None:
                safe_zip.extract_entry(self._zip, info, self.data + suffix, PACKAGE_ZIP_LIMITS, MergeError)
        self._fold_sidecars()

    def _fold_sidecars(self) -> None:
        """Open the private copy once read-write: SQLite reads its WAL (or rolls a hot journal
        back), and the copy becomes one plain file that every later reader sees whole."""
        try:
            conn = sqlite3.connect(self.data)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    conn.execute("PRAGMA journal_mode = DELETE")
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise MergeError(
                Message(N_("{path} is not a readable GeoPackage ({reason})"), path=self.input, reason=exc)
            ) from None

    def _read_meta(self) -> Dict[str, Any]:
        try:
            return field_package.read_meta(self.data)
        except field_package.PackageError:
            raise MergeError(Message(N_("{path} is not a Paser Smart City field package"), path=self.input)) from None

    # -- files

    def photo_files(self) -> List[str]:
        """Package-relative paths of the files in ``DCIM/``."""
        prefix = field_package.PHOTO_DIR + "/"
        if self._zip is not None:
            return sorted(n for n in self._members if n.startswith(prefix) and not n.endswith("/"))
        folder = os.path.join(self._root or "", field_package.PHOTO_DIR)
        if not self._root or not os.path.isdir(folder):
            return []
        return sorted(
            rel for rel in field_package.package_files(self._root) if rel.startswith(prefix) and _safe_relative(rel)
        )

    def has_file(self, relative: str) -> bool:
        if self._zip is not None:
            return relative in self._members
        return bool(self._root) and os.path.isfile(os.path.join(self._root, *relative.split("/")))

    def chunks(self, relative: str) -> Iterator[bytes]:
        if self._zip is not None:
            return safe_zip.iter_entry(self._zip, self._members[relative], PACKAGE_ZIP_LIMITS, MergeError)
        return _file_chunks(os.path.join(self._root or "", *relative.split("/")))

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> "ReturnedPackage":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _safe_relative(value: str) -> bool:
    parts = value.split("/")
    return bool(value) and not value.startswith("/") and ".." not in parts and not re.match(r"^[A-Za-z]:", value)


def package_relative(value: str) -> Optional[str]:
    """Where a photo path the data holds lies in the package (``DCIM/x.jpg``), or None when it
    points outside it. An absolute path (a writer that stored one) is looked for in DCIM/."""
    text = str(value).strip().replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    if _safe_relative(text):
        return text
    name = text.rstrip("/").split("/")[-1]
    return f"{field_package.PHOTO_DIR}/{name}" if name and name != ".." else None


# ---------------------------------------------------------------- photos


@dataclass
class PhotoCopy:
    source: str  # relative to the package (DCIM/…), as the data names it
    target: str  # absolute path in the workspace's photo folder
    value: str  # what the site's photo field holds: target relative to the workspace's folder
    status: str  # COPY, RENAMED, PRESENT, MISSING
    sha256: Optional[str] = None
    attached: bool = True  # named by a site (False: found in DCIM/ only)

    @property
    def copies(self) -> bool:
        return self.status in (COPY, RENAMED)


def photo_folder(workspace_path: str) -> str:
    """``<workspace>_photos`` beside the workspace (paser.gpkg -> paser_photos/)."""
    stem = os.path.splitext(os.path.basename(workspace_path))[0]
    return os.path.join(os.path.dirname(os.path.abspath(workspace_path)), f"{stem}_photos")


class PhotoPlanner:
    """Decides, for each photo of the package, where it goes in the workspace's photo folder."""

    def __init__(self, package: ReturnedPackage, workspace_path: str):
        self.package = package
        self.root = os.path.dirname(os.path.abspath(workspace_path))
        self.folder = photo_folder(workspace_path)
        self.planned: Dict[str, PhotoCopy] = {}  # package-relative source -> its copy
        self._claimed: Dict[str, str] = {}  # target -> sha256 of the photo planned there
        self._on_disk: Dict[str, str] = {}  # sha256 of existing targets, read once

    def _value(self, target: str) -> str:
        return os.path.relpath(target, self.root).replace(os.sep, "/")

    def _existing_sha(self, target: str) -> Optional[str]:
        if target not in self._on_disk:
            self._on_disk[target] = _sha256_of(_file_chunks(target)) if os.path.isfile(target) else ""
        return self._on_disk[target] or None

    def plan(self, source: str, attached: bool = True) -> PhotoCopy:
        found = self.planned.get(source)
        if found is not None:
            found.attached = found.attached or attached
            return found
        name = source.rstrip("/").split("/")[-1]
        if not self.package.has_file(source):
            target = os.path.join(self.folder, name)
            copy = PhotoCopy(source, target, self._value(target), MISSING, attached=attached)
            self._claimed.setdefault(target, MISSING)  # a real photo of that name goes beside it
        else:
            sha = _sha256_of(self.package.chunks(source))
            stem, ext = os.path.splitext(name)
            number = 1
            while True:
                target = os.path.join(self.folder, name if number == 1 else f"{stem}_{number}{ext}")
                claimed = self._claimed.get(target)
                there = self._existing_sha(target)
                if claimed in (None, sha) and there in (None, sha):
                    break  # free, or the very same photo: never write over another
                number += 1
            status = PRESENT if there == sha else COPY if number == 1 else RENAMED
            copy = PhotoCopy(source, target, self._value(target), status, sha, attached)
            self._claimed[target] = sha
        self.planned[source] = copy
        return copy


def _copy_photos(package: ReturnedPackage, photos: Iterable[PhotoCopy], is_canceled: IsCanceled) -> List[str]:
    """Copy the planned photos, each under a temporary name, checked, then renamed into place.
    Returns the targets written (to remove if the merge does not commit)."""
    written: List[str] = []
    try:
        for photo in photos:
            _check(is_canceled)
            if photo.status == PRESENT:
                if _sha256_of(_file_chunks(photo.target)) != photo.sha256:
                    raise MergeError(
                        Message(N_("{path} changed since the preview; preview the merge again"), path=photo.target)
                    )
                continue
            if not photo.copies:
                continue
            os.makedirs(os.path.dirname(photo.target), exist_ok=True)
            if os.path.exists(photo.target):
                raise MergeError(
                    Message(N_("{path} appeared since the preview; preview the merge again"), path=photo.target)
                )
            fd, part = tempfile.mkstemp(prefix=_PART_PREFIX, suffix=".part", dir=os.path.dirname(photo.target))
            try:
                digest = hashlib.sha256()
                with os.fdopen(fd, "wb") as out:
                    for chunk in package.chunks(photo.source):
                        digest.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                if digest.hexdigest() != photo.sha256:
                    raise MergeError(
                        Message(
                            N_("the photo {photo} of the package changed while it was merged; preview the merge again"),
                            photo=photo.source,
                        )
                    )
                os.replace(part, photo.target)
                written.append(photo.target)
            finally:
                if os.path.exists(part):
                    os.unlink(part)
    except OSError as exc:
        _remove(written)
        raise MergeError(Message(N_("cannot copy the photos: {reason}; nothing was written"), reason=exc)) from None
    except BaseException:
        _remove(written)
        raise
    return written


def _remove(paths: Iterable[str]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass


# ---------------------------------------------------------------- the preview


@dataclass
class FieldChange:
    """One field the surveyor changed: the value at packaging, in the office now, in the field,
    and what the merge does with it (THEIRS: written; SAME: already so; CONFLICT: kept for the
    officer's choice, the office value stays)."""

    field: str
    before: Any
    office: Any
    surveyor: Any
    outcome: str


@dataclass
class SiteMerge:
    layer: str
    uid: str
    name: str
    action: str
    changes: List[FieldChange] = field(default_factory=list)
    result: Optional[MergeResult] = None
    ours: Optional[Row] = None  # the office's site as previewed (None: not in the workspace)
    theirs: Optional[Row] = None  # the package's site (photo paths as the workspace will hold them)
    photos: List[PhotoCopy] = field(default_factory=list)
    warnings: List[Message] = field(default_factory=list)
    reasons: List[Message] = field(default_factory=list)

    @property
    def writes(self) -> bool:
        """Applying writes this site (or its conflicts), unless the officer leaves it out."""
        return self.action in (NEW, UPDATE, DELETE, CONFLICTS)

    @property
    def conflicts(self) -> int:
        return len(self.result.conflicts) if self.result is not None else 0


@dataclass
class MergePreview:
    workspace: str
    input: str
    meta: Dict[str, Any]
    content_hash: str
    sites: List[SiteMerge]
    photos: List[PhotoCopy]
    unchanged: int = 0  # sites of the package the surveyor did not change
    merged_before: List[Tuple[str, str]] = field(default_factory=list)  # (merged_at, content_hash)
    missing_fields: List[str] = field(default_factory=list)  # fields an older package lacks
    package: Optional[ReturnedPackage] = None
    applied: bool = False

    @property
    def package_id(self) -> str:
        return str(self.meta.get("package_id") or "")

    @property
    def surveyor(self) -> str:
        return str(self.meta.get("surveyor") or "")

    @property
    def already_merged(self) -> Optional[str]:
        """When exactly this package (same id, same content) was merged before, or None."""
        return next((at for at, h in self.merged_before if h == self.content_hash), None)

    def count(self, action: str) -> int:
        return sum(1 for s in self.sites if s.action == action)

    def counts(self) -> Dict[str, int]:
        return {
            "NEW": self.count(NEW),
            "UPDATED": self.count(UPDATE),
            "DELETED": self.count(DELETE),
            "CONFLICTS": self.count(CONFLICTS),
            "ALREADY": self.count(ALREADY),
            "REJECTED": self.count(REJECTED),
            "UNCHANGED": self.unchanged,
            "PHOTOS": sum(1 for p in self.photos if p.copies),
            "PHOTOS_PRESENT": sum(1 for p in self.photos if p.status == PRESENT),
            "MISSING_PHOTOS": sum(1 for p in self.photos if p.status == MISSING),
            "UNATTACHED_PHOTOS": sum(1 for p in self.photos if not p.attached),
        }

    def close(self) -> None:
        if self.package is not None:
            self.package.close()
            self.package = None

    def write_report(self, path: str) -> None:
        """The preview as CSV: a line per field the surveyor changed, per new or deleted site, per
        photo; the outcome, the warnings and the reasons."""
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            writer = safe_writer(f)  # a surveyor's "=HYPERLINK(…)" note stays text in Excel
            writer.writerow(
                [
                    "package_id",
                    "layer",
                    "uid",
                    "name",
                    "action",
                    "field",
                    "at_packaging",
                    "office",
                    "surveyor",
                    "outcome",
                    "photo",
                    "photo_in_workspace",
                    "photo_status",
                    "photo_sha256",
                    "warning",
                    "reason",
                ]
            )
            for site in self.sites:
                head = [self.package_id, site.layer, site.uid, site.name, site.action]
                tail = ["; ".join(map(str, site.warnings)), "; ".join(map(str, site.reasons))]
                lines = [
                    [c.field, _text(c.before), _text(c.office), _text(c.surveyor), c.outcome] for c in site.changes
                ]
                for line in lines or [["", "", "", "", ""]]:
                    writer.writerow(head + line + ["", "", "", ""] + tail)
            for photo in self.photos:
                writer.writerow(
                    [self.package_id, "", "", "", "photo" if photo.attached else "photo without a site"]
                    + ["", "", "", "", ""]
                    + [photo.source, photo.value, photo.status, photo.sha256 or "", "", ""]
                )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return f"{value[0]:.7f} {value[1]:.7f}"
    return str(value)


def _same_instants(schema: LayerSchema, theirs: Row, base: Row) -> None:
    """A date-time the package holds as the base's instant cut to the whole second is the
    base's value: QGIS 3.22 writes a feature back without milliseconds (and without a zone,
    which canonical form reads as UTC). Not a change of the surveyor's."""
    for f in schema.fields:
        if f.type != DATETIME:
            continue
        mine, old = theirs.get(f.name), base.get(f.name)
        if mine != old and mine and old and mine.endswith(".000Z") and mine[:19] == old[:19]:
            theirs[f.name] = old


def _canonical(schema: LayerSchema, row: Dict[str, Any], what: Message) -> Row:
    try:
        return canonical_row(schema, row)
    except (TypeError, ValueError) as exc:
        raise MergeError(Message(N_("{what}: a value cannot be read ({reason})"), what=what, reason=exc)) from None


def _package_rows(package: ReturnedPackage, table: str, schema: LayerSchema) -> Dict[str, Row]:
    out = {}
    for raw in field_package.rows_of(package.data, table, schema.name):
        uid = raw.get("uid")
        if not uid:
            raise MergeError(Message(N_("{layer}: the package holds a site without uid"), layer=schema.title_text))
        out[uid] = _canonical(schema, raw, Message(N_("{layer} {uid}"), layer=schema.name, uid=uid))
    return out


def _check_package(workspace: Workspace, package: ReturnedPackage) -> None:
    meta = package.meta
    fmt, schema_version = meta.get("format_version"), meta.get("schema_version")
    if not isinstance(fmt, int) or fmt > field_package.FORMAT_VERSION:
        raise MergeError(
            Message(
                N_(
                    "{path} is a field package of format {found}, made by a newer plugin; update the plugin to merge it"
                ),
                path=package.input,
                found=fmt,
            )
        )
    if not isinstance(schema_version, int) or schema_version > SCHEMA_VERSION:
        raise MergeError(
            Message(
                N_(
                    "{path} was packaged from a workspace of schema version {found}, newer than this plugin's "
                    "({supported}); update the plugin to merge it"
                ),
                path=package.input,
                found=schema_version,
                supported=SCHEMA_VERSION,
            )
        )
    if schema_version < FIRST_PACKAGE_SCHEMA:
        raise MergeError(
            Message(
                N_("{path} says schema version {found}, but field packages exist since version {first}"),
                path=package.input,
                found=schema_version,
                first=FIRST_PACKAGE_SCHEMA,
            )
        )
    package_id = meta.get("package_id")
    if not isinstance(package_id, str) or not UUID_RE.match(package_id):
        # The id keys "merged before" and the surveyor's earlier states: without a real one, two
        # packages would be taken for one another.
        raise MergeError(
            Message(
                N_("{path} has no valid package id ({found}); it was not made by package_for_field or was edited"),
                path=package.input,
                found=package_id if isinstance(package_id, str) and package_id else "-",
            )
        )
    source = meta.get("source_workspace") or {}
    here = workspace.meta("workspace_id")
    if not here or source.get("id") != here:
        raise MergeError(
            Message(
                N_(
                    "{path} was packaged from another workspace ({source}), not from {workspace}; merge it into "
                    "the workspace it came from"
                ),
                path=package.input,
                source=source.get("path") or source.get("id") or "?",
                workspace=workspace.path,
            )
        )
    try:
        intact = field_package.verify_base(package.data)
    except (sqlite3.Error, KeyError, TypeError) as exc:
        raise MergeError(
            Message(N_("{path}: the package's base cannot be read ({reason})"), path=package.input, reason=exc)
        ) from None
    if not intact:
        raise MergeError(
            Message(
                N_(
                    "{path}: the package's base (the sites as packaged) was changed after packaging — its SHA-256 "
                    "is not the one recorded — so the surveyor's changes cannot be told apart; nothing was merged. "
                    "Merge the folder as QField returned it"
                ),
                path=package.input,
            )
        )


def _seen_states(conn: sqlite3.Connection, package_id: str) -> Dict[Tuple[str, str], Optional[Row]]:
    """Each site as this package held it when it was last merged here (None: deleted there)."""
    out: Dict[Tuple[str, str], Optional[Row]] = {}
    for layer, uid, state in conn.execute(
        f"SELECT layer, uid, state FROM {changelog.FIELD_MERGE_SITES_TABLE} WHERE package_id = ?", (package_id,)
    ):
        if layer in LAYERS:
            out[(layer, uid)] = None if state is None else canonical_row(LAYERS[layer], changelog.decode_base(state))
    return out


def content_hash(package: ReturnedPackage, photo_hashes: Dict[str, Optional[str]]) -> str:
    """SHA-256 of what the surveyor returns: the sites (field_package.sites_digest, by uid) and
    every photo (path and SHA-256)."""
    conn = sqlite3.connect(f"file:{package.data}?mode=ro", uri=True)
    try:
        sites = field_package.sites_digest(conn, {layer: layer for layer in LAYER_NAMES})
    finally:
        conn.close()
    text = json.dumps({"sites": sites, "photos": sorted(photo_hashes.items())}, sort_keys=True)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def preview_merge(
    workspace: Workspace, path: str, progress: Progress = None, is_canceled: IsCanceled = None
) -> MergePreview:
    """Read the returned package at ``path`` and say what merging it would do. Writes nothing
    (the preview keeps a private copy of the package's data: :meth:`MergePreview.close`)."""
    package = ReturnedPackage(path)
    try:
        _check_package(workspace, package)
        preview = _preview(workspace, package, progress, is_canceled)
    except BaseException:
        package.close()
        raise
    preview.package = package
    return preview


def _preview(workspace: Workspace, package: ReturnedPackage, progress: Progress, is_canceled: IsCanceled):
    meta = package.meta
    package_id = str(meta.get("package_id") or "")
    gazetteer = workspace.gazetteer
    planner = PhotoPlanner(package, workspace.path)
    with workspace.read() as conn:
        merged_before = [
            (at, h)
            for at, h in conn.execute(
                f"SELECT merged_at, content_hash FROM {changelog.FIELD_MERGES_TABLE} WHERE package_id = ? "
                "ORDER BY merged_at",
                (package_id,),
            )
        ]
    # Every photo first: the content hash names them all, and one already merged means "same package".
    for source in package.photo_files():
        planner.plan(source, attached=False)
        _check(is_canceled)
    if progress:
        progress(30)
    photo_hashes = {p.source: p.sha256 for p in planner.planned.values()}
    preview = MergePreview(workspace.path, package.input, meta, content_hash(package, photo_hashes), [], [])
    preview.merged_before = merged_before
    if preview.already_merged:
        if progress:
            progress(100)
        return preview  # nothing to do: it is in the workspace as it is
    data_columns = _columns(package.data)
    with workspace.read() as conn:
        seen = _seen_states(conn, package_id)
    for step, layer in enumerate(LAYER_NAMES):
        schema = LAYERS[layer]
        preview.missing_fields += [f"{layer}.{n}" for n in schema.field_names if n not in data_columns.get(layer, ())]
        base_rows = _package_rows(package, field_package.BASE_TABLES[layer], schema)
        field_rows = _package_rows(package, layer, schema)
        _check(is_canceled)
        with workspace.read() as conn:
            uids = set(base_rows) | set(field_rows) | {uid for (lyr, uid) in seen if lyr == layer}
            for number, uid in enumerate(sorted(uids)):
                base = seen[(layer, uid)] if (layer, uid) in seen else base_rows.get(uid)
                site = _preview_site(conn, schema, uid, base, field_rows.get(uid), planner, gazetteer)
                if site is None:
                    preview.unchanged += 1 if uid in field_rows else 0
                else:
                    preview.sites.append(site)
                if number % 500 == 0:
                    _check(is_canceled)
        if progress:
            progress(30 + 70 * (step + 1) / len(LAYER_NAMES))
    # Photos no site names: kept all the same, listed.
    preview.photos = list(planner.planned.values())
    return preview


def _columns(path: str) -> Dict[str, Set[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {layer: {r[1] for r in conn.execute(f'PRAGMA table_info("{layer}")')} for layer in LAYER_NAMES}
    finally:
        conn.close()


def _preview_site(
    conn: sqlite3.Connection,
    schema: LayerSchema,
    uid: str,
    base: Optional[Row],
    theirs: Optional[Row],
    planner: PhotoPlanner,
    gazetteer,
) -> Optional[SiteMerge]:
    """What merging one site does; None when the surveyor changed nothing of it."""
    if base is None and theirs is None:
        return None  # deleted in the field, and that was merged before
    photos: List[PhotoCopy] = []
    if theirs is not None:
        theirs = dict(theirs)
        if base is not None:
            _same_instants(schema, theirs, base)
        raw = theirs.get("photo")
        source = package_relative(raw) if raw else None
        if source in planner.planned:
            planner.planned[source].attached = True
        if source is not None and raw != (base or {}).get("photo"):
            photo = planner.plan(source)
            theirs["photo"] = photo.value
            photos.append(photo)
    fields = merge_fields(schema)
    if base is not None and theirs is not None and not differences(schema, base, theirs):
        return None
    ours = store.local_row(conn, schema, uid)
    name = str((theirs or ours or base or {}).get("name") or "")
    site = SiteMerge(schema.name, uid, name, ALREADY, ours=ours, theirs=theirs, photos=photos)
    for photo in photos:
        if photo.status == MISSING:
            site.warnings.append(
                Message(
                    N_(
                        "the photo {photo} is named by the site but missing from the package; the site's photo "
                        "is set to {target} — copy the photo there from the phone"
                    ),
                    photo=photo.source,
                    target=photo.target,
                )
            )
    if base is None and ours is None:
        site.action = NEW
        site.changes = [
            FieldChange(EXISTS, None, None, _present(theirs), THEIRS),
        ]
        problems = row_problems(schema, _plain(theirs), gazetteer)
        if problems:
            site.action, site.reasons = REJECTED, problems
        return site
    result = merge(base, ours, theirs, fields)
    site.result = result
    exists = result.outcomes.get(EXISTS)
    if exists is not None:  # deleted on one side at least
        site.changes = [FieldChange(EXISTS, _present(base), _present(ours), _present(theirs), exists)]
        site.action = {THEIRS: DELETE, CONFLICT: CONFLICTS}.get(exists, ALREADY)
        return site
    for name_ in fields:
        if base is None or theirs.get(name_) != base.get(name_):
            site.changes.append(
                FieldChange(
                    name_,
                    None if base is None else base.get(name_),
                    ours.get(name_),
                    theirs.get(name_),
                    result.outcomes.get(name_, SAME),
                )
            )
    if result.conflicts:
        site.action = CONFLICTS
    elif result.theirs_changed:
        site.action = UPDATE
    if result.theirs_changed:
        # The values the merge writes (an office value stored before a rule existed is not the surveyor's).
        written = {n: result.merged.get(n) for n, outcome in result.outcomes.items() if outcome == THEIRS}
        problems = row_problems(schema, written, gazetteer, partial=True)
        if problems:
            site.action, site.reasons = REJECTED, problems
    return site


def _present(row: Optional[Row]) -> str:
    return "deleted" if row is None else "present"


def _plain(row: Row) -> Row:
    return {k: v for k, v in row.items() if not k.startswith("_")}


# ---------------------------------------------------------------- leaving changes out


def parse_leave_out(text: str) -> Set[str]:
    """Site uids, separated by commas, semicolons or spaces (the algorithm's SKIP)."""
    uids = set()
    for item in re.split(r"[,;\s]+", text or ""):
        if not item:
            continue
        if not UUID_RE.match(item.lower()):
            raise MergeError(Message(N_("leave out {item}: not a site uid"), item=item))
        uids.add(item.lower())
    return uids


# ---------------------------------------------------------------- applying


@dataclass
class MergeOutcome:
    counts: Dict[str, int]  # "PHOTOS": the photos copied next to the workspace
    already_merged: Optional[str] = None


def apply_merge(
    workspace: Workspace,
    preview: MergePreview,
    leave_out: Iterable[str] = (),
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> MergeOutcome:
    """Write the preview into the workspace in one transaction, except the sites whose uid
    ``leave_out`` names (their changes are not taken: the package is merged without them, and
    merging it again does not bring them back). A site the office changed since the preview
    stops the merge (preview again); so does a site that cannot be merged and is not left out."""
    _check(is_canceled)
    left_out = {u.lower() for u in leave_out}
    if preview.applied:
        raise MergeError(Message(N_("this preview has already been merged; preview the package again")))
    if os.path.abspath(preview.workspace) != os.path.abspath(workspace.path):
        raise MergeError(
            Message(
                N_("the preview was made for {previewed}, not for {path}"),
                previewed=preview.workspace,
                path=workspace.path,
            )
        )
    if preview.package is None:
        raise MergeError(Message(N_("the preview's package was closed; preview the package again")))
    if preview.already_merged:
        return MergeOutcome({k: 0 for k in preview.counts()}, preview.already_merged)
    listed = {s.uid for s in preview.sites if s.writes or s.action == REJECTED}
    unused = sorted(left_out - listed)
    if unused:
        raise MergeError(
            Message(
                N_("nothing was merged: {entries} names no change of the preview (leave out only sites it lists)"),
                entries=", ".join(unused),
            )
        )
    rejected = [s for s in preview.sites if s.action == REJECTED and s.uid not in left_out]
    if rejected:
        first = rejected[0]
        raise MergeError(
            Message(
                N_(
                    "nothing was merged: {layer} {name} ({uid}) cannot be merged ({reason}); leave it out, or correct "
                    "it in the package and preview again"
                ),
                layer=first.layer,
                name=first.name,
                uid=first.uid,
                reason=first.reasons[0] if first.reasons else "",
            ),
            *(
                Message(N_("{layer} {uid}: {reason}"), layer=s.layer, uid=s.uid, reason=s.reasons[0])
                for s in rejected[1:]
            ),
        )
    chosen = [s for s in preview.sites if s.writes and s.uid not in left_out]
    source = package_source(preview.package_id)
    written: List[str] = []
    try:
        with workspace.write() as conn:
            merged_meanwhile = conn.execute(
                f"SELECT merged_at FROM {changelog.FIELD_MERGES_TABLE} WHERE package_id = ? AND content_hash = ?",
                (preview.package_id, preview.content_hash),
            ).fetchone()
            if merged_meanwhile:
                raise MergeError(
                    Message(N_("the package was merged meanwhile ({at}); nothing more to do"), at=merged_meanwhile[0])
                )
            for number, site in enumerate(chosen):
                _apply_site(workspace, conn, site, source)
                if number % 200 == 0:
                    _check(is_canceled)
                    if progress:
                        progress(80.0 * number / max(len(chosen), 1))
            # Photos last, just before the commit (their names were decided in the preview).
            written = _copy_photos(preview.package, preview.photos, is_canceled)
            _record(conn, preview, left_out)
            _check(is_canceled)
    except sqlite3.IntegrityError as exc:
        _remove(written)
        raise MergeError(
            Message(N_("nothing was merged: the workspace refused a value ({reason})"), reason=exc)
        ) from None
    except WorkspaceError as exc:
        _remove(written)
        raise MergeError(Message(N_("nothing was merged: {error}"), error=exc)) from None
    except BaseException:
        _remove(written)
        raise
    preview.applied = True
    counts = {
        "NEW": sum(1 for s in chosen if s.action == NEW),
        "UPDATED": sum(1 for s in chosen if s.action == UPDATE),
        "DELETED": sum(1 for s in chosen if s.action == DELETE),
        "CONFLICTS": sum(1 for s in chosen if s.action == CONFLICTS),
        "LEFT_OUT": sum(1 for s in preview.sites if s.uid in left_out),
        "PHOTOS": len(written),
        "MISSING_PHOTOS": preview.counts()["MISSING_PHOTOS"],
    }
    if progress:
        progress(100.0)
    return MergeOutcome(counts)


def _apply_site(workspace: Workspace, conn: sqlite3.Connection, site: SiteMerge, source: str) -> None:
    """One site's merge, as the officer's own edits (logged for the sync)."""
    schema = LAYERS[site.layer]
    now = store.local_row(conn, schema, site.uid)
    if now != site.ours:
        raise MergeError(
            Message(
                N_(
                    "{layer}: site {name} ({uid}) was changed in the workspace since the preview; preview the merge again"
                ),
                layer=schema.title_text,
                name=site.name,
                uid=site.uid,
            )
        )
    if site.action == NEW:
        workspace.insert_sites(site.layer, [_plain(site.theirs)], conn=conn)
        return
    store.apply_merge(conn, schema, site.uid, site.result, now, None, as_local_edit=True, source=source)


def _record(conn: sqlite3.Connection, preview: MergePreview, left_out: Set[str]) -> None:
    """The package as merged: its id and content hash, and each site as the package held it
    (the base of its next merge — a left-out change counts as seen: the officer chose)."""
    meta = preview.meta
    conn.executemany(
        f"INSERT OR REPLACE INTO {changelog.FIELD_MERGE_SITES_TABLE} VALUES (?, ?, ?, ?)",
        [
            (
                preview.package_id,
                s.layer,
                s.uid,
                None if s.theirs is None else changelog.encode_base(_plain(s.theirs)),
            )
            for s in preview.sites
        ],
    )
    summary = dict(preview.counts(), LEFT_OUT=sorted(left_out))
    summary["photos"] = [
        {"source": p.source, "target": p.value, "status": p.status, "sha256": p.sha256, "attached": p.attached}
        for p in preview.photos
    ]
    conn.execute(
        f"INSERT INTO {changelog.FIELD_MERGES_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            preview.package_id,
            preview.content_hash,
            (meta.get("base") or {}).get("hash", ""),
            preview.surveyor,
            json.dumps(meta.get("area"), sort_keys=True),
            meta.get("created_at"),
            timestamps.now_iso(),
            preview.input,
            json.dumps(summary, sort_keys=True),
        ),
    )
