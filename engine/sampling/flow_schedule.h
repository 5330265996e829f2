// Noise schedules of the rectified-flow sampler, as the official
// FlowUniPCMultistepScheduler.set_timesteps builds them:
//  - shifted linear: N sigmas from linspace(0.999, 0, N + 1)[:-1] (float64),
//    each mapped by shift * s / (1 + (shift - 1) * s);
//  - Karras (EDM, used by the post-trained 2B): N + 1 sigmas from 200 down
//    to 0.01 with rho 7, mapped to flow time by s / (1 + s), no shift.
// Both end with a final sigma of 0. Timesteps are int64(sigma * 1000),
// truncated, computed from the float64 sigmas; sigmas are stored as float32.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cosmos::engine::sampling {

struct FlowSchedule {
    std::vector<float> sigmas; // steps + 1 values, the last 0
    std::vector<std::int64_t> timesteps; // steps values, handed to the network

    int steps() const { return static_cast<int>(timesteps.size()); }
};

enum class ScheduleKind { ShiftedLinear, Karras };

FlowSchedule shiftedLinearSchedule(int steps, double shift);
FlowSchedule karrasSchedule(int steps, double sigmaMax = 200.0, double sigmaMin = 0.01, double rho = 7.0);
FlowSchedule makeSchedule(ScheduleKind kind, int steps, double shift);

std::string scheduleKindName(ScheduleKind kind);
ScheduleKind scheduleKindFromName(const std::string& name); // throws EngineError

} // namespace cosmos::engine::sampling
