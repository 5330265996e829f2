// Brings a file the user dropped or picked (an image or a video) into a
// project as an asset, so that a segment can be conditioned on it:
//
//   const auto mode = conditioningForFile(path);          // Image or Video
//   const auto asset = importAsset(store, path, *mode, &error);
//   if (asset) project.setConditioning(segmentId, *mode, *asset); // undoable
//
// The file is copied into media/assets/ (content-addressed), so the project
// keeps working when the original moves. The asset row is not part of the
// undo history: undoing the conditioning leaves an unused asset, which is
// harmless and lets redo find it again.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

#include "projects/project_error.h"
#include "projects/records.h"

namespace cosmos::projects {

class ProjectStore;

// Image for png/jpg/jpeg/bmp/webp, Video for mp4/webm/mov/mkv/avi/gif (a
// GIF is a clip); nothing for any other suffix. Decided by the name only.
std::optional<Conditioning> conditioningForFile(const QString& path);
// The suffixes above, lower case, for file dialogs and drop checks.
QStringList importableSuffixes(Conditioning conditioning);

// Copies `path` into the project's media and records it as an image or
// video asset (an identical file already imported is reused). Returns the
// asset id, or nothing with `error` set to a message that names the file:
// missing, unreadable, not a decodable image, or a read-only project.
std::optional<qint64> importAsset(
    ProjectStore& store, const QString& path, Conditioning conditioning, ProjectError* error);

} // namespace cosmos::projects
