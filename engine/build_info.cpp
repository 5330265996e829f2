#include "engine/build_info.h"

#include <torch/cuda.h>
#include <torch/version.h>

#include <spdlog/version.h>

#include "engine/media/ffmpeg_version.h"

namespace cosmos::engine {

BuildInfo queryBuildInfo()
{
    BuildInfo info;
    info.engineVersion = COSMOS_VERSION;
    info.components.push_back({"LibTorch", TORCH_VERSION});
    info.components.push_back({"FFmpeg", media::ffmpegVersion()});
    info.components.push_back({"spdlog",
        std::to_string(SPDLOG_VER_MAJOR) + "." + std::to_string(SPDLOG_VER_MINOR) + "."
            + std::to_string(SPDLOG_VER_PATCH)});
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    return info;
}

} // namespace cosmos::engine
