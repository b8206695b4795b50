"""The projected CRSs officers meet in Paser, converted to WGS 84 without PROJ.

Why not pyproj: core/ must run where QGIS runs, and pyproj is not guaranteed to be
importable from QGIS's Python on every platform. Three CRSs matter here, all Transverse
Mercator on the WGS 84 ellipsoid, so the maths is small:

- EPSG:32750 WGS 84 / UTM zone 50S — identity datum.
- EPSG:9490 SRGI2013 / UTM zone 50S — PROJ's best operation to WGS 84 is
  "Inverse of DGN95 to SRGI2013 (1)" (EPSG:9472, a 7-parameter coordinate-frame Helmert)
  followed by "DGN95 to WGS 84 (1)" (EPSG:15912, a null transformation), accuracy 1.2 m.
  We apply the same chain, so a point typed here lands where QGIS draws an EPSG:9490
  layer (the shift is about 0.2 m in Paser).
- EPSG:23837 DGN95 / Indonesia TM-3 zone 50.1 — lon_0 115.5, k 0.9999, x_0 200 000,
  y_0 1 500 000; DGN95 to WGS 84 (1), EPSG:15912, is a null transformation.

(Definitions as listed by ``projinfo`` from PROJ 9.1, the PROJ QGIS 3.22 uses on Debian 12.)
The Transverse Mercator uses Krüger's series to sixth order in n (Karney, "Transverse
Mercator with an accuracy of a few nanometers", J. Geodesy 85, 2011), far better than
a millimetre across a zone.
"""

import math
from dataclasses import dataclass
from typing import Optional, Tuple

WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563


@dataclass(frozen=True)
class Helmert:
    """A 7-parameter Helmert in the coordinate-frame convention (metres, arc-seconds, ppm)."""

    tx: float
    ty: float
    tz: float
    rx: float
    ry: float
    rz: float
    s: float


@dataclass(frozen=True)
class TransverseMercator:
    authid: str
    name: str
    lon_0: float
    k_0: float
    x_0: float
    y_0: float
    # Helmert from WGS 84 (= DGN95 here) to this CRS's datum, or None for the identity.
    to_datum: Optional[Helmert] = None
    # Valid easting/northing ranges in the Paser area, used by auto-detection.
    easting_range: Tuple[float, float] = (0.0, 0.0)
    northing_range: Tuple[float, float] = (0.0, 0.0)


# EPSG:9472 DGN95 to SRGI2013 (1), as PROJ 9.1 lists it (coordinate frame).
DGN95_TO_SRGI2013 = Helmert(
    -0.2773, 0.0534, 0.4819, 0.0192857593841035, -0.00589917345866696, 0.00199870597253436, -0.028
)

UTM50S_WGS84 = TransverseMercator(
    "EPSG:32750",
    "WGS 84 / UTM zone 50S",
    117.0,
    0.9996,
    500000.0,
    10000000.0,
    None,
    (100000.0, 900000.0),
    (9000000.0, 10000000.0),
)
UTM50S_SRGI2013 = TransverseMercator(
    "EPSG:9490",
    "SRGI2013 / UTM zone 50S",
    117.0,
    0.9996,
    500000.0,
    10000000.0,
    DGN95_TO_SRGI2013,
    (100000.0, 900000.0),
    (9000000.0, 10000000.0),
)
TM3_501_DGN95 = TransverseMercator(
    "EPSG:23837",
    "DGN95 / Indonesia TM-3 zone 50.1",
    115.5,
    0.9999,
    200000.0,
    1500000.0,
    None,
    (0.0, 400000.0),
    (1000000.0, 1500000.0),
)

PROJECTED_CRS = {c.authid: c for c in (UTM50S_WGS84, UTM50S_SRGI2013, TM3_501_DGN95)}


def projected_crs(authid: str) -> TransverseMercator:
    key = authid.strip().upper().replace(" ", "")
    try:
        return PROJECTED_CRS[key]
    except KeyError:
        raise KeyError(f"{authid}: not a supported projected CRS ({', '.join(PROJECTED_CRS)})") from None


# ---------------------------------------------------------------- Krüger series


def _series(f: float):
    n = f / (2 - f)
    n2, n3, n4, n5, n6 = n**2, n**3, n**4, n**5, n**6
    big_a = 1 / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256)
    alpha = (
        n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
        13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360,
        61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440,
        49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600,
        34729 * n5 / 80640 - 3418889 * n6 / 1995840,
        212378941 * n6 / 319334400,
    )
    beta = (
        n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800,
        n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720,
        17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720,
        4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600,
        4583 * n5 / 161280 - 108847 * n6 / 3991680,
        20648693 * n6 / 638668800,
    )
    return big_a, alpha, beta


_A, _ALPHA, _BETA = _series(WGS84_F)
_E = math.sqrt(WGS84_F * (2 - WGS84_F))
_E2 = _E * _E


def tm_forward(crs: TransverseMercator, lon: float, lat: float) -> Tuple[float, float]:
    """(easting, northing) of a geodetic (lon, lat) on the CRS's own datum (lat_0 = 0)."""
    phi = math.radians(lat)
    lam = math.radians(lon - crs.lon_0)
    sin_phi = math.sin(phi)
    t = math.sinh(math.atanh(sin_phi) - _E * math.atanh(_E * sin_phi))
    xi_p = math.atan2(t, math.cos(lam))
    eta_p = math.atanh(math.sin(lam) / math.sqrt(1 + t * t))
    xi, eta = xi_p, eta_p
    for j, a in enumerate(_ALPHA, 1):
        xi += a * math.sin(2 * j * xi_p) * math.cosh(2 * j * eta_p)
        eta += a * math.cos(2 * j * xi_p) * math.sinh(2 * j * eta_p)
    scale = crs.k_0 * WGS84_A * _A
    return crs.x_0 + scale * eta, crs.y_0 + scale * xi


def tm_inverse(crs: TransverseMercator, easting: float, northing: float) -> Tuple[float, float]:
    """Geodetic (lon, lat) on the CRS's own datum of an (easting, northing)."""
    scale = crs.k_0 * WGS84_A * _A
    xi = (northing - crs.y_0) / scale
    eta = (easting - crs.x_0) / scale
    xi_p, eta_p = xi, eta
    for j, b in enumerate(_BETA, 1):
        xi_p -= b * math.sin(2 * j * xi) * math.cosh(2 * j * eta)
        eta_p -= b * math.cos(2 * j * xi) * math.sinh(2 * j * eta)
    tau_p = math.sin(xi_p) / math.sqrt(math.sinh(eta_p) ** 2 + math.cos(xi_p) ** 2)
    lam = math.atan2(math.sinh(eta_p), math.cos(xi_p))
    tau = tau_p
    for _ in range(6):  # Newton on the conformal latitude; converges in 2-3 steps
        sigma = math.sinh(_E * math.atanh(_E * tau / math.sqrt(1 + tau * tau)))
        tau_i = tau * math.sqrt(1 + sigma * sigma) - sigma * math.sqrt(1 + tau * tau)
        step = (
            (tau_p - tau_i)
            / math.sqrt(1 + tau_i * tau_i)
            * (1 + (1 - _E2) * tau * tau)
            / ((1 - _E2) * math.sqrt(1 + tau * tau))
        )
        tau += step
        if abs(step) < 1e-14:
            break
    return crs.lon_0 + math.degrees(lam), math.degrees(math.atan(tau))


# ---------------------------------------------------------------- datum shift


def _to_cartesian(lon: float, lat: float, h: float = 0.0) -> Tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    n = WGS84_A / math.sqrt(1 - _E2 * math.sin(phi) ** 2)
    return (
        (n + h) * math.cos(phi) * math.cos(lam),
        (n + h) * math.cos(phi) * math.sin(lam),
        (n * (1 - _E2) + h) * math.sin(phi),
    )


def _to_geodetic(x: float, y: float, z: float) -> Tuple[float, float]:
    lam = math.atan2(y, x)
    p = math.hypot(x, y)
    phi = math.atan2(z, p * (1 - _E2))
    for _ in range(10):
        n = WGS84_A / math.sqrt(1 - _E2 * math.sin(phi) ** 2)
        h = p / math.cos(phi) - n
        new = math.atan2(z, p * (1 - _E2 * n / (n + h)))
        if abs(new - phi) < 1e-15:
            phi = new
            break
        phi = new
    return math.degrees(lam), math.degrees(phi)


def _rotation(t: Helmert):
    rx, ry, rz = (math.radians(v / 3600) for v in (t.rx, t.ry, t.rz))
    # Coordinate-frame convention (EPSG method 1032/9607), small-angle form.
    return ((1.0, rz, -ry), (-rz, 1.0, rx), (ry, -rx, 1.0))


def helmert_forward(t: Helmert, lon: float, lat: float) -> Tuple[float, float]:
    x = _to_cartesian(lon, lat)
    r = _rotation(t)
    k = 1 + t.s * 1e-6
    out = [k * sum(r[i][j] * x[j] for j in range(3)) + d for i, d in enumerate((t.tx, t.ty, t.tz))]
    return _to_geodetic(*out)


def helmert_inverse(t: Helmert, lon: float, lat: float) -> Tuple[float, float]:
    x = _to_cartesian(lon, lat)
    r = _rotation(t)
    k = 1 + t.s * 1e-6
    d = [x[i] - v for i, v in enumerate((t.tx, t.ty, t.tz))]
    out = [sum(r[j][i] * d[j] for j in range(3)) / k for i in range(3)]  # transpose of a rotation
    return _to_geodetic(*out)


# ---------------------------------------------------------------- public API


def to_wgs84(authid: str, easting: float, northing: float) -> Tuple[float, float]:
    """WGS 84 (lon, lat) of an (easting, northing) in one of :data:`PROJECTED_CRS`."""
    crs = projected_crs(authid)
    lon, lat = tm_inverse(crs, easting, northing)
    if crs.to_datum is not None:
        lon, lat = helmert_inverse(crs.to_datum, lon, lat)
    return lon, lat


def from_wgs84(authid: str, lon: float, lat: float) -> Tuple[float, float]:
    """(easting, northing) in one of :data:`PROJECTED_CRS` of a WGS 84 (lon, lat)."""
    crs = projected_crs(authid)
    if crs.to_datum is not None:
        lon, lat = helmert_forward(crs.to_datum, lon, lat)
    return tm_forward(crs, lon, lat)
