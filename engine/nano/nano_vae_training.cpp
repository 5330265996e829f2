// The video tokenizer stage: the nano Wan VAE learns to reconstruct short
// windows of simulated clips (random crops, mostly around the balls), with a
// small penalty on the latent's magnitude; then its latent statistics
// are measured on whole clips.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include <torch/torch.h>

#include "engine/nano/nano_tensors.h"
#include "engine/nano/nano_training_parts.h"
#include "engine/nano/nano_world.h"

namespace cosmos::engine::nano {
namespace {

constexpr const char* kStage = "vae";
// Marked once a step trains the encoder (not the decoder alone) in a work folder.
constexpr const char* kEncoderTrained = "vae_encoder_trained";

// The crop origin along one axis: around the ball most of the time (balls
// are a few percent of the picture, and the tokenizer learns the backdrop
// long before them otherwise), anywhere otherwise.
int cropOrigin(std::mt19937_64& rng, double ballCentre, int size, int crop)
{
    const int range = size - crop + 1;
    if (rng() % 4 == 0)
        return static_cast<int>(rng() % static_cast<std::uint64_t>(range));
    const int jitter = static_cast<int>(rng() % 17) - 8;
    return std::clamp(static_cast<int>(ballCentre) - crop / 2 + jitter, 0, range - 1);
}

} // namespace

// Fresh clips every step (the simulator is cheap), placed by a per-step
// generator so a resumed run sees the same batches.
VaeBatch vaeBatch(const NanoTrainOptions& options, int step)
{
    std::mt19937_64 rng(options.trainSeed * 1000003ull + static_cast<std::uint64_t>(step));
    const bool weighted = options.vaeBallWeight != 1.0;
    std::vector<torch::Tensor> windows, weights;
    for (int b = 0; b < options.vaeBatch; ++b) {
        const auto index = static_cast<std::uint64_t>(step) * options.vaeBatch + b;
        const auto clip = simulateClip(NanoClipSpec::fromSeed(trainingClipSeed(options.dataSeed, index)));
        const auto video = clipToTensor(clip);
        const int start = static_cast<int>(rng() % static_cast<std::uint64_t>(clip.frameCount - options.vaeFrames + 1));
        const auto& ball = clip.truth[static_cast<std::size_t>(start)][rng() % clip.truth[0].size()];
        const int y = cropOrigin(rng, ball.y, clip.height, options.vaeCrop);
        const int x = cropOrigin(rng, ball.x, clip.width, options.vaeCrop);
        const auto window = [&](const torch::Tensor& frames) {
            return frames.slice(1, start, start + options.vaeFrames)
                .slice(2, y, y + options.vaeCrop)
                .slice(3, x, x + options.vaeCrop);
        };
        windows.push_back(window(video));
        // Per image pixel and frame: the ball coverage at full resolution.
        if (weighted)
            weights.push_back(1.0 + (options.vaeBallWeight - 1.0) * window(ballCoverage(clip, 1, 1)));
    }
    return {torch::stack(windows), weighted ? torch::stack(weights) : torch::Tensor()};
}

namespace {

// The decoder and the 1x1 conv in front of it: what a decoder-only run trains.
std::vector<torch::Tensor> decoderParameters(nets::WanVaeImpl& vae)
{
    auto parameters = vae.decoder->parameters();
    for (const auto& parameter : vae.conv2->parameters())
        parameters.push_back(parameter);
    return parameters;
}

// The latent mean, with its graph unless the encoder is kept as it is
// (then no gradient reaches it and none of its activations are stored).
torch::Tensor encodeForTraining(nets::WanVaeImpl& vae, const torch::Tensor& video, bool encoderKept)
{
    if (!encoderKept)
        return vae.encodeMoments(video).first;
    torch::NoGradGuard noGrad;
    return vae.encodeMoments(video).first;
}

} // namespace

double scheduledLearningRate(int step, const LearningSchedule& schedule, double base)
{
    const int length = schedule.to - schedule.from;
    const int done = step - schedule.from;
    const int warmup = std::min(100, std::max(1, length / 10));
    if (done < warmup)
        return base * (done + 1) / warmup;
    // Cosine down to a tenth of the base rate.
    const double progress = static_cast<double>(done - warmup) / std::max(1, length - warmup);
    return base * (0.1 + 0.9 * 0.5 * (1.0 + std::cos(3.141592653589793 * std::min(1.0, progress))));
}

bool trainNanoVae(NanoNets& nets, const StageContext& context)
{
    const auto& options = context.options;
    int step = context.state.steps(kStage);
    const int steps = options.vaeSteps;
    if (step >= steps)
        return true;

    auto& vae = *nets.vae;
    vae.train();
    const bool decoderOnly = options.vaeDecoderOnly;
    torch::optim::AdamW optimizer(decoderOnly ? decoderParameters(vae) : vae.parameters(),
        torch::optim::AdamWOptions(options.vaeLearningRate).betas({0.9, 0.99}).weight_decay(0.0));
    // Each parameter set has its own optimizer state (Adam's moments are per parameter).
    const std::string optimizerPath = workFile(context, decoderOnly ? "vae_decoder_optimizer.pt" : "vae_optimizer.pt");
    if (step > 0 && std::filesystem::exists(optimizerPath))
        loadOptimizerState(optimizer, optimizerPath, nets.device);

    if (!decoderOnly)
        context.state.markDone(kEncoderTrained);
    auto checkpoint = [&] {
        saveParameters(vae, workFile(context, "vae.safetensors"));
        torch::save(optimizer, optimizerPath);
        context.state.setSteps(kStage, step);
        context.state.save();
    };

    const auto schedule = context.state.schedule(kStage, step, steps);
    RunningLoss running;
    const auto start = Clock::now();
    context.logger->info(
        "training the video tokenizer{}: steps {}..{} (learning rate scheduled from step {}), batch {} x {} "
        "frames at {}px",
        decoderOnly ? "'s decoder (encoder kept)" : "", step, steps, schedule.from, options.vaeBatch, options.vaeFrames,
        options.vaeCrop);
    while (step < steps) {
        torch::manual_seed(options.trainSeed * 7919ull + static_cast<std::uint64_t>(step));
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options())
                .lr(scheduledLearningRate(step, schedule, options.vaeLearningRate));
        const VaeBatch batch = vaeBatch(options, step);
        const auto video = batch.video.to(nets.device);
        // The mean alone is decoded: sampling the posterior from a fresh
        // log-variance (about 0, i.e. unit noise) drowns the signal for the
        // first thousands of steps, more than a CPU run has. Only the mean is
        // used at inference; a small penalty keeps its scale in check.
        const auto mu = encodeForTraining(vae, video, decoderOnly);
        const auto reconstruction = vae.decodeRaw(mu);
        const auto error = reconstruction - video;
        // Squared error, every pixel alike by default. An earlier loss (L1
        // plus squared error, ball pixels weighted 10x) stalled from scratch
        // at ~21 dB with washed-out backdrops and ball colours; from the same
        // weights the plain one kept improving (measured on whole 64x64
        // clips). The crops already centre on the balls most of the time.
        // vaeBallWeight weighs ball pixels more in a weighted mean that keeps
        // the plain loss's scale (one fine-tune at 3x, 500 steps, kept no
        // more ball counts and drew yellow balls orange: check the ceiling).
        const auto squared = error.pow(2);
        const auto reconstructionLoss = batch.weights.defined()
            ? (squared * batch.weights.to(nets.device)).sum() / (batch.weights.sum() * 3.0).item<double>()
            : squared.mean();
        const auto loss = reconstructionLoss + options.vaeKlWeight * mu.pow(2).mean();
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(vae.parameters(), 1.0);
        optimizer.step();
        ++step;

        // The plain squared error is logged, comparable across runs.
        const double value = squared.mean().item<double>();
        if (!finishTrainingStep(context, kStage, step, steps, value, running, start, checkpoint))
            return false;
    }
    reportStage(context, kStage, running, step, start);
    vae.eval();
    return true;
}

void measureLatentStatistics(NanoNets& nets, const StageContext& context)
{
    const auto& options = context.options;
    auto& config = nets.config.vae;
    // The statistics describe the encoder: they stay when it has not trained
    // in this work folder. Measuring them again on an unchanged encoder would
    // still shift them when the data seed differs, and the DiT learned on
    // the old ones.
    const bool encoderKept
        = context.state.steps(kStage) == 0 || (options.vaeDecoderOnly && !context.state.done(kEncoderTrained));
    if (!options.initFrom.empty() && encoderKept) {
        context.logger->info("video tokenizer's encoder unchanged: keeping its latent statistics");
    } else {
        // Raw means over whole clips the networks never trained on.
        torch::InferenceMode inference;
        std::vector<torch::Tensor> latents;
        const auto total = static_cast<std::uint64_t>(std::max(2, options.statisticsClips));
        for (std::uint64_t i = 0; i < total; i += 8) {
            std::vector<torch::Tensor> clips;
            for (std::uint64_t b = 0; b < 8 && i + b < total; ++b)
                clips.push_back(clipToTensor(
                    simulateClip(NanoClipSpec::fromSeed(trainingClipSeed(options.dataSeed + 1000, i + b)))));
            latents.push_back(nets.vae->encodeMoments(torch::stack(clips).to(nets.device)).first.to(torch::kCPU));
        }
        const auto all = torch::cat(latents, 0).transpose(0, 1).reshape({config.zDim, -1}).to(torch::kFloat64);
        const auto mean = all.mean(1);
        const auto std = all.std(1).clamp_min(1e-3);
        config.latentMean.assign(mean.data_ptr<double>(), mean.data_ptr<double>() + config.zDim);
        config.latentStd.assign(std.data_ptr<double>(), std.data_ptr<double>() + config.zDim);
    }
    std::ofstream out(workFile(context, "vae_stats.json"), std::ios::trunc);
    out << nlohmann::json {{"mean", config.latentMean}, {"std", config.latentStd}}.dump() << "\n";
    applyVaeConfig(nets);
}

void applyVaeConfig(NanoNets& nets)
{
    // The net reads its statistics from its own config copy: rebuild it.
    auto fresh = nets::WanVae(nets.config.vae);
    {
        torch::NoGradGuard noGrad;
        auto target = fresh->named_parameters(true);
        for (const auto& item : nets.vae->named_parameters(true))
            target[item.key()].copy_(item.value());
    }
    fresh->eval();
    fresh->to(nets.device);
    nets.vae = fresh;
}

} // namespace cosmos::engine::nano
