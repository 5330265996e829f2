// The stages of nano training (see nano_training.h), each in its own file.
// Internal to engine/nano.
#pragma once

#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "engine/nano/nano_training.h"
#include "engine/nano/nano_world.h"
#include "engine/nets/dit/dit.h"
#include "engine/nets/text/qwen_text_model.h"
#include "engine/nets/vae/wan_vae.h"
#include "engine/pipeline/world_model.h"
#include "engine/pipeline/world_model_config.h"

namespace cosmos::engine::nano {

// The steps one run of a stage trains over: its learning rate warms up and
// decays over these.
struct LearningSchedule {
    int from = 0;
    int to = 0;
};

// The steps of a stage one run trained: those after `from`, up to `to`.
struct StepRange {
    int from = 0;
    int to = 0;
    bool contains(int step) const { return step > from && step <= to; }
};

// Stage bookkeeping in <workDir>/state.json, rewritten atomically.
class TrainingState {
public:
    explicit TrainingState(std::string workDir);
    int steps(const std::string& stage) const;
    void setSteps(const std::string& stage, int steps);
    bool done(const std::string& stage) const;
    void markDone(const std::string& stage);
    void clearDone(const std::string& stage);
    // A run toward a new step target gets a schedule of its own, from `step`
    // (a model continued from committed weights learns at a useful rate
    // again instead of at the tail of the last run's decay); a run resumed
    // toward the same target carries on the schedule it had. Saved with save().
    LearningSchedule schedule(const std::string& stage, int step, int target);
    // Opens this invocation's row in the folder's run list ("runs": where its
    // steps started and reached, when, with which options), so the training
    // record tells the runs of one work folder apart. A run resumed with the
    // same options where the last one stopped continues that row; a folder
    // from before these rows gets one row for its earlier steps. Each save()
    // moves the open row's end to the steps reached. `defaults` is the
    // identity of default options: a setting a stopped row lacks (added to
    // the trainer since) matches when it is at its default, so a binary with
    // a new option resumes the old row instead of starting another.
    void beginRun(const nlohmann::json& identity, const std::string& startedUtc, const nlohmann::json& defaults);
    const nlohmann::json& runs() const;
    nlohmann::json& data() { return m_json; }
    void save();

private:
    std::string m_path;
    nlohmann::json m_json;
    bool m_runOpen = false;
};

// Appends "stage<TAB>step<TAB>loss<TAB>seconds" lines to <workDir>/loss.tsv.
class LossLog {
public:
    explicit LossLog(const std::string& workDir);
    void add(const std::string& stage, int step, double loss, double seconds);

private:
    std::ofstream m_file;
};

// What <workDir>/loss.tsv says about the steps of each stage in `ranges`
// (one run's, or a folder's), those of stopped or killed invocations
// included (a run's own report knows only its own stages).
struct LossLogSummary {
    std::map<std::string, double> lastLoss; // per stage, the mean of its last logged losses
    std::map<std::string, double> seconds; // per stage, summed over the invocations
};
LossLogSummary summariseLossLog(const std::string& workDir, const std::map<std::string, StepRange>& ranges);

// A DiT training sample's window: its first latent frame in the clip's
// latents, and how many of its latent frames are given (0: Text2World).
// `r` in [0, 1) picks the mode by the options' shares; `random` places a
// continuation among the `starts` possible first frames.
struct DitWindow {
    std::int64_t start = 0;
    int conditioned = 0;
};
DitWindow chooseDitWindow(
    const NanoTrainOptions& options, double r, std::uint64_t random, std::int64_t starts, int conditionalFrames);

// The DiT's latent clips by number of balls, to draw windows from two-ball
// clips more often than their share of the data (ditTwoBallShare).
struct DitClipPools {
    std::vector<std::int64_t> oneBall, twoBalls;
};
DitClipPools ditClipPools(const NanoTrainOptions& options, std::int64_t clips);
// A clip from the pools: a two-ball one when `r` in [0, 1) is below `share`,
// a one-ball one otherwise (either when the other pool is empty); `random`
// picks within the pool.
std::int64_t chooseDitClip(const DitClipPools& pools, double share, double r, std::uint64_t random);

// A batch of the tokenizer's training windows: fresh simulated clips, cropped
// mostly around a ball, the same for a step whatever run asks. video: [B, 3,
// frames, crop, crop] in [-1, 1]; weights: per pixel (1 + (vaeBallWeight - 1)
// x the ball's coverage) as [B, 1, frames, crop, crop], undefined when the
// ball weight is 1.
struct VaeBatch {
    torch::Tensor video;
    torch::Tensor weights;
};
VaeBatch vaeBatch(const NanoTrainOptions& options, int step);

// Where the balls of a simulated clip are, at the latents' resolution: per
// latent frame (the first image frame, then groups of `temporalCompression`)
// and latent pixel (a `spatialCompression` square of image pixels), the
// largest share of the square that a ball covers in any of its frames.
// result: [1, T', H / spatial, W / spatial] float in [0, 1]
torch::Tensor ballCoverage(const NanoClip& clip, int spatialCompression, int temporalCompression);

// Exponential running mean for progress lines.
class RunningLoss {
public:
    void add(double value)
    {
        m_value = m_count == 0 ? value : 0.95 * m_value + 0.05 * value;
        ++m_count;
    }
    double value() const { return m_value; }

private:
    double m_value = 0.0;
    long m_count = 0;
};

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start);

struct StageContext {
    const NanoTrainOptions& options;
    const LoggerPtr& logger;
    TrainingState& state;
    LossLog& log;
    NanoTrainReport& report;
    // Reports progress; false when the caller asked to stop.
    bool progress(const std::string& stage, int step, int steps, double loss, double elapsed) const;
};

// The end of a training step, the same for every stage: the loss logged
// every logEvery steps, a checkpoint every checkpointEvery steps and at the
// last, progress reported. False, after a checkpoint, when asked to stop.
bool finishTrainingStep(const StageContext& context, const char* stage, int step, int steps, double loss,
    RunningLoss& running, Clock::time_point start, const std::function<void()>& checkpoint);
// A stage's final running loss, steps and time, into the report.
void reportStage(
    const StageContext& context, const char* stage, const RunningLoss& running, int step, Clock::time_point start);

// Every model component being trained, plus its config.
struct NanoNets {
    pipeline::WorldModelConfig config;
    std::string tokenizerJson;
    nets::WanVae vae {nullptr};
    nets::Dit dit {nullptr};
    nets::QwenTextModel text {nullptr};
    torch::Device device {torch::kCPU}; // where all three live
};

// Tokenizer stage: tokenizer.json from the prompt vocabulary (or kept from
// the init model), and the pad id in the text config.
void buildNanoTokenizer(NanoNets& nets, const StageContext& context);

// Returns false when stopped early.
bool trainNanoVae(NanoNets& nets, const StageContext& context);
// Per-channel latent mean and std over fresh clips, into the VAE config.
void measureLatentStatistics(NanoNets& nets, const StageContext& context);
// Rebuilds the VAE around nets.config.vae (its latent statistics), keeping the weights.
void applyVaeConfig(NanoNets& nets);
// Warm-up, then cosine decay to a tenth of `base`, over the schedule's steps.
double scheduledLearningRate(int step, const LearningSchedule& schedule, double base);
bool encodeTrainingLatents(NanoNets& nets, const StageContext& context);
// Before the tokenizer trains on: its latent statistics and the encoded
// latents of the work folder describe the old weights, so both are redone.
void discardTokenizerOutputs(const StageContext& context);
bool trainNanoDit(NanoNets& nets, const StageContext& context);

// Each latent pixel's loss weight in a DiT window starting at latent frame
// `start` of its clip: `clipWeights` [1, T, h, w] (the ball weights, or
// ones), with the clip's first latent frame weighing `firstFrameWeight`
// times more where the window holds it.
torch::Tensor ditWindowLossWeights(
    const torch::Tensor& clipWeights, std::int64_t start, std::int64_t window, double firstFrameWeight);

// Flow matching as the sampler integrates it, shared by training and the
// validation loss so the two cannot drift apart. Noise levels: u in [0, 1)
// through the sampler's shift, so they are spread as inference visits them.
torch::Tensor shiftedNoiseLevel(const torch::Tensor& u, double shift);
struct FlowMatchingInput {
    torch::Tensor noisy; // (1 - sigma) x0 + sigma noise
    torch::Tensor timesteps; // [B, T]: sigma x 1000 for every latent frame
    torch::Tensor target; // the velocity noise - x0
};
// x0 and noise [B, C, T, H, W], sigma [B].
FlowMatchingInput flowMatchingInput(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& sigma);

// The held-out loss, of the whole windows and of their first latent frame.
struct DitValidationLoss {
    double all = 0.0; // every latent frame: the yardstick
    // The first latent frame alone: the tokenizer codes it from one picture,
    // the rest from four each, and only Text2World windows learn it.
    double firstFrame = 0.0;
};
// The DiT's flow-matching loss on fixed, held-out Text2World windows at
// fixed noise (nano_dit_validation.cpp): comparable between steps, runs and
// models trained on the same tokenizer, unlike one batch's training loss.
class DitValidation {
public:
    // Simulates and encodes the held-out clips with the trained tokenizer.
    DitValidation(NanoNets& nets, const StageContext& context, const pipeline::PromptTokenizer& tokenize);
    // Of the networks' weights as they are now.
    DitValidationLoss loss(NanoNets& nets) const;
    bool empty() const { return !m_x0.defined(); }

private:
    torch::Tensor m_x0, m_noise, m_sigma, m_ids;
};
// "dit<TAB>step<TAB>loss<TAB>first frame's loss" lines in <workDir>/validation.tsv.
void appendValidationLoss(const std::string& workDir, int step, const DitValidationLoss& loss);
// The last held-out loss measured at a step within `range`.
std::optional<double> lastValidationLoss(const std::string& workDir, const StepRange& range);
// Least-squares latent -> RGB map for the live preview.
void fitPreviewMap(NanoNets& nets, const StageContext& context);
void exportNanoModel(NanoNets& nets, const StageContext& context);
// What identifies a run in the work folder's run rows and training.json:
// seeds, starting model, engine version, options and step targets.
nlohmann::json runIdentity(const NanoTrainOptions& options);

// Files in the work folder.
std::string workFile(const StageContext& context, const std::string& name);
// Loads `path` into the module's parameters when the file exists.
bool loadParametersIfPresent(torch::nn::Module& module, const std::string& path);
void saveParameters(torch::nn::Module& module, const std::string& path);
// An optimiser's state saved by torch::save, its tensors placed on `device`
// (the work folder may come from a run on another device).
void loadOptimizerState(torch::optim::Optimizer& optimizer, const std::string& path, torch::Device device);

} // namespace cosmos::engine::nano
