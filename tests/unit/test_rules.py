"""The workspace rules come from the schema, once: the Python check, the GeoPackage trigger and
(tests/qgis/test_layer_editing.py) the QGIS form agree on every value, and say it in the
officer's words — the field's label, in their language."""

import sqlite3

import pytest

from paser_smartcity_plugin.core import gpkg
from paser_smartcity_plugin.core.demo import demo_uid
from paser_smartcity_plugin.core.messages import (
    LANGUAGE_MARK,
    Message,
    MessageError,
    Text,
    language_of,
    message_from_json,
    message_to_json,
)
from paser_smartcity_plugin.core.rows import row_problems
from paser_smartcity_plugin.core.rules import RANGE, both_languages, layer_rules
from paser_smartcity_plugin.core.schema import LAYERS, MAX_ACCURACY_M, MAX_HEIGHT_M, SERVICE_POINTS, TOWER_PLANS

INDONESIAN = {LANGUAGE_MARK: "id", "{requirement} (not {value})": "{requirement} (bukan {value})"}


def indonesian(text: str) -> str:
    return INDONESIAN.get(text, text)


def test_ranges_live_in_the_schema():
    bounds = {
        (layer, f.name): (f.minimum, f.maximum)
        for layer in LAYERS.values()
        for f in layer.fields
        if f.minimum is not None
    }
    assert bounds == {
        (LAYERS[SERVICE_POINTS], "accuracy_m"): (0, MAX_ACCURACY_M),
        (LAYERS[SERVICE_POINTS], "program_year"): (2000, 2100),
        (LAYERS[TOWER_PLANS], "accuracy_m"): (0, MAX_ACCURACY_M),
        (LAYERS[TOWER_PLANS], "height_m"): (0, MAX_HEIGHT_M),
        (LAYERS[TOWER_PLANS], "program_year"): (2000, 2100),
    }
    rules = layer_rules(LAYERS[TOWER_PLANS])
    assert [r.kind for r in rules["height_m"] if r.kind == RANGE] == [RANGE]


def test_problems_name_the_field_by_its_label_in_the_readers_language():
    (problem,) = row_problems(LAYERS[SERVICE_POINTS], {"accuracy_m": -5.0}, partial=True)
    assert str(problem) == "Accuracy (m) must be from 0 to 50000 (not -5)"
    assert "service_points" not in str(problem)
    assert "accuracy_m" not in str(problem)
    assert problem.render(indonesian) == "Akurasi (m) harus antara 0 dan 50000 (bukan -5)"
    (problem,) = row_problems(LAYERS[TOWER_PLANS], {"coord_status": "measured"}, partial=True)
    assert problem.render(indonesian).startswith(
        "Status koordinat harus salah satu dari: Belum ada (pending), Perkiraan (approximate)"
    )


def test_a_translator_tells_its_language_and_texts_follow_it():
    assert language_of(None) == "en"
    assert language_of(lambda text: text) == "en"  # no translation installed
    assert language_of(indonesian) == "id"
    assert language_of(lambda text: "[id] " + text) == "en"  # not a language code: English
    label = Text("Accuracy (m)", "Akurasi (m)")
    message = MessageError(Message("{x}", x=label))
    assert (str(message), message.render(indonesian)) == ("Accuracy (m)", "Akurasi (m)")


def test_a_stored_message_with_labels_is_shown_later_in_the_readers_language():
    (problem,) = row_problems(LAYERS[SERVICE_POINTS], {"name": ""}, partial=True)
    back = message_from_json(message_to_json(problem))
    assert back == problem
    assert (str(back), back.render(indonesian)) == ("Name is required", "Nama wajib diisi")


def test_the_geopackage_states_a_rule_in_both_languages():
    rule = layer_rules(LAYERS[SERVICE_POINTS])["accuracy_m"][-1]
    assert both_languages(rule.requirement) == (
        "Akurasi (m) harus antara 0 dan 50000 / Accuracy (m) must be from 0 to 50000"
    )


SAMPLES = [None, "", "   ", "x", "n" * 255, -5, -0.5, 0, 3.5, 202, 1999, 2022, 2022.5, 300, 301, 50000, 50001]
SAMPLES += [float("inf"), "lima", "12.5", "64.01.06.2012", "64.01.99.9999", "planned", "coordinates_pending"]
SAMPLES += [
    "gps_survey",
    "sekolah",
    "surveyed",
    "0b7d6b0e-3c55-4c52-9a7e-1f6f5a1c2d3e",
    "0B7D6B0E-3C55-4C52-9A7E-1F6F5A1C2D3E",
    # The trigger looks codes up in one comma-separated string: two neighbours of a list,
    # comma included, are not a code.
    "opd,desa",
    "planned,survey",
    "gps_survey,map",
    "64.01.01.2009,64.01.01.2010",
    ",sekolah",
    ",",
    64.01,
]


@pytest.mark.parametrize("layer", [SERVICE_POINTS, TOWER_PLANS])
def test_trigger_and_python_check_agree_on_every_value(demo_workspace, layer):
    """Each rule is written once (core/rules.py): what row_problems refuses, the trigger refuses."""
    schema = LAYERS[layer]
    uid = demo_uid("kantor_desa", "64.01.01.2009") if layer == SERVICE_POINTS else demo_uid("tower", "64.01.06.2012")
    conn = gpkg.connect(demo_workspace.path)
    disagreements = []
    try:
        for field in schema.fields:
            if field.name in ("updated_at", "surveyed_at", "desa_name", "kecamatan"):
                continue
            for value in SAMPLES:
                python_refuses = bool(row_problems(schema, {field.name: value}, partial=True))
                conn.execute("SAVEPOINT probe")
                try:
                    conn.execute(f'UPDATE "{layer}" SET "{field.name}" = ? WHERE uid = ?', (value, uid))
                    trigger_refuses = False
                except sqlite3.IntegrityError:
                    trigger_refuses = True
                conn.execute("ROLLBACK TO probe")
                conn.execute("RELEASE probe")
                if python_refuses != trigger_refuses:
                    disagreements.append((field.name, value, python_refuses, trigger_refuses))
    finally:
        conn.close()
    assert disagreements == []
