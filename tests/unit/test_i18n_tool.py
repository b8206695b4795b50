"""scripts/i18n.py: extraction rules, merging into the .ts, and the check that guards the release."""

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
i18n_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n_tool)


def _package(tmp_path: Path, files: dict) -> Path:
    package = tmp_path / "pkg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return package


def test_extracts_calls_class_attributes_and_marked_constants(tmp_path):
    package = _package(
        tmp_path,
        {
            "plugin.py": """
            from .toolbelt.i18n import tr, tr_noop
            HEADERS = [tr_noop("Kecamatan total"), "not marked"]
            def f(self, x):
                tr("Open layers")
                self.tr("Sync {n} sites").format(n=1)
                tr(x)  # indirect: not extracted here
                QCoreApplication.translate("PaserSmartCity", "Via translate")
                QCoreApplication.translate("OtherContext", "Not ours")
                tr("Open layers")  # duplicate
        """,
            "core/messages_user.py": """
            from .messages import N_, Message
            def check(n):
                return Message(N_("{n} rows refused"), n=n)
        """,
            "processing/alg.py": """
            class Alg(PaserAlgorithm):
                NAME = "alg_id"
                DISPLAY_NAME = "Register coordinates"
                GROUP = "Field work"
                HELP = ("Long help "
                        "in two parts.")
                OTHER = "not translated"
        """,
            "resources_rc.py": "tr('generated, skipped')\n",
        },
    )
    strings, errors = i18n_tool.extract(package)
    assert errors == []
    assert list(strings) == [
        "{n} rows refused",
        "Kecamatan total",
        "Open layers",
        "Sync {n} sites",
        "Via translate",
        "Register coordinates",
        "Field work",
        "Long help in two parts.",
    ]
    assert strings["Open layers"] == ["plugin.py"]
    assert strings["{n} rows refused"] == ["core/messages_user.py"]
    assert strings["Field work"] == ["processing/alg.py"]


def test_plural_calls_extract_both_forms(tmp_path):
    package = _package(
        tmp_path,
        {
            "gui/a.py": """
            from ..toolbelt.i18n import counted, tr
            def f(n):
                return counted(n, tr("{count} site updated"), tr("{count} sites updated"))
        """,
            "core/b.py": """
            from .messages import N_plural, Message
            def g(n):
                return Message(N_plural("{count} row refused", "{count} rows refused", n), count=n)
        """,
        },
    )
    strings, errors = i18n_tool.extract(package)
    assert errors == []
    assert set(strings) == {
        "{count} site updated",
        "{count} sites updated",
        "{count} row refused",
        "{count} rows refused",
    }


@pytest.mark.parametrize(
    "call, problem",
    [
        ("N_plural('{count} site', '{n} sites', n)", "different placeholders"),
        ("N_plural(f'{n} site', '{n} sites', n)", "literal strings"),
        ("N_plural(one, '{n} sites', n)", "literal strings"),
        ("N_plural('{n} site', '{n} sites')", "the count"),
    ],
)
def test_wrong_plural_calls_are_errors(tmp_path, call, problem):
    package = _package(tmp_path, {"a.py": f"n = 1\n{call}\n"})
    _strings, errors = i18n_tool.extract(package)
    assert len(errors) == 1, errors
    assert "a.py:2" in errors[0], errors
    assert problem in errors[0], errors


def test_f_string_in_tr_is_an_error(tmp_path):
    package = _package(tmp_path, {"a.py": "x = 1\ntr(f'Hello {x}')\n"})
    strings, errors = i18n_tool.extract(package)
    assert strings == {}
    assert len(errors) == 1
    assert "a.py:2" in errors[0]
    assert "f-string" in errors[0]


def test_self_tr_of_a_qt_class_is_an_error(tmp_path):
    package = _package(
        tmp_path,
        {
            "dialog.py": """
        class RegisterDialog(QDialog):
            def __init__(self):
                self.setWindowTitle(self.tr("Register coordinates"))  # QObject.tr: wrong context

        class Helper:
            def tr(self, text):
                return tr(text)
            def f(self):
                return self.tr("Fine")

        class SubAlgorithm(PaserAlgorithm):
            def f(self):
                return self.tr("Fine too")
    """
        },
    )
    strings, errors = i18n_tool.extract(package)
    assert list(strings) == ["Fine", "Fine too"]
    assert len(errors) == 1
    assert "dialog.py:4" in errors[0]
    assert "RegisterDialog" in errors[0]


def test_merge_keeps_translations_and_marks_vanished_obsolete(tmp_path):
    ts = tmp_path / "x.ts"
    old = [
        i18n_tool.Message("Open layers", "Buka lapisan", "", ["plugin.py"]),
        i18n_tool.Message("Gone", "Hilang", "", ["plugin.py"]),
        i18n_tool.Message("Never translated", "", "unfinished", ["plugin.py"]),
    ]
    ts.write_text(i18n_tool.render_ts(old), encoding="utf-8")
    merged = i18n_tool.merge({"Open layers": ["plugin.py"], "New <b>&</b> 'q'": ["gui/x.py"]}, i18n_tool.read_ts(ts))
    ts.write_text(i18n_tool.render_ts(merged), encoding="utf-8")
    back = i18n_tool.read_ts(ts)
    assert back["Open layers"].translation == "Buka lapisan"
    assert back["Open layers"].finished
    assert back["New <b>&</b> 'q'"].status == "unfinished"
    assert back["Gone"].status == "obsolete"
    assert back["Gone"].translation == "Hilang"
    # An untranslated string that vanished carries nothing worth keeping.
    assert "Never translated" not in back


def test_check_reports_missing_unfinished_placeholders_and_stale_file(tmp_path):
    strings = {"A {x}": ["a.py"], "B": ["a.py"], "C": ["a.py"]}
    messages = {
        "A {x}": i18n_tool.Message("A {x}", "A {y}", "", ["a.py"]),
        "B": i18n_tool.Message("B", "", "unfinished", ["a.py"]),
    }
    found = i18n_tool.problems(strings, messages, "", [])
    assert any("placeholders differ" in p and "'A {x}'" in p for p in found)
    assert any(p.startswith("unfinished") and "'B'" in p for p in found)
    assert any(p.startswith("missing") and "'C'" in p for p in found)
    complete = {s: i18n_tool.Message(s, s.replace("{x}", "{x} ok"), "", ["a.py"]) for s in strings}
    text = i18n_tool.render_ts(i18n_tool.merge(strings, complete))
    assert i18n_tool.problems(strings, complete, text, []) == []
    # complete but stale (a vanished string not yet marked obsolete): `make i18n` is due
    stale = dict(complete, D=i18n_tool.Message("D", "d", "", ["a.py"]))
    assert any("not up to date" in p for p in i18n_tool.problems(strings, stale, text, []))


def test_placeholders_with_format_spec_must_survive():
    ok = i18n_tool.Message("{n} of {total} ({share:.0%})", "{n} dari {total} ({share:.0%})", "")
    lost_spec = i18n_tool.Message("{n} of {total} ({share:.0%})", "{n} dari {total} ({share})", "")
    assert i18n_tool.placeholder_problem(ok) is None
    assert "placeholders differ" in i18n_tool.placeholder_problem(lost_spec)


def test_lrelease_compiles_what_the_tool_writes(tmp_path):
    ts = tmp_path / "t_id.ts"
    ts.write_text(
        i18n_tool.render_ts([i18n_tool.Message("Open <layers> & 'more'", "Buka <lapisan> & 'lagi'", "")]),
        encoding="utf-8",
    )
    qm = tmp_path / "t_id.qm"
    result = subprocess.run(["lrelease", str(ts), "-qm", str(qm)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "1 finished" in result.stdout
    assert qm.stat().st_size > 0


def test_shipped_translation_is_complete():
    """`make i18n-check`: every tr() string of the plugin has a reviewed Indonesian translation."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("command", ["todo", "fill"])
def test_todo_and_fill_round_trip(tmp_path, command):
    ts = tmp_path / "t.ts"
    ts.write_text(i18n_tool.render_ts([]), encoding="utf-8")
    package = _package(tmp_path, {"a.py": "tr('Open {n} layers')\ntr('Close')\n"})
    todo = tmp_path / "todo.json"
    assert i18n_tool.main(["--ts", str(ts), "--package", str(package), "todo", str(todo)]) == 0
    assert todo.read_text(encoding="utf-8").count('""') == 2
    if command == "fill":
        todo.write_text('{"Open {n} layers": "Buka {n} lapisan", "Close": "  "}', encoding="utf-8")
        assert i18n_tool.main(["--ts", str(ts), "--package", str(package), "fill", str(todo)]) == 0
        back = i18n_tool.read_ts(ts)
        assert back["Open {n} layers"].finished
        assert not back["Close"].finished
