#include "engine/sampling/flow_sampler.h"

#include "engine/errors.h"
#include "engine/sampling/sampling_cancelled.h"

namespace cosmos::engine::sampling {

torch::Tensor combineGuidance(
    const torch::Tensor& cond, const torch::Tensor& uncond, double guidance, GuidanceFormula formula)
{
    if (formula == GuidanceFormula::CondPlusScaledDifference)
        return cond + guidance * (cond - uncond);
    return uncond + guidance * (cond - uncond);
}

torch::Tensor sampleFlow(const torch::Tensor& noise, const SamplerConfig& config, const VelocityFunction& velocity,
    const StepCallback& onStep)
{
    if (noise.dim() < 1 || noise.size(0) < 1)
        throw EngineError("sampling needs a noise tensor with a batch dimension");
    const FlowSchedule schedule = makeSchedule(config.schedule, config.steps, config.shift);
    auto solver = makeSolver(config.solver, schedule);
    const bool guided = config.guidance != 0.0;
    const std::int64_t batch = noise.size(0);

    torch::Tensor x = noise.to(torch::kFloat32);
    for (int i = 0; i < schedule.steps(); ++i) {
        const auto rows = guided ? 2 * batch : batch;
        const auto timesteps = torch::full({rows}, schedule.timesteps[i], torch::TensorOptions().dtype(torch::kInt64));
        torch::Tensor v;
        if (guided) {
            const auto both = velocity(torch::cat({x, x}, 0), timesteps, true).to(torch::kFloat32);
            v = combineGuidance(both.slice(0, 0, batch), both.slice(0, batch), config.guidance, config.formula);
        } else {
            v = velocity(x, timesteps, false).to(torch::kFloat32);
        }
        torch::Tensor x0;
        x = solver->step(i, v, x, &x0);
        if (onStep && !onStep({i + 1, schedule.steps(), x0}))
            throw SamplingCancelled(i + 1, schedule.steps());
    }
    return x;
}

} // namespace cosmos::engine::sampling
