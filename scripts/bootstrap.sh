#!/usr/bin/env bash
# Install what the tests and tools need on Debian 12: QGIS 3.22 LTR and friends from Debian,
# then a venv that sees QGIS's Python modules. Idempotent: a second run installs nothing.
set -euo pipefail
VENV=${VENV:-.venv}
APT_PACKAGES=(
  qgis python3-qgis qgis-server qgis-providers gdal-bin python3-gdal python3-venv
  pyqt5-dev-tools qttools5-dev-tools xvfb xauth
  postgresql-15 postgresql-15-postgis-3 postgresql-contrib python3-psycopg2
  python3-geopandas python3-fiona
  zip unzip openssl
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
stamp="$VENV/.bootstrap-stamp"
want=$(cat requirements/dev.txt requirements/constraints.txt | sha256sum | cut -c1-16)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: preparing venv $VENV"
  # QGIS's Python modules live in Debian's dist-packages: the venv must see them.
  [ -x "$VENV/bin/python" ] || /usr/bin/python3 -m venv --system-site-packages "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -c requirements/constraints.txt -r requirements/dev.txt
  echo "$want" > "$stamp"
fi
