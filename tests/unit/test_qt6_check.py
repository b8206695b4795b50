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
