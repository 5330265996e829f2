// Clips and colour checks shared by the widget tests that look at pixels.
#pragma once

#include <QColor>
#include <QString>
#include <QtTest>

#include <cstdint>
#include <cstdlib>
#include <memory>

#include "engine/runner/job.h"

namespace cosmos::test {

// A clip painted pixel by pixel: colourAt(t, x, y) gives frame t's colour there.
template<typename ColourAt>
std::shared_ptr<engine::PreviewFrames> paintedClip(int frames, int width, int height, ColourAt colourAt)
{
    auto clip = std::make_shared<engine::PreviewFrames>();
    clip->frames = frames;
    clip->width = width;
    clip->height = height;
    clip->rgb.resize(
        static_cast<std::size_t>(frames) * static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3U);
    auto* byte = clip->rgb.data();
    for (int t = 0; t < frames; ++t)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const QColor colour = colourAt(t, x, y);
                *byte++ = static_cast<std::uint8_t>(colour.red());
                *byte++ = static_cast<std::uint8_t>(colour.green());
                *byte++ = static_cast<std::uint8_t>(colour.blue());
            }
    return clip;
}

inline bool nearColour(const QColor& a, const QColor& b, int tolerance = 3)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

inline QString describeColour(const QColor& colour)
{
    return QStringLiteral("(%1, %2, %3)").arg(colour.red()).arg(colour.green()).arg(colour.blue());
}

} // namespace cosmos::test

// Within 3 of each channel (scaling and colour conversion round).
#define COMPARE_COLOUR(actual, expected)                                                                               \
    QVERIFY2(cosmos::test::nearColour(actual, expected),                                                               \
        qPrintable(cosmos::test::describeColour(actual) + " != " + cosmos::test::describeColour(expected)))
