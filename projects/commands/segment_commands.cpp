#include "projects/commands/segment_commands.h"

#include <QCoreApplication>
#include <QSet>

#include "projects/commands/command_ids.h"
#include "projects/project.h"

namespace cosmos::projects {
AddSegmentCommand::AddSegmentCommand(Project& project, SegmentRecord segment)
    : m_project(project), m_segment(std::move(segment))
{
    setText(QCoreApplication::translate("cosmos::projects::Commands", "Add Segment"));
}

int AddSegmentCommand::id() const
{
    return int(CommandId::AddSegment);
}

void AddSegmentCommand::redo()
{
    if (const std::optional<qint64> id = m_project.store().insertSegment(m_segment)) {
        m_segment.id = *id;
        m_project.notify({ChangeEvent::Type::SegmentAdded, *id, 0});
    }
}

void AddSegmentCommand::undo()
{
    if (m_project.store().removeSegment(m_segment.id))
        m_project.notify({ChangeEvent::Type::SegmentRemoved, m_segment.id, 0});
}

RemoveSegmentCommand::RemoveSegmentCommand(Project& project, qint64 segmentId) : m_project(project)
{
    m_segment.id = segmentId;
    setText(QCoreApplication::translate("cosmos::projects::Commands", "Remove Segment"));
}

int RemoveSegmentCommand::id() const
{
    return int(CommandId::RemoveSegment);
}

void RemoveSegmentCommand::redo()
{
    // The snapshot is taken at each removal, not once: takes finish and
    // boards gather takes outside the undo stack, between an undo and a redo.
    auto& store = m_project.store();
    m_removed = false;
    const std::optional<SegmentRecord> segment = store.segment(m_segment.id);
    if (!segment)
        return;
    m_segment = *segment;
    m_takes = store.takes(m_segment.id);
    m_links = store.segmentLinks(m_segment.id);
    if (!store.removeSegment(m_segment.id))
        return;
    m_removed = true;
    m_project.notify({ChangeEvent::Type::SegmentRemoved, m_segment.id, 0});
    notifyBoards();
}

// The boards that held the segment's takes: a board on show follows them
// out and back in.
void RemoveSegmentCommand::notifyBoards()
{
    QSet<qint64> boards;
    for (const auto& place : m_links.boardPlaces)
        boards.insert(place.boardId);
    for (const qint64 boardId : boards)
        m_project.notify({ChangeEvent::Type::BoardsChanged, 0, 0, 0, boardId});
}

void RemoveSegmentCommand::undo()
{
    // A redo that found nothing to remove has nothing to bring back: its
    // snapshot would insert a blank segment under that id.
    if (!m_removed)
        return;
    const bool restored = m_project.store().transact([&] {
        if (!m_project.store().insertSegment(m_segment))
            return false;
        for (const TakeRecord& take : m_takes) {
            if (!m_project.store().addTake(take))
                return false;
        }
        return m_project.store().restoreSegmentLinks(m_segment.id, m_links);
    });
    if (!restored)
        return;
    m_removed = false;
    m_project.notify({ChangeEvent::Type::SegmentAdded, m_segment.id, 0});
    // Boards and the job queue show the takes again.
    notifyBoards();
    if (!m_links.jobTakes.isEmpty() || !m_links.jobIds.isEmpty())
        m_project.notify({ChangeEvent::Type::JobsChanged, m_segment.id, 0, 0});
}

MoveSegmentCommand::MoveSegmentCommand(Project& project, qint64 segmentId, int position)
    : m_project(project), m_segmentId(segmentId), m_to(position)
{
    m_from = project.store().segment(segmentId).value_or(SegmentRecord {}).position;
    setText(QCoreApplication::translate("cosmos::projects::Commands", "Move Segment"));
}

int MoveSegmentCommand::id() const
{
    return int(CommandId::MoveSegment);
}

void MoveSegmentCommand::redo()
{
    if (m_project.store().moveSegment(m_segmentId, m_to))
        m_project.notify({ChangeEvent::Type::SegmentMoved, m_segmentId, 0});
}

void MoveSegmentCommand::undo()
{
    if (m_project.store().moveSegment(m_segmentId, m_from))
        m_project.notify({ChangeEvent::Type::SegmentMoved, m_segmentId, 0});
}

} // namespace cosmos::projects
