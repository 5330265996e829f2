#include "engine/nets/dit/dit_loading.h"

#include "engine/weights/module_loading.h"

namespace cosmos::engine::nets {
namespace {

constexpr const char* kSpatialRange = "pos_embedder.dim_spatial_range";
constexpr const char* kTemporalRange = "pos_embedder.dim_temporal_range";

NameMapping mappingFor(const Checkpoint& checkpoint)
{
    return mapCheckpointNames(checkpoint.names());
}

} // namespace

LoadReport verifyDitCheckpoint(const DitConfig& config, const Checkpoint& checkpoint)
{
    return compareWithCheckpoint(*Dit(config, BuildOptions::meta()), mappingFor(checkpoint), checkpoint);
}

Dit loadDit(const DitConfig& config, const Checkpoint& checkpoint, const BuildOptions& options)
{
    const NameMapping mapping = mappingFor(checkpoint);
    requireCleanLoad(compareWithCheckpoint(*Dit(config, BuildOptions::meta()), mapping, checkpoint), checkpoint,
        "DiT architecture '" + config.name + "'");
    Dit net(config, options);
    copyParameters(*net, mapping, checkpoint);
    const auto spatial = mapping.buffers.find(kSpatialRange);
    const auto temporal = mapping.buffers.find(kTemporalRange);
    if (spatial != mapping.buffers.end() && temporal != mapping.buffers.end())
        net->rope().setExponents(checkpoint.load(spatial->second), checkpoint.load(temporal->second));
    return net;
}

TensorMap ditStateDict(DitImpl& net)
{
    TensorMap tensors = parameterMap(net);
    tensors.emplace(kSpatialRange, net.rope().spatialRange());
    tensors.emplace(kTemporalRange, net.rope().temporalRange());
    return tensors;
}

} // namespace cosmos::engine::nets
