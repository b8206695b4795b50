"""The demo workspace: the 2022 programme as the regency knows it today.

Four 72 m Telkomsel towers (two with coordinates at their desa centroid, two still pending)
and a starter set of service points: the kantor desa/kelurahan of every desa and the ten
kantor kecamatan, at gazetteer centroids. Keys are derived from the desa codes (UUID 5), so
every officer's demo workspace names the same site with the same uid and a later sync
never duplicates them.
"""

import uuid
from typing import Dict, List, Optional

from .gazetteer import Gazetteer, default_gazetteer, haversine_m
from .rows import GEOMETRY, Row
from .schema import SERVICE_POINTS, TOWER_PLANS

# A fixed namespace for the demo keys (itself a UUID 5 of the plugin's name).
DEMO_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "paser-smartcity.demo")

PROGRAM_YEAR = 2022
TOWER_HEIGHT_M = 72.0
TOWER_OPERATOR = "Telkomsel"
# (desa code, coordinates known) of the four tower villages of the 2022 programme.
TOWER_DESA = (
    ("64.01.06.2012", True),  # Belimbing, Long Ikis
    ("64.01.07.2009", True),  # Muara Payang, Muara Komam
    ("64.01.08.2008", False),  # Muara Toyu, Long Kali
    ("64.01.02.2004", False),  # Keladen, Tanjung Harapan
)


def demo_uid(kind: str, code: str) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{code}"))


def _tower(gaz: Gazetteer, code: str, located: bool) -> Row:
    desa = gaz.desa_by_code(code)
    assert desa is not None, code
    row: Row = {
        "uid": demo_uid("tower", code),
        "name": f"Menara {desa.name}",
        "desa_code": code,
        "height_m": TOWER_HEIGHT_M,
        "operator": TOWER_OPERATOR,
        "program_year": PROGRAM_YEAR,
    }
    if located:
        row.update(status="coordinates_set", coord_status="approximate", coord_source="gazetteer")
        row[GEOMETRY] = (desa.lon, desa.lat)
    else:
        row.update(status="coordinates_pending", coord_status="pending")
        row[GEOMETRY] = None
    return row


def demo_rows(gaz: Optional[Gazetteer] = None) -> Dict[str, List[Row]]:
    """The demo programme, per layer: what ``create_workspace(path, demo_rows())`` seeds."""
    gaz = gaz or default_gazetteer()
    towers = [_tower(gaz, code, located) for code, located in TOWER_DESA]
    common = {
        "status": "planned",
        "coord_status": "approximate",
        "coord_source": "gazetteer",
        "program_year": PROGRAM_YEAR,
    }
    points: List[Row] = []
    for desa in gaz.desa:
        office = "Kantor Kelurahan" if desa.kind == "kelurahan" else "Kantor Desa"
        points.append(
            dict(
                common,
                uid=demo_uid("kantor_desa", desa.code),
                name=f"{office} {desa.name}",
                category="desa",
                desa_code=desa.code,
                **{GEOMETRY: (desa.lon, desa.lat)},
            )
        )
    for kec in gaz.kecamatan:
        # The office stands at the kecamatan centroid; its desa is the kecamatan's desa
        # with the nearest centroid (approximate, like the position itself).
        desa = min(gaz.desa_in_kecamatan(kec.code), key=lambda d: haversine_m(kec.lon, kec.lat, d.lon, d.lat))
        points.append(
            dict(
                common,
                uid=demo_uid("kantor_kecamatan", kec.code),
                name=f"Kantor Kecamatan {kec.name}",
                category="kantor_kecamatan",
                desa_code=desa.code,
                **{GEOMETRY: (kec.lon, kec.lat)},
            )
        )
    return {TOWER_PLANS: towers, SERVICE_POINTS: points}
