// Any weight file the engine reads, behind one interface: a .safetensors
// file, a sharded set (its *.safetensors.index.json, or the folder holding
// it), or a PyTorch zip checkpoint (.pt/.pth, tensors only).
//
//   auto checkpoint = Checkpoint::open(path);
//   for (const auto& record : checkpoint.records()) ...
//   torch::Tensor w = checkpoint.load(record.name);
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "engine/weights/dtype.h"
#include "engine/weights/tensor_map.h"

namespace cosmos::engine {

class SafetensorsFile;

enum class CheckpointFormat { Safetensors, ShardedSafetensors, TorchZip };
std::string checkpointFormatName(CheckpointFormat format);

struct TensorRecord {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t bytes = 0;
    std::string file; // the file that holds it
};

class Checkpoint {
public:
    // Throws WeightsError when the path is none of the formats or is damaged.
    static Checkpoint open(const std::string& path);

    CheckpointFormat format() const { return m_format; }
    const std::string& path() const { return m_path; }
    const std::vector<TensorRecord>& records() const { return m_records; } // by name
    std::vector<std::string> names() const;
    const TensorRecord& record(const std::string& name) const;
    std::map<std::string, std::string> metadata() const;

    torch::Tensor load(const std::string& name) const; // CPU, zero-copy for safetensors
    TensorMap loadAll() const;

private:
    CheckpointFormat m_format = CheckpointFormat::Safetensors;
    std::string m_path;
    std::vector<TensorRecord> m_records;
    std::map<std::string, std::size_t> m_index;
    std::map<std::string, std::shared_ptr<SafetensorsFile>> m_files; // by file path
    std::shared_ptr<TensorMap> m_torchTensors; // a .pt is read whole
};

} // namespace cosmos::engine
