// A generation made outside the studio's queue (`cosmos-cli generate
// --project`), written into a project as a take of a segment:
//
//   auto take = startTake(store, request, &error);   // status running
//   ... generate, writing the clip and latent to temporary files ...
//   finishTake(store, *take, clip, latent, provenance, &error);  // done
//   // or abandonTake(store, *take, TakeStatus::Failed, message);
//
// The take is stored as running before generation starts, so a crash leaves
// it marked interrupted on the next open, like a take of the queue.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

#include "projects/project_error.h"
#include "projects/records.h"

namespace cosmos::projects {

class ProjectStore;

struct TakeRequest {
    // 1-based place on the timeline; one past the last appends a new
    // segment. 0: the last segment, or a new first one in an empty project.
    int segmentNumber = 0;
    // What a segment made for this take starts with (position ignored);
    // an existing segment is left as it is.
    SegmentRecord newSegment;
    // Image or video conditioning of a new segment: copied into media as an
    // asset. Empty: none.
    QString conditioningFile;
    QJsonObject params; // the full parameter snapshot
};

// Finds or makes the segment and adds a running take, in one transaction.
std::optional<TakeRecord> startTake(ProjectStore& store, const TakeRequest& request, ProjectError* error);

// Copies the clip (and the latent, when given, for a later Continue) into
// the project's media, with the thumbnail (PNG bytes) when given, then
// completes the row: done, provenance, timings. The first finished take of
// a segment becomes its selected take.
bool finishTake(ProjectStore& store, TakeRecord& take, const QString& clipFile, const QString& latentFile,
    const QJsonObject& provenance, ProjectError* error, const QByteArray& thumbnailPng = {});

// Marks a take that will never finish (failed, cancelled) with why.
bool abandonTake(ProjectStore& store, TakeRecord& take, TakeStatus status, const QString& message);

} // namespace cosmos::projects
