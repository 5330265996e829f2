// The few building blocks the networks share, written so that a whole
// network can be built on the meta device (names and shapes, no memory) as
// well as on the CPU or a GPU: parameters are created with the options given,
// and initialised only when they live on a real device.
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

namespace cosmos::engine::nets {

// Where and in which type a network's parameters are created.
struct BuildOptions {
    torch::Device device = torch::kCPU; // torch::kMeta for a shape-only build
    torch::ScalarType dtype = torch::kFloat32;

    torch::TensorOptions tensorOptions() const { return torch::TensorOptions().device(device).dtype(dtype); }
    bool allocates() const { return device.type() != c10::DeviceType::Meta; }
    // Names and shapes only: the twin a checkpoint is checked against.
    static BuildOptions meta()
    {
        BuildOptions options;
        options.device = torch::Device(torch::kMeta);
        return options;
    }
};

// y = x W^T (+ b). weight: [out, in]; bias: [out].
class LinearImpl : public torch::nn::Module {
public:
    LinearImpl(std::int64_t in, std::int64_t out, bool bias, const BuildOptions& options);
    // x: [..., in] -> [..., out], computed in x's dtype.
    torch::Tensor forward(const torch::Tensor& x);
    // Same, with weights and x upcast to fp32 (the official "fp32 strategy").
    torch::Tensor forwardFloat(const torch::Tensor& x);

    torch::Tensor weight;
    torch::Tensor bias;
};
TORCH_MODULE(Linear);

// RMSNorm with a learnable per-channel weight: x * rsqrt(mean(x^2) + eps) * w,
// computed in fp32 and returned in x's dtype.
class RmsNormImpl : public torch::nn::Module {
public:
    RmsNormImpl(std::int64_t channels, double eps, const BuildOptions& options);
    torch::Tensor forward(const torch::Tensor& x);

    torch::Tensor weight;
    double eps = 1e-6;
};
TORCH_MODULE(RmsNorm);

// A container that only names its children ("0", "1", ...), to reproduce
// the state-dict names of nn.Sequential in the official code.
class NamedSlotsImpl : public torch::nn::Module { };
TORCH_MODULE(NamedSlots);

// LayerNorm over the last dimension without affine parameters, in fp32.
torch::Tensor layerNormNoAffine(const torch::Tensor& x, double eps);

} // namespace cosmos::engine::nets
