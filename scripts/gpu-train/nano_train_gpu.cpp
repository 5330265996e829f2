// Trains the nano world model on a GPU machine that has LibTorch but not the
// studio's Qt and FFmpeg: the engine's own trainer (trainNanoModel, the code
// `cosmos-cli nano-train` runs), driven by a wall-clock budget instead of a
// step count, because GPU time is lent by the minute.
//
// It runs the trainer three times on one work folder: a short calibration
// run (which also encodes the latents), a run sized to the time left at the
// measured speed, and, if that one had to be stopped at the deadline, a run
// whose target is the step reached, which only exports the averaged weights.
//
//   nano_train_gpu --init resources/models/nano --work W --out M --seconds 300
//                  [--device cuda] [--clips 2560] [--batch 12] [--lr 1e-4]
//                  [--ball-weight 5] [--first-frame-weight 4] [--two-ball-share 0]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "engine/nano/nano_training.h"

namespace nano = cosmos::engine::nano;
using Clock = std::chrono::steady_clock;

namespace {

std::map<std::string, std::string> parseArguments(int argc, char** argv)
{
    std::map<std::string, std::string> values;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key.rfind("--", 0) != 0)
            throw std::runtime_error("expected --option value pairs, got '" + key + "'");
        values[key.substr(2)] = argv[i + 1];
    }
    return values;
}

std::string valueOr(
    const std::map<std::string, std::string>& values, const std::string& key, const std::string& fallback)
{
    const auto found = values.find(key);
    return found == values.end() ? fallback : found->second;
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    try {
        const auto start = Clock::now();
        const auto args = parseArguments(argc, argv);
        const double budget = std::stod(valueOr(args, "seconds", "300"));
        // What the export and the last checkpoint need after training stops:
        // at least this, or 1.5 times what the calibration run's took.
        double margin = std::stod(valueOr(args, "margin", "15"));
        const int calibration = std::stoi(valueOr(args, "calibration-steps", "200"));

        auto logger = std::make_shared<spdlog::logger>("nano", std::make_shared<spdlog::sinks::stdout_sink_mt>());
        nano::NanoTrainOptions options;
        options.workDir = valueOr(args, "work", "");
        options.outDir = valueOr(args, "out", "");
        options.initFrom = valueOr(args, "init", "");
        options.device = valueOr(args, "device", "cuda");
        options.vaeSteps = 0; // the committed tokenizer: its latents stay valid
        options.latentClips = std::stoi(valueOr(args, "clips", "2560"));
        options.ditBatch = std::stoi(valueOr(args, "batch", "12"));
        options.ditLearningRate = std::stod(valueOr(args, "lr", "1e-4"));
        options.ditBallWeight = std::stod(valueOr(args, "ball-weight", "5"));
        options.ditFirstFrameWeight = std::stod(valueOr(args, "first-frame-weight", "4"));
        options.ditTwoBallShare = std::stod(valueOr(args, "two-ball-share", "0"));
        options.checkpointEvery = std::stoi(valueOr(args, "checkpoint-every", "1000"));

        int reached = 0;
        double ditSeconds = 0.0;
        // When the last latent clip was encoded and the first DiT step done:
        // between them a run loads its latents, weighs the balls and
        // measures its held-out loss, which the next run does again.
        double latentsDone = 0.0, firstDitStep = -1.0;
        // When the last DiT step was done: after it a run checkpoints and exports.
        double lastDitStep = 0.0;
        bool stopAtDeadline = false;
        options.progress = [&](const nano::NanoTrainProgress& p) {
            if (p.stage == "latents")
                latentsDone = secondsSince(start);
            if (p.stage == "dit") {
                reached = p.step;
                ditSeconds = p.elapsedSeconds;
                lastDitStep = secondsSince(start);
                if (firstDitStep < 0.0)
                    firstDitStep = secondsSince(start) - p.elapsedSeconds;
            }
            if (p.step % 500 == 0 || p.step == p.steps)
                std::printf("%s %d/%d loss %.5f %.1fs (total %.0fs)\n", p.stage.c_str(), p.step, p.steps, p.loss,
                    p.elapsedSeconds, secondsSince(start));
            std::fflush(stdout);
            return !(stopAtDeadline && secondsSince(start) > budget - margin);
        };

        options.ditSteps = calibration;
        nano::trainNanoModel(options, logger);
        const double exportSeconds = secondsSince(start) - lastDitStep;
        margin = std::max(margin, 1.5 * exportSeconds + 5.0);
        const double perStep = ditSeconds / std::max(1, calibration);
        const double setup = std::max(0.0, firstDitStep - latentsDone);
        const double left = budget - margin - setup - secondsSince(start);
        const int more = std::max(0, static_cast<int>(left / perStep * 0.95));
        std::printf("calibration: %.4f s/step at batch %d, %.1f s to start a run, %.1f s to export; %.0f s left: %d "
                    "more steps\n",
            perStep, options.ditBatch, setup, exportSeconds, left, more);
        std::fflush(stdout);

        options.ditSteps = calibration + more;
        stopAtDeadline = true;
        auto report = nano::trainNanoModel(options, logger);
        if (!report.finished) {
            std::printf("stopped at the deadline at step %d: exporting those weights\n", reached);
            options.ditSteps = reached;
            stopAtDeadline = false;
            report = nano::trainNanoModel(options, logger);
        }
        std::printf("finished: dit steps %d in %.0f s; model in %s\n", report.steps["dit"], secondsSince(start),
            report.modelDir.c_str());
        return report.finished ? 0 : 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "nano_train_gpu: %s\n", error.what());
        return 1;
    }
}
