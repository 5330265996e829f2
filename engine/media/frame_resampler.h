// Frame-rate conversion by timestamps: output frame k shows at k / fps
// (from the first source frame) and takes the source frame nearest in time.
// Works for variable frame rates; source frames arrive in presentation
// order. Internal to engine/media.
#pragma once

#include <cstdint>

namespace cosmos::engine::media {

class NearestFrameResampler {
public:
    // How many output frames the previous source frame and the one just
    // pushed fill, in that order (the previous one's come first).
    struct Fill {
        int fromPrevious = 0;
        int fromCurrent = 0;
    };

    explicit NearestFrameResampler(double fps) : m_fps(fps) { } // fps <= 0: every source frame, once

    Fill push(double timeSeconds);
    // The output frames the last source frame fills before the clip ends at `endSeconds`.
    int finish(double endSeconds);

private:
    double outputTime(std::int64_t index) const { return m_origin + static_cast<double>(index) / m_fps; }

    double m_fps = 0.0;
    bool m_started = false;
    double m_origin = 0.0;
    double m_previous = 0.0;
    std::int64_t m_next = 0; // index of the next output frame
};

} // namespace cosmos::engine::media
