#include "engine/nets/vae/wan_vae_config.h"

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/errors.h"

namespace cosmos::engine::nets {
namespace {

void require(bool condition, const std::string& message)
{
    if (!condition)
        throw EngineError("invalid Wan VAE config: " + message);
}

template<typename T>
std::string listToString(const std::vector<T>& values)
{
    std::ostringstream out;
    out << "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out << (i ? ", " : "") << values[i];
    out << "]";
    return out.str();
}

} // namespace

std::int64_t WanVaeConfig::spatialCompression() const
{
    return dimMult.empty() ? 1 : std::int64_t(1) << (dimMult.size() - 1);
}

std::int64_t WanVaeConfig::temporalCompression() const
{
    return std::int64_t(1) << std::count(temporalDownsample.begin(), temporalDownsample.end(), true);
}

std::vector<bool> WanVaeConfig::temporalUpsample() const
{
    return std::vector<bool>(temporalDownsample.rbegin(), temporalDownsample.rend());
}

void WanVaeConfig::validate() const
{
    require(baseDim > 0, "dim must be positive");
    require(zDim > 0, "z_dim must be positive");
    // Decoder3d halves the input channels of levels 1..3 after each Resample,
    // a rule written for exactly four levels.
    require(dimMult.size() == 4, "dim_mult must have 4 levels (found " + std::to_string(dimMult.size()) + ")");
    for (const std::int64_t mult : dimMult)
        require(mult > 0 && (baseDim * mult) % 2 == 0,
            "every dim * dim_mult must be positive and even (dim " + std::to_string(baseDim) + ", dim_mult "
                + listToString(dimMult) + ")");
    require(numResBlocks > 0, "num_res_blocks must be positive");
    require(temporalDownsample.size() == dimMult.size() - 1,
        "temporal_downsample must have one entry per downsampling (" + std::to_string(dimMult.size() - 1) + "), found "
            + std::to_string(temporalDownsample.size()));
    // Clips are 1 + 4k frames and the encoder's chunks multiples of 4 frames:
    // the chunking assumes 4x time compression.
    require(temporalCompression() == 4,
        "temporal_downsample must enable exactly two time downsamplings (found " + std::to_string(temporalCompression())
            + "x compression)");
    require(temporalWindow > 0 && temporalWindow % temporalCompression() == 0,
        "temporal_window (" + std::to_string(temporalWindow) + ") must be a positive multiple of "
            + std::to_string(temporalCompression()));
    require(dropout >= 0.0 && dropout < 1.0, "dropout must be in [0, 1)");
    require(latentMean.size() == std::size_t(zDim) && latentStd.size() == std::size_t(zDim),
        "latent_mean and latent_std need z_dim (" + std::to_string(zDim) + ") values each, found "
            + std::to_string(latentMean.size()) + " and " + std::to_string(latentStd.size()));
    for (const double s : latentStd)
        require(s > 0.0, "latent_std values must be positive");
}

std::string WanVaeConfig::toString() const
{
    std::ostringstream out;
    out << "Wan VAE '" << name << "': dim " << baseDim << " x " << listToString(dimMult) << ", " << numResBlocks
        << " residual blocks per level, z_dim " << zDim << ", compression " << temporalCompression() << "x"
        << spatialCompression() << "x" << spatialCompression() << ", attention scales " << listToString(attnScales);
    return out.str();
}

nlohmann::json WanVaeConfig::toJson() const
{
    return {
        {"name", name},
        {"dim", baseDim},
        {"z_dim", zDim},
        {"dim_mult", dimMult},
        {"num_res_blocks", numResBlocks},
        {"attn_scales", attnScales},
        {"temporal_downsample", temporalDownsample},
        {"dropout", dropout},
        {"temporal_window", temporalWindow},
        {"latent_mean", latentMean},
        {"latent_std", latentStd},
    };
}

WanVaeConfig WanVaeConfig::fromJson(const nlohmann::json& json)
{
    WanVaeConfig c = wan21();
    c.name = "custom";
    auto read = [&json](const char* key, auto& field) {
        if (json.contains(key)) {
            try {
                json.at(key).get_to(field);
            } catch (const nlohmann::json::exception& error) {
                throw EngineError(std::string("invalid Wan VAE config: field \"") + key + "\": " + error.what());
            }
        }
    };
    read("name", c.name);
    read("dim", c.baseDim);
    read("z_dim", c.zDim);
    read("dim_mult", c.dimMult);
    read("num_res_blocks", c.numResBlocks);
    read("attn_scales", c.attnScales);
    read("temporal_downsample", c.temporalDownsample);
    read("dropout", c.dropout);
    read("temporal_window", c.temporalWindow);
    read("latent_mean", c.latentMean);
    read("latent_std", c.latentStd);
    c.validate();
    return c;
}

WanVaeConfig WanVaeConfig::wan21()
{
    WanVaeConfig c; // the defaults are the official numbers (_video_vae and WanVAE)
    c.name = "wan2.1";
    return c;
}

WanVaeConfig WanVaeConfig::nano()
{
    // The Wan2.1 structure at a sixth of the width (3.5M parameters): 64x64
    // RGB clips of 33 frames become 9 x 8 x 8 latents with 16 channels.
    // Identity latent statistics until it is trained.
    WanVaeConfig c;
    c.name = "nano";
    c.baseDim = 16;
    c.latentMean.assign(std::size_t(c.zDim), 0.0);
    c.latentStd.assign(std::size_t(c.zDim), 1.0);
    return c;
}

std::vector<std::string> WanVaeConfig::presetNames()
{
    return {"wan2.1", "nano"};
}

WanVaeConfig WanVaeConfig::preset(const std::string& name)
{
    if (name == "wan2.1")
        return wan21();
    if (name == "nano")
        return nano();
    throw EngineError("unknown Wan VAE architecture '" + name + "' (valid: wan2.1, nano)");
}

} // namespace cosmos::engine::nets
