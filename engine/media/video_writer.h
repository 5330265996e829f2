// One encoded video stream muxed into a file (or into memory): opens the
// encoder and the muxer, takes frames, and checks every step including the
// final flush and close, so a full disk is an error, not a short file.
// Internal to engine/media.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/media/ffmpeg_util.h"

namespace cosmos::engine::media {

struct VideoStreamSettings {
    std::string muxer; // FFmpeg muxer name: "mp4", "webm", "gif"
    std::string encoder; // FFmpeg encoder name: "libx264", "libvpx-vp9", "gif"
    AVPixelFormat pixelFormat = AV_PIX_FMT_YUV420P;
    int width = 0;
    int height = 0;
    AVRational frameRate {16, 1};
    std::map<std::string, std::string> codecOptions; // e.g. {"crf", "14"}
    std::map<std::string, std::string> muxerOptions; // e.g. {"movflags", "+faststart"}
    std::map<std::string, std::string> metadata; // container tags
    bool bt709 = false; // tag the stream as BT.709, limited range
    bool inMemory = false; // mux into memory; takeBytes() returns the file
};

class VideoWriter {
public:
    // `path` is the final name (for messages); `file` is where to write.
    // Throws MediaError (UnsupportedCodec, WriteFailed).
    VideoWriter(std::string path, const std::string& file, const VideoStreamSettings& settings);

    // frame: the settings' format and size; frame.pts counts frames (time base 1 / frameRate).
    void write(AVFrame& frame);
    // Flushes the encoder, writes the trailer and closes the file, checking each.
    void finish();
    // The muxed bytes of an in-memory writer, after finish().
    std::vector<std::uint8_t> takeBytes();

private:
    void drain();
    [[noreturn]] void fail(MediaErrorKind kind, const std::string& what, int code) const;

    std::string m_path;
    std::string m_encoderName;
    ff::DynamicBuffer m_memory; // outlives m_output, which points at it
    ff::OutputContext m_output;
    ff::CodecContext m_codec;
    AVStream* m_stream = nullptr;
    ff::Packet m_packet = ff::allocPacket();
    int m_framesSent = 0;
};

} // namespace cosmos::engine::media
