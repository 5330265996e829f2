// Cancellation as the sampling loop sees it: an atomic request polled
// between steps, with two modes (stable-diffusion.cpp's idea): stop now, or
// finish the take in progress and then stop.
#pragma once

#include <atomic>

namespace cosmos::engine {

enum class CancelMode { None = 0, FinishTake = 1, StopNow = 2 };

class CancelToken {
public:
    // A stronger request wins over a weaker one; none is ever withdrawn.
    void request(CancelMode mode)
    {
        int current = m_mode.load();
        while (static_cast<int>(mode) > current && !m_mode.compare_exchange_weak(current, static_cast<int>(mode))) { }
    }
    CancelMode mode() const { return static_cast<CancelMode>(m_mode.load()); }
    bool stopNow() const { return mode() == CancelMode::StopNow; }
    bool any() const { return mode() != CancelMode::None; }

private:
    std::atomic<int> m_mode {0};
};

} // namespace cosmos::engine
