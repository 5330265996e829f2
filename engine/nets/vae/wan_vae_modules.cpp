#include "engine/nets/vae/wan_vae_modules.h"

#include <algorithm>
#include <cmath>

#include <torch/nn/functional.h>
#include <torch/nn/init.h>

#include "engine/nets/attention_core.h"

namespace cosmos::engine::nets {
namespace {

// PyTorch's default nn.Conv initialisation, on real devices only.
void initConv(torch::Tensor& weight, torch::Tensor& bias, const BuildOptions& options)
{
    if (!options.allocates())
        return;
    torch::NoGradGuard noGrad;
    torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
    const std::int64_t fanIn = weight.numel() / weight.size(0);
    const double bound = 1.0 / std::sqrt(static_cast<double>(fanIn));
    torch::nn::init::uniform_(bias, -bound, bound);
}

// The last `frames` frames of x along time, as a copy that does not keep
// the whole chunk alive.
torch::Tensor tailFrames(const torch::Tensor& x, std::int64_t frames)
{
    const std::int64_t t = x.size(2);
    return x.slice(2, std::max<std::int64_t>(0, t - frames), t).clone();
}

// [B, C, T, H, W] <-> [B*T, C, H, W], the per-frame view of the 2D layers.
torch::Tensor toFrames(const torch::Tensor& x)
{
    return x.permute({0, 2, 1, 3, 4}).reshape({x.size(0) * x.size(2), x.size(1), x.size(3), x.size(4)});
}

torch::Tensor fromFrames(const torch::Tensor& frames, std::int64_t batch)
{
    const std::int64_t t = frames.size(0) / batch;
    return frames.reshape({batch, t, frames.size(1), frames.size(2), frames.size(3)}).permute({0, 2, 1, 3, 4});
}

} // namespace

WanCacheSlot& WanFeatureCache::nextSlot()
{
    if (m_next == m_slots.size())
        m_slots.emplace_back();
    return m_slots[m_next++];
}

CausalConv3dImpl::CausalConv3dImpl(
    std::int64_t in, std::int64_t out, Triple kernel, Triple padding, Triple stride, const BuildOptions& options)
    : m_padding(padding), m_stride(stride)
{
    weight = register_parameter(
        "weight", torch::empty({out, in, kernel[0], kernel[1], kernel[2]}, options.tensorOptions()));
    bias = register_parameter("bias", torch::empty({out}, options.tensorOptions()));
    initConv(weight, bias, options);
}

torch::Tensor CausalConv3dImpl::forward(const torch::Tensor& x, const torch::Tensor& cache)
{
    auto input = x;
    std::int64_t pastFrames = 2 * m_padding[0];
    if (cache.defined() && pastFrames > 0) {
        // More cached frames than padding would be cropped upstream (a
        // negative F.pad); keep the most recent ones.
        const std::int64_t used = std::min(cache.size(2), pastFrames);
        input = torch::cat({cache.slice(2, cache.size(2) - used).to(x.device(), x.scalar_type()), x}, 2);
        pastFrames -= used;
    }
    if (pastFrames > 0)
        input = torch::constant_pad_nd(input, {0, 0, 0, 0, pastFrames, 0});
    return torch::conv3d(input, weight.to(x.scalar_type()), bias.to(x.scalar_type()),
        {m_stride[0], m_stride[1], m_stride[2]}, {0, m_padding[1], m_padding[2]});
}

torch::Tensor cachedCausalConv(CausalConv3dImpl& conv, const torch::Tensor& x, WanFeatureCache* cache)
{
    if (cache == nullptr)
        return conv.forward(x);
    WanCacheSlot& slot = cache->nextSlot();
    auto tail = tailFrames(x, kWanCacheFrames);
    const bool hasFrames = slot.state == WanCacheSlot::State::Frames;
    // A one-frame chunk keeps the previous chunk's last frame too.
    if (tail.size(2) < kWanCacheFrames && hasFrames)
        tail = torch::cat({slot.frames.slice(2, -1).to(tail.device()), tail}, 2);
    auto y = conv.forward(x, hasFrames ? slot.frames : torch::Tensor());
    slot.frames = tail;
    slot.state = WanCacheSlot::State::Frames;
    return y;
}

WanConv2dImpl::WanConv2dImpl(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t padding,
    std::int64_t stride, const BuildOptions& options)
    : m_padding(padding), m_stride(stride)
{
    weight = register_parameter("weight", torch::empty({out, in, kernel, kernel}, options.tensorOptions()));
    bias = register_parameter("bias", torch::empty({out}, options.tensorOptions()));
    initConv(weight, bias, options);
}

torch::Tensor WanConv2dImpl::forward(const torch::Tensor& x)
{
    return torch::conv2d(
        x, weight.to(x.scalar_type()), bias.to(x.scalar_type()), {m_stride, m_stride}, {m_padding, m_padding});
}

WanRmsNormImpl::WanRmsNormImpl(std::int64_t channels, bool images, const BuildOptions& options)
    : m_scale(std::sqrt(static_cast<double>(channels)))
{
    const std::vector<std::int64_t> shape
        = images ? std::vector<std::int64_t> {channels, 1, 1} : std::vector<std::int64_t> {channels, 1, 1, 1};
    gamma = register_parameter("gamma", torch::empty(shape, options.tensorOptions()));
    if (options.allocates()) {
        torch::NoGradGuard noGrad;
        gamma.fill_(1.0);
    }
}

torch::Tensor WanRmsNormImpl::forward(const torch::Tensor& x)
{
    namespace F = torch::nn::functional;
    // x / max(||x||_2, 1e-12) over the channels, in x's dtype as upstream.
    const auto normed = F::normalize(x, F::NormalizeFuncOptions().p(2).dim(1).eps(1e-12));
    return normed * m_scale * gamma.to(x.scalar_type());
}

WanResidualBlockImpl::WanResidualBlockImpl(std::int64_t in, std::int64_t out, const BuildOptions& options)
{
    auto residual = register_module("residual", NamedSlots());
    norm1 = residual->register_module("0", WanRmsNorm(in, false, options));
    conv1 = residual->register_module("2", CausalConv3d(in, out, 3, 1, options));
    norm2 = residual->register_module("3", WanRmsNorm(out, false, options));
    conv2 = residual->register_module("6", CausalConv3d(out, out, 3, 1, options));
    if (in != out)
        shortcut = register_module("shortcut", CausalConv3d(in, out, 1, 0, options));
}

torch::Tensor WanResidualBlockImpl::forward(const torch::Tensor& x, WanFeatureCache* cache)
{
    const auto h = shortcut ? shortcut->forward(x) : x;
    auto y = torch::silu(norm1->forward(x));
    y = cachedCausalConv(*conv1, y, cache);
    y = torch::silu(norm2->forward(y)); // dropout: training only
    y = cachedCausalConv(*conv2, y, cache);
    return y + h;
}

WanAttentionBlockImpl::WanAttentionBlockImpl(std::int64_t channels, const BuildOptions& options)
{
    norm = register_module("norm", WanRmsNorm(channels, true, options));
    to_qkv = register_module("to_qkv", WanConv2d(channels, 3 * channels, 1, 0, 1, options));
    proj = register_module("proj", WanConv2d(channels, channels, 1, 0, 1, options));
    if (options.allocates()) {
        torch::NoGradGuard noGrad;
        proj->weight.zero_(); // upstream zeroes the output projection's weight (not its bias)
    }
}

torch::Tensor WanAttentionBlockImpl::forward(const torch::Tensor& x, WanFeatureCache* /*cache*/)
{
    const std::int64_t b = x.size(0), c = x.size(1), h = x.size(3), w = x.size(4);
    const auto frames = norm->forward(toFrames(x)); // [B*T, C, H, W]
    const auto qkv = to_qkv->forward(frames).reshape({frames.size(0), 3 * c, h * w}).transpose(1, 2); // [N, HW, 3C]
    const auto parts = qkv.chunk(3, -1);
    // One head: [N, HW, 1, C] each.
    const auto attended = scaledDotProductAttention(parts[0].unsqueeze(2), parts[1].unsqueeze(2),
        parts[2].unsqueeze(2)); // [N, HW, 1, C]
    const auto out = attended.squeeze(2).transpose(1, 2).reshape({frames.size(0), c, h, w});
    return fromFrames(proj->forward(out), b) + x;
}

WanResampleImpl::WanResampleImpl(std::int64_t channels, Mode mode, const BuildOptions& options) : m_mode(mode)
{
    auto resample = register_module("resample", NamedSlots());
    const bool up = mode == Mode::Upsample2d || mode == Mode::Upsample3d;
    // resample.0 is the Upsample or ZeroPad2d (no parameters).
    conv = resample->register_module("1",
        up ? WanConv2d(channels, channels / 2, 3, 1, 1, options) : WanConv2d(channels, channels, 3, 0, 2, options));
    using Triple = CausalConv3dImpl::Triple;
    if (mode == Mode::Upsample3d) // kernel 3 in time, 2 past frames of padding: twice the channels
        time_conv = register_module("time_conv",
            CausalConv3d(channels, 2 * channels, Triple {3, 1, 1}, Triple {1, 0, 0}, Triple {1, 1, 1}, options));
    else if (mode == Mode::Downsample3d) // kernel 3, stride 2 in time, no padding
        time_conv = register_module("time_conv",
            CausalConv3d(channels, channels, Triple {3, 1, 1}, Triple {0, 0, 0}, Triple {2, 1, 1}, options));
}

torch::Tensor WanResampleImpl::forward(const torch::Tensor& x, WanFeatureCache* cache)
{
    auto y = (m_mode == Mode::Upsample3d && cache != nullptr) ? upsampleTime(x, *cache) : x;
    auto frames = toFrames(y); // [B*T, C, H, W]
    if (m_mode == Mode::Upsample2d || m_mode == Mode::Upsample3d) {
        // Nearest 2x (equal to "nearest-exact" for a factor of 2).
        const std::int64_t n = frames.size(0), c = frames.size(1), h = frames.size(2), w = frames.size(3);
        frames = frames.reshape({n, c, h, 1, w, 1}).expand({n, c, h, 2, w, 2}).reshape({n, c, 2 * h, 2 * w});
    } else {
        frames = torch::constant_pad_nd(frames, {0, 1, 0, 1}); // right and bottom only
    }
    y = fromFrames(conv->forward(frames), x.size(0));
    if (m_mode == Mode::Downsample3d && cache != nullptr)
        y = downsampleTime(y, *cache);
    return y;
}

torch::Tensor WanResampleImpl::upsampleTime(const torch::Tensor& x, WanFeatureCache& cache)
{
    WanCacheSlot& slot = cache.nextSlot();
    if (slot.state == WanCacheSlot::State::Empty) {
        // The first chunk (the first latent frame) is not doubled.
        slot.state = WanCacheSlot::State::Replicate;
        return x;
    }
    auto tail = tailFrames(x, kWanCacheFrames);
    if (tail.size(2) < kWanCacheFrames) {
        // A one-frame chunk keeps the previous frame too; after the passed-
        // through first chunk upstream keeps a zero frame instead of it.
        const auto previous = slot.state == WanCacheSlot::State::Frames ? slot.frames.slice(2, -1).to(tail.device())
                                                                        : torch::zeros_like(tail);
        tail = torch::cat({previous, tail}, 2);
    }
    const auto doubled
        = slot.state == WanCacheSlot::State::Replicate ? time_conv->forward(x) : time_conv->forward(x, slot.frames);
    slot.frames = tail;
    slot.state = WanCacheSlot::State::Frames;
    // [B, 2C, T, H, W]: channel half k is output frame 2t + k.
    const std::int64_t b = x.size(0), c = x.size(1), t = x.size(2), h = x.size(3), w = x.size(4);
    return doubled.reshape({b, 2, c, t, h, w}).permute({0, 2, 3, 1, 4, 5}).reshape({b, c, 2 * t, h, w});
}

torch::Tensor WanResampleImpl::downsampleTime(const torch::Tensor& x, WanFeatureCache& cache)
{
    WanCacheSlot& slot = cache.nextSlot();
    if (slot.state == WanCacheSlot::State::Empty) {
        // The first chunk (the first frame) passes without a time convolution.
        slot.frames = tailFrames(x, 1);
        slot.state = WanCacheSlot::State::Frames;
        return x;
    }
    auto tail = tailFrames(x, 1);
    auto y = time_conv->forward(torch::cat({slot.frames.slice(2, -1).to(x.device()), x}, 2));
    slot.frames = tail;
    return y;
}

} // namespace cosmos::engine::nets
