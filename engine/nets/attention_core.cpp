#include "engine/nets/attention_core.h"

#include <algorithm>
#include <cmath>

#include <torch/version.h>

namespace cosmos::engine::nets {
namespace {

// Keeps one chunk's scores near 64 Mi elements.
constexpr std::int64_t kScoreElementsPerChunk = 64ll * 1024 * 1024;

} // namespace

torch::Tensor scaledDotProductAttention(
    const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, bool causal)
{
    // [B, heads, L, d] layout for the products.
    const auto qh = q.transpose(1, 2);
    const auto kh = k.transpose(1, 2);
    const auto vh = v.transpose(1, 2);
#if TORCH_VERSION_MAJOR >= 2
    if (q.is_cuda())
        return at::scaled_dot_product_attention(qh, kh, vh, {}, 0.0, causal).transpose(1, 2);
#endif
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
    const std::int64_t batchHeads = qh.size(0) * qh.size(1);
    const std::int64_t lq = qh.size(2);
    const std::int64_t lk = kh.size(2);
    const std::int64_t chunk
        = std::max<std::int64_t>(1, kScoreElementsPerChunk / std::max<std::int64_t>(1, batchHeads * lk));
    const auto kt = kh.transpose(-2, -1);
    std::vector<torch::Tensor> outputs;
    for (std::int64_t start = 0; start < lq; start += chunk) {
        const std::int64_t end = std::min(lq, start + chunk);
        auto scores = torch::matmul(qh.slice(2, start, end), kt) * scale; // [B, h, chunk, Lk]
        if (causal) {
            const auto rows = torch::arange(start, end, torch::TensorOptions().device(q.device())).unsqueeze(1);
            const auto cols = torch::arange(lk, torch::TensorOptions().device(q.device())).unsqueeze(0);
            scores = scores.masked_fill(cols > rows, -std::numeric_limits<float>::infinity());
        }
        outputs.push_back(torch::matmul(torch::softmax(scores, -1), vh));
    }
    const auto out = outputs.size() == 1 ? outputs.front() : torch::cat(outputs, 2);
    return out.transpose(1, 2);
}

} // namespace cosmos::engine::nets
