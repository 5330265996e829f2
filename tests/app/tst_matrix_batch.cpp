// A prompt matrix queued into a real project and run by the real bridge
// with the nano model at tiny settings: exactly one job per cell with the
// cell's prompt, seed and guidance, a board that fills as the takes finish
// (in cell order even when the queue was reordered), and a segment whose
// prompt and selected take the batch leaves alone.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "app/engine_bridge.h"
#include "app/matrix_batch.h"
#include "engine/media/ffmpeg_log.h"
#include "projects/boards_model.h"
#include "projects/jobs_model.h"
#include "projects/project.h"

using namespace cosmos;
using namespace cosmos::projects;
using app::EngineBridge;

namespace {

constexpr int kTimeoutMs = 60000;

SegmentRecord tinySegment(const QString& prompt, const QJsonObject& extra = {})
{
    SegmentRecord segment;
    segment.prompt = prompt;
    segment.settings = {{"model", "nano"}, {"frames", 5}, {"steps", 2}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        segment.settings.insert(it.key(), it.value());
    segment.position = 1000; // appended
    return segment;
}

} // namespace

class TestMatrixBatch : public QObject {
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

    QTemporaryDir m_root;
    QTemporaryDir m_temp;

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid() && m_temp.isValid());
        qputenv("TMPDIR", m_temp.path().toUtf8());
        engine::media::routeFfmpegLog(engine::nullLogger());
    }

    void queuesOneJobPerCell()
    {
        auto project = makeProject("queue");
        const qint64 segment = project->addSegment(tinySegment("a ball", {{"seed", 7}, {"guidance", 4.0}}));
        QSignalSpy changes(project.get(), &Project::changed);

        MatrixAxes axes;
        axes.prompts = {"a red ball", "a blue ball", "a green ball"};
        axes.guidances = {2.0, 6.0};
        QString error;
        const auto batch = app::queueMatrix(*project, segment, axes, "Guidance", &error);
        QVERIFY2(batch, qPrintable(error));
        QCOMPARE(batch->jobIds.size(), 6);
        const auto board = project->store().board(batch->boardId);
        QVERIFY(board);
        QCOMPARE(board->name, QString("Guidance"));
        QVERIFY(board->takeIds.isEmpty());
        QCOMPARE(project->boardsModel().rowCount(), 1);
        QCOMPARE(project->jobsModel().rowCount(), 6);
        QCOMPARE(changes.count(), 2); // one for the board, one for the jobs

        const QList<JobRecord> jobs = project->store().jobs();
        QCOMPARE(jobs.size(), 6);
        for (int i = 0; i < 6; ++i) {
            const QJsonObject& request = jobs[i].request;
            QCOMPARE(jobs[i].id, batch->jobIds[i]);
            QCOMPARE(jobs[i].state, JobState::Pending);
            QCOMPARE(jobs[i].segmentId, segment);
            QCOMPARE(request["prompt"].toString(), axes.prompts[i / 2]);
            QCOMPARE(request["guidance"].toDouble(), axes.guidances[i % 2]);
            QCOMPARE(request["seed"].toInteger(), 7); // the segment's own
            QCOMPARE(request["frames"].toInt(), 5);
            QCOMPARE(request["steps"].toInt(), 2);
            QCOMPARE(request["segment_id"].toInteger(), segment);
            QCOMPARE(request["board_id"].toInteger(), batch->boardId);
            QCOMPARE(request["board_cell"].toInt(), i);
        }
        QCOMPARE(project->store().segment(segment)->prompt, QString("a ball"));

        // No fixed seed: one random draw shared by every cell.
        const qint64 unseeded = project->addSegment(tinySegment("a cube"));
        MatrixAxes prompts;
        prompts.prompts = {"a red cube", "a blue cube"};
        const auto second = app::queueMatrix(*project, unseeded, prompts, "", &error);
        QVERIFY2(second, qPrintable(error));
        const auto first = project->store().job(second->jobIds[0]);
        const auto other = project->store().job(second->jobIds[1]);
        QCOMPARE(first->request["seed"].toInteger(), other->request["seed"].toInteger());
        QCOMPARE(project->store().board(second->boardId)->name, QString("Matrix"));
    }

    void refusesWithoutLeavingAnything()
    {
        auto project = makeProject("refuse");
        const qint64 segment = project->addSegment(tinySegment("a ball"));
        QString error;
        MatrixAxes axes;
        axes.prompts = {"a red ball"};
        QVERIFY(!app::queueMatrix(*project, segment + 100, axes, "Nope", &error));
        QVERIFY2(error.contains("no segment"), qPrintable(error));

        for (qint64 seed = 0; seed < 257; ++seed)
            axes.seeds << seed;
        QVERIFY(!app::queueMatrix(*project, segment, axes, "Too big", &error));
        QVERIFY2(error.contains("257 takes"), qPrintable(error));

        // A write the store refuses halfway (read-only project is refused
        // before; here the jobs table is gone) rolls the board back too.
        QVERIFY(execSql(project->store().database(), "DROP TABLE job_takes"));
        QVERIFY(execSql(project->store().database(), "DROP TABLE jobs"));
        axes.seeds = {1, 2};
        QVERIFY(!app::queueMatrix(*project, segment, axes, "Half", &error));
        QVERIFY2(error.startsWith("Cannot queue the prompt matrix"), qPrintable(error));
        QVERIFY(project->store().boards().isEmpty());
    }

    void boardFillsAsTakesFinish()
    {
        auto project = makeProject("run");
        const qint64 segment = project->addSegment(tinySegment("a ball", {{"seed", 7}}));
        EngineBridge bridge;
        bridge.setThreads(1);
        bridge.setProject(project.get());
        QSignalSpy finished(&bridge, &EngineBridge::jobFinished);
        QSignalSpy failed(&bridge, &EngineBridge::jobFailed);
        // The board's size each time a job finishes: it fills as they do.
        QList<int> boardSizes;
        connect(&bridge, &EngineBridge::jobFinished, this, [&](qint64, qint64) {
            boardSizes << int(project->store().boardTakes(project->store().boards().value(0).id).size());
        });

        bridge.pauseQueue();
        MatrixAxes axes;
        axes.prompts = {"a red ball drops", "a blue ball rolls"};
        axes.seeds = {11, 12};
        QString error;
        const auto batch = app::queueMatrix(*project, segment, axes, "Colours", &error);
        QVERIFY2(batch, qPrintable(error));
        QCOMPARE(batch->jobIds.size(), 4);
        QCOMPARE(project->store().jobs().size(), 4);
        // The second cell runs first: the board still ends in cell order.
        QVERIFY(project->moveJob(batch->jobIds[1], 0));
        bridge.resumeQueue();

        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() == 4, kTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
        QCOMPARE(boardSizes, (QList<int> {1, 2, 3, 4}));
        QCOMPARE(finished.at(0).at(0).toLongLong(), batch->jobIds[1]);

        QHash<qint64, qint64> takeOfJob;
        for (const auto& args : finished)
            takeOfJob.insert(args.at(0).toLongLong(), args.at(1).toLongLong());
        const QList<qint64> boardTakes = project->store().boardTakes(batch->boardId);
        QCOMPARE(boardTakes.size(), 4);
        const QList<MatrixCell> cells = matrixCells(axes);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(boardTakes[i], takeOfJob.value(batch->jobIds[i]));
            const auto take = project->store().take(boardTakes[i]);
            QVERIFY(take);
            QCOMPARE(take->status, TakeStatus::Done);
            QCOMPARE(take->segmentId, segment);
            QCOMPARE(take->params["prompt"].toString(), cells[i].prompt);
            QCOMPARE(take->params["seed"].toInteger(), cells[i].seed);
            QCOMPARE(take->provenance["prompt"].toString(), cells[i].prompt);
            QCOMPARE(project->store().job(batch->jobIds[i])->state, JobState::Done);
        }
        QCOMPARE(project->boardsModel().data(project->boardsModel().index(0), BoardsModel::TakeCountRole).toInt(), 4);

        // The segment keeps its prompt; its first finished take is selected
        // (it had none), and the later ones did not replace it.
        const auto after = project->store().segment(segment);
        QCOMPARE(after->prompt, QString("a ball"));
        QCOMPARE(project->store().selectedTakeId(segment), takeOfJob.value(batch->jobIds[1]));
        QCOMPARE(project->store().takes(segment).size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestMatrixBatch)
#include "tst_matrix_batch.moc"
