"""scripts/check_qt6.py (part of `make lint`): the plugin is clean, and the check does bite."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_qt6.py"


def _run(path):
    return subprocess.run([sys.executable, str(SCRIPT), str(path)], capture_output=True, text=True)


def test_plugin_has_no_qt5_only_code_and_no_print():
    result = _run(ROOT / "paser_smartcity_plugin")
    assert result.returncode == 0, result.stdout


def test_check_flags_qt5_spellings(tmp_path):
    (tmp_path / "bad.py").write_text(
        "from PyQt5.QtCore import Qt\n"
        "box.exec_()\n"
        "a = QMessageBox.Yes\n"
        "b = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Fixed)\n"
        "c = QRegExp('x')\n"
        "print('debug')\n"
        "# a comment about Qt.AlignLeft is fine\n"
        "ok = (QMessageBox.StandardButton.Yes, QgsWkbTypes.PolygonGeometry, QFileDialog.getSaveFileName(None))\n",
        encoding="utf-8",
    )
    result = _run(tmp_path)
    assert result.returncode == 1
    flagged = sorted({int(line.split(":")[1]) for line in result.stdout.splitlines() if line.startswith(str(tmp_path))})
    assert flagged == [1, 2, 3, 4, 5, 6]


def test_generated_files_are_checked_too(tmp_path):
    # pyrcc5's resources_rc.py began `from PyQt5 import QtCore` and the check skipped it: what
    # ships is checked, whoever wrote it.
    (tmp_path / "resources_rc.py").write_text("from PyQt5 import QtCore\n", encoding="utf-8")
    result = _run(tmp_path)
    assert result.returncode == 1
    assert "resources_rc.py:1:" in result.stdout


def test_the_built_plugin_folder_is_clean(tmp_path):
    build = tmp_path / "paser_smartcity_plugin"
    made = subprocess.run(
        ["make", "-s", "build-plugin", f"BUILD={build}"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert (build / "icons" / "icon.svg").is_file()
    assert (build / "metadata.txt").is_file()
    result = _run(build)
    assert result.returncode == 0, result.stdout
