// Opening, creating and closing the window's project, the Open Recent list,
// and the first-start copy of the example project.
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "app/example_project.h"
#include "app/project_session.h"
#include "projects/project.h"
#include "projects/project_store.h"

using cosmos::app::ProjectSession;
using namespace cosmos::projects;

class TestProjectSession : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_root;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("cosmos-studio-tests");
        QCoreApplication::setApplicationName("tst_project_session");
        ProjectSession().recent().clear();
    }

    void createOpenCloseAndRecent()
    {
        ProjectSession session;
        QSignalSpy opened(&session, &ProjectSession::opened);
        QSignalSpy aboutToClose(&session, &ProjectSession::aboutToClose);
        const QString folder = m_root.filePath("one");
        QString error;
        QVERIFY2(session.create(folder, "One", &error), qPrintable(error));
        QCOMPARE(opened.count(), 1);
        QVERIFY(session.project());
        QCOMPARE(session.project()->store().name(), QString("One"));
        QCOMPARE(session.recent().list().value(0), folder);

        // A second create into the same folder is refused and says why;
        // the refusal closes nothing the user did not ask to close.
        ProjectSession other;
        QVERIFY(!other.create(folder, "Again", &error));
        QVERIFY2(error.contains("already holds a project"), qPrintable(error));

        // Open in two sessions at once: the second is refused (locked).
        QVERIFY(!other.open(folder, &error));
        QVERIFY2(error.contains("open in another program"), qPrintable(error));

        session.close();
        QCOMPARE(aboutToClose.count(), 1);
        QVERIFY(!session.project());
        QVERIFY2(other.open(folder, &error), qPrintable(error));
        QCOMPARE(other.folder(), folder);
    }

    void missingFolderIsExplainedAndLeavesTheRecentList()
    {
        ProjectSession session;
        const QString gone = m_root.filePath("gone");
        session.recent().add(gone);
        QString error;
        QVERIFY(!session.open(gone, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!session.recent().list().contains(gone));
    }

    void exampleProjectIsCopiedOnceIntoTheUsersData()
    {
        // A stand-in for the shipped example: any project folder will do.
        const QString shipped = m_root.filePath("shipped");
        {
            ProjectError error;
            auto store = ProjectStore::create(shipped, "Example", &error);
            QVERIFY2(store, qPrintable(error.message));
        }
        qputenv("COSMOS_EXAMPLE_PROJECT", shipped.toUtf8());
        // A copy left by an earlier run would be kept (that is the point): start without one.
        QDir(QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath("Example Project"))
            .removeRecursively();
        QCOMPARE(cosmos::app::shippedExampleProject(), shipped);
        QString error;
        const QString copy = cosmos::app::userExampleProject(&error);
        QVERIFY2(!copy.isEmpty(), qPrintable(error));
        QVERIFY(copy != shipped);
        ProjectSession session;
        QVERIFY2(session.open(copy, &error), qPrintable(error));
        QCOMPARE(session.project()->store().name(), QString("Example"));
        SegmentRecord segment;
        segment.prompt = "mine";
        session.project()->addSegment(segment);
        session.close();
        // Asked again, the user's copy (with their edit) is kept.
        QCOMPARE(cosmos::app::userExampleProject(&error), copy);
        QVERIFY(session.open(copy, &error));
        QCOMPARE(session.project()->store().segments().size(), 1);
        qunsetenv("COSMOS_EXAMPLE_PROJECT");
    }

    void theShippedExampleProjectIsARolloutWithABoard()
    {
        qunsetenv("COSMOS_EXAMPLE_PROJECT");
        const QString shipped = cosmos::app::shippedExampleProject();
        QVERIFY2(!shipped.isEmpty(), "resources/example-project is missing");
        // Read-only: the shipped folder itself is never changed.
        ProjectError error;
        auto store = ProjectStore::openReadOnlyCopy(shipped, &error);
        QVERIFY2(store, qPrintable(error.message));
        QVERIFY(store->segments().size() >= 3);
        for (const SegmentRecord& segment : store->segments())
            QVERIFY(store->selectedTakeId(segment.id) != 0);
        QCOMPARE(store->boards().size(), 1);
        QVERIFY(store->boardTakes(store->boards().first().id).size() >= 3);
        QVERIFY(store->check().isClean());
    }
};

QTEST_MAIN(TestProjectSession)
#include "tst_project_session.moc"
