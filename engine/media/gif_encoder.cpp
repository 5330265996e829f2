// GIF through libavfilter: one graph splits the clip, computes a 256-colour
// palette over all of it (palettegen) and maps every frame onto that palette
// with error diffusion (paletteuse), which is how FFmpeg gets good GIF colour.
#include <cstdint>
#include <cstring>

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
}

#include "engine/media/encode_formats.h"
#include "engine/media/pending_file.h"
#include "engine/media/sidecar.h"
#include "engine/media/video_writer.h"

namespace cosmos::engine::media {
namespace {

constexpr const char* kPaletteGraph = "split[frames][stats];[stats]palettegen=stats_mode=full[palette];"
                                      "[frames][palette]paletteuse=dither=sierra2_4a:diff_mode=rectangle";

struct InOutDeleter {
    void operator()(AVFilterInOut* inOut) const { avfilter_inout_free(&inOut); }
};
using InOut = std::unique_ptr<AVFilterInOut, InOutDeleter>;

class PaletteGraph {
public:
    PaletteGraph(const std::string& path, int width, int height, AVRational frameRate) : m_path(path)
    {
        m_graph.reset(avfilter_graph_alloc());
        if (!m_graph)
            throw std::bad_alloc();
        const std::string arguments = "video_size=" + std::to_string(width) + "x" + std::to_string(height)
            + ":pix_fmt=rgb24:time_base=" + std::to_string(frameRate.den) + "/" + std::to_string(frameRate.num)
            + ":pixel_aspect=1/1";
        check(avfilter_graph_create_filter(
                  &m_source, avfilter_get_by_name("buffer"), "in", arguments.c_str(), nullptr, m_graph.get()),
            "creating the frame source");
        check(avfilter_graph_create_filter(
                  &m_sink, avfilter_get_by_name("buffersink"), "out", nullptr, nullptr, m_graph.get()),
            "creating the frame sink");
        InOut outputs(avfilter_inout_alloc());
        InOut inputs(avfilter_inout_alloc());
        if (!outputs || !inputs)
            throw std::bad_alloc();
        outputs->name = av_strdup("in");
        outputs->filter_ctx = m_source;
        inputs->name = av_strdup("out");
        inputs->filter_ctx = m_sink;
        AVFilterInOut* openInputs = inputs.release();
        AVFilterInOut* openOutputs = outputs.release();
        const int parsed = avfilter_graph_parse_ptr(m_graph.get(), kPaletteGraph, &openInputs, &openOutputs, nullptr);
        inputs.reset(openInputs);
        outputs.reset(openOutputs);
        check(parsed, "building the palette filter graph");
        check(avfilter_graph_config(m_graph.get(), nullptr), "configuring the palette filter graph");
    }

    // rgb: [H, W, 3] uint8, contiguous
    void push(const torch::Tensor& rgb, std::int64_t pts)
    {
        const int width = static_cast<int>(rgb.size(1));
        const int height = static_cast<int>(rgb.size(0));
        ff::Frame frame = ff::allocFrame(AV_PIX_FMT_RGB24, width, height);
        const auto* source = rgb.data_ptr<std::uint8_t>();
        for (int row = 0; row < height; ++row)
            std::memcpy(frame->data[0] + static_cast<std::ptrdiff_t>(row) * frame->linesize[0],
                source + static_cast<std::ptrdiff_t>(row) * width * 3, static_cast<std::size_t>(width) * 3);
        frame->pts = pts;
        check(av_buffersrc_add_frame(m_source, frame.get()), "feeding the palette filter graph");
    }

    void close() { check(av_buffersrc_add_frame(m_source, nullptr), "closing the palette filter graph"); }

    // The next paletted frame into `frame`, false at the end.
    bool pull(AVFrame& frame)
    {
        const int got = av_buffersink_get_frame(m_sink, &frame);
        if (got == AVERROR_EOF)
            return false;
        check(got, "reading from the palette filter graph");
        return true;
    }

private:
    void check(int code, const std::string& what) const
    {
        if (code < 0)
            throw MediaError(MediaErrorKind::UnsupportedCodec, m_path, what + " failed: " + ff::errorText(code));
    }

    std::string m_path;
    ff::FilterGraph m_graph;
    AVFilterContext* m_source = nullptr; // owned by m_graph
    AVFilterContext* m_sink = nullptr;
};

} // namespace

EncodeResult encodeGif(const std::string& path, FrameSource& frames, const EncodeOptions& options)
{
    VideoStreamSettings settings;
    settings.muxer = "gif";
    settings.encoder = "gif";
    settings.pixelFormat = AV_PIX_FMT_PAL8;
    settings.width = frames.width();
    settings.height = frames.height();
    settings.frameRate = av_d2q(options.fps, 1001000);
    settings.muxerOptions = {{"loop", std::to_string(std::max(0, options.gifLoopCount))}};
    // In memory: the comment extension goes in before the bytes reach the disk.
    settings.inMemory = true;

    PendingFile output(path);
    output.write(nullptr, 0); // fail on an unwritable folder before the work, not after
    PaletteGraph graph(path, settings.width, settings.height, settings.frameRate);
    const int count = frames.count();
    for (int i = 0; i < count; ++i) {
        graph.push(frames.frame(i), i);
        reportProgress(path, options, i + 1, count);
    }
    graph.close();

    VideoWriter writer(path, output.temporaryPath(), settings);
    ff::Frame paletted = ff::allocFrame();
    for (std::int64_t pts = 0; graph.pull(*paletted); ++pts) {
        paletted->pts = pts; // paletteuse passes one frame per input frame, in order
        writer.write(*paletted);
        av_frame_unref(paletted.get());
    }
    writer.finish();
    std::vector<std::uint8_t> bytes = writer.takeBytes();
    if (!options.metadata.empty())
        bytes = withGifComment(path, bytes, metadataJson(options.metadata));
    output.write(bytes.data(), bytes.size());
    output.commit();

    EncodeResult result;
    result.files = {path};
    result.width = settings.width;
    result.height = settings.height;
    result.frames = count;
    result.notes = frames.notes();
    return result;
}

} // namespace cosmos::engine::media
