// The "model" of a tokenizer.json of type BPE: the vocabulary, the merges
// ranked by their order in the file, and the merging of one pre-tokenized
// word into ids (Hugging Face's Word::merge_all: the pair of lowest rank
// first, leftmost among equals). Words already seen are cached.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cosmos::engine::text {

struct BpeModelConfig {
    std::unordered_map<std::string, std::int32_t> vocab;
    std::vector<std::pair<std::string, std::string>> merges; // rank = index
    std::optional<std::string> unkToken;
    std::string continuingSubwordPrefix;
    std::string endOfWordSuffix;
    bool fuseUnk = false;
    bool byteFallback = false;
    bool ignoreMerges = false; // a word already in the vocabulary is one token
};

class BpeModel {
public:
    // Throws TokenizerError(source, ...) for a merge naming a token that is
    // not in the vocabulary, or whose result is not, or an unknown unk_token.
    BpeModel(BpeModelConfig config, const std::string& source);

    // Appends the ids of one word (its characters are the initial symbols).
    // A character missing from the vocabulary becomes unk_token or its
    // <0xXX> bytes (byte_fallback) or, with neither, is dropped, as in
    // Hugging Face; byte-level vocabularies have all 256 symbols.
    void tokenize(const std::string& word, std::vector<std::int32_t>& ids) const;

    std::optional<std::int32_t> tokenToId(const std::string& token) const;
    const std::string* idToToken(std::int32_t id) const; // nullptr when unknown
    std::int32_t maxId() const { return m_maxId; }
    std::size_t vocabCount() const { return m_config.vocab.size(); }
    std::size_t mergeCount() const { return m_merges.size(); }

    static constexpr std::size_t kCacheCapacity = 10000;

private:
    struct MergeResult {
        std::uint32_t rank = 0;
        std::int32_t id = 0;
    };
    static std::uint64_t pairKey(std::int32_t left, std::int32_t right);
    std::vector<std::int32_t> mergeWord(const std::string& word) const;
    std::vector<std::int32_t> initialSymbols(const std::string& word) const;

    BpeModelConfig m_config;
    std::unordered_map<std::int32_t, std::string> m_tokens; // id -> token
    std::unordered_map<std::uint64_t, MergeResult> m_merges;
    std::int32_t m_maxId = -1;

    struct Cache {
        std::mutex mutex;
        std::unordered_map<std::string, std::vector<std::int32_t>> words;
    };
    std::unique_ptr<Cache> m_cache = std::make_unique<Cache>();
};

} // namespace cosmos::engine::text
