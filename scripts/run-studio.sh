#!/usr/bin/env bash
# Starts the studio from a build folder. Without a display there is no
# window to open, so it says so and runs the headless default job instead.
set -euo pipefail
build_dir="${1:-build}"
bin="$build_dir/app"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-studio: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the headless default job instead:"
  echo "a sample rollout with the embedded nano model, in all four modes, into out/."
  exec "$bin/cosmos-cli" sample --out out
fi
exec "$bin/cosmos-studio" "${@:2}"
