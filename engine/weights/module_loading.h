// Holds a checkpoint against a network, by names and shapes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <torch/nn/module.h>

#include "engine/weights/load_report.h"
#include "engine/weights/name_mapping.h"

namespace cosmos::engine {

// Shapes of the tensors in a file, by raw name.
using ShapeLookup = std::function<std::vector<std::int64_t>(const std::string& rawName)>;

// Compares by names and shapes only: works for a network built on the meta device.
LoadReport compareWithModule(const torch::nn::Module& module, const NameMapping& mapping, const ShapeLookup& shapeOf);

} // namespace cosmos::engine
