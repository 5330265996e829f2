// Engine self-check: what LibTorch build runs, on how many threads, on which
// BLAS, with which CUDA devices, and how fast a matrix product really is.
//
//   auto report = cosmos::engine::runDoctor({}, logger);
//   std::cout << cosmos::engine::formatDoctorText(report);
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/blas_probe.h"
#include "engine/logging.h"

namespace cosmos::engine {

struct DoctorOptions {
    int matmulSize = 512; // square fp32 matrices of this side
    double minMeasureSeconds = 0.3; // run products at least this long
};

struct CudaDeviceInfo {
    int index = 0;
    std::string name;
    double totalMemoryGiB = 0.0;
};

struct DoctorReport {
    std::string torchVersion;
    std::string parallelBackend; // "OpenMP", "native thread pool", ...
    int intraOpThreads = 0;
    int interOpThreads = 0;
    int hardwareThreads = 0;
    BlasInfo blas;
    bool cudaAvailable = false;
    std::vector<CudaDeviceInfo> cudaDevices;
    int matmulSize = 0;
    double matmulGflops = 0.0; // measured on the CPU, fp32
    std::vector<std::string> warnings;

    bool healthy() const { return warnings.empty(); }
};

DoctorReport runDoctor(const DoctorOptions& options, const LoggerPtr& logger);

std::string formatDoctorText(const DoctorReport& report);
nlohmann::json doctorToJson(const DoctorReport& report);

} // namespace cosmos::engine
