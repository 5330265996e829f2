// The nano model's card (MODEL_CARD.md in its folder): what it is, how it
// was trained (from training.json), how it scored (from evaluation.json),
// and its latent -> RGB preview map. Written by nano-train, rewritten by
// nano-eval --card.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/pipeline/world_model_config.h"

namespace cosmos::engine::nano {

std::string nanoModelCard(
    const pipeline::WorldModelConfig& config, const nlohmann::json& training, const nlohmann::json& evaluation);

} // namespace cosmos::engine::nano
