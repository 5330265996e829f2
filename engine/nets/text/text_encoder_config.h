// Configuration of the text encoder: the language model of Qwen2.5-VL (as
// Cosmos-Reason1-7B), text only, and how Cosmos-Predict2.5 turns its hidden
// states into the per-token embedding the DiT cross-attends to.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace cosmos::engine::nets {

struct TextEncoderConfig {
    std::string name = "reason1-7b";
    std::int64_t vocabSize = 152064;
    std::int64_t hiddenSize = 3584;
    std::int64_t intermediateSize = 18944;
    std::int64_t numLayers = 28;
    std::int64_t numHeads = 28;
    std::int64_t numKeyValueHeads = 4;
    double rmsNormEps = 1e-6;
    double ropeTheta = 1000000.0;
    // Prompts are padded with padTokenId (or truncated) to exactly this many tokens.
    std::int64_t maxLength = 512;
    std::int64_t padTokenId = 151643; // <|endoftext|>
    double normalizeEps = 1e-8; // (h - mean) / (std + eps), per token and layer
    // "reason1-chat": the Qwen chat template with Cosmos' system message, as
    // the official pipeline wraps prompts; "plain": the prompt's tokens alone.
    std::string promptTemplate = "reason1-chat";

    std::int64_t headDim() const { return hiddenSize / numHeads; }
    // Features per token handed to the DiT: every layer's normalised state.
    std::int64_t embeddingChannels() const { return numLayers * hiddenSize; }

    void validate() const; // throws EngineError
    nlohmann::json toJson() const;
    static TextEncoderConfig fromJson(const nlohmann::json& json);

    static TextEncoderConfig reason1_7b();
    static TextEncoderConfig nano();
    static TextEncoderConfig preset(const std::string& name); // "reason1-7b" or "nano"
    static std::vector<std::string> presetNames();
};

} // namespace cosmos::engine::nets
