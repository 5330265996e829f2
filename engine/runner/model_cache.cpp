#include "engine/runner/model_cache.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "engine/errors.h"
#include "engine/runner/out_of_memory.h"

namespace cosmos::engine {
namespace {

std::uint64_t mebibytes(std::uint64_t bytes)
{
    return bytes >> 20;
}

} // namespace

std::optional<std::uint64_t> systemAvailableMemory()
{
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line)) {
        if (line.rfind("MemAvailable:", 0) != 0)
            continue;
        std::istringstream fields(line.substr(13));
        std::uint64_t kib = 0;
        if (fields >> kib)
            return kib * 1024;
        return std::nullopt;
    }
    return std::nullopt;
}

ModelCache::ModelCache(LoggerPtr logger, ModelCacheOptions options)
    : m_logger(std::move(logger)), m_options(std::move(options))
{
}

pipeline::WorldModel& ModelCache::acquire(const std::string& key, const ModelLoader& loader)
{
    const auto found = m_models.find(key);
    if (found != m_models.end()) {
        found->second.lastUse = ++m_clock;
        return *found->second.model;
    }
    freeMemoryIfLow(key);
    m_logger->info("loading model '{}'", key);
    std::unique_ptr<pipeline::WorldModel> model = loader();
    if (!model)
        throw EngineError("model '" + key + "' could not be loaded: its loader returned nothing");
    Entry& entry = m_models[key];
    entry.model = std::move(model);
    entry.lastUse = ++m_clock;
    return *entry.model;
}

void ModelCache::use(
    const std::string& key, const ModelLoader& loader, const std::function<void(pipeline::WorldModel&)>& work)
{
    // The retry runs outside the catch block, so that everything the failed
    // attempt held (its exception included) is released first.
    std::string firstFailure;
    try {
        // Also when the model is loaded already: the work needs memory too,
        // and running out of host memory is rarely an exception on Linux.
        freeMemoryIfLow(key);
        work(acquire(key, loader));
        return;
    } catch (const std::exception& error) {
        if (!isOutOfMemory(error))
            throw;
        firstFailure = firstLineOf(error);
    }
    const bool wasLoaded = isLoaded(key);
    m_logger->warn("out of memory while {} model '{}' ({}); unloading everything else and trying once more",
        wasLoaded ? "running" : "loading", key, firstFailure);
    unloadAllBut(key);
    if (wasLoaded) // its prompt embeddings stay cached: a retry rarely needs it again
        m_models.at(key).model->unloadTextEncoder();
    afterUnloading();

    try {
        work(acquire(key, loader));
    } catch (const std::exception& error) {
        if (!isOutOfMemory(error))
            throw;
        const std::string detail = " '" + key + "', even with every other model unloaded (" + firstLineOf(error) + ").";
        if (!isLoaded(key))
            throw OutOfMemoryError("out of memory while loading model" + detail
                + " Close other programs that use much memory, or try the CPU device if the GPU ran out.");
        throw OutOfMemoryError("out of memory while generating with model" + detail
            + " Try fewer frames, a smaller resolution, or the CPU device.");
    }
}

bool ModelCache::unload(const std::string& key)
{
    if (m_models.erase(key) == 0)
        return false;
    m_logger->info("unloaded model '{}'", key);
    afterUnloading();
    return true;
}

void ModelCache::unloadAll()
{
    unloadAllBut({});
    afterUnloading();
}

void ModelCache::freeMemoryIfLow(const std::string& keep)
{
    if (!memoryIsLow())
        return;
    bool freed = false;
    for (auto& [key, entry] : m_models)
        if (key != keep && entry.model->textEncoderLoaded()) {
            m_logger->info("memory is low: unloading the text encoder of model '{}'", key);
            entry.model->unloadTextEncoder();
            freed = true;
        }
    if (freed)
        afterUnloading();
    while (memoryIsLow()) {
        auto oldest = m_models.end();
        for (auto it = m_models.begin(); it != m_models.end(); ++it)
            if (it->first != keep && (oldest == m_models.end() || it->second.lastUse < oldest->second.lastUse))
                oldest = it;
        if (oldest == m_models.end()) {
            m_logger->warn("memory is low and no other model is loaded to make room");
            return;
        }
        m_logger->info("memory is low: unloading model '{}', the least recently used", oldest->first);
        m_models.erase(oldest);
        afterUnloading();
    }
}

std::vector<std::string> ModelCache::loadedKeys() const
{
    std::vector<std::pair<std::uint64_t, std::string>> byUse;
    for (const auto& [key, entry] : m_models)
        byUse.emplace_back(entry.lastUse, key);
    std::sort(byUse.rbegin(), byUse.rend());
    std::vector<std::string> keys;
    for (auto& [lastUse, key] : byUse)
        keys.push_back(std::move(key));
    return keys;
}

bool ModelCache::memoryIsLow() const
{
    if (m_options.hostProbe) {
        const auto available = m_options.hostProbe();
        if (available && *available < m_options.minHostBytes) {
            m_logger->info(
                "{} MiB of memory available, {} MiB wanted", mebibytes(*available), mebibytes(m_options.minHostBytes));
            return true;
        }
    }
    const bool onCuda = std::any_of(
        m_models.begin(), m_models.end(), [](const auto& item) { return item.second.model->device().is_cuda(); });
    if (onCuda && m_options.deviceProbe) {
        const auto available = m_options.deviceProbe();
        if (available && *available < m_options.minDeviceBytes) {
            m_logger->info("{} MiB of device memory free, {} MiB wanted", mebibytes(*available),
                mebibytes(m_options.minDeviceBytes));
            return true;
        }
    }
    return false;
}

void ModelCache::unloadAllBut(const std::string& keep)
{
    for (auto it = m_models.begin(); it != m_models.end();) {
        if (it->first == keep) {
            ++it;
            continue;
        }
        m_logger->info("unloaded model '{}'", it->first);
        it = m_models.erase(it);
    }
}

void ModelCache::afterUnloading()
{
#if defined(__GLIBC__)
    // glibc keeps freed heap pages in its arenas; hand them back so that the
    // probe (and every other program) sees the memory as available again.
    malloc_trim(0);
#endif
}

} // namespace cosmos::engine
