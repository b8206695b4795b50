import pytest

from paser_smartcity_plugin.core import codelists
from paser_smartcity_plugin.core.schema import LAYERS, SERVICE_POINTS, TOWER_PLANS, layer_schema

COMMON = [
    "uid",
    "name",
    "desa_code",
    "desa_name",
    "kecamatan",
    "status",
    "coord_status",
    "coord_source",
    "accuracy_m",
    "surveyed_by",
    "surveyed_at",
    "telkom_site_id",
    "program_year",
    "notes",
    "updated_at",
]

ALL_CODELISTS = (
    codelists.COORD_STATUS,
    codelists.COORD_SOURCE,
    codelists.CATEGORY,
    codelists.SERVICE_STATUS,
    codelists.TOWER_STATUS,
)


@pytest.mark.parametrize("layer", [SERVICE_POINTS, TOWER_PLANS])
def test_every_layer_has_the_contract_fields(layer):
    names = layer_schema(layer).field_names
    assert set(COMMON) <= set(names)
    assert len(names) == len(set(names))


def test_layer_specific_fields():
    assert "category" in LAYERS[SERVICE_POINTS].field_names
    assert "category" not in LAYERS[TOWER_PLANS].field_names
    assert {"height_m", "operator"} <= set(LAYERS[TOWER_PLANS].field_names)
    assert not LAYERS[SERVICE_POINTS].geometry_optional
    assert LAYERS[TOWER_PLANS].geometry_optional


def test_code_lists_are_the_agreed_codes():
    assert codelists.COORD_STATUS.codes == ("pending", "approximate", "surveyed", "verified")
    assert codelists.COORD_SOURCE.codes == ("gps_survey", "map", "telkom", "gazetteer", "import", "other")
    assert codelists.CATEGORY.codes == ("opd", "desa", "puskesmas", "kantor_kecamatan", "uptd", "sekolah")
    assert codelists.SERVICE_STATUS.codes == ("planned", "survey", "installation", "active", "disrupted", "inactive")
    assert codelists.TOWER_STATUS.codes == (
        "coordinates_pending",
        "coordinates_set",
        "permit",
        "construction",
        "on_air",
        "cancelled",
    )
    assert layer_schema(SERVICE_POINTS).status_codes is codelists.SERVICE_STATUS
    assert layer_schema(TOWER_PLANS).status_codes is codelists.TOWER_STATUS


@pytest.mark.parametrize("codelist", ALL_CODELISTS, ids=lambda c: c.name)
def test_every_code_has_distinct_labels_in_both_languages(codelist):
    for language in ("en", "id"):
        labels = list(codelist.labels(language).values())
        assert all(label.strip() for label in labels)
        assert len(set(labels)) == len(labels)
    assert codelist.label(codelist.codes[0], "id") == next(iter(codelist)).id


def test_indonesian_labels_are_indonesian():
    assert codelists.SERVICE_STATUS.label("active", "id") == "Aktif"
    assert codelists.TOWER_STATUS.label("coordinates_pending", "id_ID") == "Koordinat belum ada"
    assert layer_schema(SERVICE_POINTS).field("name").label("id") == "Nama"


def test_unknown_layer_is_named_in_the_error():
    with pytest.raises(KeyError, match="towers"):
        layer_schema("towers")


def test_status_glyphs_contrast_with_their_marker():
    """The category glyph is white or near-black, whichever reads on the status colour (WCAG ≥ 4.5:1)."""
    from paser_smartcity_plugin.core.codelists import SERVICE_STATUS, TOWER_STATUS, contrast

    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    for code in list(SERVICE_STATUS) + list(TOWER_STATUS):
        assert contrast(code.color, code.glyph_color) >= 4.5, code
