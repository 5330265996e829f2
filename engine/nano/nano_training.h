// Training the nano world model on the CPU, with the engine's own network
// classes: first the text tokenizer (a byte-level BPE over the prompt
// vocabulary), then the video tokenizer (the Wan VAE at nano size), then the
// DiT together with the text encoder, by flow matching in the formulation
// the sampler integrates (x_t = (1 - s) x0 + s e, target e - x0, timestep
// s * 1000), with the conditioning the pipeline uses (clean latent frames
// under the condition mask at the model's conditioning timestep) and prompt
// dropout for classifier-free guidance.
//
// Everything is resumable: the work folder holds the stage, step, weights,
// optimiser state and the encoded latents; running again continues where it
// stopped. `initFrom` starts from a finished model folder (the committed
// weights) so quality can grow over several runs.
//
//   NanoTrainOptions options;
//   options.workDir = "train-work";
//   options.outDir = "resources/models/nano";
//   NanoTrainReport report = trainNanoModel(options, logger);
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/logging.h"
#include "engine/nano/nano_world.h"

namespace cosmos::engine::nano {

struct NanoTrainProgress {
    std::string stage; // "tokenizer", "vae", "latents", "dit", "export"
    int step = 0;
    int steps = 0;
    double loss = 0.0; // running mean of the recent steps
    double elapsedSeconds = 0.0; // in this stage
};

struct NanoTrainOptions {
    std::string workDir; // checkpoints, latents, loss log (required)
    std::string outDir; // the finished model folder (required)
    std::string initFrom; // a model folder to continue from; empty: from scratch
    std::uint64_t dataSeed = 1;
    std::uint64_t trainSeed = 7; // initialisation, batches, noise
    // Where the networks train: "cpu", "cuda" or "cuda:N" (fp32 on every
    // device). Data are simulated on the CPU and latents kept there.
    std::string device = "cpu";

    // Video tokenizer: crops of whole segments. The nets are convolutional,
    // so what they learn on crops carries to whole 64x64 frames; but they are
    // causal, and decode frames past the windows they trained on worse
    // (windows of 9 frames: 31 dB at frames 1-8 of a segment, 26.5 at 25-32),
    // so windows span a segment by default.
    int vaeSteps = 1200; // 0 with initFrom: keep its tokenizer
    int vaeBatch = 2;
    int vaeFrames = NanoWorldConstants::frames; // 1 + 4k, at most a segment
    int vaeCrop = 32;
    double vaeLearningRate = 4e-4;
    double vaeKlWeight = 1e-5; // on the latent mean's square
    // Train the decoder alone (with its 1x1 input conv): latents, their
    // statistics and so the DiT's training data stay valid, while the
    // pictures made from them get sharper.
    bool vaeDecoderOnly = false;
    // Weight of the pixels a ball covers in the tokenizer's loss, relative to
    // the rest (1: plain squared error). A small ball is about 50 pixels of a
    // 64 x 64 frame: under a plain loss the decoder drew it faintly enough to
    // vanish for frames (the tokenizer ceiling's lost ball counts). For
    // fine-tuning a trained decoder (from scratch a heavy ball weight washed
    // out the backdrops); not yet shown to help: see nano_vae_training.cpp.
    double vaeBallWeight = 1.0;

    // DiT and text encoder, on latents of longer clips so continuations
    // (latents handed over mid-clip) are trained too.
    int latentClips = 1200;
    int latentClipFrames = 41; // 11 latent frames: windows of 9 start at 0, 1 or 2
    int ditSteps = 2000;
    int ditBatch = 16;
    double ditLearningRate = 4e-4;
    double promptDropout = 0.1;
    // Weight of the latent pixels a ball covers in the DiT's loss, relative
    // to the rest (1: plain flow matching). A ball is a few latent pixels
    // of 64, so its colour and shape add little to a plain loss; weighting
    // them keeps the same minimiser per pixel and puts the learning there.
    double ditBallWeight = 1.0;
    // Weight of a clip's first latent frame in the DiT's loss, relative to
    // the others (1: plain). The tokenizer codes it from one picture, the
    // others from four each, so it is a code of its own; and only Text2World
    // windows learn it (the conditioned modes are given it, continuations
    // start later): samples showed it the least learned, in wrong colours.
    double ditFirstFrameWeight = 1.0;
    // Share of the DiT's windows drawn from two-ball clips (0: clips drawn
    // uniformly, about 43 % two-ball). Two-ball prompts were by far the worst
    // drawn (colour right in 52 % of takes against 90 % with one ball, ball
    // count kept in 13 % against 53 %), so a run can show them more often.
    double ditTwoBallShare = 0.0;
    double emaDecay = 0.999;
    // How the DiT's windows are shared among the modes: Text2World (no frame
    // given), Image2World (one latent frame), Video2World (the model's
    // conditional latent frames), all from a clip's start; the rest are
    // continuations (conditional latent frames handed over mid-clip).
    double text2WorldShare = 0.4;
    double image2WorldShare = 0.15;
    double video2WorldShare = 0.15;

    // Clips for the tokenizer's corpus, the latent statistics and the preview map.
    int tokenizerClips = 4000;
    int statisticsClips = 48;
    int previewClips = 32;
    // Held-out clips of the DiT's validation loss (0: none), measured at the
    // start of each run and at every checkpoint into validation.tsv.
    int validationClips = 48;

    // Store the DiT and the text encoder in fp16 (halves the repository's
    // weight files; they compute in fp32 either way).
    bool halfPrecision = true;

    int checkpointEvery = 100; // steps
    int logEvery = 10;
    // Called on the training thread; return false to stop (a checkpoint is written first).
    std::function<bool(const NanoTrainProgress&)> progress;
};

struct NanoTrainReport {
    bool finished = false; // false when stopped by the progress callback
    std::map<std::string, double> finalLoss; // per stage
    std::map<std::string, int> steps; // per stage, cumulative over runs
    std::map<std::string, double> seconds; // per stage, this run
    std::string modelDir;
};

// Throws EngineError / WeightsError with what went wrong (a bad work folder,
// an init model that is not a nano model, ...).
NanoTrainReport trainNanoModel(const NanoTrainOptions& options, const LoggerPtr& logger);

} // namespace cosmos::engine::nano
