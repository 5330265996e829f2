// softmax(q k^T / sqrt(d)) v without a mask, the attention every network here
// uses. On LibTorch 2.x it is the fused scaled_dot_product_attention; on
// 1.13 it is computed in query chunks so that the score matrix stays small
// (84,480 tokens at 720p would need 28 GB per head at once).
#pragma once

#include <torch/types.h>

namespace cosmos::engine::nets {

// q: [B, Lq, heads, d]; k, v: [B, Lk, heads, d] -> [B, Lq, heads, d].
torch::Tensor scaledDotProductAttention(
    const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, bool causal = false);

} // namespace cosmos::engine::nets
