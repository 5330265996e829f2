// The device a user names ("cpu", "cuda", "cuda:N") turned into the options
// networks are built with; shared by generation, the CLI and nano training.
#pragma once

#include <string>

#include "engine/nets/layers.h"

namespace cosmos::engine::nets {

// bf16 on CUDA (the official inference precision), fp32 on the CPU. Throws
// EngineError for an unknown device or one this build or machine cannot use.
BuildOptions buildOptionsForDevice(const std::string& device);

} // namespace cosmos::engine::nets
