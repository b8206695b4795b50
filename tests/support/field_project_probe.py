"""Open a field package's project the way QGIS without the plugin does, and print what it finds.

    python field_project_probe.py <package folder> <lon> <lat>

Run by tests/qgis/test_field_package.py in a process of its own, with a fresh HOME (so a
fresh QGIS profile) and without the repository on sys.path: a plain QgsApplication, no
plugin loaded or even importable. Prints one JSON object: the layers, their forms, and the
values a new site gets at (lon, lat) from the project's default expressions.
"""

import importlib.util
import json
import sys

from qgis.core import (
    QgsApplication,
    QgsFieldConstraints,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)


def _plain(value):
    if hasattr(value, "toString") and hasattr(value, "timeSpec"):  # QDateTime
        return {"datetime": value.toString("yyyy-MM-ddTHH:mm:ss.zzz"), "utc": int(value.timeSpec()) == 1}
    if hasattr(value, "isNull") and value.isNull():
        return None
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def main(folder: str, lon: float, lat: float) -> dict:
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    out = {
        "plugin_importable": importlib.util.find_spec("paser_smartcity_plugin") is not None,
        "plugin_modules": sorted(m for m in sys.modules if m.startswith("paser_smartcity")),
        "read": project.read(f"{folder}/survey.qgz"),
        "crs": project.crs().authid(),
        "layers": {},
    }
    for layer in project.mapLayers().values():
        info = {
            "valid": layer.isValid(),
            "provider": layer.providerType(),
            "source": layer.source(),
            "read_only": layer.readOnly(),
            "properties": {k: layer.customProperty(k) for k in layer.customPropertyKeys()},
        }
        if isinstance(layer, QgsVectorLayer):
            form = layer.editFormConfig()
            info["init_code_source"] = int(form.initCodeSource())
            info["features"] = layer.featureCount()
            info["fields"] = {}
            for index, field in enumerate(layer.fields()):
                setup = layer.editorWidgetSetup(index)
                constraints = field.constraints()
                info["fields"][field.name()] = {
                    "alias": field.alias(),
                    "widget": setup.type(),
                    "config": json.loads(json.dumps(setup.config(), default=str)),
                    "default": layer.defaultValueDefinition(index).expression(),
                    "not_null": bool(constraints.constraints() & QgsFieldConstraints.ConstraintNotNull),
                    "expression": constraints.constraintExpression(),
                }
            if layer.customProperty("paser_smartcity/layer"):
                feature = QgsVectorLayerUtils.createFeature(
                    layer, QgsGeometry.fromPointXY(QgsPointXY(lon, lat)), {}, layer.createExpressionContext()
                )
                info["new_feature"] = {f.name(): _plain(feature[f.name()]) for f in layer.fields()}
        out["layers"][layer.name()] = info
    app.exitQgis()
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], float(sys.argv[2]), float(sys.argv[3]))))
