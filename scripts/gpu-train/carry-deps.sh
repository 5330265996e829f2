#!/usr/bin/env bash
# Fills .gpu/ (ignored by git: `echo /.gpu/ >> .git/info/exclude`) with what
# the GPU machine lacks and scripts/gpu-train needs, from this machine's
# Debian packages (libspdlog-dev, libfmt-dev, nlohmann-json3-dev,
# libpcre2-dev): the headers, and PCRE2 as a static library. The device
# call then names .gpu in `carry`.
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf .gpu
mkdir -p .gpu/include .gpu/lib
cp -r /usr/include/spdlog /usr/include/fmt /usr/include/nlohmann /usr/include/pcre2.h .gpu/include/
cp /usr/lib/"$(gcc -print-multiarch)"/libpcre2-8.a .gpu/lib/
du -sh .gpu
