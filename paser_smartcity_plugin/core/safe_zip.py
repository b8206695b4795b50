"""Reading a zip from outside — Telkom's shapefiles, a surveyor's returned field package —
checked before any reader touches it.

A zip from outside is hostile until proven otherwise: entries with absolute paths or ``..``,
symbolic links, encrypted entries, too many entries and zip bombs (too large in total, or
compressed far more than real data is) are refused with a message naming the problem, and
an entry is read counting its real bytes, so a forged header size does not get past the
limits either. The caller says which limits fit its files and which error to raise (each
exchange has its own error class, which its callers catch).
"""

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from typing import Iterator, List, Type

from .messages import N_, Message, MessageError

CHUNK = 1 << 20


@dataclass(frozen=True)
class ZipLimits:
    max_total_bytes: int  # unpacked, all entries together
    max_ratio: int  # unpacked size : compressed size of one entry
    ratio_min_bytes: int  # ratios of tiny entries mean nothing
    max_entries: int


def check_member_name(name: str, error: Type[MessageError]) -> None:
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or re.match(r"^[A-Za-z]:", normalized):
        raise error(Message(N_("the zip entry {name!r} has an absolute path; the zip is refused"), name=name))
    if ".." in normalized.split("/"):
        raise error(
            Message(N_("the zip entry {name!r} points outside the zip folder (..); the zip is refused"), name=name)
        )


def check_zip(zf: zipfile.ZipFile, limits: ZipLimits, error: Type[MessageError]) -> List[zipfile.ZipInfo]:
    """Every entry of ``zf``, or ``error`` naming the first reason to refuse the zip."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise error(
            Message(
                N_("the zip holds {count} entries (limit {limit}); it is refused"),
                count=len(infos),
                limit=limits.max_entries,
            )
        )
    total = 0
    for info in infos:
        check_member_name(info.filename, error)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise error(
                Message(N_("the zip entry {name!r} is a symbolic link; the zip is refused"), name=info.filename)
            )
        if info.flag_bits & 0x1:
            raise error(
                Message(N_("the zip entry {name!r} is encrypted; send it without a password"), name=info.filename)
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise error(
                Message(
                    N_(
                        "the zip unpacks to more than {mb} MB; it is refused "
                        "(a zip bomb, or far more than such an exchange needs)"
                    ),
                    mb=limits.max_total_bytes >> 20,
                )
            )
        if info.file_size >= limits.ratio_min_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise error(
                Message(
                    N_(
                        "the zip entry {name!r} is compressed {ratio}:1 (limit {limit}:1); the zip is "
                        "refused as a possible zip bomb"
                    ),
                    name=info.filename,
                    ratio=info.file_size // max(info.compress_size, 1),
                    limit=limits.max_ratio,
                )
            )
    return infos


def iter_entry(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ZipLimits, error: Type[MessageError]
) -> Iterator[bytes]:
    """The bytes of one entry in chunks, counting them: more than the entry declares is refused."""
    limit = min(info.file_size, limits.max_total_bytes)
    read = 0
    try:
        with zf.open(info) as src:
            while True:
                chunk = src.read(CHUNK)
                if not chunk:
                    return
                read += len(chunk)
                if read > limit:
                    raise error(
                        Message(
                            N_("the zip entry {name!r} unpacks to more than it declares; the zip is refused"),
                            name=info.filename,
                        )
                    )
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise error(Message(N_("the zip entry {name!r} is damaged ({error})"), name=info.filename, error=exc)) from None


def extract_entry(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: str, limits: ZipLimits, error: Type[MessageError]
) -> None:
    """Copy one entry to ``target`` (a path we chose), bounded as :func:`iter_entry`."""
    with open(target, "wb") as dst:
        for chunk in iter_entry(zf, info, limits, error):
            dst.write(chunk)
