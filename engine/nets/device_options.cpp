#include "engine/nets/device_options.h"

#include <torch/cuda.h>

#include "engine/errors.h"

namespace cosmos::engine::nets {

BuildOptions buildOptionsForDevice(const std::string& device)
{
    BuildOptions options;
    if (device == "cpu")
        return options;
    const std::string unknown = "unknown device '" + device + "' (valid: cpu, cuda, cuda:N)";
    if (device.rfind("cuda", 0) != 0)
        throw EngineError(unknown);
    try {
        options.device = torch::Device(device); // "cuda:x" is no device, here or on a GPU machine
    } catch (const c10::Error&) {
        throw EngineError(unknown);
    }
    if (!torch::cuda::is_available())
        throw EngineError("device '" + device + "' was asked for, but CUDA is not available in this build or machine");
    options.dtype = torch::kBFloat16; // fp32 regions stay fp32
    return options;
}

} // namespace cosmos::engine::nets
