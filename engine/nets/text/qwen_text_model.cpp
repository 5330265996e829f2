#include "engine/nets/text/qwen_text_model.h"

#include <cmath>

#include <torch/nn/init.h>

#include "engine/errors.h"
#include "engine/nets/attention_core.h"

namespace cosmos::engine::nets {
namespace {

torch::Tensor rotateHalf(const torch::Tensor& x)
{
    const auto half = x.size(-1) / 2;
    return torch::cat({-x.slice(-1, half), x.slice(-1, 0, half)}, -1);
}

// cos and sin of the 1D RoPE for positions 0..length-1: [length, head_dim].
std::pair<torch::Tensor, torch::Tensor> ropeTables(
    std::int64_t length, std::int64_t headDim, double theta, const torch::Device& device)
{
    // Hugging Face's default rope: 1 / theta ** (arange(0, d, 2).float() / d).
    const auto exponents = torch::arange(0, headDim, 2, torch::kInt64).to(torch::kFloat32) / double(headDim);
    const auto invFreq = 1.0 / torch::pow(theta, exponents);
    const auto positions = torch::arange(length, torch::kFloat32);
    const auto freqs = torch::outer(positions, invFreq);
    const auto emb = torch::cat({freqs, freqs}, -1);
    return {emb.cos().to(device), emb.sin().to(device)};
}

} // namespace

QwenRmsNormImpl::QwenRmsNormImpl(std::int64_t channels, double eps, const BuildOptions& options) : m_eps(eps)
{
    weight = register_parameter("weight", torch::empty({channels}, options.tensorOptions()));
    if (options.allocates()) {
        torch::NoGradGuard noGrad;
        weight.fill_(1.0);
    }
}

torch::Tensor QwenRmsNormImpl::forward(const torch::Tensor& x)
{
    const auto x32 = x.to(torch::kFloat32);
    const auto normed = x32 * torch::rsqrt(x32.pow(2).mean(-1, true) + m_eps);
    return weight * normed.to(x.scalar_type());
}

QwenDecoderLayerImpl::QwenDecoderLayerImpl(const TextEncoderConfig& config, const BuildOptions& options)
    : m_config(config)
{
    const auto h = config.hiddenSize, d = config.headDim();
    auto attention = register_module("self_attn", NamedSlots());
    q_proj = attention->register_module("q_proj", Linear(h, config.numHeads * d, true, options));
    k_proj = attention->register_module("k_proj", Linear(h, config.numKeyValueHeads * d, true, options));
    v_proj = attention->register_module("v_proj", Linear(h, config.numKeyValueHeads * d, true, options));
    o_proj = attention->register_module("o_proj", Linear(config.numHeads * d, h, false, options));
    auto mlp = register_module("mlp", NamedSlots());
    gate_proj = mlp->register_module("gate_proj", Linear(h, config.intermediateSize, false, options));
    up_proj = mlp->register_module("up_proj", Linear(h, config.intermediateSize, false, options));
    down_proj = mlp->register_module("down_proj", Linear(config.intermediateSize, h, false, options));
    input_layernorm = register_module("input_layernorm", QwenRmsNorm(h, config.rmsNormEps, options));
    post_attention_layernorm = register_module("post_attention_layernorm", QwenRmsNorm(h, config.rmsNormEps, options));
}

torch::Tensor QwenDecoderLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin)
{
    const auto b = x.size(0), l = x.size(1), d = m_config.headDim();
    const auto heads = m_config.numHeads, kvHeads = m_config.numKeyValueHeads;

    const auto normed = input_layernorm(x);
    auto q = q_proj(normed).view({b, l, heads, d});
    auto k = k_proj(normed).view({b, l, kvHeads, d});
    auto v = v_proj(normed).view({b, l, kvHeads, d});
    // RoPE: [L, d] broadcast over batch and heads.
    const auto c = cos.to(x.scalar_type()).unsqueeze(1);
    const auto s = sin.to(x.scalar_type()).unsqueeze(1);
    q = q * c + rotateHalf(q) * s;
    k = k * c + rotateHalf(k) * s;
    // Grouped-query attention: each key/value head serves heads / kvHeads queries.
    const auto repeat = heads / kvHeads;
    k = k.unsqueeze(3).expand({b, l, kvHeads, repeat, d}).reshape({b, l, heads, d});
    v = v.unsqueeze(3).expand({b, l, kvHeads, repeat, d}).reshape({b, l, heads, d});
    const auto attended = scaledDotProductAttention(q, k, v, /*causal=*/true).reshape({b, l, heads * d});
    const auto hidden = x + o_proj(attended);

    const auto mlpIn = post_attention_layernorm(hidden);
    return hidden + down_proj(torch::silu(gate_proj(mlpIn)) * up_proj(mlpIn));
}

QwenTextModelImpl::QwenTextModelImpl(const TextEncoderConfig& config, const BuildOptions& options) : m_config(config)
{
    m_config.validate();
    auto model = register_module("model", NamedSlots());
    auto embedding = model->register_module("embed_tokens", NamedSlots());
    embedTokens = embedding->register_parameter(
        "weight", torch::empty({config.vocabSize, config.hiddenSize}, options.tensorOptions()));
    if (options.allocates()) {
        torch::NoGradGuard noGrad;
        torch::nn::init::normal_(embedTokens, 0.0, 0.02);
    }
    layers = model->register_module("layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < config.numLayers; ++i)
        layers->push_back(QwenDecoderLayer(config, options));
    norm = model->register_module("norm", QwenRmsNorm(config.hiddenSize, config.rmsNormEps, options));
}

std::vector<torch::Tensor> QwenTextModelImpl::hiddenStates(const torch::Tensor& ids)
{
    if (ids.dim() != 2 || ids.scalar_type() != torch::kInt64)
        throw EngineError("text encoder input must be int64 token ids [B, L]");
    if (ids.numel() > 0 && (ids.min().item<std::int64_t>() < 0 || ids.max().item<std::int64_t>() >= m_config.vocabSize))
        throw EngineError("token id outside the vocabulary of " + std::to_string(m_config.vocabSize) + " entries");
    const auto device = embedTokens.device();
    auto x = torch::embedding(embedTokens, ids.to(device));
    const auto [cos, sin] = ropeTables(ids.size(1), m_config.headDim(), m_config.ropeTheta, device);
    std::vector<torch::Tensor> states;
    for (std::size_t i = 0; i < layers->size(); ++i) {
        x = layers[i]->as<QwenDecoderLayerImpl>()->forward(x, cos, sin);
        states.push_back(i + 1 == layers->size() ? norm(x) : x);
    }
    return states;
}

torch::Tensor QwenTextModelImpl::embed(const torch::Tensor& ids)
{
    std::vector<torch::Tensor> normalised;
    for (const auto& state : hiddenStates(ids)) {
        const auto h = state.to(torch::kFloat32);
        const auto mean = h.mean(-1, true);
        const auto std = h.std(-1, /*unbiased=*/true, /*keepdim=*/true);
        normalised.push_back((h - mean) / (std + m_config.normalizeEps));
    }
    return torch::cat(normalised, -1);
}

} // namespace cosmos::engine::nets
