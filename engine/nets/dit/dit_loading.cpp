#include "engine/nets/dit/dit_loading.h"

#include "engine/weights/weights_error.h"

namespace cosmos::engine::nets {
namespace {

constexpr const char* kSpatialRange = "pos_embedder.dim_spatial_range";
constexpr const char* kTemporalRange = "pos_embedder.dim_temporal_range";

NameMapping mappingFor(const Checkpoint& checkpoint) { return mapCheckpointNames(checkpoint.names()); }

} // namespace

LoadReport verifyDitCheckpoint(const DitConfig& config, const Checkpoint& checkpoint)
{
    BuildOptions meta;
    meta.device = torch::Device(torch::kMeta);
    Dit net(config, meta);
    return compareWithModule(*net, mappingFor(checkpoint),
                             [&checkpoint](const std::string& raw) { return checkpoint.record(raw).shape; });
}

Dit loadDit(const DitConfig& config, const Checkpoint& checkpoint, const BuildOptions& options)
{
    const NameMapping mapping = mappingFor(checkpoint);
    BuildOptions meta;
    meta.device = torch::Device(torch::kMeta);
    {
        Dit shapeOnly(config, meta);
        const LoadReport report = compareWithModule(
            *shapeOnly, mapping, [&checkpoint](const std::string& raw) { return checkpoint.record(raw).shape; });
        if (!report.clean())
            throw WeightsError(checkpoint.path(), "",
                               "does not fit the DiT architecture '" + config.name + "':\n" + report.summary());
    }

    Dit net(config, options);
    torch::NoGradGuard noGrad;
    for (auto& item : net->named_parameters(true)) {
        const std::string& raw = mapping.toRaw.at(item.key());
        item.value().copy_(checkpoint.load(raw));
    }
    const auto spatial = mapping.buffers.find(kSpatialRange);
    const auto temporal = mapping.buffers.find(kTemporalRange);
    if (spatial != mapping.buffers.end() && temporal != mapping.buffers.end())
        net->rope().setExponents(checkpoint.load(spatial->second), checkpoint.load(temporal->second));
    return net;
}

TensorMap ditStateDict(DitImpl& net)
{
    TensorMap tensors;
    for (const auto& item : net.named_parameters(true))
        tensors.emplace(item.key(), item.value().detach());
    tensors.emplace(kSpatialRange, net.rope().spatialRange());
    tensors.emplace(kTemporalRange, net.rope().temporalRange());
    return tensors;
}

} // namespace cosmos::engine::nets
