// Whole clips as the GUI plays them: a written take read back into shared RGB
// frames, and the clips of several segments joined into one sequence. Plain
// types only, so widgets and the app may include this header.
//
//   auto clip = decodeClip("media/take_0003.mp4");  // clip.frames->frames x 64x64, clip.fps 16
//
// Decoding is seconds of work for a long clip: call it off the GUI thread.
#pragma once

#include <string>
#include <vector>

#include "engine/runner/job.h"

namespace cosmos::engine {

struct DecodedClip {
    PreviewPtr frames; // never null; step is 0
    double fps = 16; // the file's rate, 16 when the file does not say
    std::vector<std::string> warnings; // damage found on the way (a truncated file plays what it has)
};

// Reads every frame of a video file (MP4, WebM, GIF, a PNG sequence...) at
// its own size and rate. Throws media::MediaError (an EngineError) naming the
// file for a missing, unreadable or frameless file.
DecodedClip decodeClip(const std::string& path);

// The clips one after another, as one clip (e.g. the whole timeline for
// export). Null and empty clips are skipped; the result is null when nothing
// is left. Throws EngineError when the clips differ in size or a clip's bytes
// do not match its frame count and size.
PreviewPtr concatenateClips(const std::vector<PreviewPtr>& clips);

} // namespace cosmos::engine
