// Thrown out of the sampling loop when its step callback asks to stop.
#pragma once

#include <string>

#include "engine/errors.h"

namespace cosmos::engine::sampling {

class SamplingCancelled : public EngineError {
public:
    SamplingCancelled(int step, int steps)
        : EngineError("sampling cancelled after step " + std::to_string(step) + " of " + std::to_string(steps)),
          m_step(step)
    {
    }
    int step() const { return m_step; }

private:
    int m_step = 0;
};

} // namespace cosmos::engine::sampling
