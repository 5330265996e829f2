// The world-model stage: clips are encoded once by the trained tokenizer,
// then the DiT and the text encoder learn flow matching on windows of those
// latents, with the conditioning every generation mode uses.
#include <algorithm>
#include <filesystem>
#include <random>
#include <set>

#include <torch/torch.h>

#include "engine/errors.h"
#include "engine/nano/nano_tensors.h"
#include "engine/nano/nano_training_parts.h"
#include "engine/nano/nano_world.h"
#include "engine/text/bpe_tokenizer.h"
#include "engine/weights/checkpoint.h"
#include "engine/weights/module_loading.h"
#include "engine/weights/safetensors_writer.h"

namespace cosmos::engine::nano {
namespace fs = std::filesystem;
namespace {

constexpr const char* kLatentStage = "latents";
constexpr const char* kStage = "dit";
constexpr int kClipsPerChunk = 64;
constexpr int kEncodeBatch = 8;

std::string chunkName(int chunk)
{
    char name[40];
    std::snprintf(name, sizeof name, "latents_%05d.safetensors", chunk);
    return name;
}

// Clips the chunk'th latents file should hold for `clips` latent clips.
int chunkClips(int chunk, int clips)
{
    return std::min(kClipsPerChunk, clips - chunk * kClipsPerChunk);
}

// Whether a chunk's file holds exactly the clips it should: a run asked for
// more clips than the one before finds its last chunk short (and ones missing).
bool chunkHolds(const Checkpoint& checkpoint, int expectedClips)
{
    const auto& shape = checkpoint.record("latents").shape;
    return !shape.empty() && shape.front() == expectedClips;
}

bool chunkComplete(const std::string& path, int expectedClips)
{
    return fs::exists(path) && chunkHolds(Checkpoint::open(path), expectedClips);
}

struct LatentSet {
    torch::Tensor latents; // [N, C, T', h, w], normalised
    std::vector<std::string> prompts;
    // [N, 1, T', h, w]: each latent pixel's weight in the loss (1 + (ball
    // weight - 1) x ball coverage); undefined for plain flow matching.
    torch::Tensor lossWeights;
    DitClipPools pools; // filled when two-ball clips are drawn more often
};

// The spec of latent clip `index` of the training data (its own seed range,
// apart from the tokenizer's clips).
NanoClipSpec latentClipSpec(const NanoTrainOptions& options, std::int64_t index)
{
    return NanoClipSpec::fromSeed(trainingClipSeed(options.dataSeed, 1000000 + static_cast<std::uint64_t>(index)));
}

// The loss weights of the latent clips, from their simulations (the clips
// are made from their seeds again: only their balls' places are needed).
torch::Tensor ballLossWeights(const NanoNets& nets, const StageContext& context, const torch::Tensor& latents)
{
    const auto& options = context.options;
    const auto start = Clock::now();
    const int spatial = static_cast<int>(nets.config.vae.spatialCompression());
    const int temporal = static_cast<int>(nets.config.vae.temporalCompression());
    std::vector<torch::Tensor> weights;
    for (std::int64_t i = 0; i < latents.size(0); ++i) {
        const auto coverage
            = ballCoverage(simulateClip(latentClipSpec(options, i), options.latentClipFrames), spatial, temporal);
        if (coverage.sizes().slice(1) != latents.sizes().slice(2))
            throw EngineError("the ball map of latent clip " + std::to_string(i) + " is " + c10::str(coverage.sizes())
                + " but its latents are " + c10::str(latents[i].sizes()) + ": encode the latents again");
        weights.push_back(1.0 + (options.ditBallWeight - 1.0) * coverage);
    }
    context.logger->info("ball weights ({}x) of {} latent clips in {:.1f} s", options.ditBallWeight, latents.size(0),
        secondsSince(start));
    return torch::stack(weights);
}

LatentSet loadLatents(const StageContext& context)
{
    LatentSet set;
    std::vector<torch::Tensor> parts;
    const int chunks = (context.options.latentClips + kClipsPerChunk - 1) / kClipsPerChunk;
    for (int chunk = 0; chunk < chunks; ++chunk) {
        const std::string path = workFile(context, chunkName(chunk));
        const auto missing = [&] {
            return EngineError("the latents " + path + " do not hold the clips this run asks for ("
                + std::to_string(context.options.latentClips) + "): encode them again");
        };
        if (!fs::exists(path))
            throw missing();
        const auto checkpoint = Checkpoint::open(path);
        if (!chunkHolds(checkpoint, chunkClips(chunk, context.options.latentClips)))
            throw missing();
        parts.push_back(checkpoint.load("latents").clone());
        const auto prompts = nlohmann::json::parse(checkpoint.metadata().at("prompts"));
        for (const auto& prompt : prompts)
            set.prompts.push_back(prompt.get<std::string>());
    }
    set.latents = torch::cat(parts, 0);
    return set;
}

// Everything the optimiser updates, with names for checkpoints.
std::vector<std::pair<std::string, torch::Tensor>> trainedParameters(NanoNets& nets)
{
    std::vector<std::pair<std::string, torch::Tensor>> list;
    for (const auto& item : nets.dit->named_parameters(true))
        list.emplace_back("dit." + item.key(), item.value());
    for (const auto& item : nets.text->named_parameters(true))
        list.emplace_back("text." + item.key(), item.value());
    return list;
}

// Exponential moving average of the weights: what gets exported.
class WeightAverage {
public:
    explicit WeightAverage(const std::vector<std::pair<std::string, torch::Tensor>>& parameters)
    {
        for (const auto& [name, value] : parameters)
            m_average.emplace(name, value.detach().clone());
    }
    void update(const std::vector<std::pair<std::string, torch::Tensor>>& parameters, double decay)
    {
        torch::NoGradGuard noGrad;
        for (const auto& [name, value] : parameters)
            m_average.at(name).mul_(decay).add_(value.detach(), 1.0 - decay);
    }
    void save(const std::string& path) const { writeSafetensors(path, m_average); }
    void load(const std::string& path)
    {
        const auto checkpoint = Checkpoint::open(path);
        torch::NoGradGuard noGrad;
        for (auto& [name, value] : m_average)
            value.copy_(checkpoint.load(name));
    }
    void copyInto(const std::vector<std::pair<std::string, torch::Tensor>>& parameters) const
    {
        torch::NoGradGuard noGrad;
        for (const auto& [name, value] : parameters)
            value.copy_(m_average.at(name));
    }
    // The validation loss of the averaged weights (what is exported); the
    // trained weights are put back after.
    DitValidationLoss validationLoss(const std::vector<std::pair<std::string, torch::Tensor>>& parameters,
        const DitValidation& validation, NanoNets& nets) const
    {
        std::vector<torch::Tensor> trained;
        {
            torch::NoGradGuard noGrad;
            for (const auto& item : parameters)
                trained.push_back(item.second.detach().clone());
        }
        copyInto(parameters);
        const auto loss = validation.loss(nets);
        torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < parameters.size(); ++i)
            parameters[i].second.copy_(trained[i]);
        return loss;
    }

private:
    TensorMap m_average;
};

struct DitBatch {
    torch::Tensor x0; // [B, C, T, h, w]
    torch::Tensor mask; // [B, 1, T, h, w]
    torch::Tensor ids; // [B, L]
    torch::Tensor weight; // [B, 1, T, h, w]: of each latent pixel in the loss
    DitBatch to(torch::Device device) const
    {
        return {x0.to(device), mask.to(device), ids.to(device), weight.to(device)};
    }
};

DitBatch ditBatch(const LatentSet& set, const torch::Tensor& promptIds, const torch::Tensor& emptyIds,
    const NanoNets& nets, const NanoTrainOptions& options, int step)
{
    std::mt19937_64 rng(options.trainSeed * 2654435761ull + static_cast<std::uint64_t>(step));
    auto uniform = [&rng] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
    const auto n = static_cast<std::uint64_t>(set.latents.size(0));
    const std::int64_t window = 1 + (nets.config.frameCounts.front() - 1) / nets.config.vae.temporalCompression();
    const auto starts = static_cast<std::uint64_t>(set.latents.size(2) - window + 1);
    std::vector<torch::Tensor> x0, masks, ids, weights;
    for (int b = 0; b < options.ditBatch; ++b) {
        // Uniform draws take one random number, as before the share existed,
        // so runs without it see the same batches as they did.
        const auto clip = options.ditTwoBallShare > 0.0
            ? chooseDitClip(set.pools, options.ditTwoBallShare, uniform(), rng())
            : static_cast<std::int64_t>(rng() % n);
        const double r = uniform();
        const auto [start, conditioned] = chooseDitWindow(
            options, r, rng(), static_cast<std::int64_t>(starts), nets.config.conditionalLatentFrames);
        x0.push_back(set.latents[clip].slice(1, start, start + window));
        auto mask = torch::zeros({1, window, set.latents.size(3), set.latents.size(4)});
        mask.slice(1, 0, conditioned).fill_(1.0);
        masks.push_back(mask);
        ids.push_back(uniform() < options.promptDropout ? emptyIds : promptIds[clip]);
        weights.push_back(ditWindowLossWeights(set.lossWeights.defined()
                ? set.lossWeights[clip]
                : torch::ones({1, set.latents.size(2), mask.size(2), mask.size(3)}),
            start, window, options.ditFirstFrameWeight));
    }
    return {torch::stack(x0), torch::stack(masks), torch::stack(ids), torch::stack(weights)};
}

} // namespace

DitClipPools ditClipPools(const NanoTrainOptions& options, std::int64_t clips)
{
    DitClipPools pools;
    for (std::int64_t i = 0; i < clips; ++i)
        (latentClipSpec(options, i).balls.size() >= 2 ? pools.twoBalls : pools.oneBall).push_back(i);
    return pools;
}

std::int64_t chooseDitClip(const DitClipPools& pools, double share, double r, std::uint64_t random)
{
    const bool two = pools.oneBall.empty() || (!pools.twoBalls.empty() && r < share);
    const auto& pool = two ? pools.twoBalls : pools.oneBall;
    if (pool.empty())
        throw EngineError("no latent clips to train the DiT on");
    return pool[random % pool.size()];
}

torch::Tensor ditWindowLossWeights(
    const torch::Tensor& clipWeights, std::int64_t start, std::int64_t window, double firstFrameWeight)
{
    auto weights = clipWeights.slice(1, start, start + window).clone();
    if (start == 0 && firstFrameWeight != 1.0)
        weights.select(1, 0).mul_(firstFrameWeight);
    return weights;
}

DitWindow chooseDitWindow(
    const NanoTrainOptions& options, double r, std::uint64_t random, std::int64_t starts, int conditionalFrames)
{
    // Windows from a clip's start train Text2World, Image2World and
    // Video2World (a prompt describes the clip from its start); mid-clip
    // windows are continuations (latents handed over). Text2World gets the
    // largest share: it is what most takes are, and the hardest.
    const double image = options.text2WorldShare + options.image2WorldShare;
    const double video = image + options.video2WorldShare;
    DitWindow window {0, conditionalFrames};
    if (r < options.text2WorldShare)
        window.conditioned = 0;
    else if (r < image)
        window.conditioned = 1;
    else if (r >= video && starts > 1)
        window.start = 1 + static_cast<std::int64_t>(random % static_cast<std::uint64_t>(starts - 1));
    return window;
}

torch::Tensor ballCoverage(const NanoClip& clip, int spatialCompression, int temporalCompression)
{
    const int s = spatialCompression;
    const int h = clip.height / s, w = clip.width / s;
    const int latentFrames = 1 + (clip.frameCount - 1) / temporalCompression;
    auto coverage = torch::zeros({1, latentFrames, h, w});
    auto cells = coverage.accessor<float, 4>();
    for (int f = 0; f < clip.frameCount; ++f) {
        const int t = f == 0 ? 0 : 1 + (f - 1) / temporalCompression;
        const auto& states = clip.truth[static_cast<std::size_t>(f)];
        for (int i = 0; i < h; ++i)
            for (int j = 0; j < w; ++j) {
                int inside = 0;
                for (int y = i * s; y < (i + 1) * s; ++y)
                    for (int x = j * s; x < (j + 1) * s; ++x)
                        for (std::size_t b = 0; b < clip.spec.balls.size(); ++b) {
                            const double dx = x + 0.5 - states[b].x, dy = y + 0.5 - states[b].y;
                            const double r = clip.spec.balls[b].radius();
                            if (dx * dx + dy * dy <= r * r) {
                                ++inside;
                                break;
                            }
                        }
                cells[0][t][i][j] = std::max(cells[0][t][i][j], static_cast<float>(inside) / static_cast<float>(s * s));
            }
    }
    return coverage;
}

void discardTokenizerOutputs(const StageContext& context)
{
    const bool hadOutputs = context.state.done("vae_stats") || context.state.done(kLatentStage);
    context.state.clearDone("vae_stats");
    context.state.clearDone(kLatentStage);
    // A chunk left behind would be taken for a new one (encoding skips
    // chunks that exist), so a failed removal stops the run.
    for (int chunk = 0; fs::exists(workFile(context, chunkName(chunk))); ++chunk) {
        std::error_code error;
        if (!fs::remove(workFile(context, chunkName(chunk)), error) || error)
            throw EngineError("cannot remove the stale latents " + workFile(context, chunkName(chunk)) + ": "
                + (error ? error.message() : std::string("not removed")));
    }
    if (hadOutputs)
        context.logger->info("the video tokenizer trains on: its latent statistics and latents will be redone");
}

bool encodeTrainingLatents(NanoNets& nets, const StageContext& context)
{
    const auto& options = context.options;
    if ((options.latentClipFrames - 1) % 4 != 0 || options.latentClipFrames < nets.config.frameCounts.front())
        throw EngineError("latent clips must have 1 + 4k frames, at least one segment");
    const int chunks = (options.latentClips + kClipsPerChunk - 1) / kClipsPerChunk;
    const auto start = Clock::now();
    torch::InferenceMode inference;
    bool encoded = false;
    for (int chunk = 0; chunk < chunks; ++chunk) {
        const std::string path = workFile(context, chunkName(chunk));
        const int first = chunk * kClipsPerChunk;
        const int count = chunkClips(chunk, options.latentClips);
        // Written by an earlier run; the stage's done flag alone would miss
        // the clips a run asking for more needs.
        if (chunkComplete(path, count))
            continue;
        encoded = true;
        std::vector<torch::Tensor> latents;
        nlohmann::json prompts = nlohmann::json::array();
        for (int offset = 0; offset < count; offset += kEncodeBatch) {
            std::vector<torch::Tensor> clips;
            for (int b = offset; b < std::min(count, offset + kEncodeBatch); ++b) {
                const auto spec = latentClipSpec(options, first + b);
                clips.push_back(clipToTensor(simulateClip(spec, options.latentClipFrames)));
                // The prompt describes the segment a Text2World take would show.
                prompts.push_back(simulateClip(spec).prompt);
            }
            latents.push_back(nets.vae->encode(torch::stack(clips).to(nets.device)).to(torch::kCPU));
            const int done = first + std::min(count, offset + kEncodeBatch);
            if (!context.progress(kLatentStage, done, options.latentClips, 0.0, secondsSince(start)))
                return false; // this chunk is not written; the next run redoes it
        }
        writeSafetensors(path, {{"latents", torch::cat(latents, 0).contiguous()}}, {{"prompts", prompts.dump()}});
    }
    if (encoded)
        context.report.seconds[kLatentStage] = secondsSince(start);
    context.state.markDone(kLatentStage);
    return true;
}

bool trainNanoDit(NanoNets& nets, const StageContext& context)
{
    const auto& options = context.options;
    int step = context.state.steps(kStage);
    const int steps = options.ditSteps;
    const auto parameters = trainedParameters(nets);
    WeightAverage average(parameters);
    const std::string averagePath = workFile(context, "ema.safetensors");
    if (step >= steps) {
        if (fs::exists(averagePath)) {
            average.load(averagePath);
            average.copyInto(parameters);
        }
        return true;
    }

    LatentSet set = loadLatents(context);
    if (options.ditBallWeight != 1.0)
        set.lossWeights = ballLossWeights(nets, context, set.latents);
    if (options.ditTwoBallShare > 0.0) {
        set.pools = ditClipPools(options, set.latents.size(0));
        context.logger->info("windows from two-ball clips: {:.0f} % (they are {} of the {} clips)",
            100.0 * options.ditTwoBallShare, set.pools.twoBalls.size(), set.latents.size(0));
    }
    auto tokenizer = std::make_shared<const text::BpeTokenizer>(
        text::BpeTokenizer::fromJson(nets.tokenizerJson, workFile(context, "tokenizer.json")));
    const auto tokenize = pipeline::makePromptTokenizer(tokenizer, nets.config.text);
    std::vector<torch::Tensor> rows;
    for (const auto& prompt : set.prompts)
        rows.push_back(torch::tensor(tokenize(prompt), torch::kInt64));
    const auto promptIds = torch::stack(rows);
    const auto emptyIds = torch::tensor(tokenize(nets.config.negativePrompt), torch::kInt64);

    std::vector<torch::Tensor> tensors;
    for (const auto& item : parameters)
        tensors.push_back(item.second);
    torch::optim::AdamW optimizer(
        tensors, torch::optim::AdamWOptions(options.ditLearningRate).betas({0.9, 0.99}).weight_decay(0.01));
    const std::string optimizerPath = workFile(context, "dit_optimizer.pt");
    if (step > 0 && fs::exists(optimizerPath))
        loadOptimizerState(optimizer, optimizerPath, nets.device);
    if (step > 0 && fs::exists(averagePath))
        average.load(averagePath);

    const DitValidation validation(nets, context, tokenize);
    auto validate = [&] {
        if (validation.empty())
            return;
        const auto value = average.validationLoss(parameters, validation, nets);
        appendValidationLoss(context.options.workDir, step, value);
        context.logger->info("step {}: held-out Text2World loss {:.4f}, first latent frame {:.4f} (averaged weights)",
            step, value.all, value.firstFrame);
    };
    validate(); // where this run starts from
    auto checkpoint = [&] {
        validate();
        saveParameters(*nets.dit, workFile(context, "dit.safetensors"));
        saveParameters(*nets.text, workFile(context, "text_encoder.safetensors"));
        average.save(averagePath);
        torch::save(optimizer, optimizerPath);
        context.state.setSteps(kStage, step);
        context.state.save();
    };

    nets.dit->train();
    nets.text->train();
    const double shift = nets.config.sampling.shift;
    const double conditionTimestep = nets.config.conditionalFrameTimestep;
    const auto schedule = context.state.schedule(kStage, step, steps);
    RunningLoss running;
    const auto start = Clock::now();
    context.logger->info("training the DiT and the text encoder: steps {}..{} (learning rate scheduled from step {}), "
                         "batch {}, {} clips",
        step, steps, schedule.from, options.ditBatch, set.latents.size(0));
    while (step < steps) {
        torch::manual_seed(options.trainSeed * 104729ull + static_cast<std::uint64_t>(step));
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options())
                .lr(scheduledLearningRate(step, schedule, options.ditLearningRate));
        const auto batch = ditBatch(set, promptIds, emptyIds, nets, options, step).to(nets.device);
        const auto b = batch.x0.size(0);
        // Noise levels spread as the shifted schedule visits them at inference.
        const auto sigma = shiftedNoiseLevel(torch::rand({b}), shift).to(nets.device);
        const auto noise = torch::randn_like(batch.x0);
        const auto flow = flowMatchingInput(batch.x0, noise, sigma);
        // Given frames are clean and marked so, as the sampler hands them over.
        const auto input = batch.x0 * batch.mask + flow.noisy * (1.0 - batch.mask);
        const auto frameMask = batch.mask.mean({1, 3, 4}); // [B, T]
        auto timesteps = flow.timesteps;
        if (conditionTimestep >= 0.0)
            timesteps = conditionTimestep * frameMask + timesteps * (1.0 - frameMask);
        const auto context2 = nets.text->embed(batch.ids);
        const auto velocity = nets.dit->forward({input, timesteps, context2, batch.mask, {}});
        // Given frames are not learned; ball pixels may weigh more (ditBallWeight).
        const auto weight = ((1.0 - batch.mask) * batch.weight).expand_as(flow.target);
        const auto loss = ((velocity - flow.target).pow(2) * weight).sum() / weight.sum().clamp_min(1.0);
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(tensors, 1.0);
        optimizer.step();
        ++step;
        // The average follows closely at first, then settles to emaDecay.
        average.update(parameters, std::min(options.emaDecay, (1.0 + step) / (10.0 + step)));

        if (!finishTrainingStep(context, kStage, step, steps, loss.item<double>(), running, start, checkpoint))
            return false;
    }
    reportStage(context, kStage, running, step, start);
    average.copyInto(parameters);
    nets.dit->eval();
    nets.text->eval();
    return true;
}

torch::Tensor shiftedNoiseLevel(const torch::Tensor& u, double shift)
{
    return shift * u / (1.0 + (shift - 1.0) * u);
}

FlowMatchingInput flowMatchingInput(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& sigma)
{
    const auto b = x0.size(0);
    const auto perSample = sigma.view({b, 1, 1, 1, 1});
    return {
        (1.0 - perSample) * x0 + perSample * noise, (sigma.view({b, 1}) * 1000.0).expand({b, x0.size(2)}), noise - x0};
}

} // namespace cosmos::engine::nano
