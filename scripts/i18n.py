"""Extract the plugin's translatable strings into the Qt .ts file, and check it is complete.

    python scripts/i18n.py update        # `make i18n`: add new strings, mark vanished ones obsolete
    python scripts/i18n.py update --drop-obsolete   # ... and forget the obsolete ones
    python scripts/i18n.py check         # `make i18n-check`: fail on missing/unfinished/broken entries
    python scripts/i18n.py todo F.json   # write the unfinished source strings as {source: ""}
    python scripts/i18n.py fill F.json   # take translations from {source: translation} (non-empty only)

Why not Qt's pylupdate5: it only knows ``self.tr()`` in QObject subclasses with the class
name as context, while the plugin translates everything in one context ("PaserSmartCity",
toolbelt/i18n.py) through a module-level ``tr()``, and Processing texts come from class
attributes (``DISPLAY_NAME``, ``GROUP``, ``HELP``) that the base class passes to ``tr()``
at run time. This extractor reads the Python source with ``ast`` and knows those rules:

- ``tr("...")``, ``self.tr("...")``, ``tr_noop("...")``, ``N_("...")`` (core's message
  templates, core/messages.py: core imports no Qt, the GUI translates them with ``tr()`` when
  it shows them) and ``QCoreApplication.translate("PaserSmartCity", "...")``: the literal first
  argument;
- in any class body, string constants assigned to ``DISPLAY_NAME``, ``GROUP``, ``HELP`` or
  ``TITLE`` (see TRANSLATED_CLASS_ATTRIBUTES);
- ``N_plural("...", "...", n)`` (core's counted noun: "1 site", "2 sites"): both literal
  forms, which must carry the same placeholders (GUI code writes
  ``counted(n, tr("..."), tr("..."))``, two plain ``tr()`` calls);
- ``tr(f"...")`` is an error: an f-string cannot be looked up. Use ``tr("... {x}").format(x=...)``.
- ``self.tr("...")`` in a QObject subclass (dialog, dock) is an error: Qt's QObject.tr looks
  the string up in a context named after the class, never in "PaserSmartCity". Processing
  algorithms (classes named ...Algorithm) and classes defining ``tr`` are fine.

Field labels (core/schema.py) and code-list labels (core/codelists.py) carry their own
Indonesian and are not routed through Qt.

Pure Python (no Qt, no QGIS): runs anywhere, including the unit tests.
"""

import argparse
import ast
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "paser_smartcity_plugin"
CONTEXT = "PaserSmartCity"
DEFAULT_TS = PACKAGE / "i18n" / "paser_smartcity_id.ts"
LANGUAGE = "id_ID"

TRANSLATED_CALLS = {"tr", "tr_noop", "N_"}
# singular and plural template, then the count: core/messages.N_plural
PLURAL_CALLS = {"N_plural"}
TRANSLATED_CLASS_ATTRIBUTES = {"DISPLAY_NAME", "GROUP", "HELP", "TITLE"}
# str.format fields, with conversion and format spec: {path}, {share:.0%}, {x!r}
PLACEHOLDER_RE = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}")
SKIP_FILES = {"resources_rc.py"}


class ExtractionError(Exception):
    pass


@dataclass
class Message:
    source: str
    translation: str = ""
    status: str = "unfinished"  # "" (finished), "unfinished" or "obsolete"
    locations: List[str] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.status == "" and bool(self.translation.strip())


# ----------------------------------------------------------------------------- extraction


def _call_name(func: ast.expr) -> Optional[str]:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal(node: ast.expr) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _qt_context_self_tr(tree: ast.AST) -> Dict[int, str]:
    """``self.tr(...)`` calls in classes that do not route tr() to the plugin's context.

    QObject.tr (a QDialog's, a QgsDockWidget's) translates in the context of the class name,
    so its strings would never be found in the one "PaserSmartCity" context. Classes that
    define their own ``tr`` do route it, and so do Processing algorithms (PaserAlgorithm.tr).
    """
    found: Dict[int, str] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        bases = [_call_name(b) or "" for b in node.bases]
        own_tr = any(isinstance(item, ast.FunctionDef) and item.name == "tr" for item in node.body)
        if own_tr or any(base.endswith("Algorithm") for base in bases):
            continue
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and inner.func.attr == "tr"
                and isinstance(inner.func.value, ast.Name)
                and inner.func.value.id == "self"
            ):
                found[id(inner)] = node.name
    return found


def _plural_forms(node: ast.Call) -> Tuple[List[str], Optional[str]]:
    """The singular and plural template of a ``N_plural`` call, or why they are wrong."""
    name = _call_name(node.func)
    if len(node.args) < 3:
        return [], f"{name}() takes the singular, the plural and the count"
    forms = [_literal(arg) for arg in node.args[:2]]
    if any(form is None for form in forms):
        return [], f"{name}() needs two literal strings (not f-strings or variables): they are looked up as written"
    if sorted(PLACEHOLDER_RE.findall(forms[0])) != sorted(PLACEHOLDER_RE.findall(forms[1])):
        return [], f"{name}(): the singular and the plural carry different placeholders: {forms[0]!r} / {forms[1]!r}"
    return [f for f in forms if f.strip()], None


def extract_file(path: Path, relative: str) -> Tuple[List[Tuple[str, str, int]], List[str]]:
    """(source, relative file, line) of each translatable string of ``path``, and errors."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: List[Tuple[str, str, int]] = []
    errors: List[str] = []
    wrong_context = _qt_context_self_tr(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and id(node) in wrong_context:
            errors.append(
                f"{relative}:{node.lineno}: self.tr() in class {wrong_context[id(node)]} is Qt's own "
                f"QObject.tr with context {wrong_context[id(node)]!r}, never translated from the "
                f"{CONTEXT} .ts: call tr() from toolbelt.i18n instead"
            )
            continue
        if isinstance(node, ast.Call) and _call_name(node.func) in PLURAL_CALLS:
            forms, problem = _plural_forms(node)
            if problem:
                errors.append(f"{relative}:{node.lineno}: {problem}")
            found.extend((text, relative, node.lineno) for text in forms)
            continue
        if isinstance(node, ast.Call):
            name = _call_name(node.func)
            args = node.args
            if name == "translate" and len(args) >= 2 and _literal(args[0]) == CONTEXT:
                args = args[1:]
            elif name not in TRANSLATED_CALLS or not args:
                continue
            if isinstance(args[0], ast.JoinedStr):
                errors.append(
                    f"{relative}:{node.lineno}: f-string passed to {name}(): it can never be "
                    'translated; use tr("... {x}").format(x=...)'
                )
                continue
            text = _literal(args[0])
            if text is not None and text.strip():
                found.append((text, relative, node.lineno))
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:
                targets: List[ast.expr] = []
                if isinstance(statement, ast.Assign):
                    targets, value = statement.targets, statement.value
                elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
                    targets, value = [statement.target], statement.value
                else:
                    continue
                for target in targets:
                    if isinstance(target, ast.Name) and target.id in TRANSLATED_CLASS_ATTRIBUTES:
                        text = _literal(value)
                        if text is not None and text.strip():
                            found.append((text, relative, statement.lineno))
    found.sort(key=lambda item: item[2])
    return found, errors


def extract(package: Path = PACKAGE) -> Tuple[Dict[str, List[str]], List[str]]:
    """Every source string of the package, in first-seen order, with the files it occurs in."""
    strings: Dict[str, List[str]] = {}
    errors: List[str] = []
    for path in sorted(package.rglob("*.py")):
        if path.name in SKIP_FILES or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(package).as_posix()
        found, file_errors = extract_file(path, relative)
        errors.extend(file_errors)
        for text, rel, _line in found:
            locations = strings.setdefault(text, [])
            if rel not in locations:
                locations.append(rel)
    return strings, errors


# ----------------------------------------------------------------------------- .ts read/write


def read_ts(path: Path) -> Dict[str, Message]:
    if not path.exists():
        return {}
    messages: Dict[str, Message] = {}
    for context in ET.parse(path).getroot().iter("context"):
        if (context.findtext("name") or "") != CONTEXT:
            continue
        for element in context.iter("message"):
            source = element.findtext("source") or ""
            translation_element = element.find("translation")
            translation = "" if translation_element is None else (translation_element.text or "")
            status = "" if translation_element is None else translation_element.get("type", "")
            if status == "vanished":
                status = "obsolete"
            locations = [loc.get("filename", "") for loc in element.iter("location")]
            messages[source] = Message(source, translation, status, locations)
    return messages


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def render_ts(messages: List[Message]) -> str:
    # Locations carry the file but no line number: a line number would change the .ts on
    # every unrelated edit and make merges of the .ts conflict for nothing.
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{LANGUAGE}" sourcelanguage="en">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for message in messages:
        lines.append("    <message>")
        for location in message.locations:
            lines.append(f'        <location filename="../{_escape(location)}"/>')
        lines.append(f"        <source>{_escape(message.source)}</source>")
        attribute = f' type="{message.status}"' if message.status else ""
        lines.append(f"        <translation{attribute}>{_escape(message.translation)}</translation>")
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def _strip_prefix(location: str) -> str:
    return location[3:] if location.startswith("../") else location


def merge(strings: Dict[str, List[str]], existing: Dict[str, Message]) -> List[Message]:
    """Current strings (existing translations kept) followed by the obsolete ones."""
    merged: List[Message] = []
    for source, locations in strings.items():
        old = existing.get(source)
        if old is None:
            merged.append(Message(source, "", "unfinished", list(locations)))
            continue
        # A string that comes back keeps its translation but must be looked at again.
        status = "unfinished" if old.status == "obsolete" or not old.translation.strip() else old.status
        merged.append(Message(source, old.translation, status, list(locations)))
    for source, old in existing.items():
        if source not in strings and old.translation.strip():
            merged.append(Message(source, old.translation, "obsolete", []))
    return merged


# ----------------------------------------------------------------------------- checks


def placeholder_problem(message: Message) -> Optional[str]:
    wanted, got = sorted(PLACEHOLDER_RE.findall(message.source)), sorted(PLACEHOLDER_RE.findall(message.translation))
    if wanted != got:
        return f"placeholders differ: source has {wanted or 'none'}, translation has {got or 'none'}"
    return None


def problems(strings: Dict[str, List[str]], messages: Dict[str, Message], ts_text: str, errors: List[str]) -> List[str]:
    found = list(errors)
    for source, locations in strings.items():
        message = messages.get(source)
        where = ", ".join(locations)
        if message is None:
            found.append(f"missing from the .ts ({where}): {source!r}")
        elif message.status == "obsolete":
            found.append(f"marked obsolete but used ({where}): {source!r}")
        elif not message.finished:
            found.append(f"unfinished ({where}): {source!r}")
        else:
            problem = placeholder_problem(message)
            if problem:
                found.append(f"{problem} ({where}): {source!r}")
    expected = render_ts(merge(strings, messages))
    if not found and expected != ts_text:
        found.append("the .ts is not up to date (obsolete entries or file locations changed): run `make i18n`")
    return found


# ----------------------------------------------------------------------------- commands


def cmd_update(ts: Path, package: Path = PACKAGE, drop_obsolete: bool = False) -> int:
    strings, errors = extract(package)
    for error in errors:
        print(error, file=sys.stderr)
    merged = merge(strings, read_ts(ts))
    if drop_obsolete:
        merged = [m for m in merged if m.status != "obsolete"]
    ts.parent.mkdir(parents=True, exist_ok=True)
    ts.write_text(render_ts(merged), encoding="utf-8")
    unfinished = [m for m in merged if m.status == "unfinished"]
    obsolete = [m for m in merged if m.status == "obsolete"]
    print(
        f"{ts.relative_to(ROOT) if ts.is_relative_to(ROOT) else ts}: {len(strings)} string(s), "
        f"{len(unfinished)} unfinished, {len(obsolete)} obsolete"
    )
    if unfinished:
        print(
            "translate them in the .ts (Qt Linguist) or: python scripts/i18n.py todo todo.json; "
            "edit todo.json; python scripts/i18n.py fill todo.json"
        )
    return 1 if errors else 0


def cmd_check(ts: Path, package: Path = PACKAGE) -> int:
    strings, errors = extract(package)
    text = ts.read_text(encoding="utf-8") if ts.exists() else ""
    found = problems(strings, read_ts(ts), text, errors)
    for problem in found:
        print(problem)
    print(f"i18n check: {len(strings)} string(s), {len(found)} problem(s)")
    return 1 if found else 0


def cmd_todo(ts: Path, out: Path, package: Path = PACKAGE) -> int:
    strings, _errors = extract(package)
    messages = merge(strings, read_ts(ts))
    todo = {m.source: m.translation for m in messages if m.status == "unfinished"}
    out.write_text(json.dumps(todo, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{out}: {len(todo)} string(s) to translate")
    return 0


def cmd_fill(ts: Path, source: Path, package: Path = PACKAGE) -> int:
    translations: Dict[str, str] = json.loads(source.read_text(encoding="utf-8"))
    strings, _errors = extract(package)
    messages = merge(strings, read_ts(ts))
    by_source = {m.source: m for m in messages}
    unknown = [s for s in translations if s not in strings]
    filled = 0
    for text, translation in translations.items():
        message = by_source.get(text)
        if message is None or not translation.strip():
            continue
        message.translation, message.status = translation, ""
        problem = placeholder_problem(message)
        if problem:
            print(f"not taken, {problem}: {text!r}", file=sys.stderr)
            message.status = "unfinished"
            continue
        filled += 1
    ts.write_text(render_ts(messages), encoding="utf-8")
    for text in unknown:
        print(f"not a current source string, ignored: {text!r}", file=sys.stderr)
    print(f"{filled} translation(s) taken")
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ts", type=Path, default=DEFAULT_TS)
    parser.add_argument("--package", type=Path, default=PACKAGE, help="the Python package to read")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update").add_argument(
        "--drop-obsolete",
        action="store_true",
        help="forget translations of strings no longer in the code (kept by default: a string may come back)",
    )
    sub.add_parser("check")
    sub.add_parser("todo").add_argument("out", type=Path)
    sub.add_parser("fill").add_argument("source", type=Path)
    args = parser.parse_args(argv)
    if args.command == "update":
        return cmd_update(args.ts, args.package, args.drop_obsolete)
    if args.command == "check":
        return cmd_check(args.ts, args.package)
    if args.command == "todo":
        return cmd_todo(args.ts, args.out, args.package)
    return cmd_fill(args.ts, args.source, args.package)


if __name__ == "__main__":
    sys.exit(main())
