#include "engine/text/bpe_model.h"

#include <algorithm>
#include <cstdio>
#include <queue>

#include "engine/text/tokenizer_error.h"

namespace cosmos::engine::text {

namespace {

std::size_t codeLength(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

std::string inQuotes(const std::string& token)
{
    return "\"" + token + "\"";
}

} // namespace

std::uint64_t BpeModel::pairKey(std::int32_t left, std::int32_t right)
{
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) | static_cast<std::uint32_t>(right);
}

BpeModel::BpeModel(BpeModelConfig config, const std::string& source) : m_config(std::move(config))
{
    for (const auto& [token, id] : m_config.vocab) {
        if (id < 0)
            throw TokenizerError(
                source, "model.vocab gives " + inQuotes(token) + " the negative id " + std::to_string(id));
        const auto [it, inserted] = m_tokens.emplace(id, token);
        if (!inserted) {
            throw TokenizerError(source,
                "model.vocab gives id " + std::to_string(id) + " to both " + inQuotes(it->second) + " and "
                    + inQuotes(token));
        }
        m_maxId = std::max(m_maxId, id);
    }
    if (m_config.unkToken && !m_config.vocab.count(*m_config.unkToken))
        throw TokenizerError(source, "model.unk_token " + inQuotes(*m_config.unkToken) + " is not in model.vocab");

    const std::size_t prefixLength = m_config.continuingSubwordPrefix.size();
    for (std::size_t rank = 0; rank < m_config.merges.size(); ++rank) {
        const auto& [left, right] = m_config.merges[rank];
        const std::string where = "model.merges[" + std::to_string(rank) + "] (" + inQuotes(left + " " + right) + ")";
        const auto leftId = m_config.vocab.find(left);
        if (leftId == m_config.vocab.end())
            throw TokenizerError(source, where + ": " + inQuotes(left) + " is not in model.vocab");
        const auto rightId = m_config.vocab.find(right);
        if (rightId == m_config.vocab.end())
            throw TokenizerError(source, where + ": " + inQuotes(right) + " is not in model.vocab");
        // The right part loses its continuing-subword prefix when merged.
        const bool prefixed = prefixLength > 0 && right.compare(0, prefixLength, m_config.continuingSubwordPrefix) == 0;
        const std::string merged = left + (prefixed ? right.substr(prefixLength) : right);
        const auto mergedId = m_config.vocab.find(merged);
        if (mergedId == m_config.vocab.end())
            throw TokenizerError(source, where + ": the merged token " + inQuotes(merged) + " is not in model.vocab");
        // A repeated pair takes its last rank, as in Hugging Face's map.
        m_merges[pairKey(leftId->second, rightId->second)] = {static_cast<std::uint32_t>(rank), mergedId->second};
    }
}

std::optional<std::int32_t> BpeModel::tokenToId(const std::string& token) const
{
    const auto it = m_config.vocab.find(token);
    if (it == m_config.vocab.end())
        return std::nullopt;
    return it->second;
}

const std::string* BpeModel::idToToken(std::int32_t id) const
{
    const auto it = m_tokens.find(id);
    return it == m_tokens.end() ? nullptr : &it->second;
}

std::vector<std::int32_t> BpeModel::initialSymbols(const std::string& word) const
{
    std::vector<std::int32_t> symbols;
    std::optional<std::int32_t> pendingUnk; // fused unknown characters wait here
    const std::optional<std::int32_t> unkId
        = m_config.unkToken ? std::optional<std::int32_t>(m_config.vocab.at(*m_config.unkToken)) : std::nullopt;
    for (std::size_t i = 0; i < word.size();) {
        const std::size_t length = std::min(codeLength(static_cast<unsigned char>(word[i])), word.size() - i);
        std::string symbol = word.substr(i, length);
        if (i > 0)
            symbol = m_config.continuingSubwordPrefix + symbol;
        i += length;
        if (i == word.size())
            symbol += m_config.endOfWordSuffix;

        if (const auto id = tokenToId(symbol)) {
            if (pendingUnk)
                symbols.push_back(*pendingUnk);
            pendingUnk.reset();
            symbols.push_back(*id);
            continue;
        }
        if (m_config.byteFallback) {
            std::vector<std::int32_t> bytes;
            for (char c : symbol) {
                char name[8];
                std::snprintf(name, sizeof(name), "<0x%02X>", static_cast<unsigned>(static_cast<unsigned char>(c)));
                const auto id = tokenToId(name);
                if (!id)
                    break;
                bytes.push_back(*id);
            }
            if (bytes.size() == symbol.size()) {
                symbols.insert(symbols.end(), bytes.begin(), bytes.end());
                continue;
            }
        }
        if (unkId) {
            if (pendingUnk && !m_config.fuseUnk)
                symbols.push_back(*pendingUnk);
            pendingUnk = unkId;
        }
    }
    if (pendingUnk)
        symbols.push_back(*pendingUnk);
    return symbols;
}

std::vector<std::int32_t> BpeModel::mergeWord(const std::string& word) const
{
    if (m_config.ignoreMerges) {
        if (const auto id = tokenToId(word))
            return {*id};
    }
    struct Symbol {
        std::int32_t id = 0;
        int prev = -1;
        int next = -1;
        bool removed = false;
    };
    std::vector<Symbol> symbols;
    for (std::int32_t id : initialSymbols(word)) {
        const int index = static_cast<int>(symbols.size());
        symbols.push_back({id, index - 1, -1, false});
        if (index > 0)
            symbols[index - 1].next = index;
    }

    struct Candidate {
        std::uint32_t rank = 0;
        int position = 0;
        std::int32_t id = 0;
    };
    // Lowest rank first, then leftmost.
    const auto later = [](const Candidate& a, const Candidate& b) {
        return a.rank != b.rank ? a.rank > b.rank : a.position > b.position;
    };
    std::priority_queue<Candidate, std::vector<Candidate>, decltype(later)> queue(later);
    const auto consider = [&](int left) {
        const int right = symbols[left].next;
        if (right < 0)
            return;
        const auto it = m_merges.find(pairKey(symbols[left].id, symbols[right].id));
        if (it != m_merges.end())
            queue.push({it->second.rank, left, it->second.id});
    };
    for (int i = 0; i + 1 < static_cast<int>(symbols.size()); ++i)
        consider(i);

    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        Symbol& left = symbols[top.position];
        if (left.removed || left.next < 0)
            continue;
        Symbol& right = symbols[left.next];
        // A stale entry: the pair at this position changed since it was queued.
        const auto it = m_merges.find(pairKey(left.id, right.id));
        if (it == m_merges.end() || it->second.id != top.id)
            continue;
        left.id = top.id;
        right.removed = true;
        left.next = right.next;
        if (right.next >= 0)
            symbols[right.next].prev = top.position;
        if (left.prev >= 0)
            consider(left.prev);
        consider(top.position);
    }

    std::vector<std::int32_t> ids;
    for (const Symbol& symbol : symbols)
        if (!symbol.removed)
            ids.push_back(symbol.id);
    return ids;
}

void BpeModel::tokenize(const std::string& word, std::vector<std::int32_t>& ids) const
{
    {
        std::lock_guard<std::mutex> lock(m_cache->mutex);
        const auto it = m_cache->words.find(word);
        if (it != m_cache->words.end()) {
            ids.insert(ids.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<std::int32_t> merged = mergeWord(word);
    ids.insert(ids.end(), merged.begin(), merged.end());
    std::lock_guard<std::mutex> lock(m_cache->mutex);
    if (m_cache->words.size() < kCacheCapacity)
        m_cache->words.emplace(word, std::move(merged));
}

} // namespace cosmos::engine::text
