// Everything that makes one world model: its three networks' configs, the
// sampler defaults it was trained for, and the inference details that change
// numbers (conditioning-frame timestep, guidance formula, schedule). The
// official 2B post-trained model, the 2B pre-trained model and the nano model
// differ only in this data.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "engine/nets/dit/dit_config.h"
#include "engine/nets/text/text_encoder_config.h"
#include "engine/nets/vae/wan_vae_config.h"
#include "engine/sampling/flow_sampler.h"

namespace cosmos::engine::pipeline {

struct Resolution {
    int height = 0;
    int width = 0;
    bool operator==(const Resolution& other) const { return height == other.height && width == other.width; }
};

struct WorldModelConfig {
    std::string name = "nano";
    nets::DitConfig dit = nets::DitConfig::nano();
    nets::WanVaeConfig vae = nets::WanVaeConfig::nano();
    nets::TextEncoderConfig text = nets::TextEncoderConfig::nano();
    sampling::SamplerConfig sampling; // default steps, shift, guidance, schedule, solver, formula
    // Timestep (scheduler units) the conditioning latent frames are given;
    // negative: they share the current one (pre-trained checkpoints).
    double conditionalFrameTimestep = -1.0;
    int fps = 16;
    std::vector<Resolution> resolutions {{64, 64}};
    std::vector<int> frameCounts {33};
    std::string negativePrompt;
    // Latent frames that Video2World / Continue condition on.
    int conditionalLatentFrames = 2;
    // Continue hands the previous take's latents over directly (for models
    // trained for it) instead of decoding and re-encoding its last frames.
    bool continueWithLatents = false;
    // Cheap latent -> RGB preview: rgb = factors^T z + bias, factors [C x 3]
    // row-major, bias [3]; empty: the first three channels, scaled.
    std::vector<float> previewFactors;
    std::vector<float> previewBias;

    void validate() const; // throws EngineError
    nlohmann::json toJson() const;
    static WorldModelConfig fromJson(const nlohmann::json& json);

    // The official default model of the Cosmos-Predict2.5 scripts.
    static WorldModelConfig cosmos2BPostTrained();
    static WorldModelConfig cosmos2BPreTrained();
    static WorldModelConfig nano();
};

std::string describeResolutions(const std::vector<Resolution>& resolutions);

} // namespace cosmos::engine::pipeline
