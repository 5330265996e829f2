#include "engine/tools/model_check.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/nets/dit/dit_loading.h"
#include "engine/nets/text/text_encoder_loading.h"
#include "engine/nets/vae/wan_vae_loading.h"
#include "engine/pipeline/world_model_config.h"
#include "engine/text/bpe_tokenizer.h"
#include "engine/weights/checkpoint.h"

namespace cosmos::engine::tools {
namespace {
namespace fs = std::filesystem;

// Collects findings; the first problem becomes the report's error.
class Findings {
public:
    explicit Findings(ModelCheckReport& report) : m_report(report) { }

    void ok(const std::string& line) { m_report.lines.push_back("[ok] " + line); }
    void info(const std::string& line) { m_report.lines.push_back("[info] " + line); }
    void detail(const std::string& line) { m_report.lines.push_back("    " + line); }
    void problem(const std::string& line)
    {
        m_report.lines.push_back("[problem] " + line);
        if (m_report.error.empty())
            m_report.error = line;
    }

private:
    ModelCheckReport& m_report;
};

std::string humanBytes(std::uint64_t bytes)
{
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(unit == 0 ? 0 : 1);
    out << value << " " << units[unit];
    return out.str();
}

std::uint64_t folderBytes(const fs::path& folder)
{
    std::uint64_t total = 0;
    std::error_code error;
    for (fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error), end;
         !error && it != end; it.increment(error)) {
        std::error_code sizeError;
        if (it->is_regular_file(sizeError)) {
            const auto size = it->file_size(sizeError);
            if (!sizeError)
                total += size;
        }
    }
    return total;
}

// The first of `names` present in the folder.
std::optional<fs::path> findFirst(const fs::path& folder, const std::vector<std::string>& names)
{
    for (const auto& name : names) {
        std::error_code error;
        if (fs::exists(folder / name, error))
            return folder / name;
    }
    return std::nullopt;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string text;
    for (const auto& name : names)
        text += (text.empty() ? "" : " or ") + name;
    return text;
}

std::optional<pipeline::WorldModelConfig> checkConfig(const fs::path& folder, Findings& findings)
{
    const fs::path path = folder / "config.json";
    std::error_code error;
    if (!fs::is_regular_file(path, error)) {
        findings.problem("config.json is missing: '" + folder.string() + "' is not a model folder");
        return std::nullopt;
    }
    std::ifstream stream(path);
    nlohmann::json json;
    try {
        stream >> json;
    } catch (const nlohmann::json::exception& e) {
        findings.problem("config.json is not valid JSON: " + std::string(e.what()));
        return std::nullopt;
    }
    try {
        auto config = pipeline::WorldModelConfig::fromJson(json);
        findings.ok("config.json is valid: model '" + config.name + "', " + std::to_string(config.sampling.steps)
            + " steps by default, " + pipeline::describeResolutions(config.resolutions) + " at "
            + std::to_string(config.fps) + " fps");
        return config;
    } catch (const std::exception& e) {
        findings.problem("config.json does not describe a usable model: " + std::string(e.what()));
        return std::nullopt;
    }
}

// The first problem of a report that is not clean, naming the tensor.
std::string firstMismatch(const LoadReport& report)
{
    if (!report.mismatched.empty()) {
        const auto& m = report.mismatched.front();
        return "tensor '" + m.name + "' has shape " + shapeToString(m.found) + " but the config expects "
            + shapeToString(m.expected);
    }
    if (!report.missing.empty())
        return "tensor '" + report.missing.front() + "' is missing";
    return "tensor '" + report.unexpected.front() + "' is not part of the configured network";
}

struct NetworkFiles {
    std::string what; // "diffusion transformer"
    std::vector<std::string> names; // accepted file or folder names, preferred first
    // Names and shapes against the config; null when there is no config.
    std::function<LoadReport(const Checkpoint&)> verify;
};

void checkNetwork(const fs::path& folder, const NetworkFiles& network, Findings& findings)
{
    const auto path = findFirst(folder, network.names);
    if (!path) {
        findings.problem("the " + network.what + " weights are missing (looked for " + joined(network.names) + ")");
        return;
    }
    const std::string file = path->filename().string();
    try {
        const Checkpoint checkpoint = Checkpoint::open(path->string());
        const std::size_t tensors = checkpoint.records().size();
        if (!network.verify) {
            findings.info(
                file + ": " + std::to_string(tensors) + " tensors; shapes not checked without a valid config");
            return;
        }
        const LoadReport report = network.verify(checkpoint);
        if (report.clean()) {
            findings.ok(file + ": " + std::to_string(tensors) + " tensors, every name and shape matches the config ("
                + std::to_string(report.foundParameters) + " parameters)");
            return;
        }
        findings.problem(file + " does not match config.json: " + firstMismatch(report) + " ("
            + std::to_string(report.missing.size()) + " missing, " + std::to_string(report.unexpected.size())
            + " unexpected, " + std::to_string(report.mismatched.size()) + " with the wrong shape)");
        std::istringstream summary(report.summary());
        for (std::string line; std::getline(summary, line);)
            findings.detail(line);
    } catch (const std::exception& e) {
        findings.problem(file + " cannot be read: " + std::string(e.what()));
    }
}

void checkTokenizer(const fs::path& folder, const std::optional<pipeline::WorldModelConfig>& config, Findings& findings)
{
    const fs::path path = folder / "tokenizer.json";
    std::error_code error;
    if (!fs::is_regular_file(path, error)) {
        findings.problem("tokenizer.json is missing");
        return;
    }
    try {
        const auto tokenizer = text::BpeTokenizer::fromFile(path.string());
        if (config && tokenizer.vocabSize() > config->text.vocabSize) {
            findings.problem("tokenizer.json has " + std::to_string(tokenizer.vocabSize())
                + " token ids but the text encoder has only " + std::to_string(config->text.vocabSize) + " embeddings");
            return;
        }
        findings.ok("tokenizer.json: " + tokenizer.describe());
    } catch (const std::exception& e) {
        findings.problem("tokenizer.json cannot be used: " + std::string(e.what()));
    }
}

void checkFolder(const fs::path& folder, ModelCheckReport& report, Findings& findings)
{
    std::error_code error;
    if (!fs::exists(folder, error)) {
        findings.problem("'" + folder.string() + "' does not exist");
        return;
    }
    if (!fs::is_directory(folder, error)) {
        findings.problem("'" + folder.string() + "' is not a folder");
        return;
    }
    const auto config = checkConfig(folder, findings);
    if (config)
        report.modelName = config->name;

    using Verify = std::function<LoadReport(const Checkpoint&)>;
    const Verify dit
        = config ? Verify([&](const Checkpoint& c) { return nets::verifyDitCheckpoint(config->dit, c); }) : Verify();
    const Verify vae
        = config ? Verify([&](const Checkpoint& c) { return nets::verifyWanVaeCheckpoint(config->vae, c); }) : Verify();
    const Verify textEncoder = config
        ? Verify([&](const Checkpoint& c) { return nets::verifyTextEncoderCheckpoint(config->text, c); })
        : Verify();
    // The names WorldModel::load accepts, in its order.
    checkNetwork(folder, {"diffusion transformer", {"dit.safetensors", "dit"}, dit}, findings);
    checkNetwork(
        folder, {"video tokenizer (VAE)", {"vae.safetensors", "Wan2.1_VAE.pth", "tokenizer.pth"}, vae}, findings);
    checkNetwork(folder, {"text encoder", {"text_encoder.safetensors", "text_encoder"}, textEncoder}, findings);
    checkTokenizer(folder, config, findings);

    report.sizeBytes = folderBytes(folder);
    findings.info("size on disk: " + humanBytes(report.sizeBytes));
}

} // namespace

ModelCheckReport checkModelFolder(const std::string& folder)
{
    ModelCheckReport report;
    Findings findings(report);
    const fs::path path = fs::path(folder).lexically_normal();
    report.modelName = path.has_filename() ? path.filename().string() : path.parent_path().filename().string();
    try {
        checkFolder(path, report, findings);
    } catch (const std::exception& e) {
        findings.problem(std::string("the check stopped: ") + e.what());
    } catch (...) {
        findings.problem("the check stopped on an unknown error");
    }
    report.ok = report.error.empty();
    return report;
}

} // namespace cosmos::engine::tools
