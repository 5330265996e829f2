#include "engine/media/ffmpeg_version.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

namespace cosmos::engine::media {
namespace {

std::string avVersionString(unsigned version)
{
    return std::to_string(AV_VERSION_MAJOR(version)) + "." + std::to_string(AV_VERSION_MINOR(version)) + "."
        + std::to_string(AV_VERSION_MICRO(version));
}

} // namespace

std::string ffmpegVersion()
{
    // av_version_info() is the FFmpeg release ("5.1.6-0+deb12u1"); the
    // library versions say which ABI is loaded.
    return std::string(av_version_info()) + " (libavformat " + avVersionString(avformat_version()) + ", libavcodec "
        + avVersionString(avcodec_version()) + ")";
}

} // namespace cosmos::engine::media
