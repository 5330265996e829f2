#include "engine/tools/nano_data_tool.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "engine/errors.h"
#include "engine/media/media_encoder.h"
#include "engine/util/atomic_file.h"

namespace cosmos::engine::tools {
namespace {

namespace fs = std::filesystem;
using nano::NanoWorldConstants;

const char* motionName(nano::Motion motion)
{
    switch (motion) {
    case nano::Motion::ThrownRight: return "thrown_right";
    case nano::Motion::ThrownLeft: return "thrown_left";
    case nano::Motion::Drops: return "drops";
    case nano::Motion::ThrownUp: return "thrown_up";
    }
    return "drops";
}

std::string clipName(int index)
{
    char name[32];
    std::snprintf(name, sizeof name, "clip_%06d", index);
    return name;
}

void writeClipVideo(const std::string& path, const nano::NanoClip& clip, bool png)
{
    // frames: [T, H, W, 3] uint8, RGB, as the simulator renders them.
    torch::Tensor frames = torch::empty({clip.frameCount, clip.height, clip.width, 3}, torch::kUInt8);
    std::memcpy(frames.data_ptr<std::uint8_t>(), clip.frames.data(), clip.frames.size());
    media::EncodeOptions encode;
    encode.format = png ? media::VideoFormat::PngSequence : media::VideoFormat::Mp4;
    encode.fps = NanoWorldConstants::fps;
    // Small balls are a few pixels wide: keep compression from smearing them.
    encode.quality = 95;
    encode.metadata["comment"] = clip.prompt;
    encode.metadata["cosmos_nano_seed"] = std::to_string(clip.spec.seed);
    media::encodeVideo(path, frames, encode);
}

} // namespace

std::uint64_t nanoClipSeed(std::uint64_t datasetSeed, int index)
{
    // A large prime stride: dataset seeds S and S + 1 share no clip seed for
    // any count below it.
    return datasetSeed * 1000003ull + static_cast<std::uint64_t>(index);
}

nlohmann::json nanoClipJson(const nano::NanoClip& clip)
{
    nlohmann::json balls = nlohmann::json::array();
    for (const auto& ball : clip.spec.balls)
        balls.push_back(
            {{"colour", nano::ballColourName(ball.colour)}, {"large", ball.large}, {"radius", ball.radius()},
                {"motion", motionName(ball.motion)}, {"x", ball.x}, {"y", ball.y}, {"vx", ball.vx}, {"vy", ball.vy}});
    nlohmann::json truth = nlohmann::json::array();
    for (const auto& frame : clip.truth) {
        nlohmann::json states = nlohmann::json::array();
        for (const auto& state : frame)
            states.push_back(
                {{"x", state.x}, {"y", state.y}, {"vx", state.vx}, {"vy", state.vy}, {"contact", state.contact}});
        truth.push_back(std::move(states));
    }
    return {
        {"prompt", clip.prompt},
        {"seed", clip.spec.seed},
        {"backdrop", clip.spec.backdrop},
        {"backdrop_name", nano::backdropName(clip.spec.backdrop)},
        {"width", clip.width},
        {"height", clip.height},
        {"fps", NanoWorldConstants::fps},
        {"frames", clip.frameCount},
        {"balls", std::move(balls)},
        {"floor_bounces", clip.floorBounces},
        {"wall_hits", clip.wallHits},
        {"balls_collide", clip.ballsCollide},
        {"hitter", clip.hitter},
        {"hit_from_above", clip.hitFromAbove},
        {"truth", std::move(truth)},
    };
}

NanoDataReport writeNanoDataset(
    const NanoDataOptions& options, const LoggerPtr& logger, const NanoDataProgress& progress)
{
    if (options.count < 1 || options.count > kMaxNanoDataClips)
        throw EngineError("the clip count must be from 1 to " + std::to_string(kMaxNanoDataClips) + ", got "
            + std::to_string(options.count));
    if (options.format != "mp4" && options.format != "png")
        throw EngineError("unknown format '" + options.format + "' (valid: mp4, png)");
    if (options.outputDir.empty())
        throw EngineError("no output folder given");
    const bool png = options.format == "png";
    std::error_code error;
    fs::create_directories(options.outputDir, error);
    if (error || !fs::is_directory(options.outputDir))
        throw EngineError("cannot create the output folder '" + options.outputDir + "'"
            + (error ? ": " + error.message() : std::string()));

    const auto start = std::chrono::steady_clock::now();
    const fs::path dir(options.outputDir);
    NanoDataReport report;
    report.outputDir = options.outputDir;
    report.indexPath = (dir / "index.jsonl").string();
    // Opened first, so an unwritable folder fails before any work is done;
    // committed last, so an index only exists for a complete dataset.
    util::AtomicFile index(report.indexPath);
    for (int i = 0; i < options.count; ++i) {
        const nano::NanoClip clip = nano::simulateClip(nano::NanoClipSpec::fromSeed(nanoClipSeed(options.seed, i)));
        const std::string name = clipName(i);
        const std::string media = png ? name + "/" : name + ".mp4";
        writeClipVideo((dir / media).string(), clip, png);
        util::AtomicFile record((dir / (name + ".json")).string());
        record.stream() << nanoClipJson(clip).dump() << "\n";
        record.commit();
        const nlohmann::json line = {
            {"file", png ? name : media}, {"json", name + ".json"}, {"prompt", clip.prompt}, {"seed", clip.spec.seed}};
        index.stream() << line.dump() << "\n";
        ++report.clips;
        report.oneBallClips += clip.spec.balls.size() == 1 ? 1 : 0;
        report.collidingClips += clip.ballsCollide ? 1 : 0;
        if (progress)
            progress(i + 1, options.count);
    }
    index.commit();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    logger->info("nano-data: {} clips (seed {}, {}) -> {} in {:.1f} s", report.clips, options.seed, options.format,
        options.outputDir, report.seconds);
    return report;
}

} // namespace cosmos::engine::tools
