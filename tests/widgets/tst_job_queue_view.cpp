// The job queue dock driven as a user would: it lists the project's jobs,
// paints the running job's live progress, reorders pending jobs by
// dragging, asks for cancel and pause by signal, edits a pending job's
// request and removes finished jobs.
#include <QAction>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

#include "projects/project.h"
#include "widgets/job_edit_dialog.h"
#include "widgets/job_item_delegate.h"
#include "widgets/job_queue_view.h"

using namespace cosmos;
using namespace cosmos::widgets;
using projects::JobState;

class TestJobQueueView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_root;
    int m_count = 0;
    std::unique_ptr<projects::Project> m_project;
    std::unique_ptr<JobQueueView> m_view;
    qint64 m_running = 0;
    qint64 m_pendingA = 0;
    qint64 m_pendingB = 0;
    qint64 m_failed = 0;
    qint64 m_done = 0;

    qint64 enqueue(const QString& prompt, JobState state, qint64 segmentId, const QString& error = {})
    {
        projects::JobRecord job;
        job.segmentId = segmentId;
        job.request = {{"prompt", prompt}, {"negative_prompt", ""}, {"model", "nano"}, {"steps", 12}, {"guidance", 3.0},
            {"seed", 42}, {"frames", 33}};
        const qint64 id = m_project->enqueueJob(job).value_or(0);
        if (state != JobState::Pending)
            m_project->setJobState(id, state, error);
        return id;
    }
    QList<qint64> order()
    {
        QList<qint64> ids;
        for (const projects::JobRecord& job : m_project->store().jobs())
            ids << job.id;
        return ids;
    }
    QListView* list() { return m_view->listView(); }
    QRect rowRect(int row) { return list()->visualRect(list()->model()->index(row, 0)); }
    QToolButton* button(QAction* action)
    {
        auto* toolBar = m_view->findChild<QToolBar*>();
        return qobject_cast<QToolButton*>(toolBar->widgetForAction(action));
    }
    // Pixels of the running state's colour in a row: the chip's border, and
    // the progress bar once there is progress.
    int runningColourPixels(int row)
    {
        const QImage image = list()->viewport()->grab(rowRect(row)).toImage();
        const QRgb colour = JobItemDelegate::stateColour("running").rgb();
        int count = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                count += image.pixel(x, y) == colour ? 1 : 0;
        }
        return count;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("CosmosStudioTests");
        QCoreApplication::setApplicationName("tst_job_queue_view");
    }

    void init()
    {
        projects::ProjectError error;
        auto store = projects::ProjectStore::create(m_root.filePath(QString("p%1").arg(m_count++)), "p", &error);
        QVERIFY2(store, qPrintable(error.message));
        m_project = std::make_unique<projects::Project>(std::move(store));
        projects::SegmentRecord segment;
        const qint64 first = m_project->addSegment(segment);
        segment.position = 1;
        const qint64 second = m_project->addSegment(segment);
        m_running = enqueue("A robot arm picks up the red cube and places it in the bowl", JobState::Running, first);
        m_pendingA = enqueue("The ball rolls off the table and bounces twice", JobState::Pending, second);
        m_pendingB = enqueue("A car brakes for a pedestrian crossing in the rain", JobState::Pending, second);
        m_failed = enqueue("A drone flies through the warehouse", JobState::Failed, first,
            "Out of memory: 64x64 at 33 frames needs 2.1 GiB, 1.5 GiB free.");
        m_done = enqueue("Waves break on a rocky shore at dusk", JobState::Done, first);

        m_view = std::make_unique<JobQueueView>();
        m_view->setProject(m_project.get());
        m_view->resize(440, 520);
        m_view->show();
        m_view->activateWindow(); // no window manager under Xvfb
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_project.reset();
    }

    void showsTheJobsOfTheStore()
    {
        QAbstractItemModel* model = list()->model();
        QCOMPARE(model->rowCount(), 5);
        QVERIFY(!m_view->isShowingEmptyState());
        QCOMPARE(model->index(1, 0).data(JobItemDelegate::PromptRole).toString(),
            QString("The ball rolls off the table and bounces twice"));
        QCOMPARE(model->index(1, 0).data(projects::JobsModel::StateRole).toString(), QString("pending"));
        QVERIFY(model->index(1, 0)
                    .data(JobItemDelegate::SummaryRole)
                    .toString()
                    .startsWith("Segment 2 · 33 frames · 12 steps"));
        QVERIFY(model->index(3, 0).data(Qt::ToolTipRole).toString().contains("Out of memory"));
        QCOMPARE(m_view->findChild<QLabel*>("queueSummary")->text(), QString("1 running · 2 pending · 2 finished"));

        // A job added later appears at the end.
        enqueue("A new one", JobState::Pending, 0);
        QCOMPARE(model->rowCount(), 6);
        QCOMPARE(model->index(5, 0).data(JobItemDelegate::PromptRole).toString(), QString("A new one"));
    }

    void anEmptyQueueSaysWhatToDo()
    {
        for (const qint64 id : order())
            m_project->removeJob(id);
        QVERIFY(m_view->isShowingEmptyState());
        QCOMPARE(m_view->emptyText(), QString("No jobs. Press Ctrl+Return to generate the selected segment."));
        QVERIFY(m_view->findChild<QLabel*>("emptyState")->isVisible());
        QVERIFY(!m_view->cancelAction()->isEnabled());
    }

    void liveProgressIsPainted()
    {
        const int heightBefore = rowRect(0).height();
        const int pixelsBefore = runningColourPixels(0);
        m_view->setLiveProgress(m_running, 5, 12, 14.2, "sampling");
        QTRY_VERIFY(rowRect(0).height() > heightBefore); // the row made room for the bar
        QCOMPARE(list()->model()->index(0, 0).data(JobItemDelegate::StepRole).toInt(), 5);
        QCOMPARE(list()->model()->index(1, 0).data(JobItemDelegate::StepRole), QVariant()); // only the running job
        QTRY_VERIFY(runningColourPixels(0) > pixelsBefore + 100); // the bar's filled part
        QCOMPARE(JobItemDelegate::progressText(5, 12, 14.2, "sampling"), QString("Step 5/12 · sampling · 0:15 left"));
        QCOMPARE(JobItemDelegate::progressText(0, 12, -1, "text"), QString("Step 0/12 · encoding the prompt"));
        QCOMPARE(JobItemDelegate::phaseText("conditioning"), QString("encoding the conditioning"));
        QCOMPARE(JobItemDelegate::phaseText("later"), QString("later")); // unknown words pass through
        QCOMPARE(JobItemDelegate::etaText(3725), QString("1:02:05 left"));
        QCOMPARE(JobItemDelegate::etaText(-1), QString());

        const int pixelsAtFive = runningColourPixels(0);
        m_view->setLiveProgress(m_running, 11, 12, 1.0, "sampling");
        QTRY_VERIFY(runningColourPixels(0) > pixelsAtFive);
    }

    void draggingReordersPendingJobs()
    {
        QCOMPARE(order(), (QList<qint64> {m_running, m_pendingA, m_pendingB, m_failed, m_done}));
        QWidget* viewport = list()->viewport();
        // Job B, by its middle, to the top half of job A.
        const QPoint from = rowRect(2).center();
        const QPoint to(from.x(), rowRect(1).top() + 3);
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, from - QPoint(0, 6));
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
        QCOMPARE(order(), (QList<qint64> {m_running, m_pendingB, m_pendingA, m_failed, m_done}));
        QCOMPARE(m_view->currentJobId(), m_pendingB); // it stays selected

        // And to the end, below the last row.
        const QPoint start = rowRect(1).center();
        const QPoint end(start.x(), rowRect(4).bottom() - 2);
        QTest::mousePress(viewport, Qt::LeftButton, {}, start);
        QTest::mouseMove(viewport, start + QPoint(0, 6));
        QTest::mouseMove(viewport, end);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, end);
        QCOMPARE(order(), (QList<qint64> {m_running, m_pendingA, m_failed, m_done, m_pendingB}));

        // A job that is not pending does not move.
        const QPoint done = rowRect(3).center();
        QTest::mousePress(viewport, Qt::LeftButton, {}, done);
        QTest::mouseMove(viewport, done - QPoint(0, 10));
        QTest::mouseMove(viewport, rowRect(0).center());
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, rowRect(0).center());
        QCOMPARE(order(), (QList<qint64> {m_running, m_pendingA, m_failed, m_done, m_pendingB}));
    }

    void cancelAndPauseAreRequested()
    {
        QSignalSpy cancel(m_view.get(), &JobQueueView::cancelRequested);
        QSignalSpy pause(m_view.get(), &JobQueueView::pauseRequested);
        QVERIFY(m_view->cancelAction()->toolTip().contains("Esc"));

        QTest::mouseClick(button(m_view->cancelAction()), Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        QCOMPARE(cancel.at(0).at(0).toLongLong(), m_running);
        QCOMPARE(cancel.at(0).at(1).toBool(), false);

        QTest::mouseClick(button(m_view->cancelAfterTakeAction()), Qt::LeftButton);
        QCOMPARE(cancel.count(), 2);
        QCOMPARE(cancel.at(1).at(0).toLongLong(), m_running);
        QCOMPARE(cancel.at(1).at(1).toBool(), true);

        QTest::keyClick(list(), Qt::Key_Escape);
        QCOMPARE(cancel.count(), 3);
        QCOMPARE(cancel.at(2).at(0).toLongLong(), m_running);
        QCOMPARE(cancel.at(2).at(1).toBool(), false);

        // A selected pending job is the one cancelled; "after this take" is always the running job's.
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(1).center());
        QCOMPARE(m_view->currentJobId(), m_pendingA);
        QTest::mouseClick(button(m_view->cancelAction()), Qt::LeftButton);
        QCOMPARE(cancel.at(3).at(0).toLongLong(), m_pendingA);
        QCOMPARE(cancel.at(3).at(1).toBool(), false);
        QTest::keyClick(list(), Qt::Key_Escape, Qt::ShiftModifier);
        QCOMPARE(cancel.count(), 5);
        QCOMPARE(cancel.at(4).at(0).toLongLong(), m_running);
        QCOMPARE(cancel.at(4).at(1).toBool(), true);

        // With nothing running, there is no take to finish.
        m_project->setJobState(m_running, JobState::Done);
        QVERIFY(!m_view->cancelAfterTakeAction()->isEnabled());

        QTest::mouseClick(button(m_view->pauseAction()), Qt::LeftButton);
        QCOMPARE(pause.count(), 1);
        QCOMPARE(pause.at(0).at(0).toBool(), true);
        QVERIFY(m_view->findChild<QLabel*>("pausedBanner")->isVisible());
        QCOMPARE(m_view->pauseAction()->text(), QString("Resume Queue"));
        QCOMPARE(button(m_view->pauseAction())->text(), QString("Resume"));
        m_view->setPaused(false); // the runner's answer: no request back
        QCOMPARE(pause.count(), 1);
        QVERIFY(!m_view->isPaused());
        QVERIFY(!m_view->findChild<QLabel*>("pausedBanner")->isVisible());
    }

    void editingAPendingJobUpdatesItsRequest()
    {
        QSignalSpy activated(m_view.get(), &JobQueueView::jobActivated);
        // A double click as the window system delivers it: press, release, double click, release.
        const QPoint row = rowRect(1).center();
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, row);
        QTest::mouseDClick(list()->viewport(), Qt::LeftButton, {}, row);
        QTest::mouseRelease(list()->viewport(), Qt::LeftButton, {}, row);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), m_pendingA);
        JobEditDialog* dialog = m_view->findChild<JobEditDialog*>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->promptEdit()->toPlainText(), QString("The ball rolls off the table and bounces twice"));
        QCOMPARE(dialog->stepsBox()->value(), 12);
        dialog->promptEdit()->selectAll();
        QTest::keyClicks(dialog->promptEdit(), "The ball rolls off the table");
        dialog->stepsBox()->setValue(30);
        dialog->seedBox()->setValue(7);
        auto* save = dialog->findChild<QPushButton*>();
        for (QPushButton* candidate : dialog->findChildren<QPushButton*>()) {
            if (candidate->text() == "Save Changes")
                save = candidate;
        }
        QTest::mouseClick(save, Qt::LeftButton);

        const projects::JobRecord job = *m_project->store().job(m_pendingA);
        QCOMPARE(job.request.value("prompt").toString(), QString("The ball rolls off the table"));
        QCOMPARE(job.request.value("steps").toInt(), 30);
        QCOMPARE(job.request.value("seed").toInteger(), 7);
        QCOMPARE(job.request.value("frames").toInt(), 33); // the rest is kept
        QCOMPARE(list()->model()->index(1, 0).data(JobItemDelegate::PromptRole).toString(),
            QString("The ball rolls off the table"));

        // Only pending jobs are edited.
        QVERIFY(!m_view->editJob(m_running));
        QVERIFY(!m_project->updateJobRequest(m_running, {{"prompt", "x"}}));
        QVERIFY(m_project->store().lastError().message.contains("only pending jobs"));
        QCOMPARE(m_project->store().job(m_running)->request.value("prompt").toString(),
            QString("A robot arm picks up the red cube and places it in the bowl"));
    }

    void finishedJobsAreRemoved()
    {
        QVERIFY(m_view->removeFinishedAction()->isEnabled());
        QTest::mouseClick(button(m_view->removeFinishedAction()), Qt::LeftButton);
        QCOMPARE(order(), (QList<qint64> {m_running, m_pendingA, m_pendingB}));
        QVERIFY(!m_view->removeFinishedAction()->isEnabled());
    }

    void screenshot()
    {
        m_view->setLiveProgress(m_running, 5, 12, 14.2, "sampling");
        m_view->setCurrentJobId(m_pendingA);
        QTest::qWait(50);
        QVERIFY(m_view->grab().save("/tmp/job_queue.png"));
        m_view->setPaused(true);
        for (const qint64 id : order())
            m_project->removeJob(id);
        QTest::qWait(20);
        QVERIFY(m_view->grab().save("/tmp/job_queue_empty.png"));
    }
};

QTEST_MAIN(TestJobQueueView)
#include "tst_job_queue_view.moc"
