// Comparison boards: the store's rows and refusals, the project's boards
// model following every write, and both surviving a close and reopen.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "projects/boards_model.h"
#include "projects/project.h"
#include "projects/timeline_model.h"

using namespace cosmos::projects;

class TestBoards : public QObject {
    Q_OBJECT
private:
    QString newFolder() { return m_root.filePath(QString("p%1").arg(m_count++)); }
    static std::unique_ptr<ProjectStore> makeStore(const QString& folder)
    {
        ProjectError error;
        auto store = ProjectStore::create(folder, "p", &error);
        if (!store)
            qFatal("%s", qPrintable(error.message));
        return store;
    }
    static qint64 addSegment(ProjectStore& store)
    {
        SegmentRecord segment;
        segment.position = 1000; // appended
        return store.insertSegment(segment).value_or(0);
    }
    static qint64 addTake(ProjectStore& store, qint64 segmentId)
    {
        TakeRecord take;
        take.segmentId = segmentId;
        return store.addTake(take).value_or(0);
    }
    static QList<QString> boardNames(ProjectStore& store)
    {
        QList<QString> names;
        for (const BoardRecord& board : store.boards())
            names << board.name;
        return names;
    }
    // Positions stay 0..n-1 in board order.
    static bool positionsDense(ProjectStore& store)
    {
        const QList<BoardRecord> boards = store.boards();
        for (int row = 0; row < boards.size(); ++row) {
            if (boards[row].position != row)
                return false;
        }
        return true;
    }
    static bool refused(ProjectStore& store, bool ok)
    {
        return !ok && store.lastError().code == ProjectError::Code::InvalidArgument
            && !store.lastError().message.isEmpty();
    }
    static QVariant at(const QAbstractItemModel& model, int row, int role)
    {
        return model.data(model.index(row, 0), role);
    }
    static QVariantList ids(std::initializer_list<qint64> values)
    {
        QVariantList list;
        for (const qint64 value : values)
            list << value;
        return list;
    }

    QTemporaryDir m_root;
    int m_count = 0;

private slots:
    void boardsAddRenameRemove()
    {
        auto store = makeStore(newFolder());
        QVERIFY(store->boards().isEmpty());
        const qint64 a = store->addBoard("seeds").value_or(0);
        const qint64 b = store->addBoard("guidance").value_or(0);
        const qint64 c = store->addBoard("").value_or(0); // an unnamed board is allowed
        QVERIFY(a > 0 && b > 0 && c > 0);
        QCOMPARE(boardNames(*store), (QList<QString> {"seeds", "guidance", ""}));
        QVERIFY(store->board(a)->createdAt.isValid());

        QVERIFY(store->renameBoard(c, "shift"));
        QCOMPARE(store->board(c)->name, QString("shift"));
        QVERIFY(store->removeBoard(b));
        QVERIFY(!store->board(b));
        // Positions close up, so the next board goes at the end.
        QCOMPARE(boardNames(*store), (QList<QString> {"seeds", "shift"}));
        QVERIFY(positionsDense(*store));
        QVERIFY(store->addBoard("steps"));
        QCOMPARE(boardNames(*store), (QList<QString> {"seeds", "shift", "steps"}));
        QVERIFY(positionsDense(*store));

        QVERIFY(refused(*store, store->renameBoard(b, "gone")));
        QVERIFY(refused(*store, store->removeBoard(b)));
        QVERIFY(refused(*store, store->removeBoard(0)));
        QCOMPARE(store->boards().size(), 3);
    }

    void takesInOrderAtMostOnce()
    {
        auto store = makeStore(newFolder());
        const qint64 s1 = addSegment(*store);
        const qint64 s2 = addSegment(*store);
        const qint64 t1 = addTake(*store, s1);
        const qint64 t2 = addTake(*store, s1);
        const qint64 t3 = addTake(*store, s2);
        const qint64 board = store->addBoard("b").value_or(0);
        const qint64 other = store->addBoard("o").value_or(0);

        // Takes of any segment, in the order they were added, not by id.
        QVERIFY(store->addTakeToBoard(board, t3));
        QVERIFY(store->addTakeToBoard(board, t1));
        QVERIFY(store->addTakeToBoard(board, t2));
        QCOMPARE(store->boardTakes(board), (QList<qint64> {t3, t1, t2}));
        QCOMPARE(store->board(board)->takeIds, (QList<qint64> {t3, t1, t2}));

        QVERIFY(refused(*store, store->addTakeToBoard(board, t1))); // already there
        QCOMPARE(store->boardTakes(board), (QList<qint64> {t3, t1, t2}));
        QVERIFY(store->addTakeToBoard(other, t1)); // once per board, not once overall
        QCOMPARE(store->boardTakes(other), (QList<qint64> {t1}));

        QVERIFY(refused(*store, store->addTakeToBoard(board, t3 + 100))); // no such take
        QVERIFY(refused(*store, store->addTakeToBoard(other + 100, t1))); // no such board
        QVERIFY(refused(*store, store->removeTakeFromBoard(other + 100, t1)));
        QVERIFY(refused(*store, store->removeTakeFromBoard(other, t2))); // not on it

        QVERIFY(store->removeTakeFromBoard(board, t1));
        QCOMPARE(store->boardTakes(board), (QList<qint64> {t3, t2}));
        QVERIFY(store->addTakeToBoard(board, t1)); // back, at the end
        QCOMPARE(store->boardTakes(board), (QList<qint64> {t3, t2, t1}));

        // Deleting a segment takes its takes off every board; what is left
        // keeps its order, and an append still goes last.
        QVERIFY(store->removeSegment(s2));
        QCOMPARE(store->boardTakes(board), (QList<qint64> {t2, t1}));
        const qint64 t4 = addTake(*store, s1);
        QVERIFY(store->addTakeToBoard(board, t4));
        QCOMPARE(store->boardTakes(board), (QList<qint64> {t2, t1, t4}));

        // Removing a board leaves its takes alone.
        QVERIFY(store->removeBoard(board));
        QVERIFY(store->boardTakes(board).isEmpty());
        QVERIFY(store->take(t4));
        QCOMPARE(store->boardTakes(other), (QList<qint64> {t1}));
    }

    void readOnlyRefusesWrites()
    {
        const QString folder = newFolder();
        qint64 board = 0;
        {
            auto store = makeStore(folder);
            board = store->addBoard("b").value_or(0);
        }
        ProjectError error;
        auto copy = ProjectStore::openReadOnlyCopy(folder, &error);
        QVERIFY2(copy, qPrintable(error.message));
        QCOMPARE(copy->boards().size(), 1);
        QVERIFY(!copy->addBoard("x"));
        QCOMPARE(int(copy->lastError().code), int(ProjectError::Code::ReadOnly));
        QVERIFY(!copy->renameBoard(board, "x"));
        QCOMPARE(int(copy->lastError().code), int(ProjectError::Code::ReadOnly));
    }

    void modelFollowsWrites()
    {
        Project project(makeStore(newFolder()));
        BoardsModel& model = project.boardsModel();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.roleNames().value(BoardsModel::TakeIdsRole), QByteArray("takeIds"));
        SegmentRecord segment;
        const qint64 s = project.addSegment(segment);
        const qint64 t1 = addTake(project.store(), s);
        const qint64 t2 = addTake(project.store(), s);
        QSignalSpy timelineReset(&project.timeline(), &QAbstractItemModel::modelReset);
        QSignalSpy events(&project, &Project::changed);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const qint64 a = project.addBoard("seeds").value_or(0);
        const qint64 b = project.addBoard("guidance").value_or(0);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(events.count(), 2);
        const auto event = events.last().at(0).value<ChangeEvent>();
        QCOMPARE(int(event.type), int(ChangeEvent::Type::BoardsChanged));
        QCOMPARE(event.boardId, b);
        QCOMPARE(at(model, 0, BoardsModel::IdRole).toLongLong(), a);
        QCOMPARE(at(model, 0, BoardsModel::NameRole).toString(), QString("seeds"));
        QCOMPARE(at(model, 1, Qt::DisplayRole).toString(), QString("guidance"));
        QCOMPARE(at(model, 0, BoardsModel::TakeCountRole).toInt(), 0);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(project.renameBoard(a, "seed sweep"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(at(model, 0, BoardsModel::NameRole).toString(), QString("seed sweep"));
        QVERIFY(project.addTakeToBoard(a, t2));
        QVERIFY(project.addTakeToBoard(a, t1));
        QCOMPARE(at(model, 0, BoardsModel::TakeCountRole).toInt(), 2);
        QCOMPARE(at(model, 0, BoardsModel::TakeIdsRole).toList(), ids({t2, t1}));

        // A refused write reports nothing and changes no row.
        events.clear();
        QVERIFY(!project.addTakeToBoard(a, t1));
        QVERIFY(!project.renameBoard(b + 100, "x"));
        QVERIFY(!project.removeTakeFromBoard(b, t1));
        QCOMPARE(events.count(), 0);
        QCOMPARE(at(model, 0, BoardsModel::TakeIdsRole).toList(), ids({t2, t1}));

        QVERIFY(project.removeTakeFromBoard(a, t2));
        QCOMPARE(at(model, 0, BoardsModel::TakeIdsRole).toList(), ids({t1}));
        QCOMPARE(timelineReset.count(), 0); // boards are not the timeline's business

        QVERIFY(project.removeBoard(a));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(at(model, 0, BoardsModel::IdRole).toLongLong(), b);

        // A removed segment's takes leave the boards' rows too.
        QVERIFY(project.addTakeToBoard(b, t1));
        QCOMPARE(at(model, 0, BoardsModel::TakeCountRole).toInt(), 1);
        project.removeSegment(s);
        QCOMPARE(at(model, 0, BoardsModel::TakeCountRole).toInt(), 0);
    }

    void rowsSurviveReopen()
    {
        const QString folder = newFolder();
        qint64 a = 0;
        qint64 b = 0;
        qint64 t1 = 0;
        qint64 t2 = 0;
        {
            Project project(makeStore(folder));
            SegmentRecord segment;
            const qint64 s = project.addSegment(segment);
            t1 = addTake(project.store(), s);
            t2 = addTake(project.store(), s);
            a = project.addBoard("first").value_or(0);
            b = project.addBoard("second").value_or(0);
            QVERIFY(project.addTakeToBoard(b, t2));
            QVERIFY(project.addTakeToBoard(b, t1));
        }
        ProjectError error;
        auto store = ProjectStore::open(folder, &error);
        QVERIFY2(store, qPrintable(error.message));
        Project reopened(std::move(store));
        const BoardsModel& model = reopened.boardsModel();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(at(model, 0, BoardsModel::IdRole).toLongLong(), a);
        QCOMPARE(at(model, 0, BoardsModel::NameRole).toString(), QString("first"));
        QCOMPARE(at(model, 1, BoardsModel::IdRole).toLongLong(), b);
        QCOMPARE(at(model, 1, BoardsModel::TakeIdsRole).toList(), ids({t2, t1}));
    }
};

QTEST_GUILESS_MAIN(TestBoards)
#include "tst_boards.moc"
