// Building a DiT from a checkpoint: names mapped from the official layout,
// shapes checked against the architecture before anything is copied.
#pragma once

#include <string>

#include "engine/nets/dit/dit.h"
#include "engine/weights/checkpoint.h"
#include "engine/weights/module_loading.h"

namespace cosmos::engine::nets {

// Names and shapes only: the network is built on the meta device, so even
// the 14B architecture costs no memory.
LoadReport verifyDitCheckpoint(const DitConfig& config, const Checkpoint& checkpoint);

// Builds the network on `options.device` and copies every parameter in.
// Throws WeightsError with the report when the checkpoint does not fit.
// When the file carries the official RoPE exponent buffers, they are used.
Dit loadDit(const DitConfig& config, const Checkpoint& checkpoint, const BuildOptions& options = {});

// The network's parameters (and RoPE buffers) under their official names.
TensorMap ditStateDict(DitImpl& net);

} // namespace cosmos::engine::nets
