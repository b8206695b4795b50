# Paser Smart City — build, test and package the QGIS plugin.
#   make run     QGIS desktop with a throw-away profile, the plugin enabled, the demo open
#   make test    bootstrap (Debian packages + venv) and run every test
SHELL := /bin/bash
.DEFAULT_GOAL := help

PLUGIN := paser_smartcity_plugin
VENV ?= .venv
PY := $(VENV)/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
BUILD := build/$(PLUGIN)
ZIP := dist/$(PLUGIN).zip
TS := $(wildcard $(PLUGIN)/i18n/*.ts)
QM := $(TS:.ts=.qm)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: build-plugin help bootstrap compile test unit bench package run lint clean central i18n i18n-check package-check

help:
	@echo "make run | test | bench | package | package-check | lint | i18n | i18n-check | central | clean"

bootstrap:
	@bash scripts/bootstrap.sh

$(PLUGIN)/resources_rc.py: resources.qrc $(wildcard icons/*)
	pyrcc5 -o $@ $<

$(PLUGIN)/i18n/%.qm: $(PLUGIN)/i18n/%.ts
	lrelease -silent $< -qm $@

compile: $(PLUGIN)/resources_rc.py $(QM)

# The lint runs first: a formatting slip or dead code fails CI like a failing test.
test: bootstrap compile lint
	$(PY) -m pytest

unit: compile
	$(PY) -m pytest tests/unit

bench: bootstrap compile
	$(PY) bench/run_all.py

# ruff: style, pyflakes, import order, bugbear; the formatter's check; flake8-qgis: QGIS's own
# rules (.flake8); vulture: dead code (pyproject.toml, callbacks in vulture_whitelist.py);
# the Qt6 gate. .pre-commit-config.yaml runs the same.
LINTED := $(PLUGIN) tests bench scripts central
lint: bootstrap
	$(PY) -m ruff check $(LINTED)
	$(PY) -m ruff format --check $(LINTED)
	$(PY) -m flake8 $(LINTED)
	$(PY) -m vulture
	$(PY) scripts/check_qt6.py $(PLUGIN)

# Translations: `make i18n` extracts new tr() strings into the .ts (keeping translations,
# marking vanished ones obsolete); `make i18n-check` fails on missing or unfinished entries.
i18n:
	python3 scripts/i18n.py update

i18n-check:
	python3 scripts/i18n.py check

# The installable plugin folder: package + metadata + icons + compiled resources and
# translations; no tests, caches or sources of generated files.
build-plugin: compile
	rm -rf $(BUILD) && mkdir -p $(BUILD)
	cp -r $(PLUGIN)/. $(BUILD)/
	find $(BUILD) -name '__pycache__' -prune -exec rm -rf {} +
	rm -f $(BUILD)/i18n/*.ts
	cp metadata.txt LICENSE $(BUILD)/
	python3 scripts/metadata_changelog.py CHANGELOG.md $(BUILD)/metadata.txt
	cp -r icons $(BUILD)/icons

package: build-plugin
	mkdir -p $(dir $(ZIP)) && rm -f $(ZIP)
	cd $(dir $(BUILD)) && zip -qr9 $(abspath $(ZIP)) $(PLUGIN)
	@echo "wrote $(ZIP) (version $(VERSION))"

# The zip installs into a fresh QGIS profile, qgis_process lists and runs its algorithms.
package-check: package
	python3 scripts/package_check.py $(ZIP)

run: bootstrap build-plugin
	bash scripts/run_qgis.sh $(BUILD)

# The demo central database on loopback (embedded GeoPackage behind qgis_mapserver); prints its URL.
central: bootstrap
	$(PY) central/run_demo.py

clean:
	rm -rf build dist $(PLUGIN)/resources_rc.py $(PLUGIN)/i18n/*.qm
	find . -name __pycache__ -prune -exec rm -rf {} +
