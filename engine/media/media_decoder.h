// Reading images and videos into tensors with FFmpeg's libraries.
//
//   auto image = decodeImage("start.jpg", 1280, 704);            // [3, 704, 1280] in [-1, 1]
//   VideoDecodeOptions options;
//   options.width = 1280; options.height = 704; options.fps = 16;
//   options.maxFrames = 93; options.selection = FrameSelection::Last;
//   auto video = decodeVideo("input.mp4", options);               // video.frames: [3, T, 704, 1280]
//
// Pictures are resized to cover the requested size (aspect preserved) and
// the centre is cropped, so nothing is distorted and no bars appear. Every
// failure is a MediaError naming the file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <torch/types.h>

namespace cosmos::engine::media {

// What the container and stream say about a video (or image).
struct VideoSourceInfo {
    int width = 0;
    int height = 0;
    double fps = 0.0; // average frame rate, 0 when unknown
    std::int64_t frameCount = 0; // as declared by the container, or estimated from duration x fps
    bool frameCountExact = false; // false: estimated
    double durationSeconds = 0.0; // 0 when unknown
    std::string codecName; // "h264", "vp9", "gif", "png"...
    std::string formatName; // FFmpeg's demuxer: "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm"...
};

enum class FrameSelection {
    First, // the beginning of the clip
    Last, // the end of the clip (e.g. the context for extending a video)
};

struct VideoDecodeOptions {
    int width = 0; // output size; both 0: the source size; one 0: follows the source aspect
    int height = 0;
    double fps = 0.0; // resample to this rate by timestamps (nearest source frame); 0: every source frame
    int maxFrames = 0; // at most this many output frames, taken per `selection`; 0: all
    FrameSelection selection = FrameSelection::First;
    int minFrames = 1; // fewer output frames than this is a MediaError (TooFewFrames)
};

struct DecodedVideo {
    torch::Tensor frames; // [3, T, H, W] float32 in [-1, 1], RGB
    double fps = 0.0; // the rate of `frames`: options.fps, or the source's
    std::vector<double> sourceTimesSeconds; // for each output frame, the time of the source frame used
    VideoSourceInfo source;
    int framesDecoded = 0; // source frames decoded (fewer than the clip has if reading stopped early)
    std::vector<std::string> warnings; // damage found on the way (truncation, undecodable packets)
};

// Reads an image (PNG, JPEG, WebP, BMP... anything FFmpeg opens; of a video,
// the first frame). Alpha is dropped. width/height 0: the source size.
// result: [3, H, W] float32 in [-1, 1], RGB
torch::Tensor decodeImage(const std::string& path, int width = 0, int height = 0);

// Reads a video: a file (MP4, WebM, MKV, MOV, GIF...) or a PNG sequence (a
// folder written by encodeVideo, or a pattern such as name_%04d.png; its fps
// comes from the sidecar JSON, else 25).
DecodedVideo decodeVideo(const std::string& path, const VideoDecodeOptions& options = {});

// The container's description of a video without decoding it.
VideoSourceInfo probeVideo(const std::string& path);

} // namespace cosmos::engine::media
