// What `cosmos-cli bench` measures: one generation, timed per phase and per
// step, with peak memory and the DiT's floating-point work per step, so speed
// and memory targets are checked by a benchmark rather than by unit tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "engine/logging.h"
#include "engine/nets/dit/dit_config.h"
#include "engine/tools/generate_tool.h"

namespace cosmos::engine::tools {

struct BenchReport {
    std::string model;
    std::string device;
    int frames = 0;
    int width = 0;
    int height = 0;
    int steps = 0; // network evaluations (steps of the schedule)
    bool guided = false; // cond and uncond in one batch per step
    double textSeconds = 0.0;
    double conditioningSeconds = 0.0;
    double samplingSeconds = 0.0;
    double decodingSeconds = 0.0;
    double totalSeconds = 0.0;
    std::vector<double> stepSeconds;
    double stepsPerSecond = 0.0;
    double flopsPerStep = 0.0; // analytic, DiT only (both batch rows when guided)
    double achievedFlops = 0.0; // flopsPerStep / mean step time
    double peakResidentMiB = 0.0; // the process's peak resident memory
    std::int64_t tokens = 0; // DiT tokens per row: T' x H/16 x W/16
};

// The DiT's forward FLOPs for one batch row of `tokens` tokens attending to
// `contextTokens` text tokens (multiply-add = 2 FLOPs).
double ditForwardFlops(const nets::DitConfig& config, std::int64_t tokens, std::int64_t contextTokens);

BenchReport runBench(const GenerateOptions& options, const LoggerPtr& logger);
nlohmann::json benchToJson(const BenchReport& report);

} // namespace cosmos::engine::tools
