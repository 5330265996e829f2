#include "engine/tools/clip_frames.h"

#include <cstdint>

#include "engine/errors.h"
#include "engine/media/media_decoder.h"

namespace cosmos::engine {
namespace {

std::string sizeText(const PreviewFrames& clip)
{
    return std::to_string(clip.width) + "x" + std::to_string(clip.height);
}

void checkBytes(const PreviewFrames& clip, std::size_t index)
{
    const auto expected = static_cast<std::size_t>(clip.frames) * static_cast<std::size_t>(clip.height)
        * static_cast<std::size_t>(clip.width) * 3U;
    if (clip.frames < 0 || clip.width < 0 || clip.height < 0 || clip.rgb.size() != expected)
        throw EngineError("clip " + std::to_string(index + 1) + " claims " + std::to_string(clip.frames) + " frames of "
            + sizeText(clip) + " (" + std::to_string(expected) + " bytes) but holds " + std::to_string(clip.rgb.size())
            + " bytes");
}

} // namespace

DecodedClip decodeClip(const std::string& path)
{
    media::VideoDecodeOptions options; // source size, every source frame, at least one
    auto video = media::decodeVideo(path, options);
    // [3, T, H, W] in [-1, 1] -> [T, H, W, 3] uint8: the decoder made the floats
    // from bytes, so rounding restores them exactly.
    const auto bytes
        = video.frames.add(1.0).mul(127.5).round().clamp(0, 255).to(torch::kUInt8).permute({1, 2, 3, 0}).contiguous();
    auto frames = std::make_shared<PreviewFrames>();
    frames->frames = static_cast<int>(bytes.size(0));
    frames->height = static_cast<int>(bytes.size(1));
    frames->width = static_cast<int>(bytes.size(2));
    const auto* data = bytes.data_ptr<std::uint8_t>();
    frames->rgb.assign(data, data + bytes.numel());

    DecodedClip clip;
    clip.frames = std::move(frames);
    if (video.fps > 0)
        clip.fps = video.fps;
    clip.warnings = std::move(video.warnings);
    return clip;
}

PreviewPtr concatenateClips(const std::vector<PreviewPtr>& clips)
{
    const PreviewFrames* first = nullptr;
    std::size_t totalBytes = 0;
    int totalFrames = 0;
    for (std::size_t i = 0; i < clips.size(); ++i) {
        if (!clips[i] || clips[i]->frames == 0)
            continue;
        checkBytes(*clips[i], i);
        if (!first)
            first = clips[i].get();
        else if (clips[i]->width != first->width || clips[i]->height != first->height)
            throw EngineError("cannot join clips of different sizes: clip " + std::to_string(i + 1) + " is "
                + sizeText(*clips[i]) + ", the clips before it are " + sizeText(*first));
        totalBytes += clips[i]->rgb.size();
        totalFrames += clips[i]->frames;
    }
    if (!first)
        return nullptr;

    auto joined = std::make_shared<PreviewFrames>();
    joined->frames = totalFrames;
    joined->width = first->width;
    joined->height = first->height;
    joined->rgb.reserve(totalBytes);
    for (const auto& clip : clips)
        if (clip)
            joined->rgb.insert(joined->rgb.end(), clip->rgb.begin(), clip->rgb.end());
    return joined;
}

} // namespace cosmos::engine
