#include "engine/media/video_writer.h"

#include <cerrno>
#include <new>

namespace cosmos::engine::media {

VideoWriter::VideoWriter(std::string path, const std::string& file, const VideoStreamSettings& settings)
    : m_path(std::move(path)), m_encoderName(settings.encoder)
{
    const AVCodec* codec = avcodec_find_encoder_by_name(settings.encoder.c_str());
    if (!codec)
        throw MediaError(MediaErrorKind::UnsupportedCodec, m_path,
            "this FFmpeg build has no '" + settings.encoder + "' encoder, needed for " + settings.muxer);
    AVFormatContext* output = nullptr;
    if (const int allocated = avformat_alloc_output_context2(&output, nullptr, settings.muxer.c_str(), file.c_str());
        allocated < 0 || !output)
        fail(MediaErrorKind::UnsupportedCodec, "this FFmpeg build has no '" + settings.muxer + "' muxer", allocated);
    m_output.reset(output);
    m_stream = avformat_new_stream(output, nullptr);
    m_codec.reset(avcodec_alloc_context3(codec));
    if (!m_stream || !m_codec)
        throw std::bad_alloc();

    AVCodecContext& context = *m_codec;
    context.width = settings.width;
    context.height = settings.height;
    context.pix_fmt = settings.pixelFormat;
    context.time_base = av_inv_q(settings.frameRate);
    context.framerate = settings.frameRate;
    context.sample_aspect_ratio = AVRational {1, 1};
    if (settings.bt709) {
        context.colorspace = AVCOL_SPC_BT709;
        context.color_primaries = AVCOL_PRI_BT709;
        context.color_trc = AVCOL_TRC_BT709;
        context.color_range = AVCOL_RANGE_MPEG;
    }
    if (output->oformat->flags & AVFMT_GLOBALHEADER)
        context.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    ff::Dictionary codecOptions;
    for (const auto& [key, value] : settings.codecOptions)
        codecOptions.set(key, value);
    if (const int opened = avcodec_open2(&context, codec, codecOptions.address()); opened < 0)
        fail(MediaErrorKind::UnsupportedCodec,
            "the '" + settings.encoder + "' encoder refused " + std::to_string(settings.width) + "x"
                + std::to_string(settings.height) + " " + av_get_pix_fmt_name(settings.pixelFormat),
            opened);
    if (const int copied = avcodec_parameters_from_context(m_stream->codecpar, &context); copied < 0)
        fail(MediaErrorKind::UnsupportedCodec, "the stream parameters cannot be set", copied);
    m_stream->time_base = context.time_base;
    m_stream->avg_frame_rate = settings.frameRate;
    for (const auto& [key, value] : settings.metadata)
        av_dict_set(&output->metadata, key.c_str(), value.c_str(), 0);

    if (settings.inMemory) {
        m_memory = ff::openDynamicBuffer();
        if (!m_memory)
            throw std::bad_alloc();
        output->pb = m_memory.get();
        output->flags |= AVFMT_FLAG_CUSTOM_IO;
    } else if (const int opened = avio_open(&output->pb, file.c_str(), AVIO_FLAG_WRITE); opened < 0) {
        fail(MediaErrorKind::WriteFailed, "cannot create '" + file + "'", opened);
    }
    ff::Dictionary muxerOptions;
    for (const auto& [key, value] : settings.muxerOptions)
        muxerOptions.set(key, value);
    if (const int written = avformat_write_header(output, muxerOptions.address()); written < 0)
        fail(MediaErrorKind::WriteFailed, "the " + settings.muxer + " header cannot be written", written);
}

void VideoWriter::fail(MediaErrorKind kind, const std::string& what, int code) const
{
    const bool full = code == AVERROR(ENOSPC) || code == AVERROR(EFBIG) || code == AVERROR(EDQUOT);
    throw MediaError(kind, m_path, what + ": " + ff::errorText(code) + (full ? " (the disk or quota is full)" : ""));
}

void VideoWriter::write(AVFrame& frame)
{
    if (const int sent = avcodec_send_frame(m_codec.get(), &frame); sent < 0)
        fail(MediaErrorKind::WriteFailed,
            "the '" + m_encoderName + "' encoder failed on frame " + std::to_string(m_framesSent + 1), sent);
    ++m_framesSent;
    drain();
}

void VideoWriter::drain()
{
    for (;;) {
        const int received = avcodec_receive_packet(m_codec.get(), m_packet.get());
        if (received == AVERROR(EAGAIN) || received == AVERROR_EOF)
            return;
        if (received < 0)
            fail(MediaErrorKind::WriteFailed, "the '" + m_encoderName + "' encoder failed", received);
        // Each packet is one frame; muxers need the duration of the last one.
        if (m_packet->duration <= 0)
            m_packet->duration = 1;
        av_packet_rescale_ts(m_packet.get(), m_codec->time_base, m_stream->time_base);
        m_packet->stream_index = m_stream->index;
        // Hands the packet over (and unreferences it); the AVIOContext's
        // write errors (a full disk) come back here.
        if (const int written = av_interleaved_write_frame(m_output.get(), m_packet.get()); written < 0)
            fail(MediaErrorKind::WriteFailed, "writing the encoded video failed", written);
    }
}

void VideoWriter::finish()
{
    if (const int flushed = avcodec_send_frame(m_codec.get(), nullptr); flushed < 0 && flushed != AVERROR_EOF)
        fail(MediaErrorKind::WriteFailed, "the '" + m_encoderName + "' encoder cannot be flushed", flushed);
    drain();
    if (const int trailer = av_write_trailer(m_output.get()); trailer < 0)
        fail(MediaErrorKind::WriteFailed, "writing the end of the file failed", trailer);
    AVIOContext* io = m_output->pb;
    avio_flush(io);
    if (io->error < 0)
        fail(MediaErrorKind::WriteFailed, "writing failed", io->error);
    if (!m_memory) {
        if (const int closed = avio_closep(&m_output->pb); closed < 0)
            fail(MediaErrorKind::WriteFailed, "closing the file failed", closed);
    }
}

std::vector<std::uint8_t> VideoWriter::takeBytes()
{
    m_output->pb = nullptr;
    return ff::takeBytes(m_memory);
}

} // namespace cosmos::engine::media
