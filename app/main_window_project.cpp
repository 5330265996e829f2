// Opening, creating and closing projects in the main window: the session
// holds the project; here the views attach to it and let go of it.
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QUndoGroup>

#include "app/engine_bridge.h"
#include "app/example_project.h"
#include "app/logging_setup.h"
#include "app/main_window.h"
#include "app/project_session.h"
#include "projects/project.h"
#include "widgets/ab_compare_view.h"
#include "widgets/board_panel.h"
#include "widgets/inspector_panel.h"
#include "widgets/job_queue_view.h"
#include "widgets/preview_panel.h"
#include "widgets/project_browser.h"
#include "widgets/studio_preferences.h"
#include "widgets/studio_status_bar.h"
#include "widgets/timeline_view.h"
#include "widgets/welcome_panel.h"

namespace cosmos::app {

bool MainWindow::openProject(const QString& folder)
{
    QString error;
    if (!m_session->open(folder, &error)) {
        showError(tr("Cannot open the project"), error);
        return false;
    }
    return true;
}

bool MainWindow::newProject(const QString& folder, const QString& name)
{
    QString error;
    if (!m_session->create(folder, name, &error)) {
        showError(tr("Cannot create the project"), error);
        return false;
    }
    // A new project starts with one empty segment, so that the first thing
    // a newcomer sees is a prompt to type; making it is no undoable edit.
    projects::SegmentRecord first;
    first.settings.insert(QStringLiteral("model"), QStringLiteral("nano"));
    // The defaults chosen in Preferences (none: the model's own).
    const widgets::StudioPreferences preferences = widgets::StudioPreferences::load();
    if (preferences.defaultSteps > 0)
        first.settings.insert(QStringLiteral("steps"), preferences.defaultSteps);
    if (preferences.defaultGuidance >= 0)
        first.settings.insert(QStringLiteral("guidance"), preferences.defaultGuidance);
    if (preferences.defaultFrames > 0)
        first.settings.insert(QStringLiteral("frames"), preferences.defaultFrames);
    const qint64 segment = project()->addSegment(first);
    project()->undoStack().clear();
    m_timeline->selectSegment(segment);
    return true;
}

void MainWindow::closeProject()
{
    m_session->close();
}

void MainWindow::openStartupProject()
{
    for (const QString& folder : m_session->recent().list()) {
        QString error;
        if (m_session->open(folder, &error))
            return;
        if (m_logging)
            m_logging->logger()->warn("recent project {} not opened: {}", folder.toStdString(), error.toStdString());
    }
    QString error;
    const QString example = userExampleProject(&error);
    if (example.isEmpty() || !m_session->open(example, &error)) {
        // The welcome panel stays: New and Open are one click away.
        statusBar()->showMessage(error, 10000);
        if (m_logging)
            m_logging->logger()->warn("example project not opened: {}", error.toStdString());
    }
}

void MainWindow::onProjectOpened(projects::Project* project)
{
    m_shownBoard = 0;
    m_shownBoardStale = false;
    // The board on show fills as its takes finish (a prompt matrix) and
    // takes a new name; deleted (Project dock), it leaves the Board tab.
    connect(project, &projects::Project::changed, this, [this](const projects::ChangeEvent& event) {
        if (event.type != projects::ChangeEvent::Type::BoardsChanged || event.boardId != m_shownBoard
            || m_shownBoard == 0 || !this->project())
            return;
        if (!this->project()->store().board(m_shownBoard)) {
            m_shownBoard = 0;
            m_board->clear();
            if (m_workspace->currentWidget() == m_board)
                showNewestBoard();
            return;
        }
        if (m_workspace->currentWidget() == m_board)
            showBoard(m_shownBoard);
        else
            m_shownBoardStale = true; // shown again when the tab is
    });
    m_undoGroup->addStack(&project->undoStack());
    m_undoGroup->setActiveStack(&project->undoStack());
    m_timeline->setProject(project);
    m_inspector->setProject(project);
    m_jobQueue->setProject(project);
    m_browser->setProject(project);
    m_bridge->setProject(project); // after the views: a restored queue reports its state to them
    m_jobQueue->setPaused(m_bridge->isPaused());
    m_preview->clear();
    m_centre->setCurrentWidget(m_workspace);
    m_workspace->setCurrentWidget(m_preview);
    if (m_timeline->selectedSegment() == 0 && !project->store().segments().isEmpty())
        m_timeline->selectSegment(project->store().segments().first().id);
    m_inspector->setSegment(m_timeline->selectedSegment());

    QStringList notes;
    if (!m_session->recoveryNote().isEmpty())
        notes << tr("Recovered: %1.").arg(m_session->recoveryNote());
    if (m_bridge->isPaused())
        notes << tr("The queue kept jobs from last time; it is paused: resume it in the Job Queue.");
    statusBar()->showMessage(
        notes.isEmpty() ? tr("Opened %1").arg(QDir::toNativeSeparators(project->store().folder())) : notes.join(' '),
        10000);
    updateTitle();
    updateActions();
}

void MainWindow::onProjectAboutToClose(projects::Project* project)
{
    m_bridge->setProject(nullptr); // records the running job (left pending) while the project exists
    m_timeline->setProject(nullptr);
    m_inspector->setProject(nullptr);
    m_jobQueue->setProject(nullptr);
    m_browser->setProject(nullptr);
    m_undoGroup->removeStack(&project->undoStack());
    disconnect(project, nullptr, this, nullptr);
    m_preview->clear();
    m_board->clear();
    m_abView->clear();
    m_shownBoard = 0;
    m_shownBoardStale = false;
    m_centre->setCurrentWidget(m_welcome);
    // After the session has dropped it: the title and actions see no project.
    QMetaObject::invokeMethod(
        this,
        [this] {
            updateTitle();
            updateActions();
        },
        Qt::QueuedConnection);
}

void MainWindow::updateTitle()
{
    if (!project()) {
        setWindowTitle(tr("Cosmos Studio"));
        return;
    }
    setWindowTitle(tr("%1 — Cosmos Studio").arg(project()->store().name()));
}

void MainWindow::newProjectInteractive()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString folder = QFileDialog::getSaveFileName(this, tr("New Project"),
        QDir(documents).filePath(tr("Untitled Project")), QString(), nullptr, QFileDialog::ShowDirsOnly);
    if (folder.isEmpty())
        return;
    newProject(folder, QFileInfo(folder).fileName());
}

void MainWindow::openProjectInteractive()
{
    const QString start = m_session->recent().list().value(0, QDir::homePath());
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Project"), start);
    if (!folder.isEmpty())
        openProject(folder);
}

} // namespace cosmos::app
