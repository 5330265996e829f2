#include "engine/weights/name_mapping.h"

#include <algorithm>

namespace cosmos::engine {
namespace {

bool startsWith(const std::string& text, const std::string& prefix)
{
    return text.rfind(prefix, 0) == 0;
}

// Wrapper prefixes from saving a whole training state or a compiled module.
std::string stripWrappers(std::string name)
{
    static const char* const kWrappers[] = {"model.", "state_dict.", "module.", "_orig_mod."};
    bool stripped = true;
    while (stripped) {
        stripped = false;
        for (const char* wrapper : kWrappers)
            if (startsWith(name, wrapper)) {
                name = name.substr(std::char_traits<char>::length(wrapper));
                stripped = true;
            }
    }
    return name;
}

bool isTrainingState(const std::string& name)
{
    return startsWith(name, "accum_") || name.find("_extra_state") != std::string::npos || startsWith(name, "logvar.");
}

} // namespace

NameMapping mapCheckpointNames(const std::vector<std::string>& rawNames)
{
    const bool hasEma = std::any_of(rawNames.begin(), rawNames.end(),
        [](const std::string& n) { return startsWith(stripWrappers(n), "net_ema."); });
    NameMapping mapping;
    for (const std::string& raw : rawNames) {
        std::string name = stripWrappers(raw);
        if (startsWith(name, "net_ema."))
            name = name.substr(8);
        else if (startsWith(name, "net.")) {
            if (hasEma) { // the regular weights of a training checkpoint: EMA wins
                mapping.dropped.push_back(raw);
                continue;
            }
            name = name.substr(4);
        }
        if (isTrainingState(name)) {
            mapping.dropped.push_back(raw);
            continue;
        }
        if (startsWith(name, "pos_embedder.")) {
            mapping.buffers[name] = raw;
            continue;
        }
        mapping.toRaw[name] = raw;
    }
    return mapping;
}

} // namespace cosmos::engine
