#!/usr/bin/env bash
# Install what the tests and tools need on Debian 12, 13 or sid: QGIS and friends from Debian,
# then a venv that sees QGIS's Python modules. Idempotent: a second run installs nothing.
#   bash scripts/bootstrap.sh              Debian packages + venv
#   bash scripts/bootstrap.sh --apt-only   Debian packages only (scripts/chroot_suite.sh caches them)
set -euo pipefail
VENV=${VENV:-.venv}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_updated=""

apt_update() {
  [ -n "$apt_updated" ] || $SUDO apt-get update -qq
  apt_updated=yes
}

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# The PostgreSQL major this system has or offers (Debian 12 has 15, 13 has 17, sid 18): an
# installed one with PostGIS (never a second server next to it), else the one Debian's
# `postgresql` package depends on.
installed_postgresql_major() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/ 2>/dev/null | sort -V -r); do
    if [ -x "$dir/bin/initdb" ] && [ -e "$dir/lib/postgis-3.so" ]; then
      basename "$dir"
      return
    fi
  done
}

pg=$(installed_postgresql_major)
if [ -z "$pg" ]; then
  apt-cache show postgresql >/dev/null 2>&1 || apt_update
  pg=$(apt-cache depends postgresql | sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -n 1)
  [ -n "$pg" ] || { echo "bootstrap: apt offers no postgresql package" >&2; exit 1; }
fi
APT_PACKAGES=(
  qgis python3-qgis qgis-server qgis-providers gdal-bin python3-gdal python3-venv
  qttools5-dev-tools xvfb xauth
  "postgresql-$pg" "postgresql-$pg-postgis-3" python3-psycopg2
  python3-geopandas python3-fiona
  # PROJ's database and grids: Debian's pyproj (which the venv sees) needs them, and they are
  # only recommended, so --no-install-recommends would leave them out.
  proj-data proj-bin
  zip unzip openssl
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ "${1:-}" != "--apt-only" ] || exit 0

# The venv keeps the system's own numpy (Debian's GDAL bindings and QGIS are built against it;
# a numpy from PyPI breaks gdal_array and Processing): pip gets it as a constraint.
system_numpy=$(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)')
constraints=$(cat requirements/constraints.txt; echo "numpy==$system_numpy")
stamp="$VENV/.bootstrap-stamp"
want=$( (cat requirements/dev.txt; echo "$constraints") | sha256sum | cut -c1-16)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "bootstrap: preparing venv $VENV"
  # QGIS's Python modules live in Debian's dist-packages: the venv must see them.
  [ -x "$VENV/bin/python" ] || /usr/bin/python3 -m venv --system-site-packages "$VENV"
  echo "$constraints" > "$VENV/constraints.txt"
  "$VENV/bin/pip" install -q --disable-pip-version-check -c "$VENV/constraints.txt" -r requirements/dev.txt
  echo "$want" > "$stamp"
fi
