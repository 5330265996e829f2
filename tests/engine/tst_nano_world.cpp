#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "engine/nano/nano_world.h"

using namespace cosmos::engine::nano;
using W = NanoWorldConstants;

namespace {

std::vector<std::string> words(const std::string& text)
{
    std::istringstream stream(text);
    std::vector<std::string> result;
    for (std::string word; stream >> word;)
        result.push_back(word);
    return result;
}

double rgbDistance(const std::uint8_t* pixel, const std::array<std::uint8_t, 3>& colour)
{
    double sum = 0.0;
    for (int c = 0; c < 3; ++c)
        sum += (double(pixel[c]) - colour[c]) * (double(pixel[c]) - colour[c]);
    return std::sqrt(sum);
}

// Least-squares y = c0 + c1 t + c2 t^2 over the samples; returns c2.
double quadraticCoefficient(const std::vector<double>& t, const std::vector<double>& y)
{
    double s[5] = {}, r[3] = {};
    for (std::size_t i = 0; i < t.size(); ++i) {
        double power = 1.0;
        for (int k = 0; k < 5; ++k) {
            s[k] += power;
            if (k < 3)
                r[k] += power * y[i];
            power *= t[i];
        }
    }
    // Normal equations [s0 s1 s2; s1 s2 s3; s2 s3 s4] c = r, by Cramer's rule.
    auto det = [](double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    };
    const double d = det(s[0], s[1], s[2], s[1], s[2], s[3], s[2], s[3], s[4]);
    return det(s[0], s[1], r[0], s[1], s[2], r[1], s[2], s[3], r[2]) / d;
}

// FNV-1a over bytes.
std::uint64_t fingerprint(const std::vector<std::uint8_t>& bytes, std::uint64_t hash = 1469598103934665603ull)
{
    for (std::uint8_t byte : bytes)
        hash = (hash ^ byte) * 1099511628211ull;
    return hash;
}

} // namespace

class TestNanoWorld : public QObject {
    Q_OBJECT
private slots:
    void sameSeedSameClip()
    {
        const NanoClip a = simulateClip(NanoClipSpec::fromSeed(7));
        const NanoClip b = simulateClip(NanoClipSpec::fromSeed(7));
        QCOMPARE(a.frameCount, W::frames);
        QCOMPARE(a.frames.size(), std::size_t(W::frames) * W::height * W::width * 3);
        QCOMPARE(a.truth.size(), std::size_t(W::frames));
        QVERIFY(a.frames == b.frames);
        QCOMPARE(a.prompt, b.prompt);
        for (int f = 0; f < a.frameCount; ++f)
            for (std::size_t i = 0; i < a.truth[f].size(); ++i) {
                QCOMPARE(a.truth[f][i].x, b.truth[f][i].x);
                QCOMPARE(a.truth[f][i].vy, b.truth[f][i].vy);
            }
        const NanoClip c = simulateClip(NanoClipSpec::fromSeed(8));
        QVERIFY(a.frames != c.frames);
    }

    void datasetFingerprintIsStable()
    {
        // Datasets and trained weights depend on these exact bytes: a change
        // here means a new world. Update the number only on purpose.
        std::uint64_t hash = 1469598103934665603ull;
        for (std::uint64_t seed = 0; seed < 5; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(seed));
            hash = fingerprint(clip.frames, hash);
            hash = fingerprint(std::vector<std::uint8_t>(clip.prompt.begin(), clip.prompt.end()), hash);
        }
        QCOMPARE(hash, std::uint64_t(12305902179238884958ull));
    }

    void specsAreValid()
    {
        int oneBall = 0;
        std::set<int> backdrops, motions;
        for (std::uint64_t seed = 0; seed < 2000; ++seed) {
            const NanoClipSpec spec = NanoClipSpec::fromSeed(seed);
            QVERIFY(spec.balls.size() == 1 || spec.balls.size() == 2);
            oneBall += spec.balls.size() == 1 ? 1 : 0;
            backdrops.insert(spec.backdrop);
            for (const auto& ball : spec.balls) {
                motions.insert(int(ball.motion));
                const double r = ball.radius();
                QVERIFY(ball.x - r > 0 && ball.x + r < W::width);
                QVERIFY(ball.y + r < W::floorY && ball.y - r > 0);
                // The highest point of the flight stays inside the frame.
                if (ball.vy < 0)
                    QVERIFY2(ball.y - r - ball.vy * ball.vy / (2 * W::gravity) > 0, qPrintable(QString::number(seed)));
                switch (ball.motion) {
                case Motion::ThrownRight: QVERIFY(ball.vx >= 60 && ball.x <= W::width / 2.0); break;
                case Motion::ThrownLeft: QVERIFY(ball.vx <= -60 && ball.x >= W::width / 2.0); break;
                case Motion::Drops: QVERIFY(std::abs(ball.vx) < 8 && ball.vy >= 0); break;
                case Motion::ThrownUp: QVERIFY(std::abs(ball.vx) < 8 && ball.vy < -60); break;
                }
            }
            if (spec.balls.size() == 2) {
                const auto& a = spec.balls[0];
                const auto& b = spec.balls[1];
                QVERIFY(a.colour != b.colour);
                QVERIFY(std::hypot(a.x - b.x, a.y - b.y) > a.radius() + b.radius());
            }
        }
        QVERIFY2(oneBall > 1000 && oneBall < 1200, qPrintable(QString::number(oneBall)));
        QCOMPARE(int(backdrops.size()), kBackdropCount);
        QCOMPARE(int(motions.size()), kMotionCount);
    }

    void freeFlightFollowsGravity()
    {
        int segments = 0;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(seed));
            for (std::size_t ball = 0; ball < clip.spec.balls.size(); ++ball) {
                // Runs of frames with no contact in between: pure flight.
                int start = 0;
                for (int f = 1; f <= clip.frameCount; ++f) {
                    if (f < clip.frameCount && !clip.truth[f][ball].contact)
                        continue;
                    if (f - start >= 6) {
                        std::vector<double> t, y, x;
                        for (int k = start; k < f; ++k) {
                            t.push_back(double(k) / W::fps);
                            y.push_back(clip.truth[k][ball].y);
                            x.push_back(clip.truth[k][ball].x);
                        }
                        const double g = 2.0 * quadraticCoefficient(t, y);
                        QVERIFY2(std::abs(g - W::gravity) < 0.02 * W::gravity,
                            qPrintable(QString("seed %1 ball %2: g = %3").arg(seed).arg(ball).arg(g)));
                        QVERIFY(std::abs(quadraticCoefficient(t, x)) < 0.01);
                        ++segments;
                    }
                    start = f;
                }
            }
        }
        QVERIFY2(segments > 200, qPrintable(QString::number(segments)));
    }

    void ballsStayInViewAndOutOfEachOther()
    {
        for (std::uint64_t seed = 0; seed < 500; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(seed));
            for (const auto& frame : clip.truth) {
                for (std::size_t i = 0; i < frame.size(); ++i) {
                    const double r = clip.spec.balls[i].radius();
                    QVERIFY(frame[i].y + r <= W::floorY + 0.5);
                    QVERIFY(frame[i].x - r >= -0.5);
                    QVERIFY(frame[i].x + r <= W::width + 0.5);
                    QVERIFY(frame[i].y - r >= 0.0); // never out of the picture
                }
                if (frame.size() == 2) {
                    const double distance = std::hypot(frame[0].x - frame[1].x, frame[0].y - frame[1].y);
                    QVERIFY(distance >= clip.spec.balls[0].radius() + clip.spec.balls[1].radius() - 1.0);
                }
            }
        }
    }

    void restingBallsSettle()
    {
        NanoClipSpec spec;
        BallSpec ball;
        ball.large = true;
        ball.x = 30;
        ball.y = 12;
        ball.vx = 20;
        spec.balls = {ball};
        const NanoClip clip = simulateClip(spec, 16 * 12);
        const BallTruth& last = clip.truth.back()[0];
        QCOMPARE(last.vy, 0.0);
        QCOMPARE(last.vx, 0.0);
        QCOMPARE(last.y, W::floorY - ball.radius());
        QCOMPARE(clip.truth[clip.truth.size() - 2][0].x, last.x);
        // Bounces decay: each rebound is slower than the impact before it.
        QVERIFY(clip.floorBounces[0] >= 3);
    }

    void collisionsConserveMomentum()
    {
        // Head-on in mid-air: gravity acts on both alike, so the horizontal
        // momentum is kept and the relative speed scales by ballRestitution.
        NanoClipSpec spec;
        BallSpec a, b;
        a.large = true;
        a.colour = BallColour::Red;
        a.x = 20;
        a.y = 20;
        a.vx = 70;
        b.colour = BallColour::Blue;
        b.x = 44;
        b.y = 20;
        b.vx = -50;
        spec.balls = {a, b};
        const NanoClip clip = simulateClip(spec, 4); // before the small ball reaches the wall
        QVERIFY(clip.ballsCollide);
        QCOMPARE(clip.hitter, 0); // the faster of the two
        QVERIFY(!clip.hitFromAbove);
        const double ma = a.radius() * a.radius(), mb = b.radius() * b.radius();
        const auto& after = clip.truth.back();
        QVERIFY(!after[0].contact && !after[1].contact);
        QVERIFY(std::abs(ma * after[0].vx + mb * after[1].vx - (ma * a.vx + mb * b.vx)) < 1e-6);
        QVERIFY(std::abs((after[1].vx - after[0].vx) - W::ballRestitution * (a.vx - b.vx)) < 1e-6);
        QVERIFY(clip.prompt.find(" hits ") != std::string::npos);
    }

    void promptsUseTheVocabulary()
    {
        const auto vocabulary = promptVocabulary();
        const std::set<std::string> known(vocabulary.begin(), vocabulary.end());
        QCOMPARE(known.size(), vocabulary.size());
        std::set<std::string> used;
        for (std::uint64_t seed = 0; seed < 2000; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(seed));
            QCOMPARE(describeClip(clip), clip.prompt);
            for (const auto& word : words(clip.prompt)) {
                QVERIFY2(known.count(word),
                    qPrintable(QString("seed %1: '%2' in '%3'").arg(seed).arg(word.c_str()).arg(clip.prompt.c_str())));
                used.insert(word);
            }
            for (const auto& ball : clip.spec.balls) {
                const std::string named = std::string(ball.large ? "large " : "small ") + ballColourName(ball.colour);
                QVERIFY2(clip.prompt.find(named) != std::string::npos, clip.prompt.c_str());
            }
        }
        // Every word is reachable: the vocabulary carries no dead entries.
        QCOMPARE(used.size(), known.size());
    }

    void promptsNameTheMotion()
    {
        int onto = 0, hits = 0;
        for (std::uint64_t seed = 0; seed < 500; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(seed));
            const std::string& prompt = clip.prompt;
            if (clip.spec.balls.size() == 1) {
                QVERIFY(prompt.rfind(std::string("a "), 0) == 0);
                QVERIFY(prompt.find(motionPhrase(clip.spec.balls[0].motion)) != std::string::npos);
                QCOMPARE(prompt.find("the wall") != std::string::npos, clip.wallHits[0] > 0);
                continue;
            }
            QCOMPARE(prompt.find(" hits a ") != std::string::npos || prompt.find(" onto ") != std::string::npos,
                clip.ballsCollide);
            onto += prompt.find(" drops onto ") != std::string::npos ? 1 : 0;
            hits += prompt.find(" hits a ") != std::string::npos ? 1 : 0;
        }
        QVERIFY2(onto > 30 && hits > 30, qPrintable(QString("%1 onto, %2 hits").arg(onto).arg(hits)));
    }

    void bounceCountMatchesTheWording()
    {
        const char* counts[] = {nullptr, "bounces once", "bounces twice", "bounces three times", "bounces four times"};
        std::set<int> seen;
        for (std::uint64_t seed = 0; seed < 1000; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(seed));
            if (clip.spec.balls.size() != 1)
                continue;
            const int bounces = clip.floorBounces[0];
            QVERIFY(bounces >= 0 && bounces <= 4);
            seen.insert(bounces);
            for (int n = 1; n <= 4; ++n)
                QCOMPARE(clip.prompt.find(counts[n]) != std::string::npos, n == bounces);
            if (bounces == 0)
                QVERIFY(clip.prompt.find("bounces") == std::string::npos);
        }
        QVERIFY(seen.count(1) && seen.count(2) && seen.count(3));
    }

    void ballsAreDrawnInTheirColour()
    {
        for (std::uint64_t seed = 0; seed < 100; ++seed) {
            const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(seed));
            for (int f = 0; f < clip.frameCount; ++f) {
                for (std::size_t i = 0; i < clip.spec.balls.size(); ++i) {
                    const auto& state = clip.truth[f][i];
                    const int column = int(std::floor(state.x)), row = int(std::floor(state.y));
                    const std::uint8_t* pixel = clip.frame(f) + (std::size_t(row) * clip.width + column) * 3;
                    const auto colour = ballColourRgb(clip.spec.balls[i].colour);
                    QVERIFY2(pixel[0] == colour[0] && pixel[1] == colour[1] && pixel[2] == colour[2],
                        qPrintable(QString("seed %1 frame %2 ball %3").arg(seed).arg(f).arg(i)));
                }
            }
        }
        // Larger renders show the same world, scaled.
        const NanoClip clip = simulateClip(NanoClipSpec::fromSeed(3), 1);
        const auto big = renderFrame(clip.spec.backdrop, clip.spec.balls, clip.truth[0], 256, 256);
        const auto& state = clip.truth[0][0];
        const std::uint8_t* pixel = big.data() + (std::size_t(std::floor(state.y * 4)) * 256 + int(state.x * 4)) * 3;
        QCOMPARE(rgbDistance(pixel, ballColourRgb(clip.spec.balls[0].colour)), 0.0);
    }

    void edgesAreAntiAliased()
    {
        BallSpec ball;
        ball.large = true;
        const auto image = renderFrame(0, {ball}, {BallTruth {32.3, 20.6, 0, 0, false}});
        const auto colour = ballColourRgb(ball.colour);
        int partial = 0;
        for (std::size_t p = 0; p < image.size(); p += 3) {
            const double distance = rgbDistance(&image[p], colour);
            partial += distance > 1 && distance < 100 ? 1 : 0;
        }
        QVERIFY2(partial >= 20, qPrintable(QString::number(partial)));
    }

    void backdropsAreFarFromEveryBallColour()
    {
        for (int backdrop = 0; backdrop < kBackdropCount; ++backdrop) {
            QVERIFY(std::string(backdropName(backdrop)).size() > 0);
            const auto image = renderFrame(backdrop, {}, {});
            QCOMPARE(image.size(), std::size_t(W::height) * W::width * 3);
            for (std::size_t p = 0; p < image.size(); p += 3)
                for (int c = 0; c < kBallColourCount; ++c)
                    QVERIFY2(rgbDistance(&image[p], ballColourRgb(BallColour(c))) > 100,
                        qPrintable(QString("backdrop %1 pixel %2 colour %3").arg(backdrop).arg(p / 3).arg(c)));
            // The floor strip differs from the wall above it.
            const std::size_t above = (std::size_t(W::floorY - 1) * W::width) * 3;
            const std::size_t floor = (std::size_t(W::floorY) * W::width) * 3;
            QVERIFY(rgbDistance(&image[above], {image[floor], image[floor + 1], image[floor + 2]}) > 15);
        }
        // Backdrops differ from one another.
        for (int a = 0; a < kBackdropCount; ++a)
            for (int b = a + 1; b < kBackdropCount; ++b)
                QVERIFY(renderFrame(a, {}, {}) != renderFrame(b, {}, {}));
    }

    void badInputsThrow()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, simulateClip(NanoClipSpec {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, renderFrame(kBackdropCount, {}, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, renderFrame(0, {BallSpec {}}, {}));
    }
};

QTEST_GUILESS_MAIN(TestNanoWorld)
#include "tst_nano_world.moc"
