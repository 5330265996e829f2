// What the engine was built with and what it runs on: the versions the About
// dialog and `cosmos-cli --version` show. Plain data, no LibTorch types.
#pragma once

#include <string>
#include <vector>

namespace cosmos::engine {

struct ComponentVersion {
    std::string name; // "LibTorch", "FFmpeg", ...
    std::string version; // as the library reports it at run time
};

struct BuildInfo {
    std::string engineVersion;
    std::vector<ComponentVersion> components; // LibTorch, FFmpeg, spdlog
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
};

// Reads the versions from the libraries themselves (not from macros alone),
// so the answer describes the libraries that are actually loaded.
BuildInfo queryBuildInfo();

} // namespace cosmos::engine
