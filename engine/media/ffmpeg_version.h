// The FFmpeg the engine runs with, as the loaded libraries report it: one
// line for the About dialog and `cosmos-cli --version`. Its own file so that
// a build without FFmpeg (scripts/gpu-train) can leave it out and say so.
#pragma once

#include <string>

namespace cosmos::engine::media {

// "5.1.6-0+deb12u1 (libavformat 59.27.100, libavcodec 59.37.100)"
std::string ffmpegVersion();

} // namespace cosmos::engine::media
