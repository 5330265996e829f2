#include "engine/media/video_input.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <new>
#include <optional>

#include "engine/media/media_paths.h"
#include "engine/media/sidecar.h"

namespace cosmos::engine::media {
namespace {

namespace fs = std::filesystem;

std::string streamSummary(const AVFormatContext& format)
{
    if (format.nb_streams == 0)
        return "no streams at all";
    int counts[AVMEDIA_TYPE_NB] = {};
    int other = 0;
    for (unsigned i = 0; i < format.nb_streams; ++i) {
        const int type = format.streams[i]->codecpar->codec_type;
        if (type >= 0 && type < AVMEDIA_TYPE_NB)
            ++counts[type];
        else
            ++other;
    }
    std::string summary;
    for (int type = 0; type < AVMEDIA_TYPE_NB; ++type) {
        if (counts[type] == 0)
            continue;
        const char* name = av_get_media_type_string(static_cast<AVMediaType>(type));
        summary += (summary.empty() ? "" : ", ") + std::to_string(counts[type]) + " " + (name ? name : "other")
            + (counts[type] == 1 ? " stream" : " streams");
    }
    if (other > 0)
        summary += (summary.empty() ? "" : ", ") + std::to_string(other) + " unknown";
    return summary;
}

} // namespace

VideoInput::VideoInput(const std::string& path) : m_path(path)
{
    open();
    openDecoder();
}

void VideoInput::open()
{
    if (m_path.empty())
        throw MediaError(MediaErrorKind::MissingFile, m_path, "no file name was given");
    ff::Dictionary options;
    const AVInputFormat* inputFormat = nullptr;
    std::error_code error;
    // An existing file is itself, even when its name looks like a pattern ("50%.png").
    const auto sequence = fs::is_regular_file(m_path, error) ? std::nullopt : parsePngSequencePath(m_path, false);
    if (sequence) {
        if (!fs::is_directory(sequence->directory, error))
            throw MediaError(MediaErrorKind::MissingFile, m_path,
                "expected a PNG sequence in folder '" + sequence->directory + "', which does not exist");
        m_sequence = true;
        m_openPath = sequence->pattern();
        if (const auto sidecar = readSidecar(sequence->sidecar()); sidecar && sidecar->fps > 0)
            m_sequenceFps = sidecar->fps;
        inputFormat = av_find_input_format("image2");
        options.set("framerate", std::to_string(m_sequenceFps > 0 ? m_sequenceFps : 25.0));
        options.set("pattern_type", "sequence");
    } else {
        if (!fs::exists(m_path, error))
            throw MediaError(MediaErrorKind::MissingFile, m_path, "the file does not exist");
        m_openPath = m_path;
        // A '%' in a file name is a character, not an image2 frame number.
        options.set("pattern_type", "none");
    }

    AVFormatContext* format = nullptr;
    const int opened = avformat_open_input(&format, m_openPath.c_str(), inputFormat, options.address());
    if (opened < 0) {
        const bool missing = opened == AVERROR(ENOENT);
        throw MediaError(missing ? MediaErrorKind::MissingFile : MediaErrorKind::NotMedia, m_path,
            missing ? "expected " + std::string(m_sequence ? "PNG frames matching '" + m_openPath + "'" : "a file")
                    + ", found none (" + ff::errorText(opened) + ")"
                    : "cannot be opened as an image or video: expected a format FFmpeg reads (MP4, WebM, "
                      "MKV, MOV, GIF, PNG, JPEG, WebP...), FFmpeg says: "
                    + ff::errorText(opened));
    }
    m_format.reset(format);
    if (const int found = avformat_find_stream_info(format, nullptr); found < 0)
        throw MediaError(MediaErrorKind::Corrupt, m_path,
            "opened as '" + std::string(format->iformat->name)
                + "' but its streams cannot be analysed: " + ff::errorText(found));
    if (format->nb_streams == 0)
        throw MediaError(MediaErrorKind::NotMedia, m_path,
            "opened as '" + std::string(format->iformat->name)
                + "' but it holds no streams at all (truncated, or not a media file)");
    m_streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (m_streamIndex < 0)
        throw MediaError(MediaErrorKind::NoVideoStream, m_path,
            "expected a video stream, found " + streamSummary(*format) + " (format '" + format->iformat->name + "')");
}

void VideoInput::openDecoder()
{
    AVStream* stream = m_format->streams[m_streamIndex];
    const AVCodecParameters* parameters = stream->codecpar;
    const char* codecName = avcodec_get_name(parameters->codec_id);
    const AVCodec* codec = avcodec_find_decoder(parameters->codec_id);
    if (!codec)
        throw MediaError(MediaErrorKind::UnsupportedCodec, m_path,
            std::string("this FFmpeg build has no decoder for its video codec '") + codecName + "'");
    m_decoder.reset(avcodec_alloc_context3(codec));
    if (!m_decoder)
        throw std::bad_alloc();
    if (const int copied = avcodec_parameters_to_context(m_decoder.get(), parameters); copied < 0)
        throw MediaError(MediaErrorKind::Corrupt, m_path,
            std::string("invalid parameters for codec '") + codecName + "': " + ff::errorText(copied));
    m_decoder->pkt_timebase = stream->time_base;
    m_decoder->thread_count = 0; // FFmpeg picks
    if (const int opened = avcodec_open2(m_decoder.get(), codec, nullptr); opened < 0)
        throw MediaError(MediaErrorKind::UnsupportedCodec, m_path,
            std::string("the '") + codec->name + "' decoder cannot be opened: " + ff::errorText(opened));

    m_info.width = parameters->width;
    m_info.height = parameters->height;
    const AVRational rate = av_guess_frame_rate(m_format.get(), stream, nullptr);
    m_info.fps = m_sequenceFps > 0 ? m_sequenceFps : (rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0);
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        m_info.durationSeconds = static_cast<double>(stream->duration) * av_q2d(stream->time_base);
    else if (m_format->duration != AV_NOPTS_VALUE && m_format->duration > 0)
        m_info.durationSeconds = static_cast<double>(m_format->duration) / AV_TIME_BASE;
    if (stream->nb_frames > 0) {
        m_info.frameCount = stream->nb_frames;
        m_info.frameCountExact = true;
    } else {
        m_info.frameCount = static_cast<std::int64_t>(std::llround(m_info.durationSeconds * m_info.fps));
    }
    m_info.codecName = codecName;
    m_info.formatName = m_format->iformat->name;
}

double VideoInput::frameTime(const AVFrame& frame)
{
    std::int64_t timestamp = frame.best_effort_timestamp;
    if (timestamp == AV_NOPTS_VALUE)
        timestamp = frame.pts;
    double time = 0.0;
    if (timestamp == AV_NOPTS_VALUE) {
        time = m_framesDecoded == 0 ? 0.0 : m_lastTime + 1.0 / (m_info.fps > 0 ? m_info.fps : 25.0);
    } else {
        if (!m_haveFirstTimestamp) {
            m_firstTimestamp = timestamp;
            m_haveFirstTimestamp = true;
        }
        time = static_cast<double>(timestamp - m_firstTimestamp) * av_q2d(m_format->streams[m_streamIndex]->time_base);
    }
    // Presentation order is monotonic; damaged timestamps must not reorder frames.
    if (m_framesDecoded > 0)
        time = std::max(time, m_lastTime);
    m_lastTime = time;
    return time;
}

const AVFrame* VideoInput::next(double& timeSeconds)
{
    while (!m_finished) {
        av_frame_unref(m_frame.get());
        const int received = avcodec_receive_frame(m_decoder.get(), m_frame.get());
        if (received == 0) {
            timeSeconds = frameTime(*m_frame);
            ++m_framesDecoded;
            return m_frame.get();
        }
        if (received == AVERROR_EOF) {
            m_finished = true;
            break;
        }
        if (received != AVERROR(EAGAIN)) {
            ++m_badPackets;
            m_lastDecodeError = ff::errorText(received);
        }
        if (m_draining) {
            m_finished = true; // a decoder that neither drains nor ends
            break;
        }
        const int read = av_read_frame(m_format.get(), m_packet.get());
        if (read < 0) {
            if (read != AVERROR_EOF)
                m_readError = ff::errorText(read);
            avcodec_send_packet(m_decoder.get(), nullptr);
            m_draining = true;
            continue;
        }
        if (m_packet->stream_index == m_streamIndex) {
            if (m_packet->flags & AV_PKT_FLAG_CORRUPT)
                ++m_corruptPackets;
            const int sent = avcodec_send_packet(m_decoder.get(), m_packet.get());
            if (sent < 0 && sent != AVERROR(EAGAIN) && sent != AVERROR_EOF) {
                ++m_badPackets;
                m_lastDecodeError = ff::errorText(sent);
            }
        }
        av_packet_unref(m_packet.get());
    }
    return nullptr;
}

std::vector<std::string> VideoInput::problems() const
{
    std::vector<std::string> found;
    if (!m_readError.empty())
        found.push_back("reading stopped early: " + m_readError);
    if (m_corruptPackets > 0)
        found.push_back(std::to_string(m_corruptPackets) + " packet(s) were cut short or damaged");
    if (m_badPackets > 0)
        found.push_back(std::to_string(m_badPackets) + " packet(s) could not be decoded (" + m_lastDecodeError + ")");
    if (m_finished && m_info.frameCountExact && m_framesDecoded < m_info.frameCount)
        found.push_back("the file declares " + std::to_string(m_info.frameCount) + " frames but only "
            + std::to_string(m_framesDecoded) + " could be decoded (truncated or damaged)");
    return found;
}

std::string VideoInput::problemsText() const
{
    std::string text;
    for (const auto& problem : problems())
        text += "; " + problem;
    return text;
}

} // namespace cosmos::engine::media
