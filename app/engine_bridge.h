// Where the studio meets the engine. The open project's persistent job queue
// (ProjectStore jobs, shown by JobsModel) is the truth: the bridge hands the
// engine one job at a time, the first pending one in queue order (highest
// priority first), so reordering, editing or removing pending jobs only
// touches the store. While a job runs its take is a row with status running;
// when it finishes, the clip, latent and a thumbnail are copied into the
// project's media and the take is done (and selected when it is the
// segment's first). A take of a prompt matrix job (its request names a
// "board_id", app/matrix_batch.h) also joins that board.
//
//   EngineBridge bridge(logger);
//   bridge.setProject(project);               // pending jobs from last time: the queue starts paused
//   connect(&bridge, &EngineBridge::jobPreview, preview, &PreviewPanel::showLivePreview);
//   qint64 job = bridge.generateSegment(segmentId);
//
// Every signal is emitted on the GUI thread, from the event loop; the engine's
// callbacks hop over with queued calls, and the GUI thread never waits for
// the engine. Previews are coalesced: a view that lags gets the newest frames
// and never a backlog. engine::PreviewPtr is registered with qRegisterMetaType
// (under its own and its typedef's name); no Q_DECLARE_METATYPE, which Qt 6
// does not need and which would clash with headers that use the type in
// signals before this one is included.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

#include "engine/logging.h"
#include "engine/runner/cancel_token.h"
#include "engine/runner/job.h"

namespace cosmos::engine::tools {
class GenerationService;
} // namespace cosmos::engine::tools

namespace cosmos::projects {
class Project;
struct ChangeEvent;
struct JobRecord;
} // namespace cosmos::projects

namespace cosmos::app {

class EngineBridge : public QObject {
    Q_OBJECT
public:
    // A null logger discards the engine's log. decodeSpeedFile keeps the
    // models' measured decode speeds between sessions, so the first take's
    // time left counts its decoding (empty: not kept).
    explicit EngineBridge(
        engine::LoggerPtr logger = {}, QObject* parent = nullptr, const QString& decodeSpeedFile = QString());
    // Stops the running job; it is left pending in its project, to run again.
    ~EngineBridge() override;

    // The project whose queue runs; null for none. A running job of the
    // previous project is stopped and left pending there. When the new
    // project has pending jobs (the queue survives a restart), the queue is
    // paused (pausedChanged(true)) until resumeQueue(). Jobs that crash
    // recovery marked interrupted stay as they are. Call setProject(nullptr)
    // before closing a project, so that its running job is recorded.
    void setProject(projects::Project* project);
    projects::Project* project() const;

    // Queues a job for the segment as it is now (prompt, conditioning,
    // settings) and starts it when the queue is idle and not paused.
    // Returns the job's id; 0 when it cannot be queued (lastError() says why).
    qint64 generateSegment(qint64 segmentId);
    QString lastError() const { return m_lastError; }

    // The running job: StopNow ends it at its next step with nothing kept;
    // FinishTake lets its take be written. Nothing when none runs.
    void cancelRunning(engine::CancelMode mode = engine::CancelMode::StopNow);
    // A pending job becomes cancelled at once; the running one stops now.
    void cancelJob(qint64 jobId);

    // Paused: the running job finishes, no next one starts.
    void pauseQueue();
    void resumeQueue();
    bool isPaused() const { return m_paused; }
    // No job running (pending ones may wait while paused).
    bool isIdle() const { return !m_running; }
    qint64 runningJobId() const; // 0 when idle

    // For the jobs that start from now on: "cpu", "cuda" or "cuda:N".
    void setDevice(const QString& device);
    QString device() const { return m_device; }
    // LibTorch's threads for generation; below 1 is ignored.
    void setThreads(int threads);
    // Frees the loaded models once the running job is done.
    void unloadModels();
    // Model names (settings "model") -> folders, for models beyond the
    // built-in ones.
    void setModelFolders(const QHash<QString, QString>& folders);

    // Engine reports (progress, previews) that came on this object's own
    // thread instead of the engine's: 0 unless the engine's work ran on the
    // GUI thread, which would freeze the window. Such reports are logged.
    int reportsOnOwnThread() const { return m_reportsOnOwnThread->load(); }

signals:
    void jobStarted(qint64 jobId);
    // phase: "loading", "text", "conditioning", "sampling", "decoding", "writing".
    void jobProgress(qint64 jobId, int step, int steps, double etaSeconds, const QString& phase);
    void jobPreview(qint64 jobId, cosmos::engine::PreviewPtr frames);
    void jobFinished(qint64 jobId, qint64 takeId);
    void jobFailed(qint64 jobId, const QString& message);
    void jobCancelled(qint64 jobId);
    void idleChanged(bool idle);
    void pausedChanged(bool paused);

private:
    struct RunningJob;
    struct Outcome;

    void scheduleStart();
    void startNext();
    bool startJob(const projects::JobRecord& job); // false when it failed before reaching the engine
    void failBeforeStart(qint64 jobId, const QString& message);
    void finishRunning(const Outcome& outcome);
    void recordFinished(RunningJob& job, const Outcome& outcome);
    void detachRunning(const QString& why);
    void onProjectChanged(const projects::ChangeEvent& event);
    bool isCurrent(engine::JobId engineId) const;
    void setIdle(bool idle);
    void setPaused(bool paused);

    engine::LoggerPtr m_logger;
    std::unique_ptr<engine::tools::GenerationService> m_service;
    projects::Project* m_project = nullptr; // cleared when it is destroyed
    QList<QMetaObject::Connection> m_projectConnections;
    std::unique_ptr<RunningJob> m_running;
    QHash<QString, QString> m_modelFolders;
    QString m_device = QStringLiteral("cpu");
    QString m_lastError;
    bool m_paused = false;
    bool m_idle = true; // as last signalled
    bool m_startScheduled = false;
    // Shared with the engine's callbacks, which may outlive this object.
    std::shared_ptr<std::atomic<int>> m_reportsOnOwnThread = std::make_shared<std::atomic<int>>(0);
};

} // namespace cosmos::app
