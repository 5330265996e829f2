// The project browser follows the project (segments in timeline order with
// their takes, boards) through edits and undo, and tells the window what
// the user picked.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "projects/project.h"
#include "widgets/project_browser.h"

using namespace cosmos::projects;
using cosmos::widgets::ProjectBrowser;

class TestProjectBrowser : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Project> makeProject()
    {
        ProjectError error;
        auto store = ProjectStore::create(m_root.filePath(QString("p%1").arg(m_count++)), "Browser test", &error);
        if (!store)
            qFatal("%s", qPrintable(error.message));
        return std::make_unique<Project>(std::move(store));
    }
    static qint64 addSegment(Project& project, const QString& prompt)
    {
        SegmentRecord segment;
        segment.prompt = prompt;
        segment.position = 1000; // appended
        return project.addSegment(segment);
    }
    static QStringList segmentTexts(const ProjectBrowser& browser)
    {
        QStringList texts;
        const QTreeWidgetItem* timeline = browser.tree()->topLevelItem(0);
        for (int i = 0; i < timeline->childCount(); ++i)
            texts << timeline->child(i)->text(0);
        return texts;
    }

    QTemporaryDir m_root;
    int m_count = 0;

private slots:
    void followsEditsAndUndo()
    {
        auto project = makeProject();
        ProjectBrowser browser;
        browser.setProject(project.get());
        QCOMPARE(segmentTexts(browser), QStringList());
        const qint64 a = addSegment(*project, "a red ball");
        addSegment(*project, "a blue ball");
        QCOMPARE(segmentTexts(browser), (QStringList {"1. a red ball", "2. a blue ball"}));
        project->moveSegment(a, 1);
        QCOMPARE(segmentTexts(browser), (QStringList {"1. a blue ball", "2. a red ball"}));
        project->undoStack().undo();
        QCOMPARE(segmentTexts(browser), (QStringList {"1. a red ball", "2. a blue ball"}));

        TakeRecord take;
        take.segmentId = a;
        take.status = TakeStatus::Failed;
        take.params = {{"seed", 42}};
        take.error = "out of memory";
        project->addTake(take);
        const QTreeWidgetItem* segment = browser.tree()->topLevelItem(0)->child(0);
        QCOMPARE(segment->childCount(), 1);
        QVERIFY(segment->child(0)->text(1).contains("seed 42"));
        QVERIFY(segment->child(0)->text(1).contains("failed"));
        QCOMPARE(segment->child(0)->toolTip(1), QString("out of memory"));

        project->addBoard("seeds");
        QCOMPARE(browser.tree()->topLevelItem(1)->childCount(), 1);
        QCOMPARE(browser.tree()->topLevelItem(1)->child(0)->text(0), QString("seeds"));
        QVERIFY(browser.tree()->topLevelItem(1)->child(0)->toolTip(0).startsWith("seeds\n"));

        browser.setProject(nullptr);
        QCOMPARE(browser.tree()->topLevelItemCount(), 0);
    }

    void selectingAndActivatingTellTheWindow()
    {
        auto project = makeProject();
        const qint64 a = addSegment(*project, "a");
        TakeRecord take;
        take.segmentId = a;
        take.status = TakeStatus::Done;
        const qint64 takeId = project->addTake(take).value_or(0);
        ProjectBrowser browser;
        browser.setProject(project.get());
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));

        QSignalSpy selected(&browser, &ProjectBrowser::segmentSelected);
        QSignalSpy activated(&browser, &ProjectBrowser::takeActivated);
        QTreeWidgetItem* segment = browser.tree()->topLevelItem(0)->child(0);
        browser.tree()->setCurrentItem(segment);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toLongLong(), a);

        segment->setExpanded(true);
        QTreeWidgetItem* takeItem = segment->child(0);
        browser.tree()->setCurrentItem(takeItem);
        browser.tree()->setFocus();
        QTest::keyClick(browser.tree(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), a);
        QCOMPARE(activated.at(0).at(1).toLongLong(), takeId);
    }
};

QTEST_MAIN(TestProjectBrowser)
#include "tst_project_browser.moc"
