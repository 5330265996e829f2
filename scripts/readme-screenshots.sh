#!/usr/bin/env bash
# Takes the README's screenshots of the studio under a private Xvfb: idle on
# the example project, generating (live preview of the sampler's steps) and
# playing the whole timeline. Needs Xvfb, xdotool and imagemagick's import.
#   bash scripts/readme-screenshots.sh [build] [docs]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
out_dir="${2:-docs}"
display=:93
home=$(mktemp -d)
trap 'kill "${app:-0}" "${xvfb:-0}" 2>/dev/null || true; rm -rf "$home"' EXIT

Xvfb "$display" -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
"$build_dir/app/cosmos-studio" >"$home/studio.log" 2>&1 &
app=$!
sleep 6
window=$(xdotool search --name "Cosmos Studio" | head -1)
xdotool windowsize "$window" 1440 900 windowmove "$window" 0 0
sleep 2
import -window root "$out_dir/studio-idle.png"

# Generate the selected segment; a second in, the live preview shows its sampling.
xdotool windowfocus "$window" key --window "$window" ctrl+Return
sleep 1
import -window root "$out_dir/studio-generating.png"

sleep 12
xdotool windowfocus "$window" key --window "$window" ctrl+space
sleep 2
import -window root "$out_dir/studio-playing.png"
echo "screenshots in $out_dir"
