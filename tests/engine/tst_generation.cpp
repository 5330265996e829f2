// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QtTest>

#include <cmath>
#include <map>

#include "engine/pipeline/generation.h"
#include "engine/sampling/sampling_cancelled.h"
#include "tests/support/tensor_compare.h"

using namespace cosmos::engine;
using namespace cosmos::engine::pipeline;

namespace {

// A stand-in tokenizer for random-weight models: bytes folded into the
// vocabulary, padded with 0 to the encoder's length.
PromptTokenizer byteTokenizer(std::int64_t vocab, std::int64_t length)
{
    return [vocab, length](const std::string& prompt) {
        std::vector<std::int64_t> ids(static_cast<std::size_t>(length), 0);
        for (std::size_t i = 0; i < prompt.size() && i < ids.size(); ++i)
            ids[i] = 1 + static_cast<unsigned char>(prompt[i]) % (vocab - 1);
        return ids;
    };
}

std::unique_ptr<WorldModel> nanoModel(std::uint64_t seed = 7)
{
    WorldModelConfig config = WorldModelConfig::nano();
    config.sampling.steps = 3; // speed: the sampler's accuracy is tested elsewhere
    return WorldModel::random(config, seed, byteTokenizer(config.text.vocabSize, config.text.maxLength));
}

GenerationRequest request(GenerationMode mode, int frames = 9)
{
    GenerationRequest r;
    r.mode = mode;
    r.prompt = "a red ball bounces to the right";
    r.frames = frames;
    r.seed = 42;
    return r;
}

} // namespace

class TestGeneration : public QObject {
    Q_OBJECT
private slots:
    void text2WorldMakesTheRequestedClip()
    {
        auto model = nanoModel();
        const GenerationResult take = generate(*model, request(GenerationMode::Text2World, 9));
        QCOMPARE(take.video.sizes().vec(), (std::vector<std::int64_t> {3, 9, 64, 64}));
        QCOMPARE(take.latent.sizes().vec(), (std::vector<std::int64_t> {1, 16, 3, 8, 8}));
        QVERIFY(take.video.min().item<float>() >= -1.0f && take.video.max().item<float>() <= 1.0f);
        QCOMPARE(take.steps, 3);
        QCOMPARE(take.conditionalLatentFrames, 0);
        for (const char* phase : {"text", "conditioning", "sampling", "decoding", "total"})
            QVERIFY(take.seconds.count(phase));
    }

    void sameSeedSameFrames()
    {
        auto model = nanoModel();
        const auto a = generate(*model, request(GenerationMode::Text2World, 5));
        const auto b = generate(*model, request(GenerationMode::Text2World, 5));
        QVERIFY(torch::equal(a.video, b.video));
        auto other = request(GenerationMode::Text2World, 5);
        other.seed = 43;
        QVERIFY(!torch::equal(generate(*model, other).latent, a.latent));
        QCOMPARE(model->cachedPrompts(), std::size_t(2)); // prompt + negative prompt, each encoded once
    }

    void textEncoderCanBeDroppedAfterEncoding()
    {
        auto model = nanoModel();
        const auto before = model->encodePrompt("a blue ball");
        QVERIFY(model->textEncoderLoaded());
        model->unloadTextEncoder();
        QVERIFY(!model->textEncoderLoaded());
        QVERIFY(torch::equal(model->encodePrompt("a blue ball"), before)); // from the cache
        QVERIFY(!model->textEncoderLoaded());
        model->encodePrompt("a green ball"); // not cached: loaded again, same weights
        QVERIFY(model->textEncoderLoaded());
        model->unloadTextEncoder();
        model->encodePrompt("a yellow ball");
        auto fresh = nanoModel();
        QVERIFY(torch::equal(fresh->encodePrompt("a yellow ball"), model->encodePrompt("a yellow ball")));
    }

    void continueWithLatentsKeepsTheSeamExact()
    {
        auto model = nanoModel();
        const auto first = generate(*model, request(GenerationMode::Text2World, 9));
        auto next = request(GenerationMode::Continue, 9);
        next.prompt = "then the ball hits the wall";
        next.conditioningLatent = first.latent;
        const auto second = generate(*model, next);
        QCOMPARE(second.conditionalLatentFrames, 2);
        QVERIFY(torch::equal(second.latent.slice(2, 0, 2), first.latent.slice(2, 1, 3)));
        // Decoded after the first take's latents, the new take starts with
        // the first take's last 5 frames (its conditioning latents), equal to
        // rounding: the decoder's matrix shapes differ between the two passes.
        QCOMPARE(second.video.size(1), 9);
        COSMOS_VERIFY_WITHIN_ROUNDING(second.video.slice(1, 0, 5), first.video.slice(1, 4, 9));
    }

    void image2WorldConditionsOnTheImage()
    {
        auto model = nanoModel();
        auto r = request(GenerationMode::Image2World, 9);
        r.conditioningFrames = torch::rand({3, 1, 64, 64}) * 2 - 1;
        const auto take = generate(*model, r);
        QCOMPARE(take.conditionalLatentFrames, 1);
        torch::InferenceMode guard;
        const auto encoded = model->vae().encode(r.conditioningFrames.unsqueeze(0));
        QVERIFY(torch::allclose(take.latent.slice(2, 0, 1), encoded, 1e-5, 1e-6));
    }

    void video2WorldNeedsEnoughFrames()
    {
        auto model = nanoModel();
        auto r = request(GenerationMode::Video2World, 9);
        r.conditioningFrames = torch::zeros({3, 3, 64, 64});
        try {
            generate(*model, r);
            QFAIL("expected a refusal");
        } catch (const EngineError& error) {
            QVERIFY2(
                QString(error.what()).contains("the video has 3 frame(s); video2world needs at least 5"), error.what());
        }
        r.conditioningFrames = torch::zeros({3, 6, 64, 64});
        QCOMPARE(generate(*model, r).conditionalLatentFrames, 2);
    }

    void unsupportedRequestsListTheValidValues()
    {
        auto model = nanoModel();
        auto r = request(GenerationMode::Text2World, 12);
        try {
            generate(*model, r);
            QFAIL("expected a refusal");
        } catch (const EngineError& error) {
            QVERIFY2(QString(error.what()).contains("cannot make 12 frames (valid: 33, 17, 9, 5, 1)"), error.what());
        }
        r = request(GenerationMode::Text2World, 9);
        r.resolution = {48, 64};
        try {
            generate(*model, r);
            QFAIL("expected a refusal");
        } catch (const EngineError& error) {
            QVERIFY2(QString(error.what()).contains("does not support 64x48 (valid: 64x64)"), error.what());
        }
        r = request(GenerationMode::Image2World, 9);
        QVERIFY_THROWS_EXCEPTION(EngineError, generate(*model, r)); // no image given
    }

    void progressPreviewsAndCancel()
    {
        auto model = nanoModel();
        CancelToken cancel;
        std::vector<int> steps;
        int previews = 0;
        int previewFrames = 0;
        JobCallbacks callbacks;
        std::vector<double> etaOutsideSampling;
        callbacks.progress = [&](JobId, const StepProgress& p) {
            if (p.phase == "sampling") {
                steps.push_back(p.step);
                QVERIFY(p.etaSeconds >= 0); // measured from the steps done
            } else {
                etaOutsideSampling.push_back(p.etaSeconds);
            }
        };
        callbacks.preview = [&](JobId, const PreviewPtr& frames) {
            ++previews;
            previewFrames = frames->frames;
            QCOMPARE(frames->rgb.size(), std::size_t(frames->frames * frames->width * frames->height * 3));
        };
        JobContext context(1, cancel, callbacks);
        const auto first = generate(*model, request(GenerationMode::Text2World, 9), &context);
        QCOMPARE(steps, (std::vector<int> {1, 2, 3}));
        // Text, conditioning and decoding: the time left is unknown, not 0 s.
        QCOMPARE(etaOutsideSampling, std::vector<double>(3, StepProgress::kEtaUnknown));
        QCOMPARE(previews, 3);
        QCOMPARE(previewFrames, 9); // every frame of the clip, not frame 0 only

        // The next take of the model counts the decoding to come, as long as
        // the last one took: after the last step and while it decodes.
        const double decoded = first.seconds.at("decoding");
        QVERIFY(model->decodeSecondsPerLatentPixel() > 0.0);
        std::map<std::string, double> lastEta;
        callbacks.progress = [&](JobId, const StepProgress& p) { lastEta[p.phase] = p.etaSeconds; };
        JobContext again(3, cancel, callbacks);
        const auto second = generate(*model, request(GenerationMode::Text2World, 9), &again);
        QVERIFY2(std::abs(lastEta.at("sampling") - decoded) < 1e-9 * decoded + 1e-12,
            qPrintable(QString("%1 s left after the last step, the last decode took %2 s")
                           .arg(lastEta.at("sampling"))
                           .arg(decoded)));
        QVERIFY(std::abs(lastEta.at("decoding") - decoded) < 1e-9 * decoded + 1e-12);
        QCOMPARE(lastEta.at("text"), StepProgress::kEtaUnknown);
        // Fewer frames, less decoding: 2 latent frames of 3.
        generate(*model, request(GenerationMode::Text2World, 5), &again);
        const double twoThirds = second.seconds.at("decoding") * 2.0 / 3.0;
        QVERIFY(std::abs(lastEta.at("decoding") - twoThirds) < 1e-9 * twoThirds + 1e-12);

        callbacks.progress = [&](JobId, const StepProgress& p) {
            if (p.phase == "sampling" && p.step == 1)
                cancel.request(CancelMode::StopNow);
        };
        JobContext cancelling(2, cancel, callbacks);
        try {
            generate(*model, request(GenerationMode::Text2World, 9), &cancelling);
            QFAIL("expected cancellation");
        } catch (const sampling::SamplingCancelled& cancelled) {
            QCOMPARE(cancelled.step(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestGeneration)
#include "tst_generation.moc"
