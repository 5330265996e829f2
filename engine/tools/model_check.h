// "Is this folder a model the studio can load?", answered without loading it:
// the model manager runs this on a worker thread when a folder is added or
// verified. Plain data (no LibTorch types), so widgets/ can show the report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cosmos::engine::tools {

struct ModelCheckReport {
    bool ok = false;
    std::string modelName; // the config's name; the folder's name when there is no config
    // What was checked, one finding a line, for people. Each line starts with
    // "[ok] ", "[problem] " or "[info] "; detail lines under a finding are indented.
    std::vector<std::string> lines;
    std::string error; // the first blocking problem, naming the file; empty when ok
    std::uint64_t sizeBytes = 0; // every file in the folder
};

// Checks config.json, each network's weights (present, readable, tensor names
// and shapes against the config), the tokenizer and the size on disk. Never
// throws: a missing folder, a corrupt config or a damaged weights file
// becomes a report with ok false and the problem in words.
ModelCheckReport checkModelFolder(const std::string& folder);

} // namespace cosmos::engine::tools
