#include "engine/media/frame_source.h"

#include <algorithm>
#include <cmath>

#include "engine/media/frame_convert.h"

namespace cosmos::engine::media {
namespace {

int swsFlagsFor(ScaleFilter filter)
{
    switch (filter) {
    case ScaleFilter::Nearest: return SWS_POINT;
    case ScaleFilter::Bilinear: return SWS_BILINEAR;
    case ScaleFilter::Bicubic: return SWS_BICUBIC;
    case ScaleFilter::Lanczos: return SWS_LANCZOS;
    }
    return SWS_BICUBIC;
}

std::string size(int width, int height)
{
    return std::to_string(width) + "x" + std::to_string(height);
}

} // namespace

FrameSource::FrameSource(const std::string& path, FrameProvider frames, double scale, ScaleFilter filter)
    : m_path(path), m_frames(std::move(frames)), m_swsFlags(swsFlagsFor(filter))
{
    const int width = m_frames.width;
    const int height = m_frames.height;
    if (m_frames.count < 1 || width < 1 || height < 1 || !m_frames.frame)
        throw MediaError(MediaErrorKind::InvalidArgument, path,
            "expected at least one frame of at least 1x1 pixels, found " + std::to_string(m_frames.count)
                + " frames of " + size(width, height));
    if (!std::isfinite(scale) || scale <= 0 || scale > 64)
        throw MediaError(MediaErrorKind::InvalidArgument, path,
            "expected a scale factor in (0, 64], found " + std::to_string(scale));
    m_scaledWidth = std::max(1, static_cast<int>(std::lround(width * scale)));
    m_scaledHeight = std::max(1, static_cast<int>(std::lround(height * scale)));
    if (m_scaledWidth > 16384 || m_scaledHeight > 16384)
        throw MediaError(MediaErrorKind::InvalidArgument, path,
            "scaling " + size(width, height) + " by " + std::to_string(scale) + " gives "
                + size(m_scaledWidth, m_scaledHeight) + ", expected at most 16384 pixels a side");
    if (filter == ScaleFilter::Nearest && scale >= 1 && scale == std::floor(scale) && scale > 1)
        m_integerFactor = static_cast<int>(scale);
    m_paddedWidth = m_scaledWidth;
    m_paddedHeight = m_scaledHeight;
    if (m_scaledWidth != width || m_scaledHeight != height)
        m_notes.push_back("scaled " + size(width, height) + " to " + size(m_scaledWidth, m_scaledHeight));
}

void FrameSource::padToEven(const std::string& reason)
{
    m_paddedWidth = m_scaledWidth + m_scaledWidth % 2;
    m_paddedHeight = m_scaledHeight + m_scaledHeight % 2;
    if (m_paddedWidth != m_scaledWidth || m_paddedHeight != m_scaledHeight)
        m_notes.push_back("padded " + size(m_scaledWidth, m_scaledHeight) + " to " + size(m_paddedWidth, m_paddedHeight)
            + " by repeating the last row / column (" + reason + ")");
}

torch::Tensor FrameSource::frame(int index) const
{
    torch::Tensor rgb = m_frames.frame(index); // [H, W, 3]
    if (!rgb.defined() || rgb.dim() != 3 || rgb.scalar_type() != torch::kUInt8 || rgb.size(0) != m_frames.height
        || rgb.size(1) != m_frames.width || rgb.size(2) != 3)
        throw MediaError(MediaErrorKind::InvalidArgument, m_path,
            "frame " + std::to_string(index + 1) + " is not " + size(m_frames.width, m_frames.height)
                + " RGB bytes like the frames before it");
    if (m_integerFactor > 0)
        rgb = rgb.repeat_interleave(m_integerFactor, 0).repeat_interleave(m_integerFactor, 1);
    else if (m_scaledWidth != rgb.size(1) || m_scaledHeight != rgb.size(0))
        rgb = resizeRgb(rgb, m_scaledWidth, m_scaledHeight, m_swsFlags);
    if (m_paddedWidth != m_scaledWidth)
        rgb = torch::cat({rgb, rgb.narrow(1, m_scaledWidth - 1, 1)}, 1);
    if (m_paddedHeight != m_scaledHeight)
        rgb = torch::cat({rgb, rgb.narrow(0, m_scaledHeight - 1, 1)}, 0);
    return rgb.contiguous();
}

} // namespace cosmos::engine::media
