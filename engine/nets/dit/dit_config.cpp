#include "engine/nets/dit/dit_config.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/errors.h"

namespace cosmos::engine::nets {
namespace {

void require(bool condition, const std::string& message)
{
    if (!condition)
        throw EngineError("invalid DiT config: " + message);
}

} // namespace

void DitConfig::validate() const
{
    require(modelChannels > 0 && numHeads > 0, "model_channels and num_heads must be positive");
    require(modelChannels % numHeads == 0,
        "model_channels (" + std::to_string(modelChannels) + ") must be a multiple of num_heads ("
            + std::to_string(numHeads) + ")");
    require(headDim() % 2 == 0, "the head dimension must be even for rotary embeddings");
    // RoPE splits the head dimension into t/h/w parts, each rotated in pairs.
    const std::int64_t dimH = headDim() / 6 * 2;
    require(dimH >= 4 && (headDim() - 2 * dimH) >= 4 && (headDim() - 2 * dimH) % 2 == 0,
        "head dimension " + std::to_string(headDim()) + " is too small for 3D RoPE");
    require(numBlocks > 0, "num_blocks must be positive");
    require(latentChannels > 0, "latent channels must be positive");
    require(patchSpatial > 0 && patchTemporal > 0, "patch sizes must be positive");
    require(!useAdalnLora || adalnLoraDim > 0, "adaln_lora_dim must be positive");
    require(crossattnEmbChannels > 0, "crossattn_emb_channels must be positive");
    require(!useCrossattnProjection || crossattnProjInChannels > 0, "crossattn_proj_in_channels must be positive");
    require(mlpRatio > 0.0, "mlp_ratio must be positive");
    require(timestepScale > 0.0, "timestep_scale must be positive");
}

std::string DitConfig::toString() const
{
    std::ostringstream out;
    out << "DiT '" << name << "': " << modelChannels << " channels, " << numBlocks << " blocks, " << numHeads
        << " heads (head dim " << headDim() << "), patch " << patchTemporal << "x" << patchSpatial << "x"
        << patchSpatial << ", " << inputChannels() << " input channels, context " << contextInputChannels() << " -> "
        << crossattnEmbChannels << ", adaLN-LoRA " << (useAdalnLora ? std::to_string(adalnLoraDim) : "off");
    return out.str();
}

nlohmann::json DitConfig::toJson() const
{
    return {
        {"name", name},
        {"model_channels", modelChannels},
        {"num_blocks", numBlocks},
        {"num_heads", numHeads},
        {"mlp_ratio", mlpRatio},
        {"latent_channels", latentChannels},
        {"patch_spatial", patchSpatial},
        {"patch_temporal", patchTemporal},
        {"concat_padding_mask", concatPaddingMask},
        {"condition_mask_channel", conditionMaskChannel},
        {"use_adaln_lora", useAdalnLora},
        {"adaln_lora_dim", adalnLoraDim},
        {"crossattn_emb_channels", crossattnEmbChannels},
        {"use_crossattn_projection", useCrossattnProjection},
        {"crossattn_proj_in_channels", crossattnProjInChannels},
        {"rope_h_extrapolation_ratio", ropeHExtrapolationRatio},
        {"rope_w_extrapolation_ratio", ropeWExtrapolationRatio},
        {"rope_t_extrapolation_ratio", ropeTExtrapolationRatio},
        {"max_patch_h", maxPatchH},
        {"max_patch_w", maxPatchW},
        {"max_frames", maxFrames},
        {"timestep_scale", timestepScale},
        {"use_wan_fp32_strategy", useWanFp32Strategy},
        {"norm_eps", normEps},
    };
}

DitConfig DitConfig::fromJson(const nlohmann::json& json)
{
    DitConfig c;
    auto read = [&json](const char* key, auto& field) {
        if (json.contains(key)) {
            try {
                json.at(key).get_to(field);
            } catch (const nlohmann::json::exception& error) {
                throw EngineError(std::string("invalid DiT config: field \"") + key + "\": " + error.what());
            }
        }
    };
    read("name", c.name);
    read("model_channels", c.modelChannels);
    read("num_blocks", c.numBlocks);
    read("num_heads", c.numHeads);
    read("mlp_ratio", c.mlpRatio);
    read("latent_channels", c.latentChannels);
    read("patch_spatial", c.patchSpatial);
    read("patch_temporal", c.patchTemporal);
    read("concat_padding_mask", c.concatPaddingMask);
    read("condition_mask_channel", c.conditionMaskChannel);
    read("use_adaln_lora", c.useAdalnLora);
    read("adaln_lora_dim", c.adalnLoraDim);
    read("crossattn_emb_channels", c.crossattnEmbChannels);
    read("use_crossattn_projection", c.useCrossattnProjection);
    read("crossattn_proj_in_channels", c.crossattnProjInChannels);
    read("rope_h_extrapolation_ratio", c.ropeHExtrapolationRatio);
    read("rope_w_extrapolation_ratio", c.ropeWExtrapolationRatio);
    read("rope_t_extrapolation_ratio", c.ropeTExtrapolationRatio);
    read("max_patch_h", c.maxPatchH);
    read("max_patch_w", c.maxPatchW);
    read("max_frames", c.maxFrames);
    read("timestep_scale", c.timestepScale);
    read("use_wan_fp32_strategy", c.useWanFp32Strategy);
    read("norm_eps", c.normEps);
    c.validate();
    return c;
}

DitConfig DitConfig::cosmos2B()
{
    DitConfig c; // the defaults are the 2B numbers
    c.name = "2B";
    return c;
}

DitConfig DitConfig::cosmos14B()
{
    DitConfig c;
    c.name = "14B";
    c.modelChannels = 5120;
    c.numBlocks = 36;
    c.numHeads = 40;
    return c;
}

DitConfig DitConfig::nano()
{
    // Small enough to train and sample on two CPU cores; the same classes
    // and conventions as the official nets. The nano world issue sizes it
    // against its data (8x8 latents, 9 latent frames).
    DitConfig c;
    c.name = "nano";
    c.modelChannels = 192;
    c.numBlocks = 6;
    c.numHeads = 4; // head dim 48: RoPE t/h/w = 16/16/16
    c.adalnLoraDim = 48;
    c.crossattnEmbChannels = 128;
    c.crossattnProjInChannels = 4 * 128; // nano text encoder: 4 layers x 128
    c.ropeHExtrapolationRatio = 1.0;
    c.ropeWExtrapolationRatio = 1.0;
    c.maxPatchH = 32;
    c.maxPatchW = 32;
    c.maxFrames = 64;
    return c;
}

std::vector<std::string> DitConfig::presetNames()
{
    return {"2B", "14B", "nano"};
}

DitConfig DitConfig::preset(const std::string& name)
{
    if (name == "2B")
        return cosmos2B();
    if (name == "14B")
        return cosmos14B();
    if (name == "nano")
        return nano();
    throw EngineError("unknown DiT architecture '" + name + "' (valid: 2B, 14B, nano)");
}

} // namespace cosmos::engine::nets
