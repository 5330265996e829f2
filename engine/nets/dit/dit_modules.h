// The parts of the Cosmos DiT, named exactly as the official modules so that
// the state-dict names match (`blocks.3.self_attn.q_norm.weight`, ...).
// Shapes use B batch, T latent frames, H x W patch grid, D channels.
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

#include "engine/nets/dit/dit_config.h"
#include "engine/nets/layers.h"

namespace cosmos::engine::nets {

// Self- or cross-attention: q/k/v/output projections without bias, RMSNorm
// on q and k per head, RoPE on q and k for self-attention.
class DitAttentionImpl : public torch::nn::Module {
public:
    DitAttentionImpl(const DitConfig& config, std::int64_t contextDim, bool selfAttention, const BuildOptions& options);
    // x: [B, L, D]; context: [B, S, C] (ignored for self-attention);
    // ropeAngles: [L, head_dim] for self-attention -> [B, L, D].
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& context, const torch::Tensor& ropeAngles);

    Linear q_proj {nullptr}, k_proj {nullptr}, v_proj {nullptr}, output_proj {nullptr};
    RmsNorm q_norm {nullptr}, k_norm {nullptr};

private:
    std::int64_t m_heads = 0;
    std::int64_t m_headDim = 0;
    bool m_self = true;
    bool m_fp32Rope = true;
};
TORCH_MODULE(DitAttention);

// adaLN modulation: SiLU -> Linear(D, lora) -> Linear(lora, n*D) (LoRA form),
// named "1" and "2" like the official nn.Sequential.
class AdaLnModulationImpl : public torch::nn::Module {
public:
    AdaLnModulationImpl(const DitConfig& config, std::int64_t chunks, const BuildOptions& options);
    // emb: [B, T, D] -> [B, T, chunks * D], in fp32.
    torch::Tensor forward(const torch::Tensor& emb);

private:
    Linear m_down {nullptr};
    Linear m_up {nullptr};
};
TORCH_MODULE(AdaLnModulation);

// One transformer block: modulated self-attention, cross-attention, MLP.
class DitBlockImpl : public torch::nn::Module {
public:
    DitBlockImpl(const DitConfig& config, const BuildOptions& options);
    // x: [B, T, H, W, D]; emb: [B, T', D] (T' = 1 or T); context: [B, S, C];
    // ropeAngles: [T*H*W, head_dim]; adalnLora: [B, T', 3D] or undefined.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& emb, const torch::Tensor& context,
        const torch::Tensor& ropeAngles, const torch::Tensor& adalnLora);

    DitAttention self_attn {nullptr}, cross_attn {nullptr};
    Linear layer1 {nullptr}, layer2 {nullptr}; // registered under "mlp"
    AdaLnModulation adaln_modulation_self_attn {nullptr}, adaln_modulation_cross_attn {nullptr},
        adaln_modulation_mlp {nullptr};

private:
    double m_eps = 1e-6;
    bool m_useLora = true;
};
TORCH_MODULE(DitBlock);

// Sinusoidal timestep features (cos first) -> linear_1 -> SiLU -> linear_2.
class TimestepEmbeddingImpl : public torch::nn::Module {
public:
    TimestepEmbeddingImpl(const DitConfig& config, const BuildOptions& options);
    Linear linear_1 {nullptr}, linear_2 {nullptr};
};
TORCH_MODULE(TimestepEmbedding);

// Final layer: LayerNorm, adaLN shift/scale, Linear to patch x channels.
class DitFinalLayerImpl : public torch::nn::Module {
public:
    DitFinalLayerImpl(const DitConfig& config, const BuildOptions& options);
    // x: [B, T, H, W, D]; emb: [B, T', D]; adalnLora: [B, T', 3D] -> [B, T, H, W, p*p*t*C], fp32.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& emb, const torch::Tensor& adalnLora);

    Linear linear {nullptr};
    AdaLnModulation adaln_modulation {nullptr};

private:
    std::int64_t m_channels = 0;
    double m_eps = 1e-6;
    bool m_useLora = true;
};
TORCH_MODULE(DitFinalLayer);

// Sinusoidal features of the official `Timesteps`: t: [B, T'] -> [B, T', D], fp32.
torch::Tensor timestepFeatures(const torch::Tensor& t, std::int64_t channels);

} // namespace cosmos::engine::nets
