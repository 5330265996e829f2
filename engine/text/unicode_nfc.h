// Unicode Normalization Form C, the normalizer of Qwen2's tokenizer.json.
// Canonical decomposition, canonical ordering and canonical composition per
// UAX #15, Hangul algorithmically, the rest from generated tables (Unicode
// version in nfcUnicodeVersion(); Debian 12's PCRE2 uses the same one).
#pragma once

#include <string>

namespace cosmos::engine::text {

// utf8 must be valid UTF-8 (see findInvalidUtf8). Text whose code points are
// all below U+0300 is returned unchanged without decoding.
std::string normalizeNfc(const std::string& utf8);

// The canonical combining class of a code point (0 for starters).
int canonicalCombiningClass(char32_t code);

const char* nfcUnicodeVersion();

} // namespace cosmos::engine::text
