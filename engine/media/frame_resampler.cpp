#include "engine/media/frame_resampler.h"

#include <algorithm>

namespace cosmos::engine::media {
namespace {

// Timestamps come from rationals (1/90000, 1/1000...): equal times may differ by rounding.
constexpr double kEpsilonSeconds = 1e-6;

} // namespace

NearestFrameResampler::Fill NearestFrameResampler::push(double timeSeconds)
{
    Fill fill;
    if (m_fps <= 0) {
        fill.fromCurrent = 1;
        return fill;
    }
    if (!m_started) {
        m_started = true;
        m_origin = timeSeconds;
        m_previous = timeSeconds;
        return fill;
    }
    const double time = std::max(timeSeconds, m_previous);
    for (double target = outputTime(m_next); target <= time + kEpsilonSeconds; target = outputTime(++m_next)) {
        // Ties go to the later frame: it is the one shown from that instant on.
        if (target - m_previous < time - target - kEpsilonSeconds && fill.fromCurrent == 0)
            ++fill.fromPrevious;
        else
            ++fill.fromCurrent;
    }
    m_previous = time;
    return fill;
}

int NearestFrameResampler::finish(double endSeconds)
{
    if (m_fps <= 0 || !m_started)
        return 0;
    int count = 0;
    while (outputTime(m_next) < endSeconds - kEpsilonSeconds) {
        ++count;
        ++m_next;
    }
    return count;
}

} // namespace cosmos::engine::media
