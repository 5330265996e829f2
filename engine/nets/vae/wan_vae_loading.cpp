#include "engine/nets/vae/wan_vae_loading.h"

#include "engine/weights/module_loading.h"

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

} // namespace

LoadReport verifyWanVaeCheckpoint(const WanVaeConfig& config, const Checkpoint& checkpoint)
{
    return compareWithCheckpoint(*WanVae(config, BuildOptions::meta()), identityMapping(checkpoint), checkpoint);
}

WanVae loadWanVae(const WanVaeConfig& config, const Checkpoint& checkpoint, const BuildOptions& options)
{
    const NameMapping mapping = identityMapping(checkpoint);
    requireCleanLoad(compareWithCheckpoint(*WanVae(config, BuildOptions::meta()), mapping, checkpoint), checkpoint,
        "Wan VAE architecture '" + config.name + "'");
    WanVae net(config, options);
    copyParameters(*net, mapping, checkpoint);
    return net;
}

TensorMap wanVaeStateDict(WanVaeImpl& net)
{
    return parameterMap(net);
}

} // namespace cosmos::engine::nets
