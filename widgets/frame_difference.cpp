#include "widgets/frame_difference.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace cosmos::widgets {
namespace {

std::size_t frameBytes(const engine::PreviewFrames& clip)
{
    return static_cast<std::size_t>(clip.width) * static_cast<std::size_t>(clip.height) * 3U;
}

std::string sizeText(const engine::PreviewFrames& clip)
{
    return std::to_string(clip.width) + "x" + std::to_string(clip.height);
}

void checkComparable(const engine::PreviewFrames& a, const engine::PreviewFrames& b)
{
    for (const auto* clip : {&a, &b}) {
        if (clip->frames <= 0 || clip->width <= 0 || clip->height <= 0)
            throw std::invalid_argument("cannot compare a clip without frames");
        if (clip->rgb.size() < frameBytes(*clip) * static_cast<std::size_t>(clip->frames))
            throw std::invalid_argument("clip of " + std::to_string(clip->frames) + " frames of " + sizeText(*clip)
                + " holds only " + std::to_string(clip->rgb.size()) + " bytes");
    }
    if (a.width != b.width || a.height != b.height)
        throw std::invalid_argument("cannot compare clips of different sizes: " + sizeText(a) + " and " + sizeText(b));
}

// Frame `index`, or the clip's last one past its end (as a player holds it).
const std::uint8_t* framePixels(const engine::PreviewFrames& clip, int index)
{
    const int held = std::clamp(index, 0, clip.frames - 1);
    return clip.rgb.data() + frameBytes(clip) * static_cast<std::size_t>(held);
}

int absDiff(std::uint8_t x, std::uint8_t y)
{
    return std::abs(int {x} - int {y});
}

} // namespace

QRgb differenceColour(double t)
{
    // Stops of an "inferno"-like ramp: dark for nothing, bright for a lot,
    // and readable for red-green colour blindness (brightness carries it).
    struct Stop {
        double at;
        int r, g, b;
    };
    static constexpr std::array<Stop, 6> kStops {{
        {0.00, 0, 0, 0},
        {0.20, 60, 12, 100},
        {0.45, 160, 40, 100},
        {0.65, 230, 90, 40},
        {0.85, 252, 190, 40},
        {1.00, 255, 255, 210},
    }};
    t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
    for (std::size_t i = 1; i < kStops.size(); ++i) {
        const Stop& high = kStops[i];
        if (t > high.at)
            continue;
        const Stop& low = kStops[i - 1];
        const double f = (t - low.at) / (high.at - low.at);
        const auto mix = [f](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * f)); };
        return qRgb(mix(low.r, high.r), mix(low.g, high.g), mix(low.b, high.b));
    }
    return qRgb(kStops.back().r, kStops.back().g, kStops.back().b);
}

QImage differenceHeatmap(const engine::PreviewFrames& a, const engine::PreviewFrames& b, int frame, double fullScale)
{
    checkComparable(a, b);
    if (!(fullScale > 0.0))
        throw std::invalid_argument("the heatmap's full scale must be positive");

    // The ramp looked up once per possible sum of three channel differences (0..765).
    std::array<QRgb, 766> ramp {};
    for (std::size_t sum = 0; sum < ramp.size(); ++sum)
        ramp[sum] = differenceColour(std::sqrt(static_cast<double>(sum) / 3.0 / fullScale));

    QImage image(a.width, a.height, QImage::Format_RGB32);
    const std::uint8_t* pa = framePixels(a, frame);
    const std::uint8_t* pb = framePixels(b, frame);
    for (int y = 0; y < a.height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < a.width; ++x, pa += 3, pb += 3)
            line[x]
                = ramp[static_cast<std::size_t>(absDiff(pa[0], pb[0]) + absDiff(pa[1], pb[1]) + absDiff(pa[2], pb[2]))];
    }
    return image;
}

std::vector<double> meanDifferencePerFrame(const engine::PreviewFrames& a, const engine::PreviewFrames& b)
{
    checkComparable(a, b);
    const int frames = std::max(a.frames, b.frames);
    const std::size_t bytes = frameBytes(a);
    std::vector<double> means;
    means.reserve(static_cast<std::size_t>(frames));
    for (int t = 0; t < frames; ++t) {
        const std::uint8_t* pa = framePixels(a, t);
        const std::uint8_t* pb = framePixels(b, t);
        std::uint64_t sum = 0; // at most 255 x bytes: no overflow below 7e16 bytes a frame
        for (std::size_t i = 0; i < bytes; ++i)
            sum += static_cast<std::uint64_t>(absDiff(pa[i], pb[i]));
        means.push_back(static_cast<double>(sum) / static_cast<double>(bytes));
    }
    return means;
}

} // namespace cosmos::widgets
