"""Run by `make run` inside QGIS (qgis --code): open the demo workspace's layers."""

from qgis.utils import plugins

plugins["paser_smartcity_plugin"].open_layers()
