#include "engine/sampling/flow_solvers.h"

#include <algorithm>
#include <array>

#include "engine/errors.h"

namespace cosmos::engine::sampling {
namespace {

using torch::Tensor;

Tensor scalar(float value)
{
    return torch::tensor(value, torch::kFloat32);
}

class EulerSolver final : public FlowSolver {
public:
    explicit EulerSolver(FlowSchedule schedule) : m_schedule(std::move(schedule)) { }

    Tensor step(int i, const Tensor& v, const Tensor& x, Tensor* x0) override
    {
        const auto sigma = scalar(m_schedule.sigmas.at(i));
        const auto next = scalar(m_schedule.sigmas.at(i + 1));
        if (x0)
            *x0 = x - sigma * v;
        return x + (next - sigma) * v;
    }

private:
    FlowSchedule m_schedule;
};

// UniPC with solver_order 2, "bh2", predict_x0 and lower_order_final.
class UniPcSolver final : public FlowSolver {
public:
    explicit UniPcSolver(FlowSchedule schedule) : m_schedule(std::move(schedule)) { }

    Tensor step(int i, const Tensor& v, const Tensor& sampleIn, Tensor* x0Out) override
    {
        if (i != m_stepIndex)
            throw EngineError("UniPC steps must be taken in order: expected step " + std::to_string(m_stepIndex)
                + ", got " + std::to_string(i));
        Tensor sample = sampleIn;
        const Tensor x0 = sample - sigma(i) * v; // convert_model_output
        if (x0Out)
            *x0Out = x0;
        if (i > 0 && m_lastSample.defined())
            sample = corrector(x0, m_lastSample, sample, m_thisOrder);

        m_outputs[0] = m_outputs[1];
        m_outputs[1] = x0;

        const int remaining = m_schedule.steps() - i;
        m_thisOrder = std::min({2, remaining, m_lowerOrderNums + 1});
        m_lastSample = sample;
        Tensor next = predictor(sample, m_thisOrder);
        m_lowerOrderNums = std::min(m_lowerOrderNums + 1, 2);
        ++m_stepIndex;
        return next;
    }

private:
    Tensor sigma(int index) const { return scalar(m_schedule.sigmas.at(index)); }
    static Tensor lambda(const Tensor& s) { return torch::log(1 - s) - torch::log(s); }

    // UniP: x = sample at sigmas[i], m0 = its x0; to sigmas[i + 1].
    Tensor predictor(const Tensor& x, int order) const
    {
        const int i = m_stepIndex;
        const Tensor sigmaT = sigma(i + 1), sigmaS0 = sigma(i);
        const Tensor alphaT = 1 - sigmaT;
        const Tensor lambdaS0 = lambda(sigmaS0);
        const Tensor h = lambda(sigmaT) - lambdaS0;
        const Tensor hh = -h;
        const Tensor hPhi1 = torch::expm1(hh);
        const Tensor bH = torch::expm1(hh);
        const Tensor& m0 = m_outputs[1];
        Tensor xt = sigmaT / sigmaS0 * x - alphaT * hPhi1 * m0;
        if (order == 2) {
            const Tensor rk = (lambda(sigma(i - 1)) - lambdaS0) / h;
            const Tensor d1 = (m_outputs[0] - m0) / rk;
            xt = xt - alphaT * bH * (0.5f * d1);
        }
        return xt;
    }

    // UniC: corrects `thisSample` (at sigmas[i]) with the new x0 `modelT`,
    // from `last` at sigmas[i - 1].
    Tensor corrector(const Tensor& modelT, const Tensor& last, const Tensor& thisSample, int order) const
    {
        (void)thisSample; // the B(h) corrector rebuilds the sample from `last`
        const int i = m_stepIndex;
        const Tensor sigmaT = sigma(i), sigmaS0 = sigma(i - 1);
        const Tensor alphaT = 1 - sigmaT;
        const Tensor lambdaS0 = lambda(sigmaS0);
        const Tensor h = lambda(sigmaT) - lambdaS0;
        const Tensor hh = -h;
        const Tensor hPhi1 = torch::expm1(hh);
        const Tensor bH = torch::expm1(hh);
        const Tensor& m0 = m_outputs[1];
        const Tensor xt = sigmaT / sigmaS0 * last - alphaT * hPhi1 * m0;
        const Tensor d1t = modelT - m0;
        if (order == 1)
            return xt - alphaT * bH * (0.5f * d1t);
        // Order 2: solve [[1, 1], [r1, 1]] rho = [k1 / B, 2 k2 / B].
        const Tensor r1 = (lambda(sigma(i - 2)) - lambdaS0) / h;
        const Tensor d1 = (m_outputs[0] - m0) / r1;
        const Tensor k1 = hPhi1 / hh - 1;
        const Tensor k2 = k1 / hh - 0.5f;
        const Tensor matrix
            = torch::stack({torch::stack({scalar(1.0f), scalar(1.0f)}), torch::stack({r1, scalar(1.0f)})});
        const Tensor rhs = torch::stack({k1 * 1 / bH, k2 * 2 / bH});
        const Tensor rhos = torch::linalg_solve(matrix, rhs);
        return xt - alphaT * bH * (rhos[0] * d1 + rhos[1] * d1t);
    }

    FlowSchedule m_schedule;
    int m_stepIndex = 0;
    int m_thisOrder = 1;
    int m_lowerOrderNums = 0;
    std::array<Tensor, 2> m_outputs; // x0 of the step before last, x0 of the last step
    Tensor m_lastSample;
};

} // namespace

std::string solverKindName(SolverKind kind)
{
    return kind == SolverKind::Euler ? "euler" : "unipc";
}

SolverKind solverKindFromName(const std::string& name)
{
    if (name == "unipc")
        return SolverKind::UniPC;
    if (name == "euler")
        return SolverKind::Euler;
    throw EngineError("unknown solver '" + name + "' (valid: unipc, euler)");
}

std::unique_ptr<FlowSolver> makeSolver(SolverKind kind, const FlowSchedule& schedule)
{
    if (kind == SolverKind::Euler)
        return std::make_unique<EulerSolver>(schedule);
    return std::make_unique<UniPcSolver>(schedule);
}

} // namespace cosmos::engine::sampling
