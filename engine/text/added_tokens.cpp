#include "engine/text/added_tokens.h"

#include <algorithm>

#include "engine/text/pcre2_regex.h"
#include "engine/text/utf8.h"

namespace cosmos::engine::text {

namespace {

// The last code point of text[0, end) and where it starts.
char32_t codeBefore(const std::string& text, std::size_t end, std::size_t* start)
{
    std::size_t i = end;
    do {
        --i;
    } while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80);
    if (start)
        *start = i;
    return decodeUtf8(text.substr(i, end - i)).front();
}

std::size_t codeLength(const std::string& text, std::size_t begin)
{
    const auto lead = static_cast<unsigned char>(text[begin]);
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// A word character as the regex crate's \w (Hugging Face's single_word test).
bool isWordCharacter(const std::string& utf8Character)
{
    static const Pcre2Regex word
        = Pcre2Regex::compile(R"([\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}])", false, "", "word characters");
    return !word.findAll(utf8Character).empty();
}

bool endsWithWord(const std::string& text, std::size_t end)
{
    if (end == 0)
        return false;
    std::size_t start = 0;
    codeBefore(text, end, &start);
    return isWordCharacter(text.substr(start, end - start));
}

bool startsWithWord(const std::string& text, std::size_t begin)
{
    if (begin >= text.size())
        return false;
    return isWordCharacter(text.substr(begin, codeLength(text, begin)));
}

} // namespace

bool isUnicodeWhiteSpace(char32_t code)
{
    return (code >= 0x09 && code <= 0x0D) || code == 0x20 || code == 0x85 || code == 0xA0 || code == 0x1680
        || (code >= 0x2000 && code <= 0x200A) || code == 0x2028 || code == 0x2029 || code == 0x202F || code == 0x205F
        || code == 0x3000;
}

AddedTokenMatcher::AddedTokenMatcher(std::vector<AddedToken> tokens) : m_tokens(std::move(tokens)), m_byFirstByte(256)
{
    for (std::size_t i = 0; i < m_tokens.size(); ++i)
        if (!m_tokens[i].content.empty())
            m_byFirstByte[static_cast<unsigned char>(m_tokens[i].content[0])].push_back(i);
    for (auto& candidates : m_byFirstByte)
        std::stable_sort(candidates.begin(), candidates.end(),
            [this](std::size_t a, std::size_t b) { return m_tokens[a].content.size() > m_tokens[b].content.size(); });
}

std::vector<TextSegment> AddedTokenMatcher::split(const std::string& text, bool skipSpecial) const
{
    std::vector<TextSegment> segments;
    std::size_t plainStart = 0; // where the pending plain text begins
    std::size_t position = 0;
    while (!m_tokens.empty() && position < text.size()) {
        // Leftmost-longest: the first position with any match, its longest token.
        std::optional<std::size_t> found;
        for (std::size_t index : m_byFirstByte[static_cast<unsigned char>(text[position])]) {
            const std::string& content = m_tokens[index].content;
            if (text.compare(position, content.size(), content) == 0) {
                found = index;
                break;
            }
        }
        if (!found) {
            ++position;
            continue;
        }
        const AddedToken& token = m_tokens[*found];
        std::size_t begin = position;
        std::size_t end = position + token.content.size();
        // Hugging Face skips a discarded match whole, never re-reading inside it.
        position = end;
        if (skipSpecial && token.special)
            continue;
        if (token.singleWord && (endsWithWord(text, begin) || startsWithWord(text, end)))
            continue;
        if (token.lstrip) {
            while (begin > plainStart) {
                std::size_t start = 0;
                if (!isUnicodeWhiteSpace(codeBefore(text, begin, &start)))
                    break;
                begin = start;
            }
        }
        if (token.rstrip) {
            while (end < text.size()) {
                const std::size_t length = codeLength(text, end);
                if (!isUnicodeWhiteSpace(decodeUtf8(text.substr(end, length)).front()))
                    break;
                end += length;
            }
            position = end;
        }
        if (plainStart < begin)
            segments.push_back({plainStart, begin, std::nullopt});
        segments.push_back({begin, end, *found});
        plainStart = end;
    }
    if (plainStart < text.size())
        segments.push_back({plainStart, text.size(), std::nullopt});
    return segments;
}

} // namespace cosmos::engine::text
