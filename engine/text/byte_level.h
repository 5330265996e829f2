// GPT-2's reversible byte <-> character map that byte-level BPE (GPT-2,
// Qwen2) uses so that every byte is a printable vocabulary symbol: bytes
// 33-126, 161-172 and 174-255 stand for themselves, the other 68 become
// U+0100 + n in byte order (space -> U+0120 'Ġ', '\n' -> U+010A 'Ċ').
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace cosmos::engine::text {

// The character standing for a byte.
char32_t byteToSymbol(std::uint8_t byte);

// The byte a character stands for; nothing for a character outside the map.
std::optional<std::uint8_t> symbolToByte(char32_t symbol);

// Each byte of bytes as its symbol, in UTF-8.
std::string bytesToSymbols(const std::string& bytes);

// The inverse: the bytes that a string of symbols stands for, or nothing
// when some character is not a byte symbol.
std::optional<std::string> symbolsToBytes(const std::string& symbolsUtf8);

// All 256 symbols, in UTF-8, in the order GPT-2 lists them (printable bytes
// first): the order of the first 256 ids of GPT-2 and Qwen2 vocabularies.
std::array<std::string, 256> byteSymbolsInVocabularyOrder();

} // namespace cosmos::engine::text
