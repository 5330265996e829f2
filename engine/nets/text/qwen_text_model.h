// The language model of Qwen2.5-VL, text only (Cosmos-Reason1-7B), and the
// Cosmos-Predict2.5 text embedding built from it. Parameter names equal the
// Hugging Face checkpoint's (`model.layers.3.self_attn.q_proj.bias`, ...);
// the vision tower and lm_head are not needed for embeddings.
//
// For text-only input the multimodal RoPE's three position ids coincide,
// so it is the ordinary 1D RoPE (rotate-half) over positions 0..L-1.
#pragma once

#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/types.h>

#include "engine/nets/layers.h"
#include "engine/nets/text/text_encoder_config.h"

namespace cosmos::engine::nets {

// Qwen2's RMSNorm: normalised in fp32, cast back, then scaled by the weight.
class QwenRmsNormImpl : public torch::nn::Module {
public:
    QwenRmsNormImpl(std::int64_t channels, double eps, const BuildOptions& options);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor weight;

private:
    double m_eps = 1e-6;
};
TORCH_MODULE(QwenRmsNorm);

class QwenDecoderLayerImpl : public torch::nn::Module {
public:
    QwenDecoderLayerImpl(const TextEncoderConfig& config, const BuildOptions& options);
    // x: [B, L, hidden]; cos, sin: [L, head_dim] -> [B, L, hidden]. Causal.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

    Linear q_proj {nullptr}, k_proj {nullptr}, v_proj {nullptr}, o_proj {nullptr};
    Linear gate_proj {nullptr}, up_proj {nullptr}, down_proj {nullptr};
    QwenRmsNorm input_layernorm {nullptr}, post_attention_layernorm {nullptr};

private:
    TextEncoderConfig m_config;
};
TORCH_MODULE(QwenDecoderLayer);

class QwenTextModelImpl : public torch::nn::Module {
public:
    explicit QwenTextModelImpl(const TextEncoderConfig& config, const BuildOptions& options = {});

    // ids: [B, L] int64 -> the hidden states as Hugging Face's
    // `hidden_states[1:]`: each layer's output, the last one after the final
    // RMSNorm; numLayers tensors of [B, L, hidden].
    std::vector<torch::Tensor> hiddenStates(const torch::Tensor& ids);

    // The Cosmos-Predict2.5 text embedding: every state normalised per token
    // ((h - mean) / (unbiased std + eps)) and concatenated:
    // [B, L, numLayers * hidden], fp32.
    torch::Tensor embed(const torch::Tensor& ids);

    const TextEncoderConfig& config() const { return m_config; }

    torch::Tensor embedTokens; // model.embed_tokens.weight [vocab, hidden]
    torch::nn::ModuleList layers {nullptr};
    QwenRmsNorm norm {nullptr};

private:
    TextEncoderConfig m_config;
};
TORCH_MODULE(QwenTextModel);

} // namespace cosmos::engine::nets
