"""Upgrade a central database made by an earlier release to this one: in place, backup first.

    python3 central/upgrade.py --postgres "service=paser_central" --backup central-before-upgrade.dump
    python3 central/upgrade.py --gpkg central.gpkg

PostgreSQL: ``pg_dump -Fc`` writes the backup (restore with ``pg_restore``), then
central/upgrade.sql runs in ONE transaction (``psql -1``): a failure leaves the central as it
was. The embedded GeoPackage central: SQLite's online backup beside the file, then the new
columns and the re-made triggers in one transaction. Both are idempotent.
"""

import argparse
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from central.embedded import INTEGER64, central_columns, install_triggers  # noqa: E402
from paser_smartcity_plugin.core import gpkg  # noqa: E402
from paser_smartcity_plugin.core.schema import DATETIME, INTEGER, LAYERS, REAL  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
UPGRADE_SQL = os.path.join(HERE, "upgrade.sql")
_SQLITE_TYPES = {INTEGER: "MEDIUMINT", REAL: "REAL", DATETIME: "DATETIME", INTEGER64: "INTEGER DEFAULT 1"}


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def upgrade_postgres(conninfo: str, backup: str) -> str:
    """pg_dump to ``backup``, then central/upgrade.sql in one transaction; returns the backup path."""
    if os.path.exists(backup):
        raise FileExistsError(f"{backup} exists: choose another backup file name")
    subprocess.run(["pg_dump", "-Fc", "-d", conninfo, "-f", backup], check=True)
    subprocess.run(["psql", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-f", UPGRADE_SQL], check=True)
    return backup


def upgrade_embedded(path: str) -> str:
    """Back up the embedded central beside itself, then add this release's columns and re-make
    its triggers in one transaction; returns the backup path."""
    stem, ext = os.path.splitext(path)
    backup = f"{stem}.before-upgrade-{_stamp()}{ext}"
    source, copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True), sqlite3.connect(backup)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    conn = gpkg.connect(path)
    try:
        with gpkg.transaction(conn):
            for schema in LAYERS.values():
                present = {row[1] for row in conn.execute(f'PRAGMA table_info("{schema.name}")')}
                for name, ftype, width in central_columns(schema):
                    if name not in present:
                        sql_type = _SQLITE_TYPES.get(ftype, f"TEXT({width})" if width else "TEXT")
                        conn.execute(f'ALTER TABLE "{schema.name}" ADD COLUMN "{name}" {sql_type}')
            install_triggers(conn)
    finally:
        conn.close()
    return backup


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--postgres", help="libpq connection string or service=… of the central database")
    target.add_argument("--gpkg", help="path of an embedded GeoPackage central")
    parser.add_argument("--backup", help="PostgreSQL: where pg_dump writes the backup (default: beside, timestamped)")
    args = parser.parse_args(argv)
    if args.postgres:
        backup = upgrade_postgres(args.postgres, args.backup or f"central-before-upgrade-{_stamp()}.dump")
    else:
        backup = upgrade_embedded(args.gpkg)
    print(f"upgraded; backup: {backup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
