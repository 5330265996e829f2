// The project browser's actions: boards renamed in place (F2) and deleted
// (Delete, after asking: boards have no undo, but their takes stay on the
// timeline), and the tree's context menus (a board: Show, Rename, Delete; a
// take: Show, Compare with the Selected Take). Edits go through the
// Project, whose BoardsChanged event rebuilds the tree.
#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QTreeWidget>

#include "projects/project.h"
#include "widgets/project_browser.h"
#include "widgets/project_browser_items.h"

namespace cosmos::widgets {
using namespace browser_items;

void ProjectBrowser::createBoardActions()
{
    m_renameBoard = new QAction(tr("&Rename Board"), this);
    m_renameBoard->setObjectName(QStringLiteral("actionRenameBoard"));
    m_renameBoard->setShortcut(Qt::Key_F2);
    m_deleteBoard = new QAction(tr("&Delete Board..."), this);
    m_deleteBoard->setObjectName(QStringLiteral("actionDeleteBoard"));
    m_deleteBoard->setShortcut(QKeySequence::Delete);
    for (QAction* action : {m_renameBoard, m_deleteBoard}) {
        action->setShortcutContext(Qt::WidgetShortcut); // the tree's keys, not the window's
        m_tree->addAction(action);
    }
    connect(m_renameBoard, &QAction::triggered, this, &ProjectBrowser::renameCurrentBoard);
    connect(m_deleteBoard, &QAction::triggered, this, &ProjectBrowser::deleteCurrentBoard);

    // Double-click shows a board; only F2 edits its name.
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_tree, &QTreeWidget::itemChanged, this, &ProjectBrowser::onItemEdited);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ProjectBrowser::showContextMenu);
    updateBoardActions();
}

qint64 ProjectBrowser::currentBoard() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item && item->data(0, kKindRole).toInt() == BoardItem ? item->data(0, kIdRole).toLongLong() : 0;
}

void ProjectBrowser::updateBoardActions()
{
    const bool board = m_project && currentBoard() != 0;
    m_renameBoard->setEnabled(board);
    m_deleteBoard->setEnabled(board);
}

void ProjectBrowser::showContextMenu(const QPoint& at)
{
    QTreeWidgetItem* item = m_tree->itemAt(at);
    const int kind = item ? item->data(0, kKindRole).toInt() : 0;
    if (!m_project || (kind != BoardItem && kind != TakeItem))
        return;
    m_tree->setCurrentItem(item);
    const qint64 id = item->data(0, kIdRole).toLongLong();
    QMenu menu(this);
    if (kind == BoardItem) {
        menu.addAction(tr("&Show"), this, [this, id] { emit boardActivated(id); });
        menu.addSeparator();
        menu.addAction(m_renameBoard);
        menu.addAction(m_deleteBoard);
    } else {
        const qint64 segmentId = item->data(0, kSegmentRole).toLongLong();
        menu.addAction(tr("&Show"), this, [this, segmentId, id] { emit takeActivated(segmentId, id); });
        QAction* compare = menu.addAction(tr("&Compare with the Selected Take (A/B)"), this,
            [this, segmentId, id] { emit compareWithSelectedRequested(segmentId, id); });
        compare->setEnabled(m_project->store().comparableTakes(segmentId, id).has_value());
    }
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}

void ProjectBrowser::renameCurrentBoard()
{
    if (currentBoard() != 0)
        m_tree->editItem(m_tree->currentItem(), 0);
}

void ProjectBrowser::onItemEdited(QTreeWidgetItem* item, int column)
{
    if (m_rebuilding || !m_project || column != 0 || item->data(0, kKindRole).toInt() != BoardItem)
        return;
    const qint64 boardId = item->data(0, kIdRole).toLongLong();
    const QString name = item->text(0).simplified();
    // After the editor has let go of the item: the rename rebuilds the tree.
    QMetaObject::invokeMethod(
        this,
        [this, boardId, name] {
            const auto board = m_project ? m_project->store().board(boardId) : std::nullopt;
            if (!board)
                return;
            if (name.isEmpty() || name == board->name) {
                rebuild(); // an empty name keeps the old one
                return;
            }
            if (!m_project->renameBoard(boardId, name)) {
                QMessageBox::warning(this, tr("Cannot rename the board"), m_project->store().lastError().message);
                rebuild();
            }
        },
        Qt::QueuedConnection);
}

void ProjectBrowser::deleteCurrentBoard()
{
    const qint64 boardId = currentBoard();
    if (!m_project || boardId == 0)
        return;
    const auto board = m_project->store().board(boardId);
    if (!board)
        return;
    const auto answer = QMessageBox::question(this, tr("Delete Board"),
        tr("Delete the board \"%1\"? Its %n take(s) stay on the timeline; the board cannot be brought back.", nullptr,
            int(board->takeIds.size()))
            .arg(board->name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (!m_project->removeBoard(boardId))
        QMessageBox::warning(this, tr("Cannot delete the board"), m_project->store().lastError().message);
}

} // namespace cosmos::widgets
