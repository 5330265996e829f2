// The text tokenizer of Cosmos-Predict2.5's text encoder (Cosmos-Reason1,
// i.e. Qwen2.5-VL-7B): a Hugging Face tokenizer.json with a byte-level BPE
// model, encoded the way the Rust `tokenizers` library does it:
//
//   1. added tokens (<|im_start|>, ...) whose "normalized" is false are cut
//      out of the raw text, leftmost-longest, and stay one id each;
//   2. the rest is normalized (NFC, for Qwen2) and cut at added tokens whose
//      "normalized" is true;
//   3. the pre_tokenizer cuts it into words (Qwen2's regex, then ByteLevel:
//      each byte becomes a printable symbol, see byte_level.h);
//   4. each word is merged by BPE (lowest merge rank first) into ids.
//
// Decoding is ByteLevel: the tokens' symbols back to bytes, then UTF-8
// (an incomplete character becomes U+FFFD).
//
// Anything in the file this class would not reproduce exactly is an error,
// not a silent difference: model types other than BPE, normalizers other
// than NFC, pre-tokenizers other than Split/ByteLevel, post-processors that
// add tokens, decoders other than ByteLevel, BPE dropout. The file's
// "truncation" and "padding" are not applied (Qwen2 has neither; the text
// encoder pads by itself, see prompt_template.h).
//
//   auto tokenizer = BpeTokenizer::fromFile(dir + "/tokenizer.json");
//   std::vector<int32_t> ids = tokenizer.encode("A robot arm picks up a cup.");
//
// Thread-safe: const methods may be called from several threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/text/added_tokens.h"
#include "engine/text/tokenizer_error.h"

namespace cosmos::engine::text {

class BpeTokenizer {
public:
    // Throws TokenizerError naming the file and what is wrong in it.
    static BpeTokenizer fromFile(const std::string& tokenizerJsonPath);
    // sourceName stands for the file in error messages.
    static BpeTokenizer fromJson(const std::string& jsonText, const std::string& sourceName);

    BpeTokenizer(BpeTokenizer&&) noexcept;
    BpeTokenizer& operator=(BpeTokenizer&&) noexcept;
    ~BpeTokenizer();

    // utf8 must be valid UTF-8 (else TokenizerError). With
    // parseSpecialTokens false, special added tokens in the text are plain
    // text (Hugging Face's split_special_tokens); non-special added tokens
    // are still kept whole. No tokens are added around the text.
    std::vector<std::int32_t> encode(const std::string& utf8, bool parseSpecialTokens = true) const;

    // Throws TokenizerError for an id that is neither in the vocabulary nor
    // an added token.
    std::string decode(const std::vector<std::int32_t>& ids, bool skipSpecial = false) const;

    // Each id's token as spelled in the file (byte-level symbols, e.g.
    // "Ġcat" for " cat"); throws TokenizerError for an unknown id.
    std::vector<std::string> pieces(const std::vector<std::int32_t>& ids) const;

    // The id of a token spelled as in the file (vocabulary or added token).
    std::optional<std::int32_t> tokenId(const std::string& token) const;
    bool isSpecial(std::int32_t id) const;

    // One more than the largest id (vocabulary and added tokens): the
    // number of rows an embedding table needs at least. 151665 for Qwen2.5.
    std::int32_t vocabSize() const;

    // The words BPE sees for a text without added tokens (normalized,
    // pre-tokenized, in byte-level symbols); for tests and diagnostics.
    std::vector<std::string> preTokenize(const std::string& utf8) const;

    const std::vector<AddedToken>& addedTokens() const;
    const std::string& source() const;
    // e.g. "BPE, 151643 tokens, 151387 merges, 22 added, NFC, Split(Isolated) > ByteLevel"
    std::string describe() const;

private:
    struct Impl;
    explicit BpeTokenizer(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> m_impl;
};

} // namespace cosmos::engine::text
