import hashlib

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer


def run(alg, params):
    from qgis import processing

    return processing.run(f"paser_smartcity:{alg}", params)


def test_create_demo_workspace(plugin, tmp_path):
    out = tmp_path / "demo.gpkg"
    result = run("create_workspace", {"OUTPUT": str(out), "DEMO": True})
    assert result["OUTPUT"] == str(out)
    assert result["CREATED"] is True
    towers = QgsVectorLayer(f"{out}|layername=tower_plans", "t", "ogr")
    assert towers.isValid()
    assert towers.featureCount() == 4
    points = QgsVectorLayer(f"{out}|layername=service_points", "p", "ogr")
    assert points.featureCount() == 154


def test_empty_workspace_and_rerun_leaves_it(plugin, tmp_path):
    out = tmp_path / "empty.gpkg"
    assert run("create_workspace", {"OUTPUT": str(out), "DEMO": False})["CREATED"] is True
    assert QgsVectorLayer(f"{out}|layername=service_points", "p", "ogr").featureCount() == 0
    before = hashlib.sha256(out.read_bytes()).hexdigest()
    assert run("create_workspace", {"OUTPUT": str(out), "DEMO": True})["CREATED"] is False
    assert hashlib.sha256(out.read_bytes()).hexdigest() == before


def test_refuses_to_overwrite_another_file(plugin, tmp_path):
    out = tmp_path / "survey.gpkg"
    out.write_text("officer's notes")
    with pytest.raises(QgsProcessingException, match="not a Paser Smart City workspace"):
        run("create_workspace", {"OUTPUT": str(out), "DEMO": True})
    assert out.read_text() == "officer's notes"
