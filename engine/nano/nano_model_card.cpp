#include "engine/nano/nano_model_card.h"

#include <cstdio>
#include <sstream>
#include <vector>

#include "engine/util/json_read.h"

namespace cosmos::engine::nano {
namespace {

std::string fixed(double value, int digits)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

// 5 -> "5", 2.5 -> "2.5".
std::string shortNumber(double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

// An object member, or an empty object.
nlohmann::json member(const nlohmann::json& object, const char* key)
{
    if (!object.is_object() || !object.contains(key))
        return nlohmann::json::object();
    return object.at(key);
}

// What a run's tokenizer steps trained: " (decoder, 33-frame windows,
// balls x3)".
// The window length matters: the causal tokenizer decodes frames past its
// training windows worse.
std::string tokenizerRunNote(const nlohmann::json& options, std::int64_t vaeSteps)
{
    if (vaeSteps <= 0)
        return "";
    std::string note;
    if (util::jsonFlag(options, "vae_decoder_only"))
        note = "decoder";
    if (const auto frames = util::jsonInteger(options, "vae_frames"); frames > 0)
        note += (note.empty() ? "" : ", ") + std::to_string(frames) + "-frame windows";
    if (const double weight = util::jsonNumber(options, "vae_ball_weight", 1.0); weight != 1.0)
        note += (note.empty() ? "" : ", ") + std::string("balls x") + shortNumber(weight);
    return note.empty() ? "" : " (" + note + ")";
}

// How a run's DiT steps were taken: " (cuda, batch 32, balls x5, first
// frame x4)": where, when not on the CPU, the batch, and the loss weights.
std::string ditRunNote(const nlohmann::json& options, std::int64_t ditSteps)
{
    if (ditSteps <= 0)
        return "";
    std::vector<std::string> parts;
    if (const std::string device = util::jsonText(options, "device"); !device.empty() && device != "cpu")
        parts.push_back(device);
    if (const auto batch = util::jsonInteger(options, "dit_batch"); batch > 0)
        parts.push_back("batch " + std::to_string(batch));
    if (const auto clips = util::jsonInteger(options, "latent_clips"); clips > 0)
        parts.push_back(std::to_string(clips) + " clips");
    if (const double rate = util::jsonNumber(options, "dit_lr", 0.0); rate > 0.0)
        parts.push_back("peak lr " + shortNumber(rate));
    if (const double weight = util::jsonNumber(options, "dit_ball_weight", 1.0); weight != 1.0)
        parts.push_back("balls x" + shortNumber(weight));
    if (const double weight = util::jsonNumber(options, "dit_first_frame_weight", 1.0); weight != 1.0)
        parts.push_back("first frame x" + shortNumber(weight));
    if (const double share = util::jsonNumber(options, "dit_two_ball_share", 0.0); share > 0.0)
        parts.push_back("two-ball clips " + shortNumber(100.0 * share) + " %");
    std::string note;
    for (const auto& part : parts)
        note += (note.empty() ? "" : ", ") + part;
    return note.empty() ? "" : " (" + note + ")";
}

void trainingSection(std::ostringstream& card, const nlohmann::json& training)
{
    card << "## Training\n\n";
    const auto runs = member(training, "runs");
    if (!runs.is_array() || runs.empty()) {
        card << "No training record.\n\n";
        return;
    }
    card << "Trained by the engine's own trainer, `cosmos-cli nano-train` on the CPU (or `scripts/gpu-train` where a "
            "GPU was lent), on clips of the project's own simulator (`cosmos-cli nano-data`); every run below "
            "continued the one before it.\n\n";
    card << "| run | started | data seed | tokenizer steps | DiT steps | tokenizer MSE | DiT loss | held-out DiT loss "
            "| minutes |\n";
    card << "|---|---|---|---|---|---|---|---|---|\n";
    int index = 1;
    bool weightedRuns = false;
    bool weightedTokenizerRuns = false;
    bool twoBallRuns = false;
    for (const auto& run : runs) {
        double seconds = 0.0;
        const auto stageSeconds = member(run, "seconds");
        for (const auto& item : stageSeconds.items())
            seconds += item.value().is_number() ? item.value().get<double>() : 0.0;
        const auto steps = member(run, "steps");
        const auto loss = member(run, "final_loss");
        const std::string started = util::jsonText(run, "started");
        const auto options = member(run, "options");
        const auto vaeSteps = util::jsonInteger(steps, "vae");
        const auto ditSteps = util::jsonInteger(steps, "dit");
        if (ditSteps > 0) {
            weightedRuns = weightedRuns || util::jsonNumber(options, "dit_ball_weight", 1.0) != 1.0
                || util::jsonNumber(options, "dit_first_frame_weight", 1.0) != 1.0;
            twoBallRuns = twoBallRuns || util::jsonNumber(options, "dit_two_ball_share", 0.0) > 0.0;
        }
        weightedTokenizerRuns
            = weightedTokenizerRuns || (vaeSteps > 0 && util::jsonNumber(options, "vae_ball_weight", 1.0) != 1.0);
        card << "| " << index++ << " | "
             << (util::jsonFlag(run, "earlier") ? std::string("earlier runs")
                        : started.empty()       ? std::string("-")
                                                : started.substr(0, 10))
             << " | " << util::jsonInteger(run, "data_seed") << " | " << vaeSteps << tokenizerRunNote(options, vaeSteps)
             << " | " << ditSteps << ditRunNote(options, ditSteps) << " | "
             << (loss.contains("vae") ? fixed(util::jsonNumber(loss, "vae"), 5) : "-") << " | "
             << (loss.contains("dit") ? fixed(util::jsonNumber(loss, "dit"), 4) : "-") << " | "
             << (loss.contains("dit_validation") ? fixed(util::jsonNumber(loss, "dit_validation"), 4) : "-") << " | "
             << fixed(seconds / 60.0, 1) << " |\n";
    }
    if (weightedRuns)
        card << "\nDiT steps marked \"balls xW\" weighted the latent pixels a ball covers W times in the loss "
                "(`--dit-ball-weight`), \"first frame xW\" a clip's first latent frame (`--dit-first-frame-weight`): "
                "their DiT loss is that weighted one and not comparable with the others; the held-out loss is always "
                "the plain one.\n";
    if (twoBallRuns)
        card << "\nDiT steps marked \"two-ball clips P %\" drew that share of their training windows from two-ball "
                "clips (`--dit-two-ball-share`; otherwise clips are drawn uniformly, about 43 % of them two-ball).\n";
    if (weightedTokenizerRuns)
        card << "\nTokenizer steps marked \"balls xW\" weighted the pixels a ball covers W times in the loss "
                "(`--vae-ball-weight`); the tokenizer MSE shown is the plain one.\n";
    const auto total = member(training, "total_steps");
    card << "\nTotal: " << util::jsonInteger(total, "vae") << " tokenizer steps, " << util::jsonInteger(total, "dit")
         << " DiT steps.\n\n";
}

void evaluationSection(std::ostringstream& card, const nlohmann::json& evaluation)
{
    card << "## Evaluation\n\n";
    const auto metrics
        = evaluation.is_object() && evaluation.contains("metrics") ? evaluation.at("metrics") : nlohmann::json::array();
    if (!metrics.is_array() || metrics.empty()) {
        card << "Not evaluated yet: run `cosmos-cli nano-eval --model <this folder> --card`.\n\n";
        return;
    }
    card << "`cosmos-cli nano-eval` on " << util::jsonInteger(evaluation, "clips") << " fresh clips (eval seed "
         << util::jsonInteger(evaluation, "eval_seed") << "), " << util::jsonInteger(evaluation, "steps")
         << " sampling steps:\n\n";
    card << "| metric | value | target | clips |\n|---|---|---|---|\n";
    for (const auto& metric : metrics) {
        card << "| " << util::jsonText(metric, "label") << " | " << fixed(util::jsonNumber(metric, "value"), 1) << " "
             << util::jsonText(metric, "unit") << " | " << util::jsonText(metric, "target") << " | "
             << util::jsonInteger(metric, "samples") << " |\n";
    }
    card << "\n";
}

} // namespace

std::string nanoModelCard(
    const pipeline::WorldModelConfig& config, const nlohmann::json& training, const nlohmann::json& evaluation)
{
    std::ostringstream card;
    card << "# Nano world model\n\n"
         << "The studio's embedded default model: the Cosmos-Predict2.5 architecture (the same DiT, Wan video "
            "tokenizer, Qwen text encoder and flow sampler as the real model) at a size that trains and runs on "
            "two CPU cores. It knows one small world: one or two balls (red, green, blue, yellow, purple, orange, "
            "white; small or large) thrown, dropped and bouncing under gravity in a 2D side view.\n\n"
         << "- Clips: " << config.resolutions.front().width << "x" << config.resolutions.front().height << " at "
         << config.fps << " fps, " << config.frameCounts.front() << " frames per segment.\n"
         << "- Modes: Text2World, Image2World, Video2World, and Continue with the previous take's latents "
            "(trained for it, so long rollouts have no re-encoding seam).\n"
         << "- Defaults: " << config.sampling.steps << " steps, guidance " << config.sampling.guidance << ", shift "
         << config.sampling.shift << ".\n"
         << "- Files: `dit.safetensors` and `text_encoder.safetensors` (fp16), `vae.safetensors` (fp32), "
            "`tokenizer.json` (byte-level BPE learned from the prompt vocabulary), `config.json`, "
            "`training.json`, `evaluation.json`.\n"
         << "- Prompts it understands look like \"a large red ball is thrown to the right and bounces twice\" "
            "or \"a small blue ball drops onto a yellow ball\".\n\n";
    trainingSection(card, training);
    evaluationSection(card, evaluation);
    card << "## Live preview map\n\n"
            "The studio previews each sampling step by mapping latents to RGB linearly, "
            "rgb = factors^T z + bias (fitted by least squares on simulator clips):\n\n";
    const auto& f = config.previewFactors;
    if (f.size() == static_cast<std::size_t>(config.vae.zDim) * 3) {
        card << "| channel | R | G | B |\n|---|---|---|---|\n";
        for (std::size_t c = 0; c < f.size() / 3; ++c)
            card << "| " << c << " | " << fixed(f[c * 3], 3) << " | " << fixed(f[c * 3 + 1], 3) << " | "
                 << fixed(f[c * 3 + 2], 3) << " |\n";
        if (config.previewBias.size() == 3)
            card << "| bias | " << fixed(config.previewBias[0], 3) << " | " << fixed(config.previewBias[1], 3) << " | "
                 << fixed(config.previewBias[2], 3) << " |\n";
    } else {
        card << "Not fitted.\n";
    }
    return card.str();
}

} // namespace cosmos::engine::nano
