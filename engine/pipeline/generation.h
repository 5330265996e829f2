// One take of a world model: Text2World, Image2World, Video2World and
// Continue, as the official Video2World model does them. Conditioning
// frames are encoded by the video tokenizer into the first latent frames,
// marked by the condition mask, given the clean latent as input (and the
// model's conditioning timestep), and their velocity is replaced by
// noise - x0 so the solver keeps them exact. Runs on the calling (engine)
// thread; reports progress and previews through the job context.
//
//   GenerationRequest request;
//   request.prompt = "a red ball bounces to the right";
//   GenerationResult take = generate(model, request, &context);
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <torch/types.h>

#include "engine/pipeline/world_model.h"
#include "engine/runner/job.h"

namespace cosmos::engine::pipeline {

enum class GenerationMode { Text2World, Image2World, Video2World, Continue };
std::string generationModeName(GenerationMode mode);
GenerationMode generationModeFromName(const std::string& name); // throws EngineError

struct GenerationRequest {
    GenerationMode mode = GenerationMode::Text2World;
    std::string prompt;
    std::optional<std::string> negativePrompt; // unset: the model's default
    std::uint32_t seed = 1;
    int frames = 0; // 0: the model's first frame count
    Resolution resolution {}; // 0 x 0: the model's first resolution
    std::optional<int> steps;
    std::optional<double> guidance;
    std::optional<double> shift;
    std::optional<sampling::SolverKind> solver;
    // Image2World: the image [3, 1, H, W]; Video2World / Continue: frames
    // [3, T, H, W]; both in [-1, 1] at the request's resolution.
    torch::Tensor conditioningFrames;
    // Continue with latents: the previous take's latent [1, C, T', h, w].
    torch::Tensor conditioningLatent;
    int previewEverySteps = 1; // 0: no previews
};

struct GenerationResult {
    torch::Tensor video; // [3, T, H, W] in [-1, 1], fp32, CPU
    torch::Tensor latent; // [1, C, T', h, w], fp32, CPU (what Continue hands over)
    int steps = 0;
    int conditionalLatentFrames = 0;
    std::map<std::string, double> seconds; // "text", "conditioning", "sampling", "decoding", "total"
};

// Throws EngineError for a request the model cannot serve (the message lists
// the valid values), SamplingCancelled when stopped.
GenerationResult generate(WorldModel& model, const GenerationRequest& request, const JobContext* context = nullptr);

// The cheap preview of a latent [1, C, T', h, w]: every pixel frame's RGB
// (latent frames repeated in time as the tokenizer expands them).
PreviewPtr latentPreview(const WorldModelConfig& config, const torch::Tensor& latent, int step);

} // namespace cosmos::engine::pipeline
