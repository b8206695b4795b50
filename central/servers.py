"""Throw-away servers on loopback: a PostgreSQL + PostGIS cluster and QGIS Server.

Used by the integration tests, the benchmark and `make central`. Every server gets a free
port of its own (several people run tests on one machine) and a temporary directory, and
is stopped by the process id it was started with — never by name.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from typing import Optional

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_SQL = os.path.join(HERE, "schema.sql")
DEBIAN_PG_ROOT = "/usr/lib/postgresql"


def postgres_bin_dir() -> str:
    """Where ``initdb`` and ``pg_ctl`` are: ``$PASER_PG_BIN`` if set; else Debian's newest
    ``/usr/lib/postgresql/<major>/bin`` that has PostGIS beside it (Debian 12 has 15, 13 has
    17, sid 18: the major is never assumed); else wherever ``initdb`` is on the PATH."""
    if os.environ.get("PASER_PG_BIN"):
        return os.environ["PASER_PG_BIN"]
    majors = [name for name in os.listdir(DEBIAN_PG_ROOT) if name.isdigit()] if os.path.isdir(DEBIAN_PG_ROOT) else []
    for major in sorted(majors, key=int, reverse=True):
        root = os.path.join(DEBIAN_PG_ROOT, major)
        if os.access(os.path.join(root, "bin", "initdb"), os.X_OK) and os.path.exists(
            os.path.join(root, "lib", "postgis-3.so")
        ):
            return os.path.join(root, "bin")
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    raise RuntimeError(f"no PostgreSQL with PostGIS in {DEBIAN_PG_ROOT} and no initdb on the PATH: run make bootstrap")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd):
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + cmd
    return cmd


class PostgresCluster:
    """``initdb`` + ``pg_ctl`` in a temporary directory, trust authentication on 127.0.0.1 only."""

    def __init__(self, dbname: str = "paser_central"):
        self.dbname = dbname
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="paser-pg-")
        self.data = os.path.join(self.dir, "data")
        self.user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
        self.started = False
        self.bin = postgres_bin_dir()

    @property
    def conninfo(self) -> str:
        return f"host=127.0.0.1 port={self.port} dbname={self.dbname} user={self.user}"

    def start(self) -> "PostgresCluster":
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [f"{self.bin}/initdb", "-D", self.data, "-A", "trust", "-U", self.user, "-E", "UTF8", "--no-sync"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off -c timezone=UTC"
        )
        subprocess.run(
            _as_postgres(
                [
                    f"{self.bin}/pg_ctl",
                    "-D",
                    self.data,
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "-l",
                    os.path.join(self.dir, "log"),
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.started = True
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, self.dbname],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return self

    def psql_file(self, path: str) -> None:
        subprocess.run(
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", self.conninfo, "-f", path],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def load_schema(self) -> "PostgresCluster":
        self.psql_file(SCHEMA_SQL)
        return self

    def stop(self) -> None:
        if self.started:
            subprocess.run(
                _as_postgres([f"{self.bin}/pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop"]),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            self.started = False
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class QgisServer:
    """``qgis_mapserver`` serving one project; OGC API – Features at ``<url>/wfs3``."""

    def __init__(self, project: str, port: Optional[int] = None):
        self.project = project
        self.port = port or free_port()
        self.home = tempfile.mkdtemp(prefix="paser-qgis-server-")
        self.process: Optional[subprocess.Popen] = None
        self.log_path = os.path.join(self.home, "server.log")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/wfs3"

    def start(self, timeout: float = 60.0) -> "QgisServer":
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            HOME=self.home,
            TZ="UTC",
            XDG_RUNTIME_DIR=self.home,
            QGIS_SERVER_LOG_LEVEL=os.environ.get("QGIS_SERVER_LOG_LEVEL", "2"),
        )
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            ["qgis_mapserver", "-p", self.project, f"127.0.0.1:{self.port}"],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"qgis_mapserver exited: {open(self.log_path).read()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/conformance.json", timeout=5) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("qgis_mapserver did not answer in time")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.process = None
        if getattr(self, "_log", None):
            self._log.close()
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
