// Comparing takes in the main window: comparison boards (the Board tab, all
// takes of a board in one synchronised grid, filling as a prompt matrix
// finishes, or a segment's takes gathered at once) and the A/B view (a wipe
// and a difference heatmap of two takes).
// Clips are read off the GUI thread by their own loaders, so that a board
// loading never cancels the player's clip and the other way round.
#include <algorithm>

#include <QStatusBar>
#include <QTabWidget>

#include "app/clip_loader.h"
#include "app/main_window.h"
#include "projects/project.h"
#include "widgets/ab_compare_view.h"
#include "widgets/board_labels.h"
#include "widgets/board_panel.h"
#include "widgets/board_view.h"
#include "widgets/timeline_view.h"

namespace cosmos::app {

void MainWindow::createCompareViews()
{
    m_board = new widgets::BoardPanel(m_workspace);
    m_workspace->addTab(m_board, tr("Board"));
    m_abView = new widgets::AbCompareView(m_workspace);
    m_workspace->addTab(m_abView, tr("A/B"));
    connect(m_workspace, &QTabWidget::currentChanged, this, &MainWindow::onWorkspaceTabChanged);
    m_boardLoader = new ClipLoader(this);
    m_abLoader = new ClipLoader(this);

    connect(m_board, &widgets::BoardPanel::takeChosen, this, [this](qint64 segmentId, qint64 takeId) {
        if (!project())
            return;
        project()->selectTake(segmentId, takeId); // undoable, like a pick in the take stack
        statusBar()->showMessage(tr("Take %1 is now the take of its segment.").arg(takeId), 5000);
    });
    connect(m_boardLoader, &ClipLoader::failed, this,
        [this](const QString& message) { showError(tr("Cannot show the board"), message); });
    connect(m_abLoader, &ClipLoader::failed, this,
        [this](const QString& message) { showError(tr("Cannot compare the takes"), message); });
    connect(m_abLoader, &ClipLoader::loaded, this,
        [this](const std::vector<engine::PreviewPtr>& clips, double fps, const QString& title) {
            if (clips.size() != 2)
                return;
            const QStringList labels = title.split(QLatin1Char('\n'));
            m_abView->setClips(clips[0], clips[1], labels.value(0), labels.value(1), fps);
            m_workspace->setCurrentWidget(m_abView);
        });
}

void MainWindow::onWorkspaceTabChanged()
{
    QWidget* current = m_workspace->currentWidget();
    if (current == m_board) {
        // Opened by hand: the newest board, or the one on show again where
        // it changed (renamed, filled) while the tab was hidden.
        if (m_shownBoard == 0)
            showNewestBoard();
        else if (m_shownBoardStale)
            showBoard(m_shownBoard);
    } else if (current == m_abView && !m_abView->clipA() && !m_abLoader->isBusy()) {
        // Opened by hand with nothing on it: the selected segment's takes,
        // as Ctrl+Shift+B would compare them.
        compareTakes();
    }
}

void MainWindow::showNewestBoard()
{
    if (!project())
        return;
    qint64 newest = 0;
    for (const projects::BoardRecord& board : project()->store().boards())
        newest = std::max(newest, board.id);
    if (newest != 0) {
        showBoard(newest);
        return;
    }
    m_shownBoard = 0;
    m_board->clear();
    m_board->view()->setEmptyMessage(
        tr("No comparison board yet.\n"
           "Compare > Board of the Segment's Takes (Ctrl+Shift+G) gathers a segment's takes;\n"
           "Generate > Prompt Matrix (Ctrl+Shift+Return) fills a board with new ones."));
}

void MainWindow::showBoard(qint64 boardId)
{
    if (!project())
        return;
    auto& store = project()->store();
    const auto board = store.board(boardId);
    if (!board)
        return;
    m_shownBoard = boardId;
    m_shownBoardStale = false;
    QStringList paths;
    QList<widgets::BoardCellInfo> cells;
    for (const qint64 takeId : store.boardTakes(boardId)) {
        const auto take = store.take(takeId);
        if (!take || take->clip.isNull())
            continue; // a take still running or failed has nothing to show yet
        paths << store.media().absolutePath(take->clip.path);
        cells.append({take->id, take->segmentId, take->params});
    }
    if (paths.isEmpty()) {
        m_board->clear();
        m_board->view()->setEmptyMessage(
            tr("No finished takes on \"%1\" yet.\nThey appear here as they finish.").arg(board->name));
        m_workspace->setCurrentWidget(m_board);
        statusBar()->showMessage(tr("The board \"%1\" has no finished takes yet.").arg(board->name), 5000);
        return;
    }
    // The cells belong to this request: a newer board request replaces both.
    disconnect(m_boardLoader, &ClipLoader::loaded, this, nullptr);
    const QString title = tr("%1 · %n take(s)", nullptr, int(cells.size())).arg(board->name);
    connect(m_boardLoader, &ClipLoader::loaded, this,
        [this, cells](const std::vector<engine::PreviewPtr>& clips, double fps, const QString& loadedTitle) {
            m_board->setBoard(QList<engine::PreviewPtr>(clips.begin(), clips.end()), cells, fps, loadedTitle);
            m_workspace->setCurrentWidget(m_board);
        });
    m_boardLoader->load(paths, title);
}

void MainWindow::compareTakes()
{
    const qint64 segmentId = m_timeline->selectedSegment();
    if (!project() || segmentId == 0)
        return;
    compareWithSelected(segmentId, 0);
}

void MainWindow::compareWithSelected(qint64 segmentId, qint64 takeId)
{
    if (!project())
        return;
    auto& store = project()->store();
    const auto pair = store.comparableTakes(segmentId, takeId); // the take asked for, else the newest other
    if (!pair) {
        statusBar()->showMessage(takeId != 0
                ? tr(
                    "Take %1 cannot be compared: it and the segment's selected take must both be finished, and differ.")
                      .arg(takeId)
                : tr("A/B needs two finished takes of the selected segment: generate another (Ctrl+Return)."),
            6000);
        return;
    }
    const auto& [a, b] = *pair;
    // The view puts "A" and "B" before them: the labels say which take.
    const QString labels = tr("Take %1 (selected)").arg(a.id) + QLatin1Char('\n') + tr("Take %1").arg(b.id);
    m_abLoader->load({store.media().absolutePath(a.clip.path), store.media().absolutePath(b.clip.path)}, labels);
}

void MainWindow::boardOfSegmentTakes()
{
    const qint64 segmentId = m_timeline->selectedSegment();
    if (!project() || segmentId == 0)
        return;
    auto& store = project()->store();
    QList<qint64> finished;
    for (const projects::TakeRecord& take : store.takes(segmentId)) {
        if (!take.clip.isNull())
            finished << take.id;
    }
    if (finished.size() < 2) {
        statusBar()->showMessage(
            tr("A board needs two finished takes of the selected segment: generate another (Ctrl+Return)."), 6000);
        return;
    }
    const auto segment = store.segment(segmentId);
    const int number = segment ? segment->position + 1 : 0;
    const auto boardId = project()->addBoard(tr("Takes of segment %1").arg(number));
    bool added = boardId.has_value();
    for (int i = 0; added && i < finished.size(); ++i)
        added = project()->addTakeToBoard(*boardId, finished.at(i));
    if (!added) {
        // A half-made board would only confuse: take it away again.
        const QString why = store.lastError().message;
        if (boardId)
            project()->removeBoard(*boardId);
        showError(tr("Cannot make the board"), why);
        return;
    }
    showBoard(*boardId);
}

} // namespace cosmos::app
