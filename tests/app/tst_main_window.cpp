#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>
#include <QtTest>

#include "app/main_window.h"
#include "projects/recent_projects.h"
#include "widgets/about_dialog.h"

using namespace cosmos;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("CosmosStudioTests");
        QCoreApplication::setApplicationName("tst_main_window");
    }
    void init() { QSettings().clear(); }

    void hasTheMenusOfTheShell()
    {
        app::MainWindow window(nullptr);
        QStringList titles;
        for (QAction* action : window.menuBar()->actions())
            titles << action->text();
        QCOMPARE(titles,
            (QStringList {"&File", "&Edit", "&View", "&Timeline", "&Generate", "&Playback", "&Compare", "&Help"}));

        auto names = [](QMenu* menu) {
            QStringList list;
            for (QAction* action : menu->actions())
                if (!action->isSeparator())
                    list << (action->menu() ? action->menu()->objectName() : action->objectName());
            return list;
        };
        QCOMPARE(names(window.fileMenu()),
            (QStringList {"actionNew", "actionOpen", "menuRecent", "actionClose", "actionExport", "actionQuit"}));
        QCOMPARE(names(window.editMenu()), (QStringList {"actionUndo", "actionRedo", "actionPreferences"}));
        for (const char* dock : {"actionToggleLog", "actionToggleTimeline", "actionToggleInspector", "actionToggleJobs",
                 "actionToggleProject"})
            QVERIFY2(names(window.viewMenu()).contains(dock), dock);
        QCOMPARE(names(window.helpMenu()), (QStringList {"actionAbout"}));
        QCOMPARE(window.findChild<QAction*>("actionQuit")->shortcut(), QKeySequence(QKeySequence::Quit));
        QCOMPARE(window.findChild<QAction*>("actionUndo")->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(window.findChild<QAction*>("actionRedo")->shortcut(), QKeySequence("Ctrl+Shift+Z"));
        // Every menu entry with a shortcut says so in its tooltip.
        for (QMenu* menu : window.findChildren<QMenu*>()) {
            for (QAction* action : menu->actions()) {
                if (action->shortcut().isEmpty())
                    continue;
                const QString key = action->shortcut().toString(QKeySequence::NativeText);
                QVERIFY2(action->toolTip().contains(key), qPrintable(action->text() + ": " + action->toolTip()));
            }
        }
    }

    void aboutDialogShowsRealVersions()
    {
        app::MainWindow window(nullptr);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList names;
        QStringList versions;
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&] {
            for (QWidget* top : QApplication::topLevelWidgets()) {
                auto* dialog = qobject_cast<widgets::AboutDialog*>(top);
                if (!dialog || !dialog->isVisible())
                    continue;
                sawDialog = true;
                for (int row = 0; row < dialog->table()->rowCount(); ++row) {
                    names << dialog->table()->item(row, 0)->text();
                    versions << dialog->table()->item(row, 1)->text();
                }
                dialog->reject();
            }
        });
        window.findChild<QAction*>("actionAbout")->trigger(); // modal: returns after reject()
        QVERIFY(sawDialog);
        QCOMPARE(names, (QStringList {"Qt", "LibTorch", "FFmpeg", "spdlog", "SQLite", "CUDA"}));
        for (const QString& version : versions)
            QVERIFY(!version.trimmed().isEmpty());
        QCOMPARE(versions.first(), QString::fromLatin1(qVersion()));
        QVERIFY2(versions[4].startsWith("3."), qPrintable(versions[4])); // SQLite
    }

    void remembersGeometryAndDocks()
    {
        {
            app::MainWindow first(nullptr);
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            first.resize(900, 640);
            first.logDock()->hide();
            QTRY_COMPARE(first.size(), QSize(900, 640));
            first.close();
        }
        app::MainWindow second(nullptr);
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QCOMPARE(second.size(), QSize(900, 640));
        QVERIFY(second.logDock()->isHidden());

        second.findChild<QAction*>("actionResetLayout")->trigger();
        QVERIFY(!second.logDock()->isHidden());
    }

    void undoActionsFollowTheActiveStack()
    {
        app::MainWindow window(nullptr);
        QAction* undo = window.findChild<QAction*>("actionUndo");
        QVERIFY(!undo->isEnabled());
        QUndoStack stack;
        window.undoGroup()->addStack(&stack);
        window.undoGroup()->setActiveStack(&stack);
        stack.push(new QUndoCommand("rename segment"));
        QVERIFY(undo->isEnabled());
        QVERIFY(undo->text().contains("rename segment"));
        window.undoGroup()->removeStack(&stack);
    }

    void recentMenuListsRememberedProjects()
    {
        projects::RecentProjects recent;
        recent.add("/work/projects/bouncing-balls");
        app::MainWindow window(nullptr);
        emit window.recentMenu()->aboutToShow();
        QStringList texts;
        for (QAction* action : window.recentMenu()->actions())
            if (!action->isSeparator())
                texts << action->text();
        QCOMPARE(texts.first(), QStringLiteral("bouncing-balls"));
        QVERIFY(texts.contains("&Clear List"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
