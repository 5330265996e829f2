#include "projects/boards_model.h"

#include "projects/project_store.h"

namespace cosmos::projects {
namespace {

QList<qint64> idsOf(const QList<BoardRecord>& boards)
{
    QList<qint64> ids;
    ids.reserve(boards.size());
    for (const BoardRecord& board : boards)
        ids.append(board.id);
    return ids;
}

} // namespace

BoardsModel::BoardsModel(ProjectStore& store, QObject* parent)
    : QAbstractListModel(parent), m_store(store), m_boards(store.boards())
{
}

int BoardsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_boards.size());
}

QVariant BoardsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BoardRecord& board = m_boards[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return board.name;
    case IdRole: return board.id;
    case TakeCountRole: return int(board.takeIds.size());
    case TakeIdsRole: {
        // A QVariantList, not a QList<qint64>: QML reads it as an array.
        QVariantList ids;
        ids.reserve(board.takeIds.size());
        for (const qint64 id : board.takeIds)
            ids.append(id);
        return ids;
    }
    default: return {};
    }
}

QHash<int, QByteArray> BoardsModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {IdRole, "boardId"}, {NameRole, "name"}, {TakeCountRole, "takeCount"},
        {TakeIdsRole, "takeIds"}};
}

void BoardsModel::onChanged(const ChangeEvent& event)
{
    // A removed segment's takes leave their boards (ON DELETE CASCADE).
    if (event.type == ChangeEvent::Type::BoardsChanged || event.type == ChangeEvent::Type::SegmentRemoved)
        refresh();
}

// Boards are appended at the end and otherwise change in place (name,
// takes), so those two cases keep the rows (and a view's selection); a
// removal resets, which a handful of boards reads again at no cost.
void BoardsModel::refresh()
{
    QList<BoardRecord> boards = m_store.boards();
    const QList<qint64> before = idsOf(m_boards);
    const QList<qint64> after = idsOf(boards);
    if (after.size() >= before.size() && after.mid(0, before.size()) == before) {
        const int common = int(before.size());
        if (after.size() > before.size()) {
            beginInsertRows({}, common, int(after.size()) - 1);
            m_boards = std::move(boards);
            endInsertRows();
        } else {
            m_boards = std::move(boards);
        }
        if (common > 0)
            emit dataChanged(index(0), index(common - 1));
        return;
    }
    beginResetModel();
    m_boards = std::move(boards);
    endResetModel();
}

} // namespace cosmos::projects
