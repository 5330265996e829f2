// The project browser follows the project (segments in timeline order with
// their takes, boards) through edits and undo, tells the window what the
// user picked, and renames (F2) and deletes (Delete, after asking) boards.
#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include "projects/project.h"
#include "projects/sql_connection.h"
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
    static qint64 addDoneTake(Project& project, qint64 segmentId)
    {
        TakeRecord take;
        take.segmentId = segmentId;
        take.status = TakeStatus::Done;
        return project.addTake(take).value_or(0);
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
        const qint64 takeId = addDoneTake(*project, a);
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

    void aTakesMenuComparesItWithTheSelectedTake()
    {
        auto project = makeProject();
        const qint64 a = addSegment(*project, "a");
        QList<qint64> ids;
        for (const QString& path : {QString("media/one.mp4"), QString("media/two.mp4"), QString()}) {
            TakeRecord take;
            take.segmentId = a;
            take.status = path.isEmpty() ? TakeStatus::Failed : TakeStatus::Done;
            take.clip.path = path;
            ids << project->addTake(take).value_or(0);
        }
        project->selectTake(a, ids[0]);
        ProjectBrowser browser;
        browser.setProject(project.get());
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QTreeWidgetItem* segment = browser.tree()->topLevelItem(0)->child(0);
        segment->setExpanded(true);
        QSignalSpy compare(&browser, &ProjectBrowser::compareWithSelectedRequested);

        // Right-click a take; note its menu's Compare entry, then pick it (or close the menu).
        const auto openMenu = [&](int row, bool pick) {
            bool enabled = false;
            QTimer::singleShot(50, this, [&enabled, pick] {
                auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
                if (!menu)
                    return;
                for (QAction* action : menu->actions()) {
                    if (!action->text().contains("Compare"))
                        continue;
                    enabled = action->isEnabled();
                    if (pick && enabled) {
                        action->trigger();
                        break;
                    }
                }
                menu->close();
            });
            const QRect rect = browser.tree()->visualItemRect(segment->child(row));
            QContextMenuEvent event(
                QContextMenuEvent::Mouse, rect.center(), browser.tree()->viewport()->mapToGlobal(rect.center()));
            QApplication::sendEvent(browser.tree()->viewport(), &event);
            return enabled;
        };
        QVERIFY(!openMenu(0, false)); // the selected take itself
        QVERIFY(!openMenu(2, false)); // a failed take has no clip
        QVERIFY(openMenu(1, true));
        QCOMPARE(compare.count(), 1);
        QCOMPARE(compare.at(0).at(0).toLongLong(), a);
        QCOMPARE(compare.at(0).at(1).toLongLong(), ids[1]);
    }

    void boardsAreRenamedAndDeletedFromTheTree()
    {
        auto project = makeProject();
        const qint64 a = addSegment(*project, "a");
        const qint64 takeId = addDoneTake(*project, a);
        const qint64 board = project->addBoard("seeds").value_or(0);
        QVERIFY(project->addTakeToBoard(board, takeId));
        ProjectBrowser browser;
        browser.setProject(project.get());
        browser.show();
        browser.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&browser)); // its keys are shortcuts
        const auto boardItem = [&] { return browser.tree()->topLevelItem(1)->child(0); };

        // On a segment the board actions are off.
        browser.tree()->setCurrentItem(browser.tree()->topLevelItem(0)->child(0));
        QCOMPARE(browser.currentBoard(), 0);
        QVERIFY(!browser.renameBoardAction()->isEnabled());
        QVERIFY(!browser.deleteBoardAction()->isEnabled());

        // Double-click shows a board, it does not edit its name.
        QSignalSpy activated(&browser, &ProjectBrowser::boardActivated);
        const QRect rect = browser.tree()->visualItemRect(boardItem());
        // (A real double-click: a click, then the second press as a double-click.)
        QTest::mouseClick(browser.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(browser.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), board);
        QVERIFY(!browser.tree()->findChild<QLineEdit*>());

        // F2 edits the name in place; Return renames the board.
        browser.tree()->setCurrentItem(boardItem());
        QCOMPARE(browser.currentBoard(), board);
        QVERIFY(browser.deleteBoardAction()->isEnabled());
        browser.tree()->setFocus();
        QTest::keyClick(browser.tree(), Qt::Key_F2);
        QLineEdit* editor = browser.tree()->findChild<QLineEdit*>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, "  red against blue ");
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(project->store().board(board)->name, QString("red against blue"));
        QCOMPARE(boardItem()->text(0), QString("red against blue"));

        // An empty name keeps the old one.
        browser.tree()->setCurrentItem(boardItem());
        QTest::keyClick(browser.tree(), Qt::Key_F2);
        editor = browser.tree()->findChild<QLineEdit*>();
        QVERIFY(editor);
        editor->clear();
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(boardItem()->text(0), QString("red against blue"));
        QCOMPARE(project->store().board(board)->name, QString("red against blue"));

        // Delete asks first: Cancel keeps the board, Yes deletes it (its take stays).
        const auto answer = [this](QMessageBox::StandardButton button, QString* text) {
            QTimer::singleShot(0, this, [button, text] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box)
                    return;
                *text = box->text();
                box->button(button)->click();
            });
        };
        QString asked;
        browser.tree()->setFocus();
        browser.tree()->setCurrentItem(boardItem());
        answer(QMessageBox::Cancel, &asked);
        QTest::keyClick(browser.tree(), Qt::Key_Delete);
        QVERIFY(asked.contains("red against blue"));
        QVERIFY(project->store().board(board).has_value());
        asked.clear();
        browser.tree()->setCurrentItem(boardItem());
        answer(QMessageBox::Yes, &asked);
        QTest::keyClick(browser.tree(), Qt::Key_Delete);
        QVERIFY(asked.contains("1 take"));
        QVERIFY(!project->store().board(board).has_value());
        QCOMPARE(browser.tree()->topLevelItem(1)->childCount(), 0);
        QVERIFY(project->store().take(takeId).has_value());
    }

    // A rename or a delete the project refuses (here a database that will
    // not change its boards) says why in a box and keeps the board as it was.
    void aBoardChangeTheProjectRefusesIsExplained()
    {
        auto project = makeProject();
        const qint64 board = project->addBoard("seeds").value_or(0);
        QVERIFY(board != 0);
        for (const char* event : {"UPDATE", "DELETE"})
            QVERIFY(execSql(project->store().database(),
                QString("CREATE TRIGGER keep_boards_%1 BEFORE %1 ON boards BEGIN "
                        "SELECT RAISE(ABORT, 'the boards are locked'); END")
                    .arg(event)));
        ProjectBrowser browser;
        browser.setProject(project.get());
        browser.show();
        browser.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&browser));
        const auto boardItem = [&] { return browser.tree()->topLevelItem(1)->child(0); };
        // Every box that opens (the question, the warning) is answered in turn.
        QStringList boxes;
        QTimer answerer;
        connect(&answerer, &QTimer::timeout, this, [&boxes] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            boxes << box->windowTitle() + ": " + box->text();
            box->button(box->button(QMessageBox::Yes) ? QMessageBox::Yes : QMessageBox::Ok)->click();
        });
        answerer.start(10);

        browser.tree()->setFocus();
        browser.tree()->setCurrentItem(boardItem());
        QTest::keyClick(browser.tree(), Qt::Key_F2);
        QLineEdit* editor = browser.tree()->findChild<QLineEdit*>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, "keepers");
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(boxes.size(), 1);
        QVERIFY2(boxes.at(0).startsWith("Cannot rename the board") && boxes.at(0).contains("the boards are locked"),
            qPrintable(boxes.at(0)));
        QTRY_COMPARE(boardItem()->text(0), QString("seeds")); // the tree shows the name the board kept
        QCOMPARE(project->store().board(board)->name, QString("seeds"));

        // (The action itself: the window need not be active again after the
        // box; the Delete key is driven in the test above.)
        browser.tree()->setCurrentItem(boardItem());
        browser.deleteBoardAction()->trigger();
        QTRY_COMPARE(boxes.size(), 3); // asked, then told
        QVERIFY2(boxes.at(2).startsWith("Cannot delete the board") && boxes.at(2).contains("the boards are locked"),
            qPrintable(boxes.at(2)));
        QVERIFY(project->store().board(board).has_value());
        QCOMPARE(boardItem()->text(0), QString("seeds"));
    }
};

QTEST_MAIN(TestProjectBrowser)
#include "tst_project_browser.moc"
