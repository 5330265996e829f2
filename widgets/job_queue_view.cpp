#include "widgets/job_queue_view.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QStackedLayout>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>
#include <functional>

#include "projects/jobs_model.h"
#include "widgets/job_edit_dialog.h"
#include "widgets/job_item_delegate.h"

namespace cosmos::widgets {
namespace {

using projects::JobsModel;

const QString kPending = QStringLiteral("pending");
const QString kRunning = QStringLiteral("running");
const QString kPaused = QStringLiteral("paused");

bool isFinished(const QString& state)
{
    return state == QLatin1String("done") || state == QLatin1String("failed") || state == QLatin1String("cancelled");
}

bool isActive(const QString& state)
{
    return state == kPending || state == kRunning || state == kPaused;
}

} // namespace

// The list, with reordering by dragging a pending job: done here with the
// mouse rather than QDrag, since a job never leaves the list, and a line
// shows where it will go.
class JobListView : public QListView {
public:
    explicit JobListView(QWidget* parent) : QListView(parent) { }

    std::function<void(qint64 jobId, int position)> onMove;

    void relayout() { scheduleDelayedItemsLayout(); }
    bool isDragging() const { return m_dragging; }

protected:
    void mousePressEvent(QMouseEvent* event) override
    {
        m_dragging = false;
        m_pressed = QPersistentModelIndex();
        const QModelIndex index = indexAt(event->position().toPoint());
        if (event->button() == Qt::LeftButton && index.data(JobsModel::StateRole).toString() == kPending) {
            m_pressed = index;
            m_pressPos = event->position().toPoint();
        }
        QListView::mousePressEvent(event);
    }

    void mouseMoveEvent(QMouseEvent* event) override
    {
        const QPoint pos = event->position().toPoint();
        if (m_pressed.isValid() && (event->buttons() & Qt::LeftButton) && !m_dragging
            && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = true;
            viewport()->setCursor(Qt::ClosedHandCursor);
        }
        if (!m_dragging) {
            QListView::mouseMoveEvent(event);
            return;
        }
        m_dropRow = dropRowAt(pos);
        viewport()->update();
    }

    void mouseReleaseEvent(QMouseEvent* event) override
    {
        if (!m_dragging) {
            m_pressed = QPersistentModelIndex();
            QListView::mouseReleaseEvent(event);
            return;
        }
        const int dropRow = dropRowAt(event->position().toPoint());
        const int from = m_pressed.row();
        const qint64 jobId = m_pressed.data(JobsModel::IdRole).toLongLong();
        endDrag();
        // The drop row counts the dragged job itself; its new position does not.
        const int to = dropRow > from ? dropRow - 1 : dropRow;
        if (from >= 0 && to != from && onMove)
            onMove(jobId, to);
    }

    void keyPressEvent(QKeyEvent* event) override
    {
        if (m_dragging && event->key() == Qt::Key_Escape) {
            endDrag();
            return;
        }
        QListView::keyPressEvent(event);
    }

    void paintEvent(QPaintEvent* event) override
    {
        QListView::paintEvent(event);
        if (!m_dragging || m_dropRow < 0 || !model() || model()->rowCount() == 0)
            return;
        const int rows = model()->rowCount();
        const int y = m_dropRow < rows ? visualRect(model()->index(m_dropRow, 0)).top()
                                       : visualRect(model()->index(rows - 1, 0)).bottom() + 1;
        QPainter painter(viewport());
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor colour = palette().color(QPalette::Highlight);
        painter.setPen(QPen(colour, 2.0));
        painter.drawLine(QPointF(6, y), QPointF(viewport()->width() - 6, y));
        painter.setBrush(colour);
        painter.drawEllipse(QPointF(6, y), 3.5, 3.5);
    }

private:
    // The row the dragged job goes before; rowCount: the end.
    int dropRowAt(const QPoint& pos) const
    {
        const int rows = model() ? model()->rowCount() : 0;
        const QModelIndex index = indexAt(pos);
        if (!index.isValid())
            return pos.y() < 0 ? 0 : rows;
        const QRect rect = visualRect(index);
        return pos.y() < rect.center().y() ? index.row() : index.row() + 1;
    }

    void endDrag()
    {
        m_dragging = false;
        m_dropRow = -1;
        m_pressed = QPersistentModelIndex();
        viewport()->unsetCursor();
        viewport()->update();
    }

    QPersistentModelIndex m_pressed;
    QPoint m_pressPos;
    bool m_dragging = false;
    int m_dropRow = -1;
};

QAction* JobQueueView::makeAction(const QString& name, const QIcon& icon, const QString& text, const QString& iconText,
    const QKeySequence& shortcut, const QString& toolTip)
{
    auto* action = new QAction(icon, text, this);
    action->setObjectName(name);
    action->setIconText(iconText); // the short word on the toolbar
    action->setShortcut(shortcut);
    if (!toolTip.isEmpty())
        action->setToolTip(
            shortcut.isEmpty() ? toolTip : tr("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    return action;
}

JobQueueView::JobQueueView(QWidget* parent) : QWidget(parent)
{
    m_model = new JobQueueModel(this);
    m_list = new JobListView(this);
    m_list->setObjectName(QStringLiteral("jobList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new JobItemDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setMouseTracking(true);
    m_list->setSpacing(1);
    m_list->onMove = [this](qint64 jobId, int position) { moveJob(jobId, position); };

    m_empty = new QLabel(tr("No jobs. Press Ctrl+Return to generate the selected segment."), this);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(16);
    m_empty->setEnabled(false); // the muted palette colour
    m_empty->setAutoFillBackground(true);
    m_empty->setBackgroundRole(QPalette::Base); // the list's ground, so that the dock does not jump

    QStyle* style = this->style();
    m_cancelAction = makeAction(QStringLiteral("cancelJob"), style->standardIcon(QStyle::SP_BrowserStop), tr("Cancel"),
        tr("Cancel"), QKeySequence(Qt::Key_Escape), tr("Cancel the running job now, or the selected one"));
    m_cancelAfterTakeAction = makeAction(QStringLiteral("cancelJobAfterTake"),
        style->standardIcon(QStyle::SP_MediaSkipForward), tr("Cancel After This Take"), tr("After Take"),
        QKeySequence(Qt::SHIFT | Qt::Key_Escape), tr("Let the running take finish, then stop the job"));
    m_pauseAction = makeAction(QStringLiteral("pauseQueue"), {}, tr("Pause Queue"), tr("Pause"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), {}); // icon and tooltip follow the state
    m_pauseAction->setCheckable(true);
    m_editAction = makeAction(QStringLiteral("editJob"), {}, tr("Edit…"), tr("Edit"), QKeySequence(Qt::Key_F2),
        tr("Change the prompt or settings of the selected pending job"));
    m_removeAction = makeAction(QStringLiteral("removeJob"), {}, tr("Remove"), tr("Remove"),
        QKeySequence(QKeySequence::Delete), tr("Remove the selected job from the queue"));
    // Window-wide: Esc cancels wherever the focus is; these two only in the list.
    m_editAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_removeFinishedAction
        = makeAction(QStringLiteral("removeFinishedJobs"), style->standardIcon(QStyle::SP_DialogResetButton),
            tr("Clear Finished"), tr("Clear"), {}, tr("Remove the done, failed and cancelled jobs from the queue"));
    addActions({m_cancelAction, m_cancelAfterTakeAction, m_pauseAction, m_editAction, m_removeAction});

    m_toolBar = new QToolBar(this);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_cancelAction);
    m_toolBar->addAction(m_cancelAfterTakeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_pauseAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_editAction);
    m_toolBar->addAction(m_removeFinishedAction);

    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addActions({m_editAction, m_removeAction, m_cancelAction, m_cancelAfterTakeAction});

    m_pausedBanner = new QLabel(tr("The queue is paused: no new job starts until you resume it."), this);
    m_pausedBanner->setObjectName(QStringLiteral("pausedBanner"));
    m_pausedBanner->setWordWrap(true);
    m_pausedBanner->setMargin(6);
    m_pausedBanner->setAutoFillBackground(true);
    QPalette banner = m_pausedBanner->palette();
    banner.setColor(QPalette::Window, QColor(0xc8, 0x96, 0x00, 60));
    m_pausedBanner->setPalette(banner);
    m_pausedBanner->hide();
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("queueSummary"));
    m_summary->setEnabled(false);
    m_summary->setContentsMargins(6, 3, 6, 3);

    auto* stackHolder = new QWidget(this);
    m_stack = new QStackedLayout(stackHolder);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_pausedBanner);
    layout->addWidget(stackHolder, 1);
    layout->addWidget(m_summary);

    connect(m_cancelAction, &QAction::triggered, this, [this] {
        if (const qint64 jobId = cancelTargetJobId())
            emit cancelRequested(jobId, false);
    });
    connect(m_cancelAfterTakeAction, &QAction::triggered, this, [this] {
        // Only a running job has a take to finish, whatever is selected.
        if (const qint64 jobId = runningJobId())
            emit cancelRequested(jobId, true);
    });
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        updatePausedLook();
        emit pauseRequested(paused);
    });
    connect(m_editAction, &QAction::triggered, this, [this] { editJob(currentJobId()); });
    connect(m_removeAction, &QAction::triggered, this, [this] {
        const qint64 jobId = currentJobId();
        if (m_project && jobId && stateOf(jobId) != kRunning && stateOf(jobId) != kPaused)
            m_project->removeJob(jobId);
    });
    connect(m_removeFinishedAction, &QAction::triggered, this, &JobQueueView::removeFinishedJobs);
    connect(m_list, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const qint64 jobId = index.data(JobsModel::IdRole).toLongLong();
        emit jobActivated(jobId);
        if (index.data(JobsModel::StateRole).toString() == kPending)
            editJob(jobId);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &JobQueueView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobQueueView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobQueueView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobQueueView::updateActions);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &JobQueueView::updateActions);
    // A running job's row grows by its progress line: lay the rows out again.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        m_list->relayout();
        updateActions();
    });
    updatePausedLook();
    updateActions();
}

JobQueueView::~JobQueueView() = default;

void JobQueueView::setProject(projects::Project* project)
{
    if (m_project == project)
        return;
    disconnect(m_changedConnection);
    m_project = project;
    m_model->clearLive();
    m_model->setProject(project);
    if (project)
        m_changedConnection = connect(project, &projects::Project::changed, this, &JobQueueView::onProjectChanged);
    updateActions();
}

void JobQueueView::setLiveProgress(qint64 jobId, int step, int steps, double etaSeconds, const QString& phase)
{
    m_model->setLive(jobId, step, steps, etaSeconds, phase);
}

void JobQueueView::clearLiveProgress()
{
    m_model->clearLive();
}

void JobQueueView::setPaused(bool paused)
{
    const QSignalBlocker blocker(m_pauseAction);
    m_pauseAction->setChecked(paused);
    updatePausedLook();
}

bool JobQueueView::isPaused() const
{
    return m_pauseAction->isChecked();
}

qint64 JobQueueView::currentJobId() const
{
    return m_list->currentIndex().data(JobsModel::IdRole).toLongLong();
}

void JobQueueView::setCurrentJobId(qint64 jobId)
{
    m_list->setCurrentIndex(m_model->index(m_model->rowOf(jobId), 0));
}

qint64 JobQueueView::cancelTargetJobId() const
{
    const qint64 selected = currentJobId();
    if (selected && isActive(stateOf(selected)))
        return selected;
    return runningJobId();
}

bool JobQueueView::editJob(qint64 jobId)
{
    projects::Project* project = m_project.data();
    if (!project || !jobId)
        return false;
    const std::optional<projects::JobRecord> job = project->store().job(jobId);
    if (!job || job->state != projects::JobState::Pending)
        return false;
    // Opened, not exec()'d: the queue keeps moving while the user edits.
    auto* dialog = new JobEditDialog(jobId, job->request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        projects::Project* current = m_project.data();
        if (!current || current->updateJobRequest(dialog->jobId(), dialog->request()))
            return;
        // The job started while the dialog was open.
        auto* box = new QMessageBox(QMessageBox::Information, tr("Job Not Changed"),
            current->store().lastError().message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
    return true;
}

void JobQueueView::removeFinishedJobs()
{
    if (!m_project)
        return;
    QList<qint64> finished;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (isFinished(m_model->stateAt(row)))
            finished.append(m_model->jobIdAt(row));
    }
    for (const qint64 jobId : finished)
        m_project->removeJob(jobId);
}

QListView* JobQueueView::listView() const
{
    return m_list;
}

QString JobQueueView::emptyText() const
{
    return m_empty->text();
}

bool JobQueueView::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void JobQueueView::onProjectChanged(const projects::ChangeEvent& event)
{
    using Type = projects::ChangeEvent::Type;
    if (event.type == Type::SegmentAdded || event.type == Type::SegmentRemoved || event.type == Type::SegmentMoved)
        m_model->invalidate(); // "Segment 3" may now be segment 2
}

void JobQueueView::moveJob(qint64 jobId, int position)
{
    if (!m_project)
        return;
    m_project->moveJob(jobId, position);
    setCurrentJobId(jobId); // the move resets the model
}

QString JobQueueView::stateOf(qint64 jobId) const
{
    const int row = m_model->rowOf(jobId);
    return row >= 0 ? m_model->stateAt(row) : QString();
}

qint64 JobQueueView::runningJobId() const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->stateAt(row) == kRunning || m_model->stateAt(row) == kPaused)
            return m_model->jobIdAt(row);
    }
    return 0;
}

void JobQueueView::updatePausedLook()
{
    const bool paused = m_pauseAction->isChecked();
    m_pauseAction->setText(paused ? tr("Resume Queue") : tr("Pause Queue"));
    m_pauseAction->setIconText(paused ? tr("Resume") : tr("Pause"));
    m_pauseAction->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    const QString shortcut = m_pauseAction->shortcut().toString(QKeySequence::NativeText);
    m_pauseAction->setToolTip(paused ? tr("Start queued jobs again (%1)").arg(shortcut)
                                     : tr("Start no new job; the running one goes on (%1)").arg(shortcut));
    m_pausedBanner->setVisible(paused);
}

void JobQueueView::updateActions()
{
    const int rows = m_model->rowCount();
    m_stack->setCurrentWidget(rows > 0 ? static_cast<QWidget*>(m_list) : m_empty);

    const qint64 target = cancelTargetJobId();
    m_cancelAction->setEnabled(target != 0);
    m_cancelAfterTakeAction->setEnabled(runningJobId() != 0);
    const qint64 current = currentJobId();
    const QString currentState = stateOf(current);
    m_editAction->setEnabled(currentState == kPending);
    m_removeAction->setEnabled(current != 0 && currentState != kRunning && currentState != kPaused);

    int pending = 0;
    int running = 0;
    int finished = 0;
    for (int row = 0; row < rows; ++row) {
        const QString state = m_model->stateAt(row);
        pending += state == kPending ? 1 : 0;
        running += state == kRunning || state == kPaused ? 1 : 0;
        finished += isFinished(state) ? 1 : 0;
    }
    m_removeFinishedAction->setEnabled(finished > 0);
    m_summary->setText(
        rows == 0 ? QString() : tr("%1 running · %2 pending · %3 finished").arg(running).arg(pending).arg(finished));
    m_summary->setVisible(rows > 0);
}

} // namespace cosmos::widgets
