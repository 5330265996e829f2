// A compiled PCRE2 pattern (8-bit, UTF + UCP, JIT where the library has it)
// for the pre-tokenisation regexes of tokenizer.json. Hugging Face compiles
// them with Oniguruma; for the patterns GPT-2 and Qwen2 use the two agree
// (\p{L}, \p{N}, (?i:...), (?!...)) once \s means what it means to
// Oniguruma (see withOnigurumaSpaces).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cosmos::engine::text {

class Pcre2Regex {
public:
    struct Match {
        std::size_t begin = 0; // byte offsets into the subject
        std::size_t end = 0;
    };

    // A regex (literal = false) or a plain string to find (literal = true).
    // Throws TokenizerError(source, context + PCRE2's message and offset)
    // when the pattern does not compile.
    static Pcre2Regex compile(
        const std::string& pattern, bool literal, const std::string& source, const std::string& context);

    // Successive non-overlapping matches, leftmost first. An empty match is
    // reported but never right where the previous match ended (as Rust's
    // onig crate iterates). subject must be valid UTF-8. Throws
    // TokenizerError when PCRE2 fails (e.g. its match limit).
    std::vector<Match> findAll(const std::string& subject) const;

    const std::string& pattern() const;
    bool usesJit() const;

private:
    struct Compiled;
    explicit Pcre2Regex(std::shared_ptr<const Compiled> compiled) : m_compiled(std::move(compiled)) { }

    std::shared_ptr<const Compiled> m_compiled; // immutable: matching from several threads is safe
};

// The pattern with Oniguruma's \s and \S, the Unicode White_Space property,
// spelled out for PCRE2: PCRE2's UCP \s also matches U+180E MONGOLIAN VOWEL
// SEPARATOR, which is not White_Space since Unicode 6.3. compile applies it
// to every regex. Exposed for tests.
std::string withOnigurumaSpaces(const std::string& pattern);

} // namespace cosmos::engine::text
