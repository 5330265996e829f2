// One .safetensors file: memory-mapped, its header parsed with nlohmann-json
// and fully validated before any tensor is touched (header length, JSON,
// dtypes, shapes, offsets inside the file, no overlap, byte length equal to
// shape x dtype size). Tensors are created zero-copy over the map.
//
//   auto file = SafetensorsFile::open("model.safetensors");
//   torch::Tensor w = file->tensor("blocks.0.mlp.layer1.weight");
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "engine/weights/dtype.h"
#include "engine/weights/mapped_file.h"
#include "engine/weights/tensor_map.h"

namespace cosmos::engine {

struct SafetensorsEntry {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0; // byte offsets into the data section
    std::uint64_t end = 0;

    std::uint64_t bytes() const { return end - begin; }
};

class SafetensorsFile {
public:
    // The largest header accepted: real headers are a few MB at most.
    static constexpr std::uint64_t kMaxHeaderBytes = 100ull * 1024 * 1024;

    // Throws WeightsError (naming the file and the tensor) on any defect.
    static std::shared_ptr<SafetensorsFile> open(const std::string& path);

    const std::string& path() const { return m_file->path(); }
    const std::vector<SafetensorsEntry>& entries() const { return m_entries; } // sorted by name
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }
    bool contains(const std::string& name) const;
    const SafetensorsEntry& entry(const std::string& name) const;

    // Zero-copy where the data is aligned for its type (always, for files
    // this engine writes); an unaligned tensor is copied.
    torch::Tensor tensor(const std::string& name) const;
    TensorMap loadAll() const;

private:
    SafetensorsFile(std::shared_ptr<MappedFile> file, std::uint64_t dataStart);
    void parseHeader(const std::string& json);

    std::shared_ptr<MappedFile> m_file;
    std::uint64_t m_dataStart = 0;
    std::vector<SafetensorsEntry> m_entries;
    std::map<std::string, std::size_t> m_index;
    std::map<std::string, std::string> m_metadata;
};

} // namespace cosmos::engine
