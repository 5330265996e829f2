// Scoring nano-world clips against their prompts and against the physics of
// the simulator: which ball colours appear, which way each ball starts to
// move, whether the number of balls stays constant, what gravity a free
// flight implies, how well frames are reproduced (PSNR) and whether motion
// carries across the boundary between two segments. Everything works on
// plain RGB bytes, from the same frames whether they were simulated or
// generated, so the evaluator can be tested on simulator clips (which must
// score near 100 %) without a model. No torch here.
//
//   const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(42));
//   const ClipScore score = scoreClip(clip.spec, clip.frames.data(), clip.frameCount, clip.height, clip.width);
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/nano/nano_world.h"

namespace cosmos::engine::nano {

// A ball found by colour in RGB frames (frames x height x width x 3 bytes).
struct BallTrack {
    BallColour colour = BallColour::Red;
    std::vector<bool> visible; // per frame: a blob of this colour big enough to be a ball
    std::vector<double> x, y; // centroid of the largest such blob per frame (pixels; valid where visible)
    std::vector<double> area; // pixels of the largest blob per frame
    std::vector<int> blobs; // per frame: separate blobs of this colour big enough to be a ball
};

// One track per palette colour that is visible in a meaningful share of the
// frames (a quarter), in palette order. A pixel belongs to the palette colour
// nearest to it when it is close to that colour (see nano_scoring.cpp), so
// anti-aliased edges and blur shrink a ball a little but never make it
// another colour.
std::vector<BallTrack> trackBalls(const std::uint8_t* rgb, int frames, int height, int width);

struct ClipScore {
    bool coloursMatch = false; // the set of tracked colours == the spec's ball colours
    // Every spec ball's first move of more than 3 px, within 8 frames of the
    // start, points the way its Motion says (a ball that the other one hits
    // before it has moved counts as matching; see nano_scoring.cpp) (*).
    bool directionMatches = false;
    // Blobs of any ball colour, counted per frame, equal the spec's number
    // of balls in >= 90 % of the frames.
    bool countKept = false;
    bool freeFlight = false; // a one-ball clip with a free-flight stretch long enough to fit (6+ frames) (*)
    double fittedGravity = 0.0; // px/s^2 in world pixels (64 x 64 frames), when freeFlight
    bool gravityWithin30 = false; // |fitted - NanoWorldConstants::gravity| <= 30 % of it
    // What the verdicts above came from, to see why a take failed:
    std::vector<BallColour> coloursFound; // the tracked colours, in palette order
    double countShare = 0.0; // share of frames showing the spec's number of balls
    int mostBalls = 0; // the most blobs (any ball colour) in one frame
    std::vector<int> countOffFrames; // the frames showing another number of balls
};

// Scores a clip against its spec, of which only what a prompt says is used
// (colours, sizes, motions, number of balls): a generated clip need not put
// its balls where the simulator would have. Frames of any size render the
// same world scaled; positions are measured in world pixels.
// (*) Motion and gravity are scored apart from colour where they can be:
// when a one-ball clip shows exactly one ball, in the wrong colour, that
// ball's motion and flight are scored as the spec's ball's.
ClipScore scoreClip(const NanoClipSpec& spec, const std::uint8_t* rgb, int frames, int height, int width);

// What psnr() reports for identical (or practically identical) data: a
// finite number, so that averages and JSON stay meaningful.
constexpr double kPsnrCap = 99.0;

// Peak 255; kPsnrCap when equal (or when bytes is 0).
double psnr(const std::uint8_t* a, const std::uint8_t* b, std::size_t bytes);

// Velocity continuity across a boundary: the spec's balls are tracked in
// `before` (the frames up to and including the boundary frame) and `after`
// (which starts `overlap` frames before the end of `before`: with overlap 5,
// after's first 5 frames show before's last 5 again, and after[overlap] is
// the first new frame). The overlapping frames of `after` are not used here
// (score them with psnr()): the seam is between before's last frame and
// after[overlap]. The balls' motion over before's last three frames is
// carried on by the simulator's physics (gravity, bounces, collisions) over
// the first two new frames; velocityJump is how far the observed motion
// departs from that: the larger of the first new frame's offset (px) and
// the error of its next step (px/frame), in world pixels.
struct BoundaryScore {
    double velocityJump = 0.0; // world px/frame, max over balls; 0 when not tracked
    bool continuous = false; // tracked and velocityJump <= kMaxVelocityJump
    bool tracked = false; // every spec ball was found in the frames that the comparison needs
};
// Simulated seams stay well below this (95 % under 0.6, the worst of 300
// just under 2, blurred and noisy frames alike: what remains is collisions
// that three frames cannot pin down); a splice from another clip jumps by
// more, nearly always by far, and a reversal of time by twice the speed.
constexpr double kMaxVelocityJump = 2.0; // world px/frame
BoundaryScore scoreBoundary(const NanoClipSpec& spec, const std::uint8_t* before, int beforeFrames,
    const std::uint8_t* after, int afterFrames, int overlap, int height, int width);

} // namespace cosmos::engine::nano
