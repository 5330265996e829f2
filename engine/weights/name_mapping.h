// Maps the tensor names official checkpoints use to the engine's parameter
// names, so a real checkpoint loads as downloaded. The released
// Cosmos-Predict2.5 files hold `net.`-prefixed EMA weights, sometimes inside a
// wrapper dict (`model.`, `state_dict.`, `module.`); training checkpoints hold
// both `net.` and `net_ema.` (EMA preferred). Training counters, TransformerEngine
// `_extra_state` and the RoPE buffers are not parameters and are set aside.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace cosmos::engine {

struct NameMapping {
    std::map<std::string, std::string> toRaw; // engine name -> name in the file
    std::vector<std::string> dropped; // names in the file that are not parameters
    std::map<std::string, std::string> buffers; // kept non-parameters (e.g. pos_embedder.*) -> raw
};

NameMapping mapCheckpointNames(const std::vector<std::string>& rawNames);

} // namespace cosmos::engine
