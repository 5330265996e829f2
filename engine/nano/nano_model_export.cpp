// The end of training: the latent -> RGB preview map, and the model folder
// (config, weights, tokenizer, training record, model card).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

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

// One run row of the work folder (TrainingState::beginRun) as training.json
// records it: the steps it trained, its losses and time from the logs over
// its steps only; null when it trained nothing.
nlohmann::json folderRunRecord(const nlohmann::json& row, const std::string& workDir)
{
    const auto from = row.value("from", nlohmann::json::object());
    const auto to = row.value("to", nlohmann::json::object());
    std::map<std::string, StepRange> ranges;
    nlohmann::json steps = nlohmann::json::object();
    bool trained = false;
    for (const char* stage : {"vae", "dit"}) {
        const StepRange range {
            static_cast<int>(util::jsonInteger(from, stage)), static_cast<int>(util::jsonInteger(to, stage))};
        ranges[stage] = range;
        steps[stage] = std::max(0, range.to - range.from);
        trained = trained || range.to > range.from;
    }
    if (!trained)
        return nullptr;
    nlohmann::json run = row;
    run.erase("from");
    run.erase("to");
    run["steps_from"] = from;
    run["steps_to"] = to;
    run["steps"] = steps;
    const LossLogSummary logged = summariseLossLog(workDir, ranges);
    run["final_loss"] = nlohmann::json::object();
    run["seconds"] = nlohmann::json::object();
    for (const auto& [stage, loss] : logged.lastLoss)
        run["final_loss"][stage] = loss;
    for (const auto& [stage, seconds] : logged.seconds)
        run["seconds"][stage] = seconds;
    if (const auto validation = lastValidationLoss(workDir, ranges.at("dit")))
        run["final_loss"]["dit_validation"] = *validation;
    return run;
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

    // The training record accumulates over runs that continue a model: the
    // starting model's runs, then this work folder's, one row per run.
    auto record = util::readJsonObjectIfPresent(options.initFrom.empty() ? "" : options.initFrom + "/training.json");
    auto& runs = record["runs"];
    if (!runs.is_array())
        runs = nlohmann::json::array();
    const nlohmann::json identity = runIdentity(options);
    for (const auto& row : context.state.runs()) {
        nlohmann::json run = folderRunRecord(row, options.workDir);
        if (run.is_null())
            continue; // trained nothing
        // Rows of a folder from before run rows know only their steps; the
        // folder's data seed is this run's (its latents come from it).
        for (const char* key : {"data_seed", "init_from"})
            if (!run.contains(key))
                run[key] = identity.at(key);
        // A model exported from this same folder before (and committed, then
        // named by --init) already lists the folder's earlier runs: such a
        // row is kept (with what that export added, as its preview fit), or
        // brought up to date if the run trained on since; not listed twice.
        const auto same = std::find_if(runs.begin(), runs.end(), [&run](const nlohmann::json& listed) {
            return run.contains("started") && listed.value("started", nlohmann::json()) == run.at("started")
                && listed.value("steps_from", nlohmann::json()) == run.value("steps_from", nlohmann::json());
        });
        if (same != runs.end()) {
            if (same->value("steps", nlohmann::json()) != run.value("steps", nlohmann::json()))
                *same = run;
        } else
            runs.push_back(run);
    }
    // The fit of the preview map belongs to these weights: the last run's.
    const auto previewFit = context.report.finalLoss.find("preview_rms");
    if (!runs.empty() && previewFit != context.report.finalLoss.end())
        runs.back()["final_loss"]["preview_rms"] = previewFit->second;
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

nlohmann::json runIdentity(const NanoTrainOptions& options)
{
    return {{"data_seed", options.dataSeed}, {"train_seed", options.trainSeed}, {"init_from", options.initFrom},
        {"engine_version", queryBuildInfo().engineVersion},
        {"options",
            {{"vae_steps", options.vaeSteps}, {"vae_batch", options.vaeBatch}, {"vae_frames", options.vaeFrames},
                {"vae_crop", options.vaeCrop}, {"vae_lr", options.vaeLearningRate},
                {"vae_decoder_only", options.vaeDecoderOnly}, {"vae_ball_weight", options.vaeBallWeight},
                {"latent_clips", options.latentClips}, {"latent_clip_frames", options.latentClipFrames},
                {"dit_steps", options.ditSteps}, {"dit_batch", options.ditBatch}, {"dit_lr", options.ditLearningRate},
                {"prompt_dropout", options.promptDropout}, {"dit_ball_weight", options.ditBallWeight},
                {"dit_first_frame_weight", options.ditFirstFrameWeight},
                {"dit_two_ball_share", options.ditTwoBallShare}, {"ema_decay", options.emaDecay},
                {"text2world_share", options.text2WorldShare}, {"image2world_share", options.image2WorldShare},
                {"video2world_share", options.video2WorldShare}, {"device", options.device}}}};
}

} // namespace cosmos::engine::nano
