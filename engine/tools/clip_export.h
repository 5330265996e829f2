// Exporting takes as one file: a take, the clips of a timeline one after
// another, or a comparison board as a grid where every clip plays in sync.
// Plain types only, so widgets and the app may include this header.
//
//   ExportRequest request;
//   request.clipPaths = {"media/clips/ab12.mp4", "media/clips/cd34.mp4"};
//   request.layout = ExportRequest::Layout::Grid;
//   request.outputPath = "board.mp4";   // .mp4, .webm, .gif, a folder or name_%04d.png
//   request.scale = 4;                  // nano clips are 64x64
//   request.provenanceJson = R"({"project": "..."})";
//   ExportReport report = exportClips(request, progress, &cancel);
//
// The output is written under a temporary name and renamed when complete:
// after any failure or a cancel nothing exists under the final name.
// Decoding and encoding take seconds: call exportClips off the GUI thread.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/runner/cancel_token.h"

namespace cosmos::engine {

struct ExportRequest {
    enum class Layout {
        Sequence, // the clips one after another (they must have the same size)
        Grid, // 2..16 clips side by side, ceil(sqrt(n)) columns, all playing frame i at once
    };
    enum class Format { Auto, Mp4, WebM, Gif, PngSequence }; // Auto: from outputPath's suffix
    enum class ScaleFilter { Nearest, Bilinear, Bicubic, Lanczos };

    std::vector<std::string> clipPaths;
    Layout layout = Layout::Sequence;
    // Grid only, optional: one short text per clip, drawn small in its cell's
    // top-left corner (printable ASCII; others are drawn as '?').
    std::vector<std::string> cellLabels;
    std::string outputPath; // .mp4 (H.264), .webm (VP9), .gif, or a folder / name_%04d.png for PNGs
    Format format = Format::Auto;
    // Playback rate of the output; 0: the first clip's. Every frame is kept,
    // so another rate plays the clips faster or slower.
    double fps = 0.0;
    int scale = 1; // 1..16, applied to the whole picture
    ScaleFilter filter = ScaleFilter::Nearest; // nearest keeps 64x64 pixels crisp
    int quality = 90; // 1..100 (MP4 and WebM; GIF and PNG are lossless or palette based)
    // Embedded as the "cosmos_provenance" metadata and written beside the
    // output ("<file>.json"; for a PNG sequence, inside its sidecar).
    std::string provenanceJson;
    bool overwrite = false; // false: an existing output is an error, and nothing is touched
    int failAfterFrames = 0; // tests: the writer fails after this many frames (0: never)
};

struct ExportReport {
    std::string outputPath;
    std::string provenancePath; // the JSON beside it, or the PNG sequence's sidecar
    int frames = 0;
    int width = 0; // of the written pictures, after scaling (and padding to even sizes for MP4)
    int height = 0;
    double fps = 0.0;
    std::vector<std::string> notes; // adjustments worth showing ("padded 65x64 to 66x64 ...")
};

// The format a path names: Auto when it names none the exporter writes.
ExportRequest::Format exportFormatOf(const std::string& path);

// True when writing `path` would replace something: the file (for a PNG
// sequence, its first frame or its sidecar) or the JSON beside it.
bool exportTargetExists(const std::string& path, ExportRequest::Format format = ExportRequest::Format::Auto);

// Writes the export. `progress` (optional) is called on this thread: with a
// total of 0 while the clips are read (the amount of work is not known yet),
// then with frames written of frames. A cancel request (any mode) ends it
// with JobCancelled and nothing written. Throws EngineError naming what and
// why: a bad request, an existing output without `overwrite`, a clip that
// cannot be read, clips of different sizes in a sequence, a write failure
// (media::MediaError).
ExportReport exportClips(const ExportRequest& request, const std::function<void(int done, int total)>& progress = {},
    const CancelToken* cancel = nullptr);

// The "cosmos_provenance" metadata of a written file, PNG sequence or take
// (from the container, a GIF comment or the sidecar); empty when it has none.
// Throws media::MediaError when `path` does not exist.
std::string readEmbeddedProvenance(const std::string& path);

} // namespace cosmos::engine
