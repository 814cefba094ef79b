#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks that the installed app finds its
# assets there (not in the source tree) and renders a screenshot. Usage: check_install.sh BUILD_DIR
set -euo pipefail
build="$1"
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
app="$prefix/bin/aleppo-atlas"
test -x "$app"
test -f "$prefix/share/aleppo-atlas/assets/corpus/MANIFEST.tsv"
# Without a display the app loads the sample corpus, then stops at the window: the message must
# be about the display, not about a missing corpus.
set +e
msg=$(cd / && env -u DISPLAY -u WAYLAND_DISPLAY -u ALEPPO_ATLAS_ASSETS "$app" 2>&1)
status=$?
set -e
echo "installed app without display: status $status: $msg"
test "$status" -eq 2
grep -q "display" <<<"$msg"
# Under Xvfb it renders from the installed assets.
(cd / && env -u ALEPPO_ATLAS_ASSETS xvfb-run -a "$app" screenshot --out "$prefix/shot.png" --width 800 --height 600)
test -s "$prefix/shot.png"
echo "install check passed"
