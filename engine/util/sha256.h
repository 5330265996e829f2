// SHA-256 (FIPS 180-4), for content hashes of media and weights in
// provenance records and the project store.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace cosmos::engine {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t bytes);
    std::array<std::uint8_t, 32> finish();
    std::string finishHex();

private:
    void block(const std::uint8_t* chunk);

    std::array<std::uint32_t, 8> m_state {};
    std::array<std::uint8_t, 64> m_buffer {};
    std::size_t m_buffered = 0;
    std::uint64_t m_totalBytes = 0;
};

std::string sha256Hex(const std::string& bytes);
// Hashes a file in 1 MiB pieces; throws EngineError when it cannot be read.
std::string sha256File(const std::string& path);

} // namespace cosmos::engine
