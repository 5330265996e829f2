#include "engine/text/unicode_nfc.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/text/unicode_nfc_data.h"
#include "engine/text/utf8.h"

namespace cosmos::engine::text {

namespace {

using nfc_data::CombiningRange;
using nfc_data::Decomposition;

// Hangul syllables decompose and compose arithmetically (Unicode 3.12).
constexpr char32_t kSBase = 0xAC00;
constexpr char32_t kLBase = 0x1100;
constexpr char32_t kVBase = 0x1161;
constexpr char32_t kTBase = 0x11A7;
constexpr char32_t kLCount = 19;
constexpr char32_t kVCount = 21;
constexpr char32_t kTCount = 28;
constexpr char32_t kNCount = kVCount * kTCount;
constexpr char32_t kSCount = kLCount * kNCount;

// Below this code point nothing decomposes differently under NFC, nothing
// has a non-zero combining class and nothing is the second half of a pair.
constexpr char32_t kFirstInterestingCode = 0x300;

const Decomposition* findDecomposition(char32_t code)
{
    const Decomposition* begin = nfc_data::kDecompositions;
    const Decomposition* end = begin + nfc_data::kDecompositionCount;
    const Decomposition* it
        = std::lower_bound(begin, end, code, [](const Decomposition& d, char32_t c) { return d.code < c; });
    return it != end && it->code == code ? it : nullptr;
}

std::uint64_t pairKey(char32_t first, char32_t second)
{
    return (static_cast<std::uint64_t>(first) << 32) | second;
}

const std::unordered_map<std::uint64_t, char32_t>& compositions()
{
    static const std::unordered_map<std::uint64_t, char32_t> table = [] {
        std::unordered_map<std::uint64_t, char32_t> map;
        for (std::size_t i = 0; i < nfc_data::kDecompositionCount; ++i) {
            const Decomposition& d = nfc_data::kDecompositions[i];
            if (d.composes)
                map.emplace(pairKey(d.first, d.second), d.code);
        }
        return map;
    }();
    return table;
}

void decomposeInto(char32_t code, std::u32string& out)
{
    if (code >= kSBase && code < kSBase + kSCount) {
        const char32_t index = code - kSBase;
        out.push_back(kLBase + index / kNCount);
        out.push_back(kVBase + (index % kNCount) / kTCount);
        if (index % kTCount != 0)
            out.push_back(kTBase + index % kTCount);
        return;
    }
    const Decomposition* d = code >= 0xC0 ? findDecomposition(code) : nullptr;
    if (!d) {
        out.push_back(code);
        return;
    }
    decomposeInto(d->first, out);
    if (d->second != 0)
        decomposeInto(d->second, out);
}

// Runs of non-starters are stably sorted by combining class.
void reorder(std::u32string& codes, std::vector<int>& classes)
{
    classes.resize(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i)
        classes[i] = canonicalCombiningClass(codes[i]);
    std::size_t i = 0;
    while (i < codes.size()) {
        if (classes[i] == 0) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < codes.size() && classes[end] != 0)
            ++end;
        if (end - i > 1) {
            std::vector<std::pair<int, char32_t>> run;
            for (std::size_t k = i; k < end; ++k)
                run.emplace_back(classes[k], codes[k]);
            std::stable_sort(run.begin(), run.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (std::size_t k = i; k < end; ++k) {
                classes[k] = run[k - i].first;
                codes[k] = run[k - i].second;
            }
        }
        i = end;
    }
}

char32_t composePair(char32_t first, char32_t second)
{
    if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
        return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
    if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 && second > kTBase
        && second < kTBase + kTCount)
        return first + (second - kTBase);
    const auto& table = compositions();
    const auto it = table.find(pairKey(first, second));
    return it == table.end() ? 0 : it->second;
}

// Canonical composition: a character joins the last starter unless a
// character between them is a starter or has a class at least its own.
std::u32string compose(const std::u32string& codes, const std::vector<int>& classes)
{
    std::u32string out;
    out.reserve(codes.size());
    std::size_t starter = std::u32string::npos;
    int lastClass = 0; // class of the last character kept after the starter
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const char32_t code = codes[i];
        const int cls = classes[i];
        if (starter != std::u32string::npos) {
            const bool adjacent = starter + 1 == out.size();
            if (adjacent || (lastClass != 0 && lastClass < cls)) {
                if (const char32_t composed = composePair(out[starter], code)) {
                    out[starter] = composed;
                    continue;
                }
            }
        }
        if (cls == 0)
            starter = out.size();
        lastClass = cls;
        out.push_back(code);
    }
    return out;
}

} // namespace

int canonicalCombiningClass(char32_t code)
{
    if (code < kFirstInterestingCode)
        return 0;
    const CombiningRange* begin = nfc_data::kCombiningRanges;
    const CombiningRange* end = begin + nfc_data::kCombiningRangeCount;
    const CombiningRange* it
        = std::upper_bound(begin, end, code, [](char32_t c, const CombiningRange& r) { return c < r.first; });
    if (it == begin)
        return 0;
    --it;
    return code <= it->last ? it->combiningClass : 0;
}

std::string normalizeNfc(const std::string& utf8)
{
    // Most prompts are ASCII or Latin-1: lead bytes below 0xCC encode code
    // points below U+0300, and such text is already in NFC.
    const bool simple
        = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0xCC; });
    if (simple)
        return utf8;
    std::u32string decomposed;
    decomposed.reserve(utf8.size());
    for (char32_t code : decodeUtf8(utf8))
        decomposeInto(code, decomposed);
    std::vector<int> classes;
    reorder(decomposed, classes);
    return encodeUtf8(compose(decomposed, classes));
}

const char* nfcUnicodeVersion()
{
    return nfc_data::kUnicodeVersion;
}

} // namespace cosmos::engine::text
