#include "engine/pipeline/provenance.h"

#include "engine/build_info.h"
#include "engine/util/utc_time.h"

namespace cosmos::engine::pipeline {

nlohmann::json makeProvenance(const WorldModelConfig& config, const GenerationRequest& request,
    const GenerationResult& result, const ProvenanceInputs& inputs)
{
    const BuildInfo build = queryBuildInfo();
    nlohmann::json libraries = nlohmann::json::object();
    for (const auto& component : build.components)
        libraries[component.name] = component.version;
    const sampling::SamplerConfig defaults = config.sampling;
    const Resolution resolution = request.resolution.height > 0 ? request.resolution : config.resolutions.front();
    return {
        {"format", "cosmos-studio-take/1"},
        {"created", util::utcTimestamp()},
        {"prompt", request.prompt},
        {"negative_prompt", request.negativePrompt.value_or(config.negativePrompt)},
        {"mode", generationModeName(request.mode)},
        {"conditioning_hashes", inputs.conditioningHashes},
        {"conditional_latent_frames", result.conditionalLatentFrames},
        {"seed", request.seed},
        {"frames", result.video.defined() ? result.video.size(1) : 0},
        {"fps", config.fps},
        {"resolution", {{"width", resolution.width}, {"height", resolution.height}}},
        {"sampler",
            {{"solver", sampling::solverKindName(request.solver.value_or(defaults.solver))},
                {"schedule", sampling::scheduleKindName(defaults.schedule)},
                {"steps_requested", request.steps.value_or(defaults.steps)}, {"network_evaluations", result.steps},
                {"guidance", request.guidance.value_or(defaults.guidance)},
                {"shift", request.shift.value_or(defaults.shift)}}},
        {"model", {{"name", inputs.modelName.empty() ? config.name : inputs.modelName}, {"weights", inputs.weightsId}}},
        {"engine", {{"version", build.engineVersion}, {"libraries", libraries}, {"cuda", build.cudaAvailable}}},
        {"device", inputs.device},
        {"seconds", result.seconds},
    };
}

} // namespace cosmos::engine::pipeline
