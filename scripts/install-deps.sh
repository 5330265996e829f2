#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing Cosmos
# Studio need. Idempotent: when every package is already installed it only
# runs one dpkg query and exits, so `make run` / `make test` stay quick.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config dpkg-dev file
  # Qt 6 (Widgets, OpenGL widgets, SQL with the SQLite driver, Linguist)
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libqt6sql6-sqlite
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libgl-dev libgl1-mesa-dri libglx-mesa0 libegl-mesa0
  # engine: LibTorch on an optimised BLAS (reference BLAS is ~24x slower)
  libtorch-dev libopenblas0-pthread
  # media, logging, storage, JSON, regular expressions
  libavformat-dev libavcodec-dev libavutil-dev libavfilter-dev
  libswscale-dev libswresample-dev
  libspdlog-dev libfmt-dev libsqlite3-dev nlohmann-json3-dev libpcre2-dev
  # GUI tests under a virtual X server; screenshots; numpy for fixtures
  xvfb xauth x11-utils imagemagick fonts-noto-cjk python3-numpy
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
