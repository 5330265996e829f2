#include "engine/nets/text/embedding_cache.h"

namespace cosmos::engine::nets {

std::string EmbeddingKey::flat() const
{
    // Lengths first, so that no prompt text can imitate another key.
    return std::to_string(encoder.size()) + ":" + encoder + std::to_string(weightsId.size()) + ":" + weightsId
        + std::to_string(prompt.size()) + ":" + prompt;
}

std::optional<torch::Tensor> EmbeddingCache::find(const EmbeddingKey& key)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto found = m_index.find(key.flat());
    if (found == m_index.end()) {
        ++m_misses;
        return std::nullopt;
    }
    ++m_hits;
    m_entries.splice(m_entries.begin(), m_entries, found->second);
    return found->second->second;
}

void EmbeddingCache::insert(const EmbeddingKey& key, const torch::Tensor& embedding)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const std::string flat = key.flat();
    const auto found = m_index.find(flat);
    if (found != m_index.end()) {
        found->second->second = embedding;
        m_entries.splice(m_entries.begin(), m_entries, found->second);
        return;
    }
    m_entries.emplace_front(flat, embedding);
    m_index[flat] = m_entries.begin();
    while (m_entries.size() > m_capacity) {
        m_index.erase(m_entries.back().first);
        m_entries.pop_back();
    }
}

std::size_t EmbeddingCache::size() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_entries.size();
}

std::size_t EmbeddingCache::hits() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_hits;
}

std::size_t EmbeddingCache::misses() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_misses;
}

void EmbeddingCache::clear()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_entries.clear();
    m_index.clear();
}

} // namespace cosmos::engine::nets
