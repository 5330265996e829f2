#include "engine/doctor.h"

#include <chrono>
#include <sstream>
#include <thread>

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/torch.h>
#include <torch/version.h>

namespace cosmos::engine {
namespace {

// Multiplies two n x n fp32 matrices repeatedly for at least `minSeconds`
// and returns the achieved GFLOP/s (2 n^3 floating-point operations each).
double measureMatmulGflops(int n, double minSeconds)
{
    torch::NoGradGuard noGrad;
    const auto a = torch::randn({n, n});
    const auto b = torch::randn({n, n});
    auto c = torch::mm(a, b); // warm-up: thread pools, BLAS initialisation
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    double elapsed = 0.0;
    long long products = 0;
    while (elapsed < minSeconds || products < 3) {
        c = torch::mm(a, b);
        ++products;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    const double flops = 2.0 * n * double(n) * n * products;
    return flops / elapsed / 1e9;
}

// ATen's parallel info is a multi-line report; the backend line names it.
std::string parallelBackendName(const std::string& info)
{
    const std::string marker = "ATen parallel backend: ";
    const auto start = info.find(marker);
    if (start == std::string::npos)
        return "unknown";
    const auto end = info.find('\n', start);
    return info.substr(
        start + marker.size(), end == std::string::npos ? std::string::npos : end - start - marker.size());
}

} // namespace

DoctorReport runDoctor(const DoctorOptions& options, const LoggerPtr& logger)
{
    DoctorReport report;
    report.torchVersion = TORCH_VERSION;
    report.parallelBackend = parallelBackendName(at::get_parallel_info());
    report.hardwareThreads = static_cast<int>(std::thread::hardware_concurrency());
    report.intraOpThreads = at::get_num_threads();
    report.interOpThreads = at::get_num_interop_threads();

    report.matmulSize = options.matmulSize;
    report.matmulGflops = measureMatmulGflops(options.matmulSize, options.minMeasureSeconds);
    // Probe after the product so that a lazily loaded BLAS is mapped too.
    report.blas = probeLoadedBlas();
    if (report.blas.kind == BlasKind::Reference)
        report.warnings.push_back("LibTorch runs on the reference BLAS (" + report.blas.libraryPath
            + "): matrix products are about 24x slower. Install libopenblas0-pthread.");
    else if (report.blas.kind == BlasKind::Unknown)
        report.warnings.push_back("No BLAS library could be identified in this process.");

    report.cudaAvailable = torch::cuda::is_available();
    if (report.cudaAvailable) {
        const int count = static_cast<int>(torch::cuda::device_count());
        for (int i = 0; i < count; ++i)
            report.cudaDevices.push_back({i, "CUDA device " + std::to_string(i), 0.0});
    }

    logger->info("doctor: LibTorch {}, {} threads, BLAS {}, {:.1f} GFLOP/s, CUDA {}", report.torchVersion,
        report.intraOpThreads, blasKindName(report.blas.kind), report.matmulGflops,
        report.cudaAvailable ? "available" : "not available");
    for (const auto& warning : report.warnings)
        logger->warn("doctor: {}", warning);
    return report;
}

std::string formatDoctorText(const DoctorReport& report)
{
    std::ostringstream out;
    out << "LibTorch:        " << report.torchVersion << "\n";
    out << "Parallel:        " << report.parallelBackend << "\n";
    out << "Threads:         " << report.intraOpThreads << " intra-op, " << report.interOpThreads << " inter-op, "
        << report.hardwareThreads << " hardware\n";
    out << "BLAS:            " << blasKindName(report.blas.kind);
    if (!report.blas.libraryPath.empty())
        out << " (" << report.blas.libraryPath << ")";
    out << "\n";
    out << "CUDA:            " << (report.cudaAvailable ? "available" : "not available") << "\n";
    for (const auto& device : report.cudaDevices)
        out << "  device " << device.index << ":      " << device.name << "\n";
    out.setf(std::ios::fixed);
    out.precision(1);
    out << "Matmul (fp32):   " << report.matmulGflops << " GFLOP/s at " << report.matmulSize << "x" << report.matmulSize
        << " on the CPU\n";
    for (const auto& warning : report.warnings)
        out << "WARNING: " << warning << "\n";
    out << "Status:          " << (report.healthy() ? "ok" : "problems found") << "\n";
    return out.str();
}

nlohmann::json doctorToJson(const DoctorReport& report)
{
    nlohmann::json devices = nlohmann::json::array();
    for (const auto& device : report.cudaDevices)
        devices.push_back(
            {{"index", device.index}, {"name", device.name}, {"total_memory_gib", device.totalMemoryGiB}});
    return {
        {"torch_version", report.torchVersion},
        {"parallel_backend", report.parallelBackend},
        {"intra_op_threads", report.intraOpThreads},
        {"inter_op_threads", report.interOpThreads},
        {"hardware_threads", report.hardwareThreads},
        {"blas", {{"kind", blasKindName(report.blas.kind)}, {"library", report.blas.libraryPath}}},
        {"cuda_available", report.cudaAvailable},
        {"cuda_devices", devices},
        {"matmul", {{"size", report.matmulSize}, {"gflops", report.matmulGflops}}},
        {"warnings", report.warnings},
        {"healthy", report.healthy()},
    };
}

} // namespace cosmos::engine
