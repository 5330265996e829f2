#include "engine/sampling/seeded_noise.h"

#include <sstream>

#include "engine/errors.h"
#include "engine/sampling/numpy_random.h"

namespace cosmos::engine {

torch::Tensor numpyNoise(uint32_t seed, at::IntArrayRef shape)
{
    for (const int64_t size : shape) {
        if (size < 0) {
            std::ostringstream message;
            message << "Seeded noise: the shape " << shape << " has a negative dimension.";
            throw EngineError(message.str());
        }
    }
    torch::Tensor noise = torch::empty(shape, torch::TensorOptions().dtype(torch::kFloat32).device(torch::kCPU));
    // A fresh contiguous tensor: element order is C order, as NumPy fills it.
    fillNumpyStandardNormalFloat32(seed, noise.data_ptr<float>(), static_cast<std::size_t>(noise.numel()));
    return noise;
}

} // namespace cosmos::engine
