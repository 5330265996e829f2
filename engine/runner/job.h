// What the engine runner knows about a job: an id, a label, a priority, the
// work itself (a function run on the engine thread) and the callbacks that
// carry its events back to whoever submitted it. Plain types only.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/runner/cancel_token.h"

namespace cosmos::engine {

using JobId = std::uint64_t;

struct StepProgress {
    int step = 0; // steps done
    int steps = 0;
    double elapsedSeconds = 0.0;
    // While sampling, from the measured mean step time plus the decoding to
    // come (as long as the model's last decode took, once there was one);
    // while decoding, that decode time. Negative where it is not known (the
    // other phases, a model's first decode), so no "0 s left" is shown then.
    double etaSeconds = kEtaUnknown;
    static constexpr double kEtaUnknown = -1.0;
    std::string phase; // "text", "conditioning", "sampling", "decoding", ...
};

// A preview of the whole clip at the current step: RGB frames, immutable
// once made and shared by every receiver (a lagging view drops old ones).
struct PreviewFrames {
    int frames = 0;
    int width = 0;
    int height = 0;
    int step = 0;
    std::vector<std::uint8_t> rgb; // frames x height x width x 3
};
using PreviewPtr = std::shared_ptr<const PreviewFrames>;

struct JobResult {
    std::string summary; // one line for a log or status bar
    std::string outputPath; // the written clip, when there is one
    std::string provenanceJson; // the take's record
};

// Called on the engine thread; receivers hop to their own thread.
struct JobCallbacks {
    std::function<void(JobId)> started;
    std::function<void(JobId, const StepProgress&)> progress;
    std::function<void(JobId, const PreviewPtr&)> preview;
    std::function<void(JobId, const JobResult&)> finished;
    std::function<void(JobId, const std::string& message)> failed;
    std::function<void(JobId, CancelMode)> cancelled;
};

// Handed to the work while it runs.
class JobContext {
public:
    JobContext(JobId id, const CancelToken& cancel, const JobCallbacks& callbacks)
        : m_id(id), m_cancel(cancel), m_callbacks(callbacks)
    {
    }
    JobId id() const { return m_id; }
    const CancelToken& cancel() const { return m_cancel; }
    void progress(const StepProgress& progress) const
    {
        if (m_callbacks.progress)
            m_callbacks.progress(m_id, progress);
    }
    void preview(const PreviewPtr& frames) const
    {
        if (m_callbacks.preview)
            m_callbacks.preview(m_id, frames);
    }

private:
    JobId m_id;
    const CancelToken& m_cancel;
    const JobCallbacks& m_callbacks;
};

// The work: returns the result, or throws (EngineError and others become the
// failure message; SamplingCancelled and JobCancelled mean cancelled).
using JobFunction = std::function<JobResult(JobContext&)>;

struct JobInfo {
    JobId id = 0;
    std::string label;
    int priority = 0;
    bool running = false;
};

} // namespace cosmos::engine
