// The JSON sidecar written next to outputs whose format cannot hold the
// engine's metadata (PNG sequences): the container facts needed to read the
// frames back plus the caller's metadata. Internal to engine/media.
//
//   {"format": "png_sequence", "fps": 16, "frames": 93, "width": 1280, "height": 704,
//    "pattern": "frame_%04d.png", "start_number": 1, "metadata": {"cosmos_provenance": "{...}"}}
#pragma once

#include <map>
#include <optional>
#include <string>

namespace cosmos::engine::media {

struct Sidecar {
    std::string format; // "png_sequence"; empty for a plain file's sidecar
    double fps = 0.0;
    int frames = 0;
    int width = 0;
    int height = 0;
    std::string pattern;
    int startNumber = 0;
    std::map<std::string, std::string> metadata;
};

// nullopt when `file` does not exist; MediaError (Corrupt) when it is not a sidecar.
std::optional<Sidecar> readSidecar(const std::string& file);

std::string sidecarText(const Sidecar& sidecar);

// The metadata as one JSON object of strings (for GIF comments), and back:
// nullopt when `text` is not such an object.
std::string metadataJson(const std::map<std::string, std::string>& metadata);
std::optional<std::map<std::string, std::string>> parseMetadataJson(const std::string& text);

} // namespace cosmos::engine::media
