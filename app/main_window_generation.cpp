// Generation in the main window: Generate (Ctrl+Return) queues the selected
// segment through the engine bridge; its events, already on the GUI thread,
// drive the live preview, the job queue's progress, the status bar and, when
// a take is done, the player. Nothing here waits for the engine.
#include <QDir>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

#include "app/clip_loader.h"
#include "app/engine_bridge.h"
#include "app/main_window.h"
#include "app/matrix_batch.h"
#include "projects/project.h"
#include "widgets/inspector_panel.h"
#include "widgets/job_item_delegate.h"
#include "widgets/job_queue_view.h"
#include "widgets/preview_panel.h"
#include "widgets/prompt_matrix_dialog.h"
#include "widgets/studio_status_bar.h"
#include "widgets/timeline_view.h"

namespace cosmos::app {

void MainWindow::connectGeneration()
{
    connect(m_inspector, &widgets::InspectorPanel::generateRequested, this, &MainWindow::generateSegment);
    connect(m_timeline, &widgets::TimelineView::generateRequested, this, &MainWindow::generateSegment);
    connect(m_timeline, &widgets::TimelineView::regenerateRequested, this, &MainWindow::generateSegment);

    connect(m_bridge, &EngineBridge::jobStarted, this, [this](qint64 jobId) {
        m_liveSteps = 0;
        m_statusBar->setJobSummary(tr("Job %1 starting…").arg(jobId));
    });
    connect(m_bridge, &EngineBridge::jobProgress, this, &MainWindow::onJobProgress);
    connect(m_bridge, &EngineBridge::jobPreview, this, &MainWindow::onJobPreview);
    connect(m_bridge, &EngineBridge::jobFinished, this, &MainWindow::onJobFinished);
    connect(m_bridge, &EngineBridge::jobFailed, this, &MainWindow::onJobFailed);
    connect(m_bridge, &EngineBridge::jobCancelled, this, [this](qint64 jobId) {
        m_jobQueue->clearLiveProgress();
        m_statusBar->setJobSummary({});
        statusBar()->showMessage(tr("Job %1 cancelled.").arg(jobId), 5000);
    });
    connect(m_bridge, &EngineBridge::pausedChanged, m_jobQueue, &widgets::JobQueueView::setPaused);
    connect(m_bridge, &EngineBridge::idleChanged, this, [this](bool idle) {
        if (idle)
            m_statusBar->setJobSummary({});
    });

    connect(m_jobQueue, &widgets::JobQueueView::cancelRequested, this, [this](qint64 jobId, bool finishTake) {
        if (jobId != 0 && jobId == m_bridge->runningJobId())
            m_bridge->cancelRunning(finishTake ? engine::CancelMode::FinishTake : engine::CancelMode::StopNow);
        else if (jobId != 0)
            m_bridge->cancelJob(jobId);
    });
    connect(m_jobQueue, &widgets::JobQueueView::pauseRequested, this, [this](bool paused) {
        if (paused)
            m_bridge->pauseQueue();
        else
            m_bridge->resumeQueue();
    });
}

void MainWindow::generateSegment(qint64 segmentId)
{
    if (!project() || segmentId == 0)
        return;
    if (m_timeline->selectedSegment() != segmentId)
        m_timeline->selectSegment(segmentId);
    const qint64 job = m_bridge->generateSegment(segmentId);
    if (job == 0) {
        showError(tr("Cannot generate"), m_bridge->lastError());
        return;
    }
    if (m_bridge->isPaused())
        statusBar()->showMessage(tr("Queued as job %1; the queue is paused.").arg(job), 5000);
}

void MainWindow::cancelRunning(bool finishTake)
{
    m_bridge->cancelRunning(finishTake ? engine::CancelMode::FinishTake : engine::CancelMode::StopNow);
}

void MainWindow::onJobProgress(qint64 jobId, int step, int steps, double etaSeconds, const QString& phase)
{
    m_liveSteps = steps;
    m_jobQueue->setLiveProgress(jobId, step, steps, etaSeconds, phase);
    QString summary = phase == QLatin1String("sampling")
        ? tr("Job %1: step %2/%3").arg(jobId).arg(step).arg(steps)
        : tr("Job %1: %2").arg(jobId).arg(widgets::JobItemDelegate::phaseText(phase));
    // The job queue's words for the time left, so both places read alike.
    const QString eta = widgets::JobItemDelegate::etaText(etaSeconds);
    if (!eta.isEmpty())
        summary += QStringLiteral(" · ") + eta;
    m_statusBar->setJobSummary(summary);
}

void MainWindow::onJobPreview(qint64 jobId, const engine::PreviewPtr& frames)
{
    ++m_previewFramesReceived;
    // The live preview does not pull the user away from a board they watch.
    m_centre->setCurrentWidget(m_workspace);
    m_preview->showLivePreview(frames, m_liveSteps, tr("Job %1 · sampling").arg(jobId));
}

void MainWindow::onJobFinished(qint64 jobId, qint64 takeId)
{
    m_jobQueue->clearLiveProgress();
    m_statusBar->setJobSummary({});
    statusBar()->showMessage(tr("Job %1 done: take %2.").arg(jobId).arg(takeId), 5000);
    if (!project())
        return;
    const auto take = project()->store().take(takeId);
    if (take && take->durationMs > 0)
        m_secondsPerTake = double(take->durationMs) / 1000.0;
    if (take) {
        const QString model = take->params.value(QStringLiteral("model")).toString();
        m_statusBar->setModel(tr("%1 loaded").arg(model.isEmpty() ? QStringLiteral("nano") : QDir(model).dirName()));
    }
    if (take && take->segmentId == m_timeline->selectedSegment() && m_workspace->currentWidget() == m_preview)
        playTake(take->segmentId, takeId);
}

void MainWindow::onJobFailed(qint64 jobId, const QString& message)
{
    m_jobQueue->clearLiveProgress();
    m_statusBar->setJobSummary({});
    showError(tr("Job %1 failed").arg(jobId), message);
}

void MainWindow::playTake(qint64 segmentId, qint64 takeId)
{
    if (!project())
        return;
    const auto take = project()->store().take(takeId);
    if (!take || take->clip.isNull()) {
        statusBar()->showMessage(tr("Take %1 has no clip yet.").arg(takeId), 5000);
        return;
    }
    if (m_timeline->selectedSegment() != segmentId)
        m_timeline->selectSegment(segmentId);
    const auto segment = project()->store().segment(segmentId);
    const QString title = tr("Segment %1 · take %2").arg(segment ? segment->position + 1 : 0).arg(takeId);
    m_playingSegment = segmentId;
    m_clipLoader->load({project()->store().media().absolutePath(take->clip.path)}, title);
}

void MainWindow::playTimeline()
{
    if (!project())
        return;
    QStringList paths;
    auto& store = project()->store();
    for (const projects::SegmentRecord& segment : store.segments()) {
        const auto take = store.take(store.selectedTakeId(segment.id));
        if (take && !take->clip.isNull())
            paths << store.media().absolutePath(take->clip.path);
    }
    if (paths.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to play yet: generate a segment first (Ctrl+Return)."), 5000);
        return;
    }
    m_playingSegment = 0;
    m_clipLoader->load(paths, tr("Timeline · %n segment(s)", nullptr, int(paths.size())));
}

void MainWindow::showPromptMatrix()
{
    const qint64 segmentId = m_timeline->selectedSegment();
    if (!project() || segmentId == 0) {
        statusBar()->showMessage(tr("Select a segment first: the matrix varies its prompt, seed and guidance."), 5000);
        return;
    }
    widgets::PromptMatrixDialog dialog(this);
    if (const auto segment = project()->store().segment(segmentId))
        dialog.setPromptText(segment->prompt);
    // A first guess before anything ran: a 33-frame nano take on two cores.
    dialog.setSecondsPerTake(m_secondsPerTake > 0 ? m_secondsPerTake : 5.0);
    connect(&dialog, &widgets::PromptMatrixDialog::queueRequested, this,
        [this, segmentId](const projects::MatrixAxes& axes, const QString& boardName) {
            QString error;
            const auto batch = queueMatrix(*project(), segmentId, axes, boardName, &error);
            if (!batch) {
                showError(tr("Cannot queue the prompt matrix"), error);
                return;
            }
            statusBar()->showMessage(
                tr("Queued %n take(s); the board \"%1\" fills as they finish.", nullptr, int(batch->jobIds.size()))
                    .arg(boardName),
                8000);
        });
    dialog.exec();
}

} // namespace cosmos::app
