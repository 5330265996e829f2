// The studio's main window. It is split by concern:
//   main_window.cpp             the frame: central preview, docks, layout
//   main_window_menus.cpp       actions, menus and shortcuts
//   main_window_project.cpp     opening, creating and closing projects
//   main_window_generation.cpp  the engine bridge's events -> preview, timeline, queue
// The window owns no document logic: the Project (projects/) holds the
// edits and undo, the EngineBridge (app/) is its only way to the engine.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMainWindow>
#include <memory>

#include "engine/runner/job.h"
#include "projects/preference.h"

class QAction;
class QDockWidget;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QUndoGroup;

namespace cosmos::projects {
class Project;
} // namespace cosmos::projects

namespace cosmos::engine::tools {
class PromptTokenCounter;
} // namespace cosmos::engine::tools

namespace cosmos::widgets {
class AbCompareView;
class BoardPanel;
class InspectorPanel;
class JobQueueView;
class LogView;
class ModelList;
class PreviewPanel;
class ProjectBrowser;
class StudioStatusBar;
class TimelineView;
class WelcomePanel;
struct StudioPreferences;
} // namespace cosmos::widgets

namespace cosmos::app {

class ClipLoader;
class EngineBridge;
class Logging;
class ProjectSession;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `logging` may be null (then the Log dock stays empty); it must outlive the window.
    explicit MainWindow(Logging* logging, QWidget* parent = nullptr);
    ~MainWindow() override;

    QMenu* fileMenu() const { return m_fileMenu; }
    QMenu* editMenu() const { return m_editMenu; }
    QMenu* viewMenu() const { return m_viewMenu; }
    QMenu* generateMenu() const { return m_generateMenu; }
    QMenu* helpMenu() const { return m_helpMenu; }
    QMenu* recentMenu() const { return m_recentMenu; }
    QDockWidget* logDock() const { return m_logDock; }
    QUndoGroup* undoGroup() const { return m_undoGroup; }

    // The parts, for tests and scripting.
    projects::Project* project() const;
    ProjectSession* session() const { return m_session; }
    EngineBridge* bridge() const { return m_bridge; }
    widgets::PreviewPanel* preview() const { return m_preview; }
    widgets::BoardPanel* board() const { return m_board; }
    widgets::AbCompareView* abCompare() const { return m_abView; }
    QTabWidget* workspace() const { return m_workspace; }
    qint64 shownBoard() const { return m_shownBoard; }
    widgets::TimelineView* timeline() const { return m_timeline; }
    widgets::InspectorPanel* inspector() const { return m_inspector; }
    widgets::JobQueueView* jobQueue() const { return m_jobQueue; }
    widgets::ProjectBrowser* browser() const { return m_browser; }
    widgets::StudioStatusBar* studioStatusBar() const { return m_statusBar; }
    widgets::ModelList* models() const { return m_models; }
    // Live preview frames received from the engine since the window opened.
    int previewFramesReceived() const { return m_previewFramesReceived; }

    // Each says why in a message box when it fails and returns false.
    bool openProject(const QString& folder);
    bool newProject(const QString& folder, const QString& name);
    void closeProject();
    // At start: the most recent project that still opens, else the user's
    // copy of the example project.
    void openStartupProject();

public slots:
    void showAbout();
    void resetLayout();
    void showModelManager();
    void showPreferences();
    void playTimeline();
    void playTake(qint64 segmentId, qint64 takeId);
    void showPromptMatrix();
    // The board's takes side by side in the Board tab, playing in sync.
    void showBoard(qint64 boardId);
    // The selected segment's take against its newest other finished take.
    void compareTakes();
    // The segment's selected take (A) against one of its other takes (B).
    void compareWithSelected(qint64 segmentId, qint64 takeId);
    // Every finished take of the selected segment on a new board, shown.
    void boardOfSegmentTakes();
    // The newest board in the Board tab; with none, how to make one.
    void showNewestBoard();
    void showExport(); // File > Export (main_window_export.cpp)

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // main_window.cpp
    void createCentralArea();
    void createDocks();
    QDockWidget* addDock(QWidget* content, const QString& title, const QString& objectName, Qt::DockWidgetArea area);
    void restoreLayout();
    void saveLayout();
    void applyPreferences(const widgets::StudioPreferences& preferences);
    void refreshModelChoices();
    int countTokens(const QString& text);
    void showError(const QString& title, const QString& message);

    // main_window_menus.cpp
    void createActions();
    void createMenus();
    void rebuildRecentMenu();
    void updateActions();

    // main_window_project.cpp
    void onProjectOpened(projects::Project* project);
    void onProjectAboutToClose(projects::Project* project);
    void newProjectInteractive();
    void openProjectInteractive();
    void updateTitle();

    // main_window_compare.cpp
    void createCompareViews();
    // The Board or A/B tab opened: what it should show now.
    void onWorkspaceTabChanged();

    // main_window_generation.cpp
    void connectGeneration();
    void generateSegment(qint64 segmentId);
    void onJobProgress(qint64 jobId, int step, int steps, double etaSeconds, const QString& phase);
    void onJobPreview(qint64 jobId, const engine::PreviewPtr& frames);
    void onJobFinished(qint64 jobId, qint64 takeId);
    void onJobFailed(qint64 jobId, const QString& message);
    void cancelRunning(bool finishTake);

    Logging* m_logging = nullptr;
    QUndoGroup* m_undoGroup = nullptr;
    ProjectSession* m_session = nullptr;
    EngineBridge* m_bridge = nullptr;
    ClipLoader* m_clipLoader = nullptr;
    ClipLoader* m_boardLoader = nullptr;
    ClipLoader* m_abLoader = nullptr;
    widgets::ModelList* m_models = nullptr;
    QHash<QString, std::shared_ptr<engine::tools::PromptTokenCounter>> m_tokenCounters; // by model folder

    QStackedWidget* m_centre = nullptr;
    widgets::WelcomePanel* m_welcome = nullptr;
    QTabWidget* m_workspace = nullptr; // Preview, Board, A/B
    widgets::PreviewPanel* m_preview = nullptr;
    widgets::BoardPanel* m_board = nullptr;
    widgets::AbCompareView* m_abView = nullptr;
    qint64 m_shownBoard = 0;
    bool m_shownBoardStale = false; // it changed while the Board tab was hidden
    widgets::TimelineView* m_timeline = nullptr;
    widgets::InspectorPanel* m_inspector = nullptr;
    widgets::JobQueueView* m_jobQueue = nullptr;
    widgets::ProjectBrowser* m_browser = nullptr;
    widgets::LogView* m_logView = nullptr;
    widgets::StudioStatusBar* m_statusBar = nullptr;
    QDockWidget* m_timelineDock = nullptr;
    QDockWidget* m_inspectorDock = nullptr;
    QDockWidget* m_jobsDock = nullptr;
    QDockWidget* m_browserDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QByteArray m_defaultState; // the layout before any restore, for View > Reset Layout

    int m_previewFramesReceived = 0;
    int m_liveSteps = 0;
    qint64 m_playingSegment = 0; // the segment whose take the player shows; 0: the timeline or none
    double m_secondsPerTake = 0; // measured on the last finished take

    QMenu* m_fileMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_timelineMenu = nullptr;
    QMenu* m_generateMenu = nullptr;
    QMenu* m_playbackMenu = nullptr;
    QMenu* m_compareMenu = nullptr;
    QMenu* m_toolsMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_closeAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_playTimelineAction = nullptr;
    QAction* m_promptMatrixAction = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_takesBoardAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_modelManagerAction = nullptr;
    QAction* m_preferencesAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QAction* m_aboutAction = nullptr;

    projects::Preference<QByteArray> m_geometry {QStringLiteral("mainwindow/geometry")};
    projects::Preference<QByteArray> m_windowState {QStringLiteral("mainwindow/state")};
};

} // namespace cosmos::app
