#include "engine/pipeline/model_locator.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "engine/errors.h"

namespace cosmos::engine::pipeline {
namespace fs = std::filesystem;
namespace {

bool isModelFolder(const fs::path& folder)
{
    std::error_code error;
    return fs::is_regular_file(folder / "config.json", error);
}

fs::path executableFolder()
{
    std::error_code error;
    const auto self = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::path() : self.parent_path();
}

} // namespace

std::vector<std::string> builtinModelNames()
{
    return {"nano"};
}

std::vector<std::string> modelSearchPaths()
{
    std::vector<std::string> paths;
    if (const char* custom = std::getenv("COSMOS_MODELS_DIR"); custom && *custom)
        paths.emplace_back(custom);
    const auto exe = executableFolder();
    if (!exe.empty())
        paths.push_back((exe.parent_path() / "share/cosmos-studio/models").lexically_normal().string());
    paths.emplace_back(COSMOS_INSTALL_MODELS_DIR);
    paths.emplace_back(COSMOS_SOURCE_MODELS_DIR);
    return paths;
}

std::string resolveModelFolder(const std::string& nameOrFolder)
{
    const auto names = builtinModelNames();
    const bool builtin = std::find(names.begin(), names.end(), nameOrFolder) != names.end();
    if (!builtin) {
        if (isModelFolder(nameOrFolder))
            return nameOrFolder;
        std::error_code error;
        if (fs::is_directory(nameOrFolder, error))
            throw EngineError("'" + nameOrFolder + "' is not a model folder: it has no config.json");
        throw EngineError("unknown model '" + nameOrFolder + "' (valid: nano, or a model folder with config.json)");
    }
    std::string tried;
    for (const auto& base : modelSearchPaths()) {
        const auto folder = fs::path(base) / nameOrFolder;
        if (isModelFolder(folder))
            return folder.string();
        tried += "\n  " + folder.string();
    }
    throw EngineError("the built-in model '" + nameOrFolder + "' is not installed; looked in:" + tried);
}

} // namespace cosmos::engine::pipeline
