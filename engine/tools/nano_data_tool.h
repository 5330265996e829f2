// What `cosmos-cli nano-data` does: simulates and writes a nano-world
// dataset, deterministically from one seed. For clip i of dataset seed S the
// clip seed is nanoClipSeed(S, i) = S * 1000003 + i (mod 2^64), so a clip can
// be recreated alone, and datasets from nearby seeds do not share clips.
//
//   DIR/clip_000000.mp4     the frames (or DIR/clip_000000/ with --format png)
//   DIR/clip_000000.json    prompt, spec, per-frame truth, bounces, collisions
//   DIR/index.jsonl         one line per clip: {"file", "json", "prompt", "seed"}
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/logging.h"
#include "engine/nano/nano_world.h"

namespace cosmos::engine::tools {

struct NanoDataOptions {
    std::uint64_t seed = 0; // the dataset seed
    int count = 0; // clips, 1 .. kMaxNanoDataClips
    std::string outputDir; // created if missing
    std::string format = "mp4"; // "mp4" (H.264) or "png" (a folder of PNG frames per clip)
};

constexpr int kMaxNanoDataClips = 1000000; // clip_%06d names

struct NanoDataReport {
    std::string outputDir;
    std::string indexPath;
    int clips = 0;
    int oneBallClips = 0;
    int collidingClips = 0;
    double seconds = 0.0;
};

// Called after each clip with the number written so far.
using NanoDataProgress = std::function<void(int written, int count)>;

std::uint64_t nanoClipSeed(std::uint64_t datasetSeed, int index);

// The clip's record as written to clip_NNNNNN.json (without the frames).
nlohmann::json nanoClipJson(const nano::NanoClip& clip);

// Throws EngineError (or MediaError) with a message for the user: a bad
// count or format, a folder that cannot be created or written.
NanoDataReport writeNanoDataset(
    const NanoDataOptions& options, const LoggerPtr& logger, const NanoDataProgress& progress = {});

} // namespace cosmos::engine::tools
