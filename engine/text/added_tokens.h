// The "added_tokens" of a tokenizer.json (<|endoftext|>, <|im_start|>, ...):
// found in the text before BPE and kept whole, longest first at the leftmost
// position (Hugging Face's AddedVocabulary with a leftmost-longest
// Aho-Corasick), with its single_word, lstrip and rstrip rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cosmos::engine::text {

struct AddedToken {
    std::int32_t id = 0;
    std::string content;
    bool special = false;
    bool singleWord = false; // only where not inside a word
    bool lstrip = false; // takes the whitespace on its left
    bool rstrip = false; // takes the whitespace on its right
    bool normalized = true; // matched in normalized text, not in the raw input
};

// A run of text: either one added token or plain text for BPE.
struct TextSegment {
    std::size_t begin = 0; // byte offsets
    std::size_t end = 0;
    std::optional<std::size_t> token; // index into the matcher's tokens
};

class AddedTokenMatcher {
public:
    AddedTokenMatcher() = default;
    // The tokens to look for, their content as it appears in the text being
    // split (so normalized for the normalized matcher).
    explicit AddedTokenMatcher(std::vector<AddedToken> tokens);

    // Cuts text (valid UTF-8) into segments covering it in order; never an
    // empty segment. With skipSpecial, special tokens are plain text.
    std::vector<TextSegment> split(const std::string& text, bool skipSpecial) const;

    const std::vector<AddedToken>& tokens() const { return m_tokens; }
    bool empty() const { return m_tokens.empty(); }

private:
    std::vector<AddedToken> m_tokens;
    std::vector<std::vector<std::size_t>> m_byFirstByte; // token indices, longest first
};

// Unicode White_Space, as Rust's char::is_whitespace (what lstrip and rstrip strip).
bool isUnicodeWhiteSpace(char32_t code);

} // namespace cosmos::engine::text
