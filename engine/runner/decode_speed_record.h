// How fast each model decoded on each device, kept in a small JSON file in
// the user's data folder, so that a take's time left counts its decoding
// from the first take after a start, not only after the model's first
// decode in this process. For a real model on a GPU the decoding is a large
// share of a take (the tokenizer decodes every frame at full size), and an
// estimate without it looked finished while a long decode was still to come.
//
//   DecodeSpeedRecord record(path, logger);
//   record.seed(model);    // after loading: the speed measured in an earlier session
//   generate(model, ...);  // measures it again
//   record.remember(model);
//
// Keys are the model's weights id and device: other weights, or the same on
// another device, decode at their own speed. A missing or broken file is an
// empty record (logged): a time estimate is never worth failing a take for.
// Thread: the engine thread only.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "engine/logging.h"

namespace cosmos::engine::pipeline {
class WorldModel;
}

namespace cosmos::engine {

class DecodeSpeedRecord {
public:
    // An empty path keeps nothing: seed() and remember() do nothing.
    DecodeSpeedRecord(std::string path, LoggerPtr logger);

    // Gives a model that has not decoded yet the speed recorded for it.
    void seed(pipeline::WorldModel& model) const;
    // Records the model's measured speed (written when it changed).
    void remember(const pipeline::WorldModel& model);

    std::optional<double> secondsPerLatentPixel(const std::string& key) const;
    static std::string keyFor(const pipeline::WorldModel& model);

private:
    void load();
    void save() const;

    std::string m_path;
    LoggerPtr m_logger;
    std::map<std::string, double> m_speeds;
};

} // namespace cosmos::engine
