// The document: undo and redo of every command, merging of bursts, the one
// change signal, staleness along Continue chains, the timeline model.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "projects/commands/command_ids.h"
#include "projects/commands/segment_commands.h"
#include "projects/project.h"
#include "projects/timeline_model.h"

using namespace cosmos::projects;

class TestProject : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Project> makeProject()
    {
        ProjectError error;
        auto store = ProjectStore::create(m_root.filePath(QString("p%1").arg(m_count++)), "p", &error);
        if (!store)
            qFatal("%s", qPrintable(error.message));
        return std::make_unique<Project>(std::move(store));
    }
    static QString prompts(Project& project)
    {
        QStringList list;
        for (const SegmentRecord& segment : project.store().segments())
            list << segment.prompt;
        return list.join(",");
    }
    static qint64 addTake(Project& project, qint64 segmentId)
    {
        TakeRecord take;
        take.segmentId = segmentId;
        take.status = TakeStatus::Done;
        return project.store().addTake(take).value_or(0);
    }
    static SegmentRecord segmentWith(const QString& prompt, Conditioning conditioning = Conditioning::Text)
    {
        SegmentRecord segment;
        segment.prompt = prompt;
        segment.conditioning = conditioning;
        segment.position = 1000; // append
        return segment;
    }

    QTemporaryDir m_root;
    int m_count = 0;

private slots:
    void addRemoveAndMoveUndo()
    {
        auto project = makeProject();
        QSignalSpy spy(project.get(), &Project::changed);
        const qint64 a = project->addSegment(segmentWith("a"));
        const qint64 b = project->addSegment(segmentWith("b"));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(0).at(0).value<ChangeEvent>().type, ChangeEvent::Type::SegmentAdded);
        QCOMPARE(prompts(*project), QString("a,b"));
        project->undoStack().undo();
        QCOMPARE(prompts(*project), QString("a"));
        project->undoStack().redo();
        QCOMPARE(prompts(*project), QString("a,b"));
        QCOMPARE(project->store().segments().last().id, b); // same id again

        project->moveSegment(a, 1);
        QCOMPARE(prompts(*project), QString("b,a"));
        project->undoStack().undo();
        QCOMPARE(prompts(*project), QString("a,b"));
        project->undoStack().redo();
        QCOMPARE(prompts(*project), QString("b,a"));

        const qint64 take = addTake(*project, a);
        QVERIFY(project->store().selectTake(a, take));
        project->removeSegment(a);
        QCOMPARE(prompts(*project), QString("b"));
        QVERIFY(!project->store().take(take));
        project->undoStack().undo(); // the segment and its takes come back as they were
        QCOMPARE(prompts(*project), QString("b,a"));
        QCOMPARE(project->store().take(take)->segmentId, a);
        QCOMPARE(project->store().selectedTakeId(a), take);
        project->undoStack().redo();
        QCOMPARE(prompts(*project), QString("b"));
        QCOMPARE(project->undoStack().command(project->undoStack().index() - 1)->id(), int(CommandId::RemoveSegment));
    }

    // A removal that found no segment (gone by other means) must not make
    // one up on undo: the command's snapshot is blank then.
    void undoingARemovalThatRemovedNothingAddsNothing()
    {
        auto project = makeProject();
        const qint64 a = project->addSegment(segmentWith("a"));
        const qint64 gone = a + 100;
        RemoveSegmentCommand command(*project, gone);
        command.redo();
        command.undo();
        QCOMPARE(prompts(*project), QString("a"));
        QVERIFY(!project->store().segment(gone));

        // And a real removal still undoes once, not twice.
        RemoveSegmentCommand real(*project, a);
        real.redo();
        QCOMPARE(prompts(*project), QString(""));
        real.undo();
        QCOMPARE(prompts(*project), QString("a"));
        real.undo();
        QCOMPARE(project->store().segments().size(), qsizetype(1));
    }

    // The schema's cascades cut a removed segment's takes from their boards
    // and jobs; undo must bring those back too, not only the rows.
    void undoingARemovalRestoresBoardPlacesAndJobs()
    {
        auto project = makeProject();
        auto& store = project->store();
        const qint64 a = project->addSegment(segmentWith("a"));
        const qint64 b = project->addSegment(segmentWith("b"));
        const qint64 t1 = addTake(*project, a);
        const qint64 t2 = addTake(*project, a);
        const qint64 other = addTake(*project, b);
        const qint64 sweep = project->addBoard("sweep").value_or(0);
        const qint64 picks = project->addBoard("picks").value_or(0);
        QVERIFY(project->addTakeToBoard(sweep, t2));
        QVERIFY(project->addTakeToBoard(sweep, other));
        QVERIFY(project->addTakeToBoard(sweep, t1));
        QVERIFY(project->addTakeToBoard(picks, t1));
        JobRecord job;
        job.segmentId = a;
        job.state = JobState::Done;
        job.takeIds = {t1, t2};
        const qint64 jobId = store.enqueueJob(job).value_or(0);
        QVERIFY(jobId > 0);

        QSignalSpy spy(project.get(), &Project::changed);
        project->removeSegment(a);
        QCOMPARE(store.boardTakes(sweep), QList<qint64>({other}));
        QVERIFY(store.boardTakes(picks).isEmpty());
        QCOMPARE(store.job(jobId)->segmentId, qint64(0));
        QVERIFY(store.job(jobId)->takeIds.isEmpty());
        QSet<qint64> boardsTold;
        for (const auto& arguments : spy) {
            const auto event = arguments.at(0).value<ChangeEvent>();
            if (event.type == ChangeEvent::Type::BoardsChanged)
                boardsTold.insert(event.boardId);
        }
        QCOMPARE(boardsTold, QSet<qint64>({sweep, picks})); // a board on show follows

        spy.clear();
        project->undoStack().undo();
        QCOMPARE(store.boardTakes(sweep), QList<qint64>({t2, other, t1})); // in their old places
        QCOMPARE(store.boardTakes(picks), QList<qint64>({t1}));
        QCOMPARE(store.job(jobId)->segmentId, a);
        QCOMPARE(store.job(jobId)->takeIds, QList<qint64>({t1, t2}));
        bool jobsTold = false;
        for (const auto& arguments : spy)
            jobsTold |= arguments.at(0).value<ChangeEvent>().type == ChangeEvent::Type::JobsChanged;
        QVERIFY(jobsTold);

        // What happened between the undo and a redo (a take finished, a take
        // went onto a board: both outside the undo stack) comes back too.
        const qint64 t3 = addTake(*project, a);
        QVERIFY(project->addTakeToBoard(picks, t3));
        project->undoStack().redo();
        QVERIFY(!store.take(t3));
        project->undoStack().undo();
        QVERIFY(store.take(t3));
        QCOMPARE(store.boardTakes(picks), QList<qint64>({t1, t3}));

        // A board removed meanwhile (outside the undo stack) stays removed;
        // the segment still comes back.
        project->undoStack().redo();
        QVERIFY(project->removeBoard(picks));
        project->undoStack().undo();
        QCOMPARE(prompts(*project), QString("a,b"));
        QCOMPARE(store.boardTakes(sweep), QList<qint64>({t2, other, t1}));
        QVERIFY(!store.board(picks));
    }

    void typingMergesIntoOneStep()
    {
        auto project = makeProject();
        const qint64 a = project->addSegment(segmentWith(""));
        const qint64 b = project->addSegment(segmentWith(""));
        const int before = project->undoStack().count();
        for (const char* text : {"a", "a r", "a re", "a red", "a red ball"})
            project->setPrompt(a, text);
        QCOMPARE(project->undoStack().count(), before + 1);
        QCOMPARE(project->store().segment(a)->prompt, QString("a red ball"));
        project->setPrompt(b, "other segment"); // does not merge into a's burst
        project->setNegativePrompt(a, "blur");
        project->setNegativePrompt(a, "blurry");
        QCOMPARE(project->undoStack().count(), before + 3);
        project->undoStack().undo();
        QCOMPARE(project->store().segment(a)->negativePrompt, QString());
        project->undoStack().undo();
        QCOMPARE(project->store().segment(b)->prompt, QString());
        project->undoStack().undo();
        QCOMPARE(project->store().segment(a)->prompt, QString());
        project->undoStack().redo();
        QCOMPARE(project->store().segment(a)->prompt, QString("a red ball"));
    }

    void sliderDragsMergePerKey()
    {
        auto project = makeProject();
        const qint64 a = project->addSegment(segmentWith("a"));
        const int before = project->undoStack().count();
        for (int steps = 10; steps <= 40; steps += 5)
            project->setSetting(a, "steps", steps);
        project->setSetting(a, "guidance", 7.5); // another key: another step
        QCOMPARE(project->undoStack().count(), before + 2);
        QCOMPARE(project->store().segment(a)->settings.value("steps").toInt(), 40);
        project->undoStack().undo();
        QVERIFY(!project->store().segment(a)->settings.contains("guidance"));
        project->undoStack().undo();
        QVERIFY(!project->store().segment(a)->settings.contains("steps"));
        project->undoStack().redo();
        QCOMPARE(project->store().segment(a)->settings.value("steps").toInt(), 40);
    }

    void conditioningIsUndoneAndNeverMerged()
    {
        auto project = makeProject();
        const qint64 a = project->addSegment(segmentWith("a"));
        const int before = project->undoStack().count();
        project->setConditioning(a, Conditioning::Image);
        project->setConditioning(a, Conditioning::Continue);
        QCOMPARE(project->undoStack().count(), before + 2);
        QCOMPARE(project->store().segment(a)->conditioning, Conditioning::Continue);
        project->undoStack().undo();
        QCOMPARE(project->store().segment(a)->conditioning, Conditioning::Image);
        project->undoStack().undo();
        QCOMPARE(project->store().segment(a)->conditioning, Conditioning::Text);
    }

    void selectionMarksTheContinueChainStale()
    {
        auto project = makeProject();
        // s0 (text) <- s1 (continue) <- s2 (continue) | s3 (text) <- s4 (continue)
        const qint64 s0 = project->addSegment(segmentWith("s0"));
        const qint64 s1 = project->addSegment(segmentWith("s1", Conditioning::Continue));
        const qint64 s2 = project->addSegment(segmentWith("s2", Conditioning::Continue));
        const qint64 s3 = project->addSegment(segmentWith("s3"));
        const qint64 s4 = project->addSegment(segmentWith("s4", Conditioning::Continue));
        const auto stale = [&] {
            QString flags;
            for (const qint64 id : {s0, s1, s2, s3, s4})
                flags += project->store().segment(id)->stale ? 'S' : '-';
            return flags;
        };
        const qint64 first = addTake(*project, s0);
        const qint64 second = addTake(*project, s0);
        QSignalSpy spy(project.get(), &Project::changed);
        project->selectTake(s0, first);
        QCOMPARE(stale(), QString("-SS--"));
        QCOMPARE(spy.first().at(0).value<ChangeEvent>().type, ChangeEvent::Type::TakeSelected);
        QCOMPARE(spy.first().at(0).value<ChangeEvent>().takeId, first);
        QCOMPARE(project->store().selectedTakeId(s0), first);
        project->undoStack().undo();
        QCOMPARE(stale(), QString("-----"));
        QCOMPARE(project->store().selectedTakeId(s0), 0);
        project->undoStack().redo();
        QCOMPARE(stale(), QString("-SS--"));
        project->selectTake(s0, second);
        QCOMPARE(project->store().selectedTakeId(s0), second);
        project->undoStack().undo(); // flags were already set: they stay
        QCOMPARE(stale(), QString("-SS--"));
        QCOMPARE(project->store().selectedTakeId(s0), first);

        // A change in the middle of the chain reaches only what follows it.
        project->undoStack().undo();
        QCOMPARE(stale(), QString("-----"));
        project->selectTake(s1, addTake(*project, s1));
        QCOMPARE(stale(), QString("--S--"));
        project->selectTake(s3, addTake(*project, s3));
        QCOMPARE(stale(), QString("--S-S"));
    }

    void theTimelineModelFollowsChanges()
    {
        auto project = makeProject();
        TimelineModel& model = project->timeline();
        QCOMPARE(model.rowCount(), 0);
        const qint64 a = project->addSegment(segmentWith("a"));
        const qint64 b = project->addSegment(segmentWith("b", Conditioning::Continue));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1), TimelineModel::ConditioningRole).toString(), QString("continue"));
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        project->setPrompt(a, "a ball");
        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(model.data(model.index(0)).toString(), QString("a ball"));
        const qint64 take = addTake(*project, a);
        project->selectTake(a, take);
        QCOMPARE(model.data(model.index(0), TimelineModel::SelectedTakeRole).toLongLong(), take);
        QVERIFY(model.data(model.index(1), TimelineModel::StaleRole).toBool());
        project->moveSegment(b, 0);
        QCOMPARE(model.data(model.index(0), TimelineModel::IdRole).toLongLong(), b);
        project->undoStack().undo();
        QCOMPARE(model.data(model.index(0), TimelineModel::IdRole).toLongLong(), a);
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
