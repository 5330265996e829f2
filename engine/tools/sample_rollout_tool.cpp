#include "engine/tools/sample_rollout_tool.h"

#include <chrono>
#include <filesystem>

#include <torch/torch.h>

#include "engine/errors.h"
#include "engine/media/media_encoder.h"
#include "engine/nano/nano_tensors.h"
#include "engine/nano/nano_world.h"
#include "engine/pipeline/generation.h"
#include "engine/pipeline/model_locator.h"
#include "engine/pipeline/provenance.h"
#include "engine/pipeline/world_model.h"

namespace cosmos::engine::tools {
namespace fs = std::filesystem;
namespace {

using pipeline::GenerationMode;

struct Writer {
    const std::string& outDir;
    pipeline::WorldModel& model;
    SampleRollout& rollout;

    // Writes a 4x enlarged MP4 (64x64 is tiny on a screen) with its provenance.
    void write(const std::string& name, const pipeline::GenerationRequest& request,
        const pipeline::GenerationResult& take, double seconds, const std::string& label = {})
    {
        media::EncodeOptions options;
        options.fps = model.config().fps;
        options.scale = 4.0;
        const auto provenance = pipeline::makeProvenance(
            model.config(), request, take, {model.config().name, model.weightsId(), {}, "cpu"});
        options.metadata["cosmos_provenance"] = provenance.dump();
        const std::string path = (fs::path(outDir) / name).string();
        media::encodeVideo(path, take.video, options);
        rollout.clips.push_back(
            {label.empty() ? pipeline::generationModeName(request.mode) : label, request.prompt, path, seconds});
    }
};

} // namespace

SampleRollout runSampleRollout(const std::string& modelName, const std::string& outDir, const LoggerPtr& logger,
    const std::function<void(const std::string&)>& progress)
{
    SampleRollout rollout;
    rollout.modelFolder = pipeline::resolveModelFolder(modelName);
    std::error_code error;
    fs::create_directories(outDir, error);
    if (error || !fs::is_directory(outDir))
        throw EngineError("cannot create the output folder " + outDir + ": " + error.message());
    auto model = pipeline::WorldModel::load(rollout.modelFolder);
    Writer writer {outDir, *model, rollout};
    auto run = [&](const std::string& name, pipeline::GenerationRequest request) {
        if (progress)
            progress(pipeline::generationModeName(request.mode) + ": " + request.prompt);
        const auto start = std::chrono::steady_clock::now();
        auto take = pipeline::generate(*model, request);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        logger->info("sample {}: {:.1f} s", name, seconds);
        writer.write(name, request, take, seconds);
        return take;
    };

    // Text2World, then a second segment continued from its latents.
    pipeline::GenerationRequest text;
    text.prompt = "a large red ball is thrown to the right and bounces twice";
    text.seed = 1;
    const auto first = run("1_text2world.mp4", text);
    pipeline::GenerationRequest next = text;
    next.mode = GenerationMode::Continue;
    next.prompt = "a large red ball drops and bounces once";
    next.seed = 2;
    next.conditioningLatent = first.latent;
    const auto second = run("2_continue.mp4", next);
    // The two segments as one rollout: the continuation repeats the first
    // segment's last five frames, so they appear once.
    pipeline::GenerationResult joined;
    joined.video = torch::cat({first.video, second.video.slice(1, 5)}, 1);
    writer.write("3_rollout.mp4", next, joined, 0.0, "rollout");

    // Image2World and Video2World from the simulator's own frames.
    const auto clip = nano::simulateClip(nano::NanoClipSpec::fromSeed(20261125));
    const auto frames = nano::clipToTensor(clip);
    pipeline::GenerationRequest image;
    image.mode = GenerationMode::Image2World;
    image.prompt = clip.prompt;
    image.seed = 3;
    image.conditioningFrames = frames.slice(1, 0, 1);
    media::encodeImage((fs::path(outDir) / "4_image2world_input.png").string(), frames.select(1, 0));
    run("4_image2world.mp4", image);
    pipeline::GenerationRequest video = image;
    video.mode = GenerationMode::Video2World;
    video.seed = 4;
    video.conditioningFrames = frames.slice(1, 0, 5);
    run("5_video2world.mp4", video);
    return rollout;
}

} // namespace cosmos::engine::tools
