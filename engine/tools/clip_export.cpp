#include "engine/tools/clip_export.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "engine/errors.h"
#include "engine/media/media_encoder.h"
#include "engine/media/media_error.h"
#include "engine/media/media_paths.h"
#include "engine/media/pending_file.h"
#include "engine/runner/job_cancelled.h"
#include "engine/tools/clip_frames.h"

namespace cosmos::engine {
namespace {

namespace fs = std::filesystem;
using Format = ExportRequest::Format;

constexpr int kMaxGridClips = 16;
constexpr int kMaxScale = 16;
constexpr const char* kProvenanceKey = "cosmos_provenance";
constexpr const char* kKnownOutputs = ".mp4, .webm, .gif, a folder or a name_%04d.png pattern";

// A 5x7 pixel font for the grid's cell labels: the engine has no text
// renderer, and labels of a few words need no more. Upper case only; lower
// case letters are drawn with these.
struct Glyph {
    char character;
    std::array<const char*, 7> rows;
};

// clang-format off
constexpr Glyph kGlyphs[] = {
    {' ', {".....", ".....", ".....", ".....", ".....", ".....", "....."}},
    {'0', {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}},
    {'1', {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}},
    {'2', {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}},
    {'3', {"#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."}},
    {'4', {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}},
    {'5', {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}},
    {'6', {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}},
    {'7', {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}},
    {'8', {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}},
    {'9', {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}},
    {'A', {".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
    {'B', {"####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."}},
    {'C', {".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."}},
    {'D', {"###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.."}},
    {'E', {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}},
    {'F', {"#####", "#....", "#....", "####.", "#....", "#....", "#...."}},
    {'G', {".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"}},
    {'H', {"#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"}},
    {'I', {".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."}},
    {'J', {"..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."}},
    {'K', {"#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"}},
    {'L', {"#....", "#....", "#....", "#....", "#....", "#....", "#####"}},
    {'M', {"#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"}},
    {'N', {"#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"}},
    {'O', {".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}},
    {'P', {"####.", "#...#", "#...#", "####.", "#....", "#....", "#...."}},
    {'Q', {".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"}},
    {'R', {"####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"}},
    {'S', {".####", "#....", "#....", ".###.", "....#", "....#", "####."}},
    {'T', {"#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."}},
    {'U', {"#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."}},
    {'V', {"#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."}},
    {'W', {"#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."}},
    {'X', {"#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"}},
    {'Y', {"#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."}},
    {'Z', {"#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"}},
    {'.', {".....", ".....", ".....", ".....", ".....", ".##..", ".##.."}},
    {',', {".....", ".....", ".....", ".....", ".##..", "..#..", ".#..."}},
    {':', {".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."}},
    {';', {".....", ".##..", ".##..", ".....", ".##..", "..#..", ".#..."}},
    {'-', {".....", ".....", ".....", "#####", ".....", ".....", "....."}},
    {'_', {".....", ".....", ".....", ".....", ".....", ".....", "#####"}},
    {'+', {".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."}},
    {'=', {".....", ".....", "#####", ".....", "#####", ".....", "....."}},
    {'/', {".....", "....#", "...#.", "..#..", ".#...", "#....", "....."}},
    {'(', {"...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#."}},
    {')', {".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#..."}},
    {'[', {".###.", ".#...", ".#...", ".#...", ".#...", ".#...", ".###."}},
    {']', {".###.", "...#.", "...#.", "...#.", "...#.", "...#.", ".###."}},
    {'<', {"...#.", "..#..", ".#...", "#....", ".#...", "..#..", "...#."}},
    {'>', {".#...", "..#..", "...#.", "....#", "...#.", "..#..", ".#..."}},
    {'!', {"..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.."}},
    {'?', {".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."}},
    {'\'', {"..#..", "..#..", ".#...", ".....", ".....", ".....", "....."}},
    {'"', {".#.#.", ".#.#.", ".#.#.", ".....", ".....", ".....", "....."}},
    {'#', {".#.#.", ".#.#.", "#####", ".#.#.", "#####", ".#.#.", ".#.#."}},
    {'%', {"##...", "##..#", "...#.", "..#..", ".#...", "#..##", "...##"}},
    {'*', {".....", "..#..", "#.#.#", ".###.", "#.#.#", "..#..", "....."}},
    {'&', {".##..", "#..#.", "#.#..", ".#...", "#.#.#", "#..#.", ".##.#"}},
    {'|', {"..#..", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."}},
    {'@', {".###.", "#...#", "#.###", "#.#.#", "#.###", "#....", ".###."}},
};
// clang-format on
constexpr int kGlyphWidth = 5;
constexpr int kGlyphHeight = 7;

const Glyph& glyphFor(char character)
{
    const char wanted = character >= 'a' && character <= 'z' ? static_cast<char>(character - 'a' + 'A') : character;
    for (const Glyph& glyph : kGlyphs) {
        if (glyph.character == wanted)
            return glyph;
    }
    for (const Glyph& glyph : kGlyphs) {
        if (glyph.character == '?')
            return glyph;
    }
    return kGlyphs[0];
}

// A cell's label: white glyphs on a darkened box at the cell's top left, so
// it reads on any picture; drawn once as a mask, stamped onto every frame.
// Glyph pixels grow with the cell (1 pixel up to 159 pixels high); text that
// does not fit is cut and ends in "..".
class CellLabel {
public:
    CellLabel(int cellX, int cellY, int cellWidth, int cellHeight, std::string text)
    {
        const int pixel = std::max(1, cellHeight / 160);
        const int margin = pixel;
        const int advance = (kGlyphWidth + 1) * pixel;
        m_height = (kGlyphHeight + 2) * pixel;
        const int maxCharacters = (cellWidth - 2 * margin - pixel) / advance;
        if (text.empty() || maxCharacters < 1 || m_height + 2 * margin > cellHeight)
            return;
        if (static_cast<int>(text.size()) > maxCharacters) {
            const bool ellipsis = maxCharacters > 3;
            text.resize(static_cast<std::size_t>(ellipsis ? maxCharacters - 2 : maxCharacters));
            while (!text.empty() && text.back() == ' ')
                text.pop_back();
            if (ellipsis)
                text += "..";
        }
        m_x = cellX + margin;
        m_y = cellY + margin;
        m_width = static_cast<int>(text.size()) * advance + pixel;
        m_mask.assign(static_cast<std::size_t>(m_width * m_height), kDarken);
        for (std::size_t i = 0; i < text.size(); ++i) {
            const Glyph& glyph = glyphFor(text[i]);
            for (int row = 0; row < kGlyphHeight; ++row)
                for (int column = 0; column < kGlyphWidth; ++column) {
                    if (glyph.rows[static_cast<std::size_t>(row)][column] != '#')
                        continue;
                    const int x0 = pixel + static_cast<int>(i) * advance + column * pixel;
                    const int y0 = pixel + row * pixel;
                    for (int y = y0; y < y0 + pixel; ++y)
                        std::fill_n(m_mask.begin() + y * m_width + x0, pixel, kGlyph);
                }
        }
    }

    // frame: [H, W, 3] uint8, contiguous
    void stampOnto(torch::Tensor& frame) const
    {
        if (m_mask.empty())
            return;
        const auto width = frame.size(1);
        auto* data = frame.data_ptr<std::uint8_t>();
        for (int y = 0; y < m_height; ++y) {
            std::uint8_t* line = data + ((m_y + y) * width + m_x) * 3;
            for (int x = 0; x < m_width; ++x) {
                const std::uint8_t kind = m_mask[static_cast<std::size_t>(y * m_width + x)];
                for (int channel = 0; channel < 3; ++channel) {
                    std::uint8_t& value = line[x * 3 + channel];
                    value = kind == kGlyph ? std::uint8_t {255} : static_cast<std::uint8_t>(value * 2 / 5);
                }
            }
        }
    }

private:
    static constexpr std::uint8_t kDarken = 1;
    static constexpr std::uint8_t kGlyph = 2;
    int m_x = 0, m_y = 0, m_width = 0, m_height = 0;
    std::vector<std::uint8_t> m_mask; // empty: nothing to draw
};

// Frame `index` of a decoded clip as a tensor, without copying it; the
// tensor must not outlive `clip`.
// result: [H, W, 3] uint8
torch::Tensor frameOf(const PreviewFrames& clip, int index)
{
    const std::size_t bytes = static_cast<std::size_t>(clip.width) * static_cast<std::size_t>(clip.height) * 3U;
    return torch::from_blob(const_cast<std::uint8_t*>(clip.rgb.data() + bytes * static_cast<std::size_t>(index)),
        {clip.height, clip.width, 3}, torch::kUInt8);
}

// The grid: ceil(sqrt(n)) columns of cells as large as the largest clip, each
// clip centred in its cell on black; all clips show frame i at once and a
// shorter clip holds its last frame. Made a frame at a time as the encoder
// asks: a grid of 16 long takes would not fit in memory whole.
media::FrameProvider gridFrames(const std::vector<DecodedClip>& clips, const std::vector<std::string>& labels)
{
    const int n = static_cast<int>(clips.size());
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
    const int rows = (n + columns - 1) / columns;
    int cellWidth = 0, cellHeight = 0, count = 0;
    for (const DecodedClip& clip : clips) {
        cellWidth = std::max(cellWidth, clip.frames->width);
        cellHeight = std::max(cellHeight, clip.frames->height);
        count = std::max(count, clip.frames->frames);
    }
    auto stamps = std::make_shared<std::vector<CellLabel>>();
    for (int i = 0; i < n && static_cast<std::size_t>(i) < labels.size(); ++i)
        stamps->emplace_back((i % columns) * cellWidth, (i / columns) * cellHeight, cellWidth, cellHeight,
            labels[static_cast<std::size_t>(i)]);
    media::FrameProvider grid;
    grid.count = count;
    grid.width = columns * cellWidth;
    grid.height = rows * cellHeight;
    grid.frame = [&clips, stamps, columns, cellWidth, cellHeight, width = grid.width, height = grid.height](int index) {
        auto frame = torch::zeros({height, width, 3}, torch::kUInt8);
        for (std::size_t i = 0; i < clips.size(); ++i) {
            const PreviewFrames& clip = *clips[i].frames;
            if (clip.frames < 1)
                continue;
            const int cellX = static_cast<int>(i % static_cast<std::size_t>(columns)) * cellWidth;
            const int cellY = static_cast<int>(i / static_cast<std::size_t>(columns)) * cellHeight;
            frame.narrow(0, cellY + (cellHeight - clip.height) / 2, clip.height)
                .narrow(1, cellX + (cellWidth - clip.width) / 2, clip.width)
                .copy_(frameOf(clip, std::min(index, clip.frames - 1)));
        }
        for (const CellLabel& stamp : *stamps)
            stamp.stampOnto(frame);
        return frame;
    };
    return grid;
}

// The clips one after another, read where they lie (no joined copy).
// Throws EngineError for clips of different sizes.
media::FrameProvider sequenceFrames(const std::vector<DecodedClip>& clips, const std::string& path)
{
    media::FrameProvider sequence;
    auto starts = std::make_shared<std::vector<int>>(); // first frame of each clip with frames
    auto withFrames = std::make_shared<std::vector<const PreviewFrames*>>();
    for (std::size_t i = 0; i < clips.size(); ++i) {
        const PreviewFrames& clip = *clips[i].frames;
        if (clip.frames < 1)
            continue;
        if (sequence.count == 0) {
            sequence.width = clip.width;
            sequence.height = clip.height;
        } else if (clip.width != sequence.width || clip.height != sequence.height) {
            throw EngineError("cannot export to '" + path + "': cannot join clips of different sizes: clip "
                + std::to_string(i + 1) + " is " + std::to_string(clip.width) + "x" + std::to_string(clip.height)
                + ", the clips before it are " + std::to_string(sequence.width) + "x" + std::to_string(sequence.height)
                + " (a grid takes clips of any size)");
        }
        starts->push_back(sequence.count);
        withFrames->push_back(&clip);
        sequence.count += clip.frames;
    }
    // Only clips with frames have a start: frame i is in the last clip starting at or before it.
    sequence.frame = [starts, withFrames](int index) {
        const auto next = std::upper_bound(starts->begin(), starts->end(), index);
        const auto k = static_cast<std::size_t>(next - starts->begin() - 1);
        return frameOf(*(*withFrames)[k], index - (*starts)[k]);
    };
    return sequence;
}

media::VideoFormat mediaFormat(Format format)
{
    switch (format) {
    case Format::Mp4: return media::VideoFormat::Mp4;
    case Format::WebM: return media::VideoFormat::WebM;
    case Format::Gif: return media::VideoFormat::Gif;
    case Format::PngSequence: return media::VideoFormat::PngSequence;
    case Format::Auto: break;
    }
    return media::VideoFormat::Auto;
}

media::ScaleFilter mediaFilter(ExportRequest::ScaleFilter filter)
{
    switch (filter) {
    case ExportRequest::ScaleFilter::Nearest: return media::ScaleFilter::Nearest;
    case ExportRequest::ScaleFilter::Bilinear: return media::ScaleFilter::Bilinear;
    case ExportRequest::ScaleFilter::Bicubic: return media::ScaleFilter::Bicubic;
    case ExportRequest::ScaleFilter::Lanczos: return media::ScaleFilter::Lanczos;
    }
    return media::ScaleFilter::Nearest;
}

// The format to write: the request's, or the path's (with the reason when it
// names none).
Format resolveFormat(const ExportRequest& request)
{
    const std::string& path = request.outputPath;
    if (request.format != Format::Auto)
        return request.format;
    if (media::parsePngSequencePath(path, true)) // throws for a malformed pattern, saying why
        return Format::PngSequence;
    const Format format = exportFormatOf(path);
    if (format != Format::Auto)
        return format;
    const std::string extension = media::lowerExtension(path);
    if (extension == "png" || extension == "jpg" || extension == "jpeg" || extension == "webp")
        throw EngineError("cannot export to '" + path + "': a ." + extension
            + " file holds one picture; for a PNG sequence name a folder or a pattern such as name_%04d.png");
    throw EngineError("cannot export to '" + path + "': unknown format "
        + (extension.empty() ? std::string("(no extension)") : "'." + extension + "'") + ", expected " + kKnownOutputs);
}

// The folder the output goes into must exist (a PNG sequence's own folder is
// made by the encoder, inside an existing one).
void checkFolder(const std::string& path, Format format)
{
    std::string folder = fs::absolute(path).parent_path().string();
    if (format == Format::PngSequence) {
        if (const auto sequence = media::parsePngSequencePath(path, true); sequence && sequence->folderTarget)
            folder = fs::absolute(sequence->directory).parent_path().string();
    }
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw EngineError("cannot export to '" + path + "': the folder '" + folder + "' does not exist");
}

void checkRequest(const ExportRequest& request)
{
    const std::size_t n = request.clipPaths.size();
    if (request.outputPath.empty())
        throw EngineError("cannot export: no output file given");
    if (n == 0)
        throw EngineError("cannot export to '" + request.outputPath + "': there are no clips to export");
    if (request.layout == ExportRequest::Layout::Grid && (n < 2 || n > static_cast<std::size_t>(kMaxGridClips)))
        throw EngineError("cannot export to '" + request.outputPath + "': a grid holds 2 to "
            + std::to_string(kMaxGridClips) + " clips, found " + std::to_string(n));
    if (request.cellLabels.size() > n)
        throw EngineError("cannot export to '" + request.outputPath + "': " + std::to_string(request.cellLabels.size())
            + " cell labels for " + std::to_string(n) + " clips");
    if (request.scale < 1 || request.scale > kMaxScale)
        throw EngineError("cannot export to '" + request.outputPath + "': expected a scale from 1 to "
            + std::to_string(kMaxScale) + ", found " + std::to_string(request.scale));
    if (request.quality < 1 || request.quality > 100)
        throw EngineError("cannot export to '" + request.outputPath + "': expected a quality from 1 to 100, found "
            + std::to_string(request.quality));
    if (!std::isfinite(request.fps) || request.fps < 0 || request.fps > 1000)
        throw EngineError("cannot export to '" + request.outputPath
            + "': expected a frame rate from 0 (the clips') to 1000, found " + std::to_string(request.fps));
    if (!request.provenanceJson.empty()) {
        const auto json = nlohmann::json::parse(request.provenanceJson, nullptr, false);
        if (json.is_discarded() || !json.is_object())
            throw EngineError("cannot export to '" + request.outputPath + "': the provenance is not a JSON object");
    }
}

std::vector<DecodedClip> readClips(const ExportRequest& request, const CancelToken* cancel)
{
    std::vector<DecodedClip> clips;
    const std::size_t n = request.clipPaths.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (cancel && cancel->any())
            throw JobCancelled();
        try {
            clips.push_back(decodeClip(request.clipPaths[i]));
            const PreviewFrames& frames = *clips.back().frames;
            // The encoder reads frames where they lie: all of them must be there.
            const std::size_t expected = static_cast<std::size_t>(frames.width)
                * static_cast<std::size_t>(frames.height) * 3U * static_cast<std::size_t>(std::max(0, frames.frames));
            if (frames.rgb.size() < expected)
                throw EngineError("it decoded to " + std::to_string(frames.rgb.size()) + " bytes for "
                    + std::to_string(frames.frames) + " frames of " + std::to_string(frames.width) + "x"
                    + std::to_string(frames.height));
        } catch (const EngineError& error) {
            throw EngineError("cannot export to '" + request.outputPath + "': clip " + std::to_string(i + 1) + " of "
                + std::to_string(n) + " cannot be read: " + error.what());
        }
    }
    return clips;
}

} // namespace

ExportRequest::Format exportFormatOf(const std::string& path)
{
    try {
        if (media::parsePngSequencePath(path, true))
            return Format::PngSequence;
    } catch (const media::MediaError&) {
        return Format::Auto; // a malformed pattern
    }
    const std::string extension = media::lowerExtension(path);
    if (extension == "mp4" || extension == "m4v" || extension == "mov")
        return Format::Mp4;
    if (extension == "webm" || extension == "mkv")
        return Format::WebM;
    if (extension == "gif")
        return Format::Gif;
    return Format::Auto;
}

bool exportTargetExists(const std::string& path, ExportRequest::Format format)
{
    std::error_code error;
    if (format == Format::Auto)
        format = exportFormatOf(path);
    if (format == Format::PngSequence) {
        try {
            if (const auto sequence = media::parsePngSequencePath(path, true))
                return fs::exists(sequence->frameFile(media::kPngSequenceStartNumber), error)
                    || fs::exists(sequence->sidecar(), error);
        } catch (const media::MediaError&) {
            return false; // a malformed pattern names nothing that could exist
        }
    }
    return fs::exists(path, error) || fs::exists(media::fileSidecar(path), error);
}

ExportReport exportClips(
    const ExportRequest& request, const std::function<void(int done, int total)>& progress, const CancelToken* cancel)
{
    const std::string& path = request.outputPath;
    checkRequest(request);
    const Format format = resolveFormat(request);
    if (!request.overwrite && exportTargetExists(path, format))
        throw EngineError(
            "cannot export to '" + path + "': it already exists (choose another name, or allow overwriting)");
    checkFolder(path, format);
    auto report = [&progress](int done, int total) {
        if (progress)
            progress(done, total);
    };
    report(0, 0);

    const std::vector<DecodedClip> clips = readClips(request, cancel);
    // Views of `clips`, which outlive the encoding.
    const media::FrameProvider frames = request.layout == ExportRequest::Layout::Grid
        ? gridFrames(clips, request.cellLabels)
        : sequenceFrames(clips, path);
    if (frames.count == 0)
        throw EngineError("cannot export to '" + path + "': the clips hold no frames");
    if (cancel && cancel->any())
        throw JobCancelled();

    media::EncodeOptions encode;
    encode.format = mediaFormat(format);
    encode.fps = request.fps > 0 ? request.fps : clips.front().fps;
    encode.quality = request.quality;
    encode.scale = request.scale;
    encode.scaleFilter = mediaFilter(request.filter);
    std::string provenanceText;
    if (!request.provenanceJson.empty()) {
        const auto json = nlohmann::json::parse(request.provenanceJson);
        encode.metadata[kProvenanceKey] = json.dump();
        provenanceText = json.dump(2) + "\n";
    }
    encode.metadata["comment"] = "Cosmos Studio export";
    const int failAfter = request.failAfterFrames;
    encode.progress = [&report, cancel, failAfter, &path](int frame, int total) {
        report(frame, total);
        if (failAfter > 0 && frame >= failAfter)
            throw media::MediaError(media::MediaErrorKind::WriteFailed, path,
                "the writer failed after frame " + std::to_string(frame) + " (a test's simulated failure)");
        return !(cancel && cancel->any());
    };

    media::EncodeResult written;
    try {
        written = media::encodeVideo(path, frames, encode);
    } catch (const media::MediaCancelled&) {
        throw JobCancelled();
    }
    // The JSON beside a file: if it cannot be written, the file goes too, so
    // that no export exists without its provenance.
    std::string provenancePath = written.sidecar;
    if (!provenanceText.empty() && format != Format::PngSequence) {
        try {
            media::PendingFile beside(media::fileSidecar(path));
            beside.write(provenanceText.data(), provenanceText.size());
            beside.commit();
            provenancePath = beside.finalPath();
        } catch (...) {
            std::remove(path.c_str());
            throw;
        }
    }

    ExportReport result;
    result.outputPath = path;
    result.provenancePath = provenancePath;
    result.frames = written.frames;
    result.width = written.width;
    result.height = written.height;
    result.fps = encode.fps;
    result.notes = written.notes;
    return result;
}

std::string readEmbeddedProvenance(const std::string& path)
{
    const auto metadata = media::readMetadata(path);
    const auto found = metadata.find(kProvenanceKey);
    return found == metadata.end() ? std::string() : found->second;
}

} // namespace cosmos::engine
