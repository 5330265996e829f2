// Conversions between the weights layer's DType and LibTorch's scalar types.
#pragma once

#include <torch/types.h>

#include "engine/weights/dtype.h"

namespace cosmos::engine {

torch::ScalarType toScalarType(DType dtype);
// Throws EngineError for a scalar type no weight file format here stores.
DType fromScalarType(torch::ScalarType type);

} // namespace cosmos::engine
