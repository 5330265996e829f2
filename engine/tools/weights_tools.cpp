#include "engine/tools/weights_tools.h"

#include <chrono>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "engine/nets/dit/dit_loading.h"
#include "engine/weights/checkpoint.h"
#include "engine/weights/safetensors_file.h"
#include "engine/weights/safetensors_writer.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine::tools {
namespace {

nets::DitConfig resolveDitConfig(const std::string& arch)
{
    if (!std::filesystem::is_regular_file(arch))
        return nets::DitConfig::preset(arch);
    std::ifstream stream(arch);
    try {
        nlohmann::json json;
        stream >> json;
        // A model folder's config.json keeps the DiT part under "dit".
        return nets::DitConfig::fromJson(json.contains("dit") ? json.at("dit") : json);
    } catch (const nlohmann::json::exception& error) {
        throw EngineError("config file '" + arch + "' is not valid JSON: " + error.what());
    }
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

void runForward(const ForwardRequest& request, const LoggerPtr& logger)
{
    if (request.module != "dit")
        throw EngineError("unknown module '" + request.module + "' for forward (valid: dit)");
    const nets::DitConfig config = resolveDitConfig(request.config);
    const Checkpoint checkpoint = Checkpoint::open(request.weightsPath);
    const auto inputs = SafetensorsFile::open(request.inputsPath);
    for (const char* required : {"x", "timesteps", "crossattn_emb"})
        if (!inputs->contains(required))
            throw WeightsError(request.inputsPath, required, "required input is missing (inputs: x, timesteps, "
                                                             "crossattn_emb, condition_video_input_mask, padding_mask)");

    const auto start = std::chrono::steady_clock::now();
    nets::Dit net = nets::loadDit(config, checkpoint);
    net->eval();
    torch::InferenceMode inference;
    nets::DitInputs in;
    in.latent = inputs->tensor("x").to(torch::kFloat32);
    in.timesteps = inputs->tensor("timesteps").to(torch::kFloat32);
    in.context = inputs->tensor("crossattn_emb").to(torch::kFloat32);
    in.conditionMask = optionalInput(*inputs, "condition_video_input_mask");
    in.paddingMask = optionalInput(*inputs, "padding_mask");
    const torch::Tensor output = net->forward(in);
    writeSafetensors(request.outputPath, {{"output", output.contiguous()}},
                     {{"module", "dit"}, {"config", config.name}});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    logger->info("forward dit ({}): {} -> {} in {:.2f} s", config.name, request.inputsPath, request.outputPath, seconds);
}

} // namespace cosmos::engine::tools
