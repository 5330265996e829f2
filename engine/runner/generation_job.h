// Generation as a job of the engine runner: the model comes from a cache
// that keeps it loaded for the next job, the take is generated with the
// job's progress, previews and cancellation, and the clip is written with
// its provenance.
//
//   auto cache = std::make_shared<ModelCache>(logger);
//   GenerationJobSpec spec;
//   spec.modelFolder = "/models/cosmos-2B";
//   spec.device = "cuda";
//   spec.request.prompt = "a red ball bounces to the right";
//   spec.output.path = "take.mp4";
//   runner.submit("take 1", makeGenerationJob(cache, spec), callbacks);
//   ...
//   runner.post([cache] { cache->unloadAll(); }); // free the models on request
//
// Cancelling: StopNow ends the job at the next sampling step (or while the
// clip is being written) with nothing written; FinishTake lets the take in
// progress complete and be written, since a job is one take.
#pragma once

#include <memory>
#include <string>

#include "engine/pipeline/generation.h"
#include "engine/runner/decode_speed_record.h"
#include "engine/runner/job.h"
#include "engine/runner/model_cache.h"
#include "engine/runner/take_files.h"

namespace cosmos::engine {

struct GenerationJobSpec {
    // The model: the folder loaded on `device`, or what `loadModel` makes
    // (e.g. seeded random weights in tests). The cache keeps it under
    // `modelKey`; empty means "<modelFolder>@<device>" (required with loadModel).
    std::string modelKey;
    std::string modelFolder;
    std::string device = "cpu";
    ModelLoader loadModel;

    // Where decode speeds are kept between sessions (the take's time left
    // counts its decoding from the first take); null: nowhere.
    std::shared_ptr<DecodeSpeedRecord> decodeSpeeds;

    pipeline::GenerationRequest request;
    ConditioningFiles conditioning; // read once the model (and so its resolution) is known
    TakeOutput output;
};

// The cache key a spec uses. Throws EngineError when it has none.
std::string generationModelKey(const GenerationJobSpec& spec);

// The job's result: a summary line, the clip's path and its provenance JSON.
// Failures are EngineErrors that say what to change (an unsupported frame
// count lists the valid ones; OutOfMemoryError suggests a smaller take).
JobFunction makeGenerationJob(std::shared_ptr<ModelCache> cache, GenerationJobSpec spec);

} // namespace cosmos::engine
