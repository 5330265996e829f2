// An opened video (or image) file and its decoder: yields decoded frames in
// presentation order with their times, and keeps count of the damage met on
// the way so that callers can explain short results. Internal to engine/media.
#pragma once

#include <string>

#include "engine/media/ffmpeg_util.h"
#include "engine/media/media_decoder.h"

namespace cosmos::engine::media {

class VideoInput {
public:
    // Opens `path` (a file, or a PNG sequence folder / pattern) and its best
    // video stream's decoder. Throws MediaError: MissingFile, NotMedia,
    // Corrupt, NoVideoStream, UnsupportedCodec.
    explicit VideoInput(const std::string& path);

    const VideoSourceInfo& info() const { return m_info; }
    const std::string& path() const { return m_path; }

    // The next frame, valid until the following call, or nullptr at the end.
    // `timeSeconds` is its presentation time relative to the first frame.
    const AVFrame* next(double& timeSeconds);

    int framesDecoded() const { return m_framesDecoded; }
    // A sentence for each kind of damage met so far; empty when none.
    std::vector<std::string> problems() const;
    // problems() joined into one string, each prefixed with "; ".
    std::string problemsText() const;

private:
    void open();
    void openDecoder();
    double frameTime(const AVFrame& frame);

    std::string m_path;
    std::string m_openPath; // what FFmpeg opens (the pattern of a PNG sequence)
    bool m_sequence = false;
    double m_sequenceFps = 0.0;
    ff::InputContext m_format;
    ff::CodecContext m_decoder;
    ff::Packet m_packet = ff::allocPacket();
    ff::Frame m_frame = ff::allocFrame();
    int m_streamIndex = -1;
    VideoSourceInfo m_info;

    bool m_draining = false;
    bool m_finished = false;
    std::int64_t m_firstTimestamp = 0;
    bool m_haveFirstTimestamp = false;
    double m_lastTime = 0.0;
    int m_framesDecoded = 0;
    int m_badPackets = 0;
    int m_corruptPackets = 0;
    std::string m_lastDecodeError;
    std::string m_readError;
};

} // namespace cosmos::engine::media
