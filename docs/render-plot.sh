#!/bin/bash
# Draws a run's Gantt chart and renders it to PNG, to look at it.
#
#   docs/render-plot.sh TIMING.json OUT.png [plot options...]
#
# TIMING.json is a timing list: `flux-modprobe rc1 --timing-file F`, or the
# original's `flux kvs get modprobe.stats`. Needs rsvg-convert
# (Debian/Ubuntu: apt-get install librsvg2-bin); falls back to headless
# chromium if that is what is installed.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 TIMING.json OUT.png [plot options...]" >&2; exit 2; }
timing=$1 png=$2
shift 2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
svg=${png%.png}.svg
"$root/bin/flux-modprobe" plot "$timing" -o "$svg" "$@"
if command -v rsvg-convert >/dev/null; then
    rsvg-convert --background-color=white -o "$png" "$svg"
elif chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome); then
    w=$(sed -n 's/.*<svg[^>]* width="\([0-9]*\)".*/\1/p' "$svg" | head -1)
    h=$(sed -n 's/.*<svg[^>]* height="\([0-9]*\)".*/\1/p' "$svg" | head -1)
    "$chrome" --headless --disable-gpu --no-sandbox --window-size="$w,$h" --screenshot="$png" "file://$(readlink -f "$svg")"
else
    echo "$0: need rsvg-convert (apt-get install librsvg2-bin) or chromium" >&2
    exit 1
fi
echo "$png"
