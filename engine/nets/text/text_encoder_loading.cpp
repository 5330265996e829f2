#include "engine/nets/text/text_encoder_loading.h"

#include "engine/weights/module_loading.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine::nets {
namespace {

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

LoadReport compare(const torch::nn::Module& module, const NameMapping& mapping, const Checkpoint& checkpoint)
{
    return compareWithModule(module, mapping,
                             [&checkpoint](const std::string& raw) { return checkpoint.record(raw).shape; });
}


} // namespace

NameMapping mapTextEncoderNames(const std::vector<std::string>& rawNames)
{
    NameMapping mapping;
    for (const std::string& raw : rawNames) {
        std::string name = raw;
        if (startsWith(name, "model.language_model."))
            name = "model." + name.substr(21);
        if (startsWith(name, "visual.") || startsWith(name, "model.visual.") || startsWith(name, "lm_head.")
            || name.find("_extra_state") != std::string::npos || name.find("rotary_emb.") != std::string::npos) {
            mapping.dropped.push_back(raw);
            continue;
        }
        mapping.toRaw[name] = raw;
    }
    return mapping;
}

LoadReport verifyTextEncoderCheckpoint(const TextEncoderConfig& config, const Checkpoint& checkpoint)
{
    BuildOptions meta;
    meta.device = torch::Device(torch::kMeta);
    QwenTextModel model(config, meta);
    return compare(*model, mapTextEncoderNames(checkpoint.names()), checkpoint);
}

QwenTextModel loadTextEncoder(const TextEncoderConfig& config, const Checkpoint& checkpoint,
                              const BuildOptions& options)
{
    const NameMapping mapping = mapTextEncoderNames(checkpoint.names());
    {
        BuildOptions meta;
        meta.device = torch::Device(torch::kMeta);
        QwenTextModel shapeOnly(config, meta);
        const LoadReport report = compare(*shapeOnly, mapping, checkpoint);
        if (!report.clean())
            throw WeightsError(checkpoint.path(), "",
                               "does not fit the text encoder '" + config.name + "':\n" + report.summary());
    }
    QwenTextModel model(config, options);
    torch::NoGradGuard noGrad;
    for (auto& item : model->named_parameters(true))
        item.value().copy_(checkpoint.load(mapping.toRaw.at(item.key())));
    return model;
}

TensorMap textEncoderStateDict(QwenTextModelImpl& model)
{
    TensorMap tensors;
    for (const auto& item : model.named_parameters(true))
        tensors.emplace(item.key(), item.value().detach());
    return tensors;
}

} // namespace cosmos::engine::nets
