"""The plugin manager's changelog is made from CHANGELOG.md when the plugin is built."""

import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from metadata_changelog import changelog_value  # noqa: E402

SAMPLE = """# Changelog

## [Unreleased]

### Added
- Field packages for QField: one per surveyor (e.g. `DCIM/` photos). More words here.
- A second entry that goes on
  over two lines; and more.

## [0.1.0] — 2026-11-27

### Fixed
- Something old.
"""


def test_versions_and_first_sentences():
    value = changelog_value(SAMPLE, "0.2.0")
    assert value.split("\n    ") == [
        "0.2.0",
        "* Field packages for QField: one per surveyor (e.g. DCIM/ photos)",
        "* A second entry that goes on over two lines; and more",
        "0.1.0",
        "* Something old",
    ]


def test_built_metadata_has_the_changelog_and_stays_readable(tmp_path):
    metadata = tmp_path / "metadata.txt"
    metadata.write_text((ROOT / "metadata.txt").read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "metadata_changelog.py"), str(ROOT / "CHANGELOG.md"), str(metadata)],
        check=True,
    )
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata, encoding="utf-8")
    general = parser["general"]
    assert general["changelog"].splitlines()[0] == general["version"]
    assert "0.1.0" in general["changelog"].splitlines()
    assert general["name"] == "Paser Smart City"  # nothing else was disturbed
