// Scores a nano world model against its own simulator on fresh seeds (never
// seen in training): Text2World takes for prompt adherence and physics,
// Image2World / Video2World / Continue takes for conditioning and
// continuity, and the video tokenizer's reconstruction.
//
//   NanoEvalOptions options;
//   options.clips = 200;
//   NanoEvalReport report = evaluateNanoModel(model, options);
//   std::cout << report.table();
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/nano/nano_scoring.h"

namespace cosmos::engine::pipeline {
class WorldModel;
} // namespace cosmos::engine::pipeline

namespace cosmos::engine::nano {

struct NanoEvalOptions {
    int clips = 200; // Text2World takes
    int conditionedClips = 50; // takes per conditioned mode, and tokenizer clips
    std::uint64_t evalSeed = 1;
    int steps = 0; // 0: the model's default
    double guidance = -1.0; // < 0: the model's default
    // (phase, takes done, takes in all); return false to stop early (the report
    // covers what ran).
    std::function<bool(const std::string&, int, int)> progress;
};

struct NanoEvalMetric {
    std::string key; // JSON name
    std::string label; // table row
    double value = 0.0;
    std::string unit; // "%", "dB", "px/s²", ...
    std::string target; // e.g. ">= 90 %"; empty when there is none
    bool passed = true; // against the target (true without one)
    int samples = 0; // clips it was measured on
};

// One Text2World take as it was scored: what a model developer reads to
// find out which prompts a model gets wrong, and how.
struct NanoTakeRecord {
    int clip = 0; // index among the evaluation clips
    std::uint32_t seed = 0; // the take's sampling seed (cosmos-cli generate --seed)
    std::string prompt;
    NanoClipSpec spec; // what the prompt asked for
    ClipScore score; // the verdicts and what they came from
    nlohmann::json toJson() const;
};

struct NanoEvalReport {
    std::vector<NanoEvalMetric> metrics;
    std::vector<NanoTakeRecord> takes; // every Text2World take, in clip order
    int clips = 0;
    int steps = 0;
    std::uint64_t evalSeed = 0;
    double seconds = 0.0;
    bool allPassed() const;
    nlohmann::json toJson() const;
    std::string table() const;
};

NanoEvalReport evaluateNanoModel(pipeline::WorldModel& model, const NanoEvalOptions& options);

// Loads "nano" or a model folder and evaluates it; with recordInFolder, also
// writes evaluation.json and rewrites MODEL_CARD.md there. `folder` receives
// the resolved model folder.
NanoEvalReport evaluateNanoModelFolder(const std::string& nameOrFolder, const NanoEvalOptions& options,
    bool recordInFolder, std::string* folder = nullptr);

// Writes MODEL_CARD.md again from the folder's config, training.json and
// evaluation.json (after the card's layout changed, say), evaluating
// nothing. Returns the resolved folder.
std::string rewriteNanoModelCard(const std::string& nameOrFolder);

} // namespace cosmos::engine::nano
