#include "engine/nets/text/text_encoder_config.h"

#include <nlohmann/json.hpp>

#include "engine/errors.h"

namespace cosmos::engine::nets {
namespace {

void require(bool condition, const std::string& message)
{
    if (!condition)
        throw EngineError("invalid text encoder config: " + message);
}

} // namespace

void TextEncoderConfig::validate() const
{
    require(vocabSize > 0 && hiddenSize > 0 && intermediateSize > 0 && numLayers > 0, "sizes must be positive");
    require(numHeads > 0 && hiddenSize % numHeads == 0, "hidden_size must be a multiple of num_heads");
    require(headDim() % 2 == 0, "the head dimension must be even for rotary embeddings");
    require(numKeyValueHeads > 0 && numHeads % numKeyValueHeads == 0,
        "num_heads must be a multiple of num_key_value_heads");
    require(maxLength > 0, "max_length must be positive");
    require(padTokenId >= 0 && padTokenId < vocabSize, "pad_token_id must be inside the vocabulary");
    require(promptTemplate == "reason1-chat" || promptTemplate == "plain",
        "prompt_template must be \"reason1-chat\" or \"plain\", got \"" + promptTemplate + "\"");
}

nlohmann::json TextEncoderConfig::toJson() const
{
    return {{"name", name}, {"vocab_size", vocabSize}, {"hidden_size", hiddenSize},
        {"intermediate_size", intermediateSize}, {"num_layers", numLayers}, {"num_heads", numHeads},
        {"num_key_value_heads", numKeyValueHeads}, {"rms_norm_eps", rmsNormEps}, {"rope_theta", ropeTheta},
        {"max_length", maxLength}, {"pad_token_id", padTokenId}, {"normalize_eps", normalizeEps},
        {"prompt_template", promptTemplate}};
}

TextEncoderConfig TextEncoderConfig::fromJson(const nlohmann::json& json)
{
    TextEncoderConfig c;
    auto read = [&json](const char* key, auto& field) {
        if (!json.contains(key))
            return;
        try {
            json.at(key).get_to(field);
        } catch (const nlohmann::json::exception& error) {
            throw EngineError(std::string("invalid text encoder config: field \"") + key + "\": " + error.what());
        }
    };
    read("name", c.name);
    read("vocab_size", c.vocabSize);
    read("hidden_size", c.hiddenSize);
    read("intermediate_size", c.intermediateSize);
    read("num_layers", c.numLayers);
    read("num_heads", c.numHeads);
    read("num_key_value_heads", c.numKeyValueHeads);
    read("rms_norm_eps", c.rmsNormEps);
    read("rope_theta", c.ropeTheta);
    read("max_length", c.maxLength);
    read("pad_token_id", c.padTokenId);
    read("normalize_eps", c.normalizeEps);
    read("prompt_template", c.promptTemplate);
    c.validate();
    return c;
}

TextEncoderConfig TextEncoderConfig::reason1_7b()
{
    return {};
}

TextEncoderConfig TextEncoderConfig::nano()
{
    // Sized for the nano world's short prompts; 4 layers x 128 = 512
    // features per token, the nano DiT's crossattn_proj input.
    TextEncoderConfig c;
    c.name = "nano";
    c.vocabSize = 512;
    c.hiddenSize = 128;
    c.intermediateSize = 352;
    c.numLayers = 4;
    c.numHeads = 4;
    c.numKeyValueHeads = 2;
    c.ropeTheta = 10000.0;
    c.maxLength = 32;
    c.padTokenId = 0;
    c.promptTemplate = "plain"; // short prompts; the system message alone would fill 32 tokens
    return c;
}

std::vector<std::string> TextEncoderConfig::presetNames()
{
    return {"reason1-7b", "nano"};
}

TextEncoderConfig TextEncoderConfig::preset(const std::string& name)
{
    if (name == "reason1-7b")
        return reason1_7b();
    if (name == "nano")
        return nano();
    throw EngineError("unknown text encoder '" + name + "' (valid: reason1-7b, nano)");
}

} // namespace cosmos::engine::nets
