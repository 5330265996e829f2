#include "projects/takes_model.h"

#include <QDir>

#include "projects/project_store.h"

namespace cosmos::projects {
namespace {

QList<qint64> idsOf(const QList<TakeRecord>& takes)
{
    QList<qint64> ids;
    ids.reserve(takes.size());
    for (const TakeRecord& take : takes)
        ids.append(take.id);
    return ids;
}

} // namespace

TakesModel::TakesModel(ProjectStore& store, QObject* parent) : QAbstractListModel(parent), m_store(store) { }

void TakesModel::setSegment(qint64 segmentId)
{
    if (segmentId == m_segmentId)
        return;
    beginResetModel();
    m_segmentId = segmentId;
    m_takes = segmentId > 0 ? m_store.takes(segmentId) : QList<TakeRecord>();
    endResetModel();
}

int TakesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_takes.size());
}

QVariant TakesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TakeRecord& take = m_takes[index.row()];
    switch (role) {
    case Qt::DisplayRole: return tr("Take %1").arg(index.row() + 1);
    case IdRole: return take.id;
    case StatusRole: return toText(take.status);
    case SelectedRole: return take.selected;
    case ClipPathRole: return take.clip.path;
    case ClipFileRole: return take.clip.isNull() ? QString() : QDir(m_store.folder()).filePath(take.clip.path);
    case DurationRole: return take.durationMs;
    case SeedRole: {
        const QJsonValue seed = take.params.value(QLatin1String("seed"));
        return seed.isDouble() ? QVariant(seed.toInteger()) : QVariant();
    }
    case GuidanceRole: {
        const QJsonValue guidance = take.params.value(QLatin1String("guidance"));
        return guidance.isDouble() ? QVariant(guidance.toDouble()) : QVariant();
    }
    default: return {};
    }
}

QHash<int, QByteArray> TakesModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {IdRole, "takeId"}, {StatusRole, "status"}, {SelectedRole, "selected"},
        {ClipPathRole, "clipPath"}, {ClipFileRole, "clipFile"}, {DurationRole, "durationMs"}, {SeedRole, "seed"},
        {GuidanceRole, "guidance"}};
}

void TakesModel::onChanged(const ChangeEvent& event)
{
    if (m_segmentId == 0 || event.segmentId != m_segmentId || event.type == ChangeEvent::Type::JobsChanged
        || event.type == ChangeEvent::Type::BoardsChanged)
        return;
    refresh();
}

// Takes are only ever appended (ids grow) or come and go with their segment,
// so new rows at the end are inserted and anything else resets; views keep
// their current item through the common case of a take arriving.
void TakesModel::refresh()
{
    QList<TakeRecord> takes = m_store.takes(m_segmentId);
    const QList<qint64> before = idsOf(m_takes);
    const QList<qint64> after = idsOf(takes);
    if (after.size() >= before.size() && after.mid(0, before.size()) == before) {
        const int common = int(before.size());
        if (after.size() > before.size()) {
            beginInsertRows({}, common, int(after.size()) - 1);
            m_takes = std::move(takes);
            endInsertRows();
        } else {
            m_takes = std::move(takes);
        }
        if (common > 0)
            emit dataChanged(index(0), index(common - 1));
        return;
    }
    beginResetModel();
    m_takes = std::move(takes);
    endResetModel();
}

} // namespace cosmos::projects
