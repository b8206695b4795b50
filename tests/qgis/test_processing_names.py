"""processing/names.py is the provider's API: every algorithm id, parameter and output name
the provider registers is one of its constants, so scripts, models and the GUI use one spelling."""

from qgis.core import QgsApplication

from paser_smartcity_plugin.processing import names
from paser_smartcity_plugin.processing.names import Output, Param, algorithm_id

ALGORITHM_NAMES = {
    value for key, value in vars(names).items() if key.isupper() and isinstance(value, str) and key != "PROVIDER_ID"
}
PARAMS = {v for k, v in vars(Param).items() if k.isupper()}
OUTPUTS = {v for k, v in vars(Output).items() if k.isupper()}


def _algorithms():
    provider = QgsApplication.processingRegistry().providerById(names.PROVIDER_ID)
    assert provider is not None
    return provider.algorithms()


def test_every_algorithm_has_its_id_from_the_names(plugin):
    ids = {a.id() for a in _algorithms()}
    assert ids == {algorithm_id(name) for name in ALGORITHM_NAMES}


def test_every_parameter_name_is_a_constant(plugin):
    unnamed = {(a.name(), p.name()) for a in _algorithms() for p in a.parameterDefinitions() if p.name() not in PARAMS}
    assert unnamed == set()


def test_outputs_read_by_callers_are_constants(plugin):
    """Count outputs are named by the core's count keys; every other output is an Output constant."""
    from paser_smartcity_plugin.processing.merge_field_package import COUNTS as MERGE_COUNTS

    counts = {name for name, _ in MERGE_COUNTS} | {"MATCHED", "UPDATED", "NEW", "REJECTED", "WARNINGS", "LEFT_OUT"}
    unnamed = {
        (a.name(), o.name())
        for a in _algorithms()
        for o in a.outputDefinitions()
        if o.name() not in OUTPUTS and o.name() not in counts
    }
    assert unnamed == set()
