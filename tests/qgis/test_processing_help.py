"""The algorithms' help names parameters as the Processing dialog shows them, not only by the
qgis_process names the officer never sees there."""

import re

from qgis.core import QgsApplication

# create_workspace's help is pinned by its Indonesian translation (test_locale_id): it gets the
# label ('Seed the demo data') together with its translation, which is done on main.
NOT_YET = {("create_workspace", "DEMO")}


def test_help_names_the_dialog_labels(plugin):
    provider = QgsApplication.processingRegistry().providerById("paser_smartcity")
    checked = 0
    for algorithm in provider.algorithms():
        help_text = algorithm.shortHelpString()
        for parameter in algorithm.parameterDefinitions():
            name = parameter.name()
            if (algorithm.name(), name) in NOT_YET or not re.search(rf"(?<![\w=]){name}(?![\w=])", help_text):
                continue
            label = parameter.description().split(" (")[0]
            assert f"'{label}" in help_text, f"{algorithm.id()}: {name} is named without its label {label!r}"
            assert re.search(rf"'[^']+' \({name}\b|'[^']+', {name}\)", help_text), (algorithm.id(), name)
            checked += 1
    assert checked >= 15
