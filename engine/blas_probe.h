// Which BLAS LibTorch's matrix products run on. Debian's LibTorch links the
// generic libblas.so.3, which the alternatives system points at either the
// reference BLAS (about 24x slower) or an optimised one such as OpenBLAS, so
// the answer is only known at run time, from the libraries actually mapped.
#pragma once

#include <string>
#include <vector>

namespace cosmos::engine {

enum class BlasKind { OpenBlas, Mkl, Blis, Atlas, Reference, Unknown };

struct BlasInfo {
    BlasKind kind = BlasKind::Unknown;
    std::string libraryPath; // the mapped file that decided `kind`
};

// Classifies one shared-library path; Unknown when it is no BLAS.
BlasKind classifyBlasLibrary(const std::string& path);

// Looks at the shared libraries mapped into this process (/proc/self/maps).
BlasInfo probeLoadedBlas();

// Same, over an explicit list of mapped paths (testable without /proc).
BlasInfo probeBlasFromPaths(const std::vector<std::string>& mappedPaths);

std::string blasKindName(BlasKind kind);

// Tells an OpenBLAS in this process to use at most `threads` threads.
// OpenBLAS keeps its own pool beside LibTorch's (at::set_num_threads does
// not reach it), and its idle threads spin, so a caller that wants to leave
// cores free (the studio's window) must limit both. False when no OpenBLAS
// setter is mapped (another BLAS, or the reference one).
bool limitBlasThreads(int threads);

} // namespace cosmos::engine
