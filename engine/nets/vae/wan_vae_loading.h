// Building the Wan2.1 VAE from a checkpoint. The released Wan2.1_VAE.pth is
// the plain state dict of WanVAE_, which upstream loads with
// load_state_dict(ckpt, assign=True) without touching the names, so the
// names in the file are taken as they are.
#pragma once

#include "engine/nets/vae/wan_vae.h"
#include "engine/weights/checkpoint.h"
#include "engine/weights/load_report.h"
#include "engine/weights/tensor_map.h"

namespace cosmos::engine::nets {

// Names and shapes only: the network is built on the meta device.
LoadReport verifyWanVaeCheckpoint(const WanVaeConfig& config, const Checkpoint& checkpoint);

// Builds the network on `options.device` in `options.dtype` and copies every
// parameter in (converting from the file's dtype). Throws WeightsError with
// the report when the checkpoint does not fit.
WanVae loadWanVae(const WanVaeConfig& config, const Checkpoint& checkpoint, const BuildOptions& options = {});

// The network's parameters under their official names, e.g. to save a
// trained nano tokenizer in the official layout.
TensorMap wanVaeStateDict(WanVaeImpl& net);

} // namespace cosmos::engine::nets
