#!/usr/bin/env bash
# Rebuilds resources/example-project: the project the studio opens on first
# start, a short nano rollout of several segments (Text2World, two Continues,
# another Text2World, two more takes of the first and a comparison board of
# them) made with the shipped nano model.
# Run it after the nano weights change:  bash scripts/make-example-project.sh [build]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
cli="$build_dir/app/cosmos-cli"
target=resources/example-project
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rm -rf "$target"
"$cli" project new "$work/project" --name "Example: a ball in the nano world" >/dev/null

take() { # segment, latent out, prompt, extra options...
  local segment=$1 latent=$2 prompt=$3
  shift 3
  "$cli" generate --project "$work/project" --segment "$segment" --prompt "$prompt" \
    --frames 33 --seed "$((segment * 11))" --save-latent "$latent" "$@"
}

take 1 "$work/1.safetensors" "a large red ball is thrown to the right"
take 2 "$work/2.safetensors" "a large red ball drops and bounces twice" --continue "$work/1.safetensors"
take 3 "$work/3.safetensors" "a large red ball is thrown to the left and hits the wall and bounces once" --continue "$work/2.safetensors"
take 4 "$work/4.safetensors" "a small yellow ball drops onto a large blue ball"
# More takes of the first segment: its take stack has something to switch,
# and a comparison board shows the three seeds side by side.
take 1 "$work/1b.safetensors" "a large red ball is thrown to the right" --seed 5
take 1 "$work/1c.safetensors" "a large red ball is thrown to the right" --seed 9
"$cli" project board "$work/project" --name "Three seeds" --takes 1,5,6 >/dev/null

"$cli" project check "$work/project" >/dev/null
mkdir -p "$(dirname "$target")"
# Only the project itself: no lock, no WAL (the check above closed it cleanly).
mkdir "$target"
cp "$work/project/project.sqlite" "$target/"
cp -r "$work/project/media" "$target/"
du -sh "$target"
echo "example project written to $target"
