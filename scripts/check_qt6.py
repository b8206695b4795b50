"""Fail on code that will not run under Qt6 / QGIS 4.

`make lint` runs it over the built plugin folder (build/paser_smartcity_plugin): every Python
file that ships is checked, generated or not. It looks for direct PyQt5/PyQt6 imports (use
qgis.PyQt) and for Qt5-only spellings (exec_(), unscoped enums such as Qt.AlignLeft or
QMessageBox.Yes, QRegExp) listed below; also for print(), which no plugin code should use
(toolbelt.logger)."""

import re
import sys
from pathlib import Path

RULES = [
    (re.compile(r"^\s*(from|import)\s+PyQt[56]\b"), "import from qgis.PyQt, not PyQt5/PyQt6"),
    (re.compile(r"\.exec_\("), "exec_() is gone in Qt6: use exec()"),
    (
        re.compile(
            r"\bQt\.(Align(Left|Right|Center|Top|Bottom|HCenter|VCenter)|Checked|Unchecked|"
            r"UserRole|DisplayRole|EditRole|ItemIsEnabled|ItemIsSelectable|Horizontal|Vertical)\b"
        ),
        "unscoped Qt enum: use the scoped form, e.g. Qt.AlignmentFlag.AlignLeft",
    ),
    (re.compile(r"\bQVariant\.(Int|String|Double|Bool|DateTime|LongLong)\b"), "QVariant types change in Qt6"),
    # Any other member of a Qt class used without its enum's name: Qt6 (PyQt6) only has the
    # scoped form, e.g. QMessageBox.StandardButton.Yes, QHeaderView.ResizeMode.Stretch.
    # Qgs classes are left alone: QGIS 3.22's own enums have no scoped form in Python.
    (
        re.compile(
            r"\b(?:Qt|Q(?!gs)[A-Z][A-Za-z]+)\."
            r"([A-Z][A-Za-z0-9]*)\b(?!\s*[.(])"
        ),
        "unscoped Qt enum: write the enum's name too, e.g. QMessageBox.StandardButton.Yes",
    ),
    (re.compile(r"\bQRegExp\b"), "QRegExp is gone in Qt6: use QRegularExpression"),
    (re.compile(r"\bQDesktopWidget\b"), "QDesktopWidget is gone in Qt6: use QScreen"),
    (re.compile(r"\bfontMetrics\(\)\.width\("), "QFontMetrics.width() is gone in Qt6: use horizontalAdvance()"),
    (re.compile(r"\bprint\("), "no print(): use toolbelt.logger (the message log, the message bar)"),
]


def check(root: Path) -> int:
    problems = 0
    for path in sorted(root.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]  # comments may name the old spelling
            for pattern, message in RULES:
                if pattern.search(code):
                    print(f"{path}:{number}: {message}: {line.strip()}")
                    problems += 1
    return problems


if __name__ == "__main__":
    count = sum(check(Path(p)) for p in (sys.argv[1:] or ["paser_smartcity_plugin"]))
    print(f"qt6 check: {count} problem(s)")
    sys.exit(1 if count else 0)
