// The sampling loop: noise -> latent with a flow solver and classifier-free
// guidance, cond and uncond evaluated as one batch.
//
//   SamplerConfig config;                    // 35 UniPC steps, shift 5, guidance 7
//   auto latent = sampleFlow(noise, config, velocity, onStep);
//
// `velocity(x, timesteps, guided)` runs the network. With guided == true, x
// holds [cond half; uncond half] along the batch (2B rows) and the function
// pairs the first half with the prompt and the second with the negative
// prompt; it returns the velocity for all rows.
#pragma once

#include <cstdint>
#include <functional>

#include <torch/types.h>

#include "engine/sampling/flow_schedule.h"
#include "engine/sampling/flow_solvers.h"

namespace cosmos::engine::sampling {

enum class GuidanceFormula {
    // cond + g * (cond - uncond): what the official Video2World model (used
    // for every released Predict2.5 mode) computes.
    CondPlusScaledDifference,
    // uncond + g * (cond - uncond): classic classifier-free guidance.
    UncondPlusScaledDifference,
};

struct SamplerConfig {
    SolverKind solver = SolverKind::UniPC;
    ScheduleKind schedule = ScheduleKind::ShiftedLinear;
    int steps = 35;
    double shift = 5.0;
    double guidance = 7.0; // 0: the prompt alone, no uncond pass
    GuidanceFormula formula = GuidanceFormula::CondPlusScaledDifference;
};

torch::Tensor combineGuidance(
    const torch::Tensor& cond, const torch::Tensor& uncond, double guidance, GuidanceFormula formula);

// x: [N, C, T, H, W]; timesteps: [N] int64 -> velocity [N, C, T, H, W].
using VelocityFunction
    = std::function<torch::Tensor(const torch::Tensor& x, const torch::Tensor& timesteps, bool guided)>;

struct StepEvent {
    int step = 0; // 1-based index of the step just done
    int steps = 0;
    torch::Tensor x0; // current clean estimate [B, C, T, H, W]
};
// Return false to stop sampling (the loop then throws SamplingCancelled).
using StepCallback = std::function<bool(const StepEvent&)>;

// Returns the final latent [B, C, T, H, W]. `noise` is the sample at sigma 1.
torch::Tensor sampleFlow(const torch::Tensor& noise, const SamplerConfig& config, const VelocityFunction& velocity,
    const StepCallback& onStep = {});

} // namespace cosmos::engine::sampling
