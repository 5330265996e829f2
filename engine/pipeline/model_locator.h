// Where a model named on the command line or in the studio lives. "nano" is
// the embedded model shipped with the app: found beside an installed binary
// (share/cosmos-studio/models/nano), in the install prefix the build was
// configured for, or in the source tree for runs from the build folder.
// COSMOS_MODELS_DIR overrides all of them.
#pragma once

#include <string>
#include <vector>

namespace cosmos::engine::pipeline {

// The built-in model names ("nano").
std::vector<std::string> builtinModelNames();

// A folder holding config.json, as given, or the folder of a built-in model.
// Throws EngineError naming what was tried when neither is found.
std::string resolveModelFolder(const std::string& nameOrFolder);

// The places searched for built-in models, in order.
std::vector<std::string> modelSearchPaths();

} // namespace cosmos::engine::pipeline
