"""central/servers.py finds PostgreSQL's programs for whichever major the system installed.

Debian 12 has PostgreSQL 15, Debian 13 has 17, sid 18: nothing may assume one of them."""

import os

from central import servers


def _major(root, major, postgis):
    bin_dir = root / major / "bin"
    bin_dir.mkdir(parents=True)
    initdb = bin_dir / "initdb"
    initdb.write_text("#!/bin/sh\n")
    initdb.chmod(0o755)
    if postgis:
        (root / major / "lib").mkdir()
        (root / major / "lib" / "postgis-3.so").write_bytes(b"")


def test_the_newest_major_with_postgis(tmp_path, monkeypatch):
    monkeypatch.delenv("PASER_PG_BIN", raising=False)
    monkeypatch.setattr(servers, "DEBIAN_PG_ROOT", str(tmp_path))
    _major(tmp_path, "9", True)  # numeric order: 17 is newer than 9
    _major(tmp_path, "17", True)
    _major(tmp_path, "18", False)  # no PostGIS for it: the central schema needs PostGIS
    assert servers.postgres_bin_dir() == str(tmp_path / "17" / "bin")


def test_pg_bin_variable_overrides(tmp_path, monkeypatch):
    monkeypatch.setattr(servers, "DEBIAN_PG_ROOT", str(tmp_path))
    _major(tmp_path, "17", True)
    monkeypatch.setenv("PASER_PG_BIN", "/opt/postgresql/bin")
    assert servers.postgres_bin_dir() == "/opt/postgresql/bin"


def test_this_machine_has_one():
    found = servers.postgres_bin_dir()
    for program in ("initdb", "pg_ctl"):
        assert os.access(os.path.join(found, program), os.X_OK), found
