"""Counted nouns read right in English: "1 site updated", "2 sites updated" — never "1 sites", never "site(s)"."""

import importlib.util
import re
from pathlib import Path

from qgis.core import QgsProcessingFeedback

from paser_smartcity_plugin.core.demo import demo_rows
from paser_smartcity_plugin.core.workspace import create_workspace

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
i18n_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n_tool)


class _Collect(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802 - QGIS's name
        self.infos.append(info)
        super().pushInfo(info)


def test_no_message_hedges_with_s_in_parentheses():
    strings, _errors = i18n_tool.extract()
    # "row(s)", "site(s)"; not "http(s)" nor "Sync timeout (s)" (seconds)
    hedged = [s for s in strings if re.search(r"[a-z]\(s\)", s.replace("http(s)", ""))]
    assert hedged == []


def test_import_summary_counts_in_singular_and_plural(plugin, tmp_path):
    from qgis import processing

    workspace = tmp_path / "demo.gpkg"
    create_workspace(str(workspace), demo_rows())
    source = tmp_path / "sites.csv"
    source.write_text(
        "Nama;Kategori;Lintang;Bujur;Desa\n"
        "SD Negeri 001 Tanah Grogot;sekolah;-1,9123;116,1956;Tanah Grogot\n"  # a new service point
        "Menara Muara Toyu;;1°07'30\" LS;116°19'40\" BT;\n"  # a site updated
        "Puskesmas Lupa Minus;puskesmas;1,9;116,2;\n"  # rejected: no minus sign
        "SMP Sampah;sekolah;abc;116,2;\n",  # rejected: no number
        encoding="utf-8",
    )
    feedback = _Collect()
    processing.run(
        "paser_smartcity:import_sites",
        {"WORKSPACE": str(workspace), "INPUT": str(source), "REPORT": str(tmp_path / "r.csv")},
        feedback=feedback,
    )
    assert "1 new service point, 1 site updated, 2 rows rejected" in feedback.infos, feedback.infos
