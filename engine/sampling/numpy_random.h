// Seeded noise identical to NumPy's legacy generator. The official
// Cosmos-Predict2.5 pipeline draws its initial latent noise with
// np.random.RandomState(seed).standard_normal(shape) in float64 and casts it
// to float32; reproducing those draws bit for bit lets a seed give the same
// video here as in the reference. Plain C++, no LibTorch.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cosmos::engine {

// The state machine behind np.random.RandomState(seed) for an integer seed:
// MT19937 seeded with init_genrand (NumPy's legacy seeding of a scalar
// integer; arrays would go through init_by_array, which is not needed here),
// 53-bit doubles and the polar Box-Muller method with its cached second value.
class NumpyRandomState {
public:
    explicit NumpyRandomState(uint32_t seed);

    // One tempered MT19937 output.
    uint32_t nextUInt32();
    // RandomState.random_sample(): a double in [0, 1) built from two outputs.
    double randomSample();
    // RandomState.standard_normal(): the legacy polar method. Each accepted
    // pair yields two values; the second is returned by the next call, also
    // when randomSample() calls come in between (as in NumPy).
    double standardNormal();

private:
    static constexpr std::size_t kStateSize = 624;

    void regenerate();

    std::array<uint32_t, kStateSize> m_state {};
    std::size_t m_index = kStateSize;
    bool m_hasCachedNormal = false;
    double m_cachedNormal = 0.0;
};

// Writes RandomState(seed).standard_normal(count).astype(float32) to out.
void fillNumpyStandardNormalFloat32(uint32_t seed, float* out, std::size_t count);

// RandomState(seed).standard_normal(count).astype(float32), in draw order
// (C order for a shaped draw).
std::vector<float> numpyStandardNormalFloat32(uint32_t seed, std::size_t count);

} // namespace cosmos::engine
