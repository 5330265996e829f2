#include "engine/nets/dit/dit_modules.h"

#include <cmath>

#include <torch/nn/functional.h>

#include "engine/nets/attention_core.h"
#include "engine/nets/dit/rope3d.h"

namespace cosmos::engine::nets {
namespace {

// [B, T', D] -> [B, T', 1, 1, D] in the dtype of x, broadcasting over H, W.
torch::Tensor toGrid(const torch::Tensor& value, const torch::Tensor& like)
{
    return value.unsqueeze(2).unsqueeze(2).to(like.scalar_type());
}

} // namespace

DitAttentionImpl::DitAttentionImpl(
    const DitConfig& config, std::int64_t contextDim, bool selfAttention, const BuildOptions& options)
    : m_heads(config.numHeads),
      m_headDim(config.headDim()),
      m_self(selfAttention),
      m_fp32Rope(config.useWanFp32Strategy)
{
    const std::int64_t d = config.modelChannels;
    q_proj = register_module("q_proj", Linear(d, d, false, options));
    q_norm = register_module("q_norm", RmsNorm(m_headDim, config.normEps, options));
    k_proj = register_module("k_proj", Linear(contextDim, d, false, options));
    k_norm = register_module("k_norm", RmsNorm(m_headDim, config.normEps, options));
    v_proj = register_module("v_proj", Linear(contextDim, d, false, options));
    output_proj = register_module("output_proj", Linear(d, d, false, options));
}

torch::Tensor DitAttentionImpl::forward(
    const torch::Tensor& x, const torch::Tensor& context, const torch::Tensor& ropeAngles)
{
    const auto& source = m_self ? x : context;
    const std::int64_t b = x.size(0);
    auto q = q_proj(x).view({b, x.size(1), m_heads, m_headDim});
    auto k = k_proj(source).view({b, source.size(1), m_heads, m_headDim});
    auto v = v_proj(source).view({b, source.size(1), m_heads, m_headDim});
    q = q_norm(q);
    k = k_norm(k);
    if (m_self && ropeAngles.defined()) {
        // RoPE in fp32; the attention itself runs in the network's dtype.
        q = Rope3d::apply(q, ropeAngles).to(x.scalar_type());
        k = Rope3d::apply(k, ropeAngles).to(x.scalar_type());
    }
    const auto attended = scaledDotProductAttention(q, k, v.to(q.scalar_type())); // [B, L, heads, hd]
    return output_proj(attended.reshape({b, x.size(1), m_heads * m_headDim}));
}

AdaLnModulationImpl::AdaLnModulationImpl(const DitConfig& config, std::int64_t chunks, const BuildOptions& options)
{
    const std::int64_t d = config.modelChannels;
    if (config.useAdalnLora) {
        m_down = register_module("1", Linear(d, config.adalnLoraDim, false, options));
        m_up = register_module("2", Linear(config.adalnLoraDim, chunks * d, false, options));
    } else {
        m_down = register_module("1", Linear(d, chunks * d, false, options));
    }
}

torch::Tensor AdaLnModulationImpl::forward(const torch::Tensor& emb)
{
    auto h = m_down->forwardFloat(torch::silu(emb.to(torch::kFloat32)));
    return m_up ? m_up->forwardFloat(h) : h;
}

DitBlockImpl::DitBlockImpl(const DitConfig& config, const BuildOptions& options)
    : m_eps(config.normEps), m_useLora(config.useAdalnLora)
{
    const std::int64_t d = config.modelChannels;
    self_attn = register_module("self_attn", DitAttention(config, d, true, options));
    cross_attn = register_module("cross_attn", DitAttention(config, config.crossattnEmbChannels, false, options));
    auto mlp = register_module("mlp", NamedSlots());
    const auto hidden = static_cast<std::int64_t>(std::llround(double(d) * config.mlpRatio));
    layer1 = mlp->register_module("layer1", Linear(d, hidden, false, options));
    layer2 = mlp->register_module("layer2", Linear(hidden, d, false, options));
    adaln_modulation_self_attn = register_module("adaln_modulation_self_attn", AdaLnModulation(config, 3, options));
    adaln_modulation_cross_attn = register_module("adaln_modulation_cross_attn", AdaLnModulation(config, 3, options));
    adaln_modulation_mlp = register_module("adaln_modulation_mlp", AdaLnModulation(config, 3, options));
}

torch::Tensor DitBlockImpl::forward(const torch::Tensor& xIn, const torch::Tensor& emb, const torch::Tensor& context,
    const torch::Tensor& ropeAngles, const torch::Tensor& adalnLora)
{
    auto modulation = [&](AdaLnModulation& module) {
        auto m = module(emb);
        if (m_useLora && adalnLora.defined())
            m = m + adalnLora.to(torch::kFloat32);
        return m.chunk(3, -1); // shift, scale, gate
    };
    const auto sa = modulation(adaln_modulation_self_attn);
    const auto ca = modulation(adaln_modulation_cross_attn);
    const auto ml = modulation(adaln_modulation_mlp);

    auto x = xIn;
    const std::int64_t b = x.size(0), t = x.size(1), h = x.size(2), w = x.size(3), d = x.size(4);
    auto modulate = [&](const torch::Tensor& input, const std::vector<torch::Tensor>& m) {
        return layerNormNoAffine(input, m_eps) * (1 + toGrid(m[1], input)) + toGrid(m[0], input);
    };

    auto normed = modulate(x, sa).reshape({b, t * h * w, d});
    x = x + toGrid(sa[2], x) * self_attn->forward(normed, {}, ropeAngles).view({b, t, h, w, d});

    normed = modulate(x, ca).reshape({b, t * h * w, d});
    x = x + toGrid(ca[2], x) * cross_attn->forward(normed, context, {}).view({b, t, h, w, d});

    normed = modulate(x, ml);
    const auto mlpOut = layer2(torch::gelu(layer1(normed)));
    return x + toGrid(ml[2], x) * mlpOut;
}

TimestepEmbeddingImpl::TimestepEmbeddingImpl(const DitConfig& config, const BuildOptions& options)
{
    const std::int64_t d = config.modelChannels;
    linear_1 = register_module("linear_1", Linear(d, d, !config.useAdalnLora, options));
    linear_2 = register_module(
        "linear_2", config.useAdalnLora ? Linear(d, 3 * d, false, options) : Linear(d, d, true, options));
}

DitFinalLayerImpl::DitFinalLayerImpl(const DitConfig& config, const BuildOptions& options)
    : m_channels(config.modelChannels), m_eps(config.normEps), m_useLora(config.useAdalnLora)
{
    linear = register_module("linear", Linear(config.modelChannels, config.outputFeatures(), false, options));
    adaln_modulation = register_module("adaln_modulation", AdaLnModulation(config, 2, options));
}

torch::Tensor DitFinalLayerImpl::forward(
    const torch::Tensor& x, const torch::Tensor& emb, const torch::Tensor& adalnLora)
{
    auto m = adaln_modulation(emb);
    if (m_useLora && adalnLora.defined())
        m = m + adalnLora.to(torch::kFloat32).slice(-1, 0, 2 * m_channels);
    const auto shiftScale = m.chunk(2, -1);
    const auto x32 = x.to(torch::kFloat32);
    const auto normed = layerNormNoAffine(x32, m_eps) * (1 + toGrid(shiftScale[1], x32)) + toGrid(shiftScale[0], x32);
    return linear->forwardFloat(normed);
}

torch::Tensor timestepFeatures(const torch::Tensor& t, std::int64_t channels)
{
    const std::int64_t half = channels / 2;
    const auto flat = t.reshape({-1}).to(torch::kFloat32);
    auto exponent = -std::log(10000.0) * torch::arange(half, flat.options());
    exponent = exponent / static_cast<double>(half);
    const auto args = flat.unsqueeze(1) * torch::exp(exponent).unsqueeze(0);
    return torch::cat({torch::cos(args), torch::sin(args)}, -1).view({t.size(0), t.size(1), channels});
}

} // namespace cosmos::engine::nets
