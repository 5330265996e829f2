#include "app/main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QMessageBox>
#include <QMetaObject>
#include <QPointer>
#include <QStackedWidget>
#include <QTabWidget>
#include <QThread>
#include <QUndoGroup>

#include "app/app_info.h"
#include "app/clip_loader.h"
#include "app/engine_bridge.h"
#include "app/logging_setup.h"
#include "app/project_session.h"
#include "engine/build_info.h"
#include "engine/tools/model_info.h"
#include "projects/project.h"
#include "widgets/about_dialog.h"
#include "widgets/inspector_panel.h"
#include "widgets/job_queue_view.h"
#include "widgets/log_view.h"
#include "widgets/model_choice.h"
#include "widgets/model_list.h"
#include "widgets/model_manager_dialog.h"
#include "widgets/playback_clock.h"
#include "widgets/preferences_dialog.h"
#include "widgets/preview_panel.h"
#include "widgets/project_browser.h"
#include "widgets/studio_preferences.h"
#include "widgets/studio_status_bar.h"
#include "widgets/theme.h"
#include "widgets/timeline_view.h"
#include "widgets/welcome_panel.h"

namespace cosmos::app {

MainWindow::MainWindow(Logging* logging, QWidget* parent) : QMainWindow(parent), m_logging(logging)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Cosmos Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cosmos-studio.svg")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    m_undoGroup = new QUndoGroup(this);
    m_session = new ProjectSession(this);
    m_bridge = new EngineBridge(logging ? logging->logger() : engine::LoggerPtr(), this, decodeSpeedFile());
    m_clipLoader = new ClipLoader(this);
    m_models = new widgets::ModelList(this);

    createCentralArea();
    createDocks();
    m_statusBar = new widgets::StudioStatusBar(this);
    setStatusBar(m_statusBar);
    createActions();
    createMenus();
    connectGeneration();

    connect(m_session, &ProjectSession::opened, this, &MainWindow::onProjectOpened);
    connect(m_session, &ProjectSession::aboutToClose, this, &MainWindow::onProjectAboutToClose);
    connect(m_models, &widgets::ModelList::changed, this, &MainWindow::refreshModelChoices);
    refreshModelChoices();
    m_inspector->setTokenCounter([this](const QString& text) { return countTokens(text); });

    const engine::BuildInfo build = engine::queryBuildInfo();
    const QString device = build.cudaAvailable ? tr("CUDA (%n device(s))", nullptr, build.cudaDeviceCount) : tr("CPU");
    QString torchVersion;
    for (const auto& component : build.components)
        if (component.name == "LibTorch")
            torchVersion = QString::fromStdString(component.version);
    m_welcome->setEngineSummary(tr("Engine: %1 · LibTorch %2").arg(device, torchVersion));
    applyPreferences(widgets::StudioPreferences::load());

    resize(1400, 900);
    resizeDocks({m_timelineDock}, {230}, Qt::Vertical);
    resizeDocks({m_inspectorDock, m_browserDock}, {380, 240}, Qt::Horizontal);
    m_defaultState = saveState();
    restoreLayout();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The log relay calls into this window from any thread: detach first.
    if (m_logging)
        m_logging->setLineCallback(nullptr);
    // Views first let go of the project, then the bridge records its running
    // job (left pending) while the project still exists.
    m_session->close();
}

projects::Project* MainWindow::project() const
{
    return m_session->project();
}

void MainWindow::createCentralArea()
{
    m_centre = new QStackedWidget(this);
    m_welcome = new widgets::WelcomePanel(m_centre);
    m_workspace = new QTabWidget(m_centre);
    m_workspace->setObjectName(QStringLiteral("workspace"));
    m_workspace->setDocumentMode(true);
    m_preview = new widgets::PreviewPanel(m_workspace);
    m_workspace->addTab(m_preview, tr("Preview"));
    createCompareViews();
    m_centre->addWidget(m_welcome);
    m_centre->addWidget(m_workspace);
    setCentralWidget(m_centre);
}

QDockWidget* MainWindow::addDock(
    QWidget* content, const QString& title, const QString& objectName, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // saveState() keys docks by object name
    dock->setWidget(content);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks()
{
    // Timeline and log along the bottom (the timeline spans the width, so
    // the bottom corners belong to it); inspector and queue on the right;
    // the project browser on the left.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    m_timeline = new widgets::TimelineView(this);
    m_timelineDock = addDock(m_timeline, tr("Timeline"), QStringLiteral("TimelineDock"), Qt::BottomDockWidgetArea);
    m_inspector = new widgets::InspectorPanel(this);
    m_inspectorDock = addDock(m_inspector, tr("Inspector"), QStringLiteral("InspectorDock"), Qt::RightDockWidgetArea);
    m_jobQueue = new widgets::JobQueueView(this);
    m_jobsDock = addDock(m_jobQueue, tr("Job Queue"), QStringLiteral("JobsDock"), Qt::RightDockWidgetArea);
    m_browser = new widgets::ProjectBrowser(this);
    m_browserDock = addDock(m_browser, tr("Project"), QStringLiteral("ProjectDock"), Qt::LeftDockWidgetArea);

    m_logView = new widgets::LogView(this);
    m_logDock = addDock(m_logView, tr("Log"), QStringLiteral("LogDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_timelineDock, m_logDock);
    m_timelineDock->raise();

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

    connect(m_timeline, &widgets::TimelineView::segmentSelected, m_inspector, &widgets::InspectorPanel::setSegment);
    connect(m_timeline, &widgets::TimelineView::takeActivated, this, &MainWindow::playTake);
    // Picking a segment shows its take, unless a job's live preview has the screen.
    connect(m_timeline, &widgets::TimelineView::segmentSelected, this, [this](qint64 segmentId) {
        if (!project() || segmentId == 0 || !m_bridge->isIdle())
            return;
        if (const qint64 take = project()->store().selectedTakeId(segmentId))
            playTake(segmentId, take);
    });
    connect(m_timeline, &widgets::TimelineView::errorOccurred, this,
        [this](const QString& message) { showError(tr("Timeline"), message); });
    connect(m_browser, &widgets::ProjectBrowser::segmentSelected, m_timeline, &widgets::TimelineView::selectSegment);
    connect(m_browser, &widgets::ProjectBrowser::takeActivated, this, &MainWindow::playTake);
    connect(m_browser, &widgets::ProjectBrowser::boardActivated, this, &MainWindow::showBoard);
    connect(m_browser, &widgets::ProjectBrowser::compareWithSelectedRequested, this, &MainWindow::compareWithSelected);
    connect(m_clipLoader, &ClipLoader::loaded, this,
        [this](const std::vector<engine::PreviewPtr>& clips, double fps, const QString& title) {
            m_workspace->setCurrentWidget(m_preview);
            if (clips.size() == 1)
                m_preview->playClip(clips.front(), fps, title);
            else
                m_preview->playSequence(clips, fps, title);
        });
    // The timeline's playhead follows the player: within the segment it
    // shows, or across the whole timeline.
    connect(m_preview->clock(), &widgets::PlaybackClock::positionChanged, this, [this](int frame) {
        if (m_preview->mode() == widgets::PreviewPanel::Mode::Clip && m_playingSegment != 0) {
            const int start = m_timeline->startFrameOf(m_playingSegment);
            if (start >= 0)
                m_timeline->setPlayhead(start + frame);
        } else if (m_preview->mode() == widgets::PreviewPanel::Mode::Sequence) {
            m_timeline->setPlayhead(frame);
        }
    });
    connect(m_clipLoader, &ClipLoader::failed, this,
        [this](const QString& message) { showError(tr("Cannot play the clip"), message); });
}

void MainWindow::refreshModelChoices()
{
    QList<widgets::ModelChoice> choices;
    for (const widgets::ModelEntry& entry : m_models->usableModels()) {
        try {
            const engine::tools::ModelSummary summary = engine::tools::describeModel(entry.folder.toStdString());
            widgets::ModelChoice choice;
            choice.name = entry.reference();
            choice.folder = entry.folder;
            for (const int frames : summary.frameCounts)
                choice.frameCounts.append(frames);
            for (const auto& [height, width] : summary.resolutions)
                choice.resolutions.append(QSize(width, height));
            choice.defaultSteps = summary.defaultSteps;
            choice.defaultGuidance = summary.defaultGuidance;
            choice.defaultSampler = QString::fromStdString(summary.defaultSampler);
            choice.samplers.clear();
            for (const std::string& sampler : summary.samplers)
                choice.samplers.append(QString::fromStdString(sampler));
            choice.fps = summary.fps;
            choice.maxPromptTokens = summary.maxPromptTokens;
            choices.append(choice);
        } catch (const std::exception& error) {
            // The model manager explains broken models; here they are just not offered.
            if (m_logging)
                m_logging->logger()->warn("model {} not offered: {}", entry.folder.toStdString(), error.what());
        }
    }
    QHash<QString, QString> folders;
    for (const widgets::ModelChoice& choice : choices)
        folders.insert(choice.name, choice.folder);
    m_bridge->setModelFolders(folders);
    m_inspector->setModelChoices(choices);
}

int MainWindow::countTokens(const QString& text)
{
    // The shown segment's model decides; the built-in model otherwise.
    QString model = QStringLiteral("nano");
    if (project() && m_inspector->segment() != 0) {
        const auto segment = project()->store().segment(m_inspector->segment());
        if (segment && !segment->settings.value(QStringLiteral("model")).toString().isEmpty())
            model = segment->settings.value(QStringLiteral("model")).toString();
    }
    auto counter = m_tokenCounters.value(model);
    if (!counter) {
        try {
            const auto summary = engine::tools::describeModel(model.toStdString());
            counter = std::make_shared<engine::tools::PromptTokenCounter>(summary.tokenizerPath, summary.chatTemplate);
            m_tokenCounters.insert(model, counter);
        } catch (const std::exception&) {
            return -1; // no tokenizer: the editor shows no count rather than a wrong one
        }
    }
    return counter->count(text.toStdString());
}

void MainWindow::applyPreferences(const widgets::StudioPreferences& preferences)
{
    widgets::applyTheme(widgets::themeFromString(preferences.theme));
    const QString device = preferences.device == QLatin1String("auto")
        ? (engine::queryBuildInfo().cudaAvailable ? QStringLiteral("cuda") : QStringLiteral("cpu"))
        : preferences.device;
    m_bridge->setDevice(device);
    // By default the engine leaves one core to the window, so that the
    // preview and the editors stay fluid while it samples.
    const int threads
        = preferences.cpuThreads > 0 ? preferences.cpuThreads : std::max(1, QThread::idealThreadCount() - 1);
    m_bridge->setThreads(threads);
    m_statusBar->setDevice(
        device == QLatin1String("cpu") ? tr("CPU · %n thread(s)", nullptr, threads) : device.toUpper());
}

void MainWindow::showError(const QString& title, const QString& message)
{
    // Not modal: the engine keeps running and the user keeps working.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->open();
    statusBar()->showMessage(message, 10000);
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
    for (QDockWidget* dock : {m_timelineDock, m_inspectorDock, m_jobsDock, m_browserDock, m_logDock})
        dock->show();
    m_timelineDock->raise();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    // A running job is left pending in the project: it runs again next time.
    m_session->close();
    event->accept();
}

void MainWindow::showAbout()
{
    widgets::AboutDialog dialog(studioVersion(), componentVersions(), this);
    dialog.exec();
}

void MainWindow::showModelManager()
{
    widgets::ModelManagerDialog dialog(*m_models, this);
    dialog.exec();
}

void MainWindow::showPreferences()
{
    widgets::PreferencesDialog dialog(this);
    connect(&dialog, &widgets::PreferencesDialog::applied, this, &MainWindow::applyPreferences);
    dialog.exec();
}

} // namespace cosmos::app
