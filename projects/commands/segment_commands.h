// Undo commands that add, remove and move segments of the timeline.
#pragma once

#include <QList>
#include <QUndoCommand>

#include "projects/records.h"

namespace cosmos::projects {

class Project;

class AddSegmentCommand : public QUndoCommand {
public:
    AddSegmentCommand(Project& project, SegmentRecord segment);
    int id() const override;
    void redo() override;
    void undo() override;
    qint64 segmentId() const { return m_segment.id; }

private:
    Project& m_project;
    SegmentRecord m_segment; // its id is kept after the first redo
};

class RemoveSegmentCommand : public QUndoCommand {
public:
    RemoveSegmentCommand(Project& project, qint64 segmentId);
    int id() const override;
    void redo() override;
    void undo() override;

private:
    void notifyBoards();

    Project& m_project;
    SegmentRecord m_segment; // snapshot at the last removal: restored with the same ids
    QList<TakeRecord> m_takes;
    SegmentLinks m_links; // board places and jobs of the segment and its takes
    bool m_removed = false; // by the last redo, and not yet restored
};

class MoveSegmentCommand : public QUndoCommand {
public:
    MoveSegmentCommand(Project& project, qint64 segmentId, int position);
    int id() const override;
    void redo() override;
    void undo() override;

private:
    Project& m_project;
    qint64 m_segmentId = 0;
    int m_from = 0;
    int m_to = 0;
};

} // namespace cosmos::projects
