// A job's request: the JSON a projects::JobRecord keeps (and a take keeps as
// its params), and its conversion to the engine's GenerateOptions. The keys
// are those `cosmos-cli generate --project` records: prompt, negative_prompt,
// mode (text, image, video, continue), model, frames, steps, guidance, seed,
// sampler, device, scale, image, video, continue, random_weights_seed,
// config, tokenizer; plus segment_id and asset_id.
//
//   auto request = requestForSegment(project, segmentId, &error); // on enqueue
//   ...
//   auto options = optionsForRequest(project, *request, &error);  // when the job starts
//
// The request is a snapshot of the segment when the job was queued; the
// files it needs are found when the job starts, so that a Continue queued
// behind the previous segment's job continues from that job's take.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <optional>

#include "engine/tools/generate_tool.h"

namespace cosmos::projects {
class Project;
} // namespace cosmos::projects

namespace cosmos::app {

// The segment's prompt, negative prompt, conditioning and settings (model,
// steps, guidance, seed, frames, sampler: SegmentRecord::settings keys). A
// segment without a seed gets a random one, recorded in the request so the
// take can be made again. Image/video conditioning: the asset's id and its
// absolute media path. Fails (nullopt, `error` set) only for an unknown
// segment.
std::optional<QJsonObject> requestForSegment(projects::Project& project, qint64 segmentId, QString* error);

// Model names the app knows (its model registry) -> their folders.
using ModelFolders = QHash<QString, QString>;

// The options to run `request`, its files found in the project: the model
// (a name in `models`, else "nano" or empty: the built-in nano folder, else
// a model folder), the image or video asset, and
// for Continue the latent of the previous segment's selected take. Fails
// with a message for the user, e.g. "segment 2 has no finished take to
// continue from". outputPath and saveLatentPath are left to the caller.
std::optional<engine::tools::GenerateOptions> optionsForRequest(
    projects::Project& project, const QJsonObject& request, QString* error, const ModelFolders& models = {});

// The request that describes `options` (the take's params): the inverse of
// optionsForRequest for everything but the project's ids.
QJsonObject requestForOptions(const engine::tools::GenerateOptions& options);

} // namespace cosmos::app
