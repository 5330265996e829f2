#include "engine/pipeline/world_model.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "engine/errors.h"
#include "engine/nets/dit/dit_loading.h"
#include "engine/nets/text/text_encoder_loading.h"
#include "engine/nets/vae/wan_vae_loading.h"
#include "engine/text/bpe_tokenizer.h"
#include "engine/text/prompt_template.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine::pipeline {
namespace fs = std::filesystem;
namespace {

// The first of `names` that exists in `folder`; throws naming all of them.
std::string findWeights(const std::string& folder, const std::vector<std::string>& names, const std::string& what)
{
    std::string tried;
    for (const auto& name : names) {
        const fs::path path = fs::path(folder) / name;
        if (fs::exists(path))
            return path.string();
        tried += (tried.empty() ? "" : ", ") + name;
    }
    throw WeightsError(folder, "", "the model folder has no " + what + " (looked for " + tried + ")");
}

// Path, size and modification time: changes whenever the file does.
std::string fileIdentity(const std::string& path)
{
    std::error_code error;
    const auto size = fs::is_regular_file(path, error) ? fs::file_size(path, error) : 0;
    const auto time = fs::last_write_time(path, error).time_since_epoch().count();
    return path + ":" + std::to_string(size) + ":" + std::to_string(time);
}

} // namespace

PromptTokenizer makePromptTokenizer(
    std::shared_ptr<const text::BpeTokenizer> tokenizer, const nets::TextEncoderConfig& config)
{
    const int maxLength = static_cast<int>(config.maxLength);
    if (config.promptTemplate == "plain") {
        const std::int64_t padId = config.padTokenId;
        return [tokenizer, maxLength, padId](const std::string& prompt) {
            const auto tokens = tokenizer->encode(prompt);
            std::vector<std::int64_t> ids(
                tokens.begin(), tokens.begin() + std::min<std::size_t>(tokens.size(), maxLength));
            ids.resize(static_cast<std::size_t>(maxLength), padId);
            return ids;
        };
    }
    return [tokenizer, maxLength](const std::string& prompt) {
        const auto ids = text::encodePromptForTextEncoder(*tokenizer, prompt, maxLength);
        return std::vector<std::int64_t>(ids.begin(), ids.end());
    };
}

torch::Device WorldModel::device() const
{
    return m_options.device;
}

std::unique_ptr<WorldModel> WorldModel::load(const std::string& folder, const nets::BuildOptions& options)
{
    const fs::path configPath = fs::path(folder) / "config.json";
    std::ifstream stream(configPath);
    if (!stream)
        throw EngineError("'" + folder + "' is not a model folder: it has no config.json");
    nlohmann::json json;
    try {
        stream >> json;
    } catch (const nlohmann::json::exception& error) {
        throw EngineError("'" + configPath.string() + "' is not valid JSON: " + error.what());
    }

    std::unique_ptr<WorldModel> model(new WorldModel());
    model->m_config = WorldModelConfig::fromJson(json);
    model->m_folder = folder;
    model->m_options = options;
    const std::string ditPath = findWeights(folder, {"dit.safetensors", "dit"}, "diffusion transformer weights");
    const std::string vaePath
        = findWeights(folder, {"vae.safetensors", "Wan2.1_VAE.pth", "tokenizer.pth"}, "video tokenizer weights");
    model->m_dit = nets::loadDit(model->m_config.dit, Checkpoint::open(ditPath), options);
    model->m_vae = nets::loadWanVae(model->m_config.vae, Checkpoint::open(vaePath), options);
    model->m_dit->eval();
    model->m_vae->eval();

    const std::string tokenizerPath = findWeights(folder, {"tokenizer.json"}, "tokenizer.json");
    auto tokenizer = std::make_shared<const text::BpeTokenizer>(text::BpeTokenizer::fromFile(tokenizerPath));
    model->m_tokenizer = makePromptTokenizer(tokenizer, model->m_config.text);
    const std::string textPath
        = findWeights(folder, {"text_encoder.safetensors", "text_encoder"}, "text encoder weights");
    model->m_weightsId = fileIdentity(textPath);
    return model;
}

std::unique_ptr<WorldModel> WorldModel::random(
    const WorldModelConfig& config, std::uint64_t seed, PromptTokenizer tokenizer)
{
    config.validate();
    std::unique_ptr<WorldModel> model(new WorldModel());
    model->m_config = config;
    model->m_randomSeed = seed;
    model->m_tokenizer = std::move(tokenizer);
    model->m_weightsId = "random:" + std::to_string(seed);
    torch::manual_seed(seed);
    model->m_dit = nets::Dit(config.dit, model->m_options);
    model->m_vae = nets::WanVae(config.vae, model->m_options);
    model->m_dit->eval();
    model->m_vae->eval();
    return model;
}

void WorldModel::ensureTextEncoder()
{
    if (m_text)
        return;
    if (m_folder.empty()) {
        torch::manual_seed(m_randomSeed + 1);
        m_text = nets::QwenTextModel(m_config.text, m_options);
    } else {
        const std::string path
            = findWeights(m_folder, {"text_encoder.safetensors", "text_encoder"}, "text encoder weights");
        m_text = nets::loadTextEncoder(m_config.text, Checkpoint::open(path), m_options);
    }
    m_text->eval();
}

torch::Tensor WorldModel::encodePrompt(const std::string& prompt)
{
    const nets::EmbeddingKey key {prompt, m_config.text.name, m_weightsId};
    if (auto cached = m_cache.find(key))
        return *cached;
    if (!m_tokenizer)
        throw EngineError("the model has no tokenizer");
    const std::vector<std::int64_t> ids = m_tokenizer(prompt);
    if (static_cast<std::int64_t>(ids.size()) != m_config.text.maxLength)
        throw EngineError("the tokenizer returned " + std::to_string(ids.size()) + " ids, expected "
            + std::to_string(m_config.text.maxLength));
    ensureTextEncoder();
    torch::InferenceMode inference;
    const auto idTensor = torch::tensor(ids, torch::kInt64).unsqueeze(0);
    const torch::Tensor embedding = m_text->embed(idTensor);
    m_cache.insert(key, embedding);
    return embedding;
}

void WorldModel::unloadTextEncoder()
{
    m_text = nets::QwenTextModel(nullptr);
}

void WorldModel::recordDecode(double seconds, std::int64_t latentPixels)
{
    if (latentPixels > 0 && seconds > 0.0)
        m_decodeSecondsPerLatentPixel = seconds / static_cast<double>(latentPixels);
}

} // namespace cosmos::engine::pipeline
