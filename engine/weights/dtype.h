// The element types weight files store, with their names in safetensors
// ("F32", "BF16", ...) and their sizes. No LibTorch types here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace cosmos::engine {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

std::size_t dtypeSize(DType dtype);
std::string dtypeName(DType dtype); // safetensors spelling
// nullopt for a name safetensors does not define or this engine cannot hold.
std::optional<DType> dtypeFromName(const std::string& name);

} // namespace cosmos::engine
