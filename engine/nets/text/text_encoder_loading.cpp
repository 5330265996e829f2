#include "engine/nets/text/text_encoder_loading.h"

#include "engine/weights/module_loading.h"

namespace cosmos::engine::nets {
namespace {

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.rfind(prefix, 0) == 0;
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
    return compareWithCheckpoint(
        *QwenTextModel(config, BuildOptions::meta()), mapTextEncoderNames(checkpoint.names()), checkpoint);
}

QwenTextModel loadTextEncoder(
    const TextEncoderConfig& config, const Checkpoint& checkpoint, const BuildOptions& options)
{
    const NameMapping mapping = mapTextEncoderNames(checkpoint.names());
    requireCleanLoad(compareWithCheckpoint(*QwenTextModel(config, BuildOptions::meta()), mapping, checkpoint),
        checkpoint, "text encoder '" + config.name + "'");
    QwenTextModel model(config, options);
    copyParameters(*model, mapping, checkpoint);
    return model;
}

TensorMap textEncoderStateDict(QwenTextModelImpl& model)
{
    return parameterMap(model);
}

} // namespace cosmos::engine::nets
