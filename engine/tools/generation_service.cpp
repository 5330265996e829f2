#include "engine/tools/generation_service.h"

#include "engine/blas_probe.h"

#include <ATen/Parallel.h>

#include "engine/errors.h"
#include "engine/runner/decode_speed_record.h"
#include "engine/runner/engine_runner.h"
#include "engine/runner/generation_job.h"
#include "engine/runner/model_cache.h"
#include "engine/sampling/flow_solvers.h"
#include "engine/tools/generate_preparation.h"

namespace cosmos::engine::tools {
namespace {

// The job's spec: what `cosmos-cli generate` asks for (prepareGeneration),
// but with the model left to the cache and the files read on the engine
// thread once the model is known.
GenerationJobSpec specFor(const GenerateOptions& options)
{
    GenerationJobSpec spec;
    spec.device = options.device;
    if (options.randomWeightsSeed) {
        // Untrained networks for tests: prepareGeneration builds them; the
        // key keeps one such model per config, seed and tokenizer.
        GenerateOptions modelOnly = options;
        modelOnly.imagePath.clear();
        modelOnly.videoPath.clear();
        modelOnly.continueLatentPath.clear();
        spec.modelKey = "random:" + options.modelConfig + ":" + std::to_string(*options.randomWeightsSeed) + ":"
            + options.tokenizerPath + "@" + options.device;
        spec.loadModel = [modelOnly] { return prepareGeneration(modelOnly).model; };
    } else {
        if (options.model.empty())
            throw EngineError("no model given (nano or a model folder)");
        spec.modelFolder = options.model;
    }

    auto& request = spec.request;
    applyRequestOptions(options, request);

    spec.conditioning = {options.imagePath, options.videoPath, options.continueLatentPath};
    spec.output.path = options.outputPath;
    spec.output.scale = options.scale;
    spec.output.saveLatentPath = options.saveLatentPath;
    return spec;
}

} // namespace

struct GenerationService::Impl {
    Impl(const LoggerPtr& logger, std::string decodeSpeedFile)
        : cache(std::make_shared<ModelCache>(logger)),
          decodeSpeeds(std::make_shared<DecodeSpeedRecord>(std::move(decodeSpeedFile), logger)),
          runner(logger)
    {
    }

    std::shared_ptr<ModelCache> cache; // shared with the jobs, used on the engine thread only
    std::shared_ptr<DecodeSpeedRecord> decodeSpeeds; // the same
    EngineRunner runner; // last: its thread stops before the cache goes
};

GenerationService::GenerationService(LoggerPtr logger, std::string decodeSpeedFile)
    : m_impl(std::make_unique<Impl>(logger ? logger : nullLogger(), std::move(decodeSpeedFile)))
{
}

GenerationService::~GenerationService() = default;

JobId GenerationService::submit(std::string label, GenerateOptions options, JobCallbacks callbacks)
{
    // The spec is made in the job, so that a bad request (an unknown
    // sampler, no model) is the job's failure like any other.
    JobFunction work = [cache = m_impl->cache, decodeSpeeds = m_impl->decodeSpeeds, options = std::move(options)](
                           JobContext& context) {
        GenerationJobSpec spec = specFor(options);
        spec.decodeSpeeds = decodeSpeeds;
        return makeGenerationJob(cache, std::move(spec))(context);
    };
    return m_impl->runner.submit(std::move(label), std::move(work), std::move(callbacks));
}

bool GenerationService::cancel(JobId id, CancelMode mode)
{
    return m_impl->runner.cancel(id, mode);
}

void GenerationService::unloadModels()
{
    m_impl->runner.post([cache = m_impl->cache] { cache->unloadAll(); });
}

void GenerationService::setThreads(int threads)
{
    if (threads < 1)
        return;
    m_impl->runner.post([threads] {
        at::set_num_threads(threads);
        limitBlasThreads(threads);
    });
}

void GenerationService::waitIdle()
{
    m_impl->runner.waitIdle();
}

} // namespace cosmos::engine::tools
