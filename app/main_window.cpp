#include "app/main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QMetaObject>
#include <QPointer>
#include <QStatusBar>
#include <QUndoGroup>

#include "app/app_info.h"
#include "app/logging_setup.h"
#include "engine/build_info.h"
#include "widgets/about_dialog.h"
#include "widgets/log_view.h"
#include "widgets/welcome_panel.h"

namespace cosmos::app {

MainWindow::MainWindow(Logging* logging, QWidget* parent) : QMainWindow(parent), m_logging(logging)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Cosmos Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cosmos-studio.svg")));
    m_undoGroup = new QUndoGroup(this);

    createCentralArea();
    createDocks();
    createActions();
    createMenus();

    const engine::BuildInfo build = engine::queryBuildInfo();
    const QString device = build.cudaAvailable ? tr("CUDA (%n device(s))", nullptr, build.cudaDeviceCount) : tr("CPU");
    QString torchVersion;
    for (const auto& component : build.components)
        if (component.name == "LibTorch")
            torchVersion = QString::fromStdString(component.version);
    const QString summary = tr("Engine: %1 · LibTorch %2").arg(device, torchVersion);
    m_welcome->setEngineSummary(summary);
    statusBar()->showMessage(summary);

    resize(1280, 800);
    resizeDocks({m_logDock}, {150}, Qt::Vertical); // the preview gets the room
    m_defaultState = saveState();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // The log relay calls into this window from any thread: detach first.
    if (m_logging)
        m_logging->setLineCallback(nullptr);
}

void MainWindow::createCentralArea()
{
    m_welcome = new widgets::WelcomePanel(this);
    setCentralWidget(m_welcome);
}

void MainWindow::createDocks()
{
    m_logView = new widgets::LogView(this);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("LogDock")); // saveState() keys docks by object name
    m_logDock->setWidget(m_logView);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    if (m_logging) {
        QPointer<widgets::LogView> view = m_logView;
        m_logging->setLineCallback([view](const QString& level, const QString& line) {
            // Any thread: hop to the GUI thread; a closed view drops the line.
            QMetaObject::invokeMethod(
                view.data(),
                [view, level, line] {
                    if (view)
                        view->appendLine(level, line);
                },
                Qt::QueuedConnection);
        });
    }
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = m_geometry.get();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_windowState.get();
    if (!state.isEmpty())
        restoreState(state);
}

void MainWindow::saveLayout()
{
    m_geometry.set(saveGeometry());
    m_windowState.set(saveState());
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState);
    m_logDock->show();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    event->accept();
}

void MainWindow::showAbout()
{
    widgets::AboutDialog dialog(studioVersion(), componentVersions(), this);
    dialog.exec();
}

} // namespace cosmos::app
