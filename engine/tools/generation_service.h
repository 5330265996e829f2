// Generation for the studio, over plain data: takes described by
// GenerateOptions run one after another on the engine thread, with their
// progress, previews and cancellation, and the models they load stay loaded
// for the next take (a second nano take does not load the nano model again).
// Torch-free, so the app may include it.
//
//   GenerationService service(logger);
//   JobId id = service.submit("segment 2", options, callbacks); // callbacks run on the engine thread
//   service.cancel(id, CancelMode::StopNow);
//   service.unloadModels(); // between jobs, e.g. on "free memory"
//
// Every failure (a bad model folder, an unsupported frame count, a missing
// conditioning file...) reaches the job's `failed` callback with a message
// for the user; submit() itself never throws for a bad request.
//
// Thread-safety: every public function may be called from any thread.
#pragma once

#include <memory>
#include <string>

#include "engine/logging.h"
#include "engine/runner/cancel_token.h"
#include "engine/runner/job.h"
#include "engine/tools/generate_tool.h"

namespace cosmos::engine::tools {

class GenerationService {
public:
    // decodeSpeedFile: where the models' measured decode speeds are kept
    // between sessions (see DecodeSpeedRecord); empty: not kept.
    explicit GenerationService(LoggerPtr logger, std::string decodeSpeedFile = {});
    ~GenerationService(); // stops the running job (stop now), drops the pending ones, joins
    GenerationService(const GenerationService&) = delete;
    GenerationService& operator=(const GenerationService&) = delete;

    // Queues one take. options.outputPath (and saveLatentPath, when a later
    // Continue should be possible) say where it is written; options.model is
    // a model folder or a built-in name ("nano").
    JobId submit(std::string label, GenerateOptions options, JobCallbacks callbacks);

    // A pending job is dropped (its `cancelled` callback runs); the running
    // one stops at its next step (StopNow, nothing written) or is written and
    // then ends (FinishTake). False for unknown ids.
    bool cancel(JobId id, CancelMode mode = CancelMode::StopNow);

    // Frees every loaded model, on the engine thread between jobs.
    void unloadModels();
    // LibTorch's intra-op threads (at::set_num_threads), set on the engine
    // thread between jobs; values below 1 are ignored.
    void setThreads(int threads);

    // Blocks until no job is running or pending. For tests and the CLI;
    // never call it from a GUI thread.
    void waitIdle();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cosmos::engine::tools
