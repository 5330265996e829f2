// The one thing a Project reports: what changed, so that views and models
// update themselves (Tiled's Document::changed(ChangeEvent)).
#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace cosmos::projects {

struct ChangeEvent {
    enum class Type {
        SegmentAdded,
        SegmentRemoved,
        SegmentMoved,
        SegmentChanged, // prompt, conditioning, settings or stale flag
        TakeSelected,
        // Generation results, written outside the undo stack: a take of
        // segmentId was added or updated (takeId), or the job queue changed
        // (jobId; 0 when several jobs did).
        TakeChanged,
        JobsChanged,
        // A comparison board was added, renamed or removed, or its takes
        // changed (boardId). Boards are collections the user keeps beside
        // the timeline, so, like jobs, they are written outside the undo
        // stack.
        BoardsChanged,
    };
    Type type = Type::SegmentChanged;
    qint64 segmentId = 0;
    qint64 takeId = 0; // TakeSelected: the new selection (0: none)
    qint64 jobId = 0; // JobsChanged
    qint64 boardId = 0; // BoardsChanged
};

} // namespace cosmos::projects

Q_DECLARE_METATYPE(cosmos::projects::ChangeEvent)
