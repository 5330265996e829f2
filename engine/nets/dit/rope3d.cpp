#include "engine/nets/dit/rope3d.h"

#include <algorithm>
#include <cmath>

#include "engine/errors.h"

namespace cosmos::engine::nets {

Rope3d::Rope3d(const DitConfig& config)
{
    const std::int64_t dim = config.headDim();
    m_dimH = dim / 6 * 2;
    m_dimT = dim - 2 * m_dimH;
    m_thetaH = 10000.0 * std::pow(config.ropeHExtrapolationRatio, double(m_dimH) / double(m_dimH - 2));
    m_thetaW = 10000.0 * std::pow(config.ropeWExtrapolationRatio, double(m_dimH) / double(m_dimH - 2));
    m_thetaT = 10000.0 * std::pow(config.ropeTExtrapolationRatio, double(m_dimT) / double(m_dimT - 2));
    m_maxH = config.maxPatchH;
    m_maxW = config.maxPatchW;
    m_maxT = config.maxFrames;
    m_spatialRange = torch::arange(0, m_dimH, 2, torch::kFloat32).slice(0, 0, m_dimH / 2) / double(m_dimH);
    m_temporalRange = torch::arange(0, m_dimT, 2, torch::kFloat32).slice(0, 0, m_dimT / 2) / double(m_dimT);
}

void Rope3d::setExponents(const torch::Tensor& spatialRange, const torch::Tensor& temporalRange)
{
    if (spatialRange.numel() != m_spatialRange.numel() || temporalRange.numel() != m_temporalRange.numel())
        throw EngineError("RoPE exponent ranges have " + std::to_string(spatialRange.numel()) + " and "
            + std::to_string(temporalRange.numel()) + " entries, expected " + std::to_string(m_spatialRange.numel())
            + " and " + std::to_string(m_temporalRange.numel()));
    m_spatialRange = spatialRange.to(torch::kCPU, torch::kFloat32).reshape({-1}).clone();
    m_temporalRange = temporalRange.to(torch::kCPU, torch::kFloat32).reshape({-1}).clone();
}

torch::Tensor Rope3d::angles(std::int64_t t, std::int64_t h, std::int64_t w, const torch::Device& device) const
{
    if (h > m_maxH || w > m_maxW || t > m_maxT)
        throw EngineError("latent patch grid " + std::to_string(t) + "x" + std::to_string(h) + "x" + std::to_string(w)
            + " exceeds this model's RoPE limits " + std::to_string(m_maxT) + "x" + std::to_string(m_maxH) + "x"
            + std::to_string(m_maxW));
    // The official code computes 1 / theta ** range in fp32 from a float range.
    const auto freqsH = 1.0 / torch::pow(m_thetaH, m_spatialRange);
    const auto freqsW = 1.0 / torch::pow(m_thetaW, m_spatialRange);
    const auto freqsT = 1.0 / torch::pow(m_thetaT, m_temporalRange);
    const auto seq = torch::arange(std::max({h, w, t}), torch::kFloat32);
    const auto halfT = torch::outer(seq.slice(0, 0, t), freqsT); // [t, dim_t/2]
    const auto halfH = torch::outer(seq.slice(0, 0, h), freqsH); // [h, dim_h/2]
    const auto halfW = torch::outer(seq.slice(0, 0, w), freqsW); // [w, dim_h/2]
    const auto gridT = halfT.view({t, 1, 1, -1}).expand({t, h, w, halfT.size(1)});
    const auto gridH = halfH.view({1, h, 1, -1}).expand({t, h, w, halfH.size(1)});
    const auto gridW = halfW.view({1, 1, w, -1}).expand({t, h, w, halfW.size(1)});
    const auto half = torch::cat({gridT, gridH, gridW}, -1);
    return torch::cat({half, half}, -1).reshape({t * h * w, -1}).to(device);
}

torch::Tensor Rope3d::apply(const torch::Tensor& x, const torch::Tensor& angles)
{
    const auto x32 = x.to(torch::kFloat32);
    const std::int64_t half = x32.size(-1) / 2;
    const auto cos = angles.cos().unsqueeze(1); // [L, 1, head_dim]
    const auto sin = angles.sin().unsqueeze(1);
    const auto rotated = torch::cat({-x32.slice(-1, half), x32.slice(-1, 0, half)}, -1);
    return x32 * cos + rotated * sin;
}

} // namespace cosmos::engine::nets
