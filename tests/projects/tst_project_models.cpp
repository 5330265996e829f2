// The project's list models (takes of a segment, the job queue) following
// generation results, removals and undo/redo, and the UI state kept in the
// project across a close and reopen.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "projects/jobs_model.h"
#include "projects/project.h"
#include "projects/takes_model.h"
#include "projects/timeline_model.h"

using namespace cosmos::projects;

class TestProjectModels : public QObject {
    Q_OBJECT
private:
    QString newFolder() { return m_root.filePath(QString("p%1").arg(m_count++)); }
    static std::unique_ptr<Project> makeProject(const QString& folder)
    {
        ProjectError error;
        auto store = ProjectStore::create(folder, "p", &error);
        if (!store)
            qFatal("%s", qPrintable(error.message));
        return std::make_unique<Project>(std::move(store));
    }
    static SegmentRecord appended(const QString& prompt)
    {
        SegmentRecord segment;
        segment.prompt = prompt;
        segment.position = 1000;
        return segment;
    }
    static JobRecord jobFor(qint64 segmentId)
    {
        JobRecord job;
        job.segmentId = segmentId;
        return job;
    }
    static QVariant at(const QAbstractItemModel& model, int row, int role)
    {
        return model.data(model.index(row, 0), role);
    }
    static QList<qint64> jobIds(const JobsModel& model)
    {
        QList<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids << at(model, row, JobsModel::IdRole).toLongLong();
        return ids;
    }

    QTemporaryDir m_root;
    int m_count = 0;

private slots:
    void takesFollowResultsAndUndo()
    {
        auto project = makeProject(newFolder());
        TakesModel& model = project->takesModel();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 a = project->addSegment(appended("a"));
        const qint64 b = project->addSegment(appended("b"));
        model.setSegment(a);
        QCOMPARE(model.rowCount(), 0);

        TakeRecord take;
        take.segmentId = a;
        take.status = TakeStatus::Running;
        take.params = {{"seed", 42}, {"guidance", 5.5}};
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const qint64 first = project->addTake(take).value_or(0);
        QVERIFY(first > 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(at(model, 0, TakesModel::IdRole).toLongLong(), first);
        QCOMPARE(at(model, 0, TakesModel::StatusRole).toString(), QString("running"));
        QCOMPARE(at(model, 0, TakesModel::SeedRole).toLongLong(), 42);
        QCOMPARE(at(model, 0, TakesModel::GuidanceRole).toDouble(), 5.5);
        QVERIFY(at(model, 0, TakesModel::ClipPathRole).toString().isEmpty());
        QVERIFY(!at(model, 0, TakesModel::SelectedRole).toBool());

        TakeRecord other;
        other.segmentId = b;
        project->addTake(other); // another segment's: not a row here
        QCOMPARE(model.rowCount(), 1);
        TakeRecord noParams;
        noParams.segmentId = a;
        const qint64 second = project->addTake(noParams).value_or(0);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!at(model, 1, TakesModel::SeedRole).isValid());

        take.id = first;
        take.status = TakeStatus::Done;
        take.clip = {"media/clip.mp4", "00", 10};
        take.durationMs = 1234;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(project->updateTake(take));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(at(model, 0, TakesModel::StatusRole).toString(), QString("done"));
        QCOMPARE(at(model, 0, TakesModel::ClipPathRole).toString(), QString("media/clip.mp4"));
        QVERIFY(at(model, 0, TakesModel::ClipFileRole).toString().endsWith("/media/clip.mp4"));
        QCOMPARE(at(model, 0, TakesModel::DurationRole).toLongLong(), 1234);

        project->selectTake(a, second);
        QVERIFY(at(model, 1, TakesModel::SelectedRole).toBool());
        project->undoStack().undo();
        QVERIFY(!at(model, 1, TakesModel::SelectedRole).toBool());
        project->undoStack().redo();
        QVERIFY(at(model, 1, TakesModel::SelectedRole).toBool());

        project->removeSegment(a); // its takes go with it
        QCOMPARE(model.rowCount(), 0);
        project->undoStack().undo(); // and come back, selection included
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(at(model, 0, TakesModel::IdRole).toLongLong(), first);
        QVERIFY(at(model, 1, TakesModel::SelectedRole).toBool());
        project->undoStack().redo();
        QCOMPARE(model.rowCount(), 0);

        model.setSegment(b);
        QCOMPARE(model.rowCount(), 1);
        model.setSegment(0);
        QCOMPARE(model.rowCount(), 0);
    }

    void jobsFollowTheQueue()
    {
        auto project = makeProject(newFolder());
        JobsModel& model = project->jobsModel();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 a = project->addSegment(appended("a"));
        QSignalSpy timelineReset(&project->timeline(), &QAbstractItemModel::modelReset);

        const qint64 j1 = project->enqueueJob(jobFor(a)).value_or(0);
        const qint64 j2 = project->enqueueJob(jobFor(0)).value_or(0);
        const qint64 j3 = project->enqueueJob(jobFor(0)).value_or(0);
        QCOMPARE(jobIds(model), (QList<qint64> {j1, j2, j3}));
        QCOMPARE(at(model, 0, JobsModel::StateRole).toString(), QString("pending"));
        QCOMPARE(at(model, 0, JobsModel::SegmentIdRole).toLongLong(), a);
        QCOMPARE(timelineReset.count(), 0); // the queue is not the timeline's business

        QVERIFY(project->setJobState(j2, JobState::Failed, "out of memory"));
        QCOMPARE(at(model, 1, JobsModel::StateRole).toString(), QString("failed"));
        QCOMPARE(at(model, 1, JobsModel::ErrorRole).toString(), QString("out of memory"));
        QVERIFY(project->setJobPriority(j3, 5));
        QCOMPARE(at(model, 2, JobsModel::PriorityRole).toInt(), 5);

        QVERIFY(project->moveJob(j3, 0));
        QCOMPARE(jobIds(model), (QList<qint64> {j3, j1, j2}));
        for (int row = 0; row < 3; ++row)
            QCOMPARE(at(model, row, JobsModel::PositionRole).toInt(), row);

        QVERIFY(project->removeJob(j3));
        QCOMPARE(jobIds(model), (QList<qint64> {j1, j2}));
        QVERIFY(!project->removeJob(j3)); // a failed write reports nothing
        QCOMPARE(model.rowCount(), 2);

        project->removeSegment(a); // its job stays, without a segment
        QCOMPARE(at(model, 0, JobsModel::SegmentIdRole).toLongLong(), 0);
        project->undoStack().undo();
        QCOMPARE(jobIds(model), (QList<qint64> {j1, j2}));
    }

    void uiStateFromJson()
    {
        QCOMPARE(ProjectUiState::fromJson({}), ProjectUiState());
        const ProjectUiState state = ProjectUiState::fromJson({{"timelineZoom", "big"}, {"playheadFrame", 7}});
        QCOMPARE(state.timelineZoom, 1.0); // mistyped: the default
        QCOMPARE(state.playheadFrame, 7);
    }

    void uiStateSurvivesReopen()
    {
        const QString folder = newFolder();
        ProjectUiState later;
        {
            auto project = makeProject(folder);
            QVERIFY(project->store().setSettings({{"other", 1}}));
            QCOMPARE(project->uiState(), ProjectUiState());
            ProjectUiState state;
            state.selectedSegmentId = project->addSegment(appended("a"));
            state.timelineZoom = 2.5;
            state.playheadFrame = 120;
            state.previewZoom = 0.0;
            project->setUiState(state);
            QCOMPARE(readUiState(project->store()), ProjectUiState()); // not yet: debounced
            QTRY_COMPARE_WITH_TIMEOUT(readUiState(project->store()), state, 5 * Project::kUiSaveDelayMs);
            QCOMPARE(project->store().settings().value("other").toInt(), 1);

            later = state;
            later.playheadFrame = 240;
            project->setUiState(later); // pending when the project closes
        }
        ProjectError error;
        auto store = ProjectStore::open(folder, &error);
        QVERIFY2(store, qPrintable(error.message));
        Project reopened(std::move(store));
        QCOMPARE(reopened.uiState(), later);
        QCOMPARE(reopened.store().settings().value("other").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProjectModels)
#include "tst_project_models.moc"
