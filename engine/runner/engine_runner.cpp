#include "engine/runner/engine_runner.h"

#include <algorithm>

#include <c10/util/Exception.h>

#include "engine/errors.h"
#include "engine/runner/job_cancelled.h"
#include "engine/runner/out_of_memory.h"
#include "engine/sampling/sampling_cancelled.h"

namespace cosmos::engine {
namespace {

// Out-of-memory failures get a suggestion; everything else its own text.
std::string describeFailure(const std::exception& error)
{
    // Already a complete message with its own suggestion (ModelCache::use).
    if (dynamic_cast<const OutOfMemoryError*>(&error))
        return error.what();
    if (isOutOfMemory(error))
        return "out of memory: " + firstLineOf(error)
            + ". Try fewer frames, a lower resolution, fewer jobs at once, or unloading other models.";
    if (const auto* torchError = dynamic_cast<const c10::Error*>(&error))
        return torchError->what_without_backtrace();
    return error.what();
}

} // namespace

EngineRunner::EngineRunner(LoggerPtr logger) : m_logger(std::move(logger)), m_thread([this] { loop(); }) { }

EngineRunner::~EngineRunner()
{
    std::deque<Entry> dropped;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        if (m_runningCancel)
            m_runningCancel->request(CancelMode::StopNow);
        dropped.swap(m_pending);
    }
    m_wake.notify_all();
    m_thread.join();
    for (auto& entry : dropped)
        if (entry.callbacks.cancelled)
            entry.callbacks.cancelled(entry.info.id, CancelMode::StopNow);
}

JobId EngineRunner::submit(std::string label, JobFunction work, JobCallbacks callbacks, int priority)
{
    JobId id = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        id = m_nextId++;
        Entry entry;
        entry.info = {id, std::move(label), priority, false};
        entry.work = std::move(work);
        entry.callbacks = std::move(callbacks);
        entry.order = m_nextOrder++;
        m_pending.push_back(std::move(entry));
        sortPending();
    }
    m_wake.notify_all();
    return id;
}

bool EngineRunner::cancel(JobId id, CancelMode mode)
{
    std::optional<Entry> removed;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_running && m_running->id == id) {
            m_runningCancel->request(mode);
            return true;
        }
        const auto found
            = std::find_if(m_pending.begin(), m_pending.end(), [id](const Entry& e) { return e.info.id == id; });
        if (found == m_pending.end())
            return false;
        removed = std::move(*found);
        m_pending.erase(found);
    }
    m_idle.notify_all();
    if (removed->callbacks.cancelled)
        removed->callbacks.cancelled(id, mode);
    return true;
}

bool EngineRunner::moveTo(JobId id, std::size_t index)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto found
        = std::find_if(m_pending.begin(), m_pending.end(), [id](const Entry& e) { return e.info.id == id; });
    if (found == m_pending.end())
        return false;
    Entry entry = std::move(*found);
    m_pending.erase(found);
    index = std::min(index, m_pending.size());
    m_pending.insert(m_pending.begin() + static_cast<std::ptrdiff_t>(index), std::move(entry));
    // The new order becomes the queue order.
    for (auto& e : m_pending)
        e.order = m_nextOrder++;
    sortPending();
    return true;
}

bool EngineRunner::setPriority(JobId id, int priority)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (auto& e : m_pending)
        if (e.info.id == id) {
            e.info.priority = priority;
            sortPending();
            return true;
        }
    return false;
}

void EngineRunner::pause()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_paused = true;
}

void EngineRunner::resume()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_paused = false;
    }
    m_wake.notify_all();
}

bool EngineRunner::paused() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_paused;
}

std::vector<JobInfo> EngineRunner::jobs() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<JobInfo> result;
    if (m_running)
        result.push_back(*m_running);
    for (const auto& e : m_pending)
        result.push_back(e.info);
    return result;
}

void EngineRunner::waitIdle()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_idle.wait(lock, [this] { return !m_running && m_tasks.empty() && (m_pending.empty() || m_paused); });
}

void EngineRunner::post(std::function<void()> task)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    m_wake.notify_all();
}

void EngineRunner::sortPending()
{
    std::stable_sort(m_pending.begin(), m_pending.end(), [](const Entry& a, const Entry& b) {
        if (a.info.priority != b.info.priority)
            return a.info.priority > b.info.priority;
        return a.order < b.order;
    });
}

void EngineRunner::loop()
{
    while (true) {
        std::function<void()> task;
        std::optional<Entry> entry;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_tasks.empty() || (!m_paused && !m_pending.empty()); });
            if (m_stopping)
                return;
            if (!m_tasks.empty()) {
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
            } else {
                entry = std::move(m_pending.front());
                m_pending.pop_front();
                entry->info.running = true;
                m_running = entry->info;
                m_runningCancel = std::make_shared<CancelToken>();
            }
        }
        if (task) {
            try {
                task();
            } catch (const std::exception& error) {
                m_logger->error("engine task failed: {}", error.what());
            }
        } else {
            runOne(*entry);
        }
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_running.reset();
            m_runningCancel.reset();
        }
        m_idle.notify_all();
    }
}

void EngineRunner::runOne(Entry& entry)
{
    const JobId id = entry.info.id;
    std::shared_ptr<CancelToken> cancel;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        cancel = m_runningCancel;
    }
    m_logger->info("job {} '{}' started", id, entry.info.label);
    if (entry.callbacks.started)
        entry.callbacks.started(id);
    JobContext context(id, *cancel, entry.callbacks);
    try {
        const JobResult result = entry.work(context);
        m_logger->info("job {} finished: {}", id, result.summary);
        if (entry.callbacks.finished)
            entry.callbacks.finished(id, result);
    } catch (const sampling::SamplingCancelled& cancelled) {
        m_logger->info("job {} cancelled: {}", id, cancelled.what());
        if (entry.callbacks.cancelled)
            entry.callbacks.cancelled(id, cancel->mode());
    } catch (const JobCancelled&) {
        m_logger->info("job {} cancelled", id);
        if (entry.callbacks.cancelled)
            entry.callbacks.cancelled(id, cancel->mode());
    } catch (const std::exception& error) {
        const std::string message = describeFailure(error);
        m_logger->error("job {} failed: {}", id, message);
        if (entry.callbacks.failed)
            entry.callbacks.failed(id, message);
    } catch (...) {
        m_logger->error("job {} failed with an unknown exception", id);
        if (entry.callbacks.failed)
            entry.callbacks.failed(id, "the job failed with an unknown error");
    }
}

} // namespace cosmos::engine
