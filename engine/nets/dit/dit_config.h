// Configuration of the Cosmos-Predict2.5 diffusion transformer
// (MiniTrainDIT with the Video2World MinimalV1LVGDiT wrapper). The 2B and
// 14B presets carry the official numbers; `nano` is the embedded model.
// Every detail that changes numbers is a field, so that models differ only
// in data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace cosmos::engine::nets {

struct DitConfig {
    std::string name = "custom";
    std::int64_t modelChannels = 2048; // D
    std::int64_t numBlocks = 28;
    std::int64_t numHeads = 16;
    double mlpRatio = 4.0;
    std::int64_t latentChannels = 16; // in and out channels of the latent
    std::int64_t patchSpatial = 2;
    std::int64_t patchTemporal = 1;
    bool concatPaddingMask = true; // +1 input channel
    bool conditionMaskChannel = true; // +1 input channel (Video2World)
    bool useAdalnLora = true;
    std::int64_t adalnLoraDim = 256;
    std::int64_t crossattnEmbChannels = 1024; // context width the blocks attend to
    bool useCrossattnProjection = true; // Linear(+bias) + GELU before the blocks
    std::int64_t crossattnProjInChannels = 100352;
    // 3D RoPE: NTK extrapolation ratios; positions are plain indices.
    double ropeHExtrapolationRatio = 3.0;
    double ropeWExtrapolationRatio = 3.0;
    double ropeTExtrapolationRatio = 1.0;
    std::int64_t maxPatchH = 120; // max_img_h / patch for the official nets
    std::int64_t maxPatchW = 120;
    std::int64_t maxFrames = 128;
    // The network multiplies the timestep it is given by this (0.001: the
    // scheduler's sigma * 1000 becomes sigma again).
    double timestepScale = 0.001;
    // fp32 for timestep embedding, modulation, RoPE and the final layer
    // when the network runs in bf16.
    bool useWanFp32Strategy = true;
    double normEps = 1e-6;

    std::int64_t headDim() const { return modelChannels / numHeads; }
    std::int64_t inputChannels() const
    {
        return latentChannels + (conditionMaskChannel ? 1 : 0) + (concatPaddingMask ? 1 : 0);
    }
    std::int64_t patchFeatures() const { return inputChannels() * patchSpatial * patchSpatial * patchTemporal; }
    std::int64_t outputFeatures() const { return latentChannels * patchSpatial * patchSpatial * patchTemporal; }
    std::int64_t contextInputChannels() const
    {
        return useCrossattnProjection ? crossattnProjInChannels : crossattnEmbChannels;
    }

    // Throws EngineError naming the field and why it is wrong.
    void validate() const;
    std::string toString() const;
    nlohmann::json toJson() const;
    static DitConfig fromJson(const nlohmann::json& json); // missing fields keep the 2B values

    static DitConfig cosmos2B();
    static DitConfig cosmos14B();
    static DitConfig nano();
    // "2B", "14B" or "nano"; throws EngineError listing the valid names.
    static DitConfig preset(const std::string& name);
    static std::vector<std::string> presetNames();
};

} // namespace cosmos::engine::nets
