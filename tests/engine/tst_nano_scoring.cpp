#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

#include "engine/nano/nano_scoring.h"

using namespace cosmos::engine::nano;
using W = NanoWorldConstants;

namespace {

constexpr int kClips = 300;
constexpr std::size_t kFrameBytes = std::size_t(W::height) * W::width * 3;

// The evaluator's rates over a set of clips.
struct Rates {
    int clips = 0, colours = 0, directions = 0, counts = 0, flights = 0, gravities = 0;
    double colourRate() const { return double(colours) / clips; }
    double directionRate() const { return double(directions) / clips; }
    double countRate() const { return double(counts) / clips; }
    double gravityRate() const { return flights > 0 ? double(gravities) / flights : 0.0; }
    void add(const ClipScore& score)
    {
        ++clips;
        colours += score.coloursMatch ? 1 : 0;
        directions += score.directionMatches ? 1 : 0;
        counts += score.countKept ? 1 : 0;
        flights += score.freeFlight ? 1 : 0;
        gravities += score.gravityWithin30 ? 1 : 0;
    }
    QString text() const
    {
        return QStringLiteral("colours %1/%2, directions %3, counts %4, gravity %5/%6 free flights")
            .arg(colours)
            .arg(clips)
            .arg(directions)
            .arg(counts)
            .arg(gravities)
            .arg(flights);
    }
};

ClipScore score(const NanoClip& clip, const std::vector<std::uint8_t>& frames)
{
    return scoreClip(clip.spec, frames.data(), static_cast<int>(frames.size() / kFrameBytes), W::height, W::width);
}

// Frames in another order. Fisher-Yates on the engine's raw numbers:
// std::shuffle differs between standard libraries.
std::vector<std::uint8_t> shuffled(const NanoClip& clip, std::mt19937& random)
{
    std::vector<int> order(std::size_t(clip.frameCount));
    for (int i = 0; i < clip.frameCount; ++i)
        order[std::size_t(i)] = i;
    for (int i = clip.frameCount - 1; i > 0; --i)
        std::swap(order[std::size_t(i)], order[random() % std::uint32_t(i + 1)]);
    std::vector<std::uint8_t> frames;
    for (int index : order)
        frames.insert(frames.end(), clip.frame(index), clip.frame(index) + kFrameBytes);
    return frames;
}

// What a soft generated frame looks like: a 3 x 3 box blur, then uniform
// noise of +-noise per channel.
std::vector<std::uint8_t> softened(const std::vector<std::uint8_t>& frames, std::mt19937& random, int noise = 10)
{
    std::vector<std::uint8_t> out(frames.size());
    const std::size_t count = frames.size() / kFrameBytes;
    for (std::size_t f = 0; f < count; ++f)
        for (int row = 0; row < W::height; ++row)
            for (int column = 0; column < W::width; ++column)
                for (int c = 0; c < 3; ++c) {
                    int sum = 0, n = 0;
                    for (int dy = -1; dy <= 1; ++dy)
                        for (int dx = -1; dx <= 1; ++dx) {
                            const int r = std::clamp(row + dy, 0, W::height - 1);
                            const int q = std::clamp(column + dx, 0, W::width - 1);
                            sum += frames[f * kFrameBytes + (std::size_t(r) * W::width + std::size_t(q)) * 3
                                + std::size_t(c)];
                            ++n;
                        }
                    const int jitter = static_cast<int>(random() % std::uint32_t(2 * noise + 1)) - noise;
                    const long value = std::lround(double(sum) / n) + jitter;
                    out[f * kFrameBytes + (std::size_t(row) * W::width + std::size_t(column)) * 3 + std::size_t(c)]
                        = static_cast<std::uint8_t>(std::clamp(value, 0L, 255L));
                }
    return out;
}

// Frames `first` .. `first + count - 1` of a clip (a negative step walks back).
std::vector<std::uint8_t> frameRange(const NanoClip& clip, int first, int count, int step = 1)
{
    std::vector<std::uint8_t> frames;
    for (int i = 0; i < count; ++i) {
        const std::uint8_t* frame = clip.frame(first + i * step);
        frames.insert(frames.end(), frame, frame + kFrameBytes);
    }
    return frames;
}

BoundaryScore boundary(const NanoClipSpec& spec, const std::vector<std::uint8_t>& before,
    const std::vector<std::uint8_t>& after, int overlap)
{
    return scoreBoundary(spec, before.data(), static_cast<int>(before.size() / kFrameBytes), after.data(),
        static_cast<int>(after.size() / kFrameBytes), overlap, W::height, W::width);
}

BallColour nextColour(BallColour colour)
{
    return static_cast<BallColour>((static_cast<int>(colour) + 1) % kBallColourCount);
}

} // namespace

class TestNanoScoring : public QObject {
    Q_OBJECT
private slots:
    void simulatorClipsScoreNearlyPerfectly()
    {
        Rates rates;
        std::vector<double> gravities;
        for (int seed = 0; seed < kClips; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)));
            const ClipScore result = score(clip, clip.frames);
            rates.add(result);
            if (result.freeFlight)
                gravities.push_back(result.fittedGravity);
        }
        qInfo().noquote() << "simulator:" << rates.text();
        QVERIFY2(rates.colourRate() >= 0.99, qPrintable(rates.text()));
        QVERIFY2(rates.directionRate() >= 0.97, qPrintable(rates.text()));
        QVERIFY2(rates.countRate() >= 0.97, qPrintable(rates.text()));
        QVERIFY2(rates.flights >= 50, qPrintable(rates.text()));
        QVERIFY2(rates.gravityRate() >= 0.95, qPrintable(rates.text()));
        // The fit is not just within 30 %: centroids of rendered balls give
        // the simulator's gravity to a few per cent.
        std::sort(gravities.begin(), gravities.end());
        const double median = gravities[gravities.size() / 2];
        QVERIFY2(std::abs(median - W::gravity) < 0.02 * W::gravity, qPrintable(QString::number(median)));
    }

    void onlyOneBallClipsHaveFreeFlight()
    {
        for (int seed = 0; seed < 40; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)));
            if (clip.spec.balls.size() == 2)
                QVERIFY(!score(clip, clip.frames).freeFlight);
        }
    }

    void tracksFollowTheTruth()
    {
        for (int seed = 0; seed < 30; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)));
            const auto tracks = trackBalls(clip.frames.data(), clip.frameCount, clip.height, clip.width);
            QCOMPARE(tracks.size(), clip.spec.balls.size());
            for (std::size_t i = 0; i < clip.spec.balls.size(); ++i) {
                const BallSpec& ball = clip.spec.balls[i];
                const auto track = std::find_if(
                    tracks.begin(), tracks.end(), [&](const BallTrack& t) { return t.colour == ball.colour; });
                QVERIFY(track != tracks.end());
                QCOMPARE(track->visible.size(), std::size_t(clip.frameCount));
                for (int f = 0; f < clip.frameCount; ++f) {
                    const auto index = std::size_t(f);
                    QVERIFY(track->visible[index]);
                    QCOMPARE(track->blobs[index], 1);
                    QVERIFY(std::abs(track->x[index] - clip.truth[index][i].x) < 0.5);
                    QVERIFY(std::abs(track->y[index] - clip.truth[index][i].y) < 0.5);
                    // Edge pixels blend into the backdrop: the blob is a bit
                    // smaller than the disc, never larger.
                    const double disc = 3.14159265358979 * ball.radius() * ball.radius();
                    QVERIFY(track->area[index] > 0.6 * disc && track->area[index] < 1.1 * disc);
                }
            }
        }
    }

    void shuffledFramesScoreLow()
    {
        // Colours and counts survive any order of the frames; the motion
        // must not. Gravity counts over the clips that had a free flight
        // in order (losing the flight is failing it).
        Rates ordered, mixed;
        int gravitiesKept = 0;
        std::mt19937 random(5);
        for (int seed = 0; seed < kClips; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)));
            const ClipScore before = score(clip, clip.frames);
            const ClipScore after = score(clip, shuffled(clip, random));
            ordered.add(before);
            mixed.add(after);
            gravitiesKept += before.freeFlight && after.gravityWithin30 ? 1 : 0;
        }
        const double gravityRate = double(gravitiesKept) / ordered.flights;
        qInfo().noquote() << "shuffled:" << mixed.text() << "; gravity kept" << gravitiesKept << "/" << ordered.flights;
        QVERIFY2(mixed.colourRate() >= 0.99, qPrintable(mixed.text()));
        QVERIFY2(mixed.directionRate() < 0.6, qPrintable(mixed.text()));
        QVERIFY2(gravityRate < 0.3, qPrintable(mixed.text()));
    }

    void wrongColoursAreCaught()
    {
        Rates single, pairs;
        for (int seed = 0; seed < kClips; ++seed) {
            const NanoClipSpec spec = NanoClipSpec::fromSeed(std::uint64_t(seed));
            NanoClipSpec repainted = spec; // every ball one palette step on: still distinct
            for (auto& ball : repainted.balls)
                ball.colour = nextColour(ball.colour);
            const NanoClip clip = simulateClip(repainted);
            const ClipScore result = scoreClip(spec, clip.frames.data(), clip.frameCount, clip.height, clip.width);
            (spec.balls.size() == 1 ? single : pairs).add(result);
            // What was found instead is reported, in palette order.
            std::vector<BallColour> drawn;
            for (const auto& ball : repainted.balls)
                drawn.push_back(ball.colour);
            std::sort(drawn.begin(), drawn.end());
            QVERIFY(result.coloursFound == drawn);
        }
        qInfo().noquote() << "wrong colours, one ball:" << single.text() << "; two balls:" << pairs.text();
        QCOMPARE(single.colours + pairs.colours, 0);
        // The count does not depend on the colour, and neither do the
        // motion and the physics of a lone ball; two balls of the wrong
        // colours cannot be told apart.
        QVERIFY2(single.countRate() >= 0.97 && pairs.countRate() >= 0.97, qPrintable(pairs.text()));
        QVERIFY2(single.directionRate() >= 0.97, qPrintable(single.text()));
        QVERIFY2(single.flights >= 50 && single.gravityRate() >= 0.95, qPrintable(single.text()));
        QCOMPARE(pairs.directions, 0);
    }

    void backdropAloneKeepsNoBall()
    {
        for (int seed = 0; seed < 20; ++seed) {
            const NanoClipSpec spec = NanoClipSpec::fromSeed(std::uint64_t(seed));
            const std::vector<std::uint8_t> empty = renderFrame(spec.backdrop, {}, {});
            std::vector<std::uint8_t> frames;
            for (int f = 0; f < W::frames; ++f)
                frames.insert(frames.end(), empty.begin(), empty.end());
            QVERIFY(trackBalls(frames.data(), W::frames, W::height, W::width).empty());
            const ClipScore result = scoreClip(spec, frames.data(), W::frames, W::height, W::width);
            QVERIFY(!result.countKept);
            QCOMPARE(result.countShare, 0.0);
            QCOMPARE(result.mostBalls, 0);
            QCOMPARE(int(result.countOffFrames.size()), W::frames);
            QVERIFY(!result.coloursMatch);
            QVERIFY(result.coloursFound.empty());
            QVERIFY(!result.directionMatches);
            QVERIFY(!result.freeFlight);
        }
    }

    void extraBallLosesTheCount()
    {
        // A one-ball clip with a second ball of the same colour drawn in:
        // the colours still match, the count does not.
        int checked = 0;
        for (int seed = 0; checked < 10; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)));
            if (clip.spec.balls.size() != 1)
                continue;
            ++checked;
            BallSpec twin = clip.spec.balls[0];
            std::vector<std::uint8_t> frames;
            for (int f = 0; f < clip.frameCount; ++f) {
                BallTruth state = clip.truth[std::size_t(f)][0];
                BallTruth mirrored = state;
                mirrored.x = W::width - state.x;
                if (std::abs(mirrored.x - state.x) < 2.5 * twin.radius())
                    mirrored.y
                        = state.y > W::floorY / 2.0 ? state.y - 3.0 * twin.radius() : state.y + 3.0 * twin.radius();
                const auto image = renderFrame(clip.spec.backdrop, {clip.spec.balls[0], twin}, {state, mirrored});
                frames.insert(frames.end(), image.begin(), image.end());
            }
            const ClipScore result = score(clip, frames);
            QVERIFY(result.coloursMatch);
            QVERIFY(!result.countKept);
            QCOMPARE(result.mostBalls, 2);
            QVERIFY(result.countShare < 0.9);
        }
    }

    void softFramesStillScore()
    {
        Rates rates;
        std::mt19937 random(11);
        for (int seed = 0; seed < kClips; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)));
            rates.add(score(clip, softened(clip.frames, random)));
        }
        qInfo().noquote() << "blurred and noisy:" << rates.text();
        QVERIFY2(rates.colourRate() >= 0.95, qPrintable(rates.text()));
        QVERIFY2(rates.countRate() >= 0.95, qPrintable(rates.text()));
        QVERIFY2(rates.directionRate() >= 0.95, qPrintable(rates.text()));
        QVERIFY2(rates.flights >= 50 && rates.gravityRate() >= 0.9, qPrintable(rates.text()));
    }

    void largerFramesScoreInWorldPixels()
    {
        // The renderer scales the world to any frame size; the scores,
        // gravity included, come out in world units all the same.
        constexpr int size = 128;
        Rates rates;
        for (int seed = 0; seed < 40; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)));
            std::vector<std::uint8_t> frames;
            for (int f = 0; f < clip.frameCount; ++f) {
                const auto image
                    = renderFrame(clip.spec.backdrop, clip.spec.balls, clip.truth[std::size_t(f)], size, size);
                frames.insert(frames.end(), image.begin(), image.end());
            }
            const ClipScore result = scoreClip(clip.spec, frames.data(), clip.frameCount, size, size);
            rates.add(result);
            if (result.freeFlight)
                QVERIFY2(std::abs(result.fittedGravity - W::gravity) < 0.05 * W::gravity,
                    qPrintable(QString::number(result.fittedGravity)));
        }
        qInfo().noquote() << "128 x 128:" << rates.text();
        QCOMPARE(rates.colours, rates.clips);
        QCOMPARE(rates.counts, rates.clips);
        QVERIFY(rates.directionRate() >= 0.95);
        QVERIFY(rates.flights >= 5);
    }

    void psnrOfIdenticalAndNoisyFrames()
    {
        const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(3));
        QCOMPARE(psnr(clip.frames.data(), clip.frames.data(), clip.frames.size()), kPsnrCap);
        QCOMPARE(psnr(nullptr, nullptr, 0), kPsnrCap);
        std::vector<std::uint8_t> brighter = clip.frames;
        for (auto& byte : brighter)
            byte = static_cast<std::uint8_t>(std::min(255, byte + 1));
        // Off by one nearly everywhere: about 48 dB.
        QVERIFY(std::abs(psnr(clip.frames.data(), brighter.data(), brighter.size()) - 48.13) < 0.2);
        // Uniform noise of +-10: mean square error about 37, so about 32.5 dB.
        std::mt19937 random(1);
        std::vector<std::uint8_t> noisy = clip.frames;
        for (auto& byte : noisy) {
            const int jitter = static_cast<int>(random() % 21u) - 10;
            byte = static_cast<std::uint8_t>(std::clamp(byte + jitter, 0, 255));
        }
        const double noisyPsnr = psnr(clip.frames.data(), noisy.data(), noisy.size());
        QVERIFY2(noisyPsnr > 31.0 && noisyPsnr < 34.0, qPrintable(QString::number(noisyPsnr)));
        // A different clip is far off.
        const NanoClip other = simulateClip(NanoClipSpec::fromSeed(4));
        QVERIFY(psnr(clip.frames.data(), other.frames.data(), other.frames.size()) < 25.0);
    }

    void continuationsAreContinuous()
    {
        // A 41-frame clip, split as a Continue sees it: frames 0..32, then
        // 28..40 (5 frames of overlap, after[5] = frame 33).
        int continuous = 0, tracked = 0;
        std::vector<double> jumps;
        for (int seed = 0; seed < 100; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)), 41);
            const BoundaryScore result = boundary(clip.spec, frameRange(clip, 0, 33), frameRange(clip, 28, 13), 5);
            continuous += result.continuous ? 1 : 0;
            tracked += result.tracked ? 1 : 0;
            jumps.push_back(result.velocityJump);
        }
        std::sort(jumps.begin(), jumps.end());
        qInfo() << "simulated seams: continuous" << continuous << "/ 100, median jump" << jumps[50] << "max"
                << jumps.back();
        QCOMPARE(tracked, 100);
        QVERIFY(continuous >= 95);
        QVERIFY(jumps[50] < 0.5);
    }

    void softContinuationsAreContinuous()
    {
        int continuous = 0;
        std::mt19937 random(3);
        for (int seed = 0; seed < 100; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)), 41);
            const BoundaryScore result = boundary(
                clip.spec, softened(frameRange(clip, 0, 33), random), softened(frameRange(clip, 28, 13), random), 5);
            continuous += result.continuous ? 1 : 0;
        }
        QVERIFY2(continuous >= 95, qPrintable(QString::number(continuous)));
    }

    void splicesAreNotContinuous()
    {
        int fromOtherClip = 0, reversed = 0;
        for (int seed = 0; seed < 100; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(std::uint64_t(seed)), 41);
            const auto before = frameRange(clip, 0, 33);
            // The continuation of another clip with as many balls, painted
            // in this clip's colours, so that only the motion differs.
            NanoClipSpec other;
            for (std::uint64_t s = 1000 + std::uint64_t(seed);; ++s) {
                other = NanoClipSpec::fromSeed(s);
                if (other.balls.size() == clip.spec.balls.size())
                    break;
            }
            for (std::size_t i = 0; i < other.balls.size(); ++i)
                other.balls[i].colour = clip.spec.balls[i].colour;
            const NanoClip otherClip = simulateClip(other, 41);
            fromOtherClip += boundary(clip.spec, before, frameRange(otherClip, 28, 13), 5).continuous ? 1 : 0;
            // Time running backwards from the boundary: the same place, the
            // opposite velocity (after[4] = frame 32, after[5] = frame 31).
            reversed += boundary(clip.spec, before, frameRange(clip, 36, 13, -1), 5).continuous ? 1 : 0;
        }
        qInfo() << "continuous splices: from another clip" << fromOtherClip << "/ 100, reversed" << reversed << "/ 100";
        QVERIFY(fromOtherClip <= 5);
        // By frame 32 some balls have come to rest, and a ball at rest
        // looks the same backwards.
        QVERIFY(reversed <= 20);
    }

    void untrackedBoundaryIsNotContinuous()
    {
        const NanoClipSpec spec = NanoClipSpec::fromSeed(9);
        const NanoClip clip = simulateClip(spec, 41);
        const std::vector<std::uint8_t> empty = renderFrame(spec.backdrop, {}, {});
        std::vector<std::uint8_t> after;
        for (int f = 0; f < 13; ++f)
            after.insert(after.end(), empty.begin(), empty.end());
        const BoundaryScore result = boundary(spec, frameRange(clip, 0, 33), after, 5);
        QVERIFY(!result.tracked);
        QVERIFY(!result.continuous);
        // Too few frames after the overlap to see a velocity.
        const BoundaryScore tooShort = boundary(spec, frameRange(clip, 0, 33), frameRange(clip, 28, 6), 5);
        QVERIFY(!tooShort.tracked);
        QVERIFY(!tooShort.continuous);
    }

    void badInputsThrow()
    {
        const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(1));
        NanoClipSpec noBalls = clip.spec;
        noBalls.balls.clear();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scoreClip(noBalls, clip.frames.data(), 33, 64, 64));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scoreClip(clip.spec, clip.frames.data(), 33, 0, 64));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scoreClip(clip.spec, nullptr, 33, 64, 64));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trackBalls(clip.frames.data(), -1, 64, 64));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
            scoreBoundary(clip.spec, clip.frames.data(), 10, clip.frames.data(), 10, 11, 64, 64));
        // No frames at all is no ball, not an error.
        QVERIFY(trackBalls(nullptr, 0, 64, 64).empty());
        QVERIFY(!scoreClip(clip.spec, nullptr, 0, 64, 64).countKept);
    }
};

QTEST_GUILESS_MAIN(TestNanoScoring)
#include "tst_nano_scoring.moc"
