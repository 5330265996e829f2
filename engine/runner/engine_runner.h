// The engine thread. One worker owns the device and whatever the jobs load;
// work arrives only through this queue and leaves only through each job's
// own callbacks (no process-global callbacks).
//
//   EngineRunner runner(logger);
//   JobId id = runner.submit("take 3", work, callbacks, /*priority=*/0);
//   runner.cancel(id, CancelMode::StopNow);
//
// Generation jobs come from makeGenerationJob (generation_job.h); the models
// they load stay in a ModelCache owned by this thread until freed with
// `runner.post([cache] { cache->unloadAll(); });` or to make room.
//
// Thread-safety: every public function may be called from any thread.
// Pending jobs run by priority (higher first), then in queue order, which
// moveTo() changes. A job that fails or throws does not stop the runner.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "engine/logging.h"
#include "engine/runner/job.h"

namespace cosmos::engine {

class EngineRunner {
public:
    explicit EngineRunner(LoggerPtr logger);
    ~EngineRunner(); // cancels the running job (stop now), drops the rest, joins
    EngineRunner(const EngineRunner&) = delete;
    EngineRunner& operator=(const EngineRunner&) = delete;

    JobId submit(std::string label, JobFunction work, JobCallbacks callbacks, int priority = 0);

    // A pending job is removed (its `cancelled` callback runs); the running
    // one is asked to stop at its next check. False for unknown ids.
    bool cancel(JobId id, CancelMode mode = CancelMode::StopNow);
    // Moves a pending job to `index` among the pending jobs of its priority.
    bool moveTo(JobId id, std::size_t index);
    bool setPriority(JobId id, int priority);

    void pause(); // the running job finishes; no new one starts
    void resume();
    bool paused() const;

    std::vector<JobInfo> jobs() const; // the running job first, then pending in run order
    // Blocks until no job is running or pending (or the runner is paused and
    // nothing runs). For tests and the CLI; never call it from a GUI thread.
    void waitIdle();

    // Work run on the engine thread between jobs (e.g. freeing models).
    void post(std::function<void()> task);

private:
    struct Entry {
        JobInfo info;
        JobFunction work;
        JobCallbacks callbacks;
        std::uint64_t order = 0;
    };

    void loop();
    void runOne(Entry& entry);
    void sortPending(); // under m_mutex

    LoggerPtr m_logger;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Entry> m_pending;
    std::deque<std::function<void()>> m_tasks;
    std::optional<JobInfo> m_running;
    std::shared_ptr<CancelToken> m_runningCancel;
    JobId m_nextId = 1;
    std::uint64_t m_nextOrder = 1;
    bool m_paused = false;
    bool m_stopping = false;
    std::thread m_thread; // last: starts after everything above exists
};

} // namespace cosmos::engine
