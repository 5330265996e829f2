// Precompiled header of cosmos_engine: LibTorch's headers cost most of the
// engine's compile time, so they are parsed once per build.
#pragma once

#include <torch/torch.h>
