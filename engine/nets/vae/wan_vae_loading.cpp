#include "engine/nets/vae/wan_vae_loading.h"

#include "engine/weights/module_loading.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine::nets {
namespace {

// Upstream strips no prefix and keeps no buffers: every name is a parameter.
NameMapping identityMapping(const Checkpoint& checkpoint)
{
    NameMapping mapping;
    for (const std::string& name : checkpoint.names())
        mapping.toRaw[name] = name;
    return mapping;
}

WanVae metaVae(const WanVaeConfig& config)
{
    BuildOptions meta;
    meta.device = torch::Device(torch::kMeta);
    return WanVae(config, meta);
}

LoadReport compare(const WanVaeImpl& net, const NameMapping& mapping, const Checkpoint& checkpoint)
{
    return compareWithModule(
        net, mapping, [&checkpoint](const std::string& raw) { return checkpoint.record(raw).shape; });
}

} // namespace

LoadReport verifyWanVaeCheckpoint(const WanVaeConfig& config, const Checkpoint& checkpoint)
{
    return compare(*metaVae(config), identityMapping(checkpoint), checkpoint);
}

WanVae loadWanVae(const WanVaeConfig& config, const Checkpoint& checkpoint, const BuildOptions& options)
{
    const NameMapping mapping = identityMapping(checkpoint);
    const LoadReport report = compare(*metaVae(config), mapping, checkpoint);
    if (!report.clean())
        throw WeightsError(
            checkpoint.path(), "", "does not fit the Wan VAE architecture '" + config.name + "':\n" + report.summary());

    WanVae net(config, options);
    torch::NoGradGuard noGrad;
    for (auto& item : net->named_parameters(true))
        item.value().copy_(checkpoint.load(mapping.toRaw.at(item.key())));
    return net;
}

TensorMap wanVaeStateDict(WanVaeImpl& net)
{
    TensorMap tensors;
    for (const auto& item : net.named_parameters(true))
        tensors.emplace(item.key(), item.value().detach());
    return tensors;
}

} // namespace cosmos::engine::nets
