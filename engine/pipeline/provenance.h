// A take's record: everything needed to reproduce it (prompt, negative
// prompt, mode, conditioning media hashes, seed, sampler, steps, guidance,
// shift, model and weights identity, engine and library versions, device)
// and how long each phase took. Written as JSON beside and inside the clip.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/pipeline/generation.h"

namespace cosmos::engine::pipeline {

struct ProvenanceInputs {
    std::string modelName;
    std::string weightsId; // hash or identity of the weights
    std::vector<std::string> conditioningHashes; // SHA-256 of the image/video files used
    std::string device; // "cpu", "cuda:0"
};

nlohmann::json makeProvenance(const WorldModelConfig& config, const GenerationRequest& request,
    const GenerationResult& result, const ProvenanceInputs& inputs);

} // namespace cosmos::engine::pipeline
