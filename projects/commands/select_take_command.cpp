#include "projects/commands/select_take_command.h"

#include <QCoreApplication>

#include "projects/commands/command_ids.h"
#include "projects/project.h"

namespace cosmos::projects {

SelectTakeCommand::SelectTakeCommand(Project& project, qint64 segmentId, qint64 takeId)
    : m_project(project), m_segmentId(segmentId), m_before(project.store().selectedTakeId(segmentId)), m_after(takeId)
{
    // The Continue segments right after this one, up to the first that
    // starts afresh: each continues from the one before it.
    const QList<SegmentRecord> segments = project.store().segments();
    bool after = false;
    for (const SegmentRecord& segment : segments) {
        if (after && segment.conditioning != Conditioning::Continue)
            break;
        if (after)
            m_staleBefore.append({segment.id, segment.stale});
        after = after || segment.id == segmentId;
    }
    setText(QCoreApplication::translate("cosmos::projects::Commands", "Select Take"));
}

int SelectTakeCommand::id() const
{
    return int(CommandId::SelectTake);
}

void SelectTakeCommand::redo()
{
    ProjectStore& store = m_project.store();
    const bool done = store.transact([&] {
        if (!store.selectTake(m_segmentId, m_after))
            return false;
        for (const auto& [segmentId, stale] : m_staleBefore) {
            Q_UNUSED(stale)
            if (!store.setSegmentStale(segmentId, true))
                return false;
        }
        return true;
    });
    if (!done)
        return;
    m_project.notify({ChangeEvent::Type::TakeSelected, m_segmentId, m_after});
    for (const auto& entry : m_staleBefore)
        m_project.notify({ChangeEvent::Type::SegmentChanged, entry.first, 0});
}

void SelectTakeCommand::undo()
{
    ProjectStore& store = m_project.store();
    const bool done = store.transact([&] {
        if (!store.selectTake(m_segmentId, m_before))
            return false;
        for (const auto& [segmentId, stale] : m_staleBefore) {
            if (!store.setSegmentStale(segmentId, stale))
                return false;
        }
        return true;
    });
    if (!done)
        return;
    m_project.notify({ChangeEvent::Type::TakeSelected, m_segmentId, m_before});
    for (const auto& entry : m_staleBefore)
        m_project.notify({ChangeEvent::Type::SegmentChanged, entry.first, 0});
}

} // namespace cosmos::projects
