"""geopandas for the Telkom exchange: found only when the exchange is used (pyogrio or fiona),
its own worker thread, and point shapefiles read and written through it.

The rest of the plugin never needs geopandas: this module is imported lazily by the
export and import, and :func:`load` turns a missing package into a message saying what to
install. geopandas >= 0.12 is supported with either engine; Debian 12's python3-geopandas
(0.12) comes with fiona only, where reading is ~15x slower than pyogrio but correct.
"""

import contextlib
import gc
import importlib
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar

from ..messages import N_, Message
from .errors import GeopandasMissingError, TelkomError

ENGINES = ("pyogrio", "fiona")
T = TypeVar("T")

INSTALL_HINT = N_(
    "The Telkom exchange needs the Python package geopandas with pyogrio (or fiona) in the Python "
    "that QGIS uses. Debian/Ubuntu: apt install python3-geopandas; Windows (OSGeo4W Shell) or "
    "macOS: python -m pip install geopandas pyogrio. The rest of the plugin works without it."
)


def load(engine: Optional[str] = None) -> Tuple[Any, str]:
    """(geopandas module, engine name). ``engine`` forces one; by default pyogrio, else fiona."""
    try:
        geopandas = importlib.import_module("geopandas")
    except ImportError as exc:
        raise GeopandasMissingError(Message(N_("{hint} ({error})"), hint=Message(INSTALL_HINT), error=exc)) from None
    candidates = (engine,) if engine else ENGINES
    for name in candidates:
        if name not in ENGINES:
            raise TelkomError(Message(N_("unknown shapefile engine {name!r}; use pyogrio or fiona"), name=name))
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if getattr(module, "__version__", None) is None:  # a stray folder of that name, not the package
            continue
        return geopandas, name
    raise GeopandasMissingError(
        Message(
            N_("{hint} (neither {engines} can be imported)"),
            hint=Message(INSTALL_HINT),
            engines=" nor ".join(candidates),
        )
    )


_WORKER = None
_WORKER_LOCK = threading.Lock()


def run_in_worker(function: Callable[..., T], *args, **kwargs) -> T:
    """Run ``function`` on the exchange's own long-lived Python thread and return its result.

    Why: pyproj keeps per-thread PROJ state. QGIS runs tasks on QThreadPool threads whose
    Python thread state is created and destroyed around every task; with the pyproj 3.7
    wheels a second task on such a thread crashes QGIS (segfault in CRS()). One persistent
    Python thread for all geopandas/pyproj work avoids it. Exceptions propagate.
    """
    global _WORKER
    with _WORKER_LOCK:
        if _WORKER is None:
            _WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="paser-telkom")
    if threading.current_thread().name.startswith("paser-telkom"):
        return function(*args, **kwargs)
    return _WORKER.submit(function, *args, **kwargs).result()


def version(geopandas) -> Tuple[int, int]:
    major, minor = geopandas.__version__.split(".")[:2]
    return int(major), int(minor)


def write_points(gdf, path: str, engine: str, schema: Dict[str, Any]) -> None:
    """Write ``gdf`` as a UTF-8 point shapefile (.shp .shx .dbf .prj .cpg).

    ``schema`` is fiona's {"geometry": "Point", "properties": {name: "str:36" | "int:9" |
    "float:24.15"}}: the DBF widths of the contract. fiona takes it as it is; pyogrio has no
    way to pass widths (every text column would be 80 wide, too narrow for Telkom to type a
    longer name, yet larger than most columns need), so the empty layer is created first
    with pyogrio's raw writer, whose fixed-width text arrays carry the widths, and the rows
    are then appended with the same raw writer (see _append_pyogrio).
    """
    with warnings.catch_warnings():
        # A cut by GDAL would be a defect here: values are cut to their widths beforehand.
        warnings.filterwarnings("error", message=".*truncated.*")
        if engine == "pyogrio":
            _create_empty_pyogrio(path, schema, gdf.crs.to_wkt())
            if len(gdf):
                _append_pyogrio(gdf, path)
        else:
            gdf.to_file(path, driver="ESRI Shapefile", engine=engine, encoding="UTF-8", index=False, schema=schema)


def _create_empty_pyogrio(path: str, schema: Dict[str, Any], crs_wkt: str) -> None:
    import numpy
    from pyogrio.raw import write

    names, arrays = [], []
    for name, kind in schema["properties"].items():
        base, _, width = kind.partition(":")
        names.append(name)
        if base == "str":
            arrays.append(numpy.array([], dtype=f"<U{width}"))
        elif base == "int":
            arrays.append(numpy.array([], dtype="int32"))
        else:
            arrays.append(numpy.array([], dtype="float64"))
    write(
        path,
        numpy.array([], dtype=object),
        arrays,
        fields=names,
        geometry_type="Point",
        crs=crs_wkt,
        encoding="UTF-8",
        driver="ESRI Shapefile",
    )


def _append_pyogrio(gdf, path: str) -> None:
    """Append the rows of ``gdf`` to the layer at ``path`` with pyogrio's raw writer.

    Why not gdf.to_file: pyogrio.write_dataframe then infers the type of every object column
    (looking for datetimes) and the geometry types of every row — a noticeable share of a large
    export (bench/bench_telkom.py) — for columns whose types the export already fixed. The arrays handed to GDAL are
    the ones write_dataframe would hand it: object arrays for text, float64 with NaN as NULL,
    and the values and mask of the nullable Int64 columns.
    """
    from pyogrio.raw import write

    geometry_name = gdf.geometry.name
    names, data, masks = [], [], []
    for name in gdf.columns:
        if name == geometry_name:
            continue
        values = gdf[name].values  # the ndarray itself for numpy columns (to_numpy() runs isna() first)
        names.append(name)
        mask = getattr(values, "_mask", None)  # pandas IntegerArray / FloatingArray / BooleanArray
        if mask is not None:
            data.append(values._data)
            masks.append(mask)
        else:
            data.append(values)
            masks.append(None)
    epsg = gdf.crs.to_epsg()
    write(
        path,
        gdf.geometry.to_wkb().to_numpy(),
        data,
        names,
        field_mask=masks,
        driver="ESRI Shapefile",
        geometry_type="Point",
        crs=f"EPSG:{epsg}" if epsg else gdf.crs.to_wkt("WKT1_GDAL"),
        encoding="UTF-8",
        append=True,
    )


def read_points(path: str, engine: str, encoding: str, columns: Optional[List[str]] = None):
    """A GeoDataFrame of the shapefile at ``path`` with its text decoded from ``encoding``.

    ``columns`` limits the attributes read (pyogrio only; fiona reads all of them).
    """
    geopandas, _ = load(engine)
    kwargs: Dict[str, Any] = {"engine": engine, "encoding": encoding}
    if columns is not None and engine == "pyogrio":
        kwargs["columns"] = columns
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return geopandas.read_file(path, **kwargs)
    except Exception as exc:  # noqa: BLE001 - every reader error means an unreadable file
        raise TelkomError(
            Message(N_("the shapefile cannot be read ({kind}: {error})"), kind=type(exc).__name__, error=exc)
        ) from None


_GC_LOCK = threading.Lock()
_GC_STATE = {"depth": 0, "was_enabled": False}


@contextlib.contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector while an exchange builds its many small objects.

    Why: an export or preview of 100 000 sites keeps a few hundred thousand containers alive
    (rows, reports, decoded values); every automatic collection walks all of them again, a
    large share of an export or preview (bench/bench_telkom.py; figures in CHANGELOG). Nothing here relies on the
    collector: reference counting frees everything as before, and the collector resumes (if it
    was on) when the last exchange running at the same time leaves.
    """
    with _GC_LOCK:
        if _GC_STATE["depth"] == 0:
            _GC_STATE["was_enabled"] = gc.isenabled()
            gc.disable()
        _GC_STATE["depth"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_STATE["depth"] -= 1
            if _GC_STATE["depth"] == 0 and _GC_STATE["was_enabled"]:
                gc.enable()
