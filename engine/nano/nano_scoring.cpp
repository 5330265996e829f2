#include "engine/nano/nano_scoring.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

#include "engine/nano/nano_physics.h"

namespace cosmos::engine::nano {
namespace {

using W = NanoWorldConstants;
constexpr double kPi = 3.14159265358979323846;

// A pixel belongs to a ball colour when it lies within this RGB distance of
// it. An anti-aliased edge blends the ball into the dark backdrop, and part
// of that blend comes close to a neighbouring palette colour: a yellow edge
// over the slate backdrop passes within 64 of orange, an orange edge within
// 78 of red (worst cases over all backdrops and coverages). Below 64 no edge
// can take another ball's colour, and the margin to it absorbs noise of
// about +-10 per channel; ball interiors, even blurred, stay well inside.
constexpr double kColourTolerance = 48.0;
// ... and when it is clearly nearer to that colour than to any other, so
// that a pixel half-way between yellow and orange counts for neither.
constexpr double kAmbiguityRatio = 0.6;
// A blob needs this many pixels (on a 64 x 64 frame) to count as a ball: a
// small ball (radius 4) keeps 40 pixels within tolerance, still 22 when
// blurred (3 x 3) and noisy, while stray edge or noise pixels (where two
// balls touch, say) come in ones and twos.
constexpr double kMinBlobPixels = 6.0;
// A colour seen in fewer frames than this share is noise, not a ball.
constexpr double kTrackShare = 0.25;
// The share of frames that must show the prompt's number of balls.
constexpr double kCountShare = 0.9;

// Direction: the first displacement from the starting position larger than
// this (world pixels) decides which way a ball set off. Every thrown ball
// covers it within one frame (at least 60 px/s = 3.75 px/frame), a dropped
// one within three frames, and it is well above centroid jitter.
constexpr double kSignificantMove = 3.0;
// Frames after the start within which that move must happen: about half a
// second, before most collisions, but long enough for a slow drop.
constexpr int kDirectionWindow = 8;
// How much sideways drift a vertical motion may have (and the reverse): a
// drop moves at most 0.5 px/frame sideways against at least 3 px down; a
// throw moves at least 3.75 px/frame sideways against at most 5.6 up.
constexpr double kOffAxisRatio = 0.5;
// Below this a displacement (world pixels) tells no direction.
constexpr double kSmallMove = 1.0;
// Two balls may have collided between two frames when their gap was below
// kReachGap and no larger than the distance they then moved (a collision
// sends them apart again within the same frame interval), or when their gap
// is below kTouchGap in a frame.
constexpr double kReachGap = 4.0; // world pixels
constexpr double kTouchGap = 1.0;

// Free flight: frames whose ball bottom is at least this far above the floor.
constexpr double kFloorClearance = 1.0; // world pixels
// In free flight the vertical speed only grows (gravity adds 0.625
// px/frame each frame); a second difference this far below zero means a
// push upward, i.e. a bounce between two frames that both show the ball in
// the air, so such a frame splits the flight.
constexpr double kUpwardKick = 1.0; // world px/frame^2
// The shortest flight worth fitting: over 6 frames (0.31 s) gravity bends
// the path by about 8 px, against centroid jitter of a few tenths.
constexpr int kMinFlightFrames = 6;
constexpr double kGravityTolerance = 0.3;

using Palette = std::array<std::array<double, 3>, kBallColourCount>;

Palette palette()
{
    Palette colours {};
    for (int c = 0; c < kBallColourCount; ++c) {
        const auto rgb = ballColourRgb(static_cast<BallColour>(c));
        for (int k = 0; k < 3; ++k)
            colours[std::size_t(c)][std::size_t(k)] = rgb[std::size_t(k)];
    }
    return colours;
}

void checkFrames(const std::uint8_t* rgb, int frames, int height, int width)
{
    if (frames < 0 || height < 1 || width < 1)
        throw std::invalid_argument("nano scoring: frame count and size must be positive");
    if (frames > 0 && rgb == nullptr)
        throw std::invalid_argument("nano scoring: no frames");
}

void checkSpec(const NanoClipSpec& spec)
{
    if (spec.balls.empty() || spec.balls.size() > 2)
        throw std::invalid_argument("nano scoring: a clip has 1 or 2 balls");
}

// Per-pixel palette index, or -1 for backdrop and anything ambiguous.
std::vector<signed char> classify(const std::uint8_t* pixels, std::size_t count, const Palette& colours)
{
    std::vector<signed char> labels(count, -1);
    const double tolerance2 = kColourTolerance * kColourTolerance;
    const double ratio2 = kAmbiguityRatio * kAmbiguityRatio;
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* pixel = pixels + i * 3;
        double best = std::numeric_limits<double>::max(), second = best;
        int nearest = -1;
        for (int c = 0; c < kBallColourCount; ++c) {
            double d2 = 0.0;
            for (std::size_t k = 0; k < 3; ++k) {
                const double d = pixel[k] - colours[std::size_t(c)][k];
                d2 += d * d;
            }
            if (d2 < best) {
                second = best;
                best = d2;
                nearest = c;
            } else if (d2 < second) {
                second = d2;
            }
        }
        if (best < tolerance2 && best < ratio2 * second)
            labels[i] = static_cast<signed char>(nearest);
    }
    return labels;
}

// Every palette colour's blobs in every frame (tracks for all colours, in
// palette order, whether or not they are ever visible).
std::vector<BallTrack> analyse(const std::uint8_t* rgb, int frames, int height, int width)
{
    checkFrames(rgb, frames, height, width);
    const Palette colours = palette();
    const std::size_t pixels = std::size_t(height) * std::size_t(width);
    const int minPixels
        = std::max(3, static_cast<int>(std::lround(kMinBlobPixels * double(pixels) / (W::width * W::height))));
    std::vector<BallTrack> tracks(kBallColourCount);
    for (int c = 0; c < kBallColourCount; ++c) {
        BallTrack& track = tracks[std::size_t(c)];
        track.colour = static_cast<BallColour>(c);
        track.visible.assign(std::size_t(frames), false);
        track.x.assign(std::size_t(frames), 0.0);
        track.y.assign(std::size_t(frames), 0.0);
        track.area.assign(std::size_t(frames), 0.0);
        track.blobs.assign(std::size_t(frames), 0);
    }
    std::vector<std::size_t> stack;
    for (int f = 0; f < frames; ++f) {
        std::vector<signed char> labels = classify(rgb + std::size_t(f) * pixels * 3, pixels, colours);
        // Connected blobs (8-neighbourhood): a ball is one blob, so a second
        // blob of the same colour is a second ball, and a stray splash of
        // the colour elsewhere does not pull the centroid off the ball.
        for (std::size_t start = 0; start < pixels; ++start) {
            const int label = labels[start];
            if (label < 0)
                continue;
            labels[start] = -1;
            stack.assign(1, start);
            double count = 0.0, sumX = 0.0, sumY = 0.0;
            while (!stack.empty()) {
                const std::size_t index = stack.back();
                stack.pop_back();
                const int row = static_cast<int>(index / std::size_t(width));
                const int column = static_cast<int>(index % std::size_t(width));
                count += 1.0;
                sumX += column + 0.5; // pixel centres, as the renderer samples them
                sumY += row + 0.5;
                for (int dy = -1; dy <= 1; ++dy) {
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int r = row + dy, q = column + dx;
                        if (r < 0 || r >= height || q < 0 || q >= width)
                            continue;
                        const std::size_t neighbour = std::size_t(r) * std::size_t(width) + std::size_t(q);
                        if (labels[neighbour] == label) {
                            labels[neighbour] = -1;
                            stack.push_back(neighbour);
                        }
                    }
                }
            }
            if (count < minPixels)
                continue;
            BallTrack& track = tracks[std::size_t(label)];
            const std::size_t frame = std::size_t(f);
            ++track.blobs[frame];
            if (count > track.area[frame]) {
                track.visible[frame] = true;
                track.area[frame] = count;
                track.x[frame] = sumX / count;
                track.y[frame] = sumY / count;
            }
        }
    }
    return tracks;
}

bool meaningful(const BallTrack& track)
{
    const auto frames = track.visible.size();
    const auto seen = static_cast<std::size_t>(std::count(track.visible.begin(), track.visible.end(), true));
    return seen > 0 && double(seen) >= kTrackShare * double(frames);
}

// A track in world pixels: frames of other sizes render the world scaled.
struct WorldTrack {
    std::vector<bool> visible;
    std::vector<double> x, y, radius; // radius from the blob's area
};

WorldTrack toWorld(const BallTrack& track, int height, int width)
{
    const double scaleX = double(width) / W::width, scaleY = double(height) / W::height;
    WorldTrack world;
    world.visible = track.visible;
    for (std::size_t f = 0; f < track.visible.size(); ++f) {
        world.x.push_back(track.x[f] / scaleX);
        world.y.push_back(track.y[f] / scaleY);
        world.radius.push_back(std::sqrt(track.area[f] / kPi) / scaleX);
    }
    return world;
}

// The track of a colour among analyse()'s, which hold every colour in
// palette order.
const BallTrack& trackOf(const std::vector<BallTrack>& all, BallColour colour)
{
    return all[static_cast<std::size_t>(colour)];
}

// The first frame after `start` (up to `last`) before which the two balls
// may have touched: they were within reach of each other (their gap no
// larger than the distance they then moved, and small) or they touch now.
// Frames from there on show a collision, not how the ball set off. `last`
// + 1 when they stay apart.
int firstContact(const WorldTrack& a, double radiusA, const WorldTrack& b, double radiusB, int start, int last)
{
    auto gap = [&](int f) {
        const auto i = std::size_t(f);
        return std::hypot(a.x[i] - b.x[i], a.y[i] - b.y[i]) - radiusA - radiusB;
    };
    auto moved = [](const WorldTrack& t, int f) {
        const auto i = std::size_t(f);
        return std::hypot(t.x[i] - t.x[i - 1], t.y[i] - t.y[i - 1]);
    };
    for (int f = start + 1; f <= last; ++f) {
        const auto i = std::size_t(f);
        if (!a.visible[i] || !b.visible[i] || !a.visible[i - 1] || !b.visible[i - 1])
            continue;
        const double before = gap(f - 1);
        if (gap(f) < kTouchGap || (before < kReachGap && before <= moved(a, f) + moved(b, f)))
            return f;
    }
    return last + 1;
}

enum class Verdict { Matches, Differs, Undecided };

// Which way the ball sets off, from its first clear move within the window.
// `end`: the first frame that may show a collision with the other ball.
Verdict direction(const BallSpec& ball, const WorldTrack& track, int start, int end)
{
    const double x0 = track.x[std::size_t(start)], y0 = track.y[std::size_t(start)];
    auto judge = [&](double dx, double dy) {
        bool matches = false;
        switch (ball.motion) {
        case Motion::ThrownRight: matches = dx > 0.0 && dx >= kOffAxisRatio * std::abs(dy); break;
        case Motion::ThrownLeft: matches = dx < 0.0 && -dx >= kOffAxisRatio * std::abs(dy); break;
        case Motion::Drops: matches = dy > 0.0 && std::abs(dx) <= kOffAxisRatio * dy; break;
        case Motion::ThrownUp: matches = dy < 0.0 && std::abs(dx) <= kOffAxisRatio * -dy; break;
        }
        return matches ? Verdict::Matches : Verdict::Differs;
    };
    const int frames = static_cast<int>(track.visible.size());
    const int last = std::min({frames - 1, start + kDirectionWindow, end - 1});
    double lowest = y0, drift = 0.0, dx = 0.0, dy = 0.0;
    for (int f = start + 1; f <= last; ++f) {
        if (!track.visible[std::size_t(f)])
            continue;
        dx = track.x[std::size_t(f)] - x0;
        dy = track.y[std::size_t(f)] - y0;
        if (std::hypot(dx, dy) > kSignificantMove)
            return judge(dx, dy);
        lowest = std::max(lowest, track.y[std::size_t(f)]);
        drift = std::max(drift, std::abs(dx));
    }
    if (end <= start + kDirectionWindow && end < frames) {
        // Hit by the other ball before its own motion showed clearly: what
        // little it moved before decides, and when that is nothing, neither
        // a simulated nor a generated clip can show the prompted motion.
        return std::hypot(dx, dy) > kSmallMove ? judge(dx, dy) : Verdict::Undecided;
    }
    // No clear move: only a ball that drops from just above the floor (as
    // the lower ball of "drops onto") lacks the room for one. It must still
    // go down by most of that room, and hardly sideways.
    const double room = W::floorY - ball.radius() - y0;
    const double fallen = lowest - y0;
    const bool settles = ball.motion == Motion::Drops && room < 2.0 * kSignificantMove
        && fallen >= std::max(kSmallMove / 2.0, 0.6 * std::min(room, kSignificantMove))
        && drift <= std::max(kSmallMove, fallen);
    return settles ? Verdict::Matches : Verdict::Differs;
}

// The first frame that shows the ball, among the first few; -1 if none.
int firstSeen(const WorldTrack& track)
{
    for (int f = 0; f < std::min(static_cast<int>(track.visible.size()), 3); ++f)
        if (track.visible[std::size_t(f)])
            return f;
    return -1;
}

bool directionsMatch(const NanoClipSpec& spec, const std::vector<WorldTrack>& tracks)
{
    for (std::size_t i = 0; i < spec.balls.size(); ++i) {
        const WorldTrack& track = tracks[i];
        const int start = firstSeen(track);
        if (start < 0)
            return false;
        const int frames = static_cast<int>(track.visible.size());
        int end = frames;
        if (spec.balls.size() == 2) {
            const std::size_t j = 1 - i;
            end = firstContact(track, spec.balls[i].radius(), tracks[j], spec.balls[j].radius(), start,
                std::min(frames - 1, start + kDirectionWindow));
            if (end > start + kDirectionWindow)
                end = frames;
        }
        if (direction(spec.balls[i], track, start, end) == Verdict::Differs)
            return false;
    }
    return true;
}

// Least squares y = a + b t + c t^2; returns 2c (the acceleration).
double fitAcceleration(const std::vector<double>& t, const std::vector<double>& y)
{
    // Centre the times: the normal equations stay well conditioned.
    double mean = 0.0;
    for (double value : t)
        mean += value;
    mean /= double(t.size());
    double s[5] = {}, r[3] = {};
    for (std::size_t i = 0; i < t.size(); ++i) {
        const double u = t[i] - mean;
        double power = 1.0;
        for (int k = 0; k < 5; ++k) {
            s[k] += power;
            if (k < 3)
                r[k] += power * y[i];
            power *= u;
        }
    }
    // [s0 s1 s2; s1 s2 s3; s2 s3 s4] c = r, by Cramer's rule.
    auto det = [](double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    };
    const double d = det(s[0], s[1], s[2], s[1], s[2], s[3], s[2], s[3], s[4]);
    if (d == 0.0)
        return 0.0;
    return 2.0 * det(s[0], s[1], r[0], s[1], s[2], r[1], s[2], s[3], r[2]) / d;
}

// The longest stretch of free flight (visible, clear of the floor, no
// upward kick), or an empty list.
std::vector<int> longestFlight(const WorldTrack& track, double specRadius)
{
    const int frames = static_cast<int>(track.visible.size());
    std::vector<bool> airborne(std::size_t(frames), false);
    for (int f = 0; f < frames; ++f) {
        const auto i = std::size_t(f);
        // A generated ball may be drawn larger than its size says: the
        // larger radius keeps a ball resting on the floor out of the fit.
        const double radius = std::max(specRadius, track.radius[i]);
        airborne[i] = track.visible[i] && track.y[i] + radius < W::floorY - kFloorClearance;
    }
    std::vector<bool> usable = airborne;
    for (int f = 1; f + 1 < frames; ++f) {
        const auto i = std::size_t(f);
        if (airborne[i - 1] && airborne[i] && airborne[i + 1]
            && track.y[i + 1] - 2.0 * track.y[i] + track.y[i - 1] < -kUpwardKick)
            usable[i] = false;
    }
    std::vector<int> best, run;
    for (int f = 0; f <= frames; ++f) {
        if (f < frames && usable[std::size_t(f)]) {
            run.push_back(f);
            continue;
        }
        if (run.size() > best.size())
            best = run;
        run.clear();
    }
    return best;
}

// A ball's state at frame `f` of a track, from its step since frame f - 1.
// That step is the mean velocity over the frame interval; by its end gravity
// has added about half a frame's worth more.
PhysicsBody stateAt(const WorldTrack& track, std::size_t f, double radius)
{
    PhysicsBody body;
    body.x = track.x[f];
    body.y = track.y[f];
    body.vx = (track.x[f] - track.x[f - 1]) * W::fps;
    body.vy = (track.y[f] - track.y[f - 1]) * W::fps + 0.5 * W::gravity / W::fps;
    body.r = radius;
    return body;
}

} // namespace

std::vector<BallTrack> trackBalls(const std::uint8_t* rgb, int frames, int height, int width)
{
    std::vector<BallTrack> tracks = analyse(rgb, frames, height, width);
    tracks.erase(
        std::remove_if(tracks.begin(), tracks.end(), [](const BallTrack& t) { return !meaningful(t); }), tracks.end());
    return tracks;
}

ClipScore scoreClip(const NanoClipSpec& spec, const std::uint8_t* rgb, int frames, int height, int width)
{
    checkSpec(spec);
    ClipScore score;
    const std::vector<BallTrack> all = analyse(rgb, frames, height, width);
    if (frames == 0)
        return score;

    std::set<BallColour> wanted, found;
    for (const auto& ball : spec.balls)
        wanted.insert(ball.colour);
    for (const auto& track : all)
        if (meaningful(track)) {
            found.insert(track.colour);
            score.coloursFound.push_back(track.colour);
        }
    score.coloursMatch = wanted == found;

    // Every blob counts, whatever its colour: a ball that turns into
    // another colour or splits in two changes what the viewer sees.
    int kept = 0;
    for (int f = 0; f < frames; ++f) {
        int balls = 0;
        for (const auto& track : all)
            balls += track.blobs[std::size_t(f)];
        kept += balls == static_cast<int>(spec.balls.size()) ? 1 : 0;
        if (balls != static_cast<int>(spec.balls.size()))
            score.countOffFrames.push_back(f);
        score.mostBalls = std::max(score.mostBalls, balls);
    }
    score.countShare = double(kept) / frames;
    score.countKept = kept >= kCountShare * frames;

    // With one ball, its motion is scored apart from its colour: when the
    // ball has the wrong colour but is the only one, it still shows which
    // way it set off and what gravity pulls it.
    const BallTrack* single = nullptr;
    if (spec.balls.size() == 1) {
        single = &trackOf(all, spec.balls[0].colour);
        const auto seen = std::count_if(all.begin(), all.end(), meaningful);
        if (!meaningful(*single) && seen == 1)
            single = &*std::find_if(all.begin(), all.end(), meaningful);
    }
    std::vector<WorldTrack> balls;
    for (const auto& ball : spec.balls)
        balls.push_back(toWorld(single != nullptr ? *single : trackOf(all, ball.colour), height, width));
    score.directionMatches = directionsMatch(spec, balls);

    if (spec.balls.size() == 1) {
        const WorldTrack& world = balls[0];
        const std::vector<int> flight = longestFlight(world, spec.balls[0].radius());
        if (static_cast<int>(flight.size()) >= kMinFlightFrames) {
            std::vector<double> t, y;
            for (int f : flight) {
                t.push_back(double(f) / W::fps);
                y.push_back(world.y[std::size_t(f)]);
            }
            score.freeFlight = true;
            score.fittedGravity = fitAcceleration(t, y);
            score.gravityWithin30 = std::abs(score.fittedGravity - W::gravity) <= kGravityTolerance * W::gravity;
        }
    }
    return score;
}

double psnr(const std::uint8_t* a, const std::uint8_t* b, std::size_t bytes)
{
    if (bytes == 0)
        return kPsnrCap;
    if (a == nullptr || b == nullptr)
        throw std::invalid_argument("nano scoring: psnr of no data");
    double sum = 0.0;
    for (std::size_t i = 0; i < bytes; ++i) {
        const double d = double(a[i]) - double(b[i]);
        sum += d * d;
    }
    if (sum == 0.0)
        return kPsnrCap;
    const double mse = sum / double(bytes);
    return std::min(kPsnrCap, 10.0 * std::log10(255.0 * 255.0 / mse));
}

BoundaryScore scoreBoundary(const NanoClipSpec& spec, const std::uint8_t* before, int beforeFrames,
    const std::uint8_t* after, int afterFrames, int overlap, int height, int width)
{
    checkSpec(spec);
    if (overlap < 0 || overlap > beforeFrames)
        throw std::invalid_argument("nano scoring: overlap out of range");
    BoundaryScore score;
    const std::vector<BallTrack> beforeTracks = analyse(before, beforeFrames, height, width);
    const std::vector<BallTrack> afterTracks = analyse(after, afterFrames, height, width);
    // The estimate needs the last three frames before the seam and the
    // first two after it.
    if (beforeFrames < 3 || afterFrames < overlap + 2)
        return score;
    const auto last = std::size_t(beforeFrames - 1), next = std::size_t(overlap);
    std::vector<WorldTrack> ends, starts;
    for (const auto& ball : spec.balls) {
        ends.push_back(toWorld(trackOf(beforeTracks, ball.colour), height, width));
        starts.push_back(toWorld(trackOf(afterTracks, ball.colour), height, width));
        const WorldTrack &a = ends.back(), &b = starts.back();
        if (!a.visible[last - 2] || !a.visible[last - 1] || !a.visible[last] || !b.visible[next]
            || !b.visible[next + 1])
            return score;
    }
    score.tracked = true;
    // Two estimates of the state at the boundary frame: from the last step,
    // or from the step before, carried on through the last one (when a ball
    // bounced or was hit during the last step, that step tells little of
    // its velocity after). The closer one counts.
    double best = std::numeric_limits<double>::max();
    for (int estimate = 0; estimate < 2; ++estimate) {
        std::vector<PhysicsBody> bodies;
        for (std::size_t i = 0; i < spec.balls.size(); ++i)
            bodies.push_back(stateAt(ends[i], estimate == 0 ? last : last - 1, spec.balls[i].radius()));
        if (estimate == 1) {
            advancePhysicsFrame(bodies);
            for (std::size_t i = 0; i < bodies.size(); ++i) { // where it is is seen; how it moves is carried
                bodies[i].x = ends[i].x[last];
                bodies[i].y = ends[i].y[last];
            }
        }
        advancePhysicsFrame(bodies);
        const std::vector<PhysicsBody> firstNew = bodies;
        advancePhysicsFrame(bodies);
        double jump = 0.0;
        for (std::size_t i = 0; i < bodies.size(); ++i) {
            const WorldTrack& seen = starts[i];
            // The first new frame's position, then its next step: a seam
            // shows as a jump in place, a changed velocity as a wrong step.
            const double offset = std::hypot(seen.x[next] - firstNew[i].x, seen.y[next] - firstNew[i].y);
            const double stepError = std::hypot((seen.x[next + 1] - seen.x[next]) - (bodies[i].x - firstNew[i].x),
                (seen.y[next + 1] - seen.y[next]) - (bodies[i].y - firstNew[i].y));
            jump = std::max({jump, offset, stepError});
        }
        best = std::min(best, jump);
    }
    score.velocityJump = best;
    score.continuous = score.velocityJump <= kMaxVelocityJump;
    return score;
}

} // namespace cosmos::engine::nano
