#include "app/engine_bridge.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <mutex>
#include <utility>

#include "app/job_request.h"
#include "app/matrix_batch.h"
#include "app/take_thumbnail.h"
#include "engine/tools/generation_service.h"
#include "projects/project.h"
#include "projects/take_recorder.h"

namespace cosmos::app {
namespace {

using projects::ChangeEvent;
using projects::JobState;
using projects::TakeStatus;

// Previews from the engine thread: the newest waits here, and at most one
// delivery is queued at a time, so a lagging GUI skips stale frames.
struct PreviewMailbox {
    std::mutex mutex;
    engine::PreviewPtr pending;
    bool scheduled = false;
    engine::PreviewPtr last; // for the thumbnail, should the clip not decode
};

// Runs `function` on the bridge's (GUI) thread. The bridge outlives the
// engine thread (its destructor joins it), so the target exists when this
// is called; the guard covers the queued call.
template<typename Function>
void postTo(const QPointer<EngineBridge>& guard, Function function)
{
    if (EngineBridge* target = guard.data()) {
        QMetaObject::invokeMethod(
            target,
            [guard, function = std::move(function)]() mutable {
                if (guard)
                    function(*guard);
            },
            Qt::QueuedConnection);
    }
}

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

} // namespace

struct EngineBridge::RunningJob {
    qint64 jobId = 0;
    qint64 segmentId = 0;
    engine::JobId engineId = 0; // 0 until submitted
    projects::TakeRecord take;
    // Shared with the engine's callbacks: removed once both are done with it.
    std::shared_ptr<QTemporaryDir> folder;
    QString latentPath;
};

struct EngineBridge::Outcome {
    enum class Kind { Finished, Failed, Cancelled };
    Kind kind = Kind::Failed;
    engine::JobId engineId = 0;
    QString clipPath;
    QString provenanceJson;
    QByteArray thumbnailPng;
    QString message;
};

EngineBridge::EngineBridge(engine::LoggerPtr logger, QObject* parent, const QString& decodeSpeedFile)
    : QObject(parent),
      m_logger(logger ? std::move(logger) : engine::nullLogger()),
      m_service(std::make_unique<engine::tools::GenerationService>(m_logger, decodeSpeedFile.toStdString()))
{
    qRegisterMetaType<engine::PreviewPtr>();
    qRegisterMetaType<engine::PreviewPtr>("cosmos::engine::PreviewPtr");
}

EngineBridge::~EngineBridge()
{
    for (const auto& connection : std::as_const(m_projectConnections))
        disconnect(connection);
    detachRunning(tr("The studio closed before the take finished."));
    m_service.reset(); // joins the engine thread: no callback comes after this
}

void EngineBridge::setProject(projects::Project* project)
{
    if (project == m_project)
        return;
    detachRunning(tr("The project was closed before the take finished."));
    for (const auto& connection : std::as_const(m_projectConnections))
        disconnect(connection);
    m_projectConnections.clear();
    m_project = project;
    if (project) {
        m_projectConnections << connect(project, &projects::Project::changed, this, &EngineBridge::onProjectChanged);
        // Closed without setProject(nullptr): stop its job, nothing to record into.
        m_projectConnections << connect(project, &QObject::destroyed, this, [this] {
            m_project = nullptr;
            if (m_running)
                m_service->cancel(m_running->engineId, engine::CancelMode::StopNow);
            m_running.reset();
            setIdle(true);
        });
        // Jobs left from the last session wait for the user: opening a
        // project should not start burning the CPU unasked.
        setPaused(project->store().nextPendingJob().has_value());
    }
    setIdle(!m_running);
    scheduleStart();
}

projects::Project* EngineBridge::project() const
{
    return m_project;
}

qint64 EngineBridge::generateSegment(qint64 segmentId)
{
    m_lastError.clear();
    if (!m_project) {
        m_lastError = tr("No project is open.");
        return 0;
    }
    const std::optional<QJsonObject> request = requestForSegment(*m_project, segmentId, &m_lastError);
    if (!request)
        return 0;
    projects::JobRecord job;
    job.state = JobState::Pending;
    job.segmentId = segmentId;
    job.request = *request;
    const std::optional<qint64> id = m_project->enqueueJob(job);
    if (!id) {
        m_lastError = m_project->store().lastError().message;
        return 0;
    }
    scheduleStart();
    return *id;
}

void EngineBridge::cancelRunning(engine::CancelMode mode)
{
    if (m_running && m_running->engineId != 0)
        m_service->cancel(m_running->engineId, mode);
}

void EngineBridge::cancelJob(qint64 jobId)
{
    if (m_running && m_running->jobId == jobId) {
        cancelRunning(engine::CancelMode::StopNow);
        return;
    }
    if (!m_project)
        return;
    const std::optional<projects::JobRecord> job = m_project->store().job(jobId);
    if (!job || (job->state != JobState::Pending && job->state != JobState::Paused))
        return;
    if (m_project->setJobState(jobId, JobState::Cancelled))
        emit jobCancelled(jobId);
}

void EngineBridge::pauseQueue()
{
    setPaused(true);
}

void EngineBridge::resumeQueue()
{
    setPaused(false);
    scheduleStart();
}

qint64 EngineBridge::runningJobId() const
{
    return m_running ? m_running->jobId : 0;
}

void EngineBridge::setDevice(const QString& device)
{
    m_device = device;
}

void EngineBridge::setThreads(int threads)
{
    m_service->setThreads(threads);
}

void EngineBridge::unloadModels()
{
    m_service->unloadModels();
}

void EngineBridge::setModelFolders(const QHash<QString, QString>& folders)
{
    m_modelFolders = folders;
}

void EngineBridge::scheduleStart()
{
    if (m_startScheduled)
        return;
    m_startScheduled = true;
    QMetaObject::invokeMethod(this, &EngineBridge::startNext, Qt::QueuedConnection);
}

void EngineBridge::startNext()
{
    m_startScheduled = false;
    QSet<qint64> tried; // a job whose failure cannot be recorded is not tried twice
    while (!m_running && m_project && !m_paused && !m_project->store().isReadOnly()) {
        const std::optional<projects::JobRecord> next = m_project->store().nextPendingJob();
        if (!next || tried.contains(next->id))
            break;
        tried.insert(next->id);
        startJob(*next);
    }
    setIdle(!m_running);
}

bool EngineBridge::startJob(const projects::JobRecord& job)
{
    projects::ProjectStore& store = m_project->store();
    QString error;
    std::optional<engine::tools::GenerateOptions> options
        = optionsForRequest(*m_project, job.request, &error, m_modelFolders);
    if (!options) {
        failBeforeStart(job.id, error);
        return false;
    }
    if (job.segmentId <= 0 || !store.segment(job.segmentId)) {
        failBeforeStart(job.id, tr("The segment of this job was deleted."));
        return false;
    }
    auto folder = std::make_shared<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/cosmos-take-XXXXXX"));
    if (!folder->isValid()) {
        failBeforeStart(job.id, tr("Cannot make a temporary folder: %1").arg(folder->errorString()));
        return false;
    }
    options->device = m_device.toStdString();
    options->outputPath = folder->filePath(QStringLiteral("take.mp4")).toStdString();
    options->saveLatentPath = folder->filePath(QStringLiteral("take.latent.safetensors")).toStdString();

    // The take's params: the request, with what it was resolved to.
    projects::TakeRecord take;
    take.segmentId = job.segmentId;
    take.params = job.request;
    take.params.insert(QStringLiteral("device"), m_device);
    for (const auto& [key, path] : {std::pair {"image", &options->imagePath}, std::pair {"video", &options->videoPath},
             std::pair {"continue", &options->continueLatentPath}}) {
        if (!path->empty())
            take.params.insert(QLatin1String(key), text(*path));
    }
    take.status = TakeStatus::Running;
    take.createdAt = QDateTime::currentDateTimeUtc();
    take.startedAt = take.createdAt;
    const std::optional<qint64> takeId = m_project->addTake(take);
    if (!takeId) {
        failBeforeStart(job.id, store.lastError().message);
        return false;
    }
    take.id = *takeId;
    if (!store.linkTakeToJob(job.id, take.id))
        m_logger->warn("job {}: cannot link take {}: {}", job.id, take.id, store.lastError().detail.toStdString());

    m_running = std::make_unique<RunningJob>();
    m_running->jobId = job.id;
    m_running->segmentId = job.segmentId;
    m_running->take = take;
    m_running->folder = folder;
    m_running->latentPath = text(options->saveLatentPath);
    if (!m_project->setJobState(job.id, JobState::Running)) {
        const QString message = store.lastError().message;
        projects::abandonTake(store, m_running->take, TakeStatus::Failed, message);
        m_project->notify({ChangeEvent::Type::TakeChanged, take.segmentId, take.id});
        m_running.reset();
        failBeforeStart(job.id, message);
        return false;
    }

    const QPointer<EngineBridge> guard(this);
    const qint64 jobId = job.id;
    auto mailbox = std::make_shared<PreviewMailbox>();
    engine::JobCallbacks callbacks;
    callbacks.started = [guard, jobId](engine::JobId id) {
        postTo(guard, [jobId, id](EngineBridge& bridge) {
            if (bridge.isCurrent(id))
                emit bridge.jobStarted(jobId);
        });
    };
    // The engine calls back from its own thread; a report on this one means
    // its work (sampling, decoding) ran here and held the GUI up meanwhile.
    const auto checkThread = [own = thread(), count = m_reportsOnOwnThread, logger = m_logger](const char* report) {
        if (QThread::currentThread() != own)
            return;
        count->fetch_add(1);
        if (logger)
            logger->error("engine {} reported on the GUI thread: the engine's work ran there", report);
    };
    callbacks.progress = [guard, jobId, checkThread](engine::JobId id, const engine::StepProgress& progress) {
        checkThread("progress");
        postTo(guard, [jobId, id, progress](EngineBridge& bridge) {
            if (bridge.isCurrent(id))
                emit bridge.jobProgress(
                    jobId, progress.step, progress.steps, progress.etaSeconds, text(progress.phase));
        });
    };
    callbacks.preview = [guard, jobId, mailbox, checkThread](engine::JobId id, const engine::PreviewPtr& frames) {
        checkThread("preview");
        {
            std::lock_guard<std::mutex> lock(mailbox->mutex);
            mailbox->last = frames;
            mailbox->pending = frames;
            if (mailbox->scheduled)
                return; // the queued delivery will take these instead
            mailbox->scheduled = true;
        }
        postTo(guard, [jobId, id, mailbox](EngineBridge& bridge) {
            engine::PreviewPtr newest;
            {
                std::lock_guard<std::mutex> lock(mailbox->mutex);
                newest = std::move(mailbox->pending);
                mailbox->scheduled = false;
            }
            if (newest && bridge.isCurrent(id))
                emit bridge.jobPreview(jobId, newest);
        });
    };
    callbacks.finished = [guard, mailbox, folder, checkThread](engine::JobId id, const engine::JobResult& result) {
        checkThread("result");
        Outcome outcome;
        outcome.kind = Outcome::Kind::Finished;
        outcome.engineId = id;
        outcome.clipPath = text(result.outputPath);
        outcome.provenanceJson = text(result.provenanceJson);
        engine::PreviewPtr last;
        {
            std::lock_guard<std::mutex> lock(mailbox->mutex);
            last = mailbox->last;
        }
        // Decoding the clip is work: done here, on the engine thread.
        outcome.thumbnailPng = takeThumbnailPng(result.outputPath, last);
        postTo(guard, [outcome, folder](EngineBridge& bridge) { bridge.finishRunning(outcome); });
    };
    callbacks.failed = [guard](engine::JobId id, const std::string& message) {
        Outcome outcome;
        outcome.kind = Outcome::Kind::Failed;
        outcome.engineId = id;
        outcome.message = text(message);
        postTo(guard, [outcome](EngineBridge& bridge) { bridge.finishRunning(outcome); });
    };
    callbacks.cancelled = [guard](engine::JobId id, engine::CancelMode) {
        Outcome outcome;
        outcome.kind = Outcome::Kind::Cancelled;
        outcome.engineId = id;
        postTo(guard, [outcome](EngineBridge& bridge) { bridge.finishRunning(outcome); });
    };
    const std::string label = "job " + std::to_string(jobId) + " (take " + std::to_string(take.id) + ")";
    m_running->engineId = m_service->submit(label, std::move(*options), std::move(callbacks));
    return true;
}

void EngineBridge::failBeforeStart(qint64 jobId, const QString& message)
{
    m_project->setJobState(jobId, JobState::Failed, message);
    emit jobFailed(jobId, message);
}

bool EngineBridge::isCurrent(engine::JobId engineId) const
{
    return m_running && m_running->engineId == engineId;
}

void EngineBridge::finishRunning(const Outcome& outcome)
{
    if (!isCurrent(outcome.engineId))
        return; // a job left behind by setProject: already recorded
    const std::unique_ptr<RunningJob> job = std::move(m_running);
    if (m_project)
        recordFinished(*job, outcome);
    startNext();
}

void EngineBridge::recordFinished(RunningJob& job, const Outcome& outcome)
{
    projects::ProjectStore& store = m_project->store();
    projects::TakeRecord& take = job.take;
    const auto takeChanged = [&] { m_project->notify({ChangeEvent::Type::TakeChanged, take.segmentId, take.id}); };
    // The queue may have dropped or changed the job meanwhile (that is why
    // it was stopped): leave its row as the queue made it.
    const auto stillRunning = [&] {
        const std::optional<projects::JobRecord> record = store.job(job.jobId);
        return record && record->state == JobState::Running;
    };

    switch (outcome.kind) {
    case Outcome::Kind::Cancelled:
        projects::abandonTake(store, take, TakeStatus::Cancelled, tr("Cancelled."));
        takeChanged();
        if (stillRunning())
            m_project->setJobState(job.jobId, JobState::Cancelled);
        emit jobCancelled(job.jobId);
        return;
    case Outcome::Kind::Failed:
        projects::abandonTake(store, take, TakeStatus::Failed, outcome.message);
        takeChanged();
        if (stillRunning())
            m_project->setJobState(job.jobId, JobState::Failed, outcome.message);
        emit jobFailed(job.jobId, outcome.message);
        return;
    case Outcome::Kind::Finished: break;
    }

    projects::ProjectError error;
    const QString latent = QFileInfo::exists(job.latentPath) ? job.latentPath : QString();
    const QJsonObject provenance = QJsonDocument::fromJson(outcome.provenanceJson.toUtf8()).object();
    if (!projects::finishTake(store, take, outcome.clipPath, latent, provenance, &error, outcome.thumbnailPng)) {
        takeChanged();
        m_project->setJobState(job.jobId, JobState::Failed, error.message);
        emit jobFailed(job.jobId, error.message);
        return;
    }
    if (take.thumbnail.isNull())
        m_logger->warn("take {}: no thumbnail", take.id);
    takeChanged();
    if (take.selected)
        m_project->notify({ChangeEvent::Type::TakeSelected, take.segmentId, take.id});
    // A prompt matrix's board fills as its takes finish.
    if (isMatrixRequest(take.params) && !addMatrixTakeToBoard(*m_project, take))
        m_logger->warn("take {}: not added to board {}, which is gone or refused it", take.id,
            take.params.value(kMatrixBoardKey).toInteger());
    if (stillRunning())
        m_project->setJobState(job.jobId, JobState::Done);
    emit jobFinished(job.jobId, take.id);
}

void EngineBridge::detachRunning(const QString& why)
{
    if (!m_running)
        return;
    const std::unique_ptr<RunningJob> job = std::move(m_running);
    if (job->engineId != 0)
        m_service->cancel(job->engineId, engine::CancelMode::StopNow);
    if (!m_project)
        return;
    projects::abandonTake(m_project->store(), job->take, TakeStatus::Cancelled, why);
    m_project->notify({ChangeEvent::Type::TakeChanged, job->take.segmentId, job->take.id});
    // Not the user's cancel: the job runs again when the project is next run.
    const std::optional<projects::JobRecord> record = m_project->store().job(job->jobId);
    if (record && record->state == JobState::Running)
        m_project->setJobState(job->jobId, JobState::Pending);
}

void EngineBridge::onProjectChanged(const ChangeEvent& event)
{
    if (event.type == ChangeEvent::Type::JobsChanged) {
        if (m_running && (event.jobId == 0 || event.jobId == m_running->jobId)) {
            // Removed or cancelled from the queue while running: stop it.
            const std::optional<projects::JobRecord> record = m_project->store().job(m_running->jobId);
            if (!record || record->state != JobState::Running)
                cancelRunning(engine::CancelMode::StopNow);
        }
        if (!m_running)
            scheduleStart(); // e.g. a failed job queued again
    } else if (event.type == ChangeEvent::Type::SegmentRemoved && m_running
        && event.segmentId == m_running->segmentId) {
        cancelRunning(engine::CancelMode::StopNow);
    }
}

void EngineBridge::setIdle(bool idle)
{
    if (idle == m_idle)
        return;
    m_idle = idle;
    emit idleChanged(idle);
}

void EngineBridge::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    emit pausedChanged(paused);
}

} // namespace cosmos::app
