"""Code lists of the smart-city program, with English and Indonesian labels.

The codes are the stored values (the contract with the central server and Telkom);
the labels are what officers read. Everything that shows a code list — layer forms,
styles, dialogs, Processing enums — reads it from here.
"""

from dataclasses import dataclass
from typing import Dict, Iterator, Tuple


@dataclass(frozen=True)
class Code:
    code: str
    en: str
    id: str
    # used by the layer styles (disc behind a white glyph) and the dashboard; hex RGB, dark
    # enough for white on it to read
    color: str = "#808080"

    def label(self, language: str = "en") -> str:
        return self.id if language.startswith("id") else self.en


class CodeList:
    """An ordered, immutable list of codes."""

    def __init__(self, name: str, codes: Tuple[Code, ...]):
        self.name = name
        self._codes = codes
        self._by_code: Dict[str, Code] = {c.code: c for c in codes}

    def __iter__(self) -> Iterator[Code]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Code:
        return self._by_code[code]

    @property
    def codes(self) -> Tuple[str, ...]:
        return tuple(c.code for c in self._codes)

    def label(self, code: str, language: str = "en") -> str:
        return self._by_code[code].label(language)

    def labels(self, language: str = "en") -> Dict[str, str]:
        return {c.code: c.label(language) for c in self._codes}


COORD_STATUS = CodeList(
    "coord_status",
    (
        Code("pending", "Pending", "Belum ada"),
        Code("approximate", "Approximate", "Perkiraan"),
        Code("surveyed", "Surveyed", "Disurvei"),
        Code("verified", "Verified", "Terverifikasi"),
    ),
)

COORD_SOURCE = CodeList(
    "coord_source",
    (
        Code("gps_survey", "GPS survey", "Survei GPS"),
        Code("map", "Picked on map", "Dipilih di peta"),
        Code("telkom", "Telkom", "Telkom"),
        Code("gazetteer", "Gazetteer (desa centroid)", "Gazetir (titik tengah desa)"),
        Code("import", "Imported", "Impor"),
        Code("other", "Other", "Lainnya"),
    ),
)

CATEGORY = CodeList(
    "category",
    (
        Code("opd", "OPD office", "Kantor OPD", "#1f78b4"),
        Code("desa", "Village office", "Kantor desa", "#33a02c"),
        Code("puskesmas", "Puskesmas (health centre)", "Puskesmas", "#e31a1c"),
        Code("kantor_kecamatan", "Sub-district office", "Kantor kecamatan", "#6a3d9a"),
        Code("uptd", "UPTD (technical unit)", "UPTD", "#ff7f00"),
        Code("sekolah", "School", "Sekolah", "#b15928"),
    ),
)

SERVICE_STATUS = CodeList(
    "service_status",
    (
        Code("planned", "Planned", "Direncanakan", "#616161"),
        Code("survey", "Survey", "Survei", "#1565c0"),
        Code("installation", "Installation", "Pemasangan", "#c78c00"),
        Code("active", "Active", "Aktif", "#2e7d32"),
        Code("disrupted", "Disrupted", "Gangguan", "#d32f2f"),
        Code("inactive", "Inactive", "Tidak aktif", "#424242"),
    ),
)

TOWER_STATUS = CodeList(
    "tower_status",
    (
        Code("coordinates_pending", "Coordinates pending", "Koordinat belum ada", "#8a8a8a"),
        Code("coordinates_set", "Coordinates set", "Koordinat ditetapkan", "#1565c0"),
        Code("permit", "Permit", "Perizinan", "#c78c00"),
        Code("construction", "Construction", "Pembangunan", "#e65100"),
        Code("on_air", "On air", "Mengudara", "#2e7d32"),
        Code("cancelled", "Cancelled", "Dibatalkan", "#424242"),
    ),
)

ALL_CODELISTS = (COORD_STATUS, COORD_SOURCE, CATEGORY, SERVICE_STATUS, TOWER_STATUS)
