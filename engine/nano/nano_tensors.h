// Nano-world clips as tensors: the bridge between the torch-free simulator
// and the networks. Pixel values map 0..255 -> [-1, 1] as the tokenizer expects.
#pragma once

#include <cstdint>
#include <vector>

#include <torch/types.h>

#include "engine/nano/nano_world.h"

namespace cosmos::engine::nano {

// Seeds of the training stream and of evaluation never meet: training uses
// the low half of the 64-bit range, evaluation the high half.
std::uint64_t trainingClipSeed(std::uint64_t dataSeed, std::uint64_t index);
std::uint64_t evaluationClipSeed(std::uint64_t evalSeed, std::uint64_t index);

// [3, T, H, W] float in [-1, 1].
torch::Tensor clipToTensor(const NanoClip& clip);
// RGB bytes [T, H, W, 3] (uint8 CPU tensor) from a video [3, T, H, W] in [-1, 1].
torch::Tensor videoToBytes(const torch::Tensor& video);
// The inverse for a byte buffer of `frames` frames (frames x height x width x 3).
torch::Tensor bytesToVideo(const std::vector<std::uint8_t>& rgb, int frames, int height, int width);

} // namespace cosmos::engine::nano
