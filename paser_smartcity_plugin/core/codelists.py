"""Code lists of the smart-city program, with English and Indonesian labels.

The codes are the stored values (the contract with the central server and Telkom);
the labels are what officers read. Everything that shows a code list — layer forms,
styles, dialogs, Processing enums — reads it from here.

Status colours come from the Okabe–Ito palette, designed to stay distinct for colour-blind
readers (M. Okabe and K. Ito, "Color Universal Design (CUD): how to make figures and
presentations that are friendly to colorblind people", 2002/2008, https://jfly.uni-koeln.de/color/),
one colour per stage of the work, the same in both layers: blue planned, sky blue in
procedure, orange being built, bluish green working, vermillion disrupted, yellow waiting
for coordinates, black ended. Eight colours cannot all stay far apart under every colour
blindness, so the marker shape tells the stages apart too: square while in preparation,
circle once working (or ended), diamond when something needs attention. The layer style,
the legend and the dashboard read both from here; tests/qgis/test_layer_symbols.py
measures every pair (CIEDE2000, with simulated protanopia, deuteranopia and tritanopia).
"""

from dataclasses import dataclass
from typing import Dict, Iterator, Tuple

# The Okabe–Ito colours (hex sRGB), by their published names.
BLACK, ORANGE, SKY_BLUE, BLUISH_GREEN = "#000000", "#E69F00", "#56B4E9", "#009E73"
YELLOW, BLUE, VERMILLION, REDDISH_PURPLE = "#F0E442", "#0072B2", "#D55E00", "#CC79A7"
# Marker shapes of the layer style (layers/workspace_layers.py maps them to QGIS's).
CIRCLE, SQUARE, DIAMOND = "circle", "square", "diamond"
DARK_GLYPH, LIGHT_GLYPH = "#1a1a1a", "#ffffff"


def _luminance(color: str) -> float:
    """Relative luminance of a hex sRGB colour (WCAG 2.x)."""
    channels = [int(color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two hex colours, 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class Code:
    code: str
    en: str
    id: str
    # used by the layer styles (a marker in this colour carrying the category glyph) and the
    # dashboard; hex RGB
    color: str = "#808080"
    shape: str = CIRCLE  # of the marker: CIRCLE, SQUARE or DIAMOND

    def label(self, language: str = "en") -> str:
        return self.id if language.startswith("id") else self.en

    @property
    def glyph_color(self) -> str:
        """White or near-black, whichever contrasts more with the marker's colour."""
        return LIGHT_GLYPH if contrast(self.color, LIGHT_GLYPH) >= contrast(self.color, DARK_GLYPH) else DARK_GLYPH


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
        Code("planned", "Planned", "Direncanakan", BLUE, SQUARE),
        Code("survey", "Survey", "Survei", SKY_BLUE, SQUARE),
        Code("installation", "Installation", "Pemasangan", ORANGE, SQUARE),
        Code("active", "Active", "Aktif", BLUISH_GREEN, CIRCLE),
        Code("disrupted", "Disrupted", "Gangguan", VERMILLION, DIAMOND),
        Code("inactive", "Inactive", "Tidak aktif", BLACK, CIRCLE),
    ),
)

TOWER_STATUS = CodeList(
    "tower_status",
    (
        Code("coordinates_pending", "Coordinates pending", "Koordinat belum ada", YELLOW, DIAMOND),
        Code("coordinates_set", "Coordinates set", "Koordinat ditetapkan", BLUE, SQUARE),
        Code("permit", "Permit", "Perizinan", SKY_BLUE, SQUARE),
        Code("construction", "Construction", "Pembangunan", ORANGE, SQUARE),
        Code("on_air", "On air", "Mengudara", BLUISH_GREEN, CIRCLE),
        Code("cancelled", "Cancelled", "Dibatalkan", BLACK, CIRCLE),
    ),
)
