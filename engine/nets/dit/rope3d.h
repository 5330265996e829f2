// 3D rotary position embedding of the Cosmos DiT (VideoRopePosition3DEmb):
// the head dimension is split into t / h / w parts (dim_h = dim_w =
// head_dim / 6 * 2, dim_t the rest), each with its own NTK-scaled theta;
// angles are laid out [t, h, w, t, h, w] and applied rotate-half style
// (dimension i pairs with i + head_dim / 2) to q and k of self-attention.
#pragma once

#include <cstdint>

#include <torch/types.h>

#include "engine/nets/dit/dit_config.h"

namespace cosmos::engine::nets {

class Rope3d {
public:
    explicit Rope3d(const DitConfig& config);

    // The exponent ranges (arange(0, dim, 2) / dim), exact by default. The
    // official checkpoints store them as buffers rounded to bf16, and the
    // official code uses the stored values: load them to match it.
    void setExponents(const torch::Tensor& spatialRange, const torch::Tensor& temporalRange);
    const torch::Tensor& spatialRange() const { return m_spatialRange; }
    const torch::Tensor& temporalRange() const { return m_temporalRange; }

    // Angles for a t x h x w patch grid: [t*h*w, head_dim], fp32.
    torch::Tensor angles(std::int64_t t, std::int64_t h, std::int64_t w, const torch::Device& device) const;

    // x: [B, L, heads, head_dim]; angles: [L, head_dim]. Computed in fp32.
    static torch::Tensor apply(const torch::Tensor& x, const torch::Tensor& angles);

private:
    std::int64_t m_dimH = 0;
    std::int64_t m_dimT = 0;
    double m_thetaH = 10000.0;
    double m_thetaW = 10000.0;
    double m_thetaT = 10000.0;
    std::int64_t m_maxH = 0;
    std::int64_t m_maxW = 0;
    std::int64_t m_maxT = 0;
    torch::Tensor m_spatialRange; // [dim_h / 2]
    torch::Tensor m_temporalRange; // [dim_t / 2]
};

} // namespace cosmos::engine::nets
