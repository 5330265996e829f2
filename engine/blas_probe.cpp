#include "engine/blas_probe.h"

#include <fstream>
#include <sstream>

#include <dlfcn.h>

namespace cosmos::engine {
namespace {

bool contains(const std::string& text, const char* needle)
{
    return text.find(needle) != std::string::npos;
}

// Optimised libraries win over the reference one when both are mapped
// (libopenblas may be loaded beside the reference libblas.so.3, and then
// the symbol LibTorch binds to is still the reference one).
int preference(BlasKind kind)
{
    switch (kind) {
    case BlasKind::Reference: return 3;
    case BlasKind::Mkl: return 2;
    case BlasKind::OpenBlas:
    case BlasKind::Blis:
    case BlasKind::Atlas: return 1;
    case BlasKind::Unknown: return 0;
    }
    return 0;
}

} // namespace

BlasKind classifyBlasLibrary(const std::string& path)
{
    if (contains(path, "mkl"))
        return BlasKind::Mkl;
    if (contains(path, "blis"))
        return BlasKind::Blis;
    if (contains(path, "atlas"))
        return BlasKind::Atlas;
    // Debian installs each implementation's libblas.so.3 in its own folder:
    // .../openblas-pthread/libblas.so.3, .../blas/libblas.so.3 (reference).
    if (contains(path, "/blas/libblas.so") || contains(path, "/libblas.so"))
        return contains(path, "openblas") ? BlasKind::OpenBlas : BlasKind::Reference;
    if (contains(path, "openblas"))
        return BlasKind::OpenBlas;
    return BlasKind::Unknown;
}

BlasInfo probeBlasFromPaths(const std::vector<std::string>& mappedPaths)
{
    // The library that provides libblas.so.3 decides; a standalone
    // libopenblas.so.0 only counts when no libblas.so.3 is mapped.
    BlasInfo best;
    int bestScore = 0;
    for (const std::string& path : mappedPaths) {
        const BlasKind kind = classifyBlasLibrary(path);
        int score = kind == BlasKind::Unknown ? 0 : 1;
        if (contains(path, "libblas.so"))
            score = 10 + preference(kind);
        if (score > bestScore) {
            bestScore = score;
            best = {kind, path};
        }
    }
    return best;
}

BlasInfo probeLoadedBlas()
{
    std::ifstream maps("/proc/self/maps");
    std::vector<std::string> paths;
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.find('/');
        if (slash != std::string::npos)
            paths.push_back(line.substr(slash));
    }
    return probeBlasFromPaths(paths);
}

std::string blasKindName(BlasKind kind)
{
    switch (kind) {
    case BlasKind::OpenBlas: return "OpenBLAS";
    case BlasKind::Mkl: return "Intel MKL";
    case BlasKind::Blis: return "BLIS";
    case BlasKind::Atlas: return "ATLAS";
    case BlasKind::Reference: return "reference BLAS (slow)";
    case BlasKind::Unknown: return "unknown";
    }
    return "unknown";
}

bool limitBlasThreads(int threads)
{
    using Setter = void (*)(int);
    // Looked up at run time: which BLAS is mapped is only known then.
    void* symbol = dlsym(RTLD_DEFAULT, "openblas_set_num_threads");
    if (!symbol || threads < 1)
        return false;
    reinterpret_cast<Setter>(symbol)(threads);
    return true;
}

} // namespace cosmos::engine
