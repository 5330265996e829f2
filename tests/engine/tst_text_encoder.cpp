// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include "engine/nets/text/embedding_cache.h"
#include "engine/nets/text/text_encoder_loading.h"
#include "engine/weights/safetensors_writer.h"
#include "engine/weights/weights_error.h"
#include "tests/support/param_fixture.h"
#include "tests/support/tensor_compare.h"

using namespace cosmos::engine;
using namespace cosmos::engine::nets;

class TestTextEncoder : public QObject {
    Q_OBJECT
private slots:
    void reason1HasTheQwen25LanguageModelShapes()
    {
        QwenTextModel model(TextEncoderConfig::reason1_7b(), BuildOptions::meta());
        std::map<std::string, std::vector<std::int64_t>> shapes;
        std::int64_t total = 0;
        for (const auto& item : model->named_parameters(true)) {
            shapes[item.key()] = item.value().sizes().vec();
            total += item.value().numel();
        }
        // Qwen2.5-7B has 7,615,616,512 parameters; without lm_head
        // (152064 x 3584), which embeddings do not need:
        QCOMPARE(total, std::int64_t(7070619136));
        QCOMPARE(shapes.size(), std::size_t(28 * 12 + 2));
        QCOMPARE(shapes["model.embed_tokens.weight"], (std::vector<std::int64_t> {152064, 3584}));
        QCOMPARE(shapes["model.layers.27.self_attn.k_proj.weight"], (std::vector<std::int64_t> {512, 3584}));
        QCOMPARE(shapes["model.layers.0.self_attn.q_proj.bias"], (std::vector<std::int64_t> {3584}));
        QCOMPARE(shapes["model.layers.5.mlp.down_proj.weight"], (std::vector<std::int64_t> {3584, 18944}));
        QCOMPARE(shapes["model.layers.5.post_attention_layernorm.weight"], (std::vector<std::int64_t> {3584}));
        QCOMPARE(shapes["model.norm.weight"], (std::vector<std::int64_t> {3584}));
        QVERIFY(!shapes.count("model.layers.0.self_attn.o_proj.bias"));
        QCOMPARE(TextEncoderConfig::reason1_7b().embeddingChannels(), std::int64_t(100352)); // the DiT's input
    }

    void matchesTheOfficialDefinitionFixture()
    {
        const auto expected = cosmos::tests::readParamFixture(
            QStringLiteral(COSMOS_SOURCE_DIR "/tests/fixtures/text/reason1-7b_params.txt"));
        QwenTextModel model(TextEncoderConfig::reason1_7b(), BuildOptions::meta());
        const QString difference = cosmos::tests::fixtureDifference(expected, cosmos::tests::moduleParams(*model));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void paddingDoesNotChangeTheRealTokens()
    {
        torch::manual_seed(8);
        QwenTextModel model(TextEncoderConfig::nano());
        torch::InferenceMode guard;
        const auto real = torch::randint(1, 512, {1, 5}, torch::kInt64);
        const auto padded = torch::cat({real, torch::zeros({1, 27}, torch::kInt64)}, 1); // pad id 0 to 32
        COSMOS_VERIFY_WITHIN_ROUNDING(model->embed(padded).slice(1, 0, 5), model->embed(real));
    }

    void embeddingIsNormalisedPerLayer()
    {
        torch::manual_seed(2);
        QwenTextModel model(TextEncoderConfig::nano());
        torch::InferenceMode guard;
        const auto ids = torch::randint(0, 512, {2, 9}, torch::kInt64);
        const auto embedding = model->embed(ids);
        QCOMPARE(embedding.sizes().vec(), (std::vector<std::int64_t> {2, 9, 512}));
        for (int layer = 0; layer < 4; ++layer) {
            const auto chunk = embedding.slice(-1, layer * 128, (layer + 1) * 128);
            QVERIFY(chunk.mean(-1).abs().max().item<float>() < 1e-5f);
            QVERIFY((chunk.std(-1) - 1).abs().max().item<float>() < 1e-4f);
        }
    }

    void attentionIsCausal()
    {
        torch::manual_seed(3);
        QwenTextModel model(TextEncoderConfig::nano());
        torch::InferenceMode guard;
        auto ids = torch::randint(1, 512, {1, 8}, torch::kInt64);
        const auto before = model->embed(ids);
        ids[0][6] = 7; // change a later token
        const auto after = model->embed(ids);
        QVERIFY(torch::equal(before.slice(1, 0, 6), after.slice(1, 0, 6)));
        QVERIFY(!torch::allclose(before.slice(1, 6), after.slice(1, 6)));
    }

    void loadsHuggingFaceLayoutsAndSetsVisionAside()
    {
        QTemporaryDir dir;
        torch::manual_seed(4);
        QwenTextModel original(TextEncoderConfig::nano());
        TensorMap file;
        for (const auto& [name, tensor] : textEncoderStateDict(*original)) {
            const std::string renamed = name.rfind("model.", 0) == 0 ? "model.language_model." + name.substr(6) : name;
            file[renamed] = tensor;
        }
        file["visual.blocks.0.attn.qkv.weight"] = torch::zeros({3, 3});
        file["lm_head.weight"] = torch::zeros({512, 128});
        const std::string index = writeShardedSafetensors(dir.path().toStdString(), "model", file, 200000);
        const Checkpoint checkpoint = Checkpoint::open(dir.path().toStdString());
        const LoadReport report = verifyTextEncoderCheckpoint(TextEncoderConfig::nano(), checkpoint);
        QVERIFY2(report.clean(), report.summary().c_str());
        QCOMPARE(report.dropped.size(), std::size_t(2));
        QwenTextModel loaded = loadTextEncoder(TextEncoderConfig::nano(), checkpoint);
        torch::InferenceMode guard;
        const auto ids = torch::randint(0, 512, {1, 5}, torch::kInt64);
        QVERIFY(torch::equal(loaded->embed(ids), original->embed(ids)));
        // A nano file is no 7B checkpoint: the report says so without allocating 7B.
        QVERIFY(!verifyTextEncoderCheckpoint(TextEncoderConfig::reason1_7b(), checkpoint).clean());
        QVERIFY_THROWS_EXCEPTION(WeightsError, loadTextEncoder(TextEncoderConfig::reason1_7b(), checkpoint));
    }

    void badIdsAreRefused()
    {
        QwenTextModel model(TextEncoderConfig::nano());
        torch::InferenceMode guard;
        QVERIFY_THROWS_EXCEPTION(EngineError, model->embed(torch::full({1, 3}, 600, torch::kInt64)));
        QVERIFY_THROWS_EXCEPTION(EngineError, model->embed(torch::zeros({3}, torch::kInt64)));
    }

    void cacheReturnsWhatItWasGivenAndEvictsTheOldest()
    {
        EmbeddingCache cache(2);
        const EmbeddingKey a {"a red ball", "nano", "w1"}, b {"a blue ball", "nano", "w1"},
            c {"a red ball", "nano", "w2"};
        QVERIFY(!cache.find(a));
        cache.insert(a, torch::ones({1}));
        cache.insert(b, torch::zeros({1}));
        QVERIFY(cache.find(a).has_value());
        QVERIFY(!cache.find(c)); // other weights: no reuse
        cache.insert(c, torch::full({1}, 2.0));
        QVERIFY(!cache.find(b)); // least recently used went first
        QCOMPARE(cache.find(c)->item<float>(), 2.0f);
        QCOMPARE(cache.size(), std::size_t(2));
        QVERIFY(cache.hits() >= 2);
    }
};

QTEST_GUILESS_MAIN(TestTextEncoder)
#include "tst_text_encoder.moc"
