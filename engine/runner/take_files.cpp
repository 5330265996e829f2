#include "engine/runner/take_files.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "engine/errors.h"
#include "engine/media/media_decoder.h"
#include "engine/nets/device_options.h"
#include "engine/pipeline/model_locator.h"
#include "engine/util/sha256.h"
#include "engine/weights/safetensors_file.h"
#include "engine/weights/safetensors_writer.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine {
namespace fs = std::filesystem;

std::unique_ptr<pipeline::WorldModel> loadModelFolder(const std::string& folder, const std::string& device)
{
    const nets::BuildOptions build = nets::buildOptionsForDevice(device);
    if (folder.empty())
        throw EngineError("no model given (--model nano or a model folder)");
    // A built-in name ("nano") or a folder with config.json.
    return pipeline::WorldModel::load(pipeline::resolveModelFolder(folder), build);
}

void checkConditioningFiles(const ConditioningFiles& files)
{
    const int given = int(!files.imagePath.empty()) + int(!files.videoPath.empty()) + int(!files.latentPath.empty());
    if (given > 1)
        throw EngineError("give one of an image, a video or a latent to continue from, not several");
}

void readConditioning(const pipeline::WorldModelConfig& config, const ConditioningFiles& files,
    pipeline::GenerationRequest& request, pipeline::ProvenanceInputs& provenance)
{
    checkConditioningFiles(files);
    const pipeline::Resolution resolution
        = request.resolution.height > 0 ? request.resolution : config.resolutions.front();
    if (!files.imagePath.empty()) {
        request.mode = pipeline::GenerationMode::Image2World;
        request.conditioningFrames
            = media::decodeImage(files.imagePath, resolution.width, resolution.height).unsqueeze(1);
        provenance.conditioningHashes.push_back(sha256File(files.imagePath));
    } else if (!files.videoPath.empty()) {
        request.mode = pipeline::GenerationMode::Video2World;
        media::VideoDecodeOptions decode;
        decode.width = resolution.width;
        decode.height = resolution.height;
        decode.fps = config.fps;
        decode.maxFrames
            = 1 + static_cast<int>(config.vae.temporalCompression()) * (config.conditionalLatentFrames - 1);
        decode.selection = media::FrameSelection::Last;
        request.conditioningFrames = media::decodeVideo(files.videoPath, decode).frames;
        provenance.conditioningHashes.push_back(sha256File(files.videoPath));
    } else if (!files.latentPath.empty()) {
        const auto file = SafetensorsFile::open(files.latentPath);
        if (!file->contains("latent"))
            throw WeightsError(files.latentPath, "latent", "no such tensor: expected a file written by --save-latent");
        request.mode = pipeline::GenerationMode::Continue;
        request.conditioningLatent = file->tensor("latent").to(torch::kFloat32).clone();
        if (!config.continueWithLatents)
            throw EngineError(
                "model '" + config.name + "' continues from frames, not latents: give the previous clip with --video");
        provenance.conditioningHashes.push_back(sha256File(files.latentPath));
    }
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

WrittenTake writeTake(const pipeline::WorldModelConfig& config, const pipeline::GenerationRequest& request,
    const pipeline::GenerationResult& take, const pipeline::ProvenanceInputs& provenance, const TakeOutput& output,
    const CancelToken* cancel)
{
    const nlohmann::json record = pipeline::makeProvenance(config, request, take, provenance);

    media::EncodeOptions encode;
    encode.format = output.format;
    encode.quality = output.quality;
    encode.fps = config.fps;
    encode.scale = output.scale;
    encode.metadata["cosmos_provenance"] = record.dump();
    encode.metadata["comment"] = "Cosmos Studio: " + request.prompt;
    if (cancel)
        encode.progress = [cancel](int, int) { return !cancel->stopNow(); };
    const media::EncodeResult written = media::encodeVideo(output.path, take.video, encode);
    if (!output.saveLatentPath.empty())
        writeSafetensors(output.saveLatentPath, {{"latent", take.latent}},
            {{"model", config.name}, {"seed", std::to_string(request.seed)}});

    WrittenTake result;
    result.outputPath = output.path;
    result.provenanceJson = record.dump(2);
    result.provenancePath = output.path + ".json";
    if (written.sidecar.empty()) {
        std::ofstream sidecar(result.provenancePath);
        sidecar << result.provenanceJson << "\n";
        if (!sidecar)
            throw EngineError("cannot write the provenance file '" + result.provenancePath + "'");
    } else {
        result.provenancePath = written.sidecar;
    }
    result.frames = written.frames;
    result.width = written.width;
    result.height = written.height;
    result.fps = config.fps;
    return result;
}

} // namespace cosmos::engine
