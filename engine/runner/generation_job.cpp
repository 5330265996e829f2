#include "engine/runner/generation_job.h"

#include <cstdio>

#include "engine/errors.h"
#include "engine/media/media_error.h"
#include "engine/runner/job_cancelled.h"

namespace cosmos::engine {
namespace {

void throwIfStopped(const JobContext& context)
{
    if (context.cancel().stopNow())
        throw JobCancelled();
}

std::string summarize(const WrittenTake& written, const pipeline::GenerationResult& take)
{
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", take.seconds.count("total") ? take.seconds.at("total") : 0.0);
    return "wrote " + written.outputPath + " (" + std::to_string(written.frames) + " frames, "
        + std::to_string(written.width) + "x" + std::to_string(written.height) + ", " + std::to_string(take.steps)
        + " steps, " + seconds + " s)";
}

} // namespace

std::string generationModelKey(const GenerationJobSpec& spec)
{
    if (!spec.modelKey.empty())
        return spec.modelKey;
    if (spec.loadModel || spec.modelFolder.empty())
        throw EngineError("the generation job names no model (a model folder, or a key for its loader)");
    return spec.modelFolder + "@" + spec.device;
}

JobFunction makeGenerationJob(std::shared_ptr<ModelCache> cache, GenerationJobSpec spec)
{
    return [cache = std::move(cache), spec = std::move(spec)](JobContext& context) -> JobResult {
        // Refuse what cannot work before spending time on loading.
        checkOutputPath(spec.output.path);
        checkConditioningFiles(spec.conditioning);
        const std::string key = generationModelKey(spec);
        const ModelLoader loader
            = spec.loadModel ? spec.loadModel : ModelLoader([folder = spec.modelFolder, device = spec.device] {
                  return loadModelFolder(folder, device);
              });
        throwIfStopped(context);
        if (!cache->isLoaded(key))
            context.progress({0, 0, 0.0, StepProgress::kEtaUnknown, "loading"});

        pipeline::GenerationRequest request = spec.request;
        pipeline::ProvenanceInputs provenance;
        provenance.device = spec.device;
        pipeline::WorldModelConfig config;
        pipeline::GenerationResult take;
        bool conditioned = false;
        // May run twice (after running out of memory once): it starts over.
        cache->use(key, loader, [&](pipeline::WorldModel& model) {
            config = model.config();
            provenance.modelName = config.name;
            provenance.weightsId = model.weightsId();
            if (!conditioned) {
                readConditioning(config, spec.conditioning, request, provenance);
                conditioned = true;
            }
            throwIfStopped(context);
            if (spec.decodeSpeeds)
                spec.decodeSpeeds->seed(model);
            take = pipeline::generate(model, request, &context);
            if (spec.decodeSpeeds)
                spec.decodeSpeeds->remember(model);
        });
        // A stop requested after the last step (while decoding) still means
        // "keep nothing"; a finish-take request lets this one be written.
        throwIfStopped(context);

        context.progress({take.steps, take.steps, take.seconds["total"], StepProgress::kEtaUnknown, "writing"});
        WrittenTake written;
        try {
            written = writeTake(config, request, take, provenance, spec.output, &context.cancel());
        } catch (const media::MediaCancelled&) {
            throw JobCancelled();
        }
        return JobResult {summarize(written, take), written.outputPath, written.provenanceJson};
    };
}

} // namespace cosmos::engine
