#include "engine/build_info.h"

#include <torch/cuda.h>
#include <torch/version.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

#include <spdlog/version.h>

namespace cosmos::engine {
namespace {

std::string avVersionString(unsigned version)
{
    return std::to_string(AV_VERSION_MAJOR(version)) + "." + std::to_string(AV_VERSION_MINOR(version)) + "."
        + std::to_string(AV_VERSION_MICRO(version));
}

std::string ffmpegVersion()
{
    // av_version_info() is the FFmpeg release ("5.1.6-0+deb12u1"); the
    // library versions say which ABI is loaded.
    return std::string(av_version_info()) + " (libavformat " + avVersionString(avformat_version()) + ", libavcodec "
        + avVersionString(avcodec_version()) + ")";
}

} // namespace

BuildInfo queryBuildInfo()
{
    BuildInfo info;
    info.engineVersion = COSMOS_VERSION;
    info.components.push_back({"LibTorch", TORCH_VERSION});
    info.components.push_back({"FFmpeg", ffmpegVersion()});
    info.components.push_back({"spdlog",
        std::to_string(SPDLOG_VER_MAJOR) + "." + std::to_string(SPDLOG_VER_MINOR) + "."
            + std::to_string(SPDLOG_VER_PATCH)});
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    return info;
}

} // namespace cosmos::engine
