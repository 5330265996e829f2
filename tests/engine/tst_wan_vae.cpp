// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "engine/errors.h"
#include "engine/nets/vae/wan_vae.h"
#include "engine/nets/vae/wan_vae_loading.h"
#include "engine/weights/checkpoint.h"
#include "engine/weights/safetensors_writer.h"
#include "engine/weights/weights_error.h"
#include "tests/support/param_fixture.h"
#include "tests/support/tensor_compare.h"

using namespace cosmos::engine;
using namespace cosmos::engine::nets;

namespace {

const QString kFixtures = QStringLiteral(COSMOS_SOURCE_DIR "/tests/fixtures/vae/");

std::int64_t parameterCount(const WanVaeConfig& config)
{
    std::int64_t n = 0;
    for (const auto& p : WanVae(config, BuildOptions::meta())->parameters())
        n += p.numel();
    return n;
}

// A random clip in [-1, 1]: [B, 3, T, H, W].
torch::Tensor randomVideo(std::int64_t batch, std::int64_t frames, std::int64_t h, std::int64_t w, std::uint64_t seed)
{
    torch::manual_seed(seed);
    return torch::rand({batch, 3, frames, h, w}) * 2.0 - 1.0;
}

WanVae nanoVae(std::uint64_t seed = 1)
{
    torch::manual_seed(seed);
    return WanVae(WanVaeConfig::nano());
}

double relativeError(const torch::Tensor& ours, const torch::Tensor& reference)
{
    return ((ours.to(torch::kFloat64) - reference.to(torch::kFloat64)).norm() / reference.to(torch::kFloat64).norm())
        .item<double>();
}

// Runs `call` and returns the EngineError message it throws ("" if none).
template<typename Call>
QString engineErrorOf(Call call)
{
    try {
        call();
    } catch (const EngineError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestWanVae : public QObject {
    Q_OBJECT
private slots:
    void officialNamesAndShapes()
    {
        const auto expected = cosmos::tests::readParamFixture(kFixtures + "wan2.1_params.txt");
        QCOMPARE(expected.shapes.size(), std::size_t(194));
        WanVae net = WanVae(WanVaeConfig::wan21(), BuildOptions::meta());
        for (const auto& item : net->parameters())
            QVERIFY(item.is_meta()); // no memory was allocated
        const QString difference = cosmos::tests::fixtureDifference(expected, cosmos::tests::moduleParams(*net));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QCOMPARE(net->named_buffers(true).size(), std::size_t(0));
    }

    void parameterCounts()
    {
        QCOMPARE(parameterCount(WanVaeConfig::wan21()), std::int64_t(126892531));
        QCOMPARE(parameterCount(WanVaeConfig::nano()), std::int64_t(3602371));
    }

    void configPresetsAndJson()
    {
        const auto wan = WanVaeConfig::preset("wan2.1");
        QCOMPARE(wan.baseDim, std::int64_t(96));
        QCOMPARE(wan.zDim, std::int64_t(16));
        QCOMPARE(wan.spatialCompression(), std::int64_t(8));
        QCOMPARE(wan.temporalCompression(), std::int64_t(4));
        QCOMPARE(wan.latentMean.size(), std::size_t(16));
        QCOMPARE(wan.latentStd[8], 3.2687);
        QCOMPARE(wan.temporalUpsample(), (std::vector<bool> {true, true, false}));
        const auto nano = WanVaeConfig::preset("nano");
        QCOMPARE(nano.zDim, std::int64_t(16)); // the DiT's latent interface
        QCOMPARE(nano.spatialCompression(), std::int64_t(8));
        QCOMPARE(nano.temporalCompression(), std::int64_t(4));
        QVERIFY(engineErrorOf([] { WanVaeConfig::preset("wan9"); }).contains("wan2.1, nano"));

        const auto back = WanVaeConfig::fromJson(nano.toJson());
        QCOMPARE(back.toJson(), nano.toJson());
        QCOMPARE(WanVaeConfig::fromJson(nlohmann::json::object()).toJson().at("dim"), nlohmann::json(96));

        auto broken = nano;
        broken.latentStd.pop_back();
        QVERIFY(engineErrorOf([&] { broken.validate(); }).contains("latent_std"));
        broken = nano;
        broken.temporalDownsample = {false, false, true};
        QVERIFY(engineErrorOf([&] { broken.validate(); }).contains("two time downsamplings"));
        broken = nano;
        broken.dimMult = {1, 2, 4};
        QVERIFY(engineErrorOf([&] { broken.validate(); }).contains("4 levels"));
        QVERIFY(engineErrorOf([] { WanVaeConfig::fromJson({{"dim", "wide"}}); }).contains("\"dim\""));
    }

    void nanoShapes_data()
    {
        QTest::addColumn<int>("frames");
        QTest::newRow("1 frame") << 1;
        QTest::newRow("5 frames") << 5;
        QTest::newRow("33 frames") << 33;
        QTest::newRow("93 frames") << 93; // the official clip length: 24 latent frames
    }
    void nanoShapes()
    {
        QFETCH(int, frames);
        WanVae vae = nanoVae();
        torch::InferenceMode guard;
        const auto video = randomVideo(1, frames, 64, 64, 7);
        const auto latent = vae->encode(video);
        const std::int64_t latentFrames = 1 + (frames - 1) / 4;
        QCOMPARE(latent.sizes().vec(), (std::vector<std::int64_t> {1, 16, latentFrames, 8, 8}));
        QCOMPARE(WanVaeImpl::latentFrames(frames), latentFrames);
        QVERIFY(torch::isfinite(latent).all().item<bool>());
        const auto decoded = vae->decode(latent);
        QCOMPARE(decoded.sizes().vec(), (std::vector<std::int64_t> {1, 3, frames, 64, 64}));
        QVERIFY(decoded.min().item<float>() >= -1.0f && decoded.max().item<float>() <= 1.0f);
    }

    void encodingIsCausal()
    {
        // The first 5 frames of a 9-frame clip give the same first two latent
        // frames as those 5 frames alone: nothing leaks from the future.
        WanVae vae = nanoVae();
        torch::InferenceMode guard;
        const auto video = randomVideo(2, 9, 32, 40, 11);
        const auto full = vae->encode(video);
        const auto head = vae->encode(video.slice(2, 0, 5));
        QCOMPARE(full.size(2), std::int64_t(3));
        COSMOS_VERIFY_WITHIN_ROUNDING(full.slice(2, 0, 2), head);
        // ...while changing frames 5..8 changes the last latent frame only.
        auto altered = video.clone();
        altered.slice(2, 5, 9).mul_(-0.5);
        const auto changed = vae->encode(altered);
        COSMOS_VERIFY_WITHIN_ROUNDING(changed.slice(2, 0, 2), head);
        QVERIFY(!torch::allclose(changed.slice(2, 2, 3), full.slice(2, 2, 3)));
    }

    void encoderWindowDoesNotChangeLatents()
    {
        // 21 frames: chunks 1, 16, 4 (the released configs' window) against 1, 4, 4, 4, 4, 4.
        auto wide = WanVaeConfig::nano();
        wide.temporalWindow = 16;
        torch::manual_seed(1);
        WanVae vae16(wide);
        WanVae vae4 = nanoVae();
        torch::InferenceMode guard;
        const auto video = randomVideo(1, 21, 16, 16, 17);
        const auto a = vae4->encode(video);
        const auto b = vae16->encode(video);
        QCOMPARE(a.sizes().vec(), (std::vector<std::int64_t> {1, 16, 6, 2, 2}));
        QVERIFY(torch::allclose(a, b, 1e-5, 1e-6));
        wide.temporalWindow = 6;
        QVERIFY(engineErrorOf([&] { wide.validate(); }).contains("temporal_window"));
    }

    void decodingIsCausal()
    {
        WanVae vae = nanoVae();
        torch::InferenceMode guard;
        torch::manual_seed(5);
        const auto latent = torch::randn({1, 16, 3, 4, 5});
        const auto full = vae->decode(latent, false);
        const auto head = vae->decode(latent.slice(2, 0, 2), false);
        QCOMPARE(full.sizes().vec(), (std::vector<std::int64_t> {1, 3, 9, 32, 40}));
        COSMOS_VERIFY_WITHIN_ROUNDING(full.slice(2, 0, 5), head);
    }

    void cachedChunksEqualTheWholeClip()
    {
        // Where a whole-clip pass is defined (causal convolutions and residual
        // blocks), running chunk by chunk with the cache gives the same result.
        torch::manual_seed(3);
        WanResidualBlockImpl block(6, 8, BuildOptions {});
        CausalConv3dImpl conv(4, 6, 3, 1, BuildOptions {});
        torch::InferenceMode guard;
        const auto x = torch::randn({2, 4, 13, 6, 5});
        const auto whole = block.forward(conv.forward(x), nullptr);
        WanFeatureCache cache;
        std::vector<torch::Tensor> chunks;
        for (const auto& range : std::vector<std::pair<int, int>> {{0, 1}, {1, 5}, {5, 6}, {6, 7}, {7, 13}}) {
            cache.beginChunk();
            const auto y = cachedCausalConv(conv, x.slice(2, range.first, range.second), &cache);
            chunks.push_back(block.forward(y, &cache));
        }
        QCOMPARE(cache.slotCount(), std::size_t(3));
        const auto chunked = torch::cat(chunks, 2);
        QVERIFY(torch::allclose(chunked, whole, 1e-5, 1e-6));
    }

    void decodeChunksStreamsFrames()
    {
        WanVae vae = nanoVae();
        torch::InferenceMode guard;
        torch::manual_seed(6);
        const auto latent = torch::randn({1, 16, 3, 2, 2});
        std::vector<std::int64_t> sizes, starts;
        std::vector<torch::Tensor> pieces;
        vae->decodeChunks(latent, [&](const torch::Tensor& frames, std::int64_t first) {
            sizes.push_back(frames.size(2));
            starts.push_back(first);
            pieces.push_back(frames.clone());
        });
        QCOMPARE(sizes, (std::vector<std::int64_t> {1, 4, 4}));
        QCOMPARE(starts, (std::vector<std::int64_t> {0, 1, 5}));
        QVERIFY(torch::equal(torch::cat(pieces, 2), vae->decode(latent)));
    }

    void deterministic()
    {
        WanVae vae = nanoVae();
        torch::InferenceMode guard;
        const auto video = randomVideo(1, 5, 16, 24, 13);
        const auto a = vae->encode(video);
        const auto b = vae->encode(video);
        QVERIFY(torch::equal(a, b));
        QVERIFY(torch::equal(vae->decode(a), vae->decode(b)));
        // The same seed builds the same network.
        QVERIFY(torch::equal(nanoVae()->encode(video), a));
    }

    void clampAndDtype()
    {
        WanVae vae = nanoVae();
        torch::InferenceMode guard;
        torch::manual_seed(8);
        const auto latent = torch::randn({1, 16, 2, 2, 2}) * 4.0;
        const auto raw = vae->decode(latent, false);
        const auto clamped = vae->decode(latent);
        QVERIFY(torch::equal(clamped, raw.clamp(-1.0, 1.0)));
        // Results come back in the caller's dtype.
        QCOMPARE(vae->decode(latent.to(torch::kFloat64)).scalar_type(), torch::kFloat64);
        QCOMPARE(vae->encode(randomVideo(1, 1, 8, 8, 1).to(torch::kFloat64)).scalar_type(), torch::kFloat64);
    }

    void badShapesAreClearErrors()
    {
        WanVae vae = nanoVae();
        torch::InferenceMode guard;
        QString message = engineErrorOf([&] { vae->encode(torch::zeros({1, 3, 4, 64, 64})); });
        QVERIFY2(message.contains("1 + 4k") && message.contains("[1, 3, 4, 64, 64]"), qPrintable(message));
        message = engineErrorOf([&] { vae->encode(torch::zeros({1, 3, 5, 60, 64})); });
        QVERIFY2(message.contains("multiple of 8"), qPrintable(message));
        message = engineErrorOf([&] { vae->encode(torch::zeros({1, 4, 5, 64, 64})); });
        QVERIFY2(message.contains("4 channels"), qPrintable(message));
        message = engineErrorOf([&] { vae->encode(torch::zeros({3, 5, 64, 64})); });
        QVERIFY2(message.contains("[B, 3, 1 + 4k, H, W]"), qPrintable(message));
        message = engineErrorOf([&] { vae->decode(torch::zeros({1, 8, 2, 8, 8})); });
        QVERIFY2(message.contains("8 channels instead of 16"), qPrintable(message));
        message = engineErrorOf([&] { vae->decode(torch::zeros({1, 16, 8, 8})); });
        QVERIFY2(message.contains("[B, 16, T, h, w]"), qPrintable(message));
    }

    void officialParity()
    {
        // Weights, input and outputs of the official WanVAE_ (tiny config, fp32),
        // written by tests/fixtures/vae/make_wan_vae_parity.py.
        const auto weights = Checkpoint::open((kFixtures + "wan_vae_parity_weights.safetensors").toStdString());
        const auto io = Checkpoint::open((kFixtures + "wan_vae_parity_io.safetensors").toStdString());
        const auto config = WanVaeConfig::fromJson(nlohmann::json::parse(weights.metadata().at("config")));
        QVERIFY(verifyWanVaeCheckpoint(config, weights).clean());
        WanVae vae = loadWanVae(config, weights);
        torch::InferenceMode guard;
        const auto video = io.load("video");
        const auto latent = vae->encode(video);
        const auto reference = io.load("latent");
        QCOMPARE(latent.sizes().vec(), reference.sizes().vec());
        const double encodeError = relativeError(latent, reference);
        // Decode the official latent so that the decoder is checked on its own.
        const auto decoded = vae->decode(reference, false);
        const auto referenceDecoded = io.load("decoded");
        QCOMPARE(decoded.sizes().vec(), referenceDecoded.sizes().vec());
        const double decodeError = relativeError(decoded, referenceDecoded);
        qInfo("parity: encode relative error %.3g, decode relative error %.3g", encodeError, decodeError);
        QVERIFY2(encodeError < 1e-5, qPrintable(QString::number(encodeError)));
        QVERIFY2(decodeError < 1e-5, qPrintable(QString::number(decodeError)));
        QVERIFY(relativeError(vae->decode(reference), referenceDecoded.clamp(-1.0, 1.0)) < 1e-5);
    }

    void loadingReportsMismatches()
    {
        const auto weights = Checkpoint::open((kFixtures + "wan_vae_parity_weights.safetensors").toStdString());
        const auto report = verifyWanVaeCheckpoint(WanVaeConfig::nano(), weights);
        QVERIFY(!report.clean());
        QVERIFY(!report.mismatched.empty());
        QVERIFY(report.missing.empty()); // same structure, other widths
        const QString message = engineErrorOf([&] { loadWanVae(WanVaeConfig::nano(), weights); });
        QVERIFY2(message.contains("does not fit the Wan VAE architecture 'nano'")
                && message.contains("encoder.conv1.weight"),
            qPrintable(message));
    }

    void stateDictRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("nano_vae.safetensors").toStdString();
        WanVae vae = nanoVae(21);
        const auto state = wanVaeStateDict(*vae);
        QCOMPARE(state.size(), vae->named_parameters(true).size());
        QVERIFY(state.count("decoder.upsamples.3.time_conv.weight") == 1);
        writeSafetensors(path, state);
        BuildOptions doubles;
        doubles.dtype = torch::kFloat64;
        WanVae loaded = loadWanVae(WanVaeConfig::nano(), Checkpoint::open(path), doubles);
        QCOMPARE(loaded->conv2->weight.scalar_type(), torch::kFloat64);
        torch::InferenceMode guard;
        const auto video = randomVideo(1, 5, 16, 16, 4);
        QVERIFY(torch::allclose(loaded->encode(video), vae->encode(video), 1e-4, 1e-5));
    }
};

QTEST_GUILESS_MAIN(TestWanVae)
#include "tst_wan_vae.moc"
