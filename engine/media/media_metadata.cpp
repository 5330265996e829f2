// readMetadata: container tags (MP4 mdta / udta, Matroska tags...), the JSON
// object in a GIF comment, and JSON sidecars.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "engine/media/encode_formats.h"
#include "engine/media/ffmpeg_util.h"
#include "engine/media/media_encoder.h"
#include "engine/media/media_paths.h"
#include "engine/media/sidecar.h"

namespace cosmos::engine::media {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string text)
{
    std::transform(
        text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::vector<std::uint8_t> readBytes(const std::string& path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        throw MediaError(MediaErrorKind::MissingFile, path, "the file cannot be read");
    return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

// The GIF comments: a JSON object of strings (what encodeVideo writes)
// becomes its keys, any other comment the key "comment".
void addGifComments(const std::string& path, std::map<std::string, std::string>& metadata)
{
    for (const auto& comment : gifComments(path, readBytes(path))) {
        if (const auto values = parseMetadataJson(comment))
            metadata.insert(values->begin(), values->end());
        else
            metadata["comment"] = comment;
    }
}

} // namespace

std::map<std::string, std::string> readMetadata(const std::string& path)
{
    std::error_code error;
    const auto sequence = fs::is_regular_file(path, error) ? std::nullopt : parsePngSequencePath(path, false);
    if (sequence) {
        if (!fs::is_directory(sequence->directory, error))
            throw MediaError(
                MediaErrorKind::MissingFile, path, "the folder '" + sequence->directory + "' does not exist");
        const auto sidecar = readSidecar(sequence->sidecar());
        return sidecar ? sidecar->metadata : std::map<std::string, std::string> {};
    }
    if (!fs::exists(path, error))
        throw MediaError(MediaErrorKind::MissingFile, path, "the file does not exist");

    std::map<std::string, std::string> metadata;
    const auto sidecar = readSidecar(fileSidecar(path));
    ff::Dictionary options;
    options.set("pattern_type", "none");
    AVFormatContext* opened = nullptr;
    const int result = avformat_open_input(&opened, path.c_str(), nullptr, options.address());
    if (result < 0) {
        if (sidecar)
            return sidecar->metadata;
        throw MediaError(MediaErrorKind::NotMedia, path,
            "cannot be opened to read its metadata: expected a format FFmpeg reads, FFmpeg says: "
                + ff::errorText(result));
    }
    ff::InputContext format(opened);
    const bool gif = std::string(format->iformat->name) == "gif";
    const AVDictionaryEntry* entry = nullptr;
    while ((entry = av_dict_get(format->metadata, "", entry, AV_DICT_IGNORE_SUFFIX))) {
        const std::string key = lower(entry->key);
        if (!(gif && key == "comment")) // newer FFmpeg reads GIF comments too: read them once, below
            metadata[key] = entry->value;
    }
    if (gif)
        addGifComments(path, metadata);
    if (sidecar)
        metadata.insert(sidecar->metadata.begin(), sidecar->metadata.end());
    return metadata;
}

} // namespace cosmos::engine::media
