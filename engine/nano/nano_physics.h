// The nano world's physics, shared by the simulator (which also records what
// happened, for prompts and truth) and the evaluator (which carries tracked
// balls across a segment boundary): rigid discs of equal density under
// gravity, semi-implicit Euler in NanoWorldConstants::substeps sub-steps a
// frame, constraints (floor, side walls, the other ball) resolved after each,
// restitution above a rest speed, rolling friction on the floor. Units:
// world pixels and seconds. No Torch; compiled without fused multiply-adds
// so that every machine simulates the same bytes (engine/CMakeLists.txt).
//
//   std::vector<PhysicsBody> bodies {{x, y, vx, vy, radius}};
//   advancePhysicsFrame(bodies);   // one frame interval later
#pragma once

#include <cstddef>
#include <vector>

namespace cosmos::engine::nano {

struct PhysicsBody {
    double x = 0, y = 0, vx = 0, vy = 0, r = 0;
    bool contact = false; // touched the floor, a wall or the other ball during the last frame interval
};

// What a frame's impacts were, for whoever wants to know.
class PhysicsObserver {
public:
    virtual ~PhysicsObserver() = default;
    // A ball moving into the floor (speed > 0, pixels / s).
    virtual void floorImpact(std::size_t /*ball*/, double /*speed*/) { }
    // A ball moving into a side wall.
    virtual void wallImpact(std::size_t /*ball*/, double /*speed*/) { }
    // The balls closing in on each other, before the impulse that parts
    // them; (nx, ny) is the unit normal from a to b.
    virtual void ballsMeet(const PhysicsBody& /*a*/, const PhysicsBody& /*b*/, double /*nx*/, double /*ny*/) { }
};

// One frame interval of the world for one or two balls.
void advancePhysicsFrame(std::vector<PhysicsBody>& bodies, PhysicsObserver* observer = nullptr);

} // namespace cosmos::engine::nano
