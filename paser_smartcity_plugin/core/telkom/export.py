"""Export for Telkom: one zip with, per layer, a UTF-8 point shapefile, a bilingual schema
note, the sites without coordinates as CSV and the full text of any value that was cut."""

import os
import struct
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Callable, Collection, Dict, List, Optional, Sequence, Tuple

from .. import gpkg
from ..messages import N_, Message
from ..rows import GEOMETRY
from ..safe_csv import safe_writer
from ..schema import GEOMETRY_COLUMN, INTEGER, LAYER_NAMES, LAYERS, REAL
from ..workspace import Workspace
from . import geopandas_io
from .errors import CancelledError, TelkomError
from .mapping import Cut, export_column, layer_columns, layer_fields, schema_note

# The coordinate reference systems an export offers — the one list behind the export
# dialog and the algorithm's CRS choices: geographic WGS 84 and the UTM zone of Paser on
# WGS 84 and on Indonesia's SRGI2013. Label templates are translated where shown.
OFFERED_CRS: Tuple[Tuple[str, str], ...] = (
    ("EPSG:4326", N_("EPSG:4326 — WGS 84, longitude/latitude")),
    ("EPSG:32750", N_("EPSG:32750 — WGS 84 / UTM zone 50S")),
    ("EPSG:9490", N_("EPSG:9490 — SRGI2013 / UTM zone 50S")),
)
OFFERED_CRS_CODES: Tuple[str, ...] = tuple(code for code, _ in OFFERED_CRS)

Progress = Optional[Callable[[float], None]]
IsCanceled = Optional[Callable[[], bool]]


@dataclass
class LayerExport:
    layer: str
    features: int = 0
    without_coordinates: int = 0
    cuts: List[Cut] = field(default_factory=list)
    files: Dict[str, str] = field(default_factory=dict)


@dataclass
class ExportResult:
    path: str
    crs: str
    engine: str
    layers: List[LayerExport]

    @property
    def features(self) -> int:
        return sum(lyr.features for lyr in self.layers)


def package_files(layer: str) -> Dict[str, str]:
    """The names of one layer's files inside the zip (part of the contract)."""
    return {
        "shp": f"{layer}.shp",
        "shx": f"{layer}.shx",
        "dbf": f"{layer}.dbf",
        "prj": f"{layer}.prj",
        "cpg": f"{layer}.cpg",
        "note": f"{layer}_schema.txt",
        "pending": f"{layer}_without_coordinates.csv",
        "long_text": f"{layer}_long_text.csv",
    }


def fiona_schema(layer: str) -> Dict:
    """The DBF layout for fiona, which otherwise makes every text column 80 wide."""
    props = {}
    schema = LAYERS[layer]
    for f in layer_fields(layer):
        kind = schema.field(f.field).type
        for name in f.shp_names:
            props[name] = "float:24.15" if kind == REAL else f"int:{f.width}" if kind == INTEGER else f"str:{f.width}"
    return {"geometry": "Point", "properties": props}


def _crs_label(crs: str) -> str:
    try:
        from pyproj import CRS

        return f"{crs} ({CRS.from_user_input(crs).name})"
    except Exception:  # noqa: BLE001 - the label is information only
        return crs


def _check(is_canceled: IsCanceled) -> None:
    if is_canceled is not None and is_canceled():
        raise CancelledError(Message(N_("export cancelled; nothing was written")))


def export_package(
    workspace: Workspace,
    output: str,
    layers: Sequence[str] = LAYER_NAMES,
    crs: str = "EPSG:4326",
    only_uids: Optional[Dict[str, Collection[str]]] = None,
    engine: Optional[str] = None,
    progress: Progress = None,
    is_canceled: IsCanceled = None,
) -> ExportResult:
    """Write the Telkom package for ``layers`` of ``workspace`` to the zip ``output``.

    ``only_uids`` limits a layer to those sites (the officer's selection). The zip is built
    beside ``output`` and renamed into place, so a failure never leaves half a package.
    """
    if not output.lower().endswith(".zip"):
        raise TelkomError(Message(N_("{path}: the Telkom package is a zip; its name must end in .zip"), path=output))
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise TelkomError(Message(N_("folder {directory} does not exist"), directory=folder))
    unknown = [lyr for lyr in layers if lyr not in LAYER_NAMES]
    if unknown or not layers:
        raise TelkomError(Message(N_("choose layers among {layers}"), layers=", ".join(LAYER_NAMES)))
    geopandas, engine = geopandas_io.load(engine)
    with geopandas_io.gc_paused():
        return _export_package(
            geopandas, engine, workspace, output, folder, layers, crs, only_uids, progress, is_canceled
        )


def _export_package(
    geopandas,
    engine: str,
    workspace: Workspace,
    output: str,
    folder: str,
    layers: Sequence[str],
    crs: str,
    only_uids: Optional[Dict[str, Collection[str]]],
    progress: Progress,
    is_canceled: IsCanceled,
) -> ExportResult:
    try:
        from pyproj import CRS

        target = CRS.from_user_input(crs)
    except Exception as exc:  # noqa: BLE001 - pyproj raises its own CRSError
        raise TelkomError(
            Message(N_("{crs} is not a coordinate reference system ({error})"), crs=crs, error=exc)
        ) from None
    results: List[LayerExport] = []
    step = 100.0 / len(layers)
    with tempfile.TemporaryDirectory(prefix="paser-telkom-export-") as tmp:
        for index, layer in enumerate(layers):
            _check(is_canceled)
            keep = None if only_uids is None or layer not in only_uids else set(only_uids[layer])
            columns = _read_columns(workspace, layer, keep)
            if progress:
                progress(index * step + step * 0.2)
            results.append(_export_layer(geopandas, engine, layer, columns, target, crs, tmp))
            if progress:
                progress((index + 1) * step * 0.95)
        _check(is_canceled)
        fd, part = tempfile.mkstemp(prefix=".paser-telkom-", suffix=".zip.part", dir=folder)
        os.close(fd)
        try:
            # Level 1: DBF padding still shrinks ~10x, at a fraction of the default level's time.
            with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
                for result in results:
                    for name in result.files.values():
                        zf.write(os.path.join(tmp, name), name)
            os.replace(part, output)
        except BaseException:
            if os.path.exists(part):
                os.unlink(part)
            raise
    if progress:
        progress(100.0)
    return ExportResult(os.path.abspath(output), crs, engine, results)


def _read_columns(workspace: Workspace, layer: str, keep: Optional[Collection[str]]) -> Dict[str, list]:
    """The layer as columns {field: values} plus GEOMETRY: (x array, y array), NaN where a site
    has no coordinates, in fid order.

    Column-wise straight from SQLite: building a dict per site costs more than the write.
    """
    names = list(LAYERS[layer].field_names)
    sql = f'SELECT "{GEOMETRY_COLUMN}", ' + ", ".join(f'"{n}"' for n in names) + f' FROM "{layer}" ORDER BY fid'
    with workspace.read() as conn:
        records = conn.execute(sql).fetchall()
    if keep is not None:
        uid_at = names.index("uid") + 1
        records = [r for r in records if r[uid_at] in keep]
    columns = list(zip(*records)) if records else [()] * (len(names) + 1)
    out = {name: list(values) for name, values in zip(names, columns[1:])}
    out[GEOMETRY] = decode_points(columns[0])
    return out


_PLAIN_POINT = struct.Struct("<2sBBiBIdd")  # header without envelope + little-endian WKB point
_PLAIN_POINT_DTYPE = [
    ("magic", "S2"),
    ("version", "u1"),
    ("flags", "u1"),
    ("srs", "<i4"),
    ("order", "u1"),
    ("kind", "<u4"),
    ("x", "<f8"),
    ("y", "<f8"),
]


def decode_points(blobs: Sequence[Optional[bytes]]):
    """(x, y) float arrays of a column of GeoPackage point blobs; NaN for NULL or empty points.

    The blobs the workspace writes (no envelope, little-endian WKB point) are read at once
    with numpy; any other blob goes through gpkg.decode_point, which also refuses non-points.
    """
    import numpy

    count = len(blobs)
    xs, ys = numpy.full(count, numpy.nan), numpy.full(count, numpy.nan)
    size = _PLAIN_POINT.size
    if None not in blobs and set(map(len, blobs)) <= {size}:
        plain = numpy.arange(count)
    else:
        plain = numpy.array([i for i, b in enumerate(blobs) if b is not None and len(b) == size], dtype=numpy.intp)
    slow = numpy.ones(count, dtype=bool)
    if len(plain):
        chunk = blobs if len(plain) == count else [blobs[i] for i in plain]
        parsed = numpy.frombuffer(b"".join(chunk), dtype=_PLAIN_POINT_DTYPE)
        x, y = parsed["x"], parsed["y"]
        good = (
            (parsed["magic"] == b"GP")
            & (parsed["flags"] == 1)
            & (parsed["order"] == 1)
            & (parsed["kind"] == 1)
            & ~numpy.isnan(x)
            & ~numpy.isnan(y)
        )
        xs[plain[good]], ys[plain[good]] = x[good], y[good]
        slow[plain[good]] = False
    for i in numpy.flatnonzero(slow).tolist():
        point = gpkg.decode_point(blobs[i])
        if point is not None:
            xs[i], ys[i] = point
    return xs, ys


def _take(columns: Dict[str, list], indexes: List[int]) -> Dict[str, list]:
    return {name: [values[i] for i in indexes] for name, values in columns.items()}


def _export_layer(
    geopandas, engine: str, layer: str, table: Dict[str, list], target, crs: str, tmp: str
) -> LayerExport:
    import numpy
    import pandas

    files = package_files(layer)
    fields = layer_fields(layer)
    columns = layer_columns(layer)
    schema = LAYERS[layer]
    result = LayerExport(layer)
    xs, ys = table[GEOMETRY]
    has_point = ~numpy.isnan(xs)
    placed_at = numpy.flatnonzero(has_point).tolist()
    pending_at = numpy.flatnonzero(~has_point).tolist()
    fields_only = {name: values for name, values in table.items() if name != GEOMETRY}
    placed = fields_only if len(placed_at) == len(xs) else _take(fields_only, placed_at)
    pending = _take(fields_only, pending_at)
    long_text: List[tuple] = []

    def converted(part: Dict[str, list]) -> Dict[str, list]:
        data: Dict[str, list] = {}
        for f in fields:
            values = part[f.field]
            converted_columns, cuts = export_column(f, values)
            data.update(converted_columns)
            for index, cut in sorted(cuts.items()):
                uid = part["uid"][index]
                result.cuts.append(Cut(uid, cut.field, cut.shp, cut.length, cut.kept))
                long_text.append((uid, f.shp, values[index]))
        return data

    data = converted(placed)
    frame = {}
    for f in fields:
        kind = schema.field(f.field).type
        for name in f.shp_names:
            if kind == INTEGER:
                frame[name] = pandas.array(data[name], dtype="Int64")
            elif kind == REAL:
                frame[name] = numpy.array(data[name], dtype="float64")  # None -> NaN, written as NULL
            else:
                column = numpy.empty(len(data[name]), dtype=object)  # no pandas inference pass
                column[:] = data[name]
                frame[name] = column
    geometry = geopandas.points_from_xy(xs[has_point], ys[has_point], crs="EPSG:4326")
    # copy=False: the columns are fresh arrays, and pandas then keeps them as they are instead
    # of consolidating the text columns into one 2-D block (a copy the writer splits again).
    gdf = geopandas.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326", copy=False)
    if not target.equals(gdf.crs):
        gdf = gdf.to_crs(target)
    geopandas_io.write_points(gdf, os.path.join(tmp, files["shp"]), engine, fiona_schema(layer))
    result.features = len(placed_at)

    pending_data = converted(pending)
    pending_rows = [dict(zip(pending, values)) for values in zip(*pending.values())]
    with open(os.path.join(tmp, files["pending"]), "w", encoding="utf-8-sig", newline="") as f:
        writer = safe_writer(f)
        writer.writerow(columns)
        for i in range(len(pending_at)):
            writer.writerow(["" if pending_data[c][i] is None else pending_data[c][i] for c in columns])
    result.without_coordinates = len(pending_at)

    note_files = dict(files)
    if long_text:
        with open(os.path.join(tmp, files["long_text"]), "w", encoding="utf-8-sig", newline="") as f:
            writer = safe_writer(f)
            writer.writerow(["UID", "FIELD", "TEXT"])
            writer.writerows(long_text)
    else:
        del files["long_text"]
    with open(os.path.join(tmp, files["note"]), "w", encoding="utf-8", newline="\r\n") as f:
        f.write(schema_note(layer, _crs_label(crs), result.features, pending_rows, result.cuts, note_files))
    result.files = {k: v for k, v in files.items() if os.path.exists(os.path.join(tmp, v))}
    return result
