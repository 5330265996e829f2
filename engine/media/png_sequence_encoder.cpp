// PNG sequences: lossless frames numbered from 1 plus a JSON sidecar with the
// frame rate and metadata. Every file is written under a temporary name and
// all are renamed together at the end.
#include <filesystem>

#include "engine/media/encode_formats.h"
#include "engine/media/media_error.h"
#include "engine/media/pending_file.h"
#include "engine/media/sidecar.h"

namespace cosmos::engine::media {
namespace {

namespace fs = std::filesystem;

// Removes a folder this encoder created, unless the sequence was completed.
class CreatedFolder {
public:
    CreatedFolder(const std::string& path, const std::string& folder)
    {
        std::error_code error;
        if (fs::is_directory(folder, error))
            return;
        if (!fs::create_directory(folder, error))
            throw MediaError(
                MediaErrorKind::WriteFailed, path, "cannot create the folder '" + folder + "': " + error.message());
        m_folder = folder;
    }
    CreatedFolder(const CreatedFolder&) = delete;
    CreatedFolder& operator=(const CreatedFolder&) = delete;
    ~CreatedFolder()
    {
        std::error_code error;
        if (!m_folder.empty())
            fs::remove(m_folder, error); // only if empty: never anything but our own leftovers
    }
    void keep() { m_folder.clear(); }

private:
    std::string m_folder;
};

} // namespace

EncodeResult encodePngSequence(
    const std::string& path, const PngSequencePath& sequence, FrameSource& frames, const EncodeOptions& options)
{
    CreatedFolder folder(path, sequence.directory);
    std::vector<std::unique_ptr<PendingFile>> files;
    const int count = frames.count();
    for (int i = 0; i < count; ++i) {
        const auto png = encodePicture(path, "png", frames.frame(i), options.quality);
        files.push_back(std::make_unique<PendingFile>(sequence.frameFile(kPngSequenceStartNumber + i)));
        files.back()->write(png.data(), png.size());
        reportProgress(path, options, i + 1, count);
    }
    Sidecar sidecar;
    sidecar.format = "png_sequence";
    sidecar.fps = options.fps;
    sidecar.frames = count;
    sidecar.width = frames.width();
    sidecar.height = frames.height();
    sidecar.pattern = sequence.filePattern;
    sidecar.startNumber = kPngSequenceStartNumber;
    sidecar.metadata = options.metadata;
    const std::string text = sidecarText(sidecar);
    files.push_back(std::make_unique<PendingFile>(sequence.sidecar()));
    files.back()->write(text.data(), text.size());
    commitAll(files);
    folder.keep();

    EncodeResult result;
    for (const auto& file : files)
        result.files.push_back(file->finalPath());
    result.sidecar = sequence.sidecar();
    result.width = frames.width();
    result.height = frames.height();
    result.frames = count;
    result.notes = frames.notes();
    // Frames of an earlier, longer sequence under the same name would be read
    // back as part of this one.
    std::error_code error;
    int stale = 0;
    for (int number = kPngSequenceStartNumber + count; fs::remove(sequence.frameFile(number), error); ++number)
        ++stale;
    if (stale > 0)
        result.notes.push_back("removed " + std::to_string(stale) + " frame(s) left from an earlier, longer sequence");
    return result;
}

} // namespace cosmos::engine::media
