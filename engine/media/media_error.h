// Errors of the media layer (decoding and encoding images and videos). The
// message names the file, what was expected and what was found, with
// FFmpeg's own explanation where FFmpeg reported the failure.
#pragma once

#include <string>
#include <utility>

#include "engine/errors.h"

namespace cosmos::engine::media {

// What went wrong, for callers that react differently (e.g. offer to pick
// another file for MissingFile, but not for WriteFailed).
enum class MediaErrorKind {
    MissingFile, // the input does not exist
    NotMedia, // FFmpeg cannot open it as an image or video container
    NoVideoStream, // a container without pictures (audio only, subtitles...)
    UnsupportedCodec, // no decoder / encoder for it in this FFmpeg build
    Corrupt, // the container or stream is damaged beyond reading
    NoFrames, // opened fine but not a single picture could be decoded
    TooFewFrames, // fewer frames than the caller required (truncated, damaged or short)
    InvalidArgument, // bad tensor shape, size, fps, extension or metadata key
    WriteFailed, // the output cannot be created, written or moved into place
};

class MediaError : public EngineError {
public:
    MediaError(MediaErrorKind kind, std::string file, const std::string& problem)
        : EngineError(compose(file, problem)), m_kind(kind), m_file(std::move(file))
    {
    }

    MediaErrorKind kind() const { return m_kind; }
    const std::string& file() const { return m_file; }

private:
    static std::string compose(const std::string& file, const std::string& problem)
    {
        return (file.empty() ? std::string("media") : "'" + file + "'") + ": " + problem;
    }

    MediaErrorKind m_kind = MediaErrorKind::InvalidArgument;
    std::string m_file;
};

// Thrown when the progress callback of an encoder returns false, after the
// partial output has been removed. Not a MediaError: the user asked for it.
class MediaCancelled : public EngineError {
public:
    MediaCancelled(std::string file, int frame, int frames)
        : EngineError("writing '" + file + "' cancelled after frame " + std::to_string(frame) + " of "
            + std::to_string(frames) + "; nothing was written"),
          m_file(std::move(file)),
          m_frame(frame)
    {
    }

    const std::string& file() const { return m_file; }
    int frame() const { return m_frame; }

private:
    std::string m_file;
    int m_frame = 0;
};

} // namespace cosmos::engine::media
