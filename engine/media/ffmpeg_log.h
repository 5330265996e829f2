// FFmpeg logs through one process-wide callback (stderr by default). This
// points it at the logger the app injects, so that its warnings ("moov atom
// not found", libx264's statistics) land in the log file instead of the
// console. The one piece of global state in engine/media, because FFmpeg's is.
#pragma once

#include "engine/logging.h"

namespace cosmos::engine::media {

// FFmpeg errors and warnings become spdlog errors and warnings, its info
// becomes debug, its verbose output trace. nullptr restores FFmpeg's default.
void routeFfmpegLog(LoggerPtr logger);

} // namespace cosmos::engine::media
