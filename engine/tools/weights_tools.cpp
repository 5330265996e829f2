#include "engine/tools/weights_tools.h"

#include <chrono>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "engine/nets/dit/dit_loading.h"
#include "engine/nets/text/text_encoder_loading.h"
#include "engine/nets/vae/wan_vae_loading.h"
#include "engine/text/bpe_tokenizer.h"
#include "engine/weights/checkpoint.h"
#include "engine/weights/safetensors_file.h"
#include "engine/weights/safetensors_writer.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine::tools {
namespace {

// A network config from a preset name or a JSON file; a model folder's
// config.json keeps each network's part under `section` ("dit", ...).
template<typename Config>
Config resolveConfig(const std::string& arch, const char* section)
{
    if (!std::filesystem::is_regular_file(arch))
        return Config::preset(arch);
    std::ifstream stream(arch);
    try {
        nlohmann::json json;
        stream >> json;
        return Config::fromJson(json.contains(section) ? json.at(section) : json);
    } catch (const nlohmann::json::exception& error) {
        throw EngineError("config file '" + arch + "' is not valid JSON: " + error.what());
    }
}

nets::DitConfig resolveDitConfig(const std::string& arch)
{
    return resolveConfig<nets::DitConfig>(arch, "dit");
}

torch::Tensor optionalInput(const SafetensorsFile& inputs, const std::string& name)
{
    return inputs.contains(name) ? inputs.tensor(name).to(torch::kFloat32) : torch::Tensor();
}

} // namespace

InspectedWeights inspectWeights(const std::string& path)
{
    const Checkpoint checkpoint = Checkpoint::open(path);
    InspectedWeights result;
    result.path = checkpoint.path();
    result.format = checkpointFormatName(checkpoint.format());
    result.metadata = checkpoint.metadata();
    for (const auto& record : checkpoint.records()) {
        std::uint64_t elements = 1;
        for (const auto dim : record.shape)
            elements *= static_cast<std::uint64_t>(dim);
        result.tensors.push_back({record.name, dtypeName(record.dtype), record.shape, record.bytes});
        result.totalBytes += record.bytes;
        result.totalElements += elements;
    }
    return result;
}

VerifyResult verifyDit(const std::string& arch, const std::string& weightsPath)
{
    const nets::DitConfig config = resolveDitConfig(arch);
    const Checkpoint checkpoint = Checkpoint::open(weightsPath);
    return {config.toString(), nets::verifyDitCheckpoint(config, checkpoint)};
}

namespace {

void requireInputs(const SafetensorsFile& inputs, const std::vector<std::string>& names, const std::string& all)
{
    for (const auto& name : names)
        if (!inputs.contains(name))
            throw WeightsError(inputs.path(), name, "required input is missing (inputs: " + all + ")");
}

torch::Tensor forwardDit(const ForwardRequest& request, const Checkpoint& checkpoint, const SafetensorsFile& inputs)
{
    const nets::DitConfig config = resolveDitConfig(request.config);
    requireInputs(inputs, {"x", "timesteps", "crossattn_emb"},
        "x, timesteps, crossattn_emb, condition_video_input_mask, padding_mask");
    nets::Dit net = nets::loadDit(config, checkpoint);
    net->eval();
    torch::InferenceMode inference;
    nets::DitInputs in;
    in.latent = inputs.tensor("x").to(torch::kFloat32);
    in.timesteps = inputs.tensor("timesteps").to(torch::kFloat32);
    in.context = inputs.tensor("crossattn_emb").to(torch::kFloat32);
    in.conditionMask = optionalInput(inputs, "condition_video_input_mask");
    in.paddingMask = optionalInput(inputs, "padding_mask");
    return net->forward(in);
}

torch::Tensor forwardVaeEncode(
    const ForwardRequest& request, const Checkpoint& checkpoint, const SafetensorsFile& inputs)
{
    requireInputs(inputs, {"video"}, "video [B, 3, 1 + 4k, H, W] in [-1, 1]");
    nets::WanVae vae = nets::loadWanVae(resolveConfig<nets::WanVaeConfig>(request.config, "vae"), checkpoint);
    torch::InferenceMode inference;
    return vae->encode(inputs.tensor("video").to(torch::kFloat32));
}

torch::Tensor forwardVaeDecode(
    const ForwardRequest& request, const Checkpoint& checkpoint, const SafetensorsFile& inputs)
{
    requireInputs(inputs, {"latent"}, "latent [B, 16, T, h, w], normalised");
    nets::WanVae vae = nets::loadWanVae(resolveConfig<nets::WanVaeConfig>(request.config, "vae"), checkpoint);
    torch::InferenceMode inference;
    return vae->decode(inputs.tensor("latent").to(torch::kFloat32));
}

torch::Tensor forwardText(const ForwardRequest& request, const Checkpoint& checkpoint, const SafetensorsFile& inputs)
{
    const nets::TextEncoderConfig config = resolveConfig<nets::TextEncoderConfig>(request.config, "text_encoder");
    requireInputs(inputs, {"input_ids"}, "input_ids [B, L] int64");
    nets::QwenTextModel model = nets::loadTextEncoder(config, checkpoint);
    model->eval();
    torch::InferenceMode inference;
    return model->embed(inputs.tensor("input_ids").to(torch::kInt64));
}

} // namespace

void runForward(const ForwardRequest& request, const LoggerPtr& logger)
{
    using Runner = torch::Tensor (*)(const ForwardRequest&, const Checkpoint&, const SafetensorsFile&);
    const std::map<std::string, Runner> runners {
        {"dit", forwardDit}, {"text", forwardText}, {"vae-encode", forwardVaeEncode}, {"vae-decode", forwardVaeDecode}};
    const auto runner = runners.find(request.module);
    if (runner == runners.end())
        throw EngineError(
            "unknown module '" + request.module + "' for forward (valid: dit, text, vae-encode, vae-decode)");
    const Checkpoint checkpoint = Checkpoint::open(request.weightsPath);
    const auto inputs = SafetensorsFile::open(request.inputsPath);
    const auto start = std::chrono::steady_clock::now();
    const torch::Tensor output = runner->second(request, checkpoint, *inputs);
    writeSafetensors(request.outputPath, {{"output", output.contiguous()}},
        {{"module", request.module}, {"config", request.config}});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    logger->info("forward {}: {} -> {} in {:.2f} s", request.module, request.inputsPath, request.outputPath, seconds);
}

TokenizedText tokenizeText(const std::string& tokenizerPath, const std::string& text)
{
    const auto tokenizer = text::BpeTokenizer::fromFile(tokenizerPath);
    TokenizedText result;
    const auto ids = tokenizer.encode(text);
    result.ids.assign(ids.begin(), ids.end());
    result.pieces = tokenizer.pieces(ids);
    result.decoded = tokenizer.decode(ids);
    return result;
}

} // namespace cosmos::engine::tools
