// Writes named tensors as safetensors: header padded to 8 bytes so every
// tensor is aligned for zero-copy reading, tensors in name order, written to
// a temporary file and renamed, so a failed write never leaves a partial
// file under the final name.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "engine/weights/tensor_map.h"

namespace cosmos::engine {

using WeightsMetadata = std::map<std::string, std::string>;

// Throws WeightsError when a tensor cannot be stored or the file cannot be written.
void writeSafetensors(const std::string& path, const TensorMap& tensors, const WeightsMetadata& metadata = {});

// Splits `tensors` into shards of at most `maxShardBytes` (a larger tensor
// gets a shard of its own) named <base>-0000N-of-0000M.safetensors inside
// `directory`, plus <base>.safetensors.index.json. Returns the index path.
std::string writeShardedSafetensors(const std::string& directory, const std::string& base, const TensorMap& tensors,
    std::uint64_t maxShardBytes, const WeightsMetadata& metadata = {});

} // namespace cosmos::engine
