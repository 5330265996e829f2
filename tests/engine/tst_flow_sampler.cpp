// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QtTest>

#include "engine/sampling/flow_sampler.h"
#include "engine/sampling/sampling_cancelled.h"
#include "engine/sampling/seeded_noise.h"

using namespace cosmos::engine::sampling;
using cosmos::engine::numpyNoise;

namespace {

constexpr double kMean = 2.0;
constexpr double kStd = 0.5;

// The exact velocity E[noise - x0 | x_sigma] when x0 ~ N(kMean, kStd^2)
// and noise ~ N(0, 1): the flow then maps noise e to kMean + kStd * e.
torch::Tensor gaussianVelocity(const torch::Tensor& x, double sigma)
{
    const double variance = sigma * sigma + (1 - sigma) * (1 - sigma) * kStd * kStd;
    const auto centred = x - (1 - sigma) * kMean;
    const auto noise = sigma / variance * centred;
    const auto x0 = kMean + (1 - sigma) * kStd * kStd / variance * centred;
    return noise - x0;
}

// Runs the sampler on the Gaussian problem; returns max |x - (mean + std e)|.
double gaussianError(SolverKind solver, ScheduleKind schedule, int steps, double shift = 5.0)
{
    SamplerConfig config;
    config.shift = shift;
    config.solver = solver;
    config.schedule = schedule;
    config.steps = steps;
    config.guidance = 0.0;
    const FlowSchedule flow = makeSchedule(schedule, steps, config.shift);
    const auto noise = numpyNoise(7, {4000, 1, 1, 1, 1});
    int call = 0;
    const auto x = sampleFlow(noise, config, [&](const torch::Tensor& input, const torch::Tensor&, bool) {
        return gaussianVelocity(input, flow.sigmas[call++]);
    });
    const auto target = kMean + kStd * noise;
    return (x - target).abs().max().item<double>();
}

} // namespace

class TestFlowSampler : public QObject {
    Q_OBJECT
private slots:
    void shiftedLinearScheduleMatchesTheOfficialOne()
    {
        const FlowSchedule s = shiftedLinearSchedule(35, 5.0);
        QCOMPARE(s.steps(), 35);
        QCOMPARE(s.sigmas.size(), std::size_t(36));
        QCOMPARE(s.sigmas.back(), 0.0f);
        QCOMPARE(s.timesteps[0], std::int64_t(999));
        QCOMPARE(s.timesteps[1], std::int64_t(993));
        QCOMPARE(s.timesteps[2], std::int64_t(987));
        QCOMPARE(s.timesteps[34], std::int64_t(128));
        // shift * s / (1 + (shift - 1) * s) at the first sigma, 0.999 in float32.
        const double first = double(0.999f);
        QCOMPARE(s.sigmas[0], float(5.0 * first / (1.0 + 4.0 * first)));
    }

    void karrasScheduleRunsOneExtraStep()
    {
        const FlowSchedule s = karrasSchedule(35);
        QCOMPARE(s.steps(), 36); // 35 requested, 36 network evaluations, as in the official code
        QCOMPARE(s.timesteps[0], std::int64_t(995));
        QCOMPARE(s.timesteps[1], std::int64_t(994));
        QCOMPARE(s.timesteps[2], std::int64_t(993));
        QVERIFY(std::abs(s.sigmas[35] - 0.01f / 1.01f) < 1e-7f);
        QCOMPARE(s.sigmas[36], 0.0f);
    }

    void invalidSettingsAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(cosmos::engine::EngineError, shiftedLinearSchedule(0, 5.0));
        QVERIFY_THROWS_EXCEPTION(cosmos::engine::EngineError, shiftedLinearSchedule(10, -1.0));
        QVERIFY_THROWS_EXCEPTION(cosmos::engine::EngineError, solverKindFromName("ddim"));
    }

    // Every solver's last step lands on the clean estimate E[x0 | x] (sigma
    // 0), which for a Gaussian shrinks towards the mean; the error therefore
    // shrinks with the last sigma before 0, i.e. with more steps.
    void unipcSolvesTheGaussianFlow()
    {
        const double linear = gaussianError(SolverKind::UniPC, ScheduleKind::ShiftedLinear, 50, 1.0);
        QVERIFY2(linear < 0.01, qPrintable(QString::number(linear)));
        // Karras starts at sigma 200 / 201 = 0.995, not 1: pure noise there
        // is slightly off the marginal, which costs about 0.02 at 3.7 sigma.
        const double karras = gaussianError(SolverKind::UniPC, ScheduleKind::Karras, 35);
        QVERIFY2(karras < 0.04, qPrintable(QString::number(karras)));
    }

    void eulerConvergesWithMoreSteps()
    {
        const double coarse = gaussianError(SolverKind::Euler, ScheduleKind::ShiftedLinear, 20);
        const double fine = gaussianError(SolverKind::Euler, ScheduleKind::ShiftedLinear, 200);
        QVERIFY2(fine < 0.05, qPrintable(QString::number(fine)));
        QVERIFY2(fine < coarse / 4, qPrintable(QString("%1 vs %2").arg(fine).arg(coarse)));
    }

    void unipcBeatsEulerAtTheSameStepCount()
    {
        const double euler = gaussianError(SolverKind::Euler, ScheduleKind::ShiftedLinear, 20, 1.0);
        const double unipc = gaussianError(SolverKind::UniPC, ScheduleKind::ShiftedLinear, 20, 1.0);
        QVERIFY2(unipc < euler / 2, qPrintable(QString("UniPC %1 vs Euler %2").arg(unipc).arg(euler)));
    }

    void sampleStatisticsMatchTheTarget()
    {
        SamplerConfig config;
        config.guidance = 0.0;
        config.steps = 50;
        config.shift = 1.0;
        const FlowSchedule flow = makeSchedule(config.schedule, config.steps, config.shift);
        int call = 0;
        const auto x = sampleFlow(
            numpyNoise(42, {20000, 1, 1, 1, 1}), config, [&](const torch::Tensor& input, const torch::Tensor&, bool) {
                return gaussianVelocity(input, flow.sigmas[call++]);
            });
        QVERIFY(std::abs(x.mean().item<double>() - kMean) < 0.02);
        QVERIFY(std::abs(x.std().item<double>() - kStd) < 0.02);
    }

    void guidanceCombinesAOneBatchPass()
    {
        const auto cond = torch::full({1, 1, 1, 1, 1}, 3.0);
        const auto uncond = torch::full({1, 1, 1, 1, 1}, 1.0);
        QCOMPARE(combineGuidance(cond, uncond, 7.0, GuidanceFormula::CondPlusScaledDifference).item<double>(), 17.0);
        QCOMPARE(combineGuidance(cond, uncond, 7.0, GuidanceFormula::UncondPlusScaledDifference).item<double>(), 15.0);

        SamplerConfig config;
        config.steps = 3;
        config.guidance = 2.0;
        int calls = 0;
        sampleFlow(
            torch::zeros({2, 1, 1, 1, 1}), config, [&](const torch::Tensor& x, const torch::Tensor& t, bool guided) {
                ++calls;
                if (!(guided && x.size(0) == 4 && t.size(0) == 4))
                    throw std::runtime_error("guided batch must hold cond and uncond rows");
                return torch::cat({torch::ones({2, 1, 1, 1, 1}), torch::zeros({2, 1, 1, 1, 1})});
            });
        QCOMPARE(calls, 3); // one network call per step for cond and uncond together
    }

    void callbackReportsProgressAndCancels()
    {
        SamplerConfig config;
        config.steps = 10;
        config.guidance = 0.0;
        std::vector<int> seen;
        try {
            sampleFlow(
                torch::zeros({1, 1, 1, 1, 1}), config,
                [](const torch::Tensor& x, const torch::Tensor&, bool) { return torch::zeros_like(x); },
                [&](const StepEvent& event) {
                    seen.push_back(event.step);
                    return event.step < 4;
                });
            QFAIL("expected cancellation");
        } catch (const SamplingCancelled& cancelled) {
            QCOMPARE(cancelled.step(), 4);
        }
        QCOMPARE(seen, (std::vector<int> {1, 2, 3, 4}));
    }

    void sameSeedSameResult()
    {
        SamplerConfig config;
        config.steps = 5;
        config.guidance = 0.0;
        auto run = [&] {
            return sampleFlow(
                numpyNoise(1, {1, 2, 3, 4, 4}), config, [](const torch::Tensor& x, const torch::Tensor& t, bool) {
                    return torch::sin(x) * t.to(torch::kFloat32).view({-1, 1, 1, 1, 1}) / 1000;
                });
        };
        QVERIFY(torch::equal(run(), run()));
    }
};

QTEST_GUILESS_MAIN(TestFlowSampler)
#include "tst_flow_sampler.moc"
