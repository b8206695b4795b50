"""Write the plugin manager's changelog= into a built metadata.txt, from CHANGELOG.md.

CHANGELOG.md is where changes are written (Keep a Changelog style: ``## [version]`` sections,
``### Added/Changed/Fixed`` groups, ``- `` bullets); the plugin manager shows metadata.txt's
``changelog=``. Each version becomes a line and each bullet's first sentence an entry below
it; ``[Unreleased]`` is shown as the version in metadata.txt.

    python3 scripts/metadata_changelog.py CHANGELOG.md build/paser_smartcity_plugin/metadata.txt
"""

import re
import sys
from typing import List, Tuple

VERSION = re.compile(r"^## \[([^\]]+)\]")
BULLET = re.compile(r"^- (.*)")
MAX_ENTRIES = 12  # per version: the plugin manager's pane is small


def versions(markdown: str, current: str) -> List[Tuple[str, List[str]]]:
    out: List[Tuple[str, List[str]]] = []
    entry = None
    for line in markdown.splitlines() + [""]:
        heading = VERSION.match(line)
        bullet = BULLET.match(line)
        continued = entry is not None and line.startswith("  ") and line.strip()
        if entry is not None and not continued:
            out[-1][1].append(_first_sentence(entry))
            entry = None
        if heading:
            name = heading.group(1)
            out.append((current if name.lower() == "unreleased" else name, []))
        elif bullet and out:
            entry = bullet.group(1)
        elif continued:
            entry += " " + line.strip()
    return out


def _first_sentence(text: str, limit: int = 140) -> str:
    """Up to the first full stop that ends a sentence (not "e.g."), at most ``limit`` characters."""
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = text.replace("e.g.", "e\u2024g\u2024").replace("i.e.", "i\u2024e\u2024")  # not sentence ends
    match = re.match(r"(.+?)(?:[.;]\s+(?=[A-Z(\"])|[.;]?$)", text)
    sentence = (match.group(1) if match else text).rstrip(".;").replace("\u2024", ".")
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def changelog_value(markdown: str, current: str) -> str:
    lines = []
    for version, entries in versions(markdown, current):
        lines.append(version)
        lines += [f"* {e}" for e in entries[:MAX_ENTRIES]]
        if len(entries) > MAX_ENTRIES:
            lines.append(f"* … ({len(entries) - MAX_ENTRIES} more in CHANGELOG.md)")
    return "\n    ".join(lines)


def main(changelog_path: str, metadata_path: str) -> None:
    with open(metadata_path, encoding="utf-8") as f:
        metadata = f.read()
    current = re.search(r"^version=(.+)$", metadata, re.M).group(1).strip()
    with open(changelog_path, encoding="utf-8") as f:
        value = changelog_value(f.read(), current)
    kept = [line for line in metadata.splitlines() if not line.startswith("changelog=")]
    with open(metadata_path, "w", encoding="utf-8") as f:
        f.write("\n".join(kept).rstrip("\n") + "\nchangelog=" + value + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
