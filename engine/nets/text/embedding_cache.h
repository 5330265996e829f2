// Text embeddings already computed this session, so the same prompt is never
// encoded twice. Keyed by the prompt, the encoder's name and its weights'
// identity (e.g. a content hash): a different checkpoint never reuses an
// embedding. Bounded; least recently used entries go first. Thread-safe.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <torch/types.h>

namespace cosmos::engine::nets {

struct EmbeddingKey {
    std::string prompt;
    std::string encoder; // config name
    std::string weightsId; // content hash or path + size + mtime

    std::string flat() const;
};

class EmbeddingCache {
public:
    explicit EmbeddingCache(std::size_t capacity = 64) : m_capacity(capacity) { }

    std::optional<torch::Tensor> find(const EmbeddingKey& key);
    void insert(const EmbeddingKey& key, const torch::Tensor& embedding);
    std::size_t size() const;
    std::size_t hits() const;
    std::size_t misses() const;
    void clear();

private:
    using Entry = std::pair<std::string, torch::Tensor>;
    mutable std::mutex m_mutex;
    std::size_t m_capacity;
    std::list<Entry> m_entries; // most recent first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
    std::size_t m_hits = 0;
    std::size_t m_misses = 0;
};

} // namespace cosmos::engine::nets
