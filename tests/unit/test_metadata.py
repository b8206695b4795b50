"""metadata.txt: what the plugin manager shows, in both languages, and what is verified."""

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_about_and_description_in_indonesian():
    meta = _metadata()
    assert meta["description[id]"] != meta["description"]
    assert "titik layanan" in meta["description[id]"]
    assert meta["about[id]"] != meta["about"]
    assert "menara" in meta["about[id]"]


def test_qt6_support_is_declared_honestly():
    # QGIS 3.22 to 3.44, all with Qt 5.15, are tested: the plugin must not claim Qt6 / QGIS 4.
    meta = _metadata()
    assert meta["supportsQt6"] == "no"
    assert meta["qgisMaximumVersion"].startswith("3.")
