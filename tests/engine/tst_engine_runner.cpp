#include <QtTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "engine/runner/engine_runner.h"
#include "engine/runner/job_cancelled.h"

using namespace cosmos::engine;
using namespace std::chrono_literals;

namespace {

// Records every event, from any thread.
struct EventLog {
    std::mutex mutex;
    std::vector<std::string> events;
    void add(const std::string& event)
    {
        std::lock_guard<std::mutex> lock(mutex);
        events.push_back(event);
    }
    std::vector<std::string> snapshot()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return events;
    }
};

JobCallbacks recordingCallbacks(EventLog& log, const std::string& name)
{
    JobCallbacks callbacks;
    callbacks.started = [&log, name](JobId) { log.add(name + ":started"); };
    callbacks.finished = [&log, name](JobId, const JobResult&) { log.add(name + ":finished"); };
    callbacks.failed = [&log, name](JobId, const std::string& message) { log.add(name + ":failed:" + message); };
    callbacks.cancelled = [&log, name](JobId, CancelMode) { log.add(name + ":cancelled"); };
    return callbacks;
}

JobFunction quickJob()
{
    return [](JobContext&) { return JobResult {"done", {}, {}}; };
}

// Steps every 5 ms until cancelled, polling between steps as sampling does.
JobFunction longJob(std::atomic<bool>& running)
{
    return [&running](JobContext& context) {
        running = true;
        for (int step = 0; step < 4000; ++step) {
            if (context.cancel().stopNow())
                throw JobCancelled();
            context.progress({step + 1, 4000, 0.0, 0.0, "sampling"});
            std::this_thread::sleep_for(5ms);
        }
        return JobResult {"long done", {}, {}};
    };
}

} // namespace

class TestEngineRunner : public QObject {
    Q_OBJECT
private slots:
    void runsByPriorityThenQueueOrder()
    {
        EventLog log;
        EngineRunner runner(nullLogger());
        runner.pause();
        runner.submit("a", quickJob(), recordingCallbacks(log, "a"), 0);
        runner.submit("b", quickJob(), recordingCallbacks(log, "b"), 0);
        const JobId c = runner.submit("c", quickJob(), recordingCallbacks(log, "c"), 5);
        const JobId d = runner.submit("d", quickJob(), recordingCallbacks(log, "d"), 0);
        QCOMPARE(runner.jobs().front().id, c);
        QVERIFY(runner.moveTo(d, 0)); // d before a and b
        runner.resume();
        runner.waitIdle();
        const std::vector<std::string> order {
            "c:started", "c:finished", "d:started", "d:finished", "a:started", "a:finished", "b:started", "b:finished"};
        QCOMPARE(log.snapshot(), order);
    }

    void cancelPendingNeverStarts()
    {
        EventLog log;
        EngineRunner runner(nullLogger());
        runner.pause();
        const JobId a = runner.submit("a", quickJob(), recordingCallbacks(log, "a"));
        QVERIFY(runner.cancel(a));
        QVERIFY(!runner.cancel(a)); // gone
        runner.resume();
        runner.waitIdle();
        QCOMPARE(log.snapshot(), std::vector<std::string> {"a:cancelled"});
    }

    void stopNowEndsTheRunningJobAtOnceAndTheNextRuns()
    {
        EventLog log;
        std::atomic<bool> running {false};
        EngineRunner runner(nullLogger());
        const JobId slow = runner.submit("slow", longJob(running), recordingCallbacks(log, "slow"));
        runner.submit("next", quickJob(), recordingCallbacks(log, "next"));
        QTRY_VERIFY(running.load());
        const auto start = std::chrono::steady_clock::now();
        QVERIFY(runner.cancel(slow, CancelMode::StopNow));
        runner.waitIdle();
        const auto elapsed = std::chrono::steady_clock::now() - start;
        QVERIFY(elapsed < 2s); // one step is 5 ms; generous for a loaded machine
        QCOMPARE(log.snapshot(),
            (std::vector<std::string> {"slow:started", "slow:cancelled", "next:started", "next:finished"}));
    }

    void aFailingJobDoesNotStopTheQueue()
    {
        EventLog log;
        EngineRunner runner(nullLogger());
        runner.submit(
            "bad", [](JobContext&) -> JobResult { throw EngineError("the image is corrupt"); },
            recordingCallbacks(log, "bad"));
        runner.submit(
            "oom", [](JobContext&) -> JobResult { throw std::bad_alloc(); }, recordingCallbacks(log, "oom"));
        runner.submit("good", quickJob(), recordingCallbacks(log, "good"));
        runner.waitIdle();
        const auto events = log.snapshot();
        QCOMPARE(events.size(), std::size_t(6));
        QCOMPARE(events[1], std::string("bad:failed:the image is corrupt"));
        QVERIFY2(events[3].find("oom:failed:out of memory") == 0, events[3].c_str());
        QVERIFY(events[3].find("Try fewer frames") != std::string::npos);
        QCOMPARE(events[5], std::string("good:finished"));
    }

    void pauseLetsTheRunningJobFinish()
    {
        EventLog log;
        std::atomic<bool> running {false};
        std::atomic<bool> release {false};
        EngineRunner runner(nullLogger());
        runner.submit(
            "first",
            [&](JobContext&) {
                running = true;
                while (!release)
                    std::this_thread::sleep_for(1ms);
                return JobResult {};
            },
            recordingCallbacks(log, "first"));
        runner.submit("second", quickJob(), recordingCallbacks(log, "second"));
        QTRY_VERIFY(running.load());
        runner.pause();
        release = true;
        runner.waitIdle();
        QCOMPARE(log.snapshot(), (std::vector<std::string> {"first:started", "first:finished"}));
        QCOMPARE(runner.jobs().size(), std::size_t(1));
        runner.resume();
        runner.waitIdle();
        QCOMPARE(log.snapshot().back(), std::string("second:finished"));
    }

    void progressReachesTheSubmitter()
    {
        EngineRunner runner(nullLogger());
        std::atomic<int> lastStep {0};
        JobCallbacks callbacks;
        callbacks.progress = [&](JobId, const StepProgress& p) { lastStep = p.step; };
        runner.submit(
            "steps",
            [](JobContext& context) {
                for (int i = 1; i <= 3; ++i)
                    context.progress({i, 3, 0.0, 0.0, "sampling"});
                return JobResult {};
            },
            callbacks);
        runner.waitIdle();
        QCOMPARE(lastStep.load(), 3);
    }

    void destructionCancelsWhatIsLeft()
    {
        EventLog log;
        std::atomic<bool> running {false};
        {
            EngineRunner runner(nullLogger());
            runner.submit("slow", longJob(running), recordingCallbacks(log, "slow"));
            runner.submit("never", quickJob(), recordingCallbacks(log, "never"));
            QTRY_VERIFY(running.load());
        }
        const auto events = log.snapshot();
        QVERIFY(std::find(events.begin(), events.end(), "slow:cancelled") != events.end());
        QVERIFY(std::find(events.begin(), events.end(), "never:cancelled") != events.end());
    }

    void tasksRunOnTheEngineThread()
    {
        EngineRunner runner(nullLogger());
        std::thread::id taskThread;
        std::thread::id jobThread;
        runner.post([&] { taskThread = std::this_thread::get_id(); });
        runner.submit("who",
            [&](JobContext&) {
                jobThread = std::this_thread::get_id();
                return JobResult {};
            },
            {});
        runner.waitIdle();
        QCOMPARE(taskThread, jobThread);
        QVERIFY(taskThread != std::this_thread::get_id());
    }
};

QTEST_GUILESS_MAIN(TestEngineRunner)
#include "tst_engine_runner.moc"
