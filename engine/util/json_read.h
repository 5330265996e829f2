// Reading optional fields of a JSON object without exceptions or asserts
// (const operator[] on a missing key is undefined behaviour). GCC 12's
// -Wnull-dereference reports nlohmann's get_ptr() once inlined here, though
// every pointer is checked: silenced for these functions only.
#pragma once

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"

namespace cosmos::engine::util {

inline double jsonNumber(const nlohmann::json& object, const char* key, double fallback = 0.0)
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    if (const auto* f = it->get_ptr<const nlohmann::json::number_float_t*>())
        return *f;
    if (const auto* i = it->get_ptr<const nlohmann::json::number_integer_t*>())
        return static_cast<double>(*i);
    if (const auto* u = it->get_ptr<const nlohmann::json::number_unsigned_t*>())
        return static_cast<double>(*u);
    return fallback;
}

inline long long jsonInteger(const nlohmann::json& object, const char* key, long long fallback = 0)
{
    return static_cast<long long>(jsonNumber(object, key, static_cast<double>(fallback)));
}

inline std::string jsonText(const nlohmann::json& object, const char* key, const std::string& fallback = {})
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    const auto* text = it->get_ptr<const nlohmann::json::string_t*>();
    return text ? *text : fallback;
}

inline bool jsonFlag(const nlohmann::json& object, const char* key, bool fallback = false)
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    if (it == object.end())
        return fallback;
    const auto* flag = it->get_ptr<const nlohmann::json::boolean_t*>();
    return flag ? *flag : fallback;
}

// An optional record file (a model's training.json): its object, or an
// empty object when the file is missing, unreadable or not a JSON object.
inline nlohmann::json readJsonObjectIfPresent(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        return nlohmann::json::object();
    auto parsed = nlohmann::json::parse(in, nullptr, false);
    return parsed.is_object() ? parsed : nlohmann::json::object();
}

} // namespace cosmos::engine::util

#pragma GCC diagnostic pop
