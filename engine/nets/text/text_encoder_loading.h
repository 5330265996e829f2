// Loading the text encoder from a Hugging Face checkpoint (a folder of
// sharded safetensors, as nvidia/Cosmos-Reason1-7B is published): the
// language model's tensors by name; the vision tower and lm_head are set
// aside. Newer transformers name the language model
// `model.language_model.*`; both spellings load.
#pragma once

#include "engine/nets/text/qwen_text_model.h"
#include "engine/weights/checkpoint.h"
#include "engine/weights/load_report.h"
#include "engine/weights/name_mapping.h"

namespace cosmos::engine::nets {

NameMapping mapTextEncoderNames(const std::vector<std::string>& rawNames);

LoadReport verifyTextEncoderCheckpoint(const TextEncoderConfig& config, const Checkpoint& checkpoint);

// Throws WeightsError with the report when the checkpoint does not fit.
QwenTextModel loadTextEncoder(
    const TextEncoderConfig& config, const Checkpoint& checkpoint, const BuildOptions& options = {});

TensorMap textEncoderStateDict(QwenTextModelImpl& model);

} // namespace cosmos::engine::nets
