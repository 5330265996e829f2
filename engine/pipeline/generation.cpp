#include "engine/pipeline/generation.h"

#include <algorithm>
#include <chrono>
#include <string_view>

#include <torch/torch.h>

#include "engine/errors.h"
#include "engine/sampling/flow_sampler.h"
#include "engine/sampling/seeded_noise.h"

namespace cosmos::engine::pipeline {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string joinInts(const std::vector<int>& values)
{
    std::string text;
    for (const int v : values)
        text += (text.empty() ? "" : ", ") + std::to_string(v);
    return text;
}

struct Conditioning {
    torch::Tensor gt; // [1, C, T', h, w]: clean latent on conditioning frames, 0 elsewhere
    torch::Tensor mask; // [1, 1, T', h, w]
    int frames = 0; // conditioning latent frames
    bool handedOver = false; // Continue with the previous take's latents
};

Conditioning buildConditioning(WorldModel& model, const GenerationRequest& request, std::int64_t latentFrames,
    std::int64_t h, std::int64_t w, const Resolution& resolution)
{
    const auto& config = model.config();
    Conditioning c;
    c.gt = torch::zeros({1, config.vae.zDim, latentFrames, h, w});
    c.mask = torch::zeros({1, 1, latentFrames, h, w});
    if (request.mode == GenerationMode::Text2World)
        return c;

    torch::Tensor latent;
    if (request.mode == GenerationMode::Continue && config.continueWithLatents
        && request.conditioningLatent.defined()) {
        const auto& previous = request.conditioningLatent;
        if (previous.dim() != 5 || previous.size(1) != config.vae.zDim || previous.size(3) != h
            || previous.size(4) != w)
            throw EngineError("the latent to continue from does not match this model and resolution");
        const auto n = std::min<std::int64_t>(config.conditionalLatentFrames, previous.size(2));
        latent = previous.slice(2, previous.size(2) - n).to(torch::kFloat32);
        c.handedOver = true;
    } else {
        const auto& frames = request.conditioningFrames;
        if (!frames.defined())
            throw EngineError(generationModeName(request.mode) + " needs conditioning frames (an image or a video)");
        if (frames.dim() != 4 || frames.size(0) != 3 || frames.size(2) != resolution.height
            || frames.size(3) != resolution.width)
            throw EngineError("conditioning frames must be [3, T, " + std::to_string(resolution.height) + ", "
                + std::to_string(resolution.width) + "] in [-1, 1]");
        const int wanted = request.mode == GenerationMode::Image2World ? 1 : config.conditionalLatentFrames;
        const std::int64_t pixelFrames = 1 + config.vae.temporalCompression() * (wanted - 1);
        if (frames.size(1) < pixelFrames)
            throw EngineError("the video has " + std::to_string(frames.size(1)) + " frame(s); "
                + generationModeName(request.mode) + " needs at least " + std::to_string(pixelFrames)
                + " (its last frames become the first " + std::to_string(wanted) + " latent frames)");
        // The tokenizer is causal: encoding only the conditioning frames gives
        // exactly the first latent frames of encoding a longer clip.
        const auto clip = request.mode == GenerationMode::Image2World ? frames.slice(1, 0, 1)
                                                                      : frames.slice(1, frames.size(1) - pixelFrames);
        torch::InferenceMode inference;
        latent = model.vae()
                     .encode(clip.unsqueeze(0).to(model.device(), torch::kFloat32))
                     .to(torch::kCPU, torch::kFloat32);
    }
    const auto n = std::min<std::int64_t>(latent.size(2), latentFrames);
    c.gt.slice(2, 0, n).copy_(latent.slice(2, 0, n));
    c.mask.slice(2, 0, n).fill_(1.0);
    c.frames = static_cast<int>(n);
    return c;
}

} // namespace

std::string generationModeName(GenerationMode mode)
{
    switch (mode) {
    case GenerationMode::Text2World: return "text2world";
    case GenerationMode::Image2World: return "image2world";
    case GenerationMode::Video2World: return "video2world";
    case GenerationMode::Continue: return "continue";
    }
    return "text2world";
}

GenerationMode generationModeFromName(const std::string& name)
{
    for (auto mode : {GenerationMode::Text2World, GenerationMode::Image2World, GenerationMode::Video2World,
             GenerationMode::Continue})
        if (generationModeName(mode) == name)
            return mode;
    throw EngineError("unknown mode '" + name + "' (valid: text2world, image2world, video2world, continue)");
}

PreviewPtr latentPreview(const WorldModelConfig& config, const torch::Tensor& latent, int step)
{
    torch::NoGradGuard noGrad;
    const auto z = latent.to(torch::kCPU, torch::kFloat32)[0]; // [C, T', h, w]
    torch::Tensor rgb; // [T', h, w, 3]
    if (!config.previewFactors.empty()) {
        const auto factors = torch::tensor(config.previewFactors).view({z.size(0), 3});
        rgb = torch::einsum("cthw,ck->thwk", {z, factors});
        if (!config.previewBias.empty())
            rgb = rgb + torch::tensor(config.previewBias);
    } else {
        rgb = z.slice(0, 0, 3).permute({1, 2, 3, 0}) / 3.0; // normalised latents: roughly unit scale
    }
    // Every pixel frame: latent frame 0 is frame 0; each later one covers `compression` frames.
    const auto compression = config.vae.temporalCompression();
    std::vector<torch::Tensor> frames {rgb.slice(0, 0, 1)};
    if (rgb.size(0) > 1)
        frames.push_back(rgb.slice(0, 1).repeat_interleave(compression, 0));
    const auto all = ((torch::cat(frames, 0).clamp(-1, 1) + 1) * 127.5).round().to(torch::kUInt8).contiguous();
    auto preview = std::make_shared<PreviewFrames>();
    preview->frames = static_cast<int>(all.size(0));
    preview->height = static_cast<int>(all.size(1));
    preview->width = static_cast<int>(all.size(2));
    preview->step = step;
    preview->rgb.assign(all.data_ptr<std::uint8_t>(), all.data_ptr<std::uint8_t>() + all.numel());
    return preview;
}

GenerationResult generate(WorldModel& model, const GenerationRequest& request, const JobContext* context)
{
    const WorldModelConfig& config = model.config();
    const auto totalStart = Clock::now();
    GenerationResult result;

    // Refuse what the model cannot do, listing what it can.
    const int frames = request.frames > 0 ? request.frames : config.frameCounts.front();
    if (std::find(config.frameCounts.begin(), config.frameCounts.end(), frames) == config.frameCounts.end())
        throw EngineError("model '" + config.name + "' cannot make " + std::to_string(frames)
            + " frames (valid: " + joinInts(config.frameCounts) + ")");
    const Resolution resolution = request.resolution.height > 0 ? request.resolution : config.resolutions.front();
    if (std::find(config.resolutions.begin(), config.resolutions.end(), resolution) == config.resolutions.end())
        throw EngineError("model '" + config.name + "' does not support " + describeResolutions({resolution})
            + " (valid: " + describeResolutions(config.resolutions) + ")");
    if (request.prompt.empty())
        throw EngineError("the prompt is empty");

    sampling::SamplerConfig sampler = config.sampling;
    if (request.steps)
        sampler.steps = *request.steps;
    if (request.guidance)
        sampler.guidance = *request.guidance;
    if (request.shift)
        sampler.shift = *request.shift;
    if (request.solver)
        sampler.solver = *request.solver;

    // The decoding to come, as long as this model's last decode took for
    // as many latent pixels; unknown (negative) before its first.
    double decodeEstimate = StepProgress::kEtaUnknown;
    auto report = [context, &decodeEstimate](int step, int steps, double elapsed, const char* phase) {
        if (!context)
            return;
        // Measured: the sampler's steps (their mean so far) and, from the
        // model's last take, the decoding after them. The text and
        // conditioning phases have no such measure: their time left is unknown.
        const std::string_view name(phase);
        const double decoding = std::max(decodeEstimate, 0.0);
        double eta = StepProgress::kEtaUnknown;
        if (name == "sampling" && step > 0)
            eta = elapsed / step * (steps - step) + decoding;
        else if (name == "decoding")
            eta = decodeEstimate;
        context->progress({step, steps, elapsed, eta, phase});
    };

    // Text: the prompt and (with guidance) the negative prompt.
    auto phase = Clock::now();
    report(0, sampler.steps, 0.0, "text");
    const torch::Tensor cond = model.encodePrompt(request.prompt);
    const bool guided = sampler.guidance != 0.0;
    const torch::Tensor uncond
        = guided ? model.encodePrompt(request.negativePrompt.value_or(config.negativePrompt)) : torch::Tensor();
    result.seconds["text"] = secondsSince(phase);

    // Conditioning latents.
    phase = Clock::now();
    const auto spatial = config.vae.spatialCompression();
    const std::int64_t latentFrames = 1 + (frames - 1) / config.vae.temporalCompression();
    const std::int64_t h = resolution.height / spatial, w = resolution.width / spatial;
    report(0, sampler.steps, 0.0, "conditioning");
    const Conditioning conditioning = buildConditioning(model, request, latentFrames, h, w, resolution);
    result.conditionalLatentFrames = conditioning.frames;
    result.seconds["conditioning"] = secondsSince(phase);
    // A continuation decodes the handed-over history before its own frames.
    const std::int64_t decodedLatentPixels
        = (latentFrames + (conditioning.handedOver ? request.conditioningLatent.size(2) - conditioning.frames : 0)) * h
        * w;
    if (model.decodeSecondsPerLatentPixel() > 0.0)
        decodeEstimate = model.decodeSecondsPerLatentPixel() * static_cast<double>(decodedLatentPixels);

    // Sampling.
    phase = Clock::now();
    const torch::Tensor noise = numpyNoise(request.seed, {1, config.vae.zDim, latentFrames, h, w});
    const auto device = model.device();
    const auto gt = conditioning.gt.to(device);
    const auto mask = conditioning.mask.to(device);
    const auto noiseOnDevice = noise.to(device);
    // Per-frame share of the mask: 1 on conditioning frames. [1, T']
    const auto frameMask = conditioning.mask.mean({1, 3, 4}).to(device);
    const auto context2 = guided ? torch::cat({cond, uncond}, 0).to(device) : cond.to(device);

    auto velocity = [&](const torch::Tensor& x, const torch::Tensor& timesteps, bool batched) {
        torch::InferenceMode inference;
        const auto rows = x.size(0);
        const auto xIn = gt * mask + x.to(device) * (1 - mask);
        torch::Tensor t = timesteps.to(device, torch::kFloat32);
        if (config.conditionalFrameTimestep >= 0.0)
            t = config.conditionalFrameTimestep * frameMask + t.unsqueeze(1) * (1 - frameMask); // [rows, T']
        nets::DitInputs in {
            xIn, t, batched ? context2 : context2.slice(0, 0, 1), mask.expand({rows, 1, -1, -1, -1}), {}};
        const auto v = model.dit().forward(in);
        return (noiseOnDevice - gt) * mask + v * (1 - mask);
    };
    const auto samplingStart = Clock::now();
    auto onStep = [&](const sampling::StepEvent& event) {
        report(event.step, event.steps, secondsSince(samplingStart), "sampling");
        if (context && request.previewEverySteps > 0
            && (event.step % request.previewEverySteps == 0 || event.step == event.steps))
            context->preview(latentPreview(config, event.x0, event.step));
        return !(context && context->cancel().stopNow());
    };
    torch::Tensor latent = sampling::sampleFlow(noise.to(device), sampler, velocity, onStep);
    // The velocity replacement keeps conditioning frames at their clean
    // latent up to rounding; make them exact, so a continued rollout starts
    // from precisely the frames it continues.
    latent = gt * mask + latent * (1 - mask);
    result.steps = sampling::makeSchedule(sampler.schedule, sampler.steps, sampler.shift).steps();
    result.seconds["sampling"] = secondsSince(phase);

    // Decoding.
    phase = Clock::now();
    report(result.steps, result.steps, secondsSince(samplingStart), "decoding");
    {
        torch::InferenceMode inference;
        if (conditioning.handedOver) {
            // The handed-over latents are the previous take's last latent
            // frames, which cover 4 frames each: decode them after the
            // previous take's earlier latents, as the tokenizer's causal
            // cache expects, and keep this take's frames. Its first frames
            // then equal the previous take's last ones: no seam.
            const auto& previous = request.conditioningLatent;
            const auto history
                = previous.slice(2, 0, previous.size(2) - conditioning.frames).to(device, latent.dtype());
            const auto video = model.vae().decode(torch::cat({history, latent.to(device)}, 2));
            result.video = video.slice(2, video.size(2) - frames).to(torch::kCPU, torch::kFloat32)[0].clone();
        } else {
            result.video = model.vae().decode(latent.to(device)).to(torch::kCPU, torch::kFloat32)[0].clone();
        }
    }
    result.latent = latent.to(torch::kCPU, torch::kFloat32).clone();
    result.seconds["decoding"] = secondsSince(phase);
    model.recordDecode(result.seconds["decoding"], decodedLatentPixels);
    result.seconds["total"] = secondsSince(totalStart);
    return result;
}

} // namespace cosmos::engine::pipeline
