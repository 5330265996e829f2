#include "engine/weights/checkpoint.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/weights/safetensors_file.h"
#include "engine/weights/torch_checkpoint.h"
#include "engine/weights/torch_dtype.h"
#include "engine/weights/weights_error.h"

namespace cosmos::engine {
namespace fs = std::filesystem;
namespace {

bool endsWith(const std::string& text, const std::string& suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string findIndexInFolder(const std::string& folder)
{
    std::vector<std::string> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (endsWith(entry.path().filename().string(), ".safetensors.index.json"))
            found.push_back(entry.path().string());
    if (found.size() == 1)
        return found.front();
    if (found.empty()) {
        // A folder with exactly one .safetensors file is that file.
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(folder, error))
            if (endsWith(entry.path().filename().string(), ".safetensors"))
                files.push_back(entry.path().string());
        if (files.size() == 1)
            return files.front();
        throw WeightsError(folder, "",
            "the folder holds no *.safetensors.index.json and " + std::to_string(files.size())
                + " .safetensors files (expected an index or one file)");
    }
    throw WeightsError(folder, "",
        "the folder holds " + std::to_string(found.size()) + " *.safetensors.index.json files; name the one to use");
}

} // namespace

std::string checkpointFormatName(CheckpointFormat format)
{
    switch (format) {
    case CheckpointFormat::Safetensors: return "safetensors";
    case CheckpointFormat::ShardedSafetensors: return "sharded safetensors";
    case CheckpointFormat::TorchZip: return "PyTorch zip checkpoint";
    }
    return "unknown";
}

Checkpoint Checkpoint::open(const std::string& pathIn)
{
    Checkpoint checkpoint;
    std::string path = pathIn;
    std::error_code error;
    if (!fs::exists(path, error))
        throw WeightsError(path, "", "no such file or folder");
    if (fs::is_directory(path, error))
        path = findIndexInFolder(path);
    checkpoint.m_path = path;

    auto addSafetensors
        = [&checkpoint](const std::shared_ptr<SafetensorsFile>& file, const std::vector<std::string>* onlyNames) {
              checkpoint.m_files[file->path()] = file;
              for (const auto& entry : file->entries()) {
                  if (onlyNames && std::find(onlyNames->begin(), onlyNames->end(), entry.name) == onlyNames->end())
                      continue;
                  checkpoint.m_records.push_back({entry.name, entry.dtype, entry.shape, entry.bytes(), file->path()});
              }
          };

    if (endsWith(path, ".index.json")) {
        checkpoint.m_format = CheckpointFormat::ShardedSafetensors;
        std::ifstream stream(path);
        nlohmann::json index;
        try {
            stream >> index;
        } catch (const nlohmann::json::exception& e) {
            throw WeightsError(path, "", std::string("index is not valid JSON: ") + e.what());
        }
        if (!index.is_object() || !index.contains("weight_map") || !index.at("weight_map").is_object())
            throw WeightsError(path, "", "index has no \"weight_map\" object");
        std::map<std::string, std::vector<std::string>> namesByShard;
        for (const auto& [name, shard] : index.at("weight_map").items()) {
            if (!shard.is_string())
                throw WeightsError(path, name, "weight_map entry is not a file name");
            namesByShard[shard.get<std::string>()].push_back(name);
        }
        const fs::path folder = fs::path(path).parent_path();
        for (const auto& [shard, names] : namesByShard) {
            const auto file = SafetensorsFile::open((folder / shard).string());
            for (const auto& name : names)
                if (!file->contains(name))
                    throw WeightsError(
                        file->path(), name, "the index places this tensor in this shard, but it is not there");
            addSafetensors(file, &names);
        }
    } else if (looksLikeTorchZip(path)) {
        checkpoint.m_format = CheckpointFormat::TorchZip;
        checkpoint.m_torchTensors = std::make_shared<TensorMap>(readTorchCheckpoint(path));
        for (const auto& [name, tensor] : *checkpoint.m_torchTensors)
            checkpoint.m_records.push_back({name, fromScalarType(tensor.scalar_type()), tensor.sizes().vec(),
                static_cast<std::uint64_t>(tensor.numel()) * tensor.element_size(), path});
    } else if (endsWith(path, ".pt") || endsWith(path, ".pth") || endsWith(path, ".ckpt")) {
        readTorchCheckpoint(path); // throws the reader's precise complaint
        throw WeightsError(path, "", "not a PyTorch zip checkpoint");
    } else {
        addSafetensors(SafetensorsFile::open(path), nullptr);
        checkpoint.m_format = CheckpointFormat::Safetensors;
    }

    std::sort(checkpoint.m_records.begin(), checkpoint.m_records.end(),
        [](const TensorRecord& a, const TensorRecord& b) { return a.name < b.name; });
    for (std::size_t i = 0; i < checkpoint.m_records.size(); ++i) {
        if (!checkpoint.m_index.emplace(checkpoint.m_records[i].name, i).second)
            throw WeightsError(path, checkpoint.m_records[i].name, "the tensor appears in more than one shard");
    }
    return checkpoint;
}

std::vector<std::string> Checkpoint::names() const
{
    std::vector<std::string> result;
    for (const auto& record : m_records)
        result.push_back(record.name);
    return result;
}

const TensorRecord& Checkpoint::record(const std::string& name) const
{
    const auto found = m_index.find(name);
    if (found == m_index.end())
        throw WeightsError(m_path, name, "no such tensor in the checkpoint");
    return m_records[found->second];
}

std::map<std::string, std::string> Checkpoint::metadata() const
{
    std::map<std::string, std::string> result;
    for (const auto& [path, file] : m_files)
        for (const auto& entry : file->metadata())
            result.insert(entry);
    return result;
}

torch::Tensor Checkpoint::load(const std::string& name) const
{
    const TensorRecord& r = record(name);
    if (m_torchTensors)
        return m_torchTensors->at(name);
    return m_files.at(r.file)->tensor(name);
}

TensorMap Checkpoint::loadAll() const
{
    TensorMap result;
    for (const auto& r : m_records)
        result.emplace(r.name, load(r.name));
    return result;
}

} // namespace cosmos::engine
