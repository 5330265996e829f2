#include "engine/weights/safetensors_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/weights/torch_dtype.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine {
namespace {

// Writes `write(stream)` to path + ".partial" and renames it into place.
template<typename Writer>
void writeAtomically(const std::string& path, Writer&& write)
{
    const std::string temporary = path + ".partial";
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        if (!stream)
            throw WeightsError(path, "", std::string("cannot create the file: ") + std::strerror(errno));
        write(stream);
        stream.flush();
        if (!stream) {
            const std::string reason = std::strerror(errno);
            stream.close();
            std::remove(temporary.c_str());
            throw WeightsError(path, "", "writing failed (disk full?): " + reason);
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary.c_str());
        throw WeightsError(path, "", "cannot move the finished file into place: " + reason);
    }
}

std::uint64_t tensorBytes(const torch::Tensor& tensor)
{
    return static_cast<std::uint64_t>(tensor.numel()) * tensor.element_size();
}

} // namespace

void writeSafetensors(const std::string& path, const TensorMap& tensors, const WeightsMetadata& metadata)
{
    nlohmann::json header = nlohmann::json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    // Data goes in order of element size, largest first (then by name), so
    // that every tensor starts aligned for its type without padding between
    // tensors, which other safetensors readers reject.
    std::vector<std::pair<std::string, torch::Tensor>> ordered;
    for (const auto& [name, tensor] : tensors) {
        if (!tensor.defined())
            throw WeightsError(path, name, "tensor is undefined");
        ordered.emplace_back(name, tensor);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
        [](const auto& a, const auto& b) { return a.second.element_size() > b.second.element_size(); });

    std::vector<torch::Tensor> contiguous;
    std::uint64_t offset = 0;
    for (const auto& [name, tensor] : ordered) {
        DType dtype = DType::F32;
        try {
            dtype = fromScalarType(tensor.scalar_type());
        } catch (const EngineError& error) {
            throw WeightsError(path, name, error.what());
        }
        auto cpu = tensor.detach().to(torch::kCPU).contiguous();
        const std::uint64_t bytes = tensorBytes(cpu);
        header[name]
            = {{"dtype", dtypeName(dtype)}, {"shape", cpu.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        contiguous.push_back(std::move(cpu));
    }
    std::string text = header.dump();
    // Pad with spaces (valid JSON whitespace) so the data starts 8-aligned.
    while ((8 + text.size()) % 8 != 0)
        text.push_back(' ');

    writeAtomically(path, [&](std::ofstream& stream) {
        std::uint8_t length[8];
        std::uint64_t size = text.size();
        for (auto& byte : length) {
            byte = static_cast<std::uint8_t>(size & 0xff);
            size >>= 8;
        }
        stream.write(reinterpret_cast<const char*>(length), 8);
        stream.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const auto& tensor : contiguous)
            stream.write(
                static_cast<const char*>(tensor.data_ptr()), static_cast<std::streamsize>(tensorBytes(tensor)));
    });
}

std::string writeShardedSafetensors(const std::string& directory, const std::string& base, const TensorMap& tensors,
    std::uint64_t maxShardBytes, const WeightsMetadata& metadata)
{
    std::vector<TensorMap> shards(1);
    std::uint64_t shardBytes = 0;
    std::uint64_t totalBytes = 0;
    for (const auto& [name, tensor] : tensors) {
        const std::uint64_t bytes = tensorBytes(tensor);
        if (!shards.back().empty() && shardBytes + bytes > maxShardBytes) {
            shards.emplace_back();
            shardBytes = 0;
        }
        shards.back().emplace(name, tensor);
        shardBytes += bytes;
        totalBytes += bytes;
    }

    nlohmann::json weightMap = nlohmann::json::object();
    const auto count = shards.size();
    for (std::size_t i = 0; i < count; ++i) {
        char suffix[64];
        std::snprintf(suffix, sizeof suffix, "-%05zu-of-%05zu.safetensors", i + 1, count);
        const std::string file = base + suffix;
        writeSafetensors(directory + "/" + file, shards[i], metadata);
        for (const auto& entry : shards[i])
            weightMap[entry.first] = file;
    }
    nlohmann::json index = {{"metadata", {{"total_size", totalBytes}}}, {"weight_map", weightMap}};
    const std::string indexPath = directory + "/" + base + ".safetensors.index.json";
    writeAtomically(indexPath, [&](std::ofstream& stream) { stream << index.dump(2) << "\n"; });
    return indexPath;
}

} // namespace cosmos::engine
