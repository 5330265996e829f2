#include "engine/media/sidecar.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/media/media_error.h"

namespace cosmos::engine::media {
namespace {

std::map<std::string, std::string> stringMap(const nlohmann::json& object)
{
    std::map<std::string, std::string> values;
    for (const auto& [key, value] : object.items())
        values[key] = value.is_string() ? value.get<std::string>() : value.dump();
    return values;
}

} // namespace

std::optional<Sidecar> readSidecar(const std::string& file)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        return std::nullopt;
    std::ifstream stream(file, std::ios::binary);
    if (!stream)
        throw MediaError(MediaErrorKind::Corrupt, file, "the metadata sidecar cannot be read");
    std::ostringstream text;
    text << stream.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        throw MediaError(
            MediaErrorKind::Corrupt, file, "expected a JSON object in the metadata sidecar, found malformed JSON");
    Sidecar sidecar;
    try {
        sidecar.format = json.value("format", std::string());
        sidecar.fps = json.value("fps", 0.0);
        sidecar.frames = json.value("frames", 0);
        sidecar.width = json.value("width", 0);
        sidecar.height = json.value("height", 0);
        sidecar.pattern = json.value("pattern", std::string());
        sidecar.startNumber = json.value("start_number", 0);
        if (json.contains("metadata") && json["metadata"].is_object())
            sidecar.metadata = stringMap(json["metadata"]);
    } catch (const nlohmann::json::exception& exception) {
        throw MediaError(MediaErrorKind::Corrupt, file,
            std::string("unexpected value in the metadata sidecar: ") + exception.what());
    }
    return sidecar;
}

std::string sidecarText(const Sidecar& sidecar)
{
    nlohmann::json json = nlohmann::json::object();
    if (!sidecar.format.empty())
        json["format"] = sidecar.format;
    if (sidecar.fps > 0)
        json["fps"] = sidecar.fps;
    if (sidecar.frames > 0)
        json["frames"] = sidecar.frames;
    if (sidecar.width > 0)
        json["width"] = sidecar.width;
    if (sidecar.height > 0)
        json["height"] = sidecar.height;
    if (!sidecar.pattern.empty())
        json["pattern"] = sidecar.pattern;
    if (sidecar.startNumber > 0)
        json["start_number"] = sidecar.startNumber;
    json["metadata"] = sidecar.metadata;
    // Invalid UTF-8 in a value is replaced rather than failing the whole write.
    return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string metadataJson(const std::map<std::string, std::string>& metadata)
{
    return nlohmann::json(metadata).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::map<std::string, std::string>> parseMetadataJson(const std::string& text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return std::nullopt;
    for (const auto& item : json.items())
        if (!item.value().is_string())
            return std::nullopt;
    return stringMap(json);
}

} // namespace cosmos::engine::media
