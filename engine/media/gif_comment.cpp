// GIF comment extensions, written and read here rather than through FFmpeg:
// its GIF muxer writes none, and its demuxer reads them only in recent versions.
#include <algorithm>
#include <cstring>

#include "engine/media/encode_formats.h"
#include "engine/media/media_error.h"

namespace cosmos::engine::media {
namespace {

constexpr std::uint8_t kExtensionIntroducer = 0x21;
constexpr std::uint8_t kCommentLabel = 0xfe;
constexpr std::uint8_t kImageSeparator = 0x2c;
constexpr std::uint8_t kTrailer = 0x3b;

std::size_t colourTableBytes(std::uint8_t packedFields)
{
    return (packedFields & 0x80) ? 3u * (1u << ((packedFields & 0x07) + 1)) : 0u;
}

// Where the blocks start: after the signature, the logical screen descriptor
// and the global colour table.
std::size_t headerEnd(const std::string& path, const std::vector<std::uint8_t>& gif)
{
    if (gif.size() < 13 || std::memcmp(gif.data(), "GIF8", 4) != 0 || (gif[4] != '7' && gif[4] != '9') || gif[5] != 'a')
        throw MediaError(MediaErrorKind::Corrupt, path, "expected a GIF87a / GIF89a header, found other data");
    const std::size_t end = 13 + colourTableBytes(gif[10]);
    if (end > gif.size())
        throw MediaError(MediaErrorKind::Corrupt, path, "the GIF's global colour table is cut off");
    return end;
}

// Skips data sub-blocks from `i`, appending their bytes to `data` when given.
std::size_t readSubBlocks(const std::vector<std::uint8_t>& gif, std::size_t i, std::string* data)
{
    while (i < gif.size()) {
        const std::size_t length = gif[i++];
        if (length == 0)
            break;
        const std::size_t available = std::min(length, gif.size() - i);
        if (data)
            data->append(reinterpret_cast<const char*>(gif.data() + i), available);
        i += available;
    }
    return i;
}

} // namespace

std::vector<std::uint8_t> withGifComment(
    const std::string& path, const std::vector<std::uint8_t>& gif, const std::string& comment)
{
    const std::size_t end = headerEnd(path, gif);
    std::vector<std::uint8_t> out(gif.begin(), gif.begin() + static_cast<std::ptrdiff_t>(end));
    out[4] = '9'; // extensions need GIF89a
    out.push_back(kExtensionIntroducer);
    out.push_back(kCommentLabel);
    for (std::size_t offset = 0; offset < comment.size(); offset += 255) {
        const std::size_t length = std::min<std::size_t>(255, comment.size() - offset);
        out.push_back(static_cast<std::uint8_t>(length));
        out.insert(out.end(), comment.begin() + static_cast<std::ptrdiff_t>(offset),
            comment.begin() + static_cast<std::ptrdiff_t>(offset + length));
    }
    out.push_back(0);
    out.insert(out.end(), gif.begin() + static_cast<std::ptrdiff_t>(end), gif.end());
    return out;
}

std::vector<std::string> gifComments(const std::string& path, const std::vector<std::uint8_t>& gif)
{
    std::vector<std::string> comments;
    std::size_t i = headerEnd(path, gif);
    while (i < gif.size()) {
        const std::uint8_t block = gif[i++];
        if (block == kExtensionIntroducer && i < gif.size()) {
            const std::uint8_t label = gif[i++];
            std::string comment;
            i = readSubBlocks(gif, i, label == kCommentLabel ? &comment : nullptr);
            if (label == kCommentLabel)
                comments.push_back(std::move(comment));
        } else if (block == kImageSeparator && i + 9 <= gif.size()) {
            i += 9 + colourTableBytes(gif[i + 8]) + 1; // descriptor, local colour table, LZW code size
            i = readSubBlocks(gif, i, nullptr);
        } else {
            break; // the trailer, or damage: what was found so far stands
        }
    }
    return comments;
}

} // namespace cosmos::engine::media
