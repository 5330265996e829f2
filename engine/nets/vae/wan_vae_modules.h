// The building blocks of the Wan2.1 video VAE, named like the official
// modules in wan2pt1.py so that named_parameters() equal the state-dict names
// of Wan2.1_VAE.pth. Every block runs either on a whole clip (no cache) or
// chunk by chunk along time with a WanFeatureCache that carries the last
// frames each causal convolution saw, exactly as the official feat_cache.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <memory>

#include <torch/nn/module.h>
#include <torch/types.h>

#include "engine/nets/layers.h"

namespace cosmos::engine::nets {

// Frames of the past kept per causal convolution (CACHE_T upstream).
constexpr std::int64_t kWanCacheFrames = 2;

// What one cached layer remembers between chunks.
struct WanCacheSlot {
    // Empty: first chunk. Replicate: an upsample3d that passed its first chunk
    // through without a time convolution ("Rep" upstream). Frames: the tail of
    // the last chunk's input.
    enum class State { Empty, Replicate, Frames };
    State state = State::Empty;
    torch::Tensor frames; // [B, C, <= kWanCacheFrames, H, W]
};

// The feature cache of one encode or decode pass. Layers take their slot in
// call order, which is the same for every chunk (feat_idx upstream).
class WanFeatureCache {
public:
    void beginChunk() { m_next = 0; }
    WanCacheSlot& nextSlot(); // the calling layer's slot; references stay valid
    std::size_t slotCount() const { return m_slots.size(); }

private:
    std::deque<WanCacheSlot> m_slots;
    std::size_t m_next = 0;
};

// nn.Conv3d with the time padding moved to the past: 2 * padding_t frames of
// zeros (or of cached frames) before the clip, none after. Spatial padding
// is symmetric zeros. weight: [out, in, kt, kh, kw]; bias: [out].
class CausalConv3dImpl : public torch::nn::Module {
public:
    using Triple = std::array<std::int64_t, 3>; // t, h, w
    CausalConv3dImpl(
        std::int64_t in, std::int64_t out, Triple kernel, Triple padding, Triple stride, const BuildOptions& options);
    CausalConv3dImpl(
        std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t padding, const BuildOptions& options)
        : CausalConv3dImpl(in, out, {kernel, kernel, kernel}, {padding, padding, padding}, {1, 1, 1}, options)
    {
    }
    // x: [B, in, T, H, W]; cache: undefined or [B, in, Tc, H, W], frames that
    // precede x and replace as many zero frames of the time padding.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cache = {});

    torch::Tensor weight;
    torch::Tensor bias;

private:
    Triple m_padding;
    Triple m_stride;
};
TORCH_MODULE(CausalConv3d);

// x: [B, in, T, H, W] through `conv`, taking the layer's cache slot when
// `cache` is given and storing the last kWanCacheFrames input frames in it
// (the pattern every cached CausalConv3d call site repeats upstream).
torch::Tensor cachedCausalConv(CausalConv3dImpl& conv, const torch::Tensor& x, WanFeatureCache* cache);

// nn.Conv2d. weight: [out, in, k, k]; bias: [out].
class WanConv2dImpl : public torch::nn::Module {
public:
    WanConv2dImpl(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t padding, std::int64_t stride,
        const BuildOptions& options);
    torch::Tensor forward(const torch::Tensor& x); // [N, in, H, W] -> [N, out, H', W']

    torch::Tensor weight;
    torch::Tensor bias;

private:
    std::int64_t m_padding = 0;
    std::int64_t m_stride = 1;
};
TORCH_MODULE(WanConv2d);

// Wan's RMS_norm: F.normalize over the channels (dim 1) * sqrt(C) * gamma,
// no bias. gamma: [C, 1, 1, 1] for videos, [C, 1, 1] for images.
class WanRmsNormImpl : public torch::nn::Module {
public:
    WanRmsNormImpl(std::int64_t channels, bool images, const BuildOptions& options);
    torch::Tensor forward(const torch::Tensor& x); // [B, C, ...]

    torch::Tensor gamma;

private:
    double m_scale = 1.0;
};
TORCH_MODULE(WanRmsNorm);

// A layer of Encoder3d.downsamples / Decoder3d.upsamples / .middle.
class WanBlockImpl : public torch::nn::Module {
public:
    // x: [B, C, T, H, W]; cache: null for a whole-clip pass.
    virtual torch::Tensor forward(const torch::Tensor& x, WanFeatureCache* cache) = 0;
};

// norm -> SiLU -> conv -> norm -> SiLU -> (dropout) -> conv, plus a 1x1x1
// shortcut when the channel count changes.
class WanResidualBlockImpl : public WanBlockImpl {
public:
    WanResidualBlockImpl(std::int64_t in, std::int64_t out, const BuildOptions& options);
    torch::Tensor forward(const torch::Tensor& x, WanFeatureCache* cache) override;

    WanRmsNorm norm1 {nullptr}; // residual.0
    CausalConv3d conv1 {nullptr}; // residual.2
    WanRmsNorm norm2 {nullptr}; // residual.3
    CausalConv3d conv2 {nullptr}; // residual.6
    CausalConv3d shortcut {nullptr};
};

// Single-head self-attention within each frame; ignores the cache.
class WanAttentionBlockImpl : public WanBlockImpl {
public:
    WanAttentionBlockImpl(std::int64_t channels, const BuildOptions& options);
    torch::Tensor forward(const torch::Tensor& x, WanFeatureCache* cache) override;

    WanRmsNorm norm {nullptr};
    WanConv2d to_qkv {nullptr};
    WanConv2d proj {nullptr};
};

// Spatial 2x resampling per frame, plus for the 3d modes a time convolution
// that doubles (upsample3d) or halves (downsample3d) the frames when cached.
class WanResampleImpl : public WanBlockImpl {
public:
    enum class Mode { Upsample2d, Upsample3d, Downsample2d, Downsample3d };
    WanResampleImpl(std::int64_t channels, Mode mode, const BuildOptions& options);
    torch::Tensor forward(const torch::Tensor& x, WanFeatureCache* cache) override;

    Mode mode() const { return m_mode; }

    WanConv2d conv {nullptr}; // resample.1
    CausalConv3d time_conv {nullptr}; // the 3d modes only

private:
    torch::Tensor upsampleTime(const torch::Tensor& x, WanFeatureCache& cache);
    torch::Tensor downsampleTime(const torch::Tensor& x, WanFeatureCache& cache);

    Mode m_mode;
};

} // namespace cosmos::engine::nets
