// Comparing tensors that the same computation gave along two paths (a clip
// against its head, padded against unpadded tokens, a Continue take against
// the take it continues).
//
// Such results agree only to fp32 rounding, not bit for bit: BLAS picks its
// kernels by CPU (OpenBLAS's FMA kernels on AVX2 machines), and their
// summation order depends on the matrix shape, which is what differs between
// the two paths. The bound is the engine's parity bound (cosmos-model.md):
// max |a - b| below 1e-5 of max |b|. A real leak (a future frame, a padding
// token) moves values by orders of magnitude more.
#pragma once

#include <torch/torch.h>

#include <QString>
#include <QtTest>

namespace cosmos::tests {

constexpr double kRoundingRelative = 1e-5;

// Empty when a and b have the same shape and agree within rounding; otherwise
// what differs, for QVERIFY2.
inline QString roundingDifference(const torch::Tensor& a, const torch::Tensor& b)
{
    if (a.sizes() != b.sizes())
        return QStringLiteral("shapes differ");
    const double scale = b.abs().max().item<double>();
    const double difference = (a - b).abs().max().item<double>();
    if (difference <= kRoundingRelative * scale)
        return {};
    return QStringLiteral("max |a - b| = %1 is %2 of max |b| = %3 (rounding allows %4)")
        .arg(difference)
        .arg(scale > 0 ? difference / scale : 0.0)
        .arg(scale)
        .arg(kRoundingRelative);
}

} // namespace cosmos::tests

// QVERIFY that a equals b within rounding, saying by how much it does not.
#define COSMOS_VERIFY_WITHIN_ROUNDING(a, b)                                                                            \
    do {                                                                                                               \
        const QString difference_ = ::cosmos::tests::roundingDifference((a), (b));                                     \
        QVERIFY2(difference_.isEmpty(), qPrintable(difference_));                                                      \
    } while (false)
