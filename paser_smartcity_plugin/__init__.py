"""Paser Smart City: QGIS plugin for the smart-city internet programme of Kabupaten Paser."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    # Imported here so that merely importing the package (tests, Processing scripts)
    # touches no GUI code.
    from .plugin import PaserSmartCityPlugin

    return PaserSmartCityPlugin(iface)
