#include "engine/nets/dit/dit.h"

#include <torch/nn/functional.h>

#include "engine/errors.h"

namespace cosmos::engine::nets {
namespace {

std::string shapeText(const torch::Tensor& t)
{
    std::string text = "[";
    for (std::int64_t i = 0; i < t.dim(); ++i)
        text += (i ? ", " : "") + std::to_string(t.size(i));
    return text + "]";
}

} // namespace

DitImpl::DitImpl(const DitConfig& config, const BuildOptions& options) : m_config(config), m_rope(config)
{
    m_config.validate();
    const std::int64_t d = config.modelChannels;
    // Registration order follows the official module so that listings match.
    x_embedder = register_module("x_embedder", NamedSlots());
    auto proj = x_embedder->register_module("proj", NamedSlots());
    patch_proj = proj->register_module("1", Linear(config.patchFeatures(), d, false, options));

    t_embedder = register_module("t_embedder", NamedSlots());
    timestep_embedding = t_embedder->register_module("1", TimestepEmbedding(config, options));

    blocks = register_module("blocks", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < config.numBlocks; ++i)
        blocks->push_back(DitBlock(config, options));

    final_layer = register_module("final_layer", DitFinalLayer(config, options));
    t_embedding_norm = register_module("t_embedding_norm", RmsNorm(d, config.normEps, options));
    if (config.useCrossattnProjection) {
        crossattn_proj = register_module("crossattn_proj", NamedSlots());
        context_proj = crossattn_proj->register_module(
            "0", Linear(config.crossattnProjInChannels, config.crossattnEmbChannels, true, options));
    }
}

void DitImpl::checkInputs(const DitInputs& in) const
{
    const auto& c = m_config;
    if (!in.latent.defined() || in.latent.dim() != 5 || in.latent.size(1) != c.latentChannels)
        throw EngineError("DiT input 'latent' must be [B, " + std::to_string(c.latentChannels) + ", T, H, W], got "
            + (in.latent.defined() ? shapeText(in.latent) : std::string("nothing")));
    const auto b = in.latent.size(0);
    const auto t = in.latent.size(2), h = in.latent.size(3), w = in.latent.size(4);
    if (t % c.patchTemporal != 0 || h % c.patchSpatial != 0 || w % c.patchSpatial != 0)
        throw EngineError("DiT latent " + shapeText(in.latent) + " is not divisible by the patch size "
            + std::to_string(c.patchTemporal) + "x" + std::to_string(c.patchSpatial) + "x"
            + std::to_string(c.patchSpatial));
    if (!in.timesteps.defined() || in.timesteps.size(0) != b || in.timesteps.dim() > 2
        || (in.timesteps.dim() == 2 && in.timesteps.size(1) != 1 && in.timesteps.size(1) != t / c.patchTemporal))
        throw EngineError("DiT input 'timesteps' must be [B] or [B, 1] or [B, T], got "
            + (in.timesteps.defined() ? shapeText(in.timesteps) : std::string("nothing")));
    if (!in.context.defined() || in.context.dim() != 3 || in.context.size(0) != b
        || in.context.size(2) != c.contextInputChannels())
        throw EngineError("DiT input 'context' must be [B, S, " + std::to_string(c.contextInputChannels()) + "], got "
            + (in.context.defined() ? shapeText(in.context) : std::string("nothing")));
    if (in.conditionMask.defined()
        && (in.conditionMask.dim() != 5 || in.conditionMask.size(0) != b || in.conditionMask.size(1) != 1
            || in.conditionMask.size(2) != t || in.conditionMask.size(3) != h || in.conditionMask.size(4) != w))
        throw EngineError(
            "DiT input 'condition_mask' must be [B, 1, T, H, W] like the latent, got " + shapeText(in.conditionMask));
    if (in.paddingMask.defined() && (in.paddingMask.dim() != 4 || in.paddingMask.size(1) != 1))
        throw EngineError("DiT input 'padding_mask' must be [B, 1, H, W], got " + shapeText(in.paddingMask));
}

torch::Tensor DitImpl::patchify(const torch::Tensor& x) const
{
    const auto p = m_config.patchSpatial, pt = m_config.patchTemporal;
    const auto b = x.size(0), c = x.size(1), t = x.size(2) / pt, h = x.size(3) / p, w = x.size(4) / p;
    // b c (t r) (h m) (w n) -> b t h w (c r m n)
    return x.view({b, c, t, pt, h, p, w, p}).permute({0, 2, 4, 6, 1, 3, 5, 7}).reshape({b, t, h, w, c * pt * p * p});
}

torch::Tensor DitImpl::unpatchify(const torch::Tensor& x) const
{
    const auto p = m_config.patchSpatial, pt = m_config.patchTemporal, c = m_config.latentChannels;
    const auto b = x.size(0), t = x.size(1), h = x.size(2), w = x.size(3);
    // B T H W (p1 p2 t C) -> B C (T t) (H p1) (W p2)
    return x.view({b, t, h, w, p, p, pt, c}).permute({0, 7, 1, 6, 2, 4, 3, 5}).reshape({b, c, t * pt, h * p, w * p});
}

torch::Tensor DitImpl::forward(const DitInputs& in)
{
    checkInputs(in);
    const auto dtype = patch_proj->weight.scalar_type();
    const auto device = patch_proj->weight.device();
    auto x = in.latent.to(device, dtype);
    const auto b = x.size(0), t = x.size(2), h = x.size(3), w = x.size(4);

    // Input channels: latent, then the condition mask, then the padding mask.
    std::vector<torch::Tensor> channels {x};
    if (m_config.conditionMaskChannel)
        channels.push_back(in.conditionMask.defined() ? in.conditionMask.to(device, dtype)
                                                      : torch::zeros({b, 1, t, h, w}, x.options()));
    if (m_config.concatPaddingMask) {
        torch::Tensor padding = torch::zeros({b, 1, h, w}, x.options());
        if (in.paddingMask.defined())
            padding = torch::nn::functional::interpolate(in.paddingMask.to(device, torch::kFloat32),
                torch::nn::functional::InterpolateFuncOptions()
                    .size(std::vector<std::int64_t> {h, w})
                    .mode(torch::kNearest))
                          .to(dtype);
        channels.push_back(padding.unsqueeze(2).expand({b, 1, t, h, w}));
    }
    x = patch_proj(patchify(torch::cat(channels, 1))); // [B, T, Hp, Wp, D]
    const auto ropeAngles = m_rope.angles(x.size(1), x.size(2), x.size(3), device);

    auto context = in.context.to(device, dtype);
    if (m_config.useCrossattnProjection)
        context = torch::gelu(context_proj(context));

    // Timestep embedding in fp32.
    auto timesteps = in.timesteps.to(device, torch::kFloat32);
    if (timesteps.dim() == 1)
        timesteps = timesteps.unsqueeze(1);
    timesteps = timesteps * m_config.timestepScale;
    const auto features = timestepFeatures(timesteps, m_config.modelChannels); // [B, T', D]
    const auto hidden = timestep_embedding->linear_1->forwardFloat(features);
    const auto lora = timestep_embedding->linear_2->forwardFloat(torch::silu(hidden));
    const auto emb = t_embedding_norm(features);
    const auto adalnLora = m_config.useAdalnLora ? lora : torch::Tensor();
    // Without adaLN-LoRA the official embedding is linear_2's output.
    const auto blockEmb = m_config.useAdalnLora ? emb : t_embedding_norm(lora);

    for (const auto& module : *blocks)
        x = module->as<DitBlockImpl>()->forward(x, blockEmb, context, ropeAngles, adalnLora);

    const auto out = final_layer(x, blockEmb, adalnLora); // [B, T, Hp, Wp, p*p*pt*C], fp32
    return unpatchify(out).to(torch::kFloat32);
}

} // namespace cosmos::engine::nets
