#include "engine/nano/nano_physics.h"

#include <algorithm>
#include <cmath>

#include "engine/nano/nano_world.h"

namespace cosmos::engine::nano {
namespace {

using W = NanoWorldConstants;

// Impacts slower than this stop the ball instead of bouncing it: without it a
// ball resting on the floor (or on the other ball) would keep hopping by a
// fraction of a pixel every sub-step.
constexpr double kRestSpeed = 15.0; // pixels / s
// Balls rolling on the floor slow down and stop, so clips end settled
// instead of sliding from wall to wall forever.
constexpr double kRollingDeceleration = 40.0; // pixels / s^2
// Constraint passes per sub-step: pushing one ball out of the other can push
// it into the floor, and the floor pushes it back; a few passes converge.
constexpr int kConstraintPasses = 4;

// Returns true when the ball touches the floor.
bool collideBounds(std::size_t index, PhysicsBody& body, PhysicsObserver* observer)
{
    bool floor = false;
    if (body.y + body.r >= W::floorY) {
        body.y = W::floorY - body.r;
        body.contact = floor = true;
        if (body.vy > 0.0) {
            const double impact = body.vy;
            body.vy = impact > kRestSpeed ? -W::restitution * impact : 0.0;
            if (observer)
                observer->floorImpact(index, impact);
        }
    }
    const bool left = body.x - body.r <= 0.0, right = body.x + body.r >= W::width;
    if (left || right) {
        body.x = left ? body.r : W::width - body.r;
        body.contact = true;
        const double impact = left ? -body.vx : body.vx;
        if (impact > 0.0) {
            body.vx = -W::restitution * body.vx;
            if (observer)
                observer->wallImpact(index, impact);
        }
    }
    return floor;
}

void collideBalls(PhysicsBody& a, PhysicsBody& b, PhysicsObserver* observer)
{
    double dx = b.x - a.x, dy = b.y - a.y;
    double distance = std::sqrt(dx * dx + dy * dy);
    const double overlap = a.r + b.r - distance;
    if (overlap < 0.0)
        return;
    if (distance < 1e-9) { // coincident centres: any direction will do
        dx = 1.0;
        dy = 0.0;
        distance = 1.0;
    }
    const double nx = dx / distance, ny = dy / distance; // from a to b
    a.contact = b.contact = true;
    // Discs of equal density: mass goes with the area.
    const double inverseA = 1.0 / (a.r * a.r), inverseB = 1.0 / (b.r * b.r);
    const double share = overlap / (inverseA + inverseB);
    a.x -= nx * share * inverseA;
    a.y -= ny * share * inverseA;
    b.x += nx * share * inverseB;
    b.y += ny * share * inverseB;

    const double approach = (a.vx - b.vx) * nx + (a.vy - b.vy) * ny; // > 0: closing in
    if (approach <= 0.0)
        return;
    if (observer)
        observer->ballsMeet(a, b, nx, ny);
    const double restitution = approach > kRestSpeed ? W::ballRestitution : 0.0;
    const double impulse = (1.0 + restitution) * approach / (inverseA + inverseB);
    a.vx -= impulse * inverseA * nx;
    a.vy -= impulse * inverseA * ny;
    b.vx += impulse * inverseB * nx;
    b.vy += impulse * inverseB * ny;
}

void substep(std::vector<PhysicsBody>& bodies, double dt, PhysicsObserver* observer)
{
    for (auto& body : bodies) {
        body.vy += W::gravity * dt;
        body.x += body.vx * dt;
        body.y += body.vy * dt;
    }
    std::vector<bool> onFloor(bodies.size(), false);
    for (int pass = 0; pass < kConstraintPasses; ++pass) {
        if (bodies.size() == 2)
            collideBalls(bodies[0], bodies[1], observer);
        for (std::size_t i = 0; i < bodies.size(); ++i)
            onFloor[i] = collideBounds(i, bodies[i], observer) || onFloor[i];
    }
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        auto& body = bodies[i];
        if (onFloor[i] && body.vy == 0.0) {
            const double slowdown = std::min(std::abs(body.vx), kRollingDeceleration * dt);
            body.vx -= std::copysign(slowdown, body.vx);
        }
    }
}

} // namespace

void advancePhysicsFrame(std::vector<PhysicsBody>& bodies, PhysicsObserver* observer)
{
    for (auto& body : bodies)
        body.contact = false;
    const double dt = 1.0 / (W::fps * W::substeps);
    for (int step = 0; step < W::substeps; ++step)
        substep(bodies, dt, observer);
}

} // namespace cosmos::engine::nano
