#include "engine/text/bpe_trainer.h"

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "engine/errors.h"
#include "engine/text/added_tokens.h"
#include "engine/text/byte_level.h"
#include "engine/text/pre_tokenizer.h"
#include "engine/text/unicode_nfc.h"
#include "engine/text/utf8.h"

namespace cosmos::engine::text {

const char* const kBpeTrainerPadToken = "<|endoftext|>";

namespace {

// Ordered, so that the file lists its sections as Qwen2's does and its
// vocabulary by id: easier to read and compare.
using OrderedJson = nlohmann::ordered_json;
using TokenId = std::int32_t;
using TokenPair = std::pair<TokenId, TokenId>;
using WordCounts = std::map<std::string, std::int64_t>; // sorted: the order of the words never depends on hashing

constexpr int kByteSymbolCount = 256;

// Qwen2's pre-tokenization regex, exactly as its tokenizer.json spells it.
const char* const kQwen2SplitRegex
    = R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

OrderedJson byteLevelJson()
{
    return {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", false}, {"use_regex", false}};
}

OrderedJson preTokenizerJson()
{
    const OrderedJson split
        = {{"type", "Split"}, {"pattern", {{"Regex", kQwen2SplitRegex}}}, {"behavior", "Isolated"}, {"invert", false}};
    return {{"type", "Sequence"}, {"pretokenizers", {split, byteLevelJson()}}};
}

// Special and matched in the raw text, like Qwen2's own "<|endoftext|>".
AddedToken padToken(TokenId id)
{
    AddedToken token;
    token.id = id;
    token.content = kBpeTrainerPadToken;
    token.special = true;
    token.normalized = false;
    return token;
}

OrderedJson addedTokenJson(const AddedToken& token)
{
    return {{"id", token.id}, {"content", token.content}, {"single_word", token.singleWord}, {"lstrip", token.lstrip},
        {"rstrip", token.rstrip}, {"normalized", token.normalized}, {"special", token.special}};
}

void requireUtf8(const std::string& line, std::size_t index)
{
    if (const auto offset = findInvalidUtf8(line))
        throw EngineError("Cannot train a tokenizer: corpus line " + std::to_string(index + 1)
            + " is not valid UTF-8 (at byte " + std::to_string(*offset) + ").");
}

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<std::string> whitespaceSeparated(const std::string& text)
{
    std::vector<std::string> words;
    std::size_t begin = 0;
    while (begin < text.size()) {
        while (begin < text.size() && isAsciiSpace(text[begin]))
            ++begin;
        std::size_t end = begin;
        while (end < text.size() && !isAsciiSpace(text[end]))
            ++end;
        if (end > begin)
            words.push_back(text.substr(begin, end - begin));
        begin = end;
    }
    return words;
}

// Counts the words of some plain text (no pad token in it) as encode will
// see them: NFC first, then the pre-tokenizer. The text as it stands counts,
// and so does each whitespace-separated word both alone and after a space,
// so that a word is learned in either place; the form the text really has
// counts twice, and wins when the limit leaves room for only one.
void countWordsOf(const std::string& text, const PreTokenizer& preTokenizer, WordCounts& counts)
{
    const std::string normalized = normalizeNfc(text);
    for (const std::string& piece : preTokenizer.split(normalized))
        ++counts[piece];
    for (const std::string& word : whitespaceSeparated(normalized))
        for (const std::string& form : {word, " " + word})
            for (const std::string& piece : preTokenizer.split(form))
                ++counts[piece];
}

WordCounts countWords(const std::vector<std::string>& corpus, const PreTokenizer& preTokenizer)
{
    // encode cuts the pad token out of the raw text before anything else, so
    // the text on either side of it is counted apart.
    const AddedTokenMatcher padMatcher({padToken(0)});
    WordCounts counts;
    for (std::size_t index = 0; index < corpus.size(); ++index) {
        const std::string& line = corpus[index];
        requireUtf8(line, index);
        for (const TextSegment& segment : padMatcher.split(line, false))
            if (!segment.token)
                countWordsOf(line.substr(segment.begin, segment.end - segment.begin), preTokenizer, counts);
    }
    return counts;
}

// Learns the merges over counted words, one pair at a time, the way
// BpeModel applies them again: all occurrences of the chosen pair in a word,
// left to right.
class MergeLearner {
public:
    explicit MergeLearner(const WordCounts& counts)
    {
        for (const std::string& symbol : byteSymbolsInVocabularyOrder())
            idOf(symbol);
        for (const auto& [word, count] : counts)
            m_words.push_back({initialTokens(word), count});
    }

    // Stops when every word is one token, or when the next merge would make
    // a new token past maxTokens.
    void learn(std::size_t maxTokens)
    {
        while (const auto pair = mostFrequentPair()) {
            const std::string merged = m_tokens[pair->first] + m_tokens[pair->second];
            if (!m_ids.count(merged) && m_tokens.size() >= maxTokens)
                return;
            m_merges.emplace_back(m_tokens[pair->first], m_tokens[pair->second]);
            mergeEverywhere(*pair, idOf(merged));
        }
    }

    const std::vector<std::string>& tokens() const { return m_tokens; }
    const std::vector<std::pair<std::string, std::string>>& merges() const { return m_merges; }

private:
    struct Word {
        std::vector<TokenId> tokens;
        std::int64_t count = 0;
    };

    TokenId idOf(const std::string& token)
    {
        const auto [it, inserted] = m_ids.emplace(token, static_cast<TokenId>(m_tokens.size()));
        if (inserted)
            m_tokens.push_back(token);
        return it->second;
    }

    // A pre-tokenized word is spelled in byte symbols, one character each.
    std::vector<TokenId> initialTokens(const std::string& word) const
    {
        std::vector<TokenId> tokens;
        for (char32_t symbol : decodeUtf8(word)) {
            std::string text;
            appendUtf8(text, symbol);
            tokens.push_back(m_ids.at(text));
        }
        return tokens;
    }

    // Ties go by the tokens' texts, not their ids or a hash order, so the
    // choice is easy to explain and never changes between runs.
    bool sortsBefore(const TokenPair& a, const TokenPair& b) const
    {
        if (m_tokens[a.first] != m_tokens[b.first])
            return m_tokens[a.first] < m_tokens[b.first];
        return m_tokens[a.second] < m_tokens[b.second];
    }

    // Recounted from scratch each time: a prompt corpus has a few hundred
    // distinct words, so the simple way is fast enough.
    std::optional<TokenPair> mostFrequentPair() const
    {
        std::map<TokenPair, std::int64_t> counts;
        for (const Word& word : m_words)
            for (std::size_t i = 0; i + 1 < word.tokens.size(); ++i)
                counts[{word.tokens[i], word.tokens[i + 1]}] += word.count;
        std::optional<TokenPair> best;
        std::int64_t bestCount = 0;
        for (const auto& [pair, count] : counts) {
            if (!best || count > bestCount || (count == bestCount && sortsBefore(pair, *best))) {
                best = pair;
                bestCount = count;
            }
        }
        return best;
    }

    void mergeEverywhere(const TokenPair& pair, TokenId merged)
    {
        for (Word& word : m_words) {
            std::vector<TokenId> out;
            out.reserve(word.tokens.size());
            for (std::size_t i = 0; i < word.tokens.size(); ++i) {
                if (i + 1 < word.tokens.size() && word.tokens[i] == pair.first && word.tokens[i + 1] == pair.second) {
                    out.push_back(merged);
                    ++i;
                } else {
                    out.push_back(word.tokens[i]);
                }
            }
            word.tokens = std::move(out);
        }
    }

    std::vector<std::string> m_tokens; // id -> token
    std::unordered_map<std::string, TokenId> m_ids;
    std::vector<Word> m_words;
    std::vector<std::pair<std::string, std::string>> m_merges; // in rank order
};

OrderedJson modelJson(const MergeLearner& learner)
{
    OrderedJson vocab = OrderedJson::object();
    for (std::size_t id = 0; id < learner.tokens().size(); ++id)
        vocab[learner.tokens()[id]] = id;
    // "left right" as Qwen2 writes them: byte symbols never contain a space.
    OrderedJson merges = OrderedJson::array();
    for (const auto& [left, right] : learner.merges())
        merges.push_back(left + " " + right);
    return {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr}, {"continuing_subword_prefix", ""},
        {"end_of_word_suffix", ""}, {"fuse_unk", false}, {"byte_fallback", false}, {"ignore_merges", false},
        {"vocab", std::move(vocab)}, {"merges", std::move(merges)}};
}

OrderedJson tokenizerJson(const MergeLearner& learner)
{
    const auto padId = static_cast<TokenId>(learner.tokens().size());
    OrderedJson root;
    root["version"] = "1.0";
    root["truncation"] = nullptr;
    root["padding"] = nullptr;
    root["added_tokens"] = OrderedJson::array({addedTokenJson(padToken(padId))});
    root["normalizer"] = {{"type", "NFC"}};
    root["pre_tokenizer"] = preTokenizerJson();
    root["post_processor"] = byteLevelJson();
    root["decoder"] = byteLevelJson();
    root["model"] = modelJson(learner);
    return root;
}

} // namespace

std::string trainByteLevelBpe(const std::vector<std::string>& corpus, const BpeTrainingOptions& options)
{
    if (options.vocabLimit < kByteSymbolCount + 1)
        throw EngineError("Cannot train a tokenizer with at most " + std::to_string(options.vocabLimit)
            + " ids: the 256 byte symbols and the pad token need " + std::to_string(kByteSymbolCount + 1) + ".");
    // The same pre-tokenizer the file describes, so the words counted are
    // the words encode will merge.
    const PreTokenizer preTokenizer = PreTokenizer::fromJson(nlohmann::json(preTokenizerJson()), "BPE trainer");
    MergeLearner learner(countWords(corpus, preTokenizer));
    learner.learn(static_cast<std::size_t>(options.vocabLimit) - 1); // the last id is the pad token's
    return tokenizerJson(learner).dump(1);
}

} // namespace cosmos::engine::text
