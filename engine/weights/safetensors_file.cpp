#include "engine/weights/safetensors_file.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include <nlohmann/json.hpp>

#include "engine/weights/torch_dtype.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine {
namespace {

std::uint64_t readLittleEndian64(const std::uint8_t* bytes)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | bytes[i];
    return value;
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

std::uint64_t checkedElementCount(
    const std::string& path, const std::string& name, const std::vector<std::int64_t>& shape)
{
    std::uint64_t count = 1;
    for (const auto dim : shape) {
        const auto udim = static_cast<std::uint64_t>(dim);
        if (udim != 0 && count > std::numeric_limits<std::uint64_t>::max() / udim)
            throw WeightsError(path, name, "shape " + shapeText(shape) + " has more elements than fit in 64 bits");
        count *= udim;
    }
    return count;
}

SafetensorsEntry parseEntry(
    const std::string& path, const std::string& name, const nlohmann::json& value, std::uint64_t dataBytes)
{
    if (!value.is_object())
        throw WeightsError(path, name, "header entry is not a JSON object");
    for (const char* key : {"dtype", "shape", "data_offsets"})
        if (!value.contains(key))
            throw WeightsError(path, name, std::string("header entry has no \"") + key + "\"");

    SafetensorsEntry entry;
    entry.name = name;
    const auto& dtype = value.at("dtype");
    if (!dtype.is_string())
        throw WeightsError(path, name, "\"dtype\" is not a string");
    const auto parsed = dtypeFromName(dtype.get<std::string>());
    if (!parsed)
        throw WeightsError(path, name,
            "unsupported dtype \"" + dtype.get<std::string>()
                + "\" (expected one of F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL)");
    entry.dtype = *parsed;

    const auto& shape = value.at("shape");
    if (!shape.is_array())
        throw WeightsError(path, name, "\"shape\" is not an array");
    for (const auto& dim : shape) {
        if (!dim.is_number_integer() || dim.get<std::int64_t>() < 0)
            throw WeightsError(path, name, "\"shape\" holds " + dim.dump() + ", expected non-negative integers");
        entry.shape.push_back(dim.get<std::int64_t>());
    }

    const auto& offsets = value.at("data_offsets");
    if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned()
        || !offsets[1].is_number_unsigned())
        throw WeightsError(path, name, "\"data_offsets\" must be two non-negative integers, found " + offsets.dump());
    entry.begin = offsets[0].get<std::uint64_t>();
    entry.end = offsets[1].get<std::uint64_t>();
    if (entry.begin > entry.end)
        throw WeightsError(path, name,
            "data_offsets [" + std::to_string(entry.begin) + ", " + std::to_string(entry.end)
                + "] end before they begin");
    if (entry.end > dataBytes)
        throw WeightsError(path, name,
            "data ends at byte " + std::to_string(entry.end) + " of the data section, but the file holds only "
                + std::to_string(dataBytes) + " bytes of data (truncated file?)");

    const std::uint64_t elements = checkedElementCount(path, name, entry.shape);
    const std::uint64_t expected = elements * dtypeSize(entry.dtype);
    if (expected / dtypeSize(entry.dtype) != elements || expected != entry.bytes())
        throw WeightsError(path, name,
            "shape " + shapeText(entry.shape) + " of " + dtypeName(entry.dtype) + " needs " + std::to_string(expected)
                + " bytes, but data_offsets span " + std::to_string(entry.bytes()));
    return entry;
}

} // namespace

SafetensorsFile::SafetensorsFile(std::shared_ptr<MappedFile> file, std::uint64_t dataStart)
    : m_file(std::move(file)), m_dataStart(dataStart)
{
}

std::shared_ptr<SafetensorsFile> SafetensorsFile::open(const std::string& path)
{
    auto file = MappedFile::open(path);
    if (file->size() < 8)
        throw WeightsError(path, "",
            "file is " + std::to_string(file->size())
                + " bytes long, too short for a safetensors header (8-byte length first)");
    const std::uint64_t headerBytes = readLittleEndian64(file->data());
    if (headerBytes > kMaxHeaderBytes)
        throw WeightsError(path, "",
            "header length " + std::to_string(headerBytes) + " exceeds the " + std::to_string(kMaxHeaderBytes)
                + "-byte limit (not a safetensors file?)");
    if (headerBytes > file->size() - 8)
        throw WeightsError(path, "",
            "header claims " + std::to_string(headerBytes) + " bytes but only " + std::to_string(file->size() - 8)
                + " follow the length (truncated file?)");
    const std::string header(reinterpret_cast<const char*>(file->data() + 8), headerBytes);
    std::shared_ptr<SafetensorsFile> result(new SafetensorsFile(std::move(file), 8 + headerBytes));
    result->parseHeader(header);
    return result;
}

void SafetensorsFile::parseHeader(const std::string& text)
{
    const std::string& file = path();
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        throw WeightsError(file, "", std::string("header is not valid JSON: ") + error.what());
    }
    if (!header.is_object())
        throw WeightsError(file, "", "header is JSON but not an object");

    const std::uint64_t dataBytes = m_file->size() - m_dataStart;
    for (const auto& [name, value] : header.items()) {
        if (name == "__metadata__") {
            if (!value.is_object())
                throw WeightsError(file, "", "\"__metadata__\" is not an object");
            for (const auto& [key, item] : value.items()) {
                if (!item.is_string())
                    throw WeightsError(file, "", "metadata \"" + key + "\" is not a string");
                m_metadata[key] = item.get<std::string>();
            }
            continue;
        }
        if (name.empty())
            throw WeightsError(file, "", "a tensor has an empty name");
        m_entries.push_back(parseEntry(file, name, value, dataBytes));
    }

    // No two tensors may share bytes.
    std::vector<const SafetensorsEntry*> byOffset;
    for (const auto& entry : m_entries)
        if (entry.bytes() > 0)
            byOffset.push_back(&entry);
    std::sort(byOffset.begin(), byOffset.end(),
        [](const SafetensorsEntry* a, const SafetensorsEntry* b) { return a->begin < b->begin; });
    for (std::size_t i = 1; i < byOffset.size(); ++i)
        if (byOffset[i]->begin < byOffset[i - 1]->end)
            throw WeightsError(file, byOffset[i]->name,
                "data [" + std::to_string(byOffset[i]->begin) + ", " + std::to_string(byOffset[i]->end)
                    + ") overlaps tensor '" + byOffset[i - 1]->name + "' ending at "
                    + std::to_string(byOffset[i - 1]->end));

    std::sort(m_entries.begin(), m_entries.end(),
        [](const SafetensorsEntry& a, const SafetensorsEntry& b) { return a.name < b.name; });
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        m_index[m_entries[i].name] = i;
}

bool SafetensorsFile::contains(const std::string& name) const
{
    return m_index.count(name) > 0;
}

const SafetensorsEntry& SafetensorsFile::entry(const std::string& name) const
{
    const auto found = m_index.find(name);
    if (found == m_index.end())
        throw WeightsError(path(), name, "no such tensor in the file");
    return m_entries[found->second];
}

torch::Tensor SafetensorsFile::tensor(const std::string& name) const
{
    const SafetensorsEntry& e = entry(name);
    const auto options = torch::TensorOptions().dtype(toScalarType(e.dtype));
    std::uint8_t* data = m_file->mutableData() + m_dataStart + e.begin;
    if (e.bytes() == 0)
        return torch::empty(e.shape, options);
    if (reinterpret_cast<std::uintptr_t>(data) % dtypeSize(e.dtype) != 0) {
        auto copy = torch::empty(e.shape, options);
        std::memcpy(copy.data_ptr(), data, e.bytes());
        return copy;
    }
    // The deleter keeps the mapping alive for as long as the tensor lives.
    auto keepAlive = m_file;
    return torch::from_blob(
        data, e.shape, [keepAlive](void*) {}, options);
}

TensorMap SafetensorsFile::loadAll() const
{
    TensorMap tensors;
    for (const auto& e : m_entries)
        tensors.emplace(e.name, tensor(e.name));
    return tensors;
}

} // namespace cosmos::engine
