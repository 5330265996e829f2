// The per-format halves of encodeVideo / encodeImage. Each writes to
// temporary names and renames them when complete. Internal to engine/media.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <torch/types.h>

#include "engine/media/frame_source.h"
#include "engine/media/media_encoder.h"
#include "engine/media/media_paths.h"

namespace cosmos::engine::media {

// MP4 / MOV (H.264) or WebM / MKV (VP9); `muxer` is FFmpeg's name for the container.
EncodeResult encodeCodecVideo(const std::string& path, VideoFormat format, const std::string& muxer,
    FrameSource& frames, const EncodeOptions& options);

EncodeResult encodeGif(const std::string& path, FrameSource& frames, const EncodeOptions& options);

EncodeResult encodePngSequence(
    const std::string& path, const PngSequencePath& sequence, FrameSource& frames, const EncodeOptions& options);

// One picture, compressed in memory by FFmpeg's `encoder` ("png", "mjpeg", "libwebp").
// rgb: [H, W, 3] uint8, contiguous
std::vector<std::uint8_t> encodePicture(
    const std::string& path, const std::string& encoder, const torch::Tensor& rgb, int quality);

// Calls options.progress(frame, frames); throws MediaCancelled when it returns false.
void reportProgress(const std::string& path, const EncodeOptions& options, int frame, int frames);

// A GIF with `comment` stored as a comment extension after its header, and
// the comments of a GIF (in file order). Throw MediaError (Corrupt) for bytes
// that are not a GIF.
std::vector<std::uint8_t> withGifComment(
    const std::string& path, const std::vector<std::uint8_t>& gif, const std::string& comment);
std::vector<std::string> gifComments(const std::string& path, const std::vector<std::uint8_t>& gif);

} // namespace cosmos::engine::media
