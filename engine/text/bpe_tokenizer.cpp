#include "engine/text/bpe_tokenizer.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "engine/text/bpe_model.h"
#include "engine/text/byte_level.h"
#include "engine/text/pre_tokenizer.h"
#include "engine/text/unicode_nfc.h"
#include "engine/text/utf8.h"

namespace cosmos::engine::text {

using nlohmann::json;

namespace {

std::string inQuotes(const std::string& text)
{
    return "\"" + text + "\"";
}

std::string typeOf(const json& value, const std::string& source, const std::string& where)
{
    if (!value.is_object() || !value.contains("type") || !value["type"].is_string())
        throw TokenizerError(source, where + " must be an object with a \"type\", found " + value.dump());
    return value["type"].get<std::string>();
}

bool boolField(const json& object, const char* key, bool fallback, const std::string& source, const std::string& where)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return fallback;
    if (!it->is_boolean())
        throw TokenizerError(source, where + "." + key + " must be true or false, found " + it->dump());
    return it->get<bool>();
}

std::optional<std::string> stringField(
    const json& object, const char* key, const std::string& source, const std::string& where)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return std::nullopt;
    if (!it->is_string())
        throw TokenizerError(source, where + "." + key + " must be a string, found " + it->dump());
    return it->get<std::string>();
}

std::int32_t idValue(const json& value, const std::string& source, const std::string& what)
{
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > INT32_MAX)
        throw TokenizerError(source, what + " must be an id (an integer from 0 to 2^31-1), found " + value.dump());
    return static_cast<std::int32_t>(value.get<std::int64_t>());
}

// Bytes that valid UTF-8 never contains need no vocabulary symbol.
bool occursInUtf8(unsigned byte)
{
    return byte != 0xC0 && byte != 0xC1 && byte < 0xF5;
}

} // namespace

struct BpeTokenizer::Impl {
    std::string source;
    bool nfc = false;
    std::string normalizerName = "no normalizer";
    std::optional<BpeModel> model;
    PreTokenizer preTokenizer;
    std::vector<AddedToken> addedTokens; // as in the file
    std::unordered_map<std::int32_t, std::size_t> addedById; // id -> index into addedTokens
    std::unordered_map<std::string, std::int32_t> addedByContent;
    AddedTokenMatcher rawMatcher; // tokens with normalized = false
    AddedTokenMatcher normalizedMatcher; // tokens with normalized = true, content normalized

    void parseModel(const json& root);
    void parseNormalizer(const json& value, const std::string& where);
    void parseAddedTokens(const json& root);
    void checkPostProcessor(const json& value, const std::string& where) const;
    void checkDecoder(const json& root) const;
    void checkByteSymbols() const;

    std::string normalize(const std::string& text) const { return nfc ? normalizeNfc(text) : text; }
    void requireUtf8(const std::string& text, const char* what) const
    {
        if (const auto offset = findInvalidUtf8(text))
            throw TokenizerError(
                source, std::string(what) + " is not valid UTF-8 (at byte " + std::to_string(*offset) + ")");
    }
    const std::string& tokenOf(std::int32_t id) const
    {
        const auto added = addedById.find(id);
        if (added != addedById.end())
            return addedTokens[added->second].content;
        if (const std::string* token = model->idToToken(id))
            return *token;
        throw TokenizerError(source, "id " + std::to_string(id) + " is neither in model.vocab nor an added token");
    }
};

void BpeTokenizer::Impl::parseModel(const json& root)
{
    const auto it = root.find("model");
    if (it == root.end() || it->is_null())
        throw TokenizerError(source, "has no \"model\" section");
    const json& modelJson = *it;
    if (!modelJson.is_object())
        throw TokenizerError(source, "\"model\" must be an object, found " + modelJson.dump());
    const auto type = stringField(modelJson, "type", source, "model");
    if (!type)
        throw TokenizerError(source, "model.type is missing (expected \"BPE\")");
    if (*type != "BPE")
        throw TokenizerError(source, "model.type is " + inQuotes(*type) + "; only \"BPE\" is supported");

    BpeModelConfig config;
    const auto vocab = modelJson.find("vocab");
    if (vocab == modelJson.end() || !vocab->is_object())
        throw TokenizerError(source, "model.vocab is missing or not an object of token -> id");
    for (const auto& [token, id] : vocab->items())
        config.vocab.emplace(token, idValue(id, source, "model.vocab[" + inQuotes(token) + "]"));

    const auto merges = modelJson.find("merges");
    if (merges == modelJson.end() || !merges->is_array())
        throw TokenizerError(source, "model.merges is missing or not an array");
    config.merges.reserve(merges->size());
    for (std::size_t i = 0; i < merges->size(); ++i) {
        const json& merge = (*merges)[i];
        const std::string where = "model.merges[" + std::to_string(i) + "]";
        if (merge.is_string()) {
            // The older format: "left right", exactly one space.
            const std::string text = merge.get<std::string>();
            const std::size_t space = text.find(' ');
            if (space == std::string::npos || space == 0 || space + 1 == text.size()
                || text.find(' ', space + 1) != std::string::npos)
                throw TokenizerError(source, where + " is " + inQuotes(text) + "; expected two tokens as \"a b\"");
            config.merges.emplace_back(text.substr(0, space), text.substr(space + 1));
        } else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() && merge[1].is_string()) {
            config.merges.emplace_back(merge[0].get<std::string>(), merge[1].get<std::string>());
        } else {
            throw TokenizerError(source, where + " is " + merge.dump() + "; expected \"a b\" or [\"a\", \"b\"]");
        }
    }

    const auto dropout = modelJson.find("dropout");
    if (dropout != modelJson.end() && !dropout->is_null()) {
        if (!dropout->is_number())
            throw TokenizerError(source, "model.dropout must be null or a number, found " + dropout->dump());
        if (dropout->get<double>() > 0.0)
            throw TokenizerError(source,
                "model.dropout is " + dropout->dump() + "; BPE dropout (random merges, for training) is not supported");
    }
    config.unkToken = stringField(modelJson, "unk_token", source, "model");
    config.continuingSubwordPrefix = stringField(modelJson, "continuing_subword_prefix", source, "model").value_or("");
    config.endOfWordSuffix = stringField(modelJson, "end_of_word_suffix", source, "model").value_or("");
    config.fuseUnk = boolField(modelJson, "fuse_unk", false, source, "model");
    config.byteFallback = boolField(modelJson, "byte_fallback", false, source, "model");
    config.ignoreMerges = boolField(modelJson, "ignore_merges", false, source, "model");
    model.emplace(std::move(config), source);
}

void BpeTokenizer::Impl::parseNormalizer(const json& value, const std::string& where)
{
    if (value.is_null())
        return;
    const std::string type = typeOf(value, source, where);
    if (type == "Sequence") {
        const auto list = value.find("normalizers");
        if (list == value.end() || !list->is_array())
            throw TokenizerError(source, where + " is a Sequence without a \"normalizers\" array");
        for (std::size_t i = 0; i < list->size(); ++i)
            parseNormalizer((*list)[i], where + ".normalizers[" + std::to_string(i) + "]");
        return;
    }
    if (type != "NFC") {
        throw TokenizerError(source,
            where + " has type " + inQuotes(type) + ", which is not supported (only NFC, alone or in a Sequence)");
    }
    nfc = true;
    normalizerName = std::string("NFC (Unicode ") + nfcUnicodeVersion() + ")";
}

void BpeTokenizer::Impl::parseAddedTokens(const json& root)
{
    const auto list = root.find("added_tokens");
    if (list == root.end() || list->is_null())
        return;
    if (!list->is_array())
        throw TokenizerError(source, "added_tokens must be an array, found " + list->dump());
    std::vector<AddedToken> raw;
    std::vector<AddedToken> normalized;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& entry = (*list)[i];
        const std::string where = "added_tokens[" + std::to_string(i) + "]";
        if (!entry.is_object() || !entry.contains("id") || !entry.contains("content"))
            throw TokenizerError(
                source, where + " must be an object with \"id\" and \"content\", found " + entry.dump());
        AddedToken token;
        token.id = idValue(entry["id"], source, where + ".id");
        const auto content = stringField(entry, "content", source, where);
        if (!content || content->empty())
            throw TokenizerError(source, where + ".content must be a non-empty string");
        token.content = *content;
        requireUtf8(token.content, (where + ".content").c_str());
        token.special = boolField(entry, "special", false, source, where);
        token.singleWord = boolField(entry, "single_word", false, source, where);
        token.lstrip = boolField(entry, "lstrip", false, source, where);
        token.rstrip = boolField(entry, "rstrip", false, source, where);
        token.normalized = boolField(entry, "normalized", !token.special, source, where);

        const std::string name = where + " " + inQuotes(token.content);
        if (const auto vocabId = model->tokenToId(token.content); vocabId && *vocabId != token.id) {
            throw TokenizerError(source,
                name + " has id " + std::to_string(token.id) + " but model.vocab gives it id "
                    + std::to_string(*vocabId));
        }
        if (const std::string* other = model->idToToken(token.id); other && *other != token.content) {
            throw TokenizerError(source,
                name + " has id " + std::to_string(token.id) + ", which model.vocab gives to " + inQuotes(*other));
        }
        if (addedById.count(token.id))
            throw TokenizerError(source,
                name + " repeats id " + std::to_string(token.id) + " of "
                    + inQuotes(addedTokens[addedById[token.id]].content));
        if (addedByContent.count(token.content))
            throw TokenizerError(source, name + " is listed twice");
        addedById.emplace(token.id, addedTokens.size());
        addedByContent.emplace(token.content, token.id);
        addedTokens.push_back(token);
        if (token.normalized) {
            token.content = normalize(token.content);
            normalized.push_back(token);
        } else {
            raw.push_back(token);
        }
    }
    rawMatcher = AddedTokenMatcher(std::move(raw));
    normalizedMatcher = AddedTokenMatcher(std::move(normalized));
}

void BpeTokenizer::Impl::checkPostProcessor(const json& value, const std::string& where) const
{
    if (value.is_null())
        return;
    const std::string type = typeOf(value, source, where);
    if (type == "ByteLevel")
        return; // only adjusts offsets
    if (type == "Sequence" && value.contains("processors") && value["processors"].is_array()) {
        for (std::size_t i = 0; i < value["processors"].size(); ++i)
            checkPostProcessor(value["processors"][i], where + ".processors[" + std::to_string(i) + "]");
        return;
    }
    throw TokenizerError(source,
        where + " has type " + inQuotes(type) + ", which is not supported (it may add tokens; only ByteLevel is)");
}

void BpeTokenizer::Impl::checkDecoder(const json& root) const
{
    const auto decoder = root.find("decoder");
    if (decoder == root.end() || decoder->is_null())
        throw TokenizerError(source, "has no decoder; a byte-level BPE needs the ByteLevel decoder");
    const std::string type = typeOf(*decoder, source, "decoder");
    if (type != "ByteLevel")
        throw TokenizerError(source, "decoder has type " + inQuotes(type) + "; only ByteLevel is supported");
}

void BpeTokenizer::Impl::checkByteSymbols() const
{
    if (!preTokenizer.hasByteLevel())
        throw TokenizerError(source,
            "pre_tokenizer has no ByteLevel step (" + preTokenizer.describe() + "); only byte-level BPE is supported");
    for (unsigned byte = 0; byte < 256; ++byte) {
        if (!occursInUtf8(byte))
            continue;
        std::string symbol;
        appendUtf8(symbol, byteToSymbol(static_cast<std::uint8_t>(byte)));
        if (!model->tokenToId(symbol)) {
            char hex[8];
            std::snprintf(hex, sizeof(hex), "0x%02X", byte);
            throw TokenizerError(source,
                "model.vocab lacks the byte-level symbol " + inQuotes(symbol) + " (byte " + hex
                    + "); a byte-level vocabulary needs one for every byte");
        }
    }
}

BpeTokenizer::BpeTokenizer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) { }
BpeTokenizer::BpeTokenizer(BpeTokenizer&&) noexcept = default;
BpeTokenizer& BpeTokenizer::operator=(BpeTokenizer&&) noexcept = default;
BpeTokenizer::~BpeTokenizer() = default;

BpeTokenizer BpeTokenizer::fromFile(const std::string& tokenizerJsonPath)
{
    std::ifstream in(tokenizerJsonPath, std::ios::binary);
    if (!in)
        throw TokenizerError(tokenizerJsonPath, std::string("cannot be opened: ") + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw TokenizerError(tokenizerJsonPath, std::string("cannot be read: ") + std::strerror(errno));
    return fromJson(text.str(), tokenizerJsonPath);
}

BpeTokenizer BpeTokenizer::fromJson(const std::string& jsonText, const std::string& sourceName)
{
    auto impl = std::make_unique<Impl>();
    impl->source = sourceName;
    json root;
    try {
        root = json::parse(jsonText);
    } catch (const json::parse_error& e) {
        throw TokenizerError(sourceName, std::string("is not valid JSON: ") + e.what());
    }
    if (!root.is_object())
        throw TokenizerError(sourceName, "must hold a JSON object, found " + std::string(root.type_name()));
    impl->parseModel(root);
    impl->parseNormalizer(root.value("normalizer", json()), "normalizer");
    impl->preTokenizer = PreTokenizer::fromJson(root.value("pre_tokenizer", json()), sourceName);
    impl->checkByteSymbols();
    impl->checkPostProcessor(root.value("post_processor", json()), "post_processor");
    impl->checkDecoder(root);
    impl->parseAddedTokens(root);
    return BpeTokenizer(std::move(impl));
}

std::vector<std::int32_t> BpeTokenizer::encode(const std::string& utf8, bool parseSpecialTokens) const
{
    const Impl& d = *m_impl;
    d.requireUtf8(utf8, "the text to encode");
    std::vector<std::int32_t> ids;
    const bool skipSpecial = !parseSpecialTokens;
    for (const TextSegment& segment : d.rawMatcher.split(utf8, skipSpecial)) {
        if (segment.token) {
            ids.push_back(d.rawMatcher.tokens()[*segment.token].id);
            continue;
        }
        const std::string normalized = d.normalize(utf8.substr(segment.begin, segment.end - segment.begin));
        for (const TextSegment& part : d.normalizedMatcher.split(normalized, skipSpecial)) {
            if (part.token) {
                ids.push_back(d.normalizedMatcher.tokens()[*part.token].id);
                continue;
            }
            for (const std::string& word : d.preTokenizer.split(normalized.substr(part.begin, part.end - part.begin)))
                d.model->tokenize(word, ids);
        }
    }
    return ids;
}

std::string BpeTokenizer::decode(const std::vector<std::int32_t>& ids, bool skipSpecial) const
{
    std::string bytes;
    for (std::int32_t id : ids) {
        const std::string& token = m_impl->tokenOf(id);
        if (skipSpecial && isSpecial(id))
            continue;
        // A token that is not all byte symbols (an added token such as
        // "<|im_end|>" may not be) stands for its own UTF-8.
        if (const auto decoded = symbolsToBytes(token))
            bytes += *decoded;
        else
            bytes += token;
    }
    return utf8Lossy(bytes);
}

std::vector<std::string> BpeTokenizer::pieces(const std::vector<std::int32_t>& ids) const
{
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (std::int32_t id : ids)
        out.push_back(m_impl->tokenOf(id));
    return out;
}

std::optional<std::int32_t> BpeTokenizer::tokenId(const std::string& token) const
{
    const auto added = m_impl->addedByContent.find(token);
    if (added != m_impl->addedByContent.end())
        return added->second;
    return m_impl->model->tokenToId(token);
}

bool BpeTokenizer::isSpecial(std::int32_t id) const
{
    const auto it = m_impl->addedById.find(id);
    return it != m_impl->addedById.end() && m_impl->addedTokens[it->second].special;
}

std::int32_t BpeTokenizer::vocabSize() const
{
    std::int32_t maxId = m_impl->model->maxId();
    for (const AddedToken& token : m_impl->addedTokens)
        maxId = std::max(maxId, token.id);
    return maxId + 1;
}

std::vector<std::string> BpeTokenizer::preTokenize(const std::string& utf8) const
{
    m_impl->requireUtf8(utf8, "the text to pre-tokenize");
    return m_impl->preTokenizer.split(m_impl->normalize(utf8));
}

const std::vector<AddedToken>& BpeTokenizer::addedTokens() const
{
    return m_impl->addedTokens;
}

const std::string& BpeTokenizer::source() const
{
    return m_impl->source;
}

std::string BpeTokenizer::describe() const
{
    const Impl& d = *m_impl;
    return "BPE, " + std::to_string(d.model->vocabCount()) + " tokens, " + std::to_string(d.model->mergeCount())
        + " merges, " + std::to_string(d.addedTokens.size()) + " added, " + d.normalizerName + ", "
        + d.preTokenizer.describe();
}

} // namespace cosmos::engine::text
