// Single pictures (PNG, JPEG, WebP) compressed in memory by libavcodec, for
// encodeImage and the frames of PNG sequences.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/media/encode_formats.h"
#include "engine/media/frame_convert.h"
#include "engine/media/pending_file.h"

namespace cosmos::engine::media {

std::vector<std::uint8_t> encodePicture(
    const std::string& path, const std::string& encoder, const torch::Tensor& rgb, int quality)
{
    const AVCodec* codec = avcodec_find_encoder_by_name(encoder.c_str());
    if (!codec)
        throw MediaError(MediaErrorKind::UnsupportedCodec, path, "this FFmpeg build has no '" + encoder + "' encoder");
    ff::CodecContext context(avcodec_alloc_context3(codec));
    if (!context)
        throw std::bad_alloc();
    context->width = static_cast<int>(rgb.size(1));
    context->height = static_cast<int>(rgb.size(0));
    context->time_base = AVRational {1, 25};
    ff::Dictionary options;
    const int clamped = std::clamp(quality, 0, 100);
    if (encoder == "png") {
        context->pix_fmt = AV_PIX_FMT_RGB24;
        options.set("pred", "paeth");
    } else if (encoder == "mjpeg") {
        // JPEG is full-range BT.601; qscale 2 (best) .. 31.
        context->pix_fmt = AV_PIX_FMT_YUVJ420P;
        context->color_range = AVCOL_RANGE_JPEG;
        context->flags |= AV_CODEC_FLAG_QSCALE;
        context->global_quality = FF_QP2LAMBDA * static_cast<int>(std::lround(2 + (100 - clamped) * 29 / 100.0));
    } else {
        context->pix_fmt = AV_PIX_FMT_YUV420P; // WebP's lossy format: BT.601, limited range
        options.set("quality", std::to_string(clamped));
    }
    if (const int opened = avcodec_open2(context.get(), codec, options.address()); opened < 0)
        throw MediaError(MediaErrorKind::UnsupportedCodec, path,
            "the '" + encoder + "' encoder refused " + std::to_string(context->width) + "x"
                + std::to_string(context->height) + ": " + ff::errorText(opened));

    ff::Frame frame = ff::allocFrame(context->pix_fmt, context->width, context->height);
    frame->quality = context->global_quality;
    frame->pts = 0;
    ff::ScaleContext scale;
    const bool jpeg = encoder == "mjpeg";
    rgbIntoFrame(path, scale, rgb, *frame, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, SWS_CS_ITU601, jpeg);
    const auto fail = [&](const std::string& what, int code) {
        throw MediaError(
            MediaErrorKind::WriteFailed, path, "the '" + encoder + "' encoder " + what + ": " + ff::errorText(code));
    };
    if (const int sent = avcodec_send_frame(context.get(), frame.get()); sent < 0)
        fail("failed", sent);
    if (const int flushed = avcodec_send_frame(context.get(), nullptr); flushed < 0)
        fail("cannot be flushed", flushed);
    std::vector<std::uint8_t> bytes;
    ff::Packet packet = ff::allocPacket();
    for (;;) {
        const int received = avcodec_receive_packet(context.get(), packet.get());
        if (received == AVERROR_EOF)
            break;
        if (received < 0)
            fail("failed", received);
        bytes.insert(bytes.end(), packet->data, packet->data + packet->size);
        av_packet_unref(packet.get());
    }
    if (bytes.empty())
        throw MediaError(MediaErrorKind::WriteFailed, path, "the '" + encoder + "' encoder produced no data");
    return bytes;
}

void encodeImage(const std::string& path, const torch::Tensor& image, int quality)
{
    const std::string extension = lowerExtension(path);
    std::string encoder;
    if (extension == "png")
        encoder = "png";
    else if (extension == "jpg" || extension == "jpeg")
        encoder = "mjpeg";
    else if (extension == "webp")
        encoder = "libwebp";
    else
        throw MediaError(MediaErrorKind::InvalidArgument, path,
            "expected an image name ending in .png, .jpg, .jpeg or .webp, found "
                + (extension.empty() ? std::string("no extension") : "'." + extension + "'"));
    const torch::Tensor bytes = imageToBytes(image, path); // [1, H, W, 3]
    PendingFile output(path);
    const auto encoded = encodePicture(path, encoder, bytes[0].contiguous(), quality);
    output.write(encoded.data(), encoded.size());
    output.commit();
}

} // namespace cosmos::engine::media
