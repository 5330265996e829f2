// The initial latent noise of the official Cosmos-Predict2.5 pipeline
// (arch_invariant_rand): NumPy legacy standard normals, cast to float32.
#pragma once

#include <cstdint>

#include <torch/types.h>

namespace cosmos::engine {

// result: CPU float32 tensor of the given shape (e.g. [B, C, T, H, W]), filled
// in C order with np.random.RandomState(seed).standard_normal(shape)
// .astype(float32). Move it to the compute device and dtype afterwards; the
// values do not depend on the device. Throws EngineError for a negative
// dimension.
torch::Tensor numpyNoise(uint32_t seed, at::IntArrayRef shape);

} // namespace cosmos::engine
