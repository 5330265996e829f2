// What `cosmos-cli inspect`, `models verify` and `forward` do, as engine
// functions over plain data (no LibTorch types), so the app layer can call
// them without seeing a tensor.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/logging.h"
#include "engine/weights/load_report.h"

namespace cosmos::engine::tools {

struct InspectedTensor {
    std::string name;
    std::string dtype; // "F32", "BF16", ...
    std::vector<std::int64_t> shape;
    std::uint64_t bytes = 0;
};

struct InspectedWeights {
    std::string path;
    std::string format;
    std::vector<InspectedTensor> tensors;
    std::map<std::string, std::string> metadata;
    std::uint64_t totalBytes = 0;
    std::uint64_t totalElements = 0;
};

// Throws WeightsError for an unreadable or damaged file.
InspectedWeights inspectWeights(const std::string& path);

struct VerifyResult {
    std::string architecture; // the config's description
    LoadReport report;
};

// `arch`: a preset name (2B, 14B, nano) or a JSON config file.
VerifyResult verifyDit(const std::string& arch, const std::string& weightsPath);

struct ForwardRequest {
    std::string module; // "dit", "text", "vae-encode" or "vae-decode"
    std::string config; // preset name or JSON config file
    std::string weightsPath;
    std::string inputsPath; // safetensors with the named inputs
    std::string outputPath; // safetensors receiving "output"
};

// Runs the module on the inputs in fp32 on the CPU and writes "output".
// dit: x [B,C,T,H,W], timesteps [B] or [B,T], crossattn_emb [B,S,C'],
//      optional condition_video_input_mask [B,1,T,H,W], padding_mask [B,1,H,W].
// text: input_ids [B,L] int64 -> the normalised, concatenated hidden states.
// vae-encode: video [B,3,1+4k,H,W] in [-1,1] -> normalised latent.
// vae-decode: latent [B,16,T,h,w] -> video in [-1,1].
void runForward(const ForwardRequest& request, const LoggerPtr& logger);

struct TokenizedText {
    std::vector<std::int64_t> ids;
    std::vector<std::string> pieces; // each id's token as the vocabulary spells it
    std::string decoded; // the ids decoded back to text
};

// Throws TokenizerError for a bad tokenizer.json.
TokenizedText tokenizeText(const std::string& tokenizerPath, const std::string& text);

} // namespace cosmos::engine::tools
