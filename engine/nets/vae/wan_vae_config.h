// Configuration of the Wan2.1 video VAE, the Cosmos-Predict2.5 video
// tokenizer (WanVAE_ in the official wan2pt1.py). The `wan2.1` preset carries
// the official numbers; `nano` is the small tokenizer of the embedded model.
// Both compress 8x in space and 4x in time to 16 latent channels, so the
// DiT's latent interface is the same for either.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace cosmos::engine::nets {

struct WanVaeConfig {
    std::string name = "custom";
    std::int64_t baseDim = 96; // `dim`
    std::int64_t zDim = 16; // latent channels
    std::vector<std::int64_t> dimMult = {1, 2, 4, 4}; // channels per level = baseDim * dimMult[i]
    std::int64_t numResBlocks = 2; // per encoder level (the decoder has one more)
    std::vector<double> attnScales = {}; // extra attention blocks at these scales
    std::vector<bool> temporalDownsample = {false, true, true}; // upstream spells it `temperal_downsample`
    double dropout = 0.0; // training only; inference ignores it
    // Frames per encoder chunk after the first frame, a multiple of 4. Not
    // part of the architecture: any multiple of 4 gives the same latents
    // (the time downsamplings see the same frame triples); larger chunks
    // trade memory for speed. WanVAE's default is 4; the released
    // Predict2.5 experiment configs set 16.
    std::int64_t temporalWindow = 4;
    // Per-channel latent statistics: encode returns (mu - mean) / std, decode
    // undoes it (WanVAE.mean / WanVAE.std upstream, the Wan2.1 values).
    std::vector<double> latentMean = {-0.7571, -0.7089, -0.9113, 0.1075, -0.1745, 0.9653, -0.1517, 1.5508, 0.4134,
        -0.0715, 0.5517, -0.3632, -0.1922, -0.9497, 0.2503, -0.2921};
    std::vector<double> latentStd = {2.8184, 1.4541, 2.3275, 2.6558, 1.2196, 1.7708, 2.6052, 2.0743, 3.2687, 2.1526,
        2.8652, 1.5579, 1.6382, 1.1253, 2.8251, 1.9160};

    // Pixels per latent pixel along H and W (8 for four levels).
    std::int64_t spatialCompression() const;
    // Frames per latent frame after the first (4: two time downsamplings).
    std::int64_t temporalCompression() const;
    // The decoder's per-level time upsampling: temporalDownsample reversed.
    std::vector<bool> temporalUpsample() const;

    // Throws EngineError naming the field and why it is wrong.
    void validate() const;
    std::string toString() const;
    nlohmann::json toJson() const;
    static WanVaeConfig fromJson(const nlohmann::json& json); // missing fields keep the wan2.1 values

    static WanVaeConfig wan21();
    static WanVaeConfig nano();
    // "wan2.1" or "nano"; throws EngineError listing the valid names.
    static WanVaeConfig preset(const std::string& name);
    static std::vector<std::string> presetNames();
};

} // namespace cosmos::engine::nets
