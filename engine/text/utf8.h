// UTF-8 helpers for the text tokenizer: strict decoding (RFC 3629: no
// overlong forms, no surrogates, nothing past U+10FFFF), encoding, and the
// lossy conversion a decoder needs for token boundaries that cut a character.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace cosmos::engine::text {

// The byte offset of the first invalid sequence, or nothing when the whole
// text is valid UTF-8.
std::optional<std::size_t> findInvalidUtf8(const std::string& bytes);

// Decodes valid UTF-8 (check with findInvalidUtf8 first: invalid input is
// decoded as U+FFFD per bad byte, never read out of bounds).
std::u32string decodeUtf8(const std::string& utf8);

void appendUtf8(std::string& out, char32_t code);
std::string encodeUtf8(const std::u32string& codes);

// Valid UTF-8 from any bytes: each maximal ill-formed subpart becomes one
// U+FFFD, as Rust's String::from_utf8_lossy does (and so Hugging Face's
// ByteLevel decoder).
std::string utf8Lossy(const std::string& bytes);

} // namespace cosmos::engine::text
