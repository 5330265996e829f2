#include "engine/text/byte_level.h"

#include "engine/text/utf8.h"

namespace cosmos::engine::text {

namespace {

bool standsForItself(unsigned byte)
{
    return (byte >= 33 && byte <= 126) || (byte >= 161 && byte <= 172) || (byte >= 174 && byte <= 255);
}

struct Tables {
    std::array<char32_t, 256> symbolOfByte {};
    std::array<std::string, 256> utf8OfByte {};
    std::array<int, 324> byteOfSymbol {}; // symbols are below U+0100 + 68; -1 where none
};

const Tables& tables()
{
    static const Tables t = [] {
        Tables built;
        built.byteOfSymbol.fill(-1);
        char32_t next = 256;
        for (unsigned byte = 0; byte < 256; ++byte) {
            const char32_t symbol = standsForItself(byte) ? char32_t(byte) : next++;
            built.symbolOfByte[byte] = symbol;
            appendUtf8(built.utf8OfByte[byte], symbol);
            built.byteOfSymbol[symbol] = int(byte);
        }
        return built;
    }();
    return t;
}

} // namespace

char32_t byteToSymbol(std::uint8_t byte)
{
    return tables().symbolOfByte[byte];
}

std::optional<std::uint8_t> symbolToByte(char32_t symbol)
{
    const Tables& t = tables();
    if (symbol >= t.byteOfSymbol.size() || t.byteOfSymbol[symbol] < 0)
        return std::nullopt;
    return static_cast<std::uint8_t>(t.byteOfSymbol[symbol]);
}

std::string bytesToSymbols(const std::string& bytes)
{
    const Tables& t = tables();
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes)
        out += t.utf8OfByte[static_cast<std::uint8_t>(c)];
    return out;
}

std::optional<std::string> symbolsToBytes(const std::string& symbolsUtf8)
{
    std::string out;
    out.reserve(symbolsUtf8.size());
    for (char32_t symbol : decodeUtf8(symbolsUtf8)) {
        const auto byte = symbolToByte(symbol);
        if (!byte)
            return std::nullopt;
        out.push_back(static_cast<char>(*byte));
    }
    return out;
}

std::array<std::string, 256> byteSymbolsInVocabularyOrder()
{
    const Tables& t = tables();
    std::array<std::string, 256> order;
    std::size_t n = 0;
    for (unsigned byte = 0; byte < 256; ++byte)
        if (standsForItself(byte))
            order[n++] = t.utf8OfByte[byte];
    for (unsigned byte = 0; byte < 256; ++byte)
        if (!standsForItself(byte))
            order[n++] = t.utf8OfByte[byte];
    return order;
}

} // namespace cosmos::engine::text
