// cosmos-cli generate: one take, headless. A progress bar on a terminal;
// Ctrl+C stops sampling at the next step and exits cleanly.
#include <QCommandLineParser>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <optional>
#include <string>

#include <unistd.h>

#include "app/app_info.h"
#include "app/cli/cli.h"
#include "app/cli/cli_generate_project.h"
#include "app/cli/cli_options.h"
#include "engine/runner/cancel_token.h"
#include "engine/sampling/sampling_cancelled.h"
#include "engine/tools/bench_tool.h"
#include "engine/tools/generate_tool.h"

#include <nlohmann/json.hpp>

namespace cosmos::app::cli {
namespace {

// SIGINT only flips this flag; the progress callback turns it into a cancel.
std::atomic<bool> g_interrupted {false};
extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

void drawProgressBar(const engine::StepProgress& p)
{
    constexpr int width = 30;
    const int filled = p.steps > 0 ? width * p.step / p.steps : 0;
    const std::string eta = p.etaSeconds >= 0 ? "ETA " + std::to_string(std::lround(p.etaSeconds)) + "s" : "";
    std::fprintf(stderr, "\r%-12s [%s%s] %d/%d  %.1fs  %-10s", p.phase.c_str(), std::string(filled, '#').c_str(),
        std::string(width - filled, '.').c_str(), p.step, p.steps, p.elapsedSeconds, eta.c_str());
    std::fflush(stderr);
}

} // namespace

namespace {
int runGenerateOrBench(const QStringList& arguments, CliContext& context, bool bench);
} // namespace

int runGenerateCommand(const QStringList& arguments, CliContext& context)
{
    return runGenerateOrBench(arguments, context, false);
}

int runBenchCommand(const QStringList& arguments, CliContext& context)
{
    return runGenerateOrBench(arguments, context, true);
}

namespace {

int runGenerateOrBench(const QStringList& arguments, CliContext& context, bool bench)
{
    const QString name = bench ? QStringLiteral("bench") : QStringLiteral("generate");
    QCommandLineParser parser;
    parser.setApplicationDescription(bench
            ? QStringLiteral("Times one generation: phases, steps, memory, FLOP/s (JSON with --json).")
            : QStringLiteral("Generates one take of a world model and writes the clip."));
    parser.addHelpOption();
    const QCommandLineOption model(QStringLiteral("model"),
        QStringLiteral("nano (the embedded model) or a model folder."), QStringLiteral("model"),
        QStringLiteral("nano"));
    const QCommandLineOption random(QStringLiteral("random-weights"),
        QStringLiteral("Untrained networks from this seed (tests, benchmarks)."), QStringLiteral("seed"));
    const QCommandLineOption config(QStringLiteral("config"),
        QStringLiteral("With --random-weights: nano, 2B or a config.json."), QStringLiteral("config"),
        QStringLiteral("nano"));
    const QCommandLineOption tokenizer(
        QStringLiteral("tokenizer"), QStringLiteral("With --random-weights: tokenizer.json."), QStringLiteral("file"));
    const QCommandLineOption prompt(QStringLiteral("prompt"), QStringLiteral("What happens."), QStringLiteral("text"),
        bench ? QStringLiteral("a red ball is thrown to the right and bounces twice") : QString());
    const QCommandLineOption negative(
        QStringLiteral("negative"), QStringLiteral("What must not happen."), QStringLiteral("text"));
    const QCommandLineOption image(
        QStringLiteral("image"), QStringLiteral("Image2World: the first frame."), QStringLiteral("file"));
    const QCommandLineOption video(
        QStringLiteral("video"), QStringLiteral("Video2World: frames to continue."), QStringLiteral("file"));
    const QCommandLineOption continueFrom(QStringLiteral("continue"),
        QStringLiteral("Continue: a latent saved with --save-latent."), QStringLiteral("file"));
    const QCommandLineOption saveLatent(
        QStringLiteral("save-latent"), QStringLiteral("Also write this take's latent."), QStringLiteral("file"));
    const QCommandLineOption frames(
        QStringLiteral("frames"), QStringLiteral("Frame count."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption steps(
        QStringLiteral("steps"), QStringLiteral("Sampling steps."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption guidance(
        QStringLiteral("guidance"), QStringLiteral("Guidance scale."), QStringLiteral("g"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("Noise seed."), QStringLiteral("s"), QStringLiteral("1"));
    const QCommandLineOption sampler(
        QStringLiteral("sampler"), QStringLiteral("unipc or euler."), QStringLiteral("name"));
    const QCommandLineOption device(
        QStringLiteral("device"), QStringLiteral("cpu or cuda."), QStringLiteral("device"), QStringLiteral("cpu"));
    const QCommandLineOption scale(
        QStringLiteral("scale"), QStringLiteral("Upscale the written clip."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption out(
        QStringLiteral("out"), QStringLiteral("Output: .mp4, .webm, .gif or PNG folder."), QStringLiteral("file"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the provenance JSON."));
    for (const auto* option : {&model, &random, &config, &tokenizer, &prompt, &negative, &image, &video, &continueFrom,
             &saveLatent, &frames, &steps, &guidance, &seed, &sampler, &device, &scale, &out, &json})
        parser.addOption(*option);
    const QCommandLineOption project(
        QStringLiteral("project"), QStringLiteral("Record the take in this project folder."), QStringLiteral("dir"));
    const QCommandLineOption segment(QStringLiteral("segment"),
        QStringLiteral("With --project: the segment, from 1; one past the last adds one (default: the last)."),
        QStringLiteral("n"), QStringLiteral("0"));
    if (!bench) {
        parser.addOption(project);
        parser.addOption(segment);
    }
    if (const auto exit = parseCommandLine(parser, name, arguments, context))
        return *exit;
    if (!bench && (!parser.isSet(prompt) || (!parser.isSet(out) && !parser.isSet(project)))) {
        context.err << "cosmos-cli generate: --prompt and --out (or --project) are required\n";
        return 2;
    }
    OptionValues values(parser, name, context);
    const long long frameCount = values.integer(frames, 0, 100000);
    const long long stepCount = values.integer(steps, 0, 1000);
    const long long seedValue = values.integer(seed, 0, 4294967295ll);
    const long long scaleValue = values.integer(scale, 1, 16);
    const long long randomSeed = parser.isSet(random) ? values.integer(random, 0, 1ll << 62) : 0;
    const long long segmentNumber = bench ? 0 : values.integer(segment, 0, 100000);
    std::optional<double> guidanceValue;
    if (parser.isSet(guidance))
        guidanceValue = values.number(guidance, 0.0, 100.0);
    if (!values.valid())
        return 2;
    if (!bench && parser.isSet(segment) && !parser.isSet(project)) {
        context.err << "cosmos-cli generate: --segment needs --project\n";
        return 2;
    }

    engine::tools::GenerateOptions options;
    options.model = parser.value(model).toStdString();
    if (parser.isSet(random))
        options.randomWeightsSeed = static_cast<std::uint64_t>(randomSeed);
    options.modelConfig = parser.value(config).toStdString();
    options.tokenizerPath = parser.value(tokenizer).toStdString();
    options.prompt = parser.value(prompt).toStdString();
    if (parser.isSet(negative))
        options.negativePrompt = parser.value(negative).toStdString();
    options.imagePath = parser.value(image).toStdString();
    options.videoPath = parser.value(video).toStdString();
    options.continueLatentPath = parser.value(continueFrom).toStdString();
    options.saveLatentPath = parser.value(saveLatent).toStdString();
    options.frames = static_cast<int>(frameCount);
    options.steps = static_cast<int>(stepCount);
    options.guidance = guidanceValue;
    options.seed = static_cast<std::uint32_t>(seedValue);
    options.sampler = parser.value(sampler).toStdString();
    options.device = parser.value(device).toStdString();
    options.outputPath = parser.value(out).toStdString();
    options.scale = static_cast<int>(scaleValue);

    if (bench) {
        const auto report = engine::tools::runBench(options, context.logger);
        const auto benchJson = engine::tools::benchToJson(report);
        if (parser.isSet(QStringLiteral("json"))) {
            context.out << QString::fromStdString(benchJson.dump(2)) << "\n";
        } else {
            context.out << QString::fromStdString(report.model) << ": " << report.frames << " frames " << report.width
                        << "x" << report.height << ", " << report.steps << " steps\n"
                        << "  text " << report.textSeconds << " s, conditioning " << report.conditioningSeconds
                        << " s, sampling " << report.samplingSeconds << " s, decoding " << report.decodingSeconds
                        << " s\n  " << report.stepsPerSecond << " steps/s, " << report.flopsPerStep / 1e9
                        << " GFLOP per step, " << report.achievedFlops / 1e9 << " GFLOP/s, peak memory "
                        << report.peakResidentMiB << " MiB\n";
        }
        return 0;
    }

    // The progress bar's time left counts the decoding from the speed measured in an earlier run.
    options.decodeSpeedFile = decodeSpeedFile().toStdString();
    std::unique_ptr<GenerationInProject> recording;
    if (parser.isSet(project)) {
        const int started = startRecording(parser.value(project), int(segmentNumber), options, context, recording);
        if (started != 0)
            return started;
    }

    engine::CancelToken cancel;
    g_interrupted = false;
    const auto previous = std::signal(SIGINT, onInterrupt);
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    auto progress = [&](const engine::StepProgress& p) {
        if (g_interrupted)
            cancel.request(engine::CancelMode::StopNow);
        if (terminal)
            drawProgressBar(p);
    };
    int code = 0;
    try {
        const auto report = engine::tools::runGenerate(options, context.logger, cancel, progress);
        if (terminal)
            std::fprintf(stderr, "\n");
        if (recording)
            code = finishRecording(*recording, report, options, !parser.isSet(json), context);
        if (parser.isSet(json))
            context.out << QString::fromStdString(report.provenanceJson) << "\n";
        else if (!recording || parser.isSet(out))
            context.out << "wrote " << QString::fromStdString(report.outputPath) << " (" << report.frames << " frames, "
                        << report.width << "x" << report.height << ", " << report.fps << " fps)\n";
    } catch (const engine::sampling::SamplingCancelled& cancelled) {
        if (recording)
            recording->abandon(projects::TakeStatus::Cancelled, QString::fromUtf8(cancelled.what()));
        context.err << "\ncosmos-cli generate: " << cancelled.what() << "; nothing was written\n";
        code = 130;
    } catch (const std::exception& error) {
        if (recording)
            recording->abandon(projects::TakeStatus::Failed, QString::fromUtf8(error.what()));
        throw;
    }
    std::signal(SIGINT, previous);
    return code;
}

} // namespace
} // namespace cosmos::app::cli
