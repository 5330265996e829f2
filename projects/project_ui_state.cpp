#include "projects/project_ui_state.h"

#include <type_traits>

#include "projects/project_store.h"

namespace cosmos::projects {
namespace {

const QLatin1String kUiKey("ui");
const QLatin1String kSelectedSegment("selectedSegment");
const QLatin1String kTimelineZoom("timelineZoom");
const QLatin1String kPlayhead("playheadFrame");
const QLatin1String kPreviewZoom("previewZoom");

} // namespace

QJsonObject ProjectUiState::toJson() const
{
    return {{kSelectedSegment, selectedSegmentId}, {kTimelineZoom, timelineZoom}, {kPlayhead, playheadFrame},
        {kPreviewZoom, previewZoom}};
}

ProjectUiState ProjectUiState::fromJson(const QJsonObject& object)
{
    ProjectUiState state;
    const auto read = [&](QLatin1String key, auto& field) {
        const QJsonValue value = object.value(key);
        if (!value.isDouble())
            return;
        if constexpr (std::is_same_v<std::decay_t<decltype(field)>, double>)
            field = value.toDouble();
        else
            field = value.toInteger();
    };
    read(kSelectedSegment, state.selectedSegmentId);
    read(kTimelineZoom, state.timelineZoom);
    read(kPlayhead, state.playheadFrame);
    read(kPreviewZoom, state.previewZoom);
    return state;
}

ProjectUiState readUiState(ProjectStore& store)
{
    return ProjectUiState::fromJson(store.settings().value(kUiKey).toObject());
}

bool writeUiState(ProjectStore& store, const ProjectUiState& state)
{
    QJsonObject settings = store.settings();
    settings.insert(kUiKey, state.toJson());
    return store.setSettings(settings);
}

} // namespace cosmos::projects
