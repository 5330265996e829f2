// Where the user left a project: kept in the project itself (the settings
// JSON of its project row, under "ui"), so that it travels with the folder
// and a bundle, and reopening puts the user back where they were.
#pragma once

#include <QJsonObject>
#include <QtGlobal>

namespace cosmos::projects {

class ProjectStore;

struct ProjectUiState {
    qint64 selectedSegmentId = 0; // 0: none
    double timelineZoom = 1.0;
    qint64 playheadFrame = 0;
    double previewZoom = 1.0; // 0: fit to the window

    QJsonObject toJson() const;
    // Missing or mistyped keys keep their defaults: an older or hand-edited
    // project still opens.
    static ProjectUiState fromJson(const QJsonObject& object);

    friend bool operator==(const ProjectUiState& a, const ProjectUiState& b)
    {
        // Exact: the values round-trip through JSON doubles unchanged.
        return a.selectedSegmentId == b.selectedSegmentId && a.timelineZoom == b.timelineZoom
            && a.playheadFrame == b.playheadFrame && a.previewZoom == b.previewZoom;
    }
    friend bool operator!=(const ProjectUiState& a, const ProjectUiState& b) { return !(a == b); }
};

// Reads and writes the "ui" key of the store's settings, leaving the others.
ProjectUiState readUiState(ProjectStore& store);
bool writeUiState(ProjectStore& store, const ProjectUiState& state);

} // namespace cosmos::projects
