#include "engine/nano/nano_tensors.h"

#include <torch/torch.h>

namespace cosmos::engine::nano {
namespace {

// SplitMix64: decorrelates neighbouring indices into well-spread seeds.
std::uint64_t splitMix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace

std::uint64_t trainingClipSeed(std::uint64_t dataSeed, std::uint64_t index)
{
    return splitMix64(splitMix64(dataSeed) ^ index) >> 1; // top bit clear
}

std::uint64_t evaluationClipSeed(std::uint64_t evalSeed, std::uint64_t index)
{
    return (splitMix64(splitMix64(evalSeed + 0x5EED) ^ index) >> 1) | (1ull << 63); // top bit set
}

torch::Tensor bytesToVideo(const std::vector<std::uint8_t>& rgb, int frames, int height, int width)
{
    auto bytes = torch::from_blob(const_cast<std::uint8_t*>(rgb.data()), {frames, height, width, 3}, torch::kUInt8);
    return bytes.permute({3, 0, 1, 2}).to(torch::kFloat32).div(127.5).sub(1.0).contiguous();
}

torch::Tensor clipToTensor(const NanoClip& clip)
{
    return bytesToVideo(clip.frames, clip.frameCount, clip.height, clip.width);
}

torch::Tensor videoToBytes(const torch::Tensor& video)
{
    return video.detach()
        .to(torch::kCPU, torch::kFloat32)
        .clamp(-1, 1)
        .add(1)
        .mul(127.5)
        .round()
        .to(torch::kUInt8)
        .permute({1, 2, 3, 0})
        .contiguous();
}

} // namespace cosmos::engine::nano
