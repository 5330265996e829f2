// Checks the engine's CUDA path on a GPU machine: the same take (model,
// prompt, seed) generated on the CPU and on CUDA, whose initial noise does
// not depend on the device; and how fast each is. CUDA runs twice: as the
// studio runs it (bf16 weights and activations, fp32 regions kept) and in
// fp32 with TF32 off, which must agree with the CPU to float rounding.
//
//   nano_generate_check --model resources/models/nano [--steps 30] [--prompt P]
#include <chrono>
#include <cstdio>
#include <map>
#include <string>

#include <torch/torch.h>

#include "engine/nets/device_options.h"
#include "engine/pipeline/generation.h"

namespace pipeline = cosmos::engine::pipeline;
using Clock = std::chrono::steady_clock;

namespace {

struct Take {
    torch::Tensor video, latent;
    double seconds = 0.0;
};

Take generateOn(const std::string& device, const std::string& folder, const pipeline::GenerationRequest& request,
    bool fullPrecision = false)
{
    auto options = cosmos::engine::nets::buildOptionsForDevice(device);
    if (fullPrecision)
        options.dtype = torch::kFloat32;
    auto model = pipeline::WorldModel::load(folder, options);
    pipeline::generate(*model, request); // warm-up: kernels, allocator, cuDNN's choices
    if (device != "cpu")
        torch::cuda::synchronize();
    const auto start = Clock::now();
    const auto result = pipeline::generate(*model, request);
    if (device != "cpu")
        torch::cuda::synchronize();
    return {result.video, result.latent, std::chrono::duration<double>(Clock::now() - start).count()};
}

double relativeError(const torch::Tensor& a, const torch::Tensor& reference)
{
    return ((a - reference).norm() / reference.norm()).item<double>();
}

} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2)
        args[argv[i]] = argv[i + 1];
    const std::string folder = args.count("--model") ? args["--model"] : "resources/models/nano";
    pipeline::GenerationRequest request;
    request.prompt = args.count("--prompt") ? args["--prompt"] : "a large red ball is thrown to the right";
    request.seed = 3;
    request.steps = args.count("--steps") ? std::stoi(args["--steps"]) : 30;
    request.previewEverySteps = 0;
    try {
        std::printf("CUDA available: %d, devices: %d, CPU threads: %d\n", torch::cuda::is_available() ? 1 : 0,
            static_cast<int>(torch::cuda::device_count()), at::get_num_threads());
        const Take cpu = generateOn("cpu", folder, request);
        std::printf("cpu: %.3f s for %lld frames, %d steps\n", cpu.seconds, static_cast<long long>(cpu.video.size(1)),
            *request.steps);
        at::globalContext().setAllowTF32CuDNN(false);
        at::globalContext().setAllowTF32CuBLAS(false);
        for (const bool fp32 : {false, true}) {
            const Take cuda = generateOn("cuda", folder, request, fp32);
            std::printf("cuda (%s): %.3f s; against the CPU take: latent relative error %.3g (max abs "
                        "%.3g), video relative error %.3g (max abs %.3g)\n",
                fp32 ? "fp32, TF32 off" : "bf16, as the studio runs it", cuda.seconds,
                relativeError(cuda.latent, cpu.latent), (cuda.latent - cpu.latent).abs().max().item<double>(),
                relativeError(cuda.video, cpu.video), (cuda.video - cpu.video).abs().max().item<double>());
        }
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "nano_generate_check: %s\n", error.what());
        return 1;
    }
}
