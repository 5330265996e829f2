// The job queue dock: the project's persistent queue (projects::JobsModel)
// as a list with each job's state, prompt, live progress and ETA, and the
// queue's controls: cancel now (Esc) or after the running take (Shift+Esc),
// pause/resume, remove finished jobs, drag to reorder and edit pending jobs.
//
//   queue->setProject(project);
//   connect(queue, &JobQueueView::cancelRequested, runner, ...);
//   queue->setLiveProgress(jobId, step, steps, etaSeconds, phase); // each step
//   queue->setPaused(runnerIsPaused);                               // the truth
//
// Reordering and editing go straight to the project (Project::moveJob,
// Project::updateJobRequest); cancelling and pausing are the runner's, so
// they are requested by signal.
#pragma once

#include <QPointer>
#include <QWidget>

#include "projects/change_event.h"
#include "projects/project.h"

class QAction;
class QIcon;
class QKeySequence;
class QLabel;
class QListView;
class QStackedLayout;
class QToolBar;

namespace cosmos::widgets {

class JobEditDialog;
class JobQueueModel;
class JobListView;

class JobQueueView : public QWidget {
    Q_OBJECT
public:
    explicit JobQueueView(QWidget* parent = nullptr);
    ~JobQueueView() override;

    // The project must outlive the view, or be unset first.
    void setProject(projects::Project* project);

    // The running job's progress, from the engine bridge; shown while that
    // job is running. etaSeconds < 0: unknown.
    void setLiveProgress(qint64 jobId, int step, int steps, double etaSeconds, const QString& phase);
    void clearLiveProgress();
    // What the runner does now; sets the toggle without emitting.
    void setPaused(bool paused);
    bool isPaused() const;

    // The selected job; 0: none.
    qint64 currentJobId() const;
    void setCurrentJobId(qint64 jobId);
    // The job the cancel actions act on: the selected job when it is
    // pending, running or paused, else the running job; 0: none.
    qint64 cancelTargetJobId() const;
    // Opens the edit dialog of a pending job (non-blocking); false when the
    // job is not pending.
    bool editJob(qint64 jobId);
    // Removes the done, failed and cancelled jobs.
    void removeFinishedJobs();

    QListView* listView() const;
    QString emptyText() const;
    bool isShowingEmptyState() const;
    QAction* cancelAction() const { return m_cancelAction; }
    QAction* cancelAfterTakeAction() const { return m_cancelAfterTakeAction; }
    QAction* pauseAction() const { return m_pauseAction; }
    QAction* removeFinishedAction() const { return m_removeFinishedAction; }
    QAction* editAction() const { return m_editAction; }
    QAction* removeAction() const { return m_removeAction; }

signals:
    void cancelRequested(qint64 jobId, bool finishTake);
    void pauseRequested(bool paused);
    // A job was double-clicked or Return was pressed on it (a pending one
    // also opens the edit dialog).
    void jobActivated(qint64 jobId);

private:
    QAction* makeAction(const QString& name, const QIcon& icon, const QString& text, const QString& iconText,
        const QKeySequence& shortcut, const QString& toolTip);
    void onProjectChanged(const cosmos::projects::ChangeEvent& event);
    void updateActions();
    void updatePausedLook();
    void moveJob(qint64 jobId, int position);
    QString stateOf(qint64 jobId) const;
    qint64 runningJobId() const;

    QPointer<projects::Project> m_project;
    QMetaObject::Connection m_changedConnection;
    JobQueueModel* m_model = nullptr;
    JobListView* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_pausedBanner = nullptr;
    QLabel* m_summary = nullptr;
    QStackedLayout* m_stack = nullptr;
    QToolBar* m_toolBar = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_cancelAfterTakeAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_removeFinishedAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_removeAction = nullptr;
};

} // namespace cosmos::widgets
