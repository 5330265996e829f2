// Named tensors, as a checkpoint holds them: ordered by name so that
// listings and written files are deterministic.
#pragma once

#include <map>
#include <string>

#include <torch/types.h>

namespace cosmos::engine {

using TensorMap = std::map<std::string, torch::Tensor>;

} // namespace cosmos::engine
