// The studio as a newcomer meets it, driving the real window on the real
// nano model: new project, type a prompt, Ctrl+Return; the preview animates
// the sampler's steps, the take lands on the timeline and plays; undo; Esc
// cancels within a step; A/B compares two takes and a board gathers a
// segment's takes; a paused queue survives a restart; and the GUI thread
// never stalls while the engine works.
#include <algorithm>

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include "app/engine_bridge.h"
#include "app/main_window.h"
#include "engine/tools/clip_export.h"
#include "engine/tools/clip_frames.h"
#include "projects/jobs_model.h"
#include "projects/project.h"
#include "projects/sql_connection.h"
#include "widgets/ab_compare_view.h"
#include "widgets/board_labels.h"
#include "widgets/board_panel.h"
#include "widgets/board_view.h"
#include "widgets/export_dialog.h"
#include "widgets/inspector_panel.h"
#include "widgets/job_item_delegate.h"
#include "widgets/job_queue_view.h"
#include "widgets/playback_clock.h"
#include "widgets/preview_panel.h"
#include "widgets/preview_view.h"
#include "widgets/project_browser.h"
#include "widgets/prompt_editor.h"
#include "widgets/prompt_matrix_dialog.h"
#include "widgets/studio_status_bar.h"
#include "widgets/timeline_view.h"

using namespace cosmos;

namespace {

// Measures how long the GUI thread went without running a timer that asks
// to run every 2 ms: the longest gap, and how many gaps were long.
class LatencyProbe : public QObject {
public:
    static constexpr double kLongGapMs = 50.0;

    LatencyProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0) {
                const qint64 gap = now - m_last;
                m_worstNs = std::max(m_worstNs, gap);
                m_longGaps += double(gap) / 1e6 > kLongGapMs ? 1 : 0;
            }
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    double worstMs() const { return double(m_worstNs) / 1e6; }
    int longGaps() const { return m_longGaps; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worstNs = 0;
    int m_longGaps = 0;
};

} // namespace

class TestStudioWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_root;

    static void useSmallTakes(projects::Project& project, qint64 segment, int steps)
    {
        // Short clips keep the test quick; the same code paths as 33 frames.
        project.setSetting(segment, "frames", 9);
        project.setSetting(segment, "steps", steps);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("CosmosStudioTests");
        QCoreApplication::setApplicationName("tst_studio_window");
        QSettings().clear();
    }

    void promptGenerateWatchPlayUndo()
    {
        app::MainWindow window(nullptr);
        window.show();
        // Under Xvfb the window is composed by software GL (llvmpipe) on the
        // GUI thread at every preview frame, at a cost that grows with its
        // area (about 25 ms at this size on 2 loaded cores, 45-55 ms at
        // 1400x900); hardware GL does it in well under a millisecond.
        window.resize(1000, 700);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.newProject(m_root.filePath("first"), "First"));
        projects::Project& project = *window.project();
        const qint64 segment = window.timeline()->selectedSegment();
        QVERIFY(segment != 0);
        QCOMPARE(window.inspector()->segment(), segment);
        useSmallTakes(project, segment, 12);

        QPlainTextEdit* prompt = window.inspector()->promptEditor()->promptEdit();
        prompt->setFocus();
        QTest::keyClicks(prompt, "a large red ball is thrown to the right");
        QCOMPARE(project.store().segment(segment)->prompt, QString("a large red ball is thrown to the right"));

        QSignalSpy finished(window.bridge(), &app::EngineBridge::jobFinished);
        QSignalSpy progress(window.bridge(), &app::EngineBridge::jobProgress);
        // The probe runs while the job samples and the preview animates
        // (from the first sampling step until decoding starts).
        std::unique_ptr<LatencyProbe> probe;
        double worstGapMs = -1;
        int longGaps = 0;
        // The status bar's summary after each report (the window's own slot
        // ran first): it gives the time left in the job queue's words.
        QStringList summaries;
        connect(window.bridge(), &app::EngineBridge::jobProgress, this,
            [&](qint64, int, int, double eta, const QString& phase) {
                summaries << window.studioStatusBar()->jobSummaryText();
                if (eta >= 0)
                    QVERIFY(summaries.last().endsWith(" · " + widgets::JobItemDelegate::etaText(eta)));
                else
                    QVERIFY(!summaries.last().contains(" left"));
                if (phase == "sampling" && !probe && worstGapMs < 0)
                    probe = std::make_unique<LatencyProbe>();
                if (phase != "sampling" && probe) {
                    worstGapMs = probe->worstMs();
                    longGaps = probe->longGaps();
                    probe.reset();
                }
            });
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(project.jobsModel().rowCount(), 1);
        QVERIFY(finished.wait(120000));
        qInfo("worst GUI-thread gap while the job sampled: %.1f ms (%d over %.0f ms)", worstGapMs, longGaps,
            LatencyProbe::kLongGapMs);
        QVERIFY(worstGapMs >= 0);
        // Engine work on the GUI thread would stall it at step after step.
        // A loaded machine (ctest runs two tests at once on two cores)
        // can also preempt it now and then, which once failed this test on a
        // single 50 ms gap: one or two long gaps pass, none of 250 ms does.
        QVERIFY2(longGaps <= 2 && worstGapMs < 250.0,
            qPrintable(QString("the GUI thread stalled %1 times for over %2 ms, the longest %3 ms")
                           .arg(longGaps)
                           .arg(LatencyProbe::kLongGapMs)
                           .arg(worstGapMs)));

        // Whatever the gaps: no engine report, so none of its work, came on
        // the GUI thread (a 12-step take of 9 frames may sample a step in
        // under 50 ms, which the gaps alone would not surely catch).
        QCOMPARE(window.bridge()->reportsOnOwnThread(), 0);

        // The preview was fed every sampling step and painted them.
        int samplingSteps = 0;
        for (const QList<QVariant>& event : progress)
            samplingSteps += event.at(4).toString() == "sampling" ? 1 : 0;
        QVERIFY(samplingSteps >= 12);
        QVERIFY(summaries.filter(QRegularExpression("^Job \\d+: step \\d+/12 · \\d+:\\d\\d left$")).size() >= 1);
        QVERIFY(summaries.filter("ETA").isEmpty());
        QVERIFY(window.previewFramesReceived() >= 1);
        QVERIFY(window.preview()->view()->paintedFrames() >= 1);

        // The take is on the timeline, selected, and plays.
        const qint64 take = finished.first().at(1).toLongLong();
        QCOMPARE(project.store().selectedTakeId(segment), take);
        QVERIFY(!project.store().take(take)->thumbnail.isNull());
        QTRY_COMPARE_WITH_TIMEOUT(window.preview()->mode(), widgets::PreviewPanel::Mode::Clip, 10000);
        QCOMPARE(window.preview()->view()->frameCount(), 9);
        QVERIFY(window.preview()->clock()->isPlaying());
        const int paintedBefore = window.preview()->view()->paintedFrames();
        QTRY_VERIFY(window.preview()->view()->paintedFrames() > paintedBefore + 3);
        // The timeline's playhead follows the player.
        QTRY_VERIFY(window.timeline()->playhead() > 0);

        // Space pauses it (window-wide, outside text fields).
        window.timeline()->setFocus();
        QTest::keyClick(window.timeline(), Qt::Key_Space);
        QVERIFY(!window.preview()->clock()->isPlaying());

        // Undo takes back the segment edits, newest first: Ctrl+T adds a
        // segment, Ctrl+Z removes it, and more undos restore the empty prompt.
        QTest::keyClick(window.timeline(), Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(project.store().segments().size(), 2);
        QTest::keyClick(window.timeline(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(project.store().segments().size(), 1);
        while (project.undoStack().canUndo())
            project.undoStack().undo();
        QCOMPARE(project.store().segment(segment)->prompt, QString());
        QCOMPARE(prompt->toPlainText(), QString());
        // The take is a result, not an edit: it stays.
        QCOMPARE(project.store().selectedTakeId(segment), take);
    }

    void escapeCancelsWithinOneStep()
    {
        app::MainWindow window(nullptr);
        window.show();
        window.activateWindow(); // window shortcuts (Esc) need the active window
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.newProject(m_root.filePath("cancel"), "Cancel"));
        projects::Project& project = *window.project();
        const qint64 segment = window.timeline()->selectedSegment();
        project.setPrompt(segment, "a small blue ball drops and bounces twice");
        useSmallTakes(project, segment, 60);

        QElapsedTimer clock;
        QList<qint64> stepTimes;
        connect(window.bridge(), &app::EngineBridge::jobProgress, this,
            [&](qint64, int, int, double, const QString& phase) {
                if (phase == "sampling")
                    stepTimes << clock.elapsed();
            });
        QSignalSpy cancelled(window.bridge(), &app::EngineBridge::jobCancelled);
        clock.start();
        window.inspector()->generateAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(stepTimes.size() >= 3, 60000);
        const double stepMs = double(stepTimes.last() - stepTimes.first()) / double(stepTimes.size() - 1);
        const qint64 pressed = clock.elapsed();
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(cancelled.wait(30000));
        const qint64 tookMs = clock.elapsed() - pressed;
        qInfo("cancel took %lld ms; a step takes %.0f ms", tookMs, stepMs);
        QVERIFY2(tookMs <= stepMs * 2 + 200, qPrintable(QString("cancel took %1 ms").arg(tookMs)));
        QVERIFY(window.bridge()->isIdle());
        QVERIFY(stepTimes.size() < 60);
        const auto jobs = project.store().jobs();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().state, projects::JobState::Cancelled);
    }

    void promptMatrixFillsABoardThatPicksTakes()
    {
        app::MainWindow window(nullptr);
        window.resize(1000, 700);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.newProject(m_root.filePath("matrix"), "Matrix"));
        projects::Project& project = *window.project();
        const qint64 segment = window.timeline()->selectedSegment();
        project.setPrompt(segment, "a large red ball drops");
        project.setSetting(segment, "frames", 5);
        project.setSetting(segment, "steps", 2);

        // Generate > Prompt Matrix: 2 prompts x 2 seeds, through the real dialog.
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<widgets::PromptMatrixDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = true;
            dialog->promptsEdit()->setPlainText("a large {red|blue} ball drops");
            dialog->seedsEdit()->setText("1, 2");
            QTest::mouseClick(dialog->queueButton(), Qt::LeftButton);
        });
        window.findChild<QAction*>("actionPromptMatrix")->trigger();
        QVERIFY(sawDialog);
        QCOMPARE(project.store().jobs().size(), 4);
        const QList<projects::BoardRecord> boards = project.store().boards();
        QCOMPARE(boards.size(), 1);
        const qint64 boardId = boards.first().id;

        // The board fills as the takes finish, and shows them side by side.
        window.showBoard(boardId);
        QTRY_COMPARE_WITH_TIMEOUT(project.store().boardTakes(boardId).size(), 4, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(window.board()->view()->cellCount(), 4, 10000);
        QCOMPARE(window.workspace()->currentWidget(), static_cast<QWidget*>(window.board()));
        QCOMPARE(project.store().segment(segment)->prompt, QString("a large red ball drops"));

        // Clicking a cell makes that take the segment's take (undoable).
        const qint64 before = project.store().selectedTakeId(segment);
        const QList<widgets::BoardCellInfo> cells = window.board()->cells();
        const int pick = cells.first().takeId == before ? 1 : 0;
        QTest::mouseClick(window.board()->view(), Qt::LeftButton, {}, window.board()->view()->cellRect(pick).center());
        QCOMPARE(project.store().selectedTakeId(segment), cells.at(pick).takeId);
        project.undoStack().undo();
        QCOMPARE(project.store().selectedTakeId(segment), before);
    }

    void comparesTheSelectedTakeWithTheNewestOther()
    {
        // The matrix project's segment holds four finished takes.
        app::MainWindow window(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window)); // shortcuts reach an active window
        QVERIFY(window.openProject(m_root.filePath("matrix")));
        projects::Project& project = *window.project();
        const qint64 segment = window.timeline()->selectedSegment();
        QVERIFY(segment != 0);
        const QList<projects::TakeRecord> takes = project.store().takes(segment);
        QCOMPARE(takes.size(), 4);
        qint64 newest = 0;
        for (const projects::TakeRecord& take : takes)
            newest = std::max(newest, take.id);
        const qint64 oldest = std::min_element(takes.begin(), takes.end(), [](const auto& x, const auto& y) {
            return x.id < y.id;
        })->id;
        project.selectTake(segment, oldest);

        window.timeline()->setFocus();
        QTest::keyClick(window.timeline(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(
            window.abCompare()->clipA() != nullptr, qPrintable(window.statusBar()->currentMessage()), 10000);
        QCOMPARE(window.workspace()->currentWidget(), static_cast<QWidget*>(window.abCompare()));
        // Each side is named once: the view adds the "A" and "B".
        QCOMPARE(window.abCompare()->labelA(), QString("Take %1 (selected)").arg(oldest));
        QCOMPARE(window.abCompare()->labelB(), QString("Take %1").arg(newest));
        QCOMPARE(window.abCompare()->frameCount(), 5);

        // A take's menu in the Project dock picks B.
        qint64 second = 0;
        for (const projects::TakeRecord& take : takes)
            second = take.id != oldest && take.id != newest ? take.id : second;
        emit window.browser()->compareWithSelectedRequested(segment, second);
        QTRY_COMPARE_WITH_TIMEOUT(window.abCompare()->labelB(), QString("Take %1").arg(second), 10000);
        QCOMPARE(window.abCompare()->labelA(), QString("Take %1 (selected)").arg(oldest));

        // The A/B tab opened by hand with nothing on it compares the selected
        // segment's takes.
        window.abCompare()->clear();
        window.workspace()->setCurrentWidget(window.preview());
        window.workspace()->setCurrentWidget(window.abCompare());
        QTRY_VERIFY_WITH_TIMEOUT(window.abCompare()->clipA() != nullptr, 10000);
        QCOMPARE(window.abCompare()->labelB(), QString("Take %1").arg(newest));

        // With one take there is nothing to compare: the status bar says why.
        window.abCompare()->clear();
        projects::SegmentRecord empty;
        empty.position = int(project.store().segments().size());
        const qint64 single = project.addSegment(empty);
        window.timeline()->selectSegment(single);
        QTest::keyClick(window.timeline(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(window.statusBar()->currentMessage().startsWith("A/B needs two finished takes"));
        QVERIFY(window.abCompare()->clipA() == nullptr);
    }

    void gathersASegmentsTakesOnABoard()
    {
        app::MainWindow window(nullptr);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // The first project has no board: the Board tab says how to make one.
        QVERIFY(window.openProject(m_root.filePath("first")));
        QVERIFY(window.project()->store().boards().isEmpty());
        window.workspace()->setCurrentWidget(window.board());
        QCOMPARE(window.board()->view()->cellCount(), 0);
        QVERIFY(window.board()->view()->emptyMessage().contains("Board of the Segment's Takes"));

        // The matrix project's segment holds four takes; Ctrl+Shift+G puts
        // them all on a new board and shows it.
        QVERIFY(window.openProject(m_root.filePath("matrix")));
        projects::Project& project = *window.project();
        const qint64 segment = project.store().segments().first().id; // the A/B test added a second
        window.timeline()->selectSegment(segment);
        const int boardsBefore = int(project.store().boards().size());
        window.timeline()->setFocus();
        QTest::keyClick(window.timeline(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        const QList<projects::BoardRecord> boards = project.store().boards();
        QCOMPARE(int(boards.size()), boardsBefore + 1);
        const projects::BoardRecord& made = boards.last();
        QCOMPARE(made.name, QString("Takes of segment 1"));
        QList<qint64> takeIds;
        for (const projects::TakeRecord& take : project.store().takes(segment))
            takeIds << take.id;
        QCOMPARE(project.store().boardTakes(made.id), takeIds);
        QTRY_COMPARE_WITH_TIMEOUT(window.board()->view()->cellCount(), 4, 10000);
        QCOMPARE(window.shownBoard(), made.id);
        QCOMPARE(window.workspace()->currentWidget(), static_cast<QWidget*>(window.board()));

        // Reopened, the Board tab opened by hand shows the newest board.
        QVERIFY(window.openProject(m_root.filePath("matrix")));
        QCOMPARE(window.shownBoard(), 0);
        window.workspace()->setCurrentWidget(window.board());
        QTRY_COMPARE_WITH_TIMEOUT(window.board()->view()->cellCount(), 4, 10000);
        QCOMPARE(window.shownBoard(), made.id);
        QVERIFY(window.board()->titleText().startsWith("Takes of segment 1"));

        // Renamed while the Board tab is hidden, it shows its new name when
        // the tab is opened again.
        window.workspace()->setCurrentWidget(window.preview());
        QVERIFY(window.project()->renameBoard(made.id, "Keepers"));
        window.workspace()->setCurrentWidget(window.board());
        QTRY_VERIFY2_WITH_TIMEOUT(
            window.board()->titleText().startsWith("Keepers"), qPrintable(window.board()->titleText()), 10000);
        QCOMPARE(window.shownBoard(), made.id);

        // Deleted while on show, the board leaves the tab for the newest other.
        QVERIFY(window.project()->removeBoard(made.id));
        QCOMPARE(window.shownBoard(), boards.first().id);
        QTRY_VERIFY_WITH_TIMEOUT(!window.board()->titleText().startsWith("Keepers"), 10000);

        // A board the project cannot fill is taken away again, and the error
        // box says why (here the database refuses a take on a board).
        window.timeline()->selectSegment(segment);
        QVERIFY(projects::execSql(window.project()->store().database(),
            "CREATE TRIGGER no_board_takes BEFORE INSERT ON board_takes BEGIN "
            "SELECT RAISE(ABORT, 'no takes on boards today'); END"));
        QTest::keyClick(window.timeline(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(int(window.project()->store().boards().size()), boardsBefore);
        auto* box = window.findChild<QMessageBox*>("errorMessage");
        QVERIFY(box);
        QCOMPARE(box->windowTitle(), QString("Cannot make the board"));
        QVERIFY2(box->text().contains("no takes on boards today"), qPrintable(box->text()));
        box->close();
        QVERIFY(projects::execSql(window.project()->store().database(), "DROP TRIGGER no_board_takes"));

        // A segment with fewer than two finished takes makes no board.
        projects::SegmentRecord empty;
        empty.position = int(window.project()->store().segments().size());
        window.timeline()->selectSegment(window.project()->addSegment(empty));
        QTest::keyClick(window.timeline(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(int(window.project()->store().boards().size()), boardsBefore);
        QVERIFY(window.statusBar()->currentMessage().startsWith("A board needs two finished takes"));
    }

    void exportsTheTimelineFromTheFileMenu()
    {
        // The project of the first test holds one finished take.
        app::MainWindow window(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(m_root.filePath("first")));
        window.findChild<QAction*>("actionExport")->trigger();
        auto* dialog = window.findChild<widgets::ExportDialog*>("exportDialog");
        QVERIFY(dialog);
        const int timeline = dialog->choiceBox()->findText("Timeline", Qt::MatchContains);
        QVERIFY(timeline >= 0);
        dialog->choiceBox()->setCurrentIndex(timeline);
        const QString out = m_root.filePath("timeline.gif");
        dialog->setOutputPath(out);
        QCOMPARE(dialog->settings().format, cosmos::engine::ExportRequest::Format::Gif);
        QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().startsWith("Wrote"), 30000);
        const cosmos::engine::DecodedClip clip = cosmos::engine::decodeClip(out.toStdString());
        QCOMPARE(clip.frames->frames, 9);
        QCOMPARE(clip.frames->width, 64 * dialog->settings().scale);
        QVERIFY(QFile::exists(out + ".json"));
    }

    void pausedQueueSurvivesARestart()
    {
        const QString folder = m_root.filePath("restart");
        {
            app::MainWindow window(nullptr);
            QVERIFY(window.newProject(folder, "Restart"));
            const qint64 segment = window.timeline()->selectedSegment();
            window.project()->setPrompt(segment, "a large green ball drops");
            useSmallTakes(*window.project(), segment, 4);
            window.bridge()->pauseQueue();
            window.inspector()->generateAction()->trigger();
            window.inspector()->generateAction()->trigger();
            QCOMPARE(window.project()->jobsModel().rowCount(), 2);
            QVERIFY(window.bridge()->isIdle());
            window.close();
        }
        app::MainWindow again(nullptr);
        QVERIFY(again.openProject(folder));
        QCOMPARE(again.project()->jobsModel().rowCount(), 2);
        for (const projects::JobRecord& job : again.project()->store().jobs())
            QCOMPARE(job.state, projects::JobState::Pending);
        QVERIFY(again.bridge()->isPaused());
        // Resumed, both run.
        QSignalSpy finished(again.bridge(), &app::EngineBridge::jobFinished);
        again.bridge()->resumeQueue();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
    }
};

QTEST_MAIN(TestStudioWindow)
#include "tst_studio_window.moc"
