#include "projects/timeline_model.h"

#include "projects/project_store.h"

namespace cosmos::projects {

TimelineModel::TimelineModel(ProjectStore& store, QObject* parent) : QAbstractListModel(parent), m_store(store)
{
    reload();
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_segments.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_segments.size())
        return {};
    const SegmentRecord& segment = m_segments[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case PromptRole: return segment.prompt;
    case IdRole: return segment.id;
    case ConditioningRole: return toText(segment.conditioning);
    case StaleRole: return segment.stale;
    case SelectedTakeRole: return m_selectedTakes[index.row()];
    default: return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    return {{IdRole, "segmentId"}, {PromptRole, "prompt"}, {ConditioningRole, "conditioning"}, {StaleRole, "stale"},
        {SelectedTakeRole, "selectedTake"}};
}

void TimelineModel::onChanged(const ChangeEvent& event)
{
    if (event.type == ChangeEvent::Type::JobsChanged || event.type == ChangeEvent::Type::BoardsChanged)
        return; // neither the queue nor the boards show on the timeline
    // A new take may have become the selected one: refresh its row only.
    if (event.type == ChangeEvent::Type::SegmentChanged || event.type == ChangeEvent::Type::TakeSelected
        || event.type == ChangeEvent::Type::TakeChanged) {
        for (int row = 0; row < m_segments.size(); ++row) {
            if (m_segments[row].id != event.segmentId)
                continue;
            m_segments[row] = m_store.segment(event.segmentId).value_or(m_segments[row]);
            m_selectedTakes[row] = m_store.selectedTakeId(event.segmentId);
            emit dataChanged(index(row), index(row));
            return;
        }
    }
    // Rows came, went or moved: timelines are short, read them again.
    beginResetModel();
    reload();
    endResetModel();
}

void TimelineModel::reload()
{
    m_segments = m_store.segments();
    m_selectedTakes.clear();
    for (const SegmentRecord& segment : m_segments)
        m_selectedTakes.append(m_store.selectedTakeId(segment.id));
}

} // namespace cosmos::projects
