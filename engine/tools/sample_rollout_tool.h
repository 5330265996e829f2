// The headless default job (what `make run` does without a display): a
// short sample rollout with the embedded nano model in all four modes,
// written as clips into a folder, so a new user sees what the engine does.
//
//   SampleRollout r = runSampleRollout("nano", "out", logger, progress);
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/logging.h"

namespace cosmos::engine::tools {

struct SampleClip {
    std::string mode; // text2world, continue, image2world, video2world, rollout
    std::string prompt;
    std::string path;
    double seconds = 0.0;
};

struct SampleRollout {
    std::string modelFolder;
    std::vector<SampleClip> clips;
};

// progress(line) reports each take as it starts. Throws EngineError /
// MediaError with what went wrong (no model, an unwritable folder).
SampleRollout runSampleRollout(const std::string& model, const std::string& outDir, const LoggerPtr& logger,
    const std::function<void(const std::string&)>& progress = {});

} // namespace cosmos::engine::tools
