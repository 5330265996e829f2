#include "engine/media/media_decoder.h"

#include <cmath>
#include <deque>
#include <sstream>

#include "engine/media/frame_convert.h"
#include "engine/media/frame_resampler.h"
#include "engine/media/video_input.h"

namespace cosmos::engine::media {
namespace {

// The output frames kept so far: the first or last `limit` of them.
class FrameCollector {
public:
    FrameCollector(int limit, FrameSelection selection) : m_limit(limit), m_selection(selection) { }

    // Room for more? With FrameSelection::First, reading can stop once full.
    bool full() const { return m_limit > 0 && m_selection == FrameSelection::First && count() >= m_limit; }
    int count() const { return static_cast<int>(m_frames.size()); }

    // rgb: [H, W, 3] uint8
    void add(const torch::Tensor& rgb, double sourceTime, int times)
    {
        for (int i = 0; i < times && !full(); ++i) {
            m_frames.push_back(rgb);
            m_times.push_back(sourceTime);
            if (m_limit > 0 && count() > m_limit) {
                m_frames.pop_front();
                m_times.pop_front();
            }
        }
    }

    // result: [T, H, W, 3] uint8
    torch::Tensor stacked() const { return torch::stack(std::vector<torch::Tensor>(m_frames.begin(), m_frames.end())); }
    std::vector<double> times() const { return {m_times.begin(), m_times.end()}; }

private:
    int m_limit = 0;
    FrameSelection m_selection = FrameSelection::First;
    std::deque<torch::Tensor> m_frames;
    std::deque<double> m_times;
};

std::string number(double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

void checkOptions(const std::string& path, const VideoDecodeOptions& options)
{
    const auto invalid = [&](const std::string& what) {
        throw MediaError(MediaErrorKind::InvalidArgument, path, "invalid decode options: " + what);
    };
    if (options.width < 0 || options.height < 0)
        invalid("expected a size >= 0, found " + std::to_string(options.width) + "x" + std::to_string(options.height));
    if (!std::isfinite(options.fps) || options.fps < 0)
        invalid("expected fps >= 0 (0: the source rate), found " + number(options.fps));
    if (options.maxFrames < 0 || options.minFrames < 0)
        invalid("expected maxFrames and minFrames >= 0, found " + std::to_string(options.maxFrames) + " and "
            + std::to_string(options.minFrames));
    if (options.maxFrames > 0 && options.minFrames > options.maxFrames)
        invalid("minFrames " + std::to_string(options.minFrames) + " exceeds maxFrames "
            + std::to_string(options.maxFrames));
}

// The output size: as asked, the source's, or one side following the source
// aspect. Fixed for the whole clip, even if the stream changes size midway.
void outputSize(const VideoSourceInfo& source, int width, int height, int& outWidth, int& outHeight)
{
    outWidth = width;
    outHeight = height;
    if (source.width <= 0 || source.height <= 0) {
        if (width == 0 || height == 0) {
            outWidth = 0; // unknown until decoded: each frame's own size
            outHeight = 0;
        }
    } else if (width == 0 && height == 0) {
        outWidth = source.width;
        outHeight = source.height;
    } else if (width == 0) {
        outWidth
            = std::max(1, static_cast<int>(std::lround(static_cast<double>(height) * source.width / source.height)));
    } else if (height == 0) {
        outHeight
            = std::max(1, static_cast<int>(std::lround(static_cast<double>(width) * source.height / source.width)));
    }
}

} // namespace

torch::Tensor decodeImage(const std::string& path, int width, int height)
{
    if (width < 0 || height < 0)
        throw MediaError(MediaErrorKind::InvalidArgument, path,
            "expected an image size >= 0, found " + std::to_string(width) + "x" + std::to_string(height));
    VideoInput input(path);
    double time = 0.0;
    const AVFrame* frame = input.next(time);
    if (!frame)
        throw MediaError(MediaErrorKind::NoFrames, path,
            "expected a picture, found none that could be decoded (codec '" + input.info().codecName + "'"
                + input.problemsText() + ")");
    int outWidth = 0;
    int outHeight = 0;
    outputSize(input.info(), width, height, outWidth, outHeight);
    FrameToRgb toRgb(path, outWidth, outHeight);
    return bytesToUnitRange(toRgb(*frame).unsqueeze(0)).squeeze(1);
}

VideoSourceInfo probeVideo(const std::string& path)
{
    return VideoInput(path).info();
}

DecodedVideo decodeVideo(const std::string& path, const VideoDecodeOptions& options)
{
    checkOptions(path, options);
    VideoInput input(path);
    DecodedVideo result;
    result.source = input.info();
    result.fps = options.fps > 0 ? options.fps : result.source.fps;

    int outWidth = 0;
    int outHeight = 0;
    outputSize(result.source, options.width, options.height, outWidth, outHeight);
    FrameToRgb toRgb(path, outWidth, outHeight);
    NearestFrameResampler resampler(options.fps);
    FrameCollector collector(options.maxFrames, options.selection);

    // The previous source frame stays referenced: the resampler may pick it
    // only once the next one shows it was the nearer.
    ff::Frame previous = ff::allocFrame();
    torch::Tensor previousRgb; // [H, W, 3] uint8, converted lazily
    double previousTime = 0.0;
    double lastInterval = 0.0;
    bool havePrevious = false;
    double time = 0.0;
    while (const AVFrame* frame = input.next(time)) {
        const auto fill = resampler.push(time);
        if (fill.fromPrevious > 0) {
            if (!previousRgb.defined())
                previousRgb = toRgb(*previous);
            collector.add(previousRgb, previousTime, fill.fromPrevious);
        }
        torch::Tensor rgb;
        if (fill.fromCurrent > 0 && !collector.full()) {
            rgb = toRgb(*frame);
            collector.add(rgb, time, fill.fromCurrent);
        }
        if (havePrevious)
            lastInterval = time - previousTime;
        av_frame_unref(previous.get());
        if (av_frame_ref(previous.get(), frame) < 0)
            throw std::bad_alloc();
        previousRgb = rgb;
        previousTime = time;
        havePrevious = true;
        if (collector.full())
            break;
    }
    if (havePrevious && !collector.full()) {
        // The last frame lasts as long as the one before it (or a nominal frame).
        const double duration = lastInterval > 0 ? lastInterval
            : result.source.fps > 0              ? 1.0 / result.source.fps
                                                 : 1.0 / std::max(options.fps, 1.0);
        if (const int tail = resampler.finish(previousTime + duration); tail > 0) {
            if (!previousRgb.defined())
                previousRgb = toRgb(*previous);
            collector.add(previousRgb, previousTime, tail);
        }
    }

    result.framesDecoded = input.framesDecoded();
    result.warnings = input.problems();
    const std::string rate = options.fps > 0 ? " at " + number(options.fps) + " fps" : "";
    if (collector.count() == 0)
        throw MediaError(MediaErrorKind::NoFrames, path,
            "expected video frames, found none that could be decoded (codec '" + result.source.codecName + "'"
                + input.problemsText() + ")");
    if (collector.count() < options.minFrames)
        throw MediaError(MediaErrorKind::TooFewFrames, path,
            "expected at least " + std::to_string(options.minFrames) + " frames" + rate + ", got "
                + std::to_string(collector.count()) + " from " + std::to_string(result.framesDecoded)
                + " decoded source frames" + input.problemsText());
    result.frames = bytesToUnitRange(collector.stacked());
    result.sourceTimesSeconds = collector.times();
    return result;
}

} // namespace cosmos::engine::media
