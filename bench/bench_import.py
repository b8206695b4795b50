"""Spreadsheet import (`import_sites`): rows per second and peak memory, normal and hostile files.

Goals (issue 13): 50 000 rows in < 30 s, time linear in the rows, < 500 MB peak for any input
file, hostile ones included. The CPU seconds are printed beside the wall time: on a machine
shared with other work they are the figure to compare. Every case runs in a child process of its own, so the peak RSS
printed (os.wait4's ru_maxrss) is that import's alone: the child's Python and imports count in
it (the "idle" line is the floor). A case that runs longer than PASER_BENCH_TIMEOUT seconds
(default 300) is stopped and printed as such. Prints figures, never fails on time.
Run through `make bench` or `python bench/bench_import.py [case ...]`.
"""

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))

from spreadsheets import Sheet, site_rows, write_xlsx  # noqa: E402

HEADER = ("Nama", "Kategori", "Lintang", "Bujur")
TIMEOUT = float(os.environ.get("PASER_BENCH_TIMEOUT", "300"))


def write_csv(path: str, count: int) -> None:
    """An Indonesian Excel CSV: ";" separated, decimal commas."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(";".join(HEADER) + "\r\n")
        for name, category, lat, lon in site_rows(count):
            f.write(f"{name};{category};{str(lat).replace('.', ',')};{str(lon).replace('.', ',')}\r\n")


CASES = [
    ("csv 2 000 rows", "sites_2000.csv", lambda p: write_csv(p, 2000), 2000),
    ("csv 8 000 rows", "sites_8000.csv", lambda p: write_csv(p, 8000), 8000),
    ("csv 50 000 rows", "sites_50000.csv", lambda p: write_csv(p, 50000), 50000),
    (
        "xlsx 20 000 rows",
        "normal.xlsx",
        lambda p: write_xlsx(p, [Sheet("Titik", [HEADER, *site_rows(20000)])]),
        20000,
    ),
    (
        "hostile xlsx: 20 000 rows declaring A1:XFD20000",
        "dimension.xlsx",
        lambda p: write_xlsx(p, [Sheet("Titik", [HEADER, *site_rows(20000)], dimension="A1:XFD20000")]),
        20000,
    ),
    (
        "hostile xlsx: 2 000 rows of 16 384 cells (zip bomb)",
        "bomb.xlsx",
        lambda p: write_xlsx(p, [Sheet("Titik", [HEADER, *site_rows(2000)], empty_cells=16380)], compresslevel=9),
        2000,
    ),
]


def child(workspace_path: str, path: str) -> None:
    """Import ``path`` into the workspace (FORCE, so every row is written); print what happened as JSON."""
    from paser_smartcity_plugin.core.register import Registrar
    from paser_smartcity_plugin.core.site_import import SiteImporter, read_table
    from paser_smartcity_plugin.core.workspace import Workspace

    importer = SiteImporter(Registrar(Workspace(workspace_path)), force=True)
    t0, cpu0 = time.perf_counter(), time.process_time()
    try:
        with read_table(path) as table:
            result = importer.run(table)
        out = {"inserted": result.count("inserted"), "rejected": result.count("rejected")}
    except Exception as exc:  # noqa: BLE001 - a refusal is a figure too
        out = {"error": f"{type(exc).__name__}: {exc}"[:200]}
    out["seconds"], out["cpu"] = time.perf_counter() - t0, time.process_time() - cpu0
    print(json.dumps(out), flush=True)


def run_child(args):
    """(JSON printed by the child or None, peak RSS in MB, stopped by the timeout)."""
    proc = subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), "--child", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + TIMEOUT
    stopped = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline and not stopped:
            os.killpg(proc.pid, signal.SIGKILL)
            stopped = True
        time.sleep(0.05)
    output = proc.stdout.read().decode().strip().splitlines()
    proc.stdout.close()
    data = json.loads(output[-1]) if output and not stopped else None
    return data, usage.ru_maxrss / 1024, stopped


def main(only) -> None:
    from paser_smartcity_plugin.core.demo import demo_rows
    from paser_smartcity_plugin.core.workspace import create_workspace

    tmp = tempfile.mkdtemp(prefix="paser-bench-import-")
    try:
        template = os.path.join(tmp, "template.gpkg")
        create_workspace(template, demo_rows())
        _, idle, _ = run_child(["--idle"])
        print(f"idle child (Python + core imports): peak {idle:.0f} MB", flush=True)
        for label, name, make, rows in CASES:
            if only and not any(o in label for o in only):
                continue
            path = os.path.join(tmp, name)
            make(path)
            workspace = os.path.join(tmp, "workspace.gpkg")
            shutil.copyfile(template, workspace)
            size = os.path.getsize(path) / 1e6
            data, peak, stopped = run_child([workspace, path])
            if stopped:
                print(f"{label} ({size:.1f} MB file): stopped after {TIMEOUT:.0f} s, peak {peak:.0f} MB", flush=True)
            elif data is None or "error" in (data or {}):
                why = data["error"] if data else "no output"
                t = f"{data['seconds']:.2f} s, " if data else ""
                print(f"{label} ({size:.1f} MB file): refused ({why}) after {t}peak {peak:.0f} MB", flush=True)
            else:
                print(
                    f"{label} ({size:.1f} MB file): {data['seconds']:.2f} s ({data['cpu']:.2f} s CPU), "
                    f"{rows / data['seconds']:,.0f} rows/s ({rows / data['cpu']:,.0f} per CPU second), "
                    f"peak {peak:.0f} MB ({data['inserted']} inserted, {data['rejected']} rejected)",
                    flush=True,
                )
            os.remove(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        if sys.argv[2:3] == ["--idle"]:
            import paser_smartcity_plugin.core.site_import  # noqa: F401 - the floor of every case
        else:
            child(*sys.argv[2:4])
    else:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        # Arguments pick cases by label; "import" is this benchmark's name when run_all.py passes it.
        main([arg for arg in sys.argv[1:] if arg != "import"])
