"""`make package-check`: the release zip installs into a fresh QGIS profile and works there.

    python scripts/package_check.py dist/paser_smartcity_plugin.zip

1. The zip holds exactly one folder, paser_smartcity_plugin/, with metadata.txt, the icons,
   the compiled resources and one .qm per .ts, help pages, and no tests, caches or sources
   of generated files.
2. Unzipped into the plugins folder of a brand-new profile (QGIS_CUSTOM_CONFIG_PATH),
   `qgis_process.bin plugins enable paser_smartcity_plugin` enables it and
   `qgis_process.bin list` shows every algorithm of the provider.
3. With the profile's locale set to Indonesian, the algorithms are listed in Indonesian.
4. `create_workspace` runs from the installed copy and makes a workspace.

Exit status 0 when all holds; the problems are printed otherwise.
"""

import ast
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "paser_smartcity_plugin"
PROVIDER = "paser_smartcity"
QGIS_PROCESS = os.environ.get("QGIS_PROCESS", "qgis_process.bin")  # /usr/bin/qgis_process fails on Debian
REQUIRED = [
    "metadata.txt",
    "LICENSE",
    "__init__.py",
    "plugin.py",
    "resources_rc.py",
    "icons/icon.svg",
    "core/data/boundaries.gpkg",  # the desa and kecamatan outlines: package data
    "core/data/NOTICE.md",
]
# The one GeoPackage that belongs in the plugin (no workspace, test or field package does).
PACKAGE_DATA = {"core/data/boundaries.gpkg"}
FORBIDDEN_PARTS = {"tests", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}
FORBIDDEN_SUFFIXES = (".pyc", ".ts", ".qrc", ".gpkg", ".gpkg-journal", ".orig", ".rej")


def algorithm_count() -> int:
    """How many algorithms processing/provider.py:algorithm_classes() returns (read, not imported)."""
    tree = ast.parse((ROOT / PLUGIN / "processing" / "provider.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "algorithm_classes":
            returns = [n for n in ast.walk(node) if isinstance(n, ast.Return)]
            if returns and isinstance(returns[-1].value, (ast.List, ast.Tuple)):
                return len(returns[-1].value.elts)
    raise RuntimeError("cannot read algorithm_classes() in processing/provider.py")


def check_contents(zip_path: Path) -> List[str]:
    problems: List[str] = []
    with zipfile.ZipFile(zip_path) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
    outside = [n for n in names if not n.startswith(PLUGIN + "/")]
    if outside:
        problems.append(f"files outside {PLUGIN}/: {outside[:5]}")
    inside = {n[len(PLUGIN) + 1 :] for n in names if n.startswith(PLUGIN + "/")}
    for required in REQUIRED:
        if required not in inside:
            problems.append(f"missing {required}")
    for ts in sorted((ROOT / PLUGIN / "i18n").glob("*.ts")):
        if f"i18n/{ts.stem}.qm" not in inside:
            problems.append(f"missing the compiled translation i18n/{ts.stem}.qm")
    if not any(n.startswith("help/") and n.endswith(".html") for n in inside):
        problems.append("no help pages (help/*.html)")
    for name in sorted(inside):
        parts = set(Path(name).parts)
        if parts & FORBIDDEN_PARTS or (name.endswith(FORBIDDEN_SUFFIXES) and name not in PACKAGE_DATA):
            problems.append(f"does not belong in the package: {name}")
    return problems


def qgis_process(profile_root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile_root), QT_QPA_PLATFORM="offscreen")
    # QGIS's embedded Python takes its home from the first python3 on PATH: a pyenv or venv
    # interpreter running this script sits first and would hand it the wrong standard library.
    for variable in ("PYTHONHOME", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(variable, None)
    system_first = ["/usr/bin", "/bin"]
    env["PATH"] = os.pathsep.join(
        system_first + [p for p in env.get("PATH", "").split(os.pathsep) if p and p not in system_first]
    )
    return subprocess.run([QGIS_PROCESS, *args], capture_output=True, text=True, env=env, timeout=300)


def provider_lines(output: str) -> List[str]:
    return [line.strip() for line in output.splitlines() if line.strip().startswith(PROVIDER + ":")]


def check_install(zip_path: Path) -> List[str]:
    problems: List[str] = []
    expected = algorithm_count()
    with tempfile.TemporaryDirectory(prefix="paser-package-check-") as tmp:
        root = Path(tmp)
        plugins = root / "profiles" / "default" / "python" / "plugins"
        plugins.mkdir(parents=True)
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(plugins)

        enabled = qgis_process(root, "plugins", "enable", PLUGIN)
        if enabled.returncode != 0 or f"* {PLUGIN}" not in enabled.stdout:
            return [f"`plugins enable {PLUGIN}` failed ({enabled.returncode}):\n{enabled.stdout}\n{enabled.stderr}"]

        listed = qgis_process(root, "list")
        lines = provider_lines(listed.stdout)
        if len(lines) != expected:
            problems.append(
                f"`list` shows {len(lines)} {PROVIDER} algorithm(s), the provider has {expected}:\n"
                + "\n".join(lines)
                + f"\n{listed.stderr[-2000:]}"
            )
        if not any(line.startswith(f"{PROVIDER}:create_workspace") and "Create workspace" in line for line in lines):
            problems.append("create_workspace is not listed with its English name")

        # The officer's QGIS in Indonesian: the installed .qm must be found and used.
        ini = root / "profiles" / "default" / "QGIS" / "QGIS3.ini"
        with open(ini, "a", encoding="utf-8") as stream:
            stream.write("\n[locale]\noverrideFlag=true\nuserLocale=id\n")
        listed_id = qgis_process(root, "list")
        if not any("Buat ruang kerja" in line for line in provider_lines(listed_id.stdout)):
            problems.append(
                "with locale id, create_workspace is not listed in Indonesian:\n"
                + "\n".join(provider_lines(listed_id.stdout))
            )

        workspace = root / "w.gpkg"
        ran = qgis_process(root, "run", f"{PROVIDER}:create_workspace", "--", f"OUTPUT={workspace}", "DEMO=true")
        if ran.returncode != 0 or not workspace.exists():
            problems.append(
                f"create_workspace did not run from the installed plugin ({ran.returncode}):\n"
                f"{ran.stdout[-2000:]}\n{ran.stderr[-2000:]}"
            )
    return problems


def main(argv: List[str]) -> int:
    zip_path = Path(argv[0] if argv else ROOT / "dist" / f"{PLUGIN}.zip")
    if not zip_path.exists():
        print(f"{zip_path} does not exist: run `make package` first")
        return 1
    problems = check_contents(zip_path)
    if not problems:
        problems = check_install(zip_path)
    for problem in problems:
        print(problem)
    print(f"package check of {zip_path}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
