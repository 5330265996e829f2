// The files around one take, shared by generation jobs and `cosmos-cli
// generate`: the model folder opened on a device, the conditioning media read
// into a request, and the clip written with its provenance (in the container
// metadata and as a JSON sidecar).
#pragma once

#include <memory>
#include <string>

#include "engine/media/media_encoder.h"
#include "engine/pipeline/generation.h"
#include "engine/pipeline/provenance.h"
#include "engine/runner/cancel_token.h"

namespace cosmos::engine {

// WorldModel::load on nets::buildOptionsForDevice(device), after checking
// that `folder` is a folder at all.
std::unique_ptr<pipeline::WorldModel> loadModelFolder(const std::string& folder, const std::string& device);

// At most one of them; none is Text2World.
struct ConditioningFiles {
    std::string imagePath; // Image2World
    std::string videoPath; // Video2World: its last frames
    std::string latentPath; // Continue: a latent written with TakeOutput::saveLatentPath
};

// Throws EngineError when more than one is given.
void checkConditioningFiles(const ConditioningFiles& files);

// Sets the request's mode and conditioning (decoded at the request's
// resolution, or the model's first) and adds each file's SHA-256 to the
// provenance. Nothing to do without files.
void readConditioning(const pipeline::WorldModelConfig& config, const ConditioningFiles& files,
    pipeline::GenerationRequest& request, pipeline::ProvenanceInputs& provenance);

struct TakeOutput {
    std::string path; // .mp4, .webm, .gif, or a folder / name_%04d.png for PNGs
    media::VideoFormat format = media::VideoFormat::Auto;
    int quality = 90;
    double scale = 1.0; // e.g. 4 to view 64x64 clips
    std::string saveLatentPath; // also write the latent (safetensors) for a later Continue
};

// Throws EngineError unless `path` can be written (checked before any work).
void checkOutputPath(const std::string& path);

struct WrittenTake {
    std::string outputPath;
    std::string provenanceJson; // indented
    std::string provenancePath; // the sidecar
    int frames = 0;
    int width = 0;
    int height = 0;
    double fps = 0.0;
};

// Writes the clip (to a temporary name, renamed when complete), its latent if
// asked for, and the provenance sidecar. With `cancel`, a stop-now request
// while encoding ends it with media::MediaCancelled and nothing written.
WrittenTake writeTake(const pipeline::WorldModelConfig& config, const pipeline::GenerationRequest& request,
    const pipeline::GenerationResult& take, const pipeline::ProvenanceInputs& provenance, const TakeOutput& output,
    const CancelToken* cancel = nullptr);

} // namespace cosmos::engine
