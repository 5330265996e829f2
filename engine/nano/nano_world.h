// The nano world: a 2D side-view physics simulation of one or two balls
// (gravity, floor and walls with restitution, ball-ball collisions), rendered
// to small RGB frames, with a prompt written from each clip's true
// parameters and the ground truth per frame. Everything is deterministic
// from the seed. No torch here: frames are plain bytes, so the simulator,
// the dataset writer, the trainer and the evaluator all share one source.
//
//   NanoClip clip = simulateClip(NanoClipSpec::fromSeed(42));
//   clip.prompt  -> "a large red ball is thrown to the right and bounces twice"
//   clip.frames  -> 33 x 64 x 64 x 3 bytes (RGB)
//   clip.truth   -> per frame, per ball: position and velocity in pixels
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace cosmos::engine::nano {

// World constants, shared by the simulator and the evaluator.
struct NanoWorldConstants {
    static constexpr int width = 64;
    static constexpr int height = 64;
    static constexpr int fps = 16;
    static constexpr int frames = 33;
    static constexpr int floorY = 56; // top of the floor strip, pixels from the top
    static constexpr double gravity = 160.0; // pixels / s^2, +y is down
    static constexpr double restitution = 0.75; // floor and walls
    static constexpr double ballRestitution = 0.9; // ball-ball
    static constexpr double smallRadius = 4.0; // pixels
    static constexpr double largeRadius = 7.0;
    static constexpr int substeps = 16; // physics steps per frame
};

enum class BallColour { Red, Green, Blue, Yellow, Purple, Orange, White };
constexpr int kBallColourCount = 7;
const char* ballColourName(BallColour colour); // "red", ...
std::array<std::uint8_t, 3> ballColourRgb(BallColour colour);

// How a ball starts moving; the prompt names it.
enum class Motion { ThrownRight, ThrownLeft, Drops, ThrownUp };
constexpr int kMotionCount = 4;
const char* motionPhrase(Motion motion); // "is thrown to the right", ...

constexpr int kBackdropCount = 4;
const char* backdropName(int backdrop); // used in nano-data's index only

struct BallSpec {
    BallColour colour = BallColour::Red;
    bool large = false;
    Motion motion = Motion::Drops;
    double x = 32, y = 16; // initial centre, pixels (+y down)
    double vx = 0, vy = 0; // initial velocity, pixels / s
    double radius() const;
};

// Everything that determines a clip.
struct NanoClipSpec {
    std::uint64_t seed = 0;
    int backdrop = 0;
    std::vector<BallSpec> balls; // 1 or 2, distinct colours
    // A valid random clip from a seed (1 or 2 balls, colours, sizes, motions,
    // positions that do not overlap).
    static NanoClipSpec fromSeed(std::uint64_t seed);
};

struct BallTruth {
    double x = 0, y = 0; // centre, pixels
    double vx = 0, vy = 0; // pixels / s
    bool contact = false; // touched floor, wall or the other ball during the frame interval before this frame
};

struct NanoClip {
    NanoClipSpec spec;
    std::string prompt;
    int frameCount = 0, height = 0, width = 0;
    std::vector<std::uint8_t> frames; // frameCount * height * width * 3, RGB, row-major
    std::vector<std::vector<BallTruth>> truth; // [frame][ball]
    std::vector<int> floorBounces; // per ball, over the clip
    bool ballsCollide = false;
    std::vector<int> wallHits; // per ball: side-wall impacts over the clip
    int hitter = -1; // with ballsCollide: the ball that moved into the other at their first contact
    bool hitFromAbove = false; // with ballsCollide: at that contact the hitter came down onto the other
    const std::uint8_t* frame(int index) const { return frames.data() + std::size_t(index) * height * width * 3; }
};

// Simulates and renders `frameCount` frames (default: the world's 33).
NanoClip simulateClip(const NanoClipSpec& spec, int frameCount = NanoWorldConstants::frames);

// The prompt for a simulated clip, from its true parameters: colour, size,
// initial motion, floor bounces, what it hits. e.g. "a small blue ball drops
// onto a yellow ball", "a large red ball is thrown to the right and bounces twice".
std::string describeClip(const NanoClip& clip);

// Every word any prompt can contain, for building the nano tokenizer.
std::vector<std::string> promptVocabulary();

// Renders one frame of balls at given states over a backdrop (RGB bytes,
// height * width * 3): the simulator's renderer, also used by the evaluator.
std::vector<std::uint8_t> renderFrame(int backdrop, const std::vector<BallSpec>& balls,
    const std::vector<BallTruth>& states, int height = NanoWorldConstants::height,
    int width = NanoWorldConstants::width);

} // namespace cosmos::engine::nano
