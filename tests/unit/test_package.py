"""`make package` output: what the zip holds, and that it installs and runs in a fresh profile."""

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("package_check", ROOT / "scripts" / "package_check.py")
package_check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(package_check)


def test_contents_check_rejects_a_sloppy_zip(tmp_path):
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name in (
            "metadata.txt",
            "__init__.py",
            "plugin.py",
            "icons/icon.svg",
            "tests/test_x.py",
            "i18n/paser_smartcity_id.ts",
            "core/__pycache__/x.cpython-311.pyc",
            "core/data/workspace.gpkg",
        ):
            archive.writestr(f"paser_smartcity_plugin/{name}", "x")
        archive.writestr("stray.txt", "x")
    problems = "\n".join(package_check.check_contents(path))
    for expected in (
        "files outside",
        "missing LICENSE",
        "missing resources_rc.py",
        "paser_smartcity_id.qm",
        "no help pages",
        "tests/test_x.py",
        "i18n/paser_smartcity_id.ts",
        "x.cpython-311.pyc",
        "missing core/data/boundaries.gpkg",
        "does not belong in the package: core/data/workspace.gpkg",
    ):
        assert expected in problems


def test_algorithm_count_reads_the_provider():
    assert package_check.algorithm_count() >= 1


@pytest.mark.slow
def test_package_installs_into_a_fresh_profile_and_runs(tmp_path):
    zip_path = tmp_path / "dist" / "paser_smartcity_plugin.zip"
    build = subprocess.run(
        ["make", "-s", "package", f"BUILD={tmp_path}/build/paser_smartcity_plugin", f"ZIP={zip_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "package_check.py"), str(zip_path)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problem(s)" in result.stdout
