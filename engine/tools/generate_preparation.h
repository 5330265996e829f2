// Engine-internal: a generation set up from GenerateOptions (model opened,
// conditioning media read), shared by `generate` and `bench`.
#pragma once

#include <memory>

#include "engine/pipeline/generation.h"
#include "engine/pipeline/provenance.h"
#include "engine/tools/generate_tool.h"

namespace cosmos::engine::tools {

struct PreparedGeneration {
    std::unique_ptr<pipeline::WorldModel> model;
    pipeline::GenerationRequest request;
    pipeline::ProvenanceInputs provenance;
};

// The request fields the options decide (prompt, seed, frames, steps,
// guidance, sampler); zero or empty ones keep the model's defaults.
void applyRequestOptions(const GenerateOptions& options, pipeline::GenerationRequest& request);

PreparedGeneration prepareGeneration(const GenerateOptions& options);

} // namespace cosmos::engine::tools
