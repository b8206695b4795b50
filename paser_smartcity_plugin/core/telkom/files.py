"""Opening what Telkom sends: a zip or a .shp, checked before any reader touches it.

A zip from outside is hostile until proven otherwise (core/safe_zip.py: absolute paths or
``..``, symbolic links, encrypted entries, zip bombs). Several shapefiles without a choice
and missing or damaged parts are refused here with a message naming the problem. Only the
parts of the chosen shapefiles are extracted, under names we make, into a temporary directory.
"""

import os
import re
import shutil
import struct
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from .. import safe_zip
from ..messages import N_, Message, MessageText, N_plural
from ..schema import LAYER_NAMES, SERVICE_POINTS, TOWER_PLANS
from .errors import ChoiceNeededError, TelkomError

SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
REQUIRED_PARTS = (".shp", ".shx", ".dbf")

# Zip limits. A 100 000-point export is ~90 MB unpacked; DBF padding compresses well, but
# real shapefiles stay far below 200:1, while a bomb is built to reach ~1000:1.
MAX_TOTAL_BYTES = 1 << 30  # 1 GiB unpacked
MAX_RATIO = 200
RATIO_MIN_BYTES = 1 << 20  # ratios of tiny entries mean nothing
MAX_ENTRIES = 2000

SHP_MAGIC = 9994
POINT_TYPES = {0: "null", 1: "Point", 11: "PointZ", 21: "PointM"}
SHAPE_TYPES = {
    3: "PolyLine",
    5: "Polygon",
    8: "MultiPoint",
    13: "PolyLineZ",
    15: "PolygonZ",
    18: "MultiPointZ",
    23: "PolyLineM",
    25: "PolygonM",
    28: "MultiPointM",
    31: "MultiPatch",
}


@dataclass
class ShapefileSource:
    """One shapefile ready to read: its parts on disk and what its headers say."""

    name: str  # as Telkom named it (zip member or file name, without extension)
    paths: Dict[str, str]  # extension -> path
    dbf_fields: List[str] = field(default_factory=list)
    layer: Optional[str] = None  # target workspace layer

    @property
    def shp(self) -> str:
        return self.paths[".shp"]

    @property
    def has_prj(self) -> bool:
        return ".prj" in self.paths


def _limits() -> safe_zip.ZipLimits:
    # Read at each call: a test lowers MAX_TOTAL_BYTES rather than build a 1 GiB zip.
    return safe_zip.ZipLimits(MAX_TOTAL_BYTES, MAX_RATIO, RATIO_MIN_BYTES, MAX_ENTRIES)


def _check_zip(zf: zipfile.ZipFile) -> List[zipfile.ZipInfo]:
    return safe_zip.check_zip(zf, _limits(), TelkomError)


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: str) -> None:
    safe_zip.extract_entry(zf, info, target, _limits(), TelkomError)


def _group(names: List[str]) -> Dict[str, Dict[str, str]]:
    """{stem: {extension: name}} for the shapefile parts among ``names`` (case-insensitive)."""
    groups: Dict[str, Dict[str, str]] = {}
    for name in names:
        base = os.path.basename(name.replace("\\", "/"))
        if base.startswith(("._", ".")) or "__MACOSX/" in name.replace("\\", "/"):
            continue  # macOS resource forks, hidden files
        stem, ext = os.path.splitext(name)
        ext = ext.lower()
        if ext in SHAPEFILE_PARTS:
            groups.setdefault(stem, {})[ext] = name
    return {stem: parts for stem, parts in groups.items() if ".shp" in parts or ".dbf" in parts}


def layer_from_name(name: str) -> Optional[str]:
    base = os.path.basename(name.replace("\\", "/")).lower()
    for layer in LAYER_NAMES:
        if base == layer or base.endswith("_" + layer) or base.startswith(layer):
            return layer
    if re.search(r"menara|tower", base):
        return TOWER_PLANS
    if re.search(r"titik|layanan|service|point", base):
        return SERVICE_POINTS
    return None


def open_source(path: str, workdir: str, member: Optional[str] = None) -> List[ShapefileSource]:
    """The shapefile(s) of ``path`` (a .zip or a .shp), checked and (for a zip) extracted.

    A zip may hold our own export (one shapefile per layer, each named after its layer);
    any other zip with several shapefiles needs ``member`` to say which one to read.
    """
    if not os.path.exists(path):
        raise TelkomError(Message(N_("{path} does not exist"), path=path))
    lower = path.lower()
    if lower.endswith(".zip"):
        sources = _from_zip(path, workdir, member)
    elif lower.endswith(".shp"):
        stem = path[:-4]
        folder = os.path.dirname(os.path.abspath(path)) or "."
        siblings = {
            os.path.splitext(n)[1].lower(): os.path.join(folder, n)
            for n in os.listdir(folder)
            if os.path.splitext(n)[0] == os.path.basename(stem)
        }
        parts = {ext: p for ext, p in siblings.items() if ext in SHAPEFILE_PARTS}
        sources = [_checked(ShapefileSource(os.path.basename(stem), parts))]
    else:
        raise TelkomError(Message(N_("{name}: choose a .zip or a .shp file"), name=os.path.basename(path)))
    return sources


def _from_zip(path: str, workdir: str, member: Optional[str]) -> List[ShapefileSource]:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise TelkomError(
            Message(N_("{name} is not a readable zip file ({error})"), name=os.path.basename(path), error=exc)
        ) from None
    with zf:
        infos = _check_zip(zf)
        groups = _group([i.filename for i in infos if not i.is_dir()])
        if not groups:
            raise TelkomError(
                Message(N_("{name} holds no shapefile (.shp with .shx and .dbf)"), name=os.path.basename(path))
            )
        if member:
            wanted = [
                s
                for s in groups
                if s == member
                or os.path.basename(s) == member
                or os.path.basename(s).lower() == os.path.splitext(os.path.basename(member))[0].lower()
            ]
            if len(wanted) != 1:
                raise TelkomError(
                    Message(
                        N_("the zip has no single shapefile named {member!r}; it holds: {names}"),
                        member=member,
                        names=", ".join(sorted(groups)),
                    )
                )
            chosen = wanted
        elif len(groups) == 1:
            chosen = list(groups)
        else:
            by_layer = {layer_from_exact_name(s): s for s in groups}
            if None in by_layer or len(by_layer) != len(groups):
                raise ChoiceNeededError(
                    Message(
                        N_("the zip holds several shapefiles ({names}); choose the one to import"),
                        names=", ".join(sorted(groups)),
                    ),
                    sorted(groups),
                )
            chosen = list(groups)
        by_name = {i.filename: i for i in infos}
        sources = []
        for index, stem in enumerate(sorted(chosen)):
            parts = {}
            for ext, name in groups[stem].items():
                target = os.path.join(workdir, f"source{index}{ext}")
                _extract(zf, by_name[name], target)
                parts[ext] = target
            sources.append(_checked(ShapefileSource(os.path.basename(stem.replace("\\", "/")), parts)))
    return sources


def layer_from_exact_name(stem: str) -> Optional[str]:
    base = os.path.basename(stem.replace("\\", "/")).lower()
    return base if base in LAYER_NAMES else None


def _checked(source: ShapefileSource) -> ShapefileSource:
    """Header checks of .shp/.shx/.dbf: missing or damaged parts and non-point layers."""
    missing = [ext for ext in REQUIRED_PARTS if ext not in source.paths]
    if missing:
        raise TelkomError(
            Message(
                N_("shapefile {name}: the {parts} part is missing (a shapefile needs .shp, .shx and .dbf)"),
                name=source.name,
                parts=", ".join(missing),
            )
        )
    shp_type = _shp_header(source.name, source.paths[".shp"], ".shp")
    shx_type = _shp_header(source.name, source.paths[".shx"], ".shx")
    if shp_type != shx_type:
        raise TelkomError(
            Message(N_("shapefile {name}: .shp and .shx disagree; the file is damaged"), name=source.name)
        )
    if shp_type not in POINT_TYPES:
        kind = SHAPE_TYPES.get(shp_type, f"type {shp_type}")
        raise TelkomError(
            Message(
                N_("shapefile {name} holds {kind} geometries; only points can be imported"), name=source.name, kind=kind
            )
        )
    shx_size = os.path.getsize(source.paths[".shx"])
    if (shx_size - 100) % 8:
        raise TelkomError(Message(N_("shapefile {name}: the .shx index is damaged"), name=source.name))
    count, fields = _dbf_header(source.name, source.paths[".dbf"])
    if (shx_size - 100) // 8 != count:
        raise TelkomError(
            Message(
                N_plural(
                    "shapefile {name}: .dbf has {count} record but .shx indexes {indexed}; the file is damaged",
                    "shapefile {name}: .dbf has {count} records but .shx indexes {indexed}; the file is damaged",
                    count,
                ),
                name=source.name,
                count=count,
                indexed=(shx_size - 100) // 8,
            )
        )
    source.dbf_fields = fields
    return source


def _shp_header(name: str, path: str, ext: str) -> int:
    with open(path, "rb") as f:
        header = f.read(100)
    if len(header) < 100:
        raise TelkomError(Message(N_("shapefile {name}: the {ext} part is damaged (too short)"), name=name, ext=ext))
    (magic,) = struct.unpack(">i", header[:4])
    (length_words,) = struct.unpack(">i", header[24:28])
    version, shape_type = struct.unpack("<ii", header[28:36])
    if magic != SHP_MAGIC or version != 1000:
        raise TelkomError(
            Message(N_("shapefile {name}: the {ext} part is not a shapefile or is damaged"), name=name, ext=ext)
        )
    if length_words * 2 != os.path.getsize(path):
        raise TelkomError(
            Message(
                N_("shapefile {name}: the {ext} part is damaged (its length does not match its header)"),
                name=name,
                ext=ext,
            )
        )
    return shape_type


def _dbf_header(name: str, path: str):
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        header = f.read(32)
        if len(header) < 32:
            raise TelkomError(Message(N_("shapefile {name}: the .dbf part is damaged (too short)"), name=name))
        count, header_len, record_len = struct.unpack("<IHH", header[4:12])
        if header_len < 33 or record_len < 1 or header_len + count * record_len > size:
            raise TelkomError(
                Message(N_("shapefile {name}: the .dbf part is damaged (its records do not fit the file)"), name=name)
            )
        descriptors = f.read(header_len - 32)
        f.seek(header_len)
        records = f.read(count * record_len)
    # Every record starts with its deletion flag, blank or '*': anything else is not a DBF record.
    if records[::record_len].strip(b" *"):
        raise TelkomError(
            Message(N_("shapefile {name}: the .dbf part is damaged (its records are not DBF records)"), name=name)
        )
    fields = []
    for i in range(0, len(descriptors) - 31, 32):
        chunk = descriptors[i : i + 32]
        if chunk[0] == 0x0D:
            break
        fields.append(chunk[:11].split(b"\x00", 1)[0].decode("latin-1").strip())
    return count, fields


# ---------------------------------------------------------------- encoding


CPG_NAMES = {
    "UTF-8": "UTF-8",
    "UTF8": "UTF-8",
    "65001": "UTF-8",
    "1252": "CP1252",
    "CP1252": "CP1252",
    "WINDOWS-1252": "CP1252",
    "ANSI 1252": "CP1252",
    "88591": "ISO-8859-1",
    "8859-1": "ISO-8859-1",
    "ISO-8859-1": "ISO-8859-1",
    "ISO88591": "ISO-8859-1",
    "LATIN1": "ISO-8859-1",
    "LATIN-1": "ISO-8859-1",
}


def detect_encoding(source: ShapefileSource) -> Tuple[str, Optional[str]]:
    """(encoding, warning): the .cpg when there is one, else UTF-8 when the text decodes as
    UTF-8, else Windows-1252, else Latin-1 (which decodes any byte).

    A .cpg saying UTF-8 over text that is not UTF-8 (an editor that re-saved the .dbf) is
    overruled with a warning instead of failing the whole file.
    """
    declared = _declared_encoding(source)
    if declared is not None and declared != "UTF-8":
        return declared, None
    with open(source.paths[".dbf"], "rb") as f:
        data = f.read()
    (header_len,) = struct.unpack("<H", data[8:10])
    records = data[header_len:]
    sniffed = _sniff(records)
    if declared == "UTF-8" and sniffed != "UTF-8":
        return sniffed, MessageText(
            N_(
                "{name}: the .cpg says UTF-8 but the text is not UTF-8; read as {encoding} — "
                "check accented names in the preview"
            ),
            name=source.name,
            encoding=sniffed,
        )
    return sniffed, None


def _declared_encoding(source: ShapefileSource) -> Optional[str]:
    cpg = source.paths.get(".cpg")
    if not cpg:
        return None
    with open(cpg, "rb") as f:
        declared = f.read(64).decode("ascii", errors="replace").strip().upper()
    if not declared:
        return None
    if declared in CPG_NAMES:
        return CPG_NAMES[declared]
    number = re.sub(r"^(ANSI|CP|WINDOWS-?)\s*", "", declared)
    if number.isdigit():
        return f"CP{number}"
    import codecs

    try:
        codecs.lookup(declared)
    except LookupError:
        raise TelkomError(
            Message(
                N_("shapefile {name}: the .cpg names an unknown encoding {encoding!r}"),
                name=source.name,
                encoding=declared,
            )
        ) from None
    return declared


def _sniff(records: bytes) -> str:
    if records.isascii():
        return "UTF-8"
    try:
        records.decode("utf-8")
        return "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        records.decode("cp1252")
        return "CP1252"
    except UnicodeDecodeError:
        return "ISO-8859-1"


def temporary_workdir() -> str:
    return tempfile.mkdtemp(prefix="paser-telkom-")


def remove_workdir(path: str) -> None:
    shutil.rmtree(path, ignore_errors=True)
