#include "engine/media/ffmpeg_util.h"

#include <new>

extern "C" {
#include <libavutil/error.h>
}

namespace cosmos::engine::media::ff {

std::string Dictionary::unusedKeys() const
{
    std::string keys;
    const AVDictionaryEntry* entry = nullptr;
    while ((entry = av_dict_get(m_dictionary, "", entry, AV_DICT_IGNORE_SUFFIX))) {
        if (!keys.empty())
            keys += ", ";
        keys += entry->key;
    }
    return keys;
}

DynamicBuffer openDynamicBuffer()
{
    AVIOContext* context = nullptr;
    if (avio_open_dyn_buf(&context) < 0)
        return nullptr;
    return DynamicBuffer(context);
}

std::vector<std::uint8_t> takeBytes(DynamicBuffer& buffer)
{
    std::uint8_t* data = nullptr;
    const int size = avio_close_dyn_buf(buffer.release(), &data);
    std::vector<std::uint8_t> bytes;
    if (data && size > 0)
        bytes.assign(data, data + size);
    av_free(data);
    return bytes;
}

std::string errorText(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(code, text, sizeof text) < 0)
        return "FFmpeg error " + std::to_string(code);
    return text;
}

Frame allocFrame()
{
    Frame frame(av_frame_alloc());
    if (!frame)
        throw std::bad_alloc();
    return frame;
}

Packet allocPacket()
{
    Packet packet(av_packet_alloc());
    if (!packet)
        throw std::bad_alloc();
    return packet;
}

Frame allocFrame(AVPixelFormat format, int width, int height)
{
    Frame frame = allocFrame();
    frame->format = format;
    frame->width = width;
    frame->height = height;
    if (av_frame_get_buffer(frame.get(), 0) < 0)
        throw std::bad_alloc();
    return frame;
}

int swsColorspaceFor(AVColorSpace colorspace, int height)
{
    switch (colorspace) {
    case AVCOL_SPC_BT709: return SWS_CS_ITU709;
    case AVCOL_SPC_FCC: return SWS_CS_FCC;
    case AVCOL_SPC_BT470BG:
    case AVCOL_SPC_SMPTE170M: return SWS_CS_ITU601;
    case AVCOL_SPC_SMPTE240M: return SWS_CS_SMPTE240M;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL: return SWS_CS_BT2020;
    default: return height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }
}

AVPixelFormat normalisedFormat(AVPixelFormat format, bool& fullRange)
{
    switch (format) {
    case AV_PIX_FMT_YUVJ420P: fullRange = true; return AV_PIX_FMT_YUV420P;
    case AV_PIX_FMT_YUVJ422P: fullRange = true; return AV_PIX_FMT_YUV422P;
    case AV_PIX_FMT_YUVJ444P: fullRange = true; return AV_PIX_FMT_YUV444P;
    case AV_PIX_FMT_YUVJ440P: fullRange = true; return AV_PIX_FMT_YUV440P;
    case AV_PIX_FMT_YUVJ411P: fullRange = true; return AV_PIX_FMT_YUV411P;
    default: return format;
    }
}

} // namespace cosmos::engine::media::ff
