// A fixed, held-out yardstick for the DiT. One training batch's loss swings
// by a third from step to step (its noise levels and clips are drawn anew),
// so it cannot tell whether a change of learning rate or a further run
// helped; this loss moves only when the model does: Text2World windows of
// clips the DiT never trains on, at fixed noise levels with fixed noise,
// scored with the weights that are exported (the average).
#include <fstream>
#include <sstream>

#include <torch/torch.h>

#include "engine/nano/nano_tensors.h"
#include "engine/nano/nano_training_parts.h"
#include "engine/nano/nano_world.h"

namespace cosmos::engine::nano {
namespace {

constexpr const char* kLogName = "validation.tsv";
constexpr int kBatch = 12;
// Held out by construction: the data seed's training clips, the tokenizer's
// validation clips and the preview fit draw from other seed streams.
constexpr std::uint64_t kSeedOffset = 3000;

} // namespace

DitValidation::DitValidation(NanoNets& nets, const StageContext& context, const pipeline::PromptTokenizer& tokenize)
{
    const int count = context.options.validationClips;
    if (count <= 0)
        return;
    torch::InferenceMode inference;
    std::vector<torch::Tensor> latents, ids;
    const int frames = nets.config.frameCounts.front();
    for (int first = 0; first < count; first += kBatch) {
        std::vector<torch::Tensor> clips;
        for (int i = first; i < std::min(count, first + kBatch); ++i) {
            const NanoClip clip = simulateClip(
                NanoClipSpec::fromSeed(trainingClipSeed(context.options.dataSeed + kSeedOffset, i)), frames);
            clips.push_back(clipToTensor(clip));
            ids.push_back(torch::tensor(tokenize(clip.prompt), torch::kInt64));
        }
        latents.push_back(nets.vae->encode(torch::stack(clips).to(nets.device)).to(torch::kCPU));
    }
    m_x0 = torch::cat(latents, 0);
    m_ids = torch::stack(ids);
    auto generator = torch::make_generator<torch::CPUGeneratorImpl>(20251126);
    m_noise = torch::randn(m_x0.sizes(), generator, torch::TensorOptions(torch::kFloat32));
    // Noise levels spread evenly over the schedule's, as training draws them.
    const double shift = nets.config.sampling.shift;
    const auto u = (torch::arange(count, torch::kFloat64) + 0.5) / count;
    m_sigma = shiftedNoiseLevel(u, shift).to(torch::kFloat32);
}

DitValidationLoss DitValidation::loss(NanoNets& nets) const
{
    torch::NoGradGuard noGrad;
    const bool training = nets.dit->is_training();
    nets.dit->eval();
    nets.text->eval();
    double sum = 0.0, firstFrame = 0.0;
    for (std::int64_t first = 0; first < m_x0.size(0); first += kBatch) {
        const auto x0 = m_x0.slice(0, first, first + kBatch).to(nets.device);
        const auto noise = m_noise.slice(0, first, first + kBatch).to(nets.device);
        const auto b = x0.size(0);
        const auto flow = flowMatchingInput(x0, noise, m_sigma.slice(0, first, first + kBatch).to(nets.device));
        const auto context = nets.text->embed(m_ids.slice(0, first, first + kBatch).to(nets.device));
        const auto mask = torch::zeros({b, 1, x0.size(2), x0.size(3), x0.size(4)}, x0.options());
        const auto velocity = nets.dit->forward({flow.noisy, flow.timesteps, context, mask, {}});
        const auto squared = (velocity - flow.target).pow(2);
        sum += squared.sum().item<double>();
        firstFrame += squared.select(2, 0).sum().item<double>();
    }
    nets.dit->train(training);
    nets.text->train(training);
    const auto count = static_cast<double>(m_x0.numel());
    return {sum / count, firstFrame * static_cast<double>(m_x0.size(2)) / count};
}

void appendValidationLoss(const std::string& workDir, int step, const DitValidationLoss& loss)
{
    std::ofstream out(workDir + "/" + kLogName, std::ios::app);
    out << "dit\t" << step << "\t" << loss.all << "\t" << loss.firstFrame << "\n";
}

std::optional<double> lastValidationLoss(const std::string& workDir, const StepRange& range)
{
    std::ifstream in(workDir + "/" + kLogName);
    std::optional<double> last;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string stage;
        int step = 0;
        double loss = 0.0;
        if (fields >> stage >> step >> loss && range.contains(step))
            last = loss; // a line torn by a kill does not count
    }
    return last;
}

} // namespace cosmos::engine::nano
