"""The shapefile contract with Telkom: names never change, conversions never lose silently."""

import pytest

from paser_smartcity_plugin.core.schema import LAYERS, SERVICE_POINTS, TOWER_PLANS
from paser_smartcity_plugin.core.telkom.mapping import (
    BY_FIELD,
    FIELD_MAP,
    NOT_EXPORTED,
    export_value,
    import_value,
    join_parts,
    layer_columns,
    parse_aliases,
    parse_timestamp,
    same_value,
    utf8_cut,
)

# The contract as agreed with Telkom. Changing a line here breaks their scripts: add, never rename.
CONTRACT = [
    ("UID", "uid"),
    ("NAMA", "name"),
    ("KATEGORI", "category"),
    ("KODE_DESA", "desa_code"),
    ("DESA", "desa_name"),
    ("KECAMATAN", "kecamatan"),
    ("STATUS", "status"),
    ("TINGGI_M", "height_m"),
    ("OPERATOR", "operator"),
    ("STS_KOORD", "coord_status"),
    ("SMB_KOORD", "coord_source"),
    ("AKURASI_M", "accuracy_m"),
    ("SURVEYOR", "surveyed_by"),
    ("TGL_SURVEI", "surveyed_at"),
    ("SITE_ID", "telkom_site_id"),
    ("TAHUN", "program_year"),
    ("CATATAN", "notes"),
    ("DIUBAH", "updated_at"),
]


def test_field_names_are_the_contract():
    assert [(f.shp, f.field) for f in FIELD_MAP] == CONTRACT


def test_every_workspace_field_has_a_short_unique_name():
    names = [n for f in FIELD_MAP for n in f.shp_names]
    assert len(names) == len(set(names))
    assert all(len(n) <= 10 and n == n.upper() and n.isascii() for n in names)
    for schema in LAYERS.values():
        assert set(schema.field_names) - set(NOT_EXPORTED) <= set(BY_FIELD), schema.name
    assert "photo" in NOT_EXPORTED
    assert "photo" not in BY_FIELD
    assert "KATEGORI" in layer_columns(SERVICE_POINTS)
    assert "KATEGORI" not in layer_columns(TOWER_PLANS)
    assert "TINGGI_M" in layer_columns(TOWER_PLANS)
    assert "TINGGI_M" not in layer_columns(SERVICE_POINTS)


def test_utf8_cut_keeps_characters_whole_and_no_trailing_blank():
    head, rest = utf8_cut("é" * 200, 254)
    assert head == "é" * 127
    assert rest == "é" * 73
    head, rest = utf8_cut("word " * 60, 254)  # cut inside a word: readers strip blanks at both ends
    assert head == "word " * 50 + "wor"
    assert rest == "d " + "word " * 9
    head, rest = utf8_cut("a" * 250 + " " * 10 + "b", 254)
    assert head == "a" * 249
    assert rest == "a" + " " * 10 + "b"
    assert utf8_cut("short", 254) == ("short", "")


def test_long_notes_continue_then_are_cut_with_a_record():
    notes = BY_FIELD["notes"]
    text = "Tower di bukit, akses lewat sungai. " * 13  # 468 characters: fits 2 x 254 bytes
    values, cut = export_value(notes, text)
    assert cut is None
    assert set(values) == {"CATATAN", "CATATAN2"}
    assert all(v is None or len(v.encode()) <= 254 for v in values.values())
    assert join_parts(values.values()) == text.strip()
    assert same_value(notes, text, join_parts(values.values()))
    huge = "ñ" * 2000
    values, cut = export_value(notes, huge)
    assert cut is not None
    assert cut.length == 2000
    assert cut.kept == 2 * 127
    assert same_value(notes, huge, join_parts(values.values()))  # the cut is not an edit by Telkom
    assert not same_value(notes, huge, "ñ" * 10)


def test_names_longer_than_a_dbf_field_are_cut_not_lost():
    values, cut = export_value(BY_FIELD["name"], "Ö" * 200)
    assert len(values["NAMA"]) == 127
    assert cut.shp == "NAMA"
    assert cut.length == 200


def test_timestamps_travel_as_iso_text_and_a_date_only_echo_is_no_edit():
    field = BY_FIELD["surveyed_at"]
    values, _ = export_value(field, "2022-08-17T09:30:00.000Z")
    assert values == {"TGL_SURVEI": "2022-08-17T09:30:00.000Z"}
    assert import_value(field, TOWER_PLANS, "2022-08-17 17:30:00+08:00") == "2022-08-17T09:30:00.000Z"
    assert same_value(field, "2022-08-17T09:30:00.000Z", "2022-08-17")  # GDAL made the column a Date
    assert not same_value(field, "2022-08-17T09:30:00.000Z", "2022-08-18")
    assert parse_timestamp("17/08/2022") == (parse_timestamp("2022-08-17")[0], True)
    with pytest.raises(ValueError, match="Surveyed at: “kemarin” is not a date"):
        import_value(field, TOWER_PLANS, "kemarin")


def test_codes_accept_labels_in_both_languages():
    status = BY_FIELD["status"]
    assert import_value(status, SERVICE_POINTS, "Aktif") == "active"
    assert import_value(status, SERVICE_POINTS, "ACTIVE") == "active"
    assert import_value(status, TOWER_PLANS, "Mengudara") == "on_air"
    with pytest.raises(ValueError, match="Status must be one of"):
        import_value(status, SERVICE_POINTS, "on_air")


def test_numbers():
    year, height = BY_FIELD["program_year"], BY_FIELD["height_m"]
    assert import_value(year, TOWER_PLANS, 2022.0) == 2022
    assert import_value(height, TOWER_PLANS, "72,5") == 72.5
    with pytest.raises(ValueError, match="Programme year must be a whole number"):
        import_value(year, TOWER_PLANS, 2022.5)
    with pytest.raises(ValueError, match="Programme year must be a number"):
        import_value(year, TOWER_PLANS, "dua ribu")
    assert same_value(height, 72.0, 72.00000000000001)


def test_aliases_are_checked():
    assert parse_aliases("SITE_ID=siteid, id_lokasi; name=NAMA_SITUS") == {
        "SITE_ID": ("SITEID", "ID_LOKASI"),
        "NAMA": ("NAMA_SITUS",),
    }
    with pytest.raises(ValueError, match="no such field"):
        parse_aliases("SITEID=ID")
