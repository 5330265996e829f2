#include "engine/text/pcre2_regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "engine/text/tokenizer_error.h"

namespace cosmos::engine::text {

namespace {

std::string pcre2Message(int code)
{
    PCRE2_UCHAR buffer[256];
    if (pcre2_get_error_message(code, buffer, sizeof(buffer)) < 0)
        return "PCRE2 error " + std::to_string(code);
    return std::string(reinterpret_cast<const char*>(buffer));
}

struct MatchDataDeleter {
    void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};

std::size_t utf8Length(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

} // namespace

struct Pcre2Regex::Compiled {
    std::string pattern;
    std::string source; // for error messages while matching
    pcre2_code* code = nullptr;
    bool jit = false;

    Compiled() = default;
    Compiled(const Compiled&) = delete;
    Compiled& operator=(const Compiled&) = delete;
    ~Compiled() { pcre2_code_free(code); }
};

std::string withOnigurumaSpaces(const std::string& pattern)
{
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '\\' || i + 1 >= pattern.size()) {
            out += pattern[i];
            continue;
        }
        const char next = pattern[i + 1];
        if (next == 'Q') { // \Q...\E is literal text
            const std::size_t end = pattern.find("\\E", i + 2);
            const std::size_t stop = end == std::string::npos ? pattern.size() : end + 2;
            out.append(pattern, i, stop - i);
            i = stop - 1;
        } else if (next == 's') {
            out += "\\p{White_Space}";
            ++i;
        } else if (next == 'S') {
            out += "\\P{White_Space}";
            ++i;
        } else {
            out += pattern[i];
            out += next;
            ++i;
        }
    }
    return out;
}

Pcre2Regex Pcre2Regex::compile(
    const std::string& pattern, bool literal, const std::string& source, const std::string& context)
{
    auto compiled = std::make_shared<Compiled>();
    compiled->pattern = pattern;
    compiled->source = source;
    const std::string text = literal ? pattern : withOnigurumaSpaces(pattern);
    // PCRE2_LITERAL admits PCRE2_UTF but not PCRE2_UCP (which a literal does not need).
    const uint32_t options = PCRE2_UTF | (literal ? PCRE2_LITERAL : PCRE2_UCP);
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    compiled->code = pcre2_compile(
        reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), options, &errorCode, &errorOffset, nullptr);
    if (!compiled->code) {
        throw TokenizerError(source,
            context + ": invalid regular expression '" + pattern + "': " + pcre2Message(errorCode) + " (at offset "
                + std::to_string(errorOffset) + " of the pattern as given to PCRE2)");
    }
    uint32_t jitAvailable = 0;
    pcre2_config(PCRE2_CONFIG_JIT, &jitAvailable);
    if (jitAvailable)
        compiled->jit = pcre2_jit_compile(compiled->code, PCRE2_JIT_COMPLETE) == 0;
    return Pcre2Regex(std::move(compiled));
}

std::vector<Pcre2Regex::Match> Pcre2Regex::findAll(const std::string& subject) const
{
    std::vector<Match> matches;
    std::unique_ptr<pcre2_match_data, MatchDataDeleter> data(
        pcre2_match_data_create_from_pattern(m_compiled->code, nullptr));
    if (!data)
        throw TokenizerError(m_compiled->source, "out of memory for a regex match");
    const auto* text = reinterpret_cast<PCRE2_SPTR>(subject.data());
    std::size_t position = 0;
    bool matchedBefore = false;
    std::size_t lastMatchEnd = 0;
    while (position <= subject.size()) {
        // The caller validated the UTF-8 once; PCRE2 need not check it per call.
        int rc = pcre2_match(m_compiled->code, text, subject.size(), position, PCRE2_NO_UTF_CHECK, data.get(), nullptr);
        if (rc == PCRE2_ERROR_JIT_STACKLIMIT) {
            // The JIT's small default stack; the interpreter uses the heap.
            rc = pcre2_match(m_compiled->code, text, subject.size(), position, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT,
                data.get(), nullptr);
        }
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            throw TokenizerError(
                m_compiled->source, "matching the regex '" + m_compiled->pattern + "' failed: " + pcre2Message(rc));
        }
        const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
        const std::size_t begin = ovector[0];
        const std::size_t end = ovector[1];
        if (begin == end && matchedBefore && end == lastMatchEnd) {
            if (position >= subject.size())
                break;
            position += utf8Length(static_cast<unsigned char>(subject[position]));
            continue;
        }
        matches.push_back({begin, end});
        matchedBefore = true;
        lastMatchEnd = end;
        position = end;
    }
    return matches;
}

const std::string& Pcre2Regex::pattern() const
{
    return m_compiled->pattern;
}

bool Pcre2Regex::usesJit() const
{
    return m_compiled->jit;
}

} // namespace cosmos::engine::text
