#include "engine/text/utf8.h"

#include <cstdint>

namespace cosmos::engine::text {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

struct Scan {
    std::size_t length = 1; // bytes consumed: the sequence, or the maximal ill-formed subpart
    bool valid = false;
    char32_t code = kReplacement;
};

// One step of the Unicode "maximal subpart" reading (Table 3-7 of the
// standard): the second byte's range depends on the lead byte, which is how
// overlong forms, surrogates and code points past U+10FFFF are refused.
Scan scanAt(const std::string& s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
    const std::uint8_t lead = byte(i);
    Scan scan;
    if (lead < 0x80) {
        scan.valid = true;
        scan.code = lead;
        return scan;
    }
    std::size_t need = 0;
    std::uint8_t low = 0x80;
    std::uint8_t high = 0xBF;
    char32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
        code = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        code = lead & 0x0Fu;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        code = lead & 0x07u;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return scan; // a stray continuation byte, C0, C1 or F5..FF
    }
    std::size_t k = i + 1;
    for (std::size_t n = 0; n < need; ++n, ++k) {
        if (k >= s.size())
            break;
        const std::uint8_t b = byte(k);
        if (b < low || b > high)
            break;
        code = (code << 6) | (b & 0x3Fu);
        low = 0x80;
        high = 0xBF;
        if (n + 1 == need) {
            scan.length = need + 1;
            scan.valid = true;
            scan.code = code;
            return scan;
        }
    }
    scan.length = k - i;
    return scan;
}

} // namespace

std::optional<std::size_t> findInvalidUtf8(const std::string& bytes)
{
    for (std::size_t i = 0; i < bytes.size();) {
        const Scan scan = scanAt(bytes, i);
        if (!scan.valid)
            return i;
        i += scan.length;
    }
    return std::nullopt;
}

std::u32string decodeUtf8(const std::string& utf8)
{
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const Scan scan = scanAt(utf8, i);
        out.push_back(scan.code);
        i += scan.length;
    }
    return out;
}

void appendUtf8(std::string& out, char32_t code)
{
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

std::string encodeUtf8(const std::u32string& codes)
{
    std::string out;
    out.reserve(codes.size());
    for (char32_t code : codes)
        appendUtf8(out, code);
    return out;
}

std::string utf8Lossy(const std::string& bytes)
{
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size();) {
        const Scan scan = scanAt(bytes, i);
        if (scan.valid)
            out.append(bytes, i, scan.length);
        else
            appendUtf8(out, kReplacement);
        i += scan.length;
    }
    return out;
}

} // namespace cosmos::engine::text
