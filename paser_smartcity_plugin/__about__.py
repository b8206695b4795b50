"""Plugin facts read from metadata.txt, the one place they are written.

metadata.txt lives at the repository root in the source tree and inside the package in the
built plugin; both places are looked at.
"""

import configparser
import os

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
PROVIDER_ID = "paser_smartcity"


def _metadata_path() -> str:
    for candidate in (
        os.path.join(PACKAGE_DIR, "metadata.txt"),
        os.path.join(os.path.dirname(PACKAGE_DIR), "metadata.txt"),
    ):
        if os.path.exists(candidate):
            return candidate
    raise FileNotFoundError("metadata.txt not found beside or above the plugin package")


def _read_metadata() -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep "qgisMinimumVersion", not "qgisminimumversion"
    parser.read(_metadata_path(), encoding="utf-8")
    return dict(parser["general"])


METADATA = _read_metadata()
__version__ = METADATA["version"]
