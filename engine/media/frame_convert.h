// Pixel conversions between FFmpeg frames and tensors: any decoded frame to
// packed RGB at a requested size (scale to cover, then centre crop), packed
// RGB into an encoder's frame, and the float <-> byte mapping of the engine
// ([-1, 1] <-> 0..255). Internal to engine/media.
#pragma once

#include <string>
#include <utility>

#include <torch/types.h>

#include "engine/media/ffmpeg_util.h"

namespace cosmos::engine::media {

// Scale the source uniformly so that it covers dstWidth x dstHeight, then
// crop the centre: no letterbox bars, no distortion.
struct CoverGeometry {
    int scaledWidth = 0;
    int scaledHeight = 0;
    int cropX = 0;
    int cropY = 0;
};
CoverGeometry coverGeometry(int sourceWidth, int sourceHeight, int width, int height);

// Converts decoded frames of any pixel format to RGB at a fixed size,
// honouring the frame's YUV matrix and range. Area filtering when shrinking,
// bicubic when enlarging.
class FrameToRgb {
public:
    // width x height 0 x 0: each frame's own size; `path` is named in errors.
    FrameToRgb(std::string path, int width, int height) : m_path(std::move(path)), m_width(width), m_height(height) { }

    // result: [H, W, 3] uint8
    torch::Tensor operator()(const AVFrame& frame);

private:
    std::string m_path;
    int m_width = 0;
    int m_height = 0;
    ff::ScaleContext m_scale;
    ff::Frame m_rgb;
};

// Writes packed RGB into `frame`, whose format and size are already set and
// whose buffers are allocated, converting (e.g. to YUV with the given
// SWS_CS_* matrix and range; yuvj formats are full range) and scaling as
// needed. `scale` caches the context.
// rgb: [H, W, 3] uint8, contiguous
void rgbIntoFrame(const std::string& path, ff::ScaleContext& scale, const torch::Tensor& rgb, AVFrame& frame,
    int swsFlags, int swsColorspace = SWS_CS_ITU709, bool fullRange = false);

// rgb: [H, W, 3] uint8 -> result: [height, width, 3] uint8, resampled with swsFlags (SWS_LANCZOS...)
torch::Tensor resizeRgb(const torch::Tensor& rgb, int width, int height, int swsFlags);

// frames: [T, H, W, 3] uint8 -> result: [3, T, H, W] float32 in [-1, 1]
torch::Tensor bytesToUnitRange(const torch::Tensor& frames);

// The encoders' input: [3, T, H, W] floating point in [-1, 1] (clamped; NaN
// becomes 0) or [T, H, W, 3] uint8. Returns [T, H, W, 3] uint8, contiguous,
// on the CPU; throws MediaError (InvalidArgument) naming `path` otherwise.
torch::Tensor framesToBytes(const torch::Tensor& frames, const std::string& path);

// The same for one image: [3, H, W] float or [H, W, 3] uint8 -> [1, H, W, 3] uint8.
torch::Tensor imageToBytes(const torch::Tensor& image, const std::string& path);

} // namespace cosmos::engine::media
