// What `cosmos-cli generate` does, over plain data: load a model (or build
// one with seeded random weights for tests), read the conditioning media,
// generate one take, write the clip with its provenance in the metadata and
// as a JSON file beside it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "engine/logging.h"
#include "engine/runner/cancel_token.h"
#include "engine/runner/job.h"

namespace cosmos::engine::tools {

struct GenerateOptions {
    std::string model; // a model folder
    std::string modelConfig; // with randomWeightsSeed: a preset ("nano") or config.json
    std::optional<std::uint64_t> randomWeightsSeed; // untrained networks, for tests and benchmarks
    std::string tokenizerPath; // with randomWeightsSeed: the tokenizer.json to use
    std::string prompt;
    std::optional<std::string> negativePrompt;
    std::string imagePath; // Image2World
    std::string videoPath; // Video2World
    std::string continueLatentPath; // Continue: a latent saved by an earlier take (--save-latent)
    std::string saveLatentPath; // write this take's latent (safetensors) for a later Continue
    int frames = 0; // 0: the model's default
    int steps = 0; // 0: the model's default
    std::optional<double> guidance;
    std::uint32_t seed = 1;
    std::string sampler; // "unipc", "euler"; empty: the model's
    std::string device = "cpu";
    std::string outputPath; // .mp4, .webm, .gif, or a folder / name_%04d.png for PNGs
    int scale = 1; // upscale the written clip (nearest), e.g. 4 for 64x64 models
    // runGenerate: where the models' decode speeds are kept between runs, so
    // the time left counts the decoding (empty: not kept). GenerationService
    // keeps its own record.
    std::string decodeSpeedFile;
};

struct GenerateReport {
    std::string outputPath;
    std::string provenanceJson;
    std::string provenancePath;
    int frames = 0;
    int width = 0;
    int height = 0;
    double fps = 0.0;
};

using ProgressFunction = std::function<void(const StepProgress&)>;

// Throws EngineError (or a subclass) with a message for the user;
// SamplingCancelled when `cancel` asks to stop.
GenerateReport runGenerate(const GenerateOptions& options, const LoggerPtr& logger, const CancelToken& cancel,
    const ProgressFunction& progress = {});

} // namespace cosmos::engine::tools
