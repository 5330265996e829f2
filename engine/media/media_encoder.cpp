#include "engine/media/media_encoder.h"

#include <cmath>
#include <optional>
#include <sstream>

#include "engine/media/encode_formats.h"
#include "engine/media/frame_convert.h"
#include "engine/media/media_error.h"
#include "engine/media/pending_file.h"

namespace cosmos::engine::media {
namespace {

constexpr const char* kKnownOutputs = ".mp4, .m4v, .mov, .webm, .mkv, .gif, a folder or a name_%04d.png pattern "
                                      "(.png, .jpg, .webp for a single frame)";
constexpr std::size_t kMaxMetadataKeyLength = 64;

[[noreturn]] void invalid(const std::string& path, const std::string& problem)
{
    throw MediaError(MediaErrorKind::InvalidArgument, path, problem);
}

std::string number(double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

void checkOptions(const std::string& path, const EncodeOptions& options)
{
    if (!std::isfinite(options.fps) || options.fps <= 0 || options.fps > 1000)
        invalid(path, "expected fps in (0, 1000], found " + number(options.fps));
    if (options.quality < 0 || options.quality > 100)
        invalid(path, "expected quality in 0..100, found " + std::to_string(options.quality));
    for (const auto& [key, value] : options.metadata) {
        const bool wellFormed = !key.empty() && key.size() <= kMaxMetadataKeyLength
            && key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
        if (!wellFormed)
            invalid(path,
                "expected metadata keys of lower-case letters, digits and '_' (what every container keeps), "
                "found '"
                    + key + "'");
        if (value.find('\0') != std::string::npos)
            invalid(path, "metadata '" + key + "' contains a NUL character, which containers cannot store");
    }
}

EncodeResult encodeSinglePicture(
    const std::string& path, const std::string& extension, FrameSource& frames, const EncodeOptions& options)
{
    const std::string encoder = extension == "png" ? "png" : extension == "webp" ? "libwebp" : "mjpeg";
    PendingFile output(path);
    const auto bytes = encodePicture(path, encoder, frames.frame(0), options.quality);
    output.write(bytes.data(), bytes.size());
    reportProgress(path, options, 1, 1);
    output.commit();
    EncodeResult result;
    result.files = {path};
    result.width = frames.width();
    result.height = frames.height();
    result.frames = 1;
    result.notes = frames.notes();
    if (!options.metadata.empty())
        result.notes.push_back("metadata is not written into single pictures");
    return result;
}

} // namespace

void reportProgress(const std::string& path, const EncodeOptions& options, int frame, int frames)
{
    if (options.progress && !options.progress(frame, frames))
        throw MediaCancelled(path, frame, frames);
}

EncodeResult encodeVideo(const std::string& path, const torch::Tensor& frames, const EncodeOptions& options)
{
    checkOptions(path, options);
    const torch::Tensor bytes = framesToBytes(frames, path); // [T, H, W, 3]
    FrameProvider provider;
    provider.count = static_cast<int>(bytes.size(0));
    provider.height = static_cast<int>(bytes.size(1));
    provider.width = static_cast<int>(bytes.size(2));
    provider.frame = [bytes](int index) { return bytes[index]; };
    return encodeVideo(path, provider, options);
}

EncodeResult encodeVideo(const std::string& path, const FrameProvider& frames, const EncodeOptions& options)
{
    checkOptions(path, options);
    const int count = frames.count;
    const std::string extension = lowerExtension(path);

    VideoFormat format = options.format;
    std::optional<PngSequencePath> sequence;
    bool singlePicture = false;
    if (format == VideoFormat::Auto) {
        sequence = parsePngSequencePath(path, true);
        if (sequence)
            format = VideoFormat::PngSequence;
        else if (extension == "mp4" || extension == "m4v" || extension == "mov")
            format = VideoFormat::Mp4;
        else if (extension == "webm" || extension == "mkv")
            format = VideoFormat::WebM;
        else if (extension == "gif")
            format = VideoFormat::Gif;
        else if (extension == "png" || extension == "jpg" || extension == "jpeg" || extension == "webp")
            singlePicture = true;
        else
            invalid(path,
                "unknown output format " + (extension.empty() ? std::string("(no extension)") : "'." + extension + "'")
                    + ": expected " + kKnownOutputs);
        if (singlePicture && count != 1)
            invalid(path,
                "a ." + extension + " file holds one picture, found " + std::to_string(count)
                    + " frames: for a sequence name a folder or a pattern such as name_%04d.png");
    } else if (format == VideoFormat::PngSequence) {
        sequence = parsePngSequencePath(path, true);
        if (!sequence)
            invalid(path, "expected a folder or a pattern such as name_%04d.png for a PNG sequence");
    }

    FrameSource source(path, frames, options.scale, options.scaleFilter);
    if (singlePicture)
        return encodeSinglePicture(path, extension, source, options);
    switch (format) {
    case VideoFormat::Mp4: return encodeCodecVideo(path, format, extension == "mov" ? "mov" : "mp4", source, options);
    case VideoFormat::WebM:
        return encodeCodecVideo(path, format, extension == "mkv" ? "matroska" : "webm", source, options);
    case VideoFormat::Gif: {
        EncodeResult result = encodeGif(path, source, options);
        if (std::fabs(100.0 / options.fps - std::round(100.0 / options.fps)) > 1e-6)
            result.notes.push_back(
                "GIF delays are whole 1/100 s: " + number(options.fps) + " fps plays with uneven frame times");
        return result;
    }
    case VideoFormat::PngSequence: return encodePngSequence(path, *sequence, source, options);
    case VideoFormat::Auto: break;
    }
    invalid(path, "no output format chosen");
}

} // namespace cosmos::engine::media
