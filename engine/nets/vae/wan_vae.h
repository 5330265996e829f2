// The Wan2.1 video VAE (WanVAE_ in the official wan2pt1.py), the
// Cosmos-Predict2.5 video tokenizer, built from a WanVaeConfig. Parameter
// names equal the state-dict names of Wan2.1_VAE.pth (no prefix), so loading
// the released file is a straight lookup (see wan_vae_loading.h).
//
// encode and decode run chunk by chunk along time with the causal feature
// cache, as upstream does: the first frame alone, then config.temporalWindow
// frames (4 by default) at a time when encoding; one latent frame at a time
// when decoding. Peak activation memory depends on the chunk, not on the
// clip length. Call them under torch::InferenceMode (with autograd on, every
// chunk's activations would be kept). The released wan2.1 weights:
// Wan2.1_VAE.pth, published as tokenizer.pth in nvidia/Cosmos-Predict2.5-2B.
//
//   WanVae vae(WanVaeConfig::nano());
//   torch::InferenceMode guard;
//   auto latent = vae->encode(video);  // [B, 3, 33, 64, 64] -> [B, 16, 9, 8, 8]
//   auto frames = vae->decode(latent); // -> [B, 3, 33, 64, 64] in [-1, 1]
#pragma once

#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include <torch/nn/module.h>
#include <torch/types.h>

#include "engine/nets/layers.h"
#include "engine/nets/vae/wan_vae_config.h"
#include "engine/nets/vae/wan_vae_modules.h"

namespace cosmos::engine::nets {

// Encoder3d: video -> 2 * z_dim channels (mean and log-variance) at 1/8 the
// size and 1/4 the frames (after the first).
class WanEncoder3dImpl : public torch::nn::Module {
public:
    WanEncoder3dImpl(const WanVaeConfig& config, const BuildOptions& options);
    // x: [B, 3, T, H, W] -> [B, 2 * z_dim, T', H/8, W/8]. With a cache, x is
    // one chunk: 1 frame first, then multiples of 4 frames (4 -> 1 latent frame).
    torch::Tensor forward(const torch::Tensor& x, WanFeatureCache* cache);

    CausalConv3d conv1 {nullptr};
    NamedSlots downsamples {nullptr};
    NamedSlots middle {nullptr};
    NamedSlots head {nullptr};
    WanRmsNorm head_norm {nullptr}; // head.0
    CausalConv3d head_conv {nullptr}; // head.2

private:
    std::vector<std::shared_ptr<WanBlockImpl>> m_downsamples;
    std::vector<std::shared_ptr<WanBlockImpl>> m_middle;
};
TORCH_MODULE(WanEncoder3d);

// Decoder3d: z_dim channels -> RGB at 8x the size and 4x the frames (after
// the first).
class WanDecoder3dImpl : public torch::nn::Module {
public:
    WanDecoder3dImpl(const WanVaeConfig& config, const BuildOptions& options);
    // x: [B, z_dim, T, h, w] -> [B, 3, T', 8h, 8w]. With a cache, x is one
    // latent frame: the first gives 1 frame, each later one 4.
    torch::Tensor forward(const torch::Tensor& x, WanFeatureCache* cache);

    CausalConv3d conv1 {nullptr};
    NamedSlots middle {nullptr};
    NamedSlots upsamples {nullptr};
    NamedSlots head {nullptr};
    WanRmsNorm head_norm {nullptr}; // head.0
    CausalConv3d head_conv {nullptr}; // head.2

private:
    std::vector<std::shared_ptr<WanBlockImpl>> m_middle;
    std::vector<std::shared_ptr<WanBlockImpl>> m_upsamples;
};
TORCH_MODULE(WanDecoder3d);

class WanVaeImpl : public torch::nn::Module {
public:
    explicit WanVaeImpl(const WanVaeConfig& config, const BuildOptions& options = {});

    // video: [B, 3, 1 + 4k, H, W] in [-1, 1], H and W multiples of 8 ->
    // normalised latent mean (mu - latent_mean) / latent_std:
    // [B, z_dim, 1 + k, H/8, W/8] in the video's dtype on the network's device.
    // Throws EngineError for any other shape.
    torch::Tensor encode(const torch::Tensor& video);

    // The encoder's raw (not normalised) mean and log-variance, each
    // [B, z_dim, 1 + k, H/8, W/8], with autograd when enabled: for training.
    // The video is not checked; encode() checks it.
    std::pair<torch::Tensor, torch::Tensor> encodeMoments(const torch::Tensor& video);
    // Raw latent (not normalised) -> video, unclamped, differentiable: for training.
    torch::Tensor decodeRaw(const torch::Tensor& z);

    // latent: [B, z_dim, 1 + k, h, w] (normalised) -> video [B, 3, 1 + 4k, 8h, 8w]
    // in the latent's dtype on the network's device, clamped to [-1, 1]
    // unless `clamp` is false (upstream's WanVAE_.decode does not clamp; the
    // original Wan pipeline clamps after it).
    torch::Tensor decode(const torch::Tensor& latent, bool clamp = true);

    // Same as decode, handing each chunk to `sink` as soon as it is decoded
    // instead of keeping the whole clip: frames [B, 3, 1 or 4, 8h, 8w] and
    // the index of their first frame.
    using ChunkSink = std::function<void(const torch::Tensor& frames, std::int64_t firstFrame)>;
    void decodeChunks(const torch::Tensor& latent, const ChunkSink& sink, bool clamp = true);

    const WanVaeConfig& config() const { return m_config; }
    static std::int64_t latentFrames(std::int64_t videoFrames) { return 1 + (videoFrames - 1) / 4; }
    static std::int64_t videoFrames(std::int64_t latentFrames) { return 1 + 4 * (latentFrames - 1); }

    WanEncoder3d encoder {nullptr};
    CausalConv3d conv1 {nullptr}; // quant conv: 2 z_dim -> 2 z_dim, 1x1x1
    CausalConv3d conv2 {nullptr}; // post-quant conv: z_dim -> z_dim, 1x1x1
    WanDecoder3d decoder {nullptr};

private:
    torch::TensorOptions computeOptions() const; // the parameters' device and dtype
    // [z_dim] statistics in `options`' dtype: mean and 1 / std (upstream's scale).
    std::pair<torch::Tensor, torch::Tensor> latentScale(const torch::TensorOptions& options) const;

    WanVaeConfig m_config;
};
TORCH_MODULE(WanVae);

} // namespace cosmos::engine::nets
