// Every undo command's id, from one enum: QUndoStack merges only commands
// of equal id, so the ids say which edits may merge (Tiled's undocommands.h).
#pragma once

namespace cosmos::projects {

enum class CommandId {
    AddSegment = 1,
    RemoveSegment,
    MoveSegment,
    ChangePrompt, // merges: a burst of typing is one undo step
    ChangeNegativePrompt, // merges
    ChangeConditioning,
    ChangeSetting, // merges per key: a slider drag is one undo step
    SelectTake,
};

} // namespace cosmos::projects
