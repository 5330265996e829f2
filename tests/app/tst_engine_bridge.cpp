// The bridge between the studio and the engine, with a real project and the
// real nano model on one thread: takes recorded into the project with their
// clip and thumbnail, stopping within a step, pausing, a queue that survives
// a restart paused, failures that do not stop the queue, and previews that
// a lagging GUI receives coalesced.
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "app/engine_bridge.h"
#include "app/job_request.h"
#include "engine/media/ffmpeg_log.h"
#include "projects/project.h"

using namespace cosmos;
using namespace cosmos::projects;
using app::EngineBridge;

namespace {

constexpr int kTimeoutMs = 30000;

QJsonObject tinySettings(int frames = 5, int steps = 2)
{
    return {{"model", "nano"}, {"frames", frames}, {"steps", steps}, {"seed", 7}};
}

SegmentRecord segmentWith(
    const QString& prompt, const QJsonObject& settings, Conditioning conditioning = Conditioning::Text)
{
    SegmentRecord segment;
    segment.prompt = prompt;
    segment.settings = settings;
    segment.conditioning = conditioning;
    segment.position = 1000; // appended
    return segment;
}

// The signals of one bridge, by job.
struct Signals {
    explicit Signals(EngineBridge& bridge)
        : started(&bridge, &EngineBridge::jobStarted),
          progress(&bridge, &EngineBridge::jobProgress),
          preview(&bridge, &EngineBridge::jobPreview),
          finished(&bridge, &EngineBridge::jobFinished),
          failed(&bridge, &EngineBridge::jobFailed),
          cancelled(&bridge, &EngineBridge::jobCancelled),
          idle(&bridge, &EngineBridge::idleChanged),
          paused(&bridge, &EngineBridge::pausedChanged)
    {
    }
    QSignalSpy started, progress, preview, finished, failed, cancelled, idle, paused;

    bool finishedJob(qint64 jobId) const
    {
        for (const auto& args : finished)
            if (args.at(0).toLongLong() == jobId)
                return true;
        return false;
    }
    QStringList phases(qint64 jobId) const
    {
        QStringList list;
        for (const auto& args : progress)
            if (args.at(0).toLongLong() == jobId && !list.contains(args.at(4).toString()))
                list << args.at(4).toString();
        return list;
    }
};

} // namespace

class TestEngineBridge : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Project> makeProject(const QString& name)
    {
        ProjectError error;
        auto store = ProjectStore::create(m_root.filePath(name), name, &error);
        if (!store)
            qFatal("%s", qPrintable(error.message));
        return std::make_unique<Project>(std::move(store));
    }

    // The engine's temporary take folders still on disk.
    QStringList temporaryFolders() const
    {
        return QDir(m_temp.path()).entryList({"cosmos-take-*"}, QDir::Dirs | QDir::NoDotAndDotDot);
    }

    QTemporaryDir m_root;
    QTemporaryDir m_temp; // TMPDIR of this test: where the engine writes takes first

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid() && m_temp.isValid());
        qputenv("TMPDIR", m_temp.path().toUtf8());
        engine::media::routeFfmpegLog(engine::nullLogger()); // libx264's statistics are noise here
        QCOMPARE(QDir::tempPath(), QDir(m_temp.path()).canonicalPath());
    }

    void generatesATakeIntoTheProject()
    {
        auto project = makeProject("generate");
        const qint64 segment = project->addSegment(segmentWith("a red ball bounces to the right", tinySettings(9, 2)));
        EngineBridge bridge;
        bridge.setThreads(1);
        bridge.setProject(project.get());
        QVERIFY(!bridge.isPaused());
        Signals spy(bridge);

        const qint64 job = bridge.generateSegment(segment);
        QVERIFY2(job > 0, qPrintable(bridge.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(spy.finished.count() + spy.failed.count() == 1, kTimeoutMs);
        QVERIFY2(spy.failed.isEmpty(), qPrintable(spy.failed.value(0).value(1).toString()));
        QCOMPARE(spy.started.count(), 1);
        QCOMPARE(spy.started.at(0).at(0).toLongLong(), job);
        QVERIFY(spy.phases(job).contains("loading")); // the first take loads the model
        QVERIFY(spy.phases(job).contains("sampling"));
        const auto lastSampling = std::find_if(spy.progress.rbegin(), spy.progress.rend(),
            [](const QList<QVariant>& args) { return args.at(4).toString() == "sampling"; });
        QVERIFY(lastSampling != spy.progress.rend());
        QCOMPARE(lastSampling->at(1).toInt(), 2);
        QCOMPARE(lastSampling->at(2).toInt(), 2);
        QVERIFY(spy.preview.count() >= 1);
        const auto frames = spy.preview.last().at(1).value<engine::PreviewPtr>();
        QVERIFY(frames);
        QCOMPARE(frames->frames, 9);
        // Every report came from the engine's thread, not this (GUI) one.
        QCOMPARE(bridge.reportsOnOwnThread(), 0);

        // The take: done, its files in the project's media, selected, linked to its job.
        QCOMPARE(spy.finished.at(0).at(0).toLongLong(), job);
        const qint64 takeId = spy.finished.at(0).at(1).toLongLong();
        ProjectStore& store = project->store();
        const auto take = store.take(takeId);
        QVERIFY(take);
        QCOMPARE(take->status, TakeStatus::Done);
        QCOMPARE(take->segmentId, segment);
        QVERIFY(take->clip.path.startsWith("media/clips/"));
        QVERIFY(QFileInfo::exists(store.media().absolutePath(take->clip.path)));
        QVERIFY(!take->latents.isNull());
        QVERIFY(QFileInfo::exists(store.media().absolutePath(take->latents.path)));
        QVERIFY(!take->thumbnail.isNull());
        const QImage thumbnail(store.media().absolutePath(take->thumbnail.path));
        QCOMPARE(thumbnail.size(), QSize(64, 64));
        QCOMPARE(take->params["frames"].toInt(), 9);
        QCOMPARE(take->params["prompt"].toString(), QString("a red ball bounces to the right"));
        QCOMPARE(take->provenance["prompt"].toString(), QString("a red ball bounces to the right"));
        QCOMPARE(store.selectedTakeId(segment), takeId);
        const auto record = store.job(job);
        QCOMPARE(record->state, JobState::Done);
        QCOMPARE(record->takeIds, QList<qint64> {takeId});

        QVERIFY(bridge.isIdle());
        QCOMPARE(spy.idle.count(), 2); // busy, then idle again
        QCOMPARE(spy.idle.at(0).at(0).toBool(), false);
        QCOMPARE(spy.idle.at(1).at(0).toBool(), true);
        QTRY_VERIFY(temporaryFolders().isEmpty());

        // The second take reuses the loaded model and is not selected over the first.
        const qint64 second = bridge.generateSegment(segment);
        QTRY_VERIFY_WITH_TIMEOUT(spy.finishedJob(second), kTimeoutMs);
        QVERIFY(!spy.phases(second).contains("loading"));
        QCOMPARE(store.selectedTakeId(segment), takeId);
        QCOMPARE(store.takes(segment).size(), 2);
    }

    void stopsWithinOneStep()
    {
        auto project = makeProject("stop");
        const qint64 segment = project->addSegment(segmentWith("a ball rolls", tinySettings(9, 40)));
        EngineBridge bridge;
        bridge.setThreads(1);
        bridge.setProject(project.get());
        Signals spy(bridge);

        QElapsedTimer sinceRequest;
        int stepsBeforeRequest = 0;
        double stepSeconds = 0; // the mean step time so far: eta / steps left
        connect(&bridge, &EngineBridge::jobProgress, this,
            [&](qint64, int step, int steps, double eta, const QString& phase) {
                if (phase != "sampling" || step < 2 || sinceRequest.isValid())
                    return;
                stepsBeforeRequest = step;
                stepSeconds = eta / (steps - step);
                sinceRequest.start();
                bridge.cancelRunning(engine::CancelMode::StopNow);
            });
        const qint64 job = bridge.generateSegment(segment);
        QTRY_VERIFY_WITH_TIMEOUT(spy.cancelled.count() + spy.finished.count() + spy.failed.count() == 1, kTimeoutMs);
        const double latency = double(sinceRequest.nsecsElapsed()) / 1e9;
        QCOMPARE(spy.cancelled.count(), 1);
        QCOMPARE(spy.cancelled.at(0).at(0).toLongLong(), job);

        int lastStep = 0;
        int stepsAfterRequest = 0;
        for (const auto& args : spy.progress) {
            if (args.at(4).toString() != "sampling")
                continue;
            lastStep = args.at(1).toInt();
            stepsAfterRequest += lastStep > stepsBeforeRequest;
        }
        qInfo("cancel: requested after step %d, stopped after step %d, %.3f s later; a step takes %.3f s",
            stepsBeforeRequest, lastStep, latency, stepSeconds);
        // The step under way when the request came may complete; no other.
        QVERIFY2(stepsAfterRequest <= 1, qPrintable(QString::number(stepsAfterRequest)));
        QVERIFY(lastStep < 40);
        QVERIFY2(latency < stepSeconds * 1.5 + 0.25, qPrintable(QString::number(latency)));

        QVERIFY(bridge.isIdle());
        QVERIFY(spy.finished.isEmpty());
        QCOMPARE(project->store().job(job)->state, JobState::Cancelled);
        const QList<TakeRecord> takes = project->store().takes(segment);
        QCOMPARE(takes.size(), 1);
        QCOMPARE(takes[0].status, TakeStatus::Cancelled);
        QVERIFY(takes[0].clip.isNull());
        QTRY_VERIFY(temporaryFolders().isEmpty());
    }

    void pausesAndResumes()
    {
        auto project = makeProject("pause");
        const qint64 a = project->addSegment(segmentWith("a red ball", tinySettings()));
        const qint64 b = project->addSegment(segmentWith("a blue ball", tinySettings()));
        EngineBridge bridge;
        bridge.setThreads(1);
        bridge.setProject(project.get());
        Signals spy(bridge);

        bridge.pauseQueue();
        QVERIFY(bridge.isPaused());
        QCOMPARE(spy.paused.count(), 1);
        const qint64 first = bridge.generateSegment(a);
        const qint64 second = bridge.generateSegment(b);
        const qint64 third = bridge.generateSegment(a);
        QTest::qWait(100);
        QVERIFY(bridge.isIdle());
        QVERIFY(spy.started.isEmpty());
        QCOMPARE(project->store().job(first)->state, JobState::Pending);

        // A pending job is cancelled in the store alone.
        bridge.cancelJob(third);
        QCOMPARE(project->store().job(third)->state, JobState::Cancelled);
        QCOMPARE(spy.cancelled.count(), 1);

        // Reordering pending jobs is the store's business: the second goes first.
        QVERIFY(project->moveJob(second, 0));
        bridge.resumeQueue();
        QVERIFY(!bridge.isPaused());
        QTRY_COMPARE_WITH_TIMEOUT(spy.started.count(), 1, kTimeoutMs);
        QCOMPARE(spy.started.at(0).at(0).toLongLong(), second);
        bridge.pauseQueue(); // the running job finishes; the next waits
        QTRY_VERIFY_WITH_TIMEOUT(spy.finishedJob(second), kTimeoutMs);
        QTest::qWait(100);
        QCOMPARE(spy.started.count(), 1);
        QVERIFY(bridge.isIdle());
        QCOMPARE(project->store().job(first)->state, JobState::Pending);

        bridge.resumeQueue();
        QTRY_VERIFY_WITH_TIMEOUT(spy.finishedJob(first), kTimeoutMs);
        QCOMPARE(project->store().job(third)->state, JobState::Cancelled); // never run
        QCOMPARE(spy.started.count(), 2);
    }

    void restoresTheQueuePausedOnOpen()
    {
        const QString folder = m_root.filePath("restore");
        qint64 pending = 0;
        qint64 interrupted = 0;
        {
            auto project = makeProject("restore");
            const qint64 segment = project->addSegment(segmentWith("a red ball", tinySettings()));
            QString error;
            JobRecord job;
            job.segmentId = segment;
            job.request = *app::requestForSegment(*project, segment, &error);
            pending = *project->enqueueJob(job);
            interrupted = *project->enqueueJob(job);
            QVERIFY(project->setJobState(interrupted, JobState::Interrupted));
        }
        ProjectError error;
        auto store = ProjectStore::open(folder, &error);
        QVERIFY2(store, qPrintable(error.message));
        Project project(std::move(store));

        EngineBridge bridge;
        bridge.setThreads(1);
        Signals spy(bridge);
        bridge.setProject(&project);
        QVERIFY(bridge.isPaused());
        QCOMPARE(spy.paused.count(), 1);
        QCOMPARE(spy.paused.at(0).at(0).toBool(), true);
        QTest::qWait(100);
        QVERIFY(spy.started.isEmpty());

        bridge.resumeQueue();
        QTRY_VERIFY_WITH_TIMEOUT(spy.finishedJob(pending), kTimeoutMs);
        QTest::qWait(100);
        QCOMPARE(project.store().job(interrupted)->state, JobState::Interrupted);
        QCOMPARE(spy.started.count(), 1);

        // Closing the project: the bridge lets go, nothing runs.
        bridge.setProject(nullptr);
        QVERIFY(bridge.isIdle());
    }

    void failureDoesNotStopTheQueue()
    {
        auto project = makeProject("fail");
        const qint64 first = project->addSegment(segmentWith("a red ball", tinySettings()));
        const qint64 second
            = project->addSegment(segmentWith("it rolls on", tinySettings(9, 2), Conditioning::Continue));
        EngineBridge bridge;
        bridge.setThreads(1);
        bridge.setProject(project.get());
        Signals spy(bridge);

        // Continue before the first segment has a take: fails, the next job runs.
        const qint64 continued = bridge.generateSegment(second);
        const qint64 plain = bridge.generateSegment(first);
        QTRY_VERIFY_WITH_TIMEOUT(spy.finishedJob(plain), kTimeoutMs);
        QCOMPARE(spy.failed.count(), 1);
        QCOMPARE(spy.failed.at(0).at(0).toLongLong(), continued);
        const QString message = spy.failed.at(0).at(1).toString();
        QCOMPARE(message, QString("segment 1 has no finished take to continue from"));
        QCOMPARE(project->store().job(continued)->state, JobState::Failed);
        QCOMPARE(project->store().job(continued)->error, message);

        // Now there is one: the second segment continues from its latent.
        const qint64 again = bridge.generateSegment(second);
        QTRY_VERIFY_WITH_TIMEOUT(spy.finishedJob(again) || spy.failed.count() > 1, kTimeoutMs);
        QVERIFY2(spy.failed.count() == 1, qPrintable(spy.failed.last().at(1).toString()));
        const qint64 takeId = spy.finished.last().at(1).toLongLong();
        const auto take = project->store().take(takeId);
        const auto previous = project->store().take(project->store().selectedTakeId(first));
        QCOMPARE(take->params["mode"].toString(), QString("continue"));
        QCOMPARE(take->params["continue"].toString(), project->store().media().absolutePath(previous->latents.path));
    }

    void lateViewsGetOnlyTheNewestPreview()
    {
        auto project = makeProject("previews");
        const qint64 segment = project->addSegment(segmentWith("a red ball", tinySettings(5, 6)));
        EngineBridge bridge;
        bridge.setThreads(1);
        bridge.setProject(project.get());
        Signals spy(bridge);

        bridge.generateSegment(segment);
        QTRY_COMPARE_WITH_TIMEOUT(spy.started.count(), 1, kTimeoutMs);
        // The GUI thread is busy until the engine has written the clip: every
        // step's preview has been sent by then.
        QElapsedTimer busy;
        busy.start();
        const auto clipWritten = [this] {
            for (const QString& folder : temporaryFolders())
                if (QFileInfo::exists(QDir(m_temp.path()).filePath(folder + "/take.mp4")))
                    return true;
            return false;
        };
        while (!clipWritten() && busy.elapsed() < kTimeoutMs)
            QThread::msleep(20);
        QVERIFY(clipWritten());
        QTRY_COMPARE_WITH_TIMEOUT(spy.finished.count(), 1, kTimeoutMs);
        QCOMPARE(spy.preview.count(), 1);
        QCOMPARE(spy.preview.at(0).at(1).value<engine::PreviewPtr>()->step, 6);
        int samplingSteps = 0;
        for (const auto& args : spy.progress)
            samplingSteps += args.at(4).toString() == "sampling" && args.at(1).toInt() > 0;
        QCOMPARE(samplingSteps, 6); // progress is never dropped
    }
};

QTEST_GUILESS_MAIN(TestEngineBridge)
#include "tst_engine_bridge.moc"
