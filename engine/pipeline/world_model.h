// A world model with its networks loaded: the DiT, the video tokenizer, the
// text encoder and its tokenizer, on one device. Owned by the engine thread.
//
// A model folder holds config.json (WorldModelConfig) and the weights:
// dit.safetensors, vae.safetensors (or Wan2.1_VAE.pth), text_encoder.safetensors
// (or a text_encoder/ folder of shards) and tokenizer.json.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "engine/nets/dit/dit.h"
#include "engine/nets/text/embedding_cache.h"
#include "engine/nets/text/qwen_text_model.h"
#include "engine/nets/vae/wan_vae.h"
#include "engine/pipeline/world_model_config.h"

namespace cosmos::engine::text {
class BpeTokenizer;
} // namespace cosmos::engine::text

namespace cosmos::engine::pipeline {

// Turns a prompt into exactly config.text.maxLength token ids (template,
// padding and truncation included).
using PromptTokenizer = std::function<std::vector<std::int64_t>(const std::string& prompt)>;

// The prompt tokenizer a text encoder config asks for (its template,
// padding and truncation) over a tokenizer.json tokenizer.
PromptTokenizer makePromptTokenizer(
    std::shared_ptr<const text::BpeTokenizer> tokenizer, const nets::TextEncoderConfig& config);

class WorldModel {
public:
    // Loads a model folder; throws WeightsError / EngineError that say what is missing or wrong.
    static std::unique_ptr<WorldModel> load(const std::string& folder, const nets::BuildOptions& options = {});

    // Networks with seeded random weights: the real classes, untrained. For
    // tests and benchmarks only; never offered to users as a model.
    static std::unique_ptr<WorldModel> random(
        const WorldModelConfig& config, std::uint64_t seed, PromptTokenizer tokenizer);

    const WorldModelConfig& config() const { return m_config; }
    const std::string& weightsId() const { return m_weightsId; }
    torch::Device device() const;

    nets::DitImpl& dit() { return *m_dit; }
    nets::WanVaeImpl& vae() { return *m_vae; }

    // [1, maxLength, embeddingChannels], cached per prompt for this model.
    torch::Tensor encodePrompt(const std::string& prompt);
    std::size_t cachedPrompts() const { return m_cache.size(); }

    // Frees the text encoder (embeddings already computed stay cached); it is
    // loaded again on the next prompt that is not cached.
    void unloadTextEncoder();
    bool textEncoderLoaded() const { return static_cast<bool>(m_text); }

    // The tokenizer's decoding speed measured on this model's device by the
    // last generation: seconds per latent pixel (frames x height x width);
    // 0 before the first. A generation's time left counts the decoding to
    // come with it, which no step of the sampler measures.
    double decodeSecondsPerLatentPixel() const { return m_decodeSecondsPerLatentPixel; }
    void recordDecode(double seconds, std::int64_t latentPixels);

private:
    WorldModel() = default;
    void ensureTextEncoder();

    WorldModelConfig m_config;
    std::string m_folder; // empty for random models
    std::string m_weightsId;
    nets::BuildOptions m_options;
    nets::Dit m_dit {nullptr};
    nets::WanVae m_vae {nullptr};
    nets::QwenTextModel m_text {nullptr};
    std::uint64_t m_randomSeed = 0;
    PromptTokenizer m_tokenizer;
    nets::EmbeddingCache m_cache;
    double m_decodeSecondsPerLatentPixel = 0.0;
};

} // namespace cosmos::engine::pipeline
