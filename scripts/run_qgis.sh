#!/usr/bin/env bash
# `make run`: QGIS desktop with a throw-away profile that has the plugin installed and
# enabled and the demo workspace open. Uses $DISPLAY, or a virtual one (Xvfb) when none.
set -euo pipefail
plugin_dir=$(realpath "$1")
root=$(mktemp -d -t paser-qgis-XXXXXX)
profile="$root/profiles/default"
mkdir -p "$profile/python/plugins" "$profile/QGIS"
ln -s "$plugin_dir" "$profile/python/plugins/paser_smartcity_plugin"
cat > "$profile/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
paser_smartcity_plugin=true

[paser_smartcity]
workspace_path=$root/workspace/paser.gpkg

[qgis]
checkVersion=false
showTips322=false
INI
echo "QGIS profile: $root (removed on exit); workspace: $root/workspace/paser.gpkg"
trap 'rm -rf "$root"' EXIT
unset QT_QPA_PLATFORM
cmd=(qgis --profiles-path "$root" --noversioncheck --code "$(dirname "$0")/open_demo.py")
if [ -z "${DISPLAY:-}" ]; then
  echo "No display: running QGIS on a virtual screen (Xvfb)."
  xvfb-run -a -s "-screen 0 1600x1000x24" "${cmd[@]}"
else
  "${cmd[@]}"
fi
