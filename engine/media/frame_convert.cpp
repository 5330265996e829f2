#include "engine/media/frame_convert.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>
#include <sstream>

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace cosmos::engine::media {
namespace {

std::string describe(const torch::Tensor& tensor)
{
    if (!tensor.defined())
        return "an undefined tensor";
    std::ostringstream text;
    text << "shape [";
    for (int64_t i = 0; i < tensor.dim(); ++i)
        text << (i ? ", " : "") << tensor.size(i);
    text << "] of " << c10::toString(tensor.scalar_type());
    return text.str();
}

bool isYuv(AVPixelFormat format)
{
    const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(format);
    return descriptor && descriptor->nb_components >= 3
        && !(descriptor->flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL));
}

std::string formatName(int format)
{
    const char* name = av_get_pix_fmt_name(static_cast<AVPixelFormat>(format));
    return name ? name : "unknown (" + std::to_string(format) + ")";
}

void copyRows(const AVFrame& rgb, int x, int y, torch::Tensor& out)
{
    const int width = static_cast<int>(out.size(1));
    const int height = static_cast<int>(out.size(0));
    auto* target = out.data_ptr<std::uint8_t>();
    for (int row = 0; row < height; ++row)
        std::memcpy(target + static_cast<std::ptrdiff_t>(row) * width * 3,
            rgb.data[0] + static_cast<std::ptrdiff_t>(row + y) * rgb.linesize[0] + x * 3,
            static_cast<std::size_t>(width) * 3);
}

} // namespace

CoverGeometry coverGeometry(int sourceWidth, int sourceHeight, int width, int height)
{
    const double scale = std::max(static_cast<double>(width) / sourceWidth, static_cast<double>(height) / sourceHeight);
    CoverGeometry geometry;
    geometry.scaledWidth = std::max(width, static_cast<int>(std::lround(sourceWidth * scale)));
    geometry.scaledHeight = std::max(height, static_cast<int>(std::lround(sourceHeight * scale)));
    geometry.cropX = (geometry.scaledWidth - width) / 2;
    geometry.cropY = (geometry.scaledHeight - height) / 2;
    return geometry;
}

torch::Tensor FrameToRgb::operator()(const AVFrame& frame)
{
    const int width = m_width > 0 ? m_width : frame.width;
    const int height = m_height > 0 ? m_height : frame.height;
    const CoverGeometry geometry = coverGeometry(frame.width, frame.height, width, height);

    bool fullRange = frame.color_range == AVCOL_RANGE_JPEG;
    const AVPixelFormat format = ff::normalisedFormat(static_cast<AVPixelFormat>(frame.format), fullRange);
    const bool shrinking = geometry.scaledWidth < frame.width || geometry.scaledHeight < frame.height;
    const int flags = (shrinking ? SWS_AREA : SWS_BICUBIC) | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT;
    m_scale.reset(sws_getCachedContext(m_scale.release(), frame.width, frame.height, format, geometry.scaledWidth,
        geometry.scaledHeight, AV_PIX_FMT_RGB24, flags, nullptr, nullptr, nullptr));
    if (!m_scale)
        throw MediaError(MediaErrorKind::UnsupportedCodec, m_path,
            "swscale cannot convert pixel format " + formatName(frame.format) + " to RGB");
    if (isYuv(format)) {
        const int* matrix = sws_getCoefficients(ff::swsColorspaceFor(frame.colorspace, frame.height));
        sws_setColorspaceDetails(
            m_scale.get(), matrix, fullRange ? 1 : 0, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
    }
    if (!m_rgb || m_rgb->width != geometry.scaledWidth || m_rgb->height != geometry.scaledHeight)
        m_rgb = ff::allocFrame(AV_PIX_FMT_RGB24, geometry.scaledWidth, geometry.scaledHeight);
    sws_scale(m_scale.get(), frame.data, frame.linesize, 0, frame.height, m_rgb->data, m_rgb->linesize);

    auto out = torch::empty({height, width, 3}, torch::kUInt8);
    copyRows(*m_rgb, geometry.cropX, geometry.cropY, out);
    return out;
}

void rgbIntoFrame(const std::string& path, ff::ScaleContext& scale, const torch::Tensor& rgb, AVFrame& frame,
    int swsFlags, int swsColorspace, bool fullRange)
{
    const int width = static_cast<int>(rgb.size(1));
    const int height = static_cast<int>(rgb.size(0));
    // yuvj (JPEG) frames are filled as plain YUV at full range: swscale wants it so.
    const auto format = ff::normalisedFormat(static_cast<AVPixelFormat>(frame.format), fullRange);
    scale.reset(sws_getCachedContext(scale.release(), width, height, AV_PIX_FMT_RGB24, frame.width, frame.height,
        format, swsFlags, nullptr, nullptr, nullptr));
    if (!scale)
        throw MediaError(MediaErrorKind::UnsupportedCodec, path,
            "swscale cannot convert RGB to pixel format " + formatName(frame.format));
    if (isYuv(format))
        sws_setColorspaceDetails(scale.get(), sws_getCoefficients(SWS_CS_DEFAULT), 1,
            sws_getCoefficients(swsColorspace), fullRange ? 1 : 0, 0, 1 << 16, 1 << 16);
    if (av_frame_make_writable(&frame) < 0)
        throw std::bad_alloc();
    const std::uint8_t* source[4] = {rgb.data_ptr<std::uint8_t>(), nullptr, nullptr, nullptr};
    const int sourceStride[4] = {width * 3, 0, 0, 0};
    sws_scale(scale.get(), source, sourceStride, 0, height, frame.data, frame.linesize);
}

torch::Tensor resizeRgb(const torch::Tensor& rgb, int width, int height, int swsFlags)
{
    ff::ScaleContext scale;
    ff::Frame frame = ff::allocFrame(AV_PIX_FMT_RGB24, width, height);
    rgbIntoFrame("", scale, rgb.contiguous(), *frame, swsFlags | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT);
    auto out = torch::empty({height, width, 3}, torch::kUInt8);
    copyRows(*frame, 0, 0, out);
    return out;
}

torch::Tensor bytesToUnitRange(const torch::Tensor& frames)
{
    return frames.permute({3, 0, 1, 2}).to(torch::kFloat32).div(127.5).sub(1.0).contiguous();
}

torch::Tensor framesToBytes(const torch::Tensor& frames, const std::string& path)
{
    const std::string expected = "expected frames as [3, T, H, W] float in [-1, 1] or [T, H, W, 3] uint8, found ";
    if (!frames.defined() || frames.dim() != 4)
        throw MediaError(MediaErrorKind::InvalidArgument, path, expected + describe(frames));
    torch::Tensor bytes;
    if (frames.scalar_type() == torch::kUInt8 && frames.size(3) == 3)
        bytes = frames.detach().to(torch::kCPU).contiguous();
    else if (frames.is_floating_point() && frames.size(0) == 3)
        bytes = frames.detach()
                    .to(torch::kCPU, torch::kFloat32)
                    .nan_to_num(0.0, 1.0, -1.0)
                    .clamp(-1.0, 1.0)
                    .add(1.0)
                    .mul(127.5)
                    .round()
                    .to(torch::kUInt8)
                    .permute({1, 2, 3, 0})
                    .contiguous();
    else
        throw MediaError(MediaErrorKind::InvalidArgument, path, expected + describe(frames));
    if (bytes.size(0) < 1 || bytes.size(1) < 1 || bytes.size(2) < 1)
        throw MediaError(MediaErrorKind::InvalidArgument, path,
            "expected at least one frame of at least 1x1 pixels, found " + describe(frames));
    return bytes;
}

torch::Tensor imageToBytes(const torch::Tensor& image, const std::string& path)
{
    if (image.defined() && image.dim() == 3 && image.scalar_type() == torch::kUInt8 && image.size(2) == 3)
        return framesToBytes(image.unsqueeze(0), path);
    if (image.defined() && image.dim() == 3 && image.is_floating_point() && image.size(0) == 3)
        return framesToBytes(image.unsqueeze(1), path);
    throw MediaError(MediaErrorKind::InvalidArgument, path,
        "expected an image as [3, H, W] float in [-1, 1] or [H, W, 3] uint8, found " + describe(image));
}

} // namespace cosmos::engine::media
