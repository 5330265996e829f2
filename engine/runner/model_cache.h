// The world models the engine thread keeps loaded between jobs, by key (e.g.
// "folder@device"). The first job that asks for a model loads it; later jobs
// reuse it, until it is unloaded on request or to make room for another.
//
//   auto cache = std::make_shared<ModelCache>(logger);
//   cache->use("nano@cpu", loader, [&](pipeline::WorldModel& model) { take = generate(model, request); });
//   runner.post([cache] { cache->unloadAll(); }); // free memory on request, between jobs
//
// Making room happens in two places:
// - Before a load (and before use() runs its work), when the memory probe
//   reports less than the threshold: the other models' text encoders go
//   first (their prompt embeddings stay cached, so they are often never
//   needed again), then whole models, least recently used first, until
//   enough is free. This has to happen beforehand because on Linux running
//   out of host memory is usually not an exception but the OOM killer.
// - In use(): if the load or the work throws out of memory, every other model
//   (and this model's text encoder) is unloaded and it is tried once more; a
//   second failure is an OutOfMemoryError that suggests what to change.
//
// Thread: the engine thread only (jobs and posted tasks), so it takes no
// locks; from another thread, post the call to the runner as above.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/logging.h"
#include "engine/pipeline/world_model.h"

namespace cosmos::engine {

using ModelLoader = std::function<std::unique_ptr<pipeline::WorldModel>()>;

// Bytes available now, or nothing when it cannot be told.
using MemoryProbe = std::function<std::optional<std::uint64_t>()>;

// MemAvailable from /proc/meminfo: what can be allocated without swapping.
std::optional<std::uint64_t> systemAvailableMemory();

struct ModelCacheOptions {
    MemoryProbe hostProbe = systemAvailableMemory;
    std::uint64_t minHostBytes = std::uint64_t(4) << 30;
    // Free device memory, consulted only while a model on a CUDA device is
    // loaded. None by default: cudaMemGetInfo counts LibTorch's cached blocks
    // as used (so it would unload far too eagerly, and emptying that cache
    // needs the CUDA headers), and running out of device memory is an
    // exception that use() recovers from, unlike running out of host memory.
    MemoryProbe deviceProbe;
    std::uint64_t minDeviceBytes = std::uint64_t(2) << 30;
};

class ModelCache {
public:
    explicit ModelCache(LoggerPtr logger, ModelCacheOptions options = {});
    ModelCache(const ModelCache&) = delete;
    ModelCache& operator=(const ModelCache&) = delete;

    // The model under `key`, loaded by `loader` (after making room) if it is
    // not loaded yet. The reference stays valid until the model is unloaded,
    // so only until the next call that may unload (acquire, use, unload...).
    pipeline::WorldModel& acquire(const std::string& key, const ModelLoader& loader);

    // acquire() and run `work` with the model, recovering once from running
    // out of memory in either (see above). `work` may run twice: it must
    // start over cleanly. Throws OutOfMemoryError after the second failure;
    // any other exception passes through untouched.
    void use(const std::string& key, const ModelLoader& loader, const std::function<void(pipeline::WorldModel&)>& work);

    bool unload(const std::string& key); // false when it was not loaded
    void unloadAll();
    // Unloads text encoders, then models least recently used first, other
    // than `keep`, while the probes report less free memory than wanted.
    void freeMemoryIfLow(const std::string& keep = {});

    bool isLoaded(const std::string& key) const { return m_models.count(key) != 0; }
    std::vector<std::string> loadedKeys() const; // most recently used first

private:
    struct Entry {
        std::unique_ptr<pipeline::WorldModel> model;
        std::uint64_t lastUse = 0;
    };

    bool memoryIsLow() const;
    void unloadAllBut(const std::string& keep);
    void afterUnloading();

    LoggerPtr m_logger;
    ModelCacheOptions m_options;
    std::map<std::string, Entry> m_models;
    std::uint64_t m_clock = 0; // use counter: higher is more recent
};

} // namespace cosmos::engine
