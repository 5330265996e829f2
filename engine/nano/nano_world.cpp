#include "engine/nano/nano_world.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

#include "engine/nano/nano_physics.h"

namespace cosmos::engine::nano {
namespace {

using W = NanoWorldConstants;

// Only impacts faster than this count as a bounce in the prompt: the rebound
// of a slower one rises less than a pixel and nobody would call it a bounce.
constexpr double kCountedBounceSpeed = 20.0; // pixels / s
// A side-wall touch slower than this is a ball rolling to a stop against it,
// not a hit worth naming.
constexpr double kWallHitSpeed = 5.0; // pixels / s
// A two-ball clip is staged as one ball dropping onto the other this often;
// left to chance, that event would be too rare to learn.
constexpr double kOntoProbability = 0.35;
constexpr double kOneBallProbability = 0.55;

// Uniform draws from raw 64-bit words: std::uniform_*_distribution give
// different numbers on different standard libraries, and the dataset must be
// the same everywhere. std::mt19937_64 itself is fully specified. For the
// same reason the physics uses only correctly rounded operations (+ - * /,
// sqrt; no hypot, whose last bit varies between C libraries), and this file
// is compiled without fused multiply-adds (see engine/CMakeLists.txt).
class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) { }
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; } // [0, 1)
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    int below(int n) { return std::min(static_cast<int>(uniform() * n), n - 1); }
    bool chance(double probability) { return uniform() < probability; }

private:
    std::mt19937_64 m_engine;
};

BallSpec randomBall(Random& random, BallColour colour, bool large, Motion motion)
{
    BallSpec ball;
    ball.colour = colour;
    ball.large = large;
    ball.motion = motion;
    const double r = ball.radius();
    const double floorTop = W::floorY - r; // lowest centre that does not touch the floor
    switch (motion) {
    case Motion::ThrownRight:
    case Motion::ThrownLeft: {
        const double speed = random.uniform(60.0, 110.0);
        ball.vy = random.uniform(-90.0, -20.0);
        // Start low enough that the apex stays inside the frame.
        const double rise = ball.vy * ball.vy / (2.0 * W::gravity);
        ball.y = random.uniform(r + 2.0 + rise, floorTop - 3.0);
        if (motion == Motion::ThrownRight) {
            ball.vx = speed;
            ball.x = random.uniform(r + 1.0, W::width / 2.0);
        } else {
            ball.vx = -speed;
            ball.x = random.uniform(W::width / 2.0, W::width - r - 1.0);
        }
        break;
    }
    case Motion::Drops:
        ball.vx = random.uniform(-8.0, 8.0);
        ball.vy = random.uniform(0.0, 20.0);
        ball.x = random.uniform(r + 1.0, W::width - r - 1.0);
        ball.y = random.uniform(r + 2.0, r + 16.0);
        break;
    case Motion::ThrownUp: {
        ball.vx = random.uniform(-8.0, 8.0);
        ball.x = random.uniform(r + 1.0, W::width - r - 1.0);
        ball.y = random.uniform(floorTop - 14.0, floorTop - 2.0);
        // The launch speed follows from an apex inside the frame (a faster
        // throw would leave the picture, and the ball count must not change).
        const double rise = random.uniform(25.0, ball.y - r - 3.0);
        ball.vy = -std::sqrt(2.0 * W::gravity * rise);
        break;
    }
    }
    return ball;
}

bool overlapsWithMargin(const BallSpec& a, const BallSpec& b)
{
    const double dx = a.x - b.x, dy = a.y - b.y;
    return std::sqrt(dx * dx + dy * dy) < a.radius() + b.radius() + 2.0;
}

// Runs the world's physics (nano_physics.h) for one clip and records what
// happened: each ball's floor bounces and wall hits, and which ball hit the
// other first, from where.
class Simulator : private PhysicsObserver {
public:
    Simulator(const NanoClipSpec& spec, NanoClip& clip) : m_clip(clip)
    {
        for (const auto& ball : spec.balls)
            m_bodies.push_back({ball.x, ball.y, ball.vx, ball.vy, ball.radius(), false});
        m_clip.floorBounces.assign(m_bodies.size(), 0);
        m_clip.wallHits.assign(m_bodies.size(), 0);
    }

    std::vector<BallTruth> state() const
    {
        std::vector<BallTruth> states;
        for (const auto& body : m_bodies)
            states.push_back({body.x, body.y, body.vx, body.vy, body.contact});
        return states;
    }

    void advanceFrame() { advancePhysicsFrame(m_bodies, this); }

private:
    void floorImpact(std::size_t ball, double speed) override
    {
        if (speed > kCountedBounceSpeed)
            ++m_clip.floorBounces[ball];
    }

    void wallImpact(std::size_t ball, double speed) override
    {
        if (speed > kWallHitSpeed)
            ++m_clip.wallHits[ball];
    }

    void ballsMeet(const PhysicsBody& a, const PhysicsBody& b, double nx, double ny) override
    {
        if (m_clip.ballsCollide)
            return;
        m_clip.ballsCollide = true;
        // The hitter is the ball that moves towards the other faster.
        const double towardsB = a.vx * nx + a.vy * ny, towardsA = -(b.vx * nx + b.vy * ny);
        m_clip.hitter = towardsB >= towardsA ? 0 : 1;
        const PhysicsBody& hitter = m_clip.hitter == 0 ? a : b;
        const double downwards = m_clip.hitter == 0 ? ny : -ny; // the normal from the hitter to the other
        m_clip.hitFromAbove = downwards > 0.5 && hitter.vy > 0.0;
    }

    NanoClip& m_clip;
    std::vector<PhysicsBody> m_bodies;
};

NanoClipSpec drawSpec(Random& random)
{
    NanoClipSpec spec;
    spec.backdrop = random.below(kBackdropCount);
    const bool oneBall = random.chance(kOneBallProbability);
    const auto colour0 = static_cast<BallColour>(random.below(kBallColourCount));
    const bool large0 = random.chance(0.5);
    if (oneBall) {
        spec.balls.push_back(randomBall(random, colour0, large0, static_cast<Motion>(random.below(kMotionCount))));
        return spec;
    }
    // Distinct colours, so the prompt names each ball unambiguously.
    const auto colour1 = static_cast<BallColour>(
        (static_cast<int>(colour0) + 1 + random.below(kBallColourCount - 1)) % kBallColourCount);
    const bool large1 = random.chance(0.5);
    if (random.chance(kOntoProbability)) {
        // Ball 1 drops from just above the floor and settles; ball 0 drops
        // from high up, nearly straight above it, and lands on it.
        BallSpec below;
        below.colour = colour1;
        below.large = large1;
        below.motion = Motion::Drops;
        below.x = random.uniform(16.0, W::width - 16.0);
        below.y = W::floorY - below.radius() - random.uniform(1.0, 6.0);
        BallSpec above;
        above.colour = colour0;
        above.large = large0;
        above.motion = Motion::Drops;
        above.x = below.x + random.uniform(-0.4, 0.4) * (above.radius() + below.radius());
        above.y = random.uniform(above.radius() + 2.0, above.radius() + 12.0);
        above.vx = random.uniform(-3.0, 3.0);
        above.vy = random.uniform(0.0, 10.0);
        spec.balls = {above, below};
        return spec;
    }
    spec.balls.push_back(randomBall(random, colour0, large0, static_cast<Motion>(random.below(kMotionCount))));
    const auto motion1 = static_cast<Motion>(random.below(kMotionCount));
    // Redraw the second ball's start until the two do not touch; every
    // motion leaves plenty of room, so this ends after a few draws.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        BallSpec ball = randomBall(random, colour1, large1, motion1);
        if (!overlapsWithMargin(spec.balls[0], ball)) {
            spec.balls.push_back(ball);
            return spec;
        }
    }
    throw std::logic_error("nano world: no room for a second ball");
}

// True when no ball crosses the top of the picture during a clip.
bool staysInView(const NanoClipSpec& spec)
{
    NanoClip scratch;
    Simulator simulator(spec, scratch);
    for (int frame = 1; frame < W::frames; ++frame) {
        simulator.advanceFrame();
        const auto states = simulator.state();
        for (std::size_t i = 0; i < states.size(); ++i)
            if (states[i].y - spec.balls[i].radius() < 0.0)
                return false;
    }
    return true;
}

using Rgb = std::array<std::uint8_t, 3>;

// Dark, unsaturated backdrops, so that no ball colour can be mistaken for
// the background (the tests hold every backdrop pixel far from every ball).
struct Backdrop {
    const char* name;
    Rgb top, bottom, floor;
};
constexpr Backdrop kBackdrops[kBackdropCount] = {
    {"slate", {58, 64, 76}, {34, 38, 48}, {78, 74, 70}},
    {"navy", {30, 38, 72}, {16, 20, 42}, {52, 56, 66}},
    {"olive", {62, 64, 50}, {40, 42, 34}, {70, 62, 48}},
    {"brown", {64, 46, 38}, {40, 30, 24}, {56, 58, 60}},
};

const Backdrop& backdropAt(int backdrop)
{
    if (backdrop < 0 || backdrop >= kBackdropCount)
        throw std::invalid_argument("nano world: no backdrop " + std::to_string(backdrop));
    return kBackdrops[backdrop];
}

// 4 x 4 samples per pixel: enough for smooth edges on 64 x 64 frames.
constexpr int kSamplesPerAxis = 4;
constexpr int kSamples = kSamplesPerAxis * kSamplesPerAxis;

void drawDisc(
    std::vector<std::uint8_t>& image, int height, int width, double cx, double cy, double radius, const Rgb& colour)
{
    const int top = std::max(0, static_cast<int>(std::floor(cy - radius)));
    const int bottom = std::min(height - 1, static_cast<int>(std::floor(cy + radius)));
    const int left = std::max(0, static_cast<int>(std::floor(cx - radius)));
    const int right = std::min(width - 1, static_cast<int>(std::floor(cx + radius)));
    const double radius2 = radius * radius;
    for (int row = top; row <= bottom; ++row) {
        for (int column = left; column <= right; ++column) {
            int covered = 0;
            for (int sy = 0; sy < kSamplesPerAxis; ++sy) {
                const double dy = row + (sy + 0.5) / kSamplesPerAxis - cy;
                for (int sx = 0; sx < kSamplesPerAxis; ++sx) {
                    const double dx = column + (sx + 0.5) / kSamplesPerAxis - cx;
                    covered += dx * dx + dy * dy <= radius2 ? 1 : 0;
                }
            }
            if (covered == 0)
                continue;
            std::uint8_t* pixel = image.data() + (std::size_t(row) * width + column) * 3;
            for (int c = 0; c < 3; ++c)
                pixel[c] = static_cast<std::uint8_t>(
                    (pixel[c] * (kSamples - covered) + colour[c] * covered + kSamples / 2) / kSamples);
        }
    }
}

std::string ballWords(const BallSpec& ball)
{
    return std::string("a ") + (ball.large ? "large " : "small ") + ballColourName(ball.colour) + " ball";
}

std::string bounceWords(int bounces)
{
    switch (bounces) {
    case 0: return {};
    case 1: return " and bounces once";
    case 2: return " and bounces twice";
    case 3: return " and bounces three times";
    default: return " and bounces four times"; // a 2 s clip has no room for more
    }
}

} // namespace

const char* ballColourName(BallColour colour)
{
    switch (colour) {
    case BallColour::Red: return "red";
    case BallColour::Green: return "green";
    case BallColour::Blue: return "blue";
    case BallColour::Yellow: return "yellow";
    case BallColour::Purple: return "purple";
    case BallColour::Orange: return "orange";
    case BallColour::White: return "white";
    }
    return "red";
}

std::array<std::uint8_t, 3> ballColourRgb(BallColour colour)
{
    switch (colour) {
    case BallColour::Red: return {220, 40, 40};
    case BallColour::Green: return {40, 190, 60};
    case BallColour::Blue: return {50, 90, 230};
    case BallColour::Yellow: return {235, 215, 40};
    case BallColour::Purple: return {150, 60, 200};
    case BallColour::Orange: return {245, 140, 30};
    case BallColour::White: return {240, 240, 240};
    }
    return {220, 40, 40};
}

const char* motionPhrase(Motion motion)
{
    switch (motion) {
    case Motion::ThrownRight: return "is thrown to the right";
    case Motion::ThrownLeft: return "is thrown to the left";
    case Motion::Drops: return "drops";
    case Motion::ThrownUp: return "is thrown upward";
    }
    return "drops";
}

const char* backdropName(int backdrop)
{
    return backdropAt(backdrop).name;
}

double BallSpec::radius() const
{
    return large ? NanoWorldConstants::largeRadius : NanoWorldConstants::smallRadius;
}

NanoClipSpec NanoClipSpec::fromSeed(std::uint64_t seed)
{
    Random random(seed);
    // A collision can fling a ball out through the top of the picture, and
    // the number of balls in view must stay constant: such draws are
    // replaced by the next one from the same stream, so the clip still
    // depends on the seed alone.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        NanoClipSpec spec = drawSpec(random);
        spec.seed = seed;
        if (staysInView(spec))
            return spec;
    }
    throw std::logic_error("nano world: no clip that stays in view (seed " + std::to_string(seed) + ")");
}

NanoClip simulateClip(const NanoClipSpec& spec, int frameCount)
{
    if (spec.balls.empty() || spec.balls.size() > 2)
        throw std::invalid_argument("nano world: a clip has 1 or 2 balls");
    if (frameCount < 1)
        throw std::invalid_argument("nano world: frameCount must be positive");
    NanoClip clip;
    clip.spec = spec;
    clip.frameCount = frameCount;
    clip.height = W::height;
    clip.width = W::width;
    clip.frames.reserve(std::size_t(frameCount) * W::height * W::width * 3);
    Simulator simulator(spec, clip);
    for (int frame = 0; frame < frameCount; ++frame) {
        if (frame > 0)
            simulator.advanceFrame();
        clip.truth.push_back(simulator.state());
        const auto image = renderFrame(spec.backdrop, spec.balls, clip.truth.back());
        clip.frames.insert(clip.frames.end(), image.begin(), image.end());
    }
    clip.prompt = describeClip(clip);
    return clip;
}

std::string describeClip(const NanoClip& clip)
{
    const auto& balls = clip.spec.balls;
    if (balls.size() == 1) {
        const bool wall = !clip.wallHits.empty() && clip.wallHits[0] > 0;
        const int bounces = clip.floorBounces.empty() ? 0 : clip.floorBounces[0];
        return ballWords(balls[0]) + " " + motionPhrase(balls[0].motion) + (wall ? " and hits the wall" : "")
            + bounceWords(bounces);
    }
    // Two balls: both named with their motions; bounces and walls are left
    // out to keep the sentences short enough to learn.
    if (!clip.ballsCollide || clip.hitter < 0)
        return ballWords(balls[0]) + " " + motionPhrase(balls[0].motion) + " and " + ballWords(balls[1]) + " "
            + motionPhrase(balls[1].motion);
    const BallSpec& hitter = balls[std::size_t(clip.hitter)];
    const BallSpec& other = balls[std::size_t(1 - clip.hitter)];
    if (clip.hitFromAbove && hitter.motion == Motion::Drops)
        return ballWords(hitter) + " drops onto " + ballWords(other);
    return ballWords(hitter) + " " + motionPhrase(hitter.motion) + " and hits " + ballWords(other) + " that "
        + motionPhrase(other.motion);
}

std::vector<std::string> promptVocabulary()
{
    std::vector<std::string> words = {"a", "ball", "large", "small", "is", "thrown", "to", "the", "right", "left",
        "drops", "upward", "and", "bounces", "once", "twice", "three", "four", "times", "hits", "wall", "onto", "that"};
    for (int c = 0; c < kBallColourCount; ++c)
        words.emplace_back(ballColourName(static_cast<BallColour>(c)));
    return words;
}

std::vector<std::uint8_t> renderFrame(
    int backdrop, const std::vector<BallSpec>& balls, const std::vector<BallTruth>& states, int height, int width)
{
    if (height < 1 || width < 1)
        throw std::invalid_argument("nano world: frame size must be positive");
    if (states.size() != balls.size())
        throw std::invalid_argument("nano world: one state per ball");
    const Backdrop& look = backdropAt(backdrop);
    // Other sizes render the same world, scaled (e.g. larger previews).
    const double scaleX = double(width) / W::width, scaleY = double(height) / W::height;
    std::vector<std::uint8_t> image(std::size_t(height) * width * 3);
    for (int row = 0; row < height; ++row) {
        const double y = (row + 0.5) / scaleY;
        Rgb colour = look.floor;
        if (y < W::floorY) {
            const double t = y / W::floorY;
            for (int c = 0; c < 3; ++c)
                colour[c] = static_cast<std::uint8_t>(std::lround(look.top[c] + (look.bottom[c] - look.top[c]) * t));
        }
        for (int column = 0; column < width; ++column)
            std::copy(colour.begin(), colour.end(), image.begin() + (std::size_t(row) * width + column) * 3);
    }
    // Later balls are drawn over earlier ones. Discs are drawn in pixel
    // units, so scaling by different factors per axis would need ellipses:
    // the radius follows the horizontal scale.
    for (std::size_t i = 0; i < balls.size(); ++i)
        drawDisc(image, height, width, states[i].x * scaleX, states[i].y * scaleY, balls[i].radius() * scaleX,
            ballColourRgb(balls[i].colour));
    return image;
}

} // namespace cosmos::engine::nano
