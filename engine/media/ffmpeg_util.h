// RAII owners for FFmpeg's objects and small helpers shared by the media
// decoder and encoders. Internal to engine/media: the public headers show
// tensors and plain structs only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include "engine/media/media_error.h"

namespace cosmos::engine::media::ff {

struct InputContextDeleter {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
using InputContext = std::unique_ptr<AVFormatContext, InputContextDeleter>;

// Owns an output context and, when open, its AVIOContext unless that is a
// custom one (AVFMT_FLAG_CUSTOM_IO) owned elsewhere. The normal path closes
// the AVIOContext itself (closeOutputFile) to see the final flush's error.
struct OutputContextDeleter {
    void operator()(AVFormatContext* context) const
    {
        if (context->pb && !(context->flags & AVFMT_FLAG_CUSTOM_IO) && !(context->oformat->flags & AVFMT_NOFILE))
            avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
using OutputContext = std::unique_ptr<AVFormatContext, OutputContextDeleter>;

struct CodecContextDeleter {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
using CodecContext = std::unique_ptr<AVCodecContext, CodecContextDeleter>;

struct FrameDeleter {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
using Frame = std::unique_ptr<AVFrame, FrameDeleter>;

struct PacketDeleter {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
using Packet = std::unique_ptr<AVPacket, PacketDeleter>;

struct SwsContextDeleter {
    void operator()(SwsContext* context) const { sws_freeContext(context); }
};
using ScaleContext = std::unique_ptr<SwsContext, SwsContextDeleter>;

struct FilterGraphDeleter {
    void operator()(AVFilterGraph* graph) const { avfilter_graph_free(&graph); }
};
using FilterGraph = std::unique_ptr<AVFilterGraph, FilterGraphDeleter>;

// An in-memory AVIOContext (avio_open_dyn_buf); takeBytes() empties it.
struct DynamicBufferDeleter {
    void operator()(AVIOContext* context) const
    {
        std::uint8_t* data = nullptr;
        avio_close_dyn_buf(context, &data);
        av_free(data);
    }
};
using DynamicBuffer = std::unique_ptr<AVIOContext, DynamicBufferDeleter>;

// An AVDictionary* with its lifetime; pass address() where FFmpeg wants AVDictionary**.
class Dictionary {
public:
    Dictionary() = default;
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    ~Dictionary() { av_dict_free(&m_dictionary); }

    void set(const std::string& key, const std::string& value)
    {
        av_dict_set(&m_dictionary, key.c_str(), value.c_str(), 0);
    }
    AVDictionary* get() const { return m_dictionary; }
    AVDictionary** address() { return &m_dictionary; }
    // Keys FFmpeg did not consume, comma-separated (empty when all were used).
    std::string unusedKeys() const;

private:
    AVDictionary* m_dictionary = nullptr;
};

// Opens an in-memory output (null when out of memory); takeBytes() closes it
// and returns what was written.
DynamicBuffer openDynamicBuffer();
std::vector<std::uint8_t> takeBytes(DynamicBuffer& buffer);

// av_strerror's text for an FFmpeg return code ("Invalid data found when processing input").
std::string errorText(int code);

Frame allocFrame();
Packet allocPacket();

// A frame with its own buffers of the given format and size.
Frame allocFrame(AVPixelFormat format, int width, int height);

// The YUV matrix to assume when a stream leaves it unspecified, as players
// do: BT.709 from 720 lines up, BT.601 below.
int swsColorspaceFor(AVColorSpace colorspace, int height);

// Maps the deprecated full-range yuvj formats to their plain twins (+ full
// range), which swscale wants.
AVPixelFormat normalisedFormat(AVPixelFormat format, bool& fullRange);

} // namespace cosmos::engine::media::ff
