// The frames an encoder writes, prepared one at a time: scaled by the
// caller's factor and filter, and padded to even sizes where the codec's
// 4:2:0 chroma needs it. One frame at a time keeps a 4x upscale of a long
// clip out of memory. Internal to engine/media.
#pragma once

#include <string>
#include <vector>

#include <torch/types.h>

#include "engine/media/media_encoder.h"

namespace cosmos::engine::media {

class FrameSource {
public:
    // Throws MediaError (InvalidArgument) for a bad scale or size; frame()
    // throws it for a provided frame of the wrong shape.
    FrameSource(const std::string& path, FrameProvider frames, double scale, ScaleFilter filter);

    // Pads odd sizes with a copy of the last row / column (H.264 with yuv420p).
    void padToEven(const std::string& reason);

    int count() const { return m_frames.count; }
    int width() const { return m_paddedWidth; }
    int height() const { return m_paddedHeight; }
    const std::vector<std::string>& notes() const { return m_notes; }

    // result: [height(), width(), 3] uint8, contiguous
    torch::Tensor frame(int index) const;

private:
    std::string m_path;
    FrameProvider m_frames;
    int m_scaledWidth = 0;
    int m_scaledHeight = 0;
    int m_paddedWidth = 0;
    int m_paddedHeight = 0;
    int m_swsFlags = 0;
    int m_integerFactor = 0; // > 0: nearest-neighbour upscale by whole pixels, done exactly
    std::vector<std::string> m_notes;
};

} // namespace cosmos::engine::media
