// The GPU training tools are built without FFmpeg (the machine has none and
// they encode no video); the engine's build information says so instead of
// naming a version.
#include "engine/media/ffmpeg_version.h"

namespace cosmos::engine::media {

std::string ffmpegVersion()
{
    return "not built in (GPU training tools)";
}

} // namespace cosmos::engine::media
