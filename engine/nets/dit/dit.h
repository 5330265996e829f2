// The Cosmos-Predict2.5 diffusion transformer (MiniTrainDIT with the
// Video2World MinimalV1LVGDiT input convention), built from a DitConfig.
// Parameter names equal the official state-dict names (without `net.`), so
// loading a checkpoint is a straight lookup.
//
//   Dit net(DitConfig::nano());
//   torch::InferenceMode guard;
//   auto v = net->forward({latent, timesteps, context, conditionMask, {}});
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/types.h>

#include "engine/nets/dit/dit_config.h"
#include "engine/nets/dit/dit_modules.h"
#include "engine/nets/dit/rope3d.h"
#include "engine/nets/layers.h"

namespace cosmos::engine::nets {

struct DitInputs {
    torch::Tensor latent; // [B, C, T, H, W], C = config.latentChannels
    torch::Tensor timesteps; // [B] or [B, T'] (T' = 1 or T), scheduler units (sigma * 1000)
    torch::Tensor context; // [B, S, config.contextInputChannels()]
    torch::Tensor conditionMask; // [B, 1, T, H, W], 1 on conditioning frames; undefined: zeros
    torch::Tensor paddingMask; // [B, 1, H_px, W_px]; undefined: zeros
};

class DitImpl : public torch::nn::Module {
public:
    explicit DitImpl(const DitConfig& config, const BuildOptions& options = {});

    // Predicted flow-matching velocity (noise - x0): [B, C, T, H, W], fp32.
    torch::Tensor forward(const DitInputs& inputs);

    const DitConfig& config() const { return m_config; }
    Rope3d& rope() { return m_rope; }

    NamedSlots x_embedder {nullptr};
    Linear patch_proj {nullptr}; // x_embedder.proj.1
    NamedSlots t_embedder {nullptr};
    TimestepEmbedding timestep_embedding {nullptr}; // t_embedder.1
    RmsNorm t_embedding_norm {nullptr};
    torch::nn::ModuleList blocks {nullptr};
    DitFinalLayer final_layer {nullptr};
    NamedSlots crossattn_proj {nullptr};
    Linear context_proj {nullptr}; // crossattn_proj.0 (followed by GELU)

private:
    // [B, C_in, T, H, W] -> [B, T/pt, H/p, W/p, C_in * pt * p * p], channel outermost.
    torch::Tensor patchify(const torch::Tensor& x) const;
    // [B, T, Hp, Wp, p * p * pt * C] (channel innermost) -> [B, C, T*pt, Hp*p, Wp*p].
    torch::Tensor unpatchify(const torch::Tensor& x) const;
    void checkInputs(const DitInputs& inputs) const;

    DitConfig m_config;
    Rope3d m_rope;
};
TORCH_MODULE(Dit);

} // namespace cosmos::engine::nets
