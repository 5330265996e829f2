#include "engine/nets/layers.h"

#include <cmath>

#include <torch/nn/functional.h>
#include <torch/nn/init.h>

namespace cosmos::engine::nets {

LinearImpl::LinearImpl(std::int64_t in, std::int64_t out, bool withBias, const BuildOptions& options)
{
    weight = register_parameter("weight", torch::empty({out, in}, options.tensorOptions()));
    if (withBias)
        bias = register_parameter("bias", torch::empty({out}, options.tensorOptions()));
    if (options.allocates()) {
        // PyTorch's nn.Linear default initialisation.
        torch::NoGradGuard noGrad;
        torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
        if (withBias) {
            const double bound = in > 0 ? 1.0 / std::sqrt(static_cast<double>(in)) : 0.0;
            torch::nn::init::uniform_(bias, -bound, bound);
        }
    }
}

torch::Tensor LinearImpl::forward(const torch::Tensor& x)
{
    return torch::nn::functional::linear(
        x, weight.to(x.scalar_type()), bias.defined() ? bias.to(x.scalar_type()) : torch::Tensor());
}

torch::Tensor LinearImpl::forwardFloat(const torch::Tensor& x)
{
    return torch::nn::functional::linear(
        x.to(torch::kFloat32), weight.to(torch::kFloat32), bias.defined() ? bias.to(torch::kFloat32) : torch::Tensor());
}

RmsNormImpl::RmsNormImpl(std::int64_t channels, double epsilon, const BuildOptions& options) : eps(epsilon)
{
    weight = register_parameter("weight", torch::empty({channels}, options.tensorOptions()));
    if (options.allocates()) {
        torch::NoGradGuard noGrad;
        weight.fill_(1.0);
    }
}

torch::Tensor RmsNormImpl::forward(const torch::Tensor& x)
{
    const auto x32 = x.to(torch::kFloat32);
    const auto normed = x32 * torch::rsqrt(x32.pow(2).mean(-1, /*keepdim=*/true) + eps);
    return (normed * weight.to(torch::kFloat32)).to(x.scalar_type());
}

torch::Tensor layerNormNoAffine(const torch::Tensor& x, double eps)
{
    const auto x32 = x.to(torch::kFloat32);
    return torch::layer_norm(x32, {x32.size(-1)}, {}, {}, eps).to(x.scalar_type());
}

} // namespace cosmos::engine::nets
