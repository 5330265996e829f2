// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "engine/nets/dit/dit.h"
#include "engine/nets/dit/dit_loading.h"
#include "engine/weights/safetensors_writer.h"
#include "engine/weights/weights_error.h"
#include "tests/support/param_fixture.h"

using namespace cosmos::engine;
using namespace cosmos::engine::nets;

namespace {

DitInputs nanoInputs(std::int64_t batch, std::uint64_t seed)
{
    torch::manual_seed(seed);
    const auto config = DitConfig::nano();
    DitInputs in;
    in.latent = torch::randn({batch, 16, 3, 8, 8});
    in.timesteps = torch::full({batch}, 700.0);
    in.context = torch::randn({batch, 12, config.contextInputChannels()});
    return in;
}

} // namespace

class TestDit : public QObject {
    Q_OBJECT
private slots:
    void officialNamesAndShapes_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::newRow("2B") << "2B";
        QTest::newRow("14B") << "14B";
    }
    void officialNamesAndShapes()
    {
        QFETCH(QString, arch);
        const auto expected = cosmos::tests::readParamFixture(
            QStringLiteral(COSMOS_SOURCE_DIR "/tests/fixtures/dit_%1_params.txt").arg(arch));
        QVERIFY(expected.shapes.size() > 500);
        Dit net(DitConfig::preset(arch.toStdString()), BuildOptions::meta());
        for (const auto& item : net->parameters())
            QVERIFY(item.is_meta()); // no memory was allocated
        const QString difference = cosmos::tests::fixtureDifference(expected, cosmos::tests::moduleParams(*net));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void parameterCounts()
    {
        auto count = [](const DitConfig& config) {
            std::int64_t n = 0;
            for (const auto& p : Dit(config, BuildOptions::meta())->parameters())
                n += p.numel();
            return n;
        };
        QCOMPARE(count(DitConfig::cosmos2B()), std::int64_t(2059174912));
        QCOMPARE(count(DitConfig::cosmos14B()), std::int64_t(14368047104));
    }

    void nanoForwardIsDeterministic()
    {
        Dit a(DitConfig::nano());
        torch::InferenceMode guard;
        const auto in = nanoInputs(1, 3);
        const auto v1 = a->forward(in);
        const auto v2 = a->forward(in);
        QCOMPARE(v1.sizes().vec(), (std::vector<std::int64_t> {1, 16, 3, 8, 8}));
        QVERIFY(torch::isfinite(v1).all().item<bool>());
        QVERIFY(torch::equal(v1, v2));
    }

    void batchRowsAreIndependent()
    {
        // cond and uncond run as one batch: each row must equal its own run.
        Dit net(DitConfig::nano());
        torch::InferenceMode guard;
        const auto in = nanoInputs(2, 5);
        const auto both = net->forward(in);
        for (int row = 0; row < 2; ++row) {
            DitInputs single {in.latent.slice(0, row, row + 1), in.timesteps.slice(0, row, row + 1),
                in.context.slice(0, row, row + 1), {}, {}};
            const auto alone = net->forward(single);
            QVERIFY(torch::allclose(alone, both.slice(0, row, row + 1), 1e-5, 1e-5));
        }
    }

    void conditioningInputsChangeTheOutput()
    {
        Dit net(DitConfig::nano());
        torch::InferenceMode guard;
        auto in = nanoInputs(1, 9);
        const auto plain = net->forward(in);
        auto masked = in;
        masked.conditionMask = torch::zeros({1, 1, 3, 8, 8});
        masked.conditionMask.slice(2, 0, 1).fill_(1.0);
        QVERIFY(!torch::allclose(net->forward(masked), plain));
        // An all-zero mask is what "no mask" means.
        masked.conditionMask.zero_();
        QVERIFY(torch::equal(net->forward(masked), plain));
        // Per-frame timesteps: equal values equal the shared timestep.
        auto perFrame = in;
        perFrame.timesteps = torch::full({1, 3}, 700.0);
        QVERIFY(torch::allclose(net->forward(perFrame), plain, 1e-6, 1e-6));
        perFrame.timesteps[0][0] = 0.1;
        QVERIFY(!torch::allclose(net->forward(perFrame), plain));
    }

    void badShapesAreExplained()
    {
        Dit net(DitConfig::nano());
        torch::InferenceMode guard;
        auto in = nanoInputs(1, 1);
        in.latent = torch::randn({1, 15, 3, 8, 8});
        try {
            net->forward(in);
            QFAIL("expected an error");
        } catch (const cosmos::engine::EngineError& error) {
            QVERIFY2(QString(error.what()).contains("'latent' must be [B, 16, T, H, W], got [1, 15, 3, 8, 8]"),
                error.what());
        }
        in = nanoInputs(1, 1);
        in.latent = torch::randn({1, 16, 3, 7, 8});
        QVERIFY_THROWS_EXCEPTION(cosmos::engine::EngineError, net->forward(in));
        in = nanoInputs(1, 1);
        in.context = torch::randn({1, 12, 100});
        QVERIFY_THROWS_EXCEPTION(cosmos::engine::EngineError, net->forward(in));
    }

    void checkpointRoundTripWithOfficialPrefixes()
    {
        QTemporaryDir dir;
        Dit original(DitConfig::nano());
        TensorMap official;
        for (const auto& [name, tensor] : ditStateDict(*original))
            official["net." + name] = tensor;
        official["net.accum_iteration"] = torch::full({}, 5, torch::kInt64);
        official["net.blocks.0.self_attn.q_norm._extra_state"] = torch::zeros({1}, torch::kUInt8);
        const std::string file = dir.filePath("nano.safetensors").toStdString();
        writeSafetensors(file, official);

        const Checkpoint checkpoint = Checkpoint::open(file);
        const LoadReport report = verifyDitCheckpoint(DitConfig::nano(), checkpoint);
        QVERIFY2(report.clean(), report.summary().c_str());
        QCOMPARE(report.dropped.size(), std::size_t(2));
        QCOMPARE(report.foundParameters, report.expectedParameters);

        Dit loaded = loadDit(DitConfig::nano(), checkpoint);
        torch::InferenceMode guard;
        const auto in = nanoInputs(1, 11);
        QVERIFY(torch::equal(loaded->forward(in), original->forward(in)));
    }

    void verifyFindsMissingUnexpectedAndMisshapen()
    {
        QTemporaryDir dir;
        Dit original(DitConfig::nano());
        TensorMap tensors = ditStateDict(*original);
        tensors.erase("blocks.2.mlp.layer1.weight");
        tensors["blocks.0.self_attn.q_proj.weight"] = torch::zeros({5, 5});
        tensors["extra.thing"] = torch::zeros({1});
        const std::string file = dir.filePath("broken.safetensors").toStdString();
        writeSafetensors(file, tensors);
        const LoadReport report = verifyDitCheckpoint(DitConfig::nano(), Checkpoint::open(file));
        QVERIFY(!report.clean());
        QCOMPARE(report.missing, std::vector<std::string> {"blocks.2.mlp.layer1.weight"});
        QCOMPARE(report.unexpected, std::vector<std::string> {"extra.thing"});
        QCOMPARE(report.mismatched.size(), std::size_t(1));
        QCOMPARE(report.mismatched[0].found, (std::vector<std::int64_t> {5, 5}));
        try {
            loadDit(DitConfig::nano(), Checkpoint::open(file));
            QFAIL("expected an error");
        } catch (const WeightsError& error) {
            const QString message = error.what();
            QVERIFY(message.contains("broken.safetensors"));
            QVERIFY(message.contains("blocks.0.self_attn.q_proj.weight: expected [192, 192], found [5, 5]"));
        }
        // The nano file is not a 2B checkpoint.
        QVERIFY(!verifyDitCheckpoint(DitConfig::cosmos2B(), Checkpoint::open(file)).clean());
    }

    void ropeLayoutAndLimits()
    {
        const DitConfig config = DitConfig::cosmos2B();
        Rope3d rope(config);
        QCOMPARE(rope.spatialRange().numel(), 21);
        QCOMPARE(rope.temporalRange().numel(), 22);
        const auto angles = rope.angles(2, 3, 4, torch::kCPU);
        QCOMPARE(angles.sizes().vec(), (std::vector<std::int64_t> {24, 128}));
        // Token 0 sits at position (0,0,0): every angle is zero.
        QVERIFY(angles[0].abs().max().item<float>() == 0.0f);
        // Halves repeat ([t,h,w,t,h,w]) so dim i pairs with i + 64.
        QVERIFY(torch::equal(angles.slice(1, 0, 64), angles.slice(1, 64)));
        // h extrapolation 3: theta_h = 10000 * 3^(42/40); second h frequency at h = 1.
        const double thetaH = 10000.0 * std::pow(3.0, 42.0 / 40.0);
        const double expected = 1.0 / std::pow(thetaH, 2.0 / 42.0);
        QVERIFY(std::abs(angles[4][22 + 1].item<double>() - expected) < 1e-6); // token (0, 1, 0)
        QVERIFY_THROWS_EXCEPTION(cosmos::engine::EngineError, rope.angles(1, 121, 1, torch::kCPU));
        // Rotation keeps norms.
        const auto x = torch::randn({1, 24, 2, 128});
        const auto rotated = Rope3d::apply(x, angles);
        QVERIFY(torch::allclose(rotated.norm(2, -1), x.norm(2, -1), 1e-5, 1e-5));
    }
};

QTEST_GUILESS_MAIN(TestDit)
#include "tst_dit.moc"
