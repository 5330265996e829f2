#include "engine/sampling/numpy_random.h"

#include <cmath>

namespace cosmos::engine {

namespace {

// MT19937 constants (Matsumoto & Nishimura, 1998).
constexpr std::size_t kShift = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;
constexpr uint32_t kInitMultiplier = 1812433253U;

} // namespace

NumpyRandomState::NumpyRandomState(uint32_t seed)
{
    // init_genrand: NumPy seeds a scalar integer this way (its state vector
    // for seed 0 starts 0, 1, 1812433255, ...), not with init_by_array.
    m_state[0] = seed;
    for (std::size_t i = 1; i < kStateSize; ++i) {
        const uint32_t previous = m_state[i - 1];
        m_state[i] = kInitMultiplier * (previous ^ (previous >> 30)) + static_cast<uint32_t>(i);
    }
}

void NumpyRandomState::regenerate()
{
    for (std::size_t i = 0; i < kStateSize; ++i) {
        const uint32_t y = (m_state[i] & kUpperMask) | (m_state[(i + 1) % kStateSize] & kLowerMask);
        m_state[i] = m_state[(i + kShift) % kStateSize] ^ (y >> 1) ^ ((y & 1U) != 0 ? kMatrixA : 0U);
    }
    m_index = 0;
}

uint32_t NumpyRandomState::nextUInt32()
{
    if (m_index >= kStateSize)
        regenerate();
    uint32_t y = m_state[m_index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

double NumpyRandomState::randomSample()
{
    // 27 high bits of the first output and 26 of the second make a 53-bit
    // integer; both steps are exact in double arithmetic.
    const uint32_t high = nextUInt32() >> 5;
    const uint32_t low = nextUInt32() >> 6;
    return (static_cast<double>(high) * 67108864.0 + static_cast<double>(low)) / 9007199254740992.0;
}

double NumpyRandomState::standardNormal()
{
    if (m_hasCachedNormal) {
        m_hasCachedNormal = false;
        return m_cachedNormal;
    }
    double x1 = 0.0;
    double x2 = 0.0;
    double r2 = 0.0;
    do {
        x1 = 2.0 * randomSample() - 1.0;
        x2 = 2.0 * randomSample() - 1.0;
        // Kept out of a fused multiply-add (which a compiler may form under
        // -ffp-contract=fast on FMA targets): NumPy's baseline build rounds
        // each product, and r2 decides both rejection and the result.
        volatile double x1Squared = x1 * x1;
        volatile double x2Squared = x2 * x2;
        r2 = x1Squared + x2Squared;
    } while (r2 >= 1.0 || r2 == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(r2) / r2);
    // NumPy returns the x2 value first and keeps the x1 value for later.
    m_cachedNormal = factor * x1;
    m_hasCachedNormal = true;
    return factor * x2;
}

void fillNumpyStandardNormalFloat32(uint32_t seed, float* out, std::size_t count)
{
    NumpyRandomState state(seed);
    for (std::size_t i = 0; i < count; ++i)
        out[i] = static_cast<float>(state.standardNormal());
}

std::vector<float> numpyStandardNormalFloat32(uint32_t seed, std::size_t count)
{
    std::vector<float> values(count);
    fillNumpyStandardNormalFloat32(seed, values.data(), count);
    return values;
}

} // namespace cosmos::engine
