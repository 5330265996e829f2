// cosmos-cli nano-train: trains the nano world model on the CPU. Resumable:
// run it again with the same --work folder and it continues; Ctrl+C writes a
// checkpoint and stops.
#include <QCommandLineParser>

#include <atomic>
#include <csignal>
#include <cstdio>

#include <unistd.h>

#include "app/cli/cli.h"
#include "app/cli/cli_options.h"
#include "engine/nano/nano_training.h"

namespace cosmos::app::cli {
namespace {

std::atomic<bool> g_stopTraining {false};
extern "C" void onTrainingInterrupt(int)
{
    g_stopTraining = true;
}

// Restores the previous SIGINT handler however the command ends.
class InterruptScope {
public:
    InterruptScope() : m_previous(std::signal(SIGINT, onTrainingInterrupt)) { g_stopTraining = false; }
    ~InterruptScope() { std::signal(SIGINT, m_previous); }
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;

private:
    void (*m_previous)(int);
};

// firstStep: the stage's step when this run started (resumed runs start past 0).
void drawTrainingProgress(const engine::nano::NanoTrainProgress& p, int firstStep, bool terminal)
{
    const int done = p.step - firstStep;
    const double eta = done > 0 ? p.elapsedSeconds / done * (p.steps - p.step) : 0.0;
    if (terminal) {
        constexpr int width = 30;
        const int filled = p.steps > 0 ? width * p.step / p.steps : 0;
        std::fprintf(stderr, "\r%-9s [%s%s] %d/%d  loss %.5f  %.0fs  ETA %.0fs ", p.stage.c_str(),
            std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), p.step, p.steps, p.loss,
            p.elapsedSeconds, eta);
        if (p.step == p.steps)
            std::fprintf(stderr, "\n");
    } else {
        std::fprintf(stderr, "%s %d/%d loss %.5f %.0fs ETA %.0fs\n", p.stage.c_str(), p.step, p.steps, p.loss,
            p.elapsedSeconds, eta);
    }
    std::fflush(stderr);
}

} // namespace

int runNanoTrainCommand(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Trains the nano world model: tokenizer, video tokenizer, then DiT and text encoder. Resumable."));
    parser.addHelpOption();
    const QCommandLineOption work(QStringLiteral("work"),
        QStringLiteral("Work folder (checkpoints, latents, loss log)."), QStringLiteral("folder"),
        QStringLiteral("nano-work"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Where the finished model is written."),
        QStringLiteral("folder"), QStringLiteral("nano-model"));
    const QCommandLineOption init(QStringLiteral("init"),
        QStringLiteral("Continue from a finished model folder (e.g. resources/models/nano)."),
        QStringLiteral("folder"));
    const QCommandLineOption dataSeed(
        QStringLiteral("data-seed"), QStringLiteral("Simulator seed."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption vaeSteps(QStringLiteral("vae-steps"), QStringLiteral("Video tokenizer steps."),
        QStringLiteral("n"), QStringLiteral("1200"));
    const QCommandLineOption ditSteps(
        QStringLiteral("dit-steps"), QStringLiteral("DiT steps."), QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption clips(QStringLiteral("clips"), QStringLiteral("Clips encoded for the DiT."),
        QStringLiteral("n"), QStringLiteral("1200"));
    const QCommandLineOption ditBatch(
        QStringLiteral("dit-batch"), QStringLiteral("DiT batch size."), QStringLiteral("n"), QStringLiteral("16"));
    const engine::nano::NanoTrainOptions defaults;
    const QCommandLineOption vaeBatch(QStringLiteral("vae-batch"), QStringLiteral("Video tokenizer batch size."),
        QStringLiteral("n"), QString::number(defaults.vaeBatch));
    const QCommandLineOption vaeFrames(QStringLiteral("vae-frames"),
        QStringLiteral("Frames per video tokenizer window (1 + 4k, up to a segment: the tokenizer decodes frames past "
                       "its windows worse)."),
        QStringLiteral("n"), QString::number(defaults.vaeFrames));
    const QCommandLineOption vaeRate(QStringLiteral("vae-lr"), QStringLiteral("Video tokenizer learning rate."),
        QStringLiteral("rate"), QStringLiteral("4e-4"));
    const QCommandLineOption vaeDecoderOnly(QStringLiteral("vae-decoder-only"),
        QStringLiteral("Train the video tokenizer's decoder alone: its latents, and the DiT trained on them, stay "
                       "valid."));
    const QCommandLineOption checkpointEvery(QStringLiteral("checkpoint-every"),
        QStringLiteral("Steps between checkpoints."), QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption fullPrecision(
        QStringLiteral("fp32"), QStringLiteral("Store every network in fp32 (default: DiT and text encoder in fp16)."));
    const QCommandLineOption ditRate(QStringLiteral("dit-lr"), QStringLiteral("DiT and text encoder learning rate."),
        QStringLiteral("rate"), QStringLiteral("4e-4"));
    const QCommandLineOption vaeBallWeight(QStringLiteral("vae-ball-weight"),
        QStringLiteral("Weight of the pixels a ball covers in the video tokenizer's loss (1: plain squared error); "
                       "for fine-tuning a trained decoder."),
        QStringLiteral("weight"), QStringLiteral("1"));
    const QCommandLineOption ballWeight(QStringLiteral("dit-ball-weight"),
        QStringLiteral("Weight of the latent pixels a ball covers in the DiT's loss (1: plain flow matching)."),
        QStringLiteral("weight"), QStringLiteral("1"));
    const QCommandLineOption firstFrameWeight(QStringLiteral("dit-first-frame-weight"),
        QStringLiteral("Weight of a clip's first latent frame in the DiT's loss (1: plain flow matching)."),
        QStringLiteral("weight"), QStringLiteral("1"));
    const QCommandLineOption twoBallShare(QStringLiteral("dit-two-ball-share"),
        QStringLiteral("Share of the DiT's training windows drawn from two-ball clips (0: clips drawn uniformly, about "
                       "43 % of them two-ball)."),
        QStringLiteral("share"), QStringLiteral("0"));
    const QCommandLineOption device(QStringLiteral("device"),
        QStringLiteral("Where the networks train: cpu, cuda or cuda:N."), QStringLiteral("device"),
        QStringLiteral("cpu"));
    for (const auto* option : {&work, &out, &init, &dataSeed, &vaeSteps, &ditSteps, &clips, &ditBatch, &vaeBatch,
             &checkpointEvery, &fullPrecision, &vaeFrames, &vaeRate, &vaeDecoderOnly, &vaeBallWeight, &ditRate,
             &ballWeight, &firstFrameWeight, &twoBallShare, &device})
        parser.addOption(*option);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("nano-train"), arguments, context))
        return *exit;
    OptionValues values(parser, QStringLiteral("nano-train"), context);
    engine::nano::NanoTrainOptions options;
    options.workDir = parser.value(work).toStdString();
    options.outDir = parser.value(out).toStdString();
    options.initFrom = parser.value(init).toStdString();
    options.dataSeed = static_cast<std::uint64_t>(values.integer(dataSeed, 0, 1ll << 40));
    options.vaeSteps = static_cast<int>(values.integer(vaeSteps, 0, 10000000));
    options.ditSteps = static_cast<int>(values.integer(ditSteps, 0, 10000000));
    options.latentClips = static_cast<int>(values.integer(clips, 1, 1000000));
    options.ditBatch = static_cast<int>(values.integer(ditBatch, 1, 4096));
    options.vaeBatch = static_cast<int>(values.integer(vaeBatch, 1, 4096));
    options.checkpointEvery = static_cast<int>(values.integer(checkpointEvery, 1, 1000000));
    options.halfPrecision = !parser.isSet(fullPrecision);
    options.vaeFrames = static_cast<int>(values.integer(vaeFrames, 1, engine::nano::NanoWorldConstants::frames));
    if ((options.vaeFrames - 1) % 4 != 0)
        values.fail(QStringLiteral("--vae-frames must be 1 + 4k (5, 9, 13, ...), got '%1'").arg(options.vaeFrames));
    options.vaeLearningRate = values.positive(vaeRate);
    options.vaeDecoderOnly = parser.isSet(vaeDecoderOnly);
    options.vaeBallWeight = values.positive(vaeBallWeight);
    options.ditLearningRate = values.positive(ditRate);
    options.ditBallWeight = values.positive(ballWeight);
    options.ditFirstFrameWeight = values.positive(firstFrameWeight);
    options.ditTwoBallShare = values.number(twoBallShare, 0.0, 1.0);
    options.device = parser.value(device).toStdString();
    if (!values.valid())
        return 2;

    InterruptScope interrupt;
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    int reported = -1;
    std::string currentStage;
    int firstStep = 0;
    options.progress = [&](const engine::nano::NanoTrainProgress& p) {
        if (p.stage != currentStage) {
            currentStage = p.stage;
            firstStep = p.step - 1;
        }
        // On a terminal every step redraws the bar; in a log, every 10th step.
        if (terminal || p.step == p.steps || p.step / 10 != reported) {
            drawTrainingProgress(p, firstStep, terminal);
            reported = p.step / 10;
        }
        return !g_stopTraining.load();
    };
    const auto report = engine::nano::trainNanoModel(options, context.logger);
    if (!report.finished) {
        context.out << "stopped; a checkpoint is in " << parser.value(work)
                    << ". Run the same command again to continue.\n";
        return 130;
    }
    context.out << "nano model written to " << QString::fromStdString(report.modelDir) << "\n";
    for (const auto& [stage, loss] : report.finalLoss)
        context.out << "  " << QString::fromStdString(stage) << " loss " << loss << "\n";
    return 0;
}

} // namespace cosmos::app::cli
