// Reads PyTorch checkpoints (.pt/.pth) written by torch.save in its zip
// format (torch >= 1.6). Only tensors and plain containers of them are
// accepted; the pickle is interpreted by restricted_unpickler, so loading a
// checkpoint never runs code from it. The legacy non-zip format and
// TorchScript archives are refused with a message saying so.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <torch/types.h>

#include "engine/weights/tensor_map.h"

namespace cosmos::engine {

struct TorchCheckpoint {
    // Flattened names ('model.layers.0.weight'); every tensor owns its memory,
    // on the CPU, with the checkpoint's sizes, strides and storage offsets.
    // Tensors that shared a storage in Python share it here too.
    TensorMap tensors;
    // Plain values that were ignored (epoch numbers, hyper-parameters...).
    std::vector<std::string> skippedKeys;
};

// Throws WeightsError naming the file, and the tensor when one is at fault.
TorchCheckpoint readTorchCheckpointWithSkipped(const std::string& path);
TensorMap readTorchCheckpoint(const std::string& path);

struct TorchRecordInfo {
    std::string name;
    torch::Dtype dtype = torch::kFloat;
    std::vector<int64_t> shape;
    uint64_t bytes = 0; // of the tensor's elements, not of its whole storage
};

// Describes the tensors of a checkpoint, in name order. Loads them to do so.
std::vector<TorchRecordInfo> inspectTorchCheckpoint(const std::string& path);

// True for a readable zip holding '<archive>/data.pkl', as torch.save writes;
// says nothing about whether the pickle will be accepted. Never throws.
bool looksLikeTorchZip(const std::string& path);

} // namespace cosmos::engine
