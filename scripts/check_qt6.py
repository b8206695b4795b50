"""Fail on code that will not run under Qt6 / QGIS 4.

Checks the plugin for direct PyQt5/PyQt6 imports (use qgis.PyQt) and for Qt5-only
spellings (exec_(), unscoped enums such as Qt.AlignLeft) listed below.
"""

import re
import sys
from pathlib import Path

RULES = [
    (re.compile(r"^\s*(from|import)\s+PyQt[56]\b"), "import from qgis.PyQt, not PyQt5/PyQt6"),
    (re.compile(r"\.exec_\("), "exec_() is gone in Qt6: use exec()"),
    (re.compile(r"\bQt\.(Align(Left|Right|Center|Top|Bottom|HCenter|VCenter)|Checked|Unchecked|"
                r"UserRole|DisplayRole|EditRole|ItemIsEnabled|ItemIsSelectable|Horizontal|Vertical)\b"),
     "unscoped Qt enum: use the scoped form, e.g. Qt.AlignmentFlag.AlignLeft"),
    (re.compile(r"\bQVariant\.(Int|String|Double|Bool|DateTime|LongLong)\b"), "QVariant types change in Qt6"),
]


def check(root: Path) -> int:
    problems = 0
    for path in sorted(root.rglob("*.py")):
        if path.name == "resources_rc.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern, message in RULES:
                if pattern.search(line):
                    print(f"{path}:{number}: {message}: {line.strip()}")
                    problems += 1
    return problems


if __name__ == "__main__":
    count = sum(check(Path(p)) for p in (sys.argv[1:] or ["paser_smartcity_plugin"]))
    print(f"qt6 check: {count} problem(s)")
    sys.exit(1 if count else 0)
