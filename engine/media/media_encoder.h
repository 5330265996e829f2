// Writing generated frames as MP4 (H.264), WebM (VP9), GIF (one palette for
// the clip) or a PNG sequence, and single images, with FFmpeg's libraries.
//
//   EncodeOptions options;
//   options.fps = 16;
//   options.metadata["cosmos_provenance"] = provenanceJson;
//   encodeVideo("out/clip.mp4", frames, options);    // frames: [3, T, H, W] in [-1, 1]
//
// Output goes to "<path>.partial" and is renamed when complete: after any
// failure or a cancel, nothing exists under the final name.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <torch/types.h>

namespace cosmos::engine::media {

enum class VideoFormat {
    Auto, // from the path: .mp4 / .m4v / .mov, .webm / .mkv, .gif, a folder or name_%04d.png (.png / .jpg / .webp: one
          // frame)
    Mp4, // H.264 (libx264), yuv420p
    WebM, // VP9 (libvpx-vp9), yuv420p
    Gif, // 256-colour palette computed over the whole clip, error-diffusion dithering
    PngSequence, // lossless RGB frames numbered from 1, plus a JSON sidecar
};

enum class ScaleFilter { Nearest, Bilinear, Bicubic, Lanczos };

// frame: frames written so far (1..frames). Return false to cancel.
using EncodeProgress = std::function<bool(int frame, int frames)>;

struct EncodeOptions {
    VideoFormat format = VideoFormat::Auto;
    double fps = 16.0;
    // 0..100, higher is better and larger. MP4: CRF 51 - 0.41 q (90 -> 14);
    // WebM: CRF 63 - 0.53 q (90 -> 15); single JPEG / WebP frames use it too.
    // GIF and PNG ignore it.
    int quality = 90;
    // Resize by this factor before encoding (e.g. 4 to view 64x64 clips).
    double scale = 1.0;
    ScaleFilter scaleFilter = ScaleFilter::Nearest;
    // Keys: lower-case letters, digits and '_' (the subset every container
    // keeps), e.g. "comment", "cosmos_provenance". Values: UTF-8 text.
    // MP4: mdta tags (movflags use_metadata_tags); WebM: Matroska tags;
    // GIF: one comment extension holding a JSON object; PNG sequence: the sidecar.
    std::map<std::string, std::string> metadata;
    EncodeProgress progress;
    int gifLoopCount = 0; // 0: loop forever
};

struct EncodeResult {
    std::vector<std::string> files; // everything written, final names (frames, then sidecar)
    std::string sidecar; // the JSON sidecar, if one was written
    int width = 0; // encoded picture size, after scaling and padding
    int height = 0;
    int frames = 0;
    std::vector<std::string> notes; // adjustments the caller may want to show ("padded 63x64 to 64x64...")
};

// frames: [3, T, H, W] float in [-1, 1] (clamped) or [T, H, W, 3] uint8, RGB.
// Throws MediaError, or MediaCancelled when `progress` returns false.
EncodeResult encodeVideo(const std::string& path, const torch::Tensor& frames, const EncodeOptions& options = {});

// Frames made one at a time as the encoder asks for them (in order, each
// once; GIF reads them once too): a clip too large to hold whole, such as a
// grid of many long takes, never exists in memory at once.
struct FrameProvider {
    int count = 0;
    int width = 0;
    int height = 0;
    // result: [height, width, 3] uint8 RGB
    std::function<torch::Tensor(int index)> frame;
};
EncodeResult encodeVideo(const std::string& path, const FrameProvider& frames, const EncodeOptions& options = {});

// One picture as .png, .jpg / .jpeg or .webp (from the extension). quality
// applies to JPEG and WebP; metadata is not written.
// image: [3, H, W] float in [-1, 1] or [H, W, 3] uint8, RGB.
void encodeImage(const std::string& path, const torch::Tensor& image, int quality = 95);

// The container metadata of a file written by encodeVideo (or any media
// file), plus its "<path>.json" sidecar if one exists; for a PNG sequence
// (folder or pattern), its sidecar. Keys are lower-case; containers add
// their own (e.g. "encoder", "major_brand").
std::map<std::string, std::string> readMetadata(const std::string& path);

} // namespace cosmos::engine::media
