#include "engine/media/media_paths.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "engine/media/media_error.h"

namespace cosmos::engine::media {
namespace {

namespace fs = std::filesystem;

// The conversion in a frame pattern: where it starts, how long it is and
// its zero-padded width (0 for plain %d).
struct Conversion {
    std::size_t begin = std::string::npos;
    std::size_t length = 0;
    int width = 0;
};

// Finds the single %d / %0Nd in `name`; `valid` is false for any other use of '%'.
Conversion findConversion(const std::string& name, bool& valid)
{
    Conversion conversion;
    valid = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] != '%')
            continue;
        std::size_t j = i + 1;
        while (j < name.size() && std::isdigit(static_cast<unsigned char>(name[j])))
            ++j;
        const std::string digits = name.substr(i + 1, j - i - 1);
        const bool wellFormed = j < name.size() && name[j] == 'd'
            && (digits.empty() || (digits[0] == '0' && digits.size() >= 2 && digits.size() <= 3));
        if (!wellFormed || conversion.begin != std::string::npos) {
            valid = false;
            return conversion;
        }
        conversion.begin = i;
        conversion.length = j - i + 1;
        conversion.width = digits.empty() ? 0 : std::stoi(digits.substr(1));
        i = j;
    }
    return conversion;
}

std::string fileName(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

std::string lowerExtension(const std::string& path)
{
    const std::string name = fileName(path);
    const auto dot = name.find_last_of('.');
    if (dot == std::string::npos || dot == 0)
        return {};
    std::string extension = name.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

bool hasFramePattern(const std::string& path)
{
    bool valid = false;
    const Conversion conversion = findConversion(fileName(path), valid);
    return valid && conversion.begin != std::string::npos;
}

std::string PngSequencePath::pattern() const
{
    return directory + "/" + filePattern;
}

std::string PngSequencePath::frameFile(int number) const
{
    bool valid = false;
    const Conversion conversion = findConversion(filePattern, valid);
    std::string digits = std::to_string(number);
    if (static_cast<int>(digits.size()) < conversion.width)
        digits.insert(0, static_cast<std::size_t>(conversion.width) - digits.size(), '0');
    std::string name = filePattern;
    name.replace(conversion.begin, conversion.length, digits);
    return directory + "/" + name;
}

std::string PngSequencePath::sidecar() const
{
    bool valid = false;
    const Conversion conversion = findConversion(filePattern, valid);
    std::string stem = filePattern.substr(0, filePattern.size() - 4); // without ".png"
    if (conversion.begin != std::string::npos && conversion.begin < stem.size())
        stem.erase(conversion.begin, conversion.length);
    const auto isSeparator = [](char c) { return c == '_' || c == '-' || c == '.' || c == ' '; };
    while (!stem.empty() && isSeparator(stem.back()))
        stem.pop_back();
    while (!stem.empty() && isSeparator(stem.front()))
        stem.erase(stem.begin());
    return directory + "/" + (stem.empty() ? std::string("sequence") : stem) + ".json";
}

std::optional<PngSequencePath> parsePngSequencePath(const std::string& path, bool folderAllowed)
{
    if (path.empty())
        return std::nullopt;
    const std::string name = fileName(path);
    if (name.find('%') != std::string::npos && lowerExtension(path) == "png") {
        bool valid = false;
        const Conversion conversion = findConversion(name, valid);
        if (!valid || conversion.begin == std::string::npos)
            throw MediaError(MediaErrorKind::InvalidArgument, path,
                "expected a PNG sequence pattern with one frame number such as name_%04d.png, found '" + name + "'");
        PngSequencePath sequence;
        const auto slash = path.find_last_of('/');
        sequence.directory = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
        sequence.filePattern = name;
        return sequence;
    }
    std::error_code error;
    const bool isFolder = fs::is_directory(path, error);
    const bool looksLikeFolder = path.back() == '/' || (lowerExtension(path).empty() && !fs::exists(path, error));
    if (isFolder || (folderAllowed && looksLikeFolder)) {
        PngSequencePath sequence;
        sequence.directory = path;
        while (sequence.directory.size() > 1 && sequence.directory.back() == '/')
            sequence.directory.pop_back();
        sequence.filePattern = kPngSequenceDefaultPattern;
        sequence.folderTarget = true;
        return sequence;
    }
    return std::nullopt;
}

std::string fileSidecar(const std::string& path)
{
    return path + ".json";
}

} // namespace cosmos::engine::media
