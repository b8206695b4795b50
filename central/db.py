"""Direct access to a central database, as the regency's own tools would use it.

The integration tests, the benchmark and the demo use this to seed the central and to play
"a colleague at the office changed it" — through SQL, so the central's triggers (updated_at,
soft delete) do their part exactly as in production.
"""

import os
import sqlite3
import sys
from typing import Any, Dict, Iterable, List, Optional

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from paser_smartcity_plugin.core import gpkg  # noqa: E402
from paser_smartcity_plugin.core.schema import layer_schema  # noqa: E402

from .embedded import CENTRAL_EPSG  # noqa: E402

GEOMETRY = "geometry"


class CentralDb:
    """Base: subclasses implement ``_execute``/``_query`` for their database."""

    kind = ""

    def insert(self, layer: str, rows: Iterable[Dict[str, Any]]) -> None:
        raise NotImplementedError

    def update(self, layer: str, uid: str, values: Dict[str, Any]) -> None:
        raise NotImplementedError

    def delete(self, layer: str, uid: str) -> None:
        raise NotImplementedError

    def update_stamped(self, layer: str, uid: str, values: Dict[str, Any], offset_s: float) -> None:
        """Update a site as a central whose clock is wrong by ``offset_s`` seconds would: updated_at
        stamped that far from now, the version raised as usual."""
        raise NotImplementedError

    def rows(self, layer: str) -> List[Dict[str, Any]]:
        raise NotImplementedError

    def row(self, layer: str, uid: str) -> Optional[Dict[str, Any]]:
        found = [r for r in self.rows(layer) if r["uid"] == uid]
        assert len(found) <= 1, f"{len(found)} central rows with uid {uid}"
        return found[0] if found else None

    def count(self, layer: str, uid: Optional[str] = None) -> int:
        return len([r for r in self.rows(layer) if uid is None or r["uid"] == uid])


def _fields(layer: str) -> List[str]:
    return [f.name for f in layer_schema(layer).fields if f.name != "updated_at"]


class PostgresCentral(CentralDb):
    kind = "postgres"

    def __init__(self, conninfo: str):
        import psycopg2

        self.conn = psycopg2.connect(conninfo)
        self.conn.autocommit = True

    def generate_points(
        self,
        n: int,
        updated_at: str = "now() - interval '3 days' + i * interval '1 second'",
        desa_codes: Optional[Iterable[str]] = None,
    ) -> None:
        """Replace all central service points by ``n`` generated ones (benchmarks, paging tests).

        ``updated_at`` is an SQL expression of the row number ``i`` (1..n): past changes, so
        an incremental pull's overlap holds only what a test changes next. The touch trigger,
        which would stamp "now", is off while they go in.
        """
        from paser_smartcity_plugin.core.gazetteer import default_gazetteer

        codes = list(desa_codes) if desa_codes is not None else [d.code for d in default_gazetteer().desa]
        with self.conn.cursor() as cur:
            cur.execute("TRUNCATE service_points RESTART IDENTITY")
            cur.execute("ALTER TABLE service_points DISABLE TRIGGER service_points_touch")
            try:
                expression = updated_at.replace("%", "%%")  # psycopg2 placeholders below
                cur.execute(
                    f"""
                    INSERT INTO service_points (uid, name, category, desa_code, status, coord_status, coord_source,
                                                program_year, notes, updated_at, geom)
                    SELECT md5('generated' || i)::uuid::text, 'Titik ' || i,
                           (ARRAY['opd','desa','puskesmas','kantor_kecamatan','uptd','sekolah'])[1 + i %% 6],
                           (%s::text[])[1 + i %% %s], 'planned', 'approximate', 'gazetteer', 2022,
                           'generated row ' || i, {expression},
                           ST_Transform(ST_SetSRID(ST_MakePoint(115.7 + (i %% 1000) * 0.0012,
                                                                -2.3 + (i / 1000) %% 1000 * 0.0014), 4326),
                                        {CENTRAL_EPSG})
                    FROM generate_series(1, %s) AS i
                    """,
                    (codes, len(codes), n),
                )
            finally:
                cur.execute("ALTER TABLE service_points ENABLE TRIGGER service_points_touch")

    def insert(self, layer, rows):
        names = _fields(layer)
        sql = (
            f"INSERT INTO {layer} (geom, {', '.join(names)}) VALUES ("
            f"CASE WHEN %s::float8 IS NULL THEN NULL ELSE "
            f"ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), {CENTRAL_EPSG}) END, "
            + ", ".join(["%s"] * len(names))
            + ")"
        )
        with self.conn.cursor() as cur:
            batch = []
            for row in rows:
                point = row.get(GEOMETRY)
                lon, lat = point if point else (None, None)
                batch.append([lon, lon, lat] + [row.get(n) for n in names])
            cur.executemany(sql, batch)

    def update(self, layer, uid, values):
        values = dict(values)
        sets, params = [], []
        if GEOMETRY in values:
            point = values.pop(GEOMETRY)
            if point:
                sets.append(f"geom = ST_Transform(ST_SetSRID(ST_MakePoint(%s, %s), 4326), {CENTRAL_EPSG})")
                params += list(point)
            else:
                sets.append("geom = NULL")
        for k, v in values.items():
            sets.append(f"{k} = %s")
            params.append(v)
        with self.conn.cursor() as cur:
            cur.execute(f"UPDATE {layer} SET {', '.join(sets)} WHERE uid = %s", params + [uid])
            assert cur.rowcount == 1

    def delete(self, layer, uid):
        with self.conn.cursor() as cur:
            cur.execute(f"DELETE FROM {layer} WHERE uid = %s", (uid,))

    def update_stamped(self, layer, uid, values, offset_s):
        with self.conn.cursor() as cur:
            cur.execute("BEGIN")
            cur.execute(f"ALTER TABLE {layer} DISABLE TRIGGER {layer}_touch")
            sets = ", ".join(f"{k} = %s" for k in values)
            cur.execute(
                f"UPDATE {layer} SET {sets}, updated_at = clock_timestamp() + %s * interval '1 second', "
                "version = version + 1 WHERE uid = %s",
                list(values.values()) + [offset_s, uid],
            )
            cur.execute(f"ALTER TABLE {layer} ENABLE TRIGGER {layer}_touch")
            cur.execute("COMMIT")

    def rows(self, layer):
        names = [f.name for f in layer_schema(layer).fields] + ["deleted_at", "version"]
        with self.conn.cursor() as cur:
            cur.execute(
                f"SELECT ST_X(ST_Transform(geom, 4326)), ST_Y(ST_Transform(geom, 4326)), "
                f"{', '.join(names)} FROM {layer} ORDER BY fid"
            )
            out = []
            for rec in cur.fetchall():
                row = dict(zip(names, rec[2:]))
                row[GEOMETRY] = (rec[0], rec[1]) if rec[0] is not None else None
                out.append(row)
            return out

    def close(self):
        self.conn.close()


class GpkgCentral(CentralDb):
    kind = "gpkg"

    def __init__(self, path: str):
        from osgeo import osr

        self.path = path
        wgs84, utm = osr.SpatialReference(), osr.SpatialReference()
        wgs84.ImportFromEPSG(4326)
        utm.ImportFromEPSG(CENTRAL_EPSG)
        for srs in (wgs84, utm):
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self._to_utm = osr.CoordinateTransformation(wgs84, utm)
        self._to_wgs84 = osr.CoordinateTransformation(utm, wgs84)

    def _connect(self) -> sqlite3.Connection:
        return gpkg.connect(self.path)

    def _blob(self, point):
        if not point:
            return None
        x, y, _ = self._to_utm.TransformPoint(float(point[0]), float(point[1]))
        return gpkg.encode_point(x, y, srs_id=CENTRAL_EPSG)

    def insert(self, layer, rows):
        names = _fields(layer)
        sql = f'INSERT INTO "{layer}" (geom, {", ".join(names)}) VALUES (' + ", ".join(["?"] * (len(names) + 1)) + ")"
        conn = self._connect()
        try:
            with gpkg.transaction(conn):
                conn.executemany(sql, ([self._blob(r.get(GEOMETRY))] + [r.get(n) for n in names] for r in rows))
        finally:
            conn.close()

    def update(self, layer, uid, values):
        values = dict(values)
        if GEOMETRY in values:
            values["geom"] = self._blob(values.pop(GEOMETRY))
        conn = self._connect()
        try:
            cur = conn.execute(
                f'UPDATE "{layer}" SET '
                + ", ".join(f'"{k}" = ?' for k in values)
                + " WHERE uid = ? AND deleted_at IS NULL",
                list(values.values()) + [uid],
            )
            assert cur.rowcount == 1
        finally:
            conn.close()

    def delete(self, layer, uid):
        conn = self._connect()
        try:
            conn.execute(f'DELETE FROM "{layer}" WHERE uid = ? AND deleted_at IS NULL', (uid,))
        finally:
            conn.close()

    def update_stamped(self, layer, uid, values, offset_s):
        from .embedded import install_triggers

        conn = self._connect()
        try:
            with gpkg.transaction(conn):
                for name in ("touch_update", "version_check"):
                    conn.execute(f'DROP TRIGGER "{layer}_{name}"')
                sets = ", ".join(f'"{k}" = ?' for k in values)
                conn.execute(
                    f"UPDATE \"{layer}\" SET {sets}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?), "
                    "version = version + 1 WHERE uid = ? AND deleted_at IS NULL",
                    list(values.values()) + [f"{offset_s:+.3f} seconds", uid],
                )
                install_triggers(conn)
        finally:
            conn.close()

    def rows(self, layer):
        names = [f.name for f in layer_schema(layer).fields] + ["deleted_at", "version"]
        conn = self._connect()
        try:
            out = []
            for rec in conn.execute(f'SELECT geom, {", ".join(names)} FROM "{layer}" ORDER BY fid'):
                row = dict(zip(names, rec[1:]))
                point = gpkg.decode_point(rec[0])
                if point:
                    lon, lat, _ = self._to_wgs84.TransformPoint(*point)
                    point = (lon, lat)
                row[GEOMETRY] = point
                out.append(row)
            return out
        finally:
            conn.close()

    def close(self):
        pass
