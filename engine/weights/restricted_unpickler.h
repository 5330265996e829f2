// A pickle interpreter that understands only what torch.save writes for
// tensors and plain containers of them. It never imports or calls anything:
// a global outside a short allow-list (OrderedDict, torch's tensor rebuild
// functions, storage types and dtypes) stops the load with an error, so a
// checkpoint cannot run code the way Python's pickle lets it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <torch/types.h>

namespace cosmos::engine {

// A storage named by a persistent id ('storage', type, key, location, numel).
struct StorageRef {
    std::string key; // record name under '<archive>/data/'
    torch::Dtype dtype = torch::kByte; // kByte for torch.UntypedStorage
    int64_t numel = 0; // elements of dtype (bytes when untyped)
};

// A tensor as torch.save describes it: a strided view of a storage. Nothing
// is checked against the storage yet; building the view does that.
struct PickledTensor {
    // Nested containers flatten to dotted names: {'model': {'a.weight': T}}
    // gives 'model.a.weight', list and tuple items their index ('layers.0').
    // A tensor pickled alone is named 'tensor'.
    std::string name;
    StorageRef storage;
    torch::Dtype dtype = torch::kFloat; // differs from storage.dtype only over an untyped storage
    int64_t storageOffset = 0; // in elements of dtype
    std::vector<int64_t> size;
    std::vector<int64_t> stride;
};

struct UnpickledCheckpoint {
    std::vector<PickledTensor> tensors; // in pickle order; names may repeat if the pickle is odd
    // Names of the plain values that were ignored (numbers, strings, None,
    // bytes, dtypes), in pickle order.
    std::vector<std::string> skippedKeys;
};

// Interprets the pickle data[0, size) (protocols 2 to 5) and flattens what it
// built. Throws WeightsError naming `file`, and `record` with the byte offset
// where the pickle is at fault.
UnpickledCheckpoint unpickleCheckpoint(
    const std::uint8_t* data, std::size_t size, const std::string& file, const std::string& record);

// "float32", "bfloat16", ...: the names Python uses.
std::string torchDtypeName(torch::Dtype dtype);

} // namespace cosmos::engine
