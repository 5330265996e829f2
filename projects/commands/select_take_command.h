// Selecting a segment's take. The later segments that continue from it,
// directly or along a chain of Continue segments, become stale; undo
// restores the old selection and the old stale flags exactly.
#pragma once

#include <QList>
#include <QPair>
#include <QUndoCommand>

namespace cosmos::projects {

class Project;

class SelectTakeCommand : public QUndoCommand {
public:
    SelectTakeCommand(Project& project, qint64 segmentId, qint64 takeId);
    int id() const override;
    void redo() override;
    void undo() override;

private:
    Project& m_project;
    qint64 m_segmentId = 0;
    qint64 m_before = 0;
    qint64 m_after = 0;
    QList<QPair<qint64, bool>> m_staleBefore; // the chain's flags before the first redo
};

} // namespace cosmos::projects
