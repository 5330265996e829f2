// Holds a checkpoint against a network by names and shapes, and loads it.
// Every network's loader (DiT, video tokenizer, text encoder) is built from
// these: check on the network's meta-device twin, refuse with the report,
// then copy.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <torch/nn/module.h>

#include "engine/weights/checkpoint.h"
#include "engine/weights/load_report.h"
#include "engine/weights/name_mapping.h"
#include "engine/weights/tensor_map.h"

namespace cosmos::engine {

// Shapes of the tensors in a file, by raw name.
using ShapeLookup = std::function<std::vector<std::int64_t>(const std::string& rawName)>;

// Compares by names and shapes only: works for a network built on the meta device.
LoadReport compareWithModule(const torch::nn::Module& module, const NameMapping& mapping, const ShapeLookup& shapeOf);
LoadReport compareWithCheckpoint(
    const torch::nn::Module& module, const NameMapping& mapping, const Checkpoint& checkpoint);

// Throws WeightsError naming the file and the architecture unless `report` is clean.
void requireCleanLoad(const LoadReport& report, const Checkpoint& checkpoint, const std::string& architecture);

// Copies every parameter of `module` from the checkpoint (converting dtype
// and device); call after a clean report.
void copyParameters(torch::nn::Module& module, const NameMapping& mapping, const Checkpoint& checkpoint);

// The module's parameters by name, detached: what a loader reads back.
TensorMap parameterMap(const torch::nn::Module& module);

} // namespace cosmos::engine
