// The studio's main window: menus, docks and the central area. It is split
// by concern: this file builds the frame and remembers its layout,
// main_window_menus.cpp builds the actions and menus.
#pragma once

#include <QByteArray>
#include <QMainWindow>

#include "projects/preference.h"
#include "projects/recent_projects.h"

class QAction;
class QDockWidget;
class QMenu;
class QUndoGroup;

namespace cosmos::widgets {
class LogView;
class WelcomePanel;
} // namespace cosmos::widgets

namespace cosmos::app {

class Logging;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `logging` may be null (then the Log dock stays empty); it must outlive the window.
    explicit MainWindow(Logging* logging, QWidget* parent = nullptr);
    ~MainWindow() override;

    QMenu* fileMenu() const { return m_fileMenu; }
    QMenu* editMenu() const { return m_editMenu; }
    QMenu* viewMenu() const { return m_viewMenu; }
    QMenu* helpMenu() const { return m_helpMenu; }
    QMenu* recentMenu() const { return m_recentMenu; }
    QDockWidget* logDock() const { return m_logDock; }
    QUndoGroup* undoGroup() const { return m_undoGroup; }

public slots:
    void showAbout();
    void resetLayout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createCentralArea();
    void createDocks();
    void createActions();
    void createMenus();
    void rebuildRecentMenu();
    void restoreLayout();
    void saveLayout();

    Logging* m_logging = nullptr;
    QUndoGroup* m_undoGroup = nullptr;
    widgets::WelcomePanel* m_welcome = nullptr;
    widgets::LogView* m_logView = nullptr;
    QDockWidget* m_logDock = nullptr;
    QByteArray m_defaultState; // the layout before any restore, for View > Reset Layout

    QMenu* m_fileMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QAction* m_aboutAction = nullptr;

    projects::Preference<QByteArray> m_geometry {QStringLiteral("mainwindow/geometry")};
    projects::Preference<QByteArray> m_windowState {QStringLiteral("mainwindow/state")};
    projects::RecentProjects m_recentProjects;
};

} // namespace cosmos::app
