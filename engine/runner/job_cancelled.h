// Thrown by a job's work when it notices a cancel request outside the
// sampling loop (e.g. between takes or while decoding).
#pragma once

#include "engine/errors.h"

namespace cosmos::engine {

class JobCancelled : public EngineError {
public:
    JobCancelled() : EngineError("the job was cancelled") { }
};

} // namespace cosmos::engine
