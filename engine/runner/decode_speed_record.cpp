#include "engine/runner/decode_speed_record.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "engine/pipeline/world_model.h"
#include "engine/util/atomic_file.h"

namespace cosmos::engine {
namespace {

constexpr const char* kSpeedsKey = "decode_seconds_per_latent_pixel";

bool plausible(double secondsPerLatentPixel)
{
    return std::isfinite(secondsPerLatentPixel) && secondsPerLatentPixel > 0.0;
}

} // namespace

DecodeSpeedRecord::DecodeSpeedRecord(std::string path, LoggerPtr logger)
    : m_path(std::move(path)), m_logger(logger ? std::move(logger) : nullLogger())
{
    load();
}

std::string DecodeSpeedRecord::keyFor(const pipeline::WorldModel& model)
{
    return model.weightsId() + "@" + model.device().str();
}

std::optional<double> DecodeSpeedRecord::secondsPerLatentPixel(const std::string& key) const
{
    const auto found = m_speeds.find(key);
    if (found == m_speeds.end())
        return std::nullopt;
    return found->second;
}

void DecodeSpeedRecord::seed(pipeline::WorldModel& model) const
{
    if (model.decodeSecondsPerLatentPixel() > 0.0)
        return; // measured in this process: newer than the record
    if (const auto speed = secondsPerLatentPixel(keyFor(model)))
        model.recordDecode(*speed, 1); // seconds for one latent pixel
}

void DecodeSpeedRecord::remember(const pipeline::WorldModel& model)
{
    if (m_path.empty())
        return;
    const double speed = model.decodeSecondsPerLatentPixel();
    if (!plausible(speed))
        return;
    const std::string key = keyFor(model);
    const auto known = secondsPerLatentPixel(key);
    // Timings vary from take to take: rewrite only for a real change.
    if (known && std::abs(*known - speed) <= 0.1 * *known)
        return;
    m_speeds[key] = speed;
    save();
}

void DecodeSpeedRecord::load()
{
    if (m_path.empty())
        return;
    std::error_code error;
    if (!std::filesystem::exists(m_path, error))
        return;
    nlohmann::json json;
    if (std::filesystem::is_regular_file(m_path, error)) {
        try {
            std::ifstream in(m_path);
            json = nlohmann::json::parse(in, nullptr, false);
        } catch (const std::exception&) {
            json = nullptr; // unreadable: reported below
        }
    }
    const auto speeds = json.is_object() ? json.find(kSpeedsKey) : json.end();
    if (!json.is_object() || speeds == json.end() || !speeds->is_object()) {
        m_logger->warn("decode speeds in {} are unreadable: time estimates start without them", m_path);
        return;
    }
    for (const auto& item : speeds->items())
        if (item.value().is_number() && plausible(item.value().get<double>()))
            m_speeds[item.key()] = item.value().get<double>();
}

void DecodeSpeedRecord::save() const
{
    try {
        if (const auto folder = std::filesystem::path(m_path).parent_path(); !folder.empty())
            std::filesystem::create_directories(folder);
        util::writeFileAtomically(m_path, nlohmann::json {{kSpeedsKey, m_speeds}}.dump(2) + "\n");
    } catch (const std::exception& error) {
        m_logger->warn("could not keep the decode speeds in {}: {}", m_path, error.what());
    }
}

} // namespace cosmos::engine
