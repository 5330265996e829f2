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

FrameSource::FrameSource(const std::string& path, torch::Tensor bytes, double scale, ScaleFilter filter)
    : m_bytes(std::move(bytes)), m_swsFlags(swsFlagsFor(filter))
{
    const int width = static_cast<int>(m_bytes.size(2));
    const int height = static_cast<int>(m_bytes.size(1));
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
    torch::Tensor rgb = m_bytes[index]; // [H, W, 3]
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
