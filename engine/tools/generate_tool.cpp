#include "engine/tools/generate_tool.h"
#include "engine/tools/generate_preparation.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "engine/errors.h"
#include "engine/media/media_decoder.h"
#include "engine/media/media_encoder.h"
#include "engine/pipeline/generation.h"
#include "engine/pipeline/provenance.h"
#include "engine/text/bpe_tokenizer.h"
#include "engine/util/sha256.h"
#include "engine/weights/safetensors_file.h"
#include "engine/weights/safetensors_writer.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine::tools {
namespace fs = std::filesystem;
namespace {

nets::BuildOptions buildOptionsFor(const std::string& device)
{
    nets::BuildOptions options;
    if (device == "cpu")
        return options;
    if (device.rfind("cuda", 0) == 0) {
        if (!torch::cuda::is_available())
            throw EngineError(
                "device '" + device + "' was asked for, but CUDA is not available in this build or machine");
        options.device = torch::Device(device);
        options.dtype = torch::kBFloat16; // the official inference precision; fp32 regions stay fp32
        return options;
    }
    throw EngineError("unknown device '" + device + "' (valid: cpu, cuda, cuda:N)");
}

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
    const nets::BuildOptions build = buildOptionsFor(options.device);
    if (options.randomWeightsSeed) {
        if (options.tokenizerPath.empty())
            throw EngineError("random weights need --tokenizer (a tokenizer.json)");
        const auto config = configFor(options.modelConfig);
        auto tokenizer
            = std::make_shared<const text::BpeTokenizer>(text::BpeTokenizer::fromFile(options.tokenizerPath));
        return pipeline::WorldModel::random(
            config, *options.randomWeightsSeed, pipeline::makePromptTokenizer(tokenizer, config.text));
    }
    if (options.model.empty())
        throw EngineError("no model given (--model FOLDER)");
    if (!fs::is_directory(options.model))
        throw EngineError("model '" + options.model + "' not found: expected a model folder with config.json");
    return pipeline::WorldModel::load(options.model, build);
}

void checkOutputPath(const std::string& path)
{
    if (path.empty())
        throw EngineError("no output file given (--out FILE)");
    const fs::path parent = fs::absolute(path).parent_path();
    std::error_code error;
    if (!fs::is_directory(parent, error))
        throw EngineError("cannot write '" + path + "': the folder '" + parent.string() + "' does not exist");
}

} // namespace

PreparedGeneration prepareGeneration(const GenerateOptions& options)
{
    const int conditions
        = int(!options.imagePath.empty()) + int(!options.videoPath.empty()) + int(!options.continueLatentPath.empty());
    if (conditions > 1)
        throw EngineError("give one of an image, a video or a latent to continue from, not several");
    PreparedGeneration prepared;
    prepared.model = openModel(options);
    const auto& config = prepared.model->config();
    auto& request = prepared.request;
    request.prompt = options.prompt;
    request.negativePrompt = options.negativePrompt;
    request.seed = options.seed;
    request.frames = options.frames;
    if (options.steps > 0)
        request.steps = options.steps;
    request.guidance = options.guidance;
    if (!options.sampler.empty())
        request.solver = sampling::solverKindFromName(options.sampler);
    const pipeline::Resolution resolution = config.resolutions.front();
    auto& provenance = prepared.provenance;
    provenance.modelName = config.name;
    provenance.weightsId = prepared.model->weightsId();
    provenance.device = options.device;
    if (!options.imagePath.empty()) {
        request.mode = pipeline::GenerationMode::Image2World;
        request.conditioningFrames
            = media::decodeImage(options.imagePath, resolution.width, resolution.height).unsqueeze(1);
        provenance.conditioningHashes.push_back(sha256File(options.imagePath));
    } else if (!options.videoPath.empty()) {
        request.mode = pipeline::GenerationMode::Video2World;
        media::VideoDecodeOptions decode;
        decode.width = resolution.width;
        decode.height = resolution.height;
        decode.fps = config.fps;
        decode.maxFrames
            = 1 + static_cast<int>(config.vae.temporalCompression()) * (config.conditionalLatentFrames - 1);
        decode.selection = media::FrameSelection::Last;
        request.conditioningFrames = media::decodeVideo(options.videoPath, decode).frames;
        provenance.conditioningHashes.push_back(sha256File(options.videoPath));
    } else if (!options.continueLatentPath.empty()) {
        const auto file = SafetensorsFile::open(options.continueLatentPath);
        if (!file->contains("latent"))
            throw WeightsError(
                options.continueLatentPath, "latent", "no such tensor: expected a file written by --save-latent");
        request.mode = pipeline::GenerationMode::Continue;
        request.conditioningLatent = file->tensor("latent").to(torch::kFloat32).clone();
        if (!config.continueWithLatents)
            throw EngineError(
                "model '" + config.name + "' continues from frames, not latents: give the previous clip with --video");
        provenance.conditioningHashes.push_back(sha256File(options.continueLatentPath));
    }
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
    const pipeline::GenerationResult take = pipeline::generate(*model, request, &context);
    const nlohmann::json record = pipeline::makeProvenance(config, request, take, provenance);

    media::EncodeOptions encode;
    encode.fps = config.fps;
    encode.scale = options.scale;
    encode.metadata["cosmos_provenance"] = record.dump();
    encode.metadata["comment"] = "Cosmos Studio: " + options.prompt;
    const media::EncodeResult written = media::encodeVideo(options.outputPath, take.video, encode);
    if (!options.saveLatentPath.empty())
        writeSafetensors(options.saveLatentPath, {{"latent", take.latent}},
            {{"model", config.name}, {"seed", std::to_string(request.seed)}});

    GenerateReport report;
    report.outputPath = options.outputPath;
    report.provenanceJson = record.dump(2);
    report.provenancePath = options.outputPath + ".json";
    if (written.sidecar.empty()) {
        std::ofstream sidecar(report.provenancePath);
        sidecar << report.provenanceJson << "\n";
        if (!sidecar)
            throw EngineError("cannot write the provenance file '" + report.provenancePath + "'");
    } else {
        report.provenancePath = written.sidecar;
    }
    report.frames = written.frames;
    report.width = written.width;
    report.height = written.height;
    report.fps = config.fps;
    logger->info("generate: {} frames {}x{} -> {} in {:.2f} s", report.frames, report.width, report.height,
        report.outputPath, take.seconds.at("total"));
    return report;
}

} // namespace cosmos::engine::tools
