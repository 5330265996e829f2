// Solvers that integrate the flow from noise (sigma 1) to data (sigma 0)
// given the network's velocity v = noise - x0 (x_sigma = sigma * noise +
// (1 - sigma) * x0):
//  - Euler: x <- x + (sigma_next - sigma) * v;
//  - UniPC multistep (order 2, B(h) = expm1, x0-prediction, lower order at
//    the last step, corrector on every step after the first): the official
//    FlowUniPCMultistepScheduler. Scalars are float32 like the official
//    0-dim tensors, so results match it operation for operation.
#pragma once

#include <memory>
#include <string>

#include <torch/types.h>

#include "engine/sampling/flow_schedule.h"

namespace cosmos::engine::sampling {

enum class SolverKind { UniPC, Euler };
std::string solverKindName(SolverKind kind);
SolverKind solverKindFromName(const std::string& name); // throws EngineError

class FlowSolver {
public:
    virtual ~FlowSolver() = default;
    // One step from schedule index `step` to `step + 1`. sample, velocity:
    // [B, C, T, H, W] fp32. Returns the next sample; `x0` receives the
    // current clean estimate (for previews).
    virtual torch::Tensor step(
        int step, const torch::Tensor& velocity, const torch::Tensor& sample, torch::Tensor* x0 = nullptr)
        = 0;
};

std::unique_ptr<FlowSolver> makeSolver(SolverKind kind, const FlowSchedule& schedule);

} // namespace cosmos::engine::sampling
