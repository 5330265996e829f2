// What the timeline shows of each segment, read from the store in one pass:
// plain values, so that layout, painting and hit testing never touch the
// database.
#pragma once

#include <QList>
#include <QString>
#include <optional>

#include "projects/records.h"

namespace cosmos::projects {
class ProjectStore;
}

namespace cosmos::widgets {

// Used when neither the take nor the segment says otherwise.
inline constexpr int kDefaultSegmentFrames = 33;
inline constexpr double kDefaultFps = 16.0;

struct TimelineItem {
    qint64 segmentId = 0;
    QString prompt;
    projects::Conditioning conditioning = projects::Conditioning::Text;
    bool stale = false;
    int takeCount = 0;
    qint64 selectedTakeId = 0; // 0: none
    // The take the clip stands for: the selected one, else the newest.
    std::optional<projects::TakeStatus> shownStatus;
    int frames = kDefaultSegmentFrames;
    double fps = kDefaultFps;
    QString thumbnailFile; // absolute; empty: none yet

    bool isGenerated() const { return takeCount > 0; }
    double durationSeconds() const { return fps > 0 ? frames / fps : 0.0; }
};

// Frames and fps a take records: the engine's provenance (what was made)
// before the request's parameters (what was asked); 0 when neither says.
int framesOfTake(const projects::TakeRecord& take);
double fpsOfTake(const projects::TakeRecord& take);

// The timeline in order.
QList<TimelineItem> readTimelineItems(projects::ProjectStore& store);

// "T", "I", "V", "C" and their long names, for the clip's mode badge.
QString modeLetter(projects::Conditioning conditioning);
QString modeName(projects::Conditioning conditioning);

} // namespace cosmos::widgets
