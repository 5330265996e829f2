// The end of training: the latent -> RGB preview map, and the model folder
// (config, weights, tokenizer, training record, model card).
#include <filesystem>
#include <fstream>

#include <torch/torch.h>

#include "engine/build_info.h"
#include "engine/errors.h"
#include "engine/nano/nano_model_card.h"
#include "engine/nano/nano_tensors.h"
#include "engine/nano/nano_training_parts.h"
#include "engine/nano/nano_world.h"
#include "engine/nets/dit/dit_loading.h"
#include "engine/nets/text/text_encoder_loading.h"
#include "engine/nets/vae/wan_vae_loading.h"
#include "engine/util/atomic_file.h"
#include "engine/util/json_read.h"
#include "engine/weights/safetensors_writer.h"

namespace cosmos::engine::nano {
namespace fs = std::filesystem;
namespace {

// fp16 halves what the repository carries; the networks compute in fp32.
TensorMap toHalf(const TensorMap& tensors, bool half16)
{
    if (!half16)
        return tensors;
    TensorMap half;
    for (const auto& [name, tensor] : tensors)
        half.emplace(name, tensor.to(torch::kFloat16).contiguous());
    return half;
}

} // namespace

void fitPreviewMap(NanoNets& nets, const StageContext& context)
{
    // Pairs of (normalised latent, mean colour of the pixels it covers): each
    // latent cell covers an 8x8 block of 1 frame (the first) or 4 frames.
    torch::InferenceMode inference;
    const int compression = static_cast<int>(nets.config.vae.temporalCompression());
    const int spatial = static_cast<int>(nets.config.vae.spatialCompression());
    std::vector<torch::Tensor> latents, colours;
    for (std::uint64_t i = 0; i < static_cast<std::uint64_t>(std::max(1, context.options.previewClips)); ++i) {
        const auto clip = simulateClip(NanoClipSpec::fromSeed(trainingClipSeed(context.options.dataSeed + 2000, i)));
        const auto video = clipToTensor(clip); // [3, T, H, W]
        const auto latent = nets.vae->encode(video.unsqueeze(0).to(nets.device))[0].to(torch::kCPU); // [C, T', h, w]
        const auto pooled = torch::avg_pool2d(video.transpose(0, 1), spatial); // [T, 3, h, w]
        std::vector<torch::Tensor> perLatent {pooled[0]};
        for (std::int64_t t = 1; t < latent.size(1); ++t)
            perLatent.push_back(pooled.slice(0, 1 + (t - 1) * compression, 1 + t * compression).mean(0));
        const auto target = torch::stack(perLatent).permute({0, 2, 3, 1}).reshape({-1, 3}); // [T'hw, 3]
        latents.push_back(latent.permute({1, 2, 3, 0}).reshape({-1, latent.size(0)}));
        colours.push_back(target);
    }
    const auto z = torch::cat(latents, 0);
    const auto design = torch::cat({z, torch::ones({z.size(0), 1})}, 1).to(torch::kFloat64);
    const auto solution = torch::matmul(torch::pinverse(design), torch::cat(colours, 0).to(torch::kFloat64));
    const auto factors = solution.slice(0, 0, z.size(1)).to(torch::kFloat32).contiguous(); // [C, 3]
    const auto bias = solution[z.size(1)].to(torch::kFloat32).contiguous();
    nets.config.previewFactors.assign(factors.data_ptr<float>(), factors.data_ptr<float>() + factors.numel());
    nets.config.previewBias.assign(bias.data_ptr<float>(), bias.data_ptr<float>() + 3);
    const auto fitted = torch::matmul(design, solution).to(torch::kFloat32);
    const double rms = (fitted - torch::cat(colours, 0)).pow(2).mean().sqrt().item<double>();
    context.report.finalLoss["preview_rms"] = rms;
    context.logger->info("preview map fitted: rms error {:.3f} (in [-1, 1] units)", rms);
}

void exportNanoModel(NanoNets& nets, const StageContext& context)
{
    const auto& options = context.options;
    std::error_code error;
    fs::create_directories(options.outDir, error);
    if (error)
        throw EngineError("cannot create the model folder " + options.outDir + ": " + error.message());

    // The training record accumulates over runs that continue a model.
    auto record = util::readJsonObjectIfPresent(options.initFrom.empty() ? "" : options.initFrom + "/training.json");
    auto& runs = record["runs"];
    if (!runs.is_array())
        runs = nlohmann::json::array();
    nlohmann::json run;
    run["data_seed"] = options.dataSeed;
    run["train_seed"] = options.trainSeed;
    run["init_from"] = options.initFrom;
    run["engine_version"] = queryBuildInfo().engineVersion;
    run["steps"] = context.report.steps;
    // Losses and times come from the work folder's loss log, which covers
    // all of its runs (their steps are the folder's too), then from this run.
    const LossLogSummary logged = summariseLossLog(options.workDir);
    run["final_loss"] = context.report.finalLoss;
    run["seconds"] = context.report.seconds;
    for (const auto& [stage, loss] : logged.lastLoss)
        run["final_loss"][stage] = loss;
    for (const auto& [stage, seconds] : logged.seconds)
        run["seconds"][stage] = seconds;
    if (const auto validation = lastValidationLoss(options.workDir))
        run["final_loss"]["dit_validation"] = *validation;
    run["options"] = {{"vae_batch", options.vaeBatch}, {"vae_frames", options.vaeFrames}, {"vae_crop", options.vaeCrop},
        {"vae_lr", options.vaeLearningRate}, {"vae_decoder_only", options.vaeDecoderOnly},
        {"latent_clips", options.latentClips}, {"latent_clip_frames", options.latentClipFrames},
        {"dit_batch", options.ditBatch}, {"dit_lr", options.ditLearningRate}, {"prompt_dropout", options.promptDropout},
        {"ema_decay", options.emaDecay}, {"text2world_share", options.text2WorldShare},
        {"image2world_share", options.image2WorldShare}, {"video2world_share", options.video2WorldShare},
        {"device", options.device}};
    runs.push_back(run);
    int vaeSteps = 0, ditSteps = 0;
    for (const auto& r : runs) {
        const auto steps = r.contains("steps") ? r.at("steps") : nlohmann::json::object();
        vaeSteps += static_cast<int>(util::jsonInteger(steps, "vae"));
        ditSteps += static_cast<int>(util::jsonInteger(steps, "dit"));
    }
    record["total_steps"] = {{"vae", vaeSteps}, {"dit", ditSteps}};

    const std::string dir = options.outDir;
    writeSafetensors(
        dir + "/dit.safetensors", toHalf(nets::ditStateDict(*nets.dit), options.halfPrecision), {{"format", "pt"}});
    // The tokenizer stays fp32: its reconstruction is what every frame shows.
    writeSafetensors(dir + "/vae.safetensors", nets::wanVaeStateDict(*nets.vae), {{"format", "pt"}});
    writeSafetensors(dir + "/text_encoder.safetensors",
        toHalf(nets::textEncoderStateDict(*nets.text), options.halfPrecision), {{"format", "pt"}});
    util::writeFileAtomically(dir + "/tokenizer.json", nets.tokenizerJson);
    util::writeFileAtomically(dir + "/config.json", nets.config.toJson().dump(2) + "\n");
    util::writeFileAtomically(dir + "/training.json", record.dump(2) + "\n");
    // An earlier evaluation scored other weights: `cosmos-cli nano-eval --card` scores these.
    fs::remove(dir + "/evaluation.json", error);
    util::writeFileAtomically(dir + "/MODEL_CARD.md", nanoModelCard(nets.config, record, nlohmann::json::object()));
    context.logger->info("nano model written to {}", dir);
}

} // namespace cosmos::engine::nano
