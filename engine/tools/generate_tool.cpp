#include "engine/tools/generate_tool.h"
#include "engine/tools/generate_preparation.h"

#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "engine/errors.h"
#include "engine/nets/device_options.h"
#include "engine/pipeline/generation.h"
#include "engine/pipeline/provenance.h"
#include "engine/runner/decode_speed_record.h"
#include "engine/runner/take_files.h"
#include "engine/text/bpe_tokenizer.h"

namespace cosmos::engine::tools {
namespace {

pipeline::WorldModelConfig configFor(const std::string& name)
{
    if (name.empty() || name == "nano")
        return pipeline::WorldModelConfig::nano();
    if (name == "2B" || name == "2B-post-trained")
        return pipeline::WorldModelConfig::cosmos2BPostTrained();
    if (name == "2B-pre-trained")
        return pipeline::WorldModelConfig::cosmos2BPreTrained();
    std::ifstream stream(name);
    if (!stream)
        throw EngineError("unknown model config '" + name + "' (valid: nano, 2B, 2B-pre-trained, or a config.json)");
    nlohmann::json json;
    try {
        stream >> json;
    } catch (const nlohmann::json::exception& error) {
        throw EngineError("'" + name + "' is not valid JSON: " + error.what());
    }
    return pipeline::WorldModelConfig::fromJson(json);
}

std::unique_ptr<pipeline::WorldModel> openModel(const GenerateOptions& options)
{
    if (!options.randomWeightsSeed)
        return loadModelFolder(options.model, options.device);
    nets::buildOptionsForDevice(options.device); // the same refusal of unusable devices as for real weights
    if (options.tokenizerPath.empty())
        throw EngineError("random weights need --tokenizer (a tokenizer.json)");
    const auto config = configFor(options.modelConfig);
    auto tokenizer = std::make_shared<const text::BpeTokenizer>(text::BpeTokenizer::fromFile(options.tokenizerPath));
    return pipeline::WorldModel::random(
        config, *options.randomWeightsSeed, pipeline::makePromptTokenizer(tokenizer, config.text));
}

} // namespace

void applyRequestOptions(const GenerateOptions& options, pipeline::GenerationRequest& request)
{
    request.prompt = options.prompt;
    request.negativePrompt = options.negativePrompt;
    request.seed = options.seed;
    request.frames = options.frames;
    if (options.steps > 0)
        request.steps = options.steps;
    request.guidance = options.guidance;
    if (!options.sampler.empty())
        request.solver = sampling::solverKindFromName(options.sampler);
}

PreparedGeneration prepareGeneration(const GenerateOptions& options)
{
    const ConditioningFiles conditioning {options.imagePath, options.videoPath, options.continueLatentPath};
    checkConditioningFiles(conditioning);
    PreparedGeneration prepared;
    prepared.model = openModel(options);
    const auto& config = prepared.model->config();
    auto& request = prepared.request;
    applyRequestOptions(options, request);
    auto& provenance = prepared.provenance;
    provenance.modelName = config.name;
    provenance.weightsId = prepared.model->weightsId();
    provenance.device = options.device;
    readConditioning(config, conditioning, request, provenance);
    return prepared;
}

GenerateReport runGenerate(const GenerateOptions& options, const LoggerPtr& logger, const CancelToken& cancel,
    const ProgressFunction& progress)
{
    checkOutputPath(options.outputPath);
    PreparedGeneration prepared = prepareGeneration(options);
    auto& model = prepared.model;
    const auto& config = model->config();
    const auto& request = prepared.request;
    const auto& provenance = prepared.provenance;

    JobCallbacks callbacks;
    callbacks.progress = [&progress](JobId, const StepProgress& p) {
        if (progress)
            progress(p);
    };
    JobContext context(0, cancel, callbacks);
    DecodeSpeedRecord decodeSpeeds(options.decodeSpeedFile, logger);
    decodeSpeeds.seed(*model);
    const pipeline::GenerationResult take = pipeline::generate(*model, request, &context);
    decodeSpeeds.remember(*model);
    TakeOutput output;
    output.path = options.outputPath;
    output.scale = options.scale;
    output.saveLatentPath = options.saveLatentPath;
    const WrittenTake written = writeTake(config, request, take, provenance, output);

    GenerateReport report;
    report.outputPath = written.outputPath;
    report.provenanceJson = written.provenanceJson;
    report.provenancePath = written.provenancePath;
    report.frames = written.frames;
    report.width = written.width;
    report.height = written.height;
    report.fps = written.fps;
    logger->info("generate: {} frames {}x{} -> {} in {:.2f} s", report.frames, report.width, report.height,
        report.outputPath, take.seconds.at("total"));
    return report;
}

} // namespace cosmos::engine::tools
