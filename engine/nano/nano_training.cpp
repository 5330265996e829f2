#include "engine/nano/nano_training.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>

#include <torch/torch.h>

#include "engine/errors.h"
#include "engine/nano/nano_tensors.h"
#include "engine/nano/nano_training_parts.h"
#include "engine/nano/nano_world.h"
#include "engine/nets/device_options.h"
#include "engine/nets/dit/dit_loading.h"
#include "engine/nets/text/text_encoder_loading.h"
#include "engine/nets/vae/wan_vae_loading.h"
#include "engine/text/bpe_tokenizer.h"
#include "engine/text/bpe_trainer.h"
#include "engine/util/atomic_file.h"
#include "engine/util/json_read.h"
#include "engine/util/utc_time.h"
#include "engine/weights/checkpoint.h"
#include "engine/weights/module_loading.h"
#include "engine/weights/safetensors_writer.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine::nano {
namespace fs = std::filesystem;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

bool finishTrainingStep(const StageContext& context, const char* stage, int step, int steps, double loss,
    RunningLoss& running, Clock::time_point start, const std::function<void()>& checkpoint)
{
    running.add(loss);
    if (step % context.options.logEvery == 0 || step == steps)
        context.log.add(stage, step, loss, secondsSince(start));
    if (step % context.options.checkpointEvery == 0 || step == steps)
        checkpoint();
    if (!context.progress(stage, step, steps, running.value(), secondsSince(start))) {
        checkpoint();
        return false;
    }
    return true;
}

void reportStage(
    const StageContext& context, const char* stage, const RunningLoss& running, int step, Clock::time_point start)
{
    context.report.finalLoss[stage] = running.value();
    context.report.steps[stage] = step;
    context.report.seconds[stage] = secondsSince(start);
}

TrainingState::TrainingState(std::string workDir) : m_path(std::move(workDir) + "/state.json")
{
    m_json = nlohmann::json::object();
    std::ifstream in(m_path);
    if (!in)
        return;
    try {
        in >> m_json;
    } catch (const std::exception& error) {
        throw EngineError("the training state " + m_path + " is unreadable (" + error.what()
            + "); remove it to start this work folder again");
    }
}

int TrainingState::steps(const std::string& stage) const
{
    return m_json.contains("steps") ? static_cast<int>(util::jsonInteger(m_json.at("steps"), stage.c_str())) : 0;
}

void TrainingState::setSteps(const std::string& stage, int steps)
{
    m_json["steps"][stage] = steps;
}

bool TrainingState::done(const std::string& stage) const
{
    return m_json.contains("done") && util::jsonFlag(m_json.at("done"), stage.c_str());
}

void TrainingState::markDone(const std::string& stage)
{
    m_json["done"][stage] = true;
    save();
}

void TrainingState::clearDone(const std::string& stage)
{
    if (m_json.contains("done"))
        m_json["done"].erase(stage);
    save();
}

LearningSchedule TrainingState::schedule(const std::string& stage, int step, int target)
{
    auto& entry = m_json["schedules"][stage];
    const LearningSchedule stored {
        static_cast<int>(util::jsonInteger(entry, "from", -1)), static_cast<int>(util::jsonInteger(entry, "to", -1))};
    if (stored.to == target && stored.from >= 0 && stored.from <= step)
        return stored;
    entry = {{"from", step}, {"to", target}};
    return {step, target};
}

namespace {

nlohmann::json stepsReached(const TrainingState& state)
{
    return {{"vae", state.steps("vae")}, {"dit", state.steps("dit")}};
}

// Whether the row `stored` was begun with the settings `current`. A setting
// the row lacks (the run began before the option existed) counts as the same
// when `current` has it at its default: the old binary trained as the default
// does.
bool sameSettings(const nlohmann::json& stored, const nlohmann::json& current, const nlohmann::json& defaults)
{
    for (const auto& item : current.items()) {
        const auto found = stored.find(item.key());
        const auto fallback = defaults.is_object() ? defaults.find(item.key()) : defaults.end();
        const nlohmann::json& defaultValue = fallback != defaults.end() ? *fallback : nlohmann::json();
        if (found == stored.end()) {
            if (defaultValue.is_null() || item.value() != defaultValue)
                return false;
        } else if (item.value().is_object() && found->is_object()) {
            if (!sameSettings(*found, item.value(), defaultValue))
                return false;
        } else if (*found != item.value()) {
            return false;
        }
    }
    return true;
}

// `row` gains the settings of `current` it lacks (see sameSettings).
void addMissingSettings(nlohmann::json& row, const nlohmann::json& current)
{
    for (const auto& item : current.items()) {
        auto found = row.find(item.key());
        if (found == row.end())
            row[item.key()] = item.value();
        else if (item.value().is_object() && found->is_object())
            addMissingSettings(*found, item.value());
    }
}

} // namespace

void TrainingState::beginRun(
    const nlohmann::json& identity, const std::string& startedUtc, const nlohmann::json& defaults)
{
    auto& runs = m_json["runs"];
    if (!runs.is_array())
        runs = nlohmann::json::array();
    const nlohmann::json reached = stepsReached(*this);
    if (runs.empty() && (steps("vae") > 0 || steps("dit") > 0))
        runs.push_back({{"earlier", true}, {"from", {{"vae", 0}, {"dit", 0}}}, {"to", reached}});
    m_runOpen = true;
    if (!runs.empty()) {
        const auto& last = runs.back();
        if (last.value("to", nlohmann::json()) == reached && sameSettings(last, identity, defaults)) {
            addMissingSettings(runs.back(), identity);
            return; // resumed after a stop: the same row goes on
        }
        if (last.value("from", nlohmann::json()) == last.value("to", nlohmann::json()) && !last.contains("earlier"))
            runs.erase(runs.size() - 1); // a run that trained nothing
    }
    nlohmann::json row = identity;
    row["started"] = startedUtc;
    row["from"] = reached;
    row["to"] = reached;
    runs.push_back(row);
}

const nlohmann::json& TrainingState::runs() const
{
    static const nlohmann::json none = nlohmann::json::array();
    const auto found = m_json.find("runs");
    return found != m_json.end() && found->is_array() ? *found : none;
}

void TrainingState::save()
{
    auto runs = m_json.find("runs");
    if (m_runOpen && runs != m_json.end() && runs->is_array() && !runs->empty())
        runs->back()["to"] = stepsReached(*this);
    util::writeFileAtomically(m_path, m_json.dump(2) + "\n");
}

LossLog::LossLog(const std::string& workDir) : m_file(workDir + "/loss.tsv", std::ios::app)
{
    if (!m_file)
        throw EngineError("cannot write the loss log in " + workDir);
}

void LossLog::add(const std::string& stage, int step, double loss, double seconds)
{
    m_file << stage << '\t' << step << '\t' << loss << '\t' << seconds << '\n';
    m_file.flush();
}

LossLogSummary summariseLossLog(const std::string& workDir, const std::map<std::string, StepRange>& ranges)
{
    LossLogSummary summary;
    std::ifstream in(workDir + "/loss.tsv");
    // Each run's seconds count from the start of its stage, so a run ends
    // where the seconds fall back; a run resumed from a checkpoint logs some
    // steps again, which is time spent all the same.
    std::map<std::string, double> runSeconds;
    // The log holds single steps' losses: the last few, averaged, say
    // where training ended.
    constexpr std::size_t kRecentLosses = 10;
    std::map<std::string, std::deque<double>> recentLosses;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string stage;
        int step = 0;
        double loss = 0.0, seconds = 0.0;
        if (!(fields >> stage >> step >> loss >> seconds))
            continue; // a line torn by a kill
        const auto range = ranges.find(stage);
        if (range == ranges.end() || !range->second.contains(step))
            continue;
        auto& current = runSeconds[stage];
        if (seconds < current)
            summary.seconds[stage] += current;
        current = seconds;
        auto& recent = recentLosses[stage];
        recent.push_back(loss);
        if (recent.size() > kRecentLosses)
            recent.pop_front();
    }
    for (const auto& [stage, seconds] : runSeconds)
        summary.seconds[stage] += seconds;
    for (const auto& [stage, recent] : recentLosses)
        summary.lastLoss[stage] = std::accumulate(recent.begin(), recent.end(), 0.0) / double(recent.size());
    return summary;
}

bool StageContext::progress(const std::string& stage, int step, int steps, double loss, double elapsed) const
{
    if (!options.progress)
        return true;
    return options.progress(NanoTrainProgress {stage, step, steps, loss, elapsed});
}

std::string workFile(const StageContext& context, const std::string& name)
{
    return context.options.workDir + "/" + name;
}

bool loadParametersIfPresent(torch::nn::Module& module, const std::string& path)
{
    if (!fs::exists(path))
        return false;
    const auto checkpoint = Checkpoint::open(path);
    const auto names = checkpoint.names();
    const std::set<std::string> present(names.begin(), names.end());
    torch::NoGradGuard noGrad;
    for (auto& item : module.named_parameters(true)) {
        if (present.count(item.key()) == 0)
            throw WeightsError(path, item.key(), "is missing; the work folder belongs to another model");
        const auto tensor = checkpoint.load(item.key());
        if (tensor.sizes() != item.value().sizes())
            throw WeightsError(path, item.key(), "has another shape; the work folder belongs to another model");
        item.value().copy_(tensor);
    }
    return true;
}

void saveParameters(torch::nn::Module& module, const std::string& path)
{
    writeSafetensors(path, parameterMap(module));
}

void loadOptimizerState(torch::optim::Optimizer& optimizer, const std::string& path, torch::Device device)
{
    torch::serialize::InputArchive archive;
    archive.load_from(path, device);
    optimizer.load(archive);
}

namespace {

// Prompts of many training clips plus every vocabulary word: the corpus the
// nano tokenizer's merges are learned from.
std::vector<std::string> tokenizerCorpus(std::uint64_t dataSeed, int clips)
{
    std::vector<std::string> corpus;
    std::set<std::string> seen;
    for (std::uint64_t i = 0; i < static_cast<std::uint64_t>(clips); ++i) {
        const auto clip = simulateClip(NanoClipSpec::fromSeed(trainingClipSeed(dataSeed, i)));
        if (seen.insert(clip.prompt).second)
            corpus.push_back(clip.prompt);
    }
    for (const auto& word : promptVocabulary())
        corpus.push_back(word);
    return corpus;
}

void loadInitModel(NanoNets& nets, const std::string& folder)
{
    std::ifstream configFile(folder + "/config.json");
    if (!configFile)
        throw EngineError("cannot continue from " + folder + ": it has no config.json");
    nlohmann::json json;
    configFile >> json;
    nets.config = pipeline::WorldModelConfig::fromJson(json);
    if (nets.config.dit.name != "nano" || nets.config.vae.name != "nano" || nets.config.text.name != "nano")
        throw EngineError("cannot continue from " + folder + ": it is not a nano model");
    nets.vae = nets::loadWanVae(nets.config.vae, Checkpoint::open(folder + "/vae.safetensors"));
    nets.dit = nets::loadDit(nets.config.dit, Checkpoint::open(folder + "/dit.safetensors"));
    nets.text = nets::loadTextEncoder(nets.config.text, Checkpoint::open(folder + "/text_encoder.safetensors"));
    std::ifstream tokenizer(folder + "/tokenizer.json");
    std::stringstream text;
    text << tokenizer.rdbuf();
    nets.tokenizerJson = text.str();
    // Nets loaded from a file may be fp16; train in fp32.
    nets.vae->to(torch::kFloat32);
    nets.dit->to(torch::kFloat32);
    nets.text->to(torch::kFloat32);
}

// adaLN-Zero (as in DiT): every block starts as the identity and the output
// as zero, which makes flow-matching training from scratch stable.
void initialiseDitForTraining(nets::DitImpl& dit)
{
    torch::NoGradGuard noGrad;
    for (auto& item : dit.named_parameters(true)) {
        const auto& name = item.key();
        const bool modulationOut = name.find("adaln_modulation") != std::string::npos && name.size() > 9
            && name.compare(name.size() - 9, 9, ".2.weight") == 0;
        if (modulationOut || name == "final_layer.linear.weight")
            item.value().zero_();
    }
}

} // namespace

void buildNanoTokenizer(NanoNets& nets, const StageContext& context)
{
    const std::string path = workFile(context, "tokenizer.json");
    if (nets.tokenizerJson.empty()) {
        if (fs::exists(path)) {
            std::ifstream in(path);
            std::stringstream text;
            text << in.rdbuf();
            nets.tokenizerJson = text.str();
        } else {
            text::BpeTrainingOptions bpe;
            bpe.vocabLimit = static_cast<int>(nets.config.text.vocabSize);
            nets.tokenizerJson = text::trainByteLevelBpe(
                tokenizerCorpus(context.options.dataSeed, context.options.tokenizerClips), bpe);
        }
    }
    {
        std::ofstream out(path, std::ios::trunc);
        out << nets.tokenizerJson;
    }
    const auto tokenizer = text::BpeTokenizer::fromJson(nets.tokenizerJson, path);
    const auto pad = tokenizer.tokenId("<|endoftext|>");
    if (!pad)
        throw EngineError("the nano tokenizer has no <|endoftext|> pad token");
    nets.config.text.padTokenId = *pad;
    context.logger->info("nano tokenizer: pad id {}", *pad);
}

NanoTrainReport trainNanoModel(const NanoTrainOptions& options, const LoggerPtr& logger)
{
    if (options.workDir.empty() || options.outDir.empty())
        throw EngineError("nano training needs a work folder and an output folder");
    const double shares[] = {options.text2WorldShare, options.image2WorldShare, options.video2WorldShare};
    if (std::any_of(std::begin(shares), std::end(shares), [](double share) { return share < 0.0; })
        || shares[0] + shares[1] + shares[2] > 1.0)
        throw EngineError("the DiT's mode shares (Text2World, Image2World, Video2World) must be at least 0 and add up "
                          "to at most 1");
    if (!(options.ditTwoBallShare >= 0.0 && options.ditTwoBallShare <= 1.0))
        throw EngineError("the share of two-ball windows must be between 0 and 1");
    if (options.vaeFrames < 1 || (options.vaeFrames - 1) % 4 != 0 || options.vaeFrames > NanoWorldConstants::frames)
        throw EngineError("the video tokenizer's windows must have 1 + 4k frames, at most a segment ("
            + std::to_string(NanoWorldConstants::frames) + "), not " + std::to_string(options.vaeFrames));
    // The engine's one reading of device names; training keeps fp32 on every device.
    const torch::Device device = nets::buildOptionsForDevice(options.device).device;
    std::error_code error;
    fs::create_directories(options.workDir, error);
    if (error || !fs::is_directory(options.workDir))
        throw EngineError("cannot create the work folder " + options.workDir + ": " + error.message());

    TrainingState state(options.workDir);
    state.beginRun(runIdentity(options), util::utcTimestamp(), runIdentity(NanoTrainOptions {}));
    LossLog log(options.workDir);
    NanoTrainReport report;
    StageContext context {options, logger, state, log, report};

    torch::manual_seed(options.trainSeed);
    NanoNets nets;
    if (!options.initFrom.empty()) {
        loadInitModel(nets, options.initFrom);
        logger->info("continuing from {}", options.initFrom);
    } else {
        nets.config = pipeline::WorldModelConfig::nano();
        nets.vae = nets::WanVae(nets.config.vae);
        nets.dit = nets::Dit(nets.config.dit);
        nets.text = nets::QwenTextModel(nets.config.text);
        initialiseDitForTraining(*nets.dit);
    }
    // Work-folder checkpoints win over the starting point: they are newer.
    loadParametersIfPresent(*nets.vae, workFile(context, "vae.safetensors"));
    if (fs::exists(workFile(context, "vae_stats.json"))) {
        std::ifstream in(workFile(context, "vae_stats.json"));
        nlohmann::json stats;
        in >> stats;
        nets.config.vae.latentMean = stats.at("mean").get<std::vector<double>>();
        nets.config.vae.latentStd = stats.at("std").get<std::vector<double>>();
        applyVaeConfig(nets);
    }
    loadParametersIfPresent(*nets.dit, workFile(context, "dit.safetensors"));
    loadParametersIfPresent(*nets.text, workFile(context, "text_encoder.safetensors"));
    // Built and loaded on the CPU; trained where asked.
    nets.device = device;
    nets.vae->to(device);
    nets.dit->to(device);
    nets.text->to(device);
    if (!device.is_cpu())
        logger->info("training on {}", device.str());

    buildNanoTokenizer(nets, context);
    // A decoder trained alone leaves the encoder, so the latents, as they were.
    if (state.steps("vae") < options.vaeSteps && !options.vaeDecoderOnly)
        discardTokenizerOutputs(context);
    if (!trainNanoVae(nets, context))
        return report;
    if (!state.done("vae_stats")) {
        measureLatentStatistics(nets, context);
        state.markDone("vae_stats");
    }
    if (!encodeTrainingLatents(nets, context))
        return report;
    if (!trainNanoDit(nets, context))
        return report;
    // Steps of this work folder, including those of interrupted earlier runs.
    for (const char* stage : {"vae", "dit"})
        report.steps[stage] = state.steps(stage);
    fitPreviewMap(nets, context);
    exportNanoModel(nets, context);
    report.finished = true;
    report.modelDir = options.outDir;
    return report;
}

} // namespace cosmos::engine::nano
