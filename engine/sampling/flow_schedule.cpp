#include "engine/sampling/flow_schedule.h"

#include <cmath>

#include "engine/errors.h"

namespace cosmos::engine::sampling {
namespace {

// The training schedule's largest sigma: 1 - 1/1000 held in float32 and
// read back as a double, as the official code does with .item().
constexpr float kTrainSigmaMax = 0.999f;

void checkSteps(int steps)
{
    if (steps < 1 || steps > 1000)
        throw EngineError("the number of sampling steps must be between 1 and 1000, got " + std::to_string(steps));
}

FlowSchedule finish(const std::vector<double>& sigmas)
{
    FlowSchedule schedule;
    for (const double sigma : sigmas) {
        schedule.timesteps.push_back(static_cast<std::int64_t>(sigma * 1000.0));
        schedule.sigmas.push_back(static_cast<float>(sigma));
    }
    schedule.sigmas.push_back(0.0f);
    return schedule;
}

} // namespace

FlowSchedule shiftedLinearSchedule(int steps, double shift)
{
    checkSteps(steps);
    if (!(shift > 0.0))
        throw EngineError("the timestep shift must be positive, got " + std::to_string(shift));
    // numpy.linspace(start, stop, n): start + i * ((stop - start) / (n - 1)), last = stop.
    const double start = static_cast<double>(kTrainSigmaMax);
    const double step = (0.0 - start) / static_cast<double>(steps);
    std::vector<double> sigmas;
    for (int i = 0; i < steps; ++i) {
        const double s = static_cast<double>(i) * step + start;
        sigmas.push_back(shift * s / (1.0 + (shift - 1.0) * s));
    }
    return finish(sigmas);
}

FlowSchedule karrasSchedule(int steps, double sigmaMax, double sigmaMin, double rho)
{
    checkSteps(steps);
    const double minInvRho = std::pow(sigmaMin, 1.0 / rho);
    const double maxInvRho = std::pow(sigmaMax, 1.0 / rho);
    std::vector<double> sigmas;
    for (int i = 0; i <= steps; ++i) { // steps + 1 values: the official branch keeps them all
        const double ramp = static_cast<double>(i) / static_cast<double>(steps);
        const double sigma = std::pow(maxInvRho + ramp * (minInvRho - maxInvRho), rho);
        sigmas.push_back(sigma / (1.0 + sigma));
    }
    return finish(sigmas);
}

FlowSchedule makeSchedule(ScheduleKind kind, int steps, double shift)
{
    return kind == ScheduleKind::Karras ? karrasSchedule(steps) : shiftedLinearSchedule(steps, shift);
}

std::string scheduleKindName(ScheduleKind kind)
{
    return kind == ScheduleKind::Karras ? "karras" : "shifted-linear";
}

ScheduleKind scheduleKindFromName(const std::string& name)
{
    if (name == "karras")
        return ScheduleKind::Karras;
    if (name == "shifted-linear" || name == "linear")
        return ScheduleKind::ShiftedLinear;
    throw EngineError("unknown schedule '" + name + "' (valid: shifted-linear, karras)");
}

} // namespace cosmos::engine::sampling
