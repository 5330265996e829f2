// How output and input paths name media: extensions, PNG sequences (a folder
// or a printf-style pattern such as name_%04d.png) and the JSON sidecars
// that carry metadata where the format has no place for it.
#pragma once

#include <optional>
#include <string>

namespace cosmos::engine::media {

// The first file of a PNG sequence written by the engine is number 1, as
// FFmpeg's image2 muxer does; reading accepts whatever image2 finds.
constexpr int kPngSequenceStartNumber = 1;
// The file pattern used when a PNG sequence target is a folder.
constexpr const char* kPngSequenceDefaultPattern = "frame_%04d.png";

struct PngSequencePath {
    std::string directory; // the folder holding the frames, without a trailing '/'
    std::string filePattern; // "frame_%04d.png": one %d or %0Nd conversion, nothing else with '%'
    bool folderTarget = false; // the caller named the folder, not a pattern

    // directory + "/" + filePattern, as FFmpeg's image2 demuxer takes it.
    std::string pattern() const;
    // The file of frame `number` ("clip/frame_0007.png").
    std::string frameFile(int number) const;
    // directory + "/<stem>.json", where the stem is the pattern without its
    // number and extension ("name_%04d.png" -> "name.json").
    std::string sidecar() const;
};

// The lower-cased extension without its dot ("mp4"), empty if none.
std::string lowerExtension(const std::string& path);

// True if `path` has one printf integer conversion (%d or %0Nd) in its file name.
bool hasFramePattern(const std::string& path);

// Interprets `path` as a PNG sequence: a name with a frame pattern ending in
// .png, an existing folder, or (when `folderAllowed`) any path ending in '/'
// or without an extension. nullopt when it is none of these. Throws
// MediaError (InvalidArgument) for a malformed pattern ("%s", two numbers).
std::optional<PngSequencePath> parsePngSequencePath(const std::string& path, bool folderAllowed);

// The sidecar of a single file: "<file>.json".
std::string fileSidecar(const std::string& path);

} // namespace cosmos::engine::media
