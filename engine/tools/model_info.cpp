#include "engine/tools/model_info.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/errors.h"
#include "engine/pipeline/model_locator.h"
#include "engine/pipeline/world_model_config.h"
#include "engine/sampling/flow_solvers.h"
#include "engine/text/bpe_tokenizer.h"
#include "engine/text/prompt_template.h"

namespace cosmos::engine::tools {
namespace fs = std::filesystem;
namespace {

// A folder as given, or a built-in model's; a folder without config.json is
// still "found" here, so that the error below names the missing file.
std::string folderOf(const std::string& nameOrFolder)
{
    std::error_code error;
    if (fs::is_directory(nameOrFolder, error))
        return nameOrFolder;
    return pipeline::resolveModelFolder(nameOrFolder);
}

pipeline::WorldModelConfig readConfig(const std::string& configPath)
{
    std::ifstream stream(configPath);
    if (!stream)
        throw EngineError("'" + configPath + "' cannot be read: the model folder has no config.json");
    nlohmann::json json;
    try {
        stream >> json;
    } catch (const nlohmann::json::exception& error) {
        throw EngineError("'" + configPath + "' is not valid JSON: " + error.what());
    }
    if (!json.is_object())
        throw EngineError("'" + configPath + "' is not a model config (expected a JSON object)");
    try {
        return pipeline::WorldModelConfig::fromJson(json);
    } catch (const EngineError& error) {
        throw EngineError("'" + configPath + "' is not a valid model config: " + error.what());
    } catch (const nlohmann::json::exception& error) {
        throw EngineError("'" + configPath + "' is not a valid model config: " + error.what());
    }
}

} // namespace

ModelSummary describeModel(const std::string& folder)
{
    const std::string resolved = folderOf(folder);
    const std::string configPath = (fs::path(resolved) / "config.json").string();
    const pipeline::WorldModelConfig config = readConfig(configPath);

    ModelSummary summary;
    summary.name = config.name;
    summary.folder = resolved;
    summary.frameCounts = config.frameCounts;
    for (const auto& resolution : config.resolutions)
        summary.resolutions.emplace_back(resolution.height, resolution.width);
    summary.defaultSteps = config.sampling.steps;
    summary.defaultGuidance = config.sampling.guidance;
    summary.defaultSampler = sampling::solverKindName(config.sampling.solver);
    summary.fps = config.fps;
    summary.maxPromptTokens = static_cast<int>(config.text.maxLength);
    summary.negativePrompt = config.negativePrompt;
    summary.tokenizerPath = (fs::path(resolved) / "tokenizer.json").string();
    summary.chatTemplate = config.text.promptTemplate != "plain";
    return summary;
}

PromptTokenCounter::PromptTokenCounter(const std::string& tokenizerJsonPath, bool chatTemplate)
    : m_tokenizer(std::make_shared<const text::BpeTokenizer>(text::BpeTokenizer::fromFile(tokenizerJsonPath))),
      m_chatTemplate(chatTemplate)
{
}

PromptTokenCounter::~PromptTokenCounter() = default;
PromptTokenCounter::PromptTokenCounter(PromptTokenCounter&&) noexcept = default;
PromptTokenCounter& PromptTokenCounter::operator=(PromptTokenCounter&&) noexcept = default;

int PromptTokenCounter::count(const std::string& text) const
{
    try {
        if (m_chatTemplate)
            return text::tokenizeForTextEncoder(*m_tokenizer, text).promptTokenCount;
        // As makePromptTokenizer encodes "plain" prompts.
        return static_cast<int>(m_tokenizer->encode(text).size());
    } catch (const EngineError&) {
        return static_cast<int>(text.size()); // invalid UTF-8: byte-level BPE's worst case
    }
}

} // namespace cosmos::engine::tools
