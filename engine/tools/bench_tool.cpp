#include "engine/tools/bench_tool.h"

#include <chrono>
#include <numeric>

#include <sys/resource.h>

#include <nlohmann/json.hpp>

#include "engine/tools/generate_preparation.h"

namespace cosmos::engine::tools {

double ditForwardFlops(const nets::DitConfig& c, std::int64_t tokens, std::int64_t contextTokens)
{
    const double n = double(tokens), s = double(contextTokens), d = double(c.modelChannels);
    const double dc = double(c.crossattnEmbChannels), hidden = d * c.mlpRatio;
    double flops = 2.0 * n * double(c.patchFeatures()) * d; // patch embedding
    if (c.useCrossattnProjection)
        flops += 2.0 * s * double(c.crossattnProjInChannels) * dc; // text projection
    const double block = 4.0 * 2.0 * n * d * d // self q, k, v, output
        + 4.0 * n * n * d // self scores and values
        + 2.0 * 2.0 * n * d * d + 2.0 * 2.0 * s * dc * d // cross q, output; k, v
        + 4.0 * n * s * d // cross scores and values
        + 2.0 * 2.0 * n * d * hidden; // MLP
    flops += double(c.numBlocks) * block;
    flops += 2.0 * n * d * double(c.outputFeatures()); // final layer
    return flops;
}

BenchReport runBench(const GenerateOptions& options, const LoggerPtr& logger)
{
    PreparedGeneration prepared = prepareGeneration(options);
    const auto& config = prepared.model->config();

    using Clock = std::chrono::steady_clock;
    std::vector<double> stepSeconds;
    Clock::time_point last = Clock::now();
    bool sampling = false;
    CancelToken cancel;
    JobCallbacks callbacks;
    callbacks.progress = [&](JobId, const StepProgress& p) {
        const auto now = Clock::now();
        if (p.phase == "sampling") {
            if (sampling)
                stepSeconds.push_back(std::chrono::duration<double>(now - last).count());
            else // the first step's time runs from the end of conditioning
                stepSeconds.push_back(p.elapsedSeconds);
            sampling = true;
        }
        last = now;
    };
    JobContext context(0, cancel, callbacks);
    const pipeline::GenerationResult take = pipeline::generate(*prepared.model, prepared.request, &context);

    BenchReport report;
    report.model = config.name;
    report.device = options.device;
    report.frames = static_cast<int>(take.video.size(1));
    report.height = static_cast<int>(take.video.size(2));
    report.width = static_cast<int>(take.video.size(3));
    report.steps = take.steps;
    report.guided = prepared.request.guidance.value_or(config.sampling.guidance) != 0.0;
    report.textSeconds = take.seconds.at("text");
    report.conditioningSeconds = take.seconds.at("conditioning");
    report.samplingSeconds = take.seconds.at("sampling");
    report.decodingSeconds = take.seconds.at("decoding");
    report.totalSeconds = take.seconds.at("total");
    report.stepSeconds = stepSeconds;
    const double meanStep
        = stepSeconds.empty() ? 0.0 : std::accumulate(stepSeconds.begin(), stepSeconds.end(), 0.0) / stepSeconds.size();
    report.stepsPerSecond = meanStep > 0.0 ? 1.0 / meanStep : 0.0;
    const auto& latent = take.latent; // [1, C, T', h, w]
    report.tokens = latent.size(2) / config.dit.patchTemporal * (latent.size(3) / config.dit.patchSpatial)
        * (latent.size(4) / config.dit.patchSpatial);
    report.flopsPerStep = ditForwardFlops(config.dit, report.tokens, config.text.maxLength) * (report.guided ? 2 : 1);
    report.achievedFlops = meanStep > 0.0 ? report.flopsPerStep / meanStep : 0.0;
    struct rusage usage { };
    getrusage(RUSAGE_SELF, &usage);
    report.peakResidentMiB = double(usage.ru_maxrss) / 1024.0; // Linux reports KiB
    logger->info("bench {}: {} steps, {:.3f} steps/s, {:.2f} GFLOP/s", report.model, report.steps,
        report.stepsPerSecond, report.achievedFlops / 1e9);
    return report;
}

nlohmann::json benchToJson(const BenchReport& r)
{
    return {{"model", r.model}, {"device", r.device}, {"frames", r.frames}, {"width", r.width}, {"height", r.height},
        {"steps", r.steps}, {"guided", r.guided}, {"tokens", r.tokens},
        {"seconds",
            {{"text", r.textSeconds}, {"conditioning", r.conditioningSeconds}, {"sampling", r.samplingSeconds},
                {"decoding", r.decodingSeconds}, {"total", r.totalSeconds}, {"steps", r.stepSeconds}}},
        {"steps_per_second", r.stepsPerSecond}, {"flops_per_step", r.flopsPerStep},
        {"achieved_flops_per_second", r.achievedFlops}, {"peak_resident_mib", r.peakResidentMiB}};
}

} // namespace cosmos::engine::tools
