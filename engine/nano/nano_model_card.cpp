#include "engine/nano/nano_model_card.h"

#include <cstdio>
#include <sstream>

namespace cosmos::engine::nano {
namespace {

std::string fixed(double value, int digits)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

void trainingSection(std::ostringstream& card, const nlohmann::json& training)
{
    card << "## Training\n\n";
    if (!training.contains("runs") || training["runs"].empty()) {
        card << "No training record.\n\n";
        return;
    }
    card << "Trained on the CPU by `cosmos-cli nano-train` on clips of the project's own simulator "
            "(`cosmos-cli nano-data`); every run below continued the one before it.\n\n";
    card << "| run | data seed | tokenizer steps | DiT steps | tokenizer MSE | DiT loss | minutes |\n";
    card << "|---|---|---|---|---|---|---|\n";
    int index = 1;
    for (const auto& run : training["runs"]) {
        double seconds = 0.0;
        const auto stageSeconds = run.value("seconds", nlohmann::json::object()); // kept alive for the loop
        for (const auto& item : stageSeconds.items())
            seconds += item.value().get<double>();
        const auto steps = run.value("steps", nlohmann::json::object());
        const auto loss = run.value("final_loss", nlohmann::json::object());
        card << "| " << index++ << " | " << run.value("data_seed", 0) << " | " << steps.value("vae", 0) << " | "
             << steps.value("dit", 0) << " | " << (loss.contains("vae") ? fixed(loss["vae"], 5) : "-") << " | "
             << (loss.contains("dit") ? fixed(loss["dit"], 4) : "-") << " | " << fixed(seconds / 60.0, 1) << " |\n";
    }
    const auto total = training.value("total_steps", nlohmann::json::object());
    card << "\nTotal: " << total.value("vae", 0) << " tokenizer steps, " << total.value("dit", 0) << " DiT steps.\n\n";
}

void evaluationSection(std::ostringstream& card, const nlohmann::json& evaluation)
{
    card << "## Evaluation\n\n";
    if (!evaluation.contains("metrics")) {
        card << "Not evaluated yet: run `cosmos-cli nano-eval --model <this folder> --card`.\n\n";
        return;
    }
    card << "`cosmos-cli nano-eval` on " << evaluation.value("clips", 0) << " fresh clips (eval seed "
         << evaluation.value("eval_seed", 0) << "), " << evaluation.value("steps", 0) << " sampling steps:\n\n";
    card << "| metric | value | target |\n|---|---|---|\n";
    for (const auto& metric : evaluation["metrics"]) {
        card << "| " << metric.value("label", std::string()) << " | " << fixed(metric.value("value", 0.0), 1) << " "
             << metric.value("unit", std::string()) << " | " << metric.value("target", std::string()) << " |\n";
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
