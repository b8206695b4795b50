"""The workspace schema: the two layers, their fields and what each field means.

This is the single description of the data. The GeoPackage DDL, the QGIS layer forms,
the styles, the sync and the Telkom mapping are all derived from it, so a field is
added or renamed here and nowhere else. So are the rules a value must keep (required,
code list, range, width: core/rules.py), which the row validation, the GeoPackage's
triggers and the QGIS form constraints are all made from.
"""

import re
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from .codelists import CATEGORY, COORD_SOURCE, COORD_STATUS, SERVICE_STATUS, TOWER_STATUS, CodeList
from .messages import Text

CRS_AUTHID = "EPSG:4326"
SRS_ID = 4326
GEOMETRY_COLUMN = "geom"
FID_COLUMN = "fid"

SERVICE_POINTS = "service_points"
TOWER_PLANS = "tower_plans"
LAYER_NAMES = (SERVICE_POINTS, TOWER_PLANS)

# Kemendagri desa/kelurahan code: province.regency.kecamatan.desa, e.g. 64.01.06.2012
DESA_CODE_RE = re.compile(r"^64\.01\.\d{2}\.\d{4}$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

TEXT, INTEGER, REAL, DATETIME = "TEXT", "INTEGER", "REAL", "DATETIME"

# Ranges beyond which a value is a typo, not a measurement:
# - accuracy: a position known only to tens of kilometres says nothing about where in the
#   regency (about 150 by 190 km, gazetteer.REGENCY_EXTENT) a site is; 50 km still takes
#   the centre of the largest desa as the position, a GPS fix is metres.
# - height: Telkomsel's towers here are 72 m; telecom towers and masts in Indonesia stand
#   up to about 150 m. 300 m leaves room for any mast and still catches a slipped digit (720).
# - programme year: the programme began in 2022; any year of this century is plausible,
#   202 or 20222 is not.
MAX_ACCURACY_M = 50_000.0
MAX_HEIGHT_M = 300.0
PROGRAM_YEARS = (2000, 2100)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    en: str  # label shown in English forms
    id: str  # label shown in Indonesian forms
    description: str = ""
    width: Optional[int] = None
    codelist: Optional[CodeList] = None
    required: bool = False
    # The range a number must lie in (inclusive; None: unbounded on that side).
    minimum: Optional[float] = None
    maximum: Optional[float] = None

    def label(self, language: str = "en") -> str:
        return self.id if language.startswith("id") else self.en

    @property
    def text(self) -> Text:
        """The label in both languages, for messages rendered in the reader's (core/messages.py)."""
        return Text(self.en, self.id)

    @property
    def sql_type(self) -> str:
        if self.type == TEXT and self.width:
            return f"TEXT({self.width})"
        return self.type


@dataclass(frozen=True)
class LayerSchema:
    name: str
    title_en: str
    title_id: str
    fields: Tuple[Field, ...]
    geometry_optional: bool

    @property
    def field_names(self) -> Tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    def title(self, language: str = "en") -> str:
        return self.title_id if language.startswith("id") else self.title_en

    @property
    def title_text(self) -> Text:
        return Text(self.title_en, self.title_id)

    @property
    def status_codes(self) -> CodeList:
        return self.field("status").codelist  # type: ignore[return-value]


def _common_head(status: CodeList) -> Tuple[Field, ...]:
    return (
        Field("uid", TEXT, "UID", "UID", "Site key: a UUID made by the client; matches a site everywhere", 36),
        Field("name", TEXT, "Name", "Nama", "Site name", 254, required=True),
        Field(
            "desa_code",
            TEXT,
            "Desa code",
            "Kode desa",
            "Kemendagri desa/kelurahan code 64.01.xx.xxxx",
            13,
            required=True,
        ),
        Field("desa_name", TEXT, "Desa", "Desa", "Desa/kelurahan name", 100),
        Field("kecamatan", TEXT, "Kecamatan", "Kecamatan", "Kecamatan name", 100),
        Field("status", TEXT, "Status", "Status", "Programme status", 32, status, required=True),
    )


_COMMON_TAIL = (
    Field(
        "coord_status",
        TEXT,
        "Coordinate status",
        "Status koordinat",
        "How good the coordinates are",
        16,
        COORD_STATUS,
        required=True,
    ),
    Field(
        "coord_source",
        TEXT,
        "Coordinate source",
        "Sumber koordinat",
        "Where the coordinates come from",
        16,
        COORD_SOURCE,
    ),
    Field(
        "accuracy_m",
        REAL,
        "Accuracy (m)",
        "Akurasi (m)",
        "Horizontal accuracy in metres",
        minimum=0,
        maximum=MAX_ACCURACY_M,
    ),
    Field("surveyed_by", TEXT, "Surveyed by", "Disurvei oleh", "Who took the coordinates", 100),
    Field("surveyed_at", DATETIME, "Surveyed at", "Waktu survei", "When the coordinates were taken (UTC)"),
    Field("telkom_site_id", TEXT, "Telkom site ID", "ID situs Telkom", "Telkom's own site identifier", 50),
    Field(
        "program_year",
        INTEGER,
        "Programme year",
        "Tahun program",
        "Year of the smart-city programme",
        minimum=PROGRAM_YEARS[0],
        maximum=PROGRAM_YEARS[1],
    ),
    Field("notes", TEXT, "Notes", "Catatan", "Free text"),
    Field("updated_at", DATETIME, "Updated at", "Diperbarui", "Last change, ISO 8601 UTC"),
    # Last, so that a workspace upgraded by ALTER TABLE ADD COLUMN has the columns of a new one.
    Field(
        "photo",
        TEXT,
        "Photo",
        "Foto",
        "Path of the site's photo, relative to the workspace or field project (e.g. DCIM/…jpg)",
        254,
    ),
)

SERVICE_POINTS_SCHEMA = LayerSchema(
    SERVICE_POINTS,
    "Internet service points",
    "Titik layanan internet",
    _common_head(SERVICE_STATUS)[:2]
    + (Field("category", TEXT, "Category", "Kategori", "Kind of site", 32, CATEGORY, required=True),)
    + _common_head(SERVICE_STATUS)[2:]
    + _COMMON_TAIL,
    geometry_optional=False,
)

TOWER_PLANS_SCHEMA = LayerSchema(
    TOWER_PLANS,
    "Tower plans",
    "Rencana menara",
    _common_head(TOWER_STATUS)
    + (
        Field("height_m", REAL, "Height (m)", "Tinggi (m)", "Tower height in metres", minimum=0, maximum=MAX_HEIGHT_M),
        Field("operator", TEXT, "Operator", "Operator", "Cellular operator", 50),
    )
    + _COMMON_TAIL,
    geometry_optional=True,
)

LAYERS: Dict[str, LayerSchema] = {s.name: s for s in (SERVICE_POINTS_SCHEMA, TOWER_PLANS_SCHEMA)}


def layer_schema(name: str) -> LayerSchema:
    try:
        return LAYERS[name]
    except KeyError:
        raise KeyError(f"unknown layer {name!r}; expected one of {', '.join(LAYER_NAMES)}") from None
