// The main window's actions and menus. Every frequent action has a shortcut,
// shown in its menu entry and tooltip. The parts bring their own actions
// (timeline edits, player, job queue, generate), so that a shortcut and its
// menu entry are one QAction.
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QUndoGroup>

#include "app/engine_bridge.h"
#include "app/main_window.h"
#include "app/project_session.h"
#include "projects/project.h"
#include "widgets/inspector_panel.h"
#include "widgets/job_queue_view.h"
#include "widgets/player_bar.h"
#include "widgets/preview_panel.h"
#include "widgets/timeline_view.h"

namespace cosmos::app {
namespace {

// "Undo (Ctrl+Z)": the tooltip says how to do it without the mouse.
void showShortcutInToolTip(QAction* action)
{
    if (action->shortcut().isEmpty())
        return;
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("..."));
    action->setToolTip(MainWindow::tr("%1 (%2)").arg(text, action->shortcut().toString(QKeySequence::NativeText)));
}

} // namespace

void MainWindow::createActions()
{
    m_newAction = new QAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New Project..."), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setObjectName(QStringLiteral("actionNew"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProjectInteractive);

    m_openAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Project..."), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setObjectName(QStringLiteral("actionOpen"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openProjectInteractive);

    m_closeAction = new QAction(tr("&Close Project"), this);
    m_closeAction->setShortcut(QKeySequence::Close);
    m_closeAction->setObjectName(QStringLiteral("actionClose"));
    m_closeAction->setStatusTip(tr("Every edit is already saved; a running job waits in the queue for next time."));
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeProject);

    m_exportAction = new QAction(tr("&Export..."), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setObjectName(QStringLiteral("actionExport"));
    m_exportAction->setStatusTip(tr("A take, the whole timeline or a comparison board as MP4, WebM, GIF or PNGs"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::showExport);

    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    connect(m_quitAction, &QAction::triggered, this, &QMainWindow::close);

    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));

    m_playTimelineAction
        = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("Play &Timeline"), this);
    m_playTimelineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));
    m_playTimelineAction->setObjectName(QStringLiteral("actionPlayTimeline"));
    connect(m_playTimelineAction, &QAction::triggered, this, &MainWindow::playTimeline);

    m_promptMatrixAction = new QAction(tr("Prompt &Matrix..."), this);
    m_promptMatrixAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_promptMatrixAction->setObjectName(QStringLiteral("actionPromptMatrix"));
    m_promptMatrixAction->setStatusTip(tr("Queue takes of the selected segment for every combination of prompts, "
                                          "seeds and guidance values, gathered on a comparison board"));
    connect(m_promptMatrixAction, &QAction::triggered, this, &MainWindow::showPromptMatrix);

    m_compareAction = new QAction(tr("Compare Takes (&A/B)"), this);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_compareAction->setObjectName(QStringLiteral("actionCompareTakes"));
    m_compareAction->setStatusTip(tr("The selected take against the segment's newest other take: wipe and difference"));
    connect(m_compareAction, &QAction::triggered, this, &MainWindow::compareTakes);

    m_takesBoardAction = new QAction(tr("Board of the Segment's &Takes"), this);
    m_takesBoardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_takesBoardAction->setObjectName(QStringLiteral("actionTakesBoard"));
    m_takesBoardAction->setStatusTip(tr("Every finished take of the selected segment on a new comparison board"));
    connect(m_takesBoardAction, &QAction::triggered, this, &MainWindow::boardOfSegmentTakes);

    m_modelManagerAction = new QAction(tr("Mo&dels..."), this);
    m_modelManagerAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_modelManagerAction->setObjectName(QStringLiteral("actionModels"));
    connect(m_modelManagerAction, &QAction::triggered, this, &MainWindow::showModelManager);

    m_preferencesAction = new QAction(tr("&Preferences..."), this);
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setObjectName(QStringLiteral("actionPreferences"));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_resetLayoutAction = new QAction(tr("&Reset Layout"), this);
    m_resetLayoutAction->setObjectName(QStringLiteral("actionResetLayout"));
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);

    m_aboutAction = new QAction(QIcon::fromTheme(QStringLiteral("help-about")), tr("&About Cosmos Studio"), this);
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    for (QAction* action : {m_newAction, m_openAction, m_closeAction, m_exportAction, m_quitAction, m_undoAction,
             m_redoAction, m_playTimelineAction, m_promptMatrixAction, m_compareAction, m_takesBoardAction,
             m_modelManagerAction, m_preferencesAction})
        showShortcutInToolTip(action);
    // The undo actions rename themselves ("Undo Move Segment"): keep the tooltip current.
    for (QAction* action : {m_undoAction, m_redoAction})
        connect(action, &QAction::changed, this, [action] {
            const QString tip = MainWindow::tr("%1 (%2)").arg(
                action->text().remove(QLatin1Char('&')), action->shortcut().toString(QKeySequence::NativeText));
            if (action->toolTip() != tip)
                action->setToolTip(tip);
        });

    // Space plays and pauses anywhere in the window (text fields keep their
    // spaces: they take plain keys before shortcuts); the other player keys
    // stay with the preview, where Left/Right do not fight the timeline's.
    m_preview->bar()->playAction()->setShortcutContext(Qt::WindowShortcut);
    addAction(m_preview->bar()->playAction());
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("menuFile"));
    m_fileMenu->addAction(m_newAction);
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    m_fileMenu->addAction(m_closeAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_exportAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("menuEdit"));
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_preferencesAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("menuView"));
    for (QDockWidget* dock : {m_timelineDock, m_inspectorDock, m_jobsDock, m_browserDock, m_logDock}) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionToggle") + dock->objectName().chopped(4)); // "actionToggleLog"
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_resetLayoutAction);

    m_timelineMenu = menuBar()->addMenu(tr("&Timeline"));
    m_timelineMenu->setObjectName(QStringLiteral("menuTimeline"));
    m_timelineMenu->addActions(m_timeline->editActions());

    m_generateMenu = menuBar()->addMenu(tr("&Generate"));
    m_generateMenu->setObjectName(QStringLiteral("menuGenerate"));
    m_generateMenu->addAction(m_inspector->generateAction());
    m_generateMenu->addAction(m_promptMatrixAction);
    m_generateMenu->addSeparator();
    m_generateMenu->addAction(m_jobQueue->cancelAction());
    m_generateMenu->addAction(m_jobQueue->cancelAfterTakeAction());
    m_generateMenu->addAction(m_jobQueue->pauseAction());
    m_generateMenu->addAction(m_jobQueue->removeFinishedAction());
    m_generateMenu->addSeparator();
    m_generateMenu->addAction(m_modelManagerAction);

    m_playbackMenu = menuBar()->addMenu(tr("&Playback"));
    m_playbackMenu->setObjectName(QStringLiteral("menuPlayback"));
    m_playbackMenu->addAction(m_playTimelineAction);
    m_playbackMenu->addSeparator();
    m_playbackMenu->addActions(m_preview->playerActions());

    m_compareMenu = menuBar()->addMenu(tr("&Compare"));
    m_compareMenu->setObjectName(QStringLiteral("menuCompare"));
    m_compareMenu->addAction(m_compareAction);
    m_compareMenu->addAction(m_takesBoardAction);
    m_compareMenu->addAction(m_promptMatrixAction);

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->setObjectName(QStringLiteral("menuHelp"));
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = m_session->recent().list();
    for (const QString& path : paths) {
        QAction* action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    if (paths.isEmpty()) {
        QAction* none = m_recentMenu->addAction(tr("No Recent Projects"));
        none->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [this] { m_session->recent().clear(); });
}

void MainWindow::updateActions()
{
    const bool open = project() != nullptr;
    m_closeAction->setEnabled(open);
    m_playTimelineAction->setEnabled(open);
    m_promptMatrixAction->setEnabled(open);
    m_compareAction->setEnabled(open);
    m_takesBoardAction->setEnabled(open);
    m_exportAction->setEnabled(open);
}

} // namespace cosmos::app
