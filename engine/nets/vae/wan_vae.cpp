#include "engine/nets/vae/wan_vae.h"

#include <algorithm>
#include <string>

#include "engine/errors.h"
#include "engine/weights/load_report.h"

namespace cosmos::engine::nets {
namespace {

using BlockList = std::vector<std::shared_ptr<WanBlockImpl>>;

// Appends a block to an nn.Sequential-style container under the next index.
void append(NamedSlots& slots, BlockList& list, std::shared_ptr<WanBlockImpl> block)
{
    slots->register_module(std::to_string(list.size()), block);
    list.push_back(std::move(block));
}

bool hasAttention(const WanVaeConfig& config, double scale)
{
    return std::find(config.attnScales.begin(), config.attnScales.end(), scale) != config.attnScales.end();
}

// middle = Sequential(ResidualBlock, AttentionBlock, ResidualBlock)
void buildMiddle(NamedSlots& slots, BlockList& list, std::int64_t channels, const BuildOptions& options)
{
    append(slots, list, std::make_shared<WanResidualBlockImpl>(channels, channels, options));
    append(slots, list, std::make_shared<WanAttentionBlockImpl>(channels, options));
    append(slots, list, std::make_shared<WanResidualBlockImpl>(channels, channels, options));
}

torch::Tensor runBlocks(const BlockList& blocks, torch::Tensor x, WanFeatureCache* cache)
{
    for (const auto& block : blocks)
        x = block->forward(x, cache);
    return x;
}

[[noreturn]] void shapeError(
    const char* operation, const std::string& expected, const torch::Tensor& found, const std::string& problem)
{
    throw EngineError(std::string("Wan VAE ") + operation + ": expected " + expected + ", found "
        + shapeToString(found.sizes().vec()) + (problem.empty() ? "" : " (" + problem + ")"));
}

} // namespace

WanEncoder3dImpl::WanEncoder3dImpl(const WanVaeConfig& config, const BuildOptions& options)
{
    std::vector<std::int64_t> dims {config.baseDim};
    for (const std::int64_t mult : config.dimMult)
        dims.push_back(config.baseDim * mult);
    conv1 = register_module("conv1", CausalConv3d(3, dims[0], 3, 1, options));

    downsamples = register_module("downsamples", NamedSlots());
    double scale = 1.0;
    const std::size_t levels = config.dimMult.size();
    for (std::size_t i = 0; i < levels; ++i) {
        std::int64_t in = dims[i];
        const std::int64_t out = dims[i + 1];
        for (std::int64_t r = 0; r < config.numResBlocks; ++r) {
            append(downsamples, m_downsamples, std::make_shared<WanResidualBlockImpl>(in, out, options));
            if (hasAttention(config, scale))
                append(downsamples, m_downsamples, std::make_shared<WanAttentionBlockImpl>(out, options));
            in = out;
        }
        if (i + 1 != levels) {
            const auto mode = config.temporalDownsample[i] ? WanResampleImpl::Mode::Downsample3d
                                                           : WanResampleImpl::Mode::Downsample2d;
            append(downsamples, m_downsamples, std::make_shared<WanResampleImpl>(out, mode, options));
            scale /= 2.0;
        }
    }
    const std::int64_t channels = dims.back();
    middle = register_module("middle", NamedSlots());
    buildMiddle(middle, m_middle, channels, options);

    // head = Sequential(RMS_norm, SiLU, CausalConv3d)
    head = register_module("head", NamedSlots());
    head_norm = head->register_module("0", WanRmsNorm(channels, false, options));
    head_conv = head->register_module("2", CausalConv3d(channels, 2 * config.zDim, 3, 1, options));
}

torch::Tensor WanEncoder3dImpl::forward(const torch::Tensor& x, WanFeatureCache* cache)
{
    auto y = cachedCausalConv(*conv1, x, cache);
    y = runBlocks(m_downsamples, y, cache);
    y = runBlocks(m_middle, y, cache);
    return cachedCausalConv(*head_conv, torch::silu(head_norm->forward(y)), cache);
}

WanDecoder3dImpl::WanDecoder3dImpl(const WanVaeConfig& config, const BuildOptions& options)
{
    // Channels from the bottom up: the deepest level's, then the levels reversed.
    std::vector<std::int64_t> dims {config.baseDim * config.dimMult.back()};
    for (auto it = config.dimMult.rbegin(); it != config.dimMult.rend(); ++it)
        dims.push_back(config.baseDim * *it);
    conv1 = register_module("conv1", CausalConv3d(config.zDim, dims[0], 3, 1, options));

    middle = register_module("middle", NamedSlots());
    buildMiddle(middle, m_middle, dims[0], options);

    upsamples = register_module("upsamples", NamedSlots());
    const std::size_t levels = config.dimMult.size();
    double scale = 1.0 / double(std::int64_t(1) << (levels - 2));
    const std::vector<bool> temporalUpsample = config.temporalUpsample();
    for (std::size_t i = 0; i < levels; ++i) {
        // Every Resample before level i halved the channels (levels 1..3 upstream).
        std::int64_t in = i > 0 ? dims[i] / 2 : dims[i];
        const std::int64_t out = dims[i + 1];
        for (std::int64_t r = 0; r < config.numResBlocks + 1; ++r) {
            append(upsamples, m_upsamples, std::make_shared<WanResidualBlockImpl>(in, out, options));
            if (hasAttention(config, scale))
                append(upsamples, m_upsamples, std::make_shared<WanAttentionBlockImpl>(out, options));
            in = out;
        }
        if (i + 1 != levels) {
            const auto mode
                = temporalUpsample[i] ? WanResampleImpl::Mode::Upsample3d : WanResampleImpl::Mode::Upsample2d;
            append(upsamples, m_upsamples, std::make_shared<WanResampleImpl>(out, mode, options));
            scale *= 2.0;
        }
    }
    const std::int64_t channels = dims.back();
    head = register_module("head", NamedSlots());
    head_norm = head->register_module("0", WanRmsNorm(channels, false, options));
    head_conv = head->register_module("2", CausalConv3d(channels, 3, 3, 1, options));
}

torch::Tensor WanDecoder3dImpl::forward(const torch::Tensor& x, WanFeatureCache* cache)
{
    auto y = cachedCausalConv(*conv1, x, cache);
    y = runBlocks(m_middle, y, cache);
    y = runBlocks(m_upsamples, y, cache);
    return cachedCausalConv(*head_conv, torch::silu(head_norm->forward(y)), cache);
}

WanVaeImpl::WanVaeImpl(const WanVaeConfig& config, const BuildOptions& options) : m_config(config)
{
    m_config.validate();
    const std::int64_t z = m_config.zDim;
    encoder = register_module("encoder", WanEncoder3d(m_config, options));
    conv1 = register_module("conv1", CausalConv3d(2 * z, 2 * z, 1, 0, options));
    conv2 = register_module("conv2", CausalConv3d(z, z, 1, 0, options));
    decoder = register_module("decoder", WanDecoder3d(m_config, options));
}

torch::TensorOptions WanVaeImpl::computeOptions() const
{
    return torch::TensorOptions().device(conv1->weight.device()).dtype(conv1->weight.scalar_type());
}

std::pair<torch::Tensor, torch::Tensor> WanVaeImpl::latentScale(const torch::TensorOptions& options) const
{
    const std::int64_t z = m_config.zDim;
    const auto cpu = torch::TensorOptions().dtype(torch::kFloat64);
    // Upstream builds both in the model's dtype and takes 1 / std there.
    auto mean = torch::tensor(m_config.latentMean, cpu).to(options).view({1, z, 1, 1, 1});
    auto invStd = torch::tensor(m_config.latentStd, cpu).to(options).reciprocal().view({1, z, 1, 1, 1});
    return {mean, invStd};
}

torch::Tensor WanVaeImpl::encode(const torch::Tensor& video)
{
    const char* expected = "a video [B, 3, 1 + 4k, H, W] with H and W multiples of 8";
    if (video.dim() != 5 || video.size(0) < 1)
        shapeError("encode", expected, video, "");
    if (video.size(1) != 3)
        shapeError("encode", expected, video, std::to_string(video.size(1)) + " channels instead of 3 (RGB)");
    const std::int64_t frames = video.size(2);
    if (frames < 1 || (frames - 1) % 4 != 0)
        shapeError("encode", expected, video, std::to_string(frames) + " frames is not 1 + 4k (1, 5, 9, ..., 33, ...)");
    const std::int64_t factor = m_config.spatialCompression();
    if (video.size(3) < 1 || video.size(4) < 1 || video.size(3) % factor != 0 || video.size(4) % factor != 0)
        shapeError("encode", expected, video,
            std::to_string(video.size(3)) + "x" + std::to_string(video.size(4)) + " pixels is not a multiple of "
                + std::to_string(factor));

    const auto mu = encodeMoments(video).first;
    const auto options = computeOptions();
    const auto scale = latentScale(options);
    return ((mu - scale.first) * scale.second).to(video.scalar_type());
}

std::pair<torch::Tensor, torch::Tensor> WanVaeImpl::encodeMoments(const torch::Tensor& video)
{
    const auto options = computeOptions();
    const auto x = video.to(options);
    const std::int64_t frames = x.size(2);
    WanFeatureCache cache;
    std::vector<torch::Tensor> chunks;
    // The first frame alone, then temporal_window frames at a time (the last
    // chunk may be shorter); every 4 frames give one latent frame.
    for (std::int64_t start = 0; start < frames;) {
        const std::int64_t end = start == 0 ? 1 : std::min(frames, start + m_config.temporalWindow);
        cache.beginChunk();
        chunks.push_back(encoder->forward(x.slice(2, start, end), &cache));
        start = end;
    }
    const auto moments = conv1->forward(torch::cat(chunks, 2)).chunk(2, 1); // [B, 2z, 1 + k, H/8, W/8]
    return {moments[0], moments[1]};
}

torch::Tensor WanVaeImpl::decodeRaw(const torch::Tensor& z)
{
    const auto x = conv2->forward(z.to(computeOptions()));
    WanFeatureCache cache;
    std::vector<torch::Tensor> chunks;
    for (std::int64_t i = 0; i < x.size(2); ++i) {
        cache.beginChunk();
        chunks.push_back(decoder->forward(x.slice(2, i, i + 1), &cache));
    }
    return torch::cat(chunks, 2);
}

void WanVaeImpl::decodeChunks(const torch::Tensor& latent, const ChunkSink& sink, bool clamp)
{
    const std::string expected = "a latent [B, " + std::to_string(m_config.zDim) + ", T, h, w]";
    if (latent.dim() != 5 || latent.size(0) < 1 || latent.size(2) < 1 || latent.size(3) < 1 || latent.size(4) < 1)
        shapeError("decode", expected, latent, "");
    if (latent.size(1) != m_config.zDim)
        shapeError("decode", expected, latent,
            std::to_string(latent.size(1)) + " channels instead of " + std::to_string(m_config.zDim));

    const auto options = computeOptions();
    const auto scale = latentScale(options);
    const auto z = latent.to(options) / scale.second + scale.first;
    const auto x = conv2->forward(z);
    WanFeatureCache cache;
    std::int64_t firstFrame = 0;
    for (std::int64_t i = 0; i < x.size(2); ++i) {
        cache.beginChunk();
        auto frames = decoder->forward(x.slice(2, i, i + 1), &cache); // [B, 3, 1 or 4, 8h, 8w]
        if (clamp)
            frames = frames.clamp(-1.0, 1.0);
        frames = frames.to(latent.scalar_type());
        sink(frames, firstFrame);
        firstFrame += frames.size(2);
    }
}

torch::Tensor WanVaeImpl::decode(const torch::Tensor& latent, bool clamp)
{
    torch::Tensor video;
    decodeChunks(
        latent,
        [&](const torch::Tensor& frames, std::int64_t firstFrame) {
            if (!video.defined()) {
                const std::int64_t total = videoFrames(latent.size(2));
                video = torch::empty(
                    {frames.size(0), frames.size(1), total, frames.size(3), frames.size(4)}, frames.options());
            }
            video.slice(2, firstFrame, firstFrame + frames.size(2)).copy_(frames);
        },
        clamp);
    return video;
}

} // namespace cosmos::engine::nets
