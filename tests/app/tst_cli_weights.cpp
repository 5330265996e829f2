// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/support/cli_process.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "engine/nets/dit/dit_loading.h"
#include "engine/nets/text/text_encoder_loading.h"
#include "engine/nets/vae/wan_vae_loading.h"
#include "engine/weights/safetensors_file.h"
#include "engine/weights/safetensors_writer.h"
#include "tests/support/param_fixture.h"

using namespace cosmos::engine;

namespace {

// A safetensors file whose header lists every 2B parameter (from the
// official-definition fixture) with the `net.` prefix and bf16 data, its
// data left as a sparse hole: verify reads only the header.
std::string writeSparse2BCheckpoint(const QString& folder)
{
    const auto fixture
        = cosmos::tests::readParamFixture(QStringLiteral(COSMOS_SOURCE_DIR "/tests/fixtures/dit_2B_params.txt"));
    nlohmann::json header = nlohmann::json::object();
    std::uint64_t offset = 0;
    auto add
        = [&](const std::string& name, const std::vector<std::int64_t>& shape, const char* dtype, std::uint64_t size) {
              std::uint64_t count = 1;
              for (auto d : shape)
                  count *= std::uint64_t(d);
              header[name] = {{"dtype", dtype}, {"shape", shape}, {"data_offsets", {offset, offset + count * size}}};
              offset += count * size;
          };
    for (const auto& [name, shape] : fixture.shapes)
        add("net." + name, shape, "BF16", 2);
    add("net.accum_iteration", {}, "I64", 8);
    add("net.pos_embedder.dim_spatial_range", {21}, "BF16", 2);
    add("net.pos_embedder.dim_temporal_range", {22}, "BF16", 2);
    std::string text = header.dump();
    while ((8 + text.size()) % 8)
        text.push_back(' ');
    const std::string path = (folder + "/sparse-2B.safetensors").toStdString();
    {
        std::ofstream out(path, std::ios::binary);
        std::uint64_t length = text.size();
        for (int i = 0; i < 8; ++i)
            out.put(char((length >> (8 * i)) & 0xff));
        out << text;
    }
    QFile file(QString::fromStdString(path));
    if (!file.resize(qint64(8 + text.size() + offset)))
        qFatal("cannot size the sparse file");
    return path;
}

} // namespace

class TestCliWeights : public QObject {
    Q_OBJECT
private:
    using Result = cosmos::tests::CliResult;
    Result run(const QStringList& arguments) { return cosmos::tests::runCosmosCli(arguments, m_dir.path()); }
    QTemporaryDir m_dir;
    QString m_nanoWeights;

private slots:
    void initTestCase()
    {
        torch::manual_seed(1);
        nets::Dit net(nets::DitConfig::nano());
        m_nanoWeights = m_dir.filePath("nano-dit.safetensors");
        writeSafetensors(m_nanoWeights.toStdString(), nets::ditStateDict(*net), {{"model", "nano test"}});
    }

    void inspectListsTensorsAndTotals()
    {
        Result r = run({"inspect", m_nanoWeights});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("(safetensors)"));
        QVERIFY(r.out.contains("blocks.0.self_attn.q_proj.weight  F32  [192, 192]  147456 bytes"));
        QVERIFY(r.out.contains("metadata model = nano test"));
        QVERIFY(r.out.contains("total: "));

        r = run({"inspect", "--json", m_nanoWeights});
        QCOMPARE(r.code, 0);
        const QJsonArray files = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(files.size(), 1);
        QVERIFY(files[0].toObject()["tensors"].toArray().size() > 50);
    }

    void inspectReadsTorchCheckpoints()
    {
        const Result r = run({"inspect", QStringLiteral(COSMOS_SOURCE_DIR "/tests/fixtures/torch/dtypes.pt")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("(PyTorch zip checkpoint)"), qPrintable(r.out));
    }

    void inspectExplainsBadFiles()
    {
        QFile junk(m_dir.filePath("junk.safetensors"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("0123456789abcdef");
        junk.close();
        const Result r = run({"inspect", junk.fileName()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("junk.safetensors"), qPrintable(r.err));
        QVERIFY2(r.err.contains("header length"), qPrintable(r.err));
    }

    void verifyAcceptsTheOfficial2BLayout()
    {
        const QString sparse = QString::fromStdString(writeSparse2BCheckpoint(m_dir.path()));
        Result r = run({"models", "verify", "--arch", "2B", sparse});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains("parameters: 2059174912 of 2059174912 loaded"));
        QVERIFY(r.out.contains("OK: the checkpoint loads cleanly"));

        r = run({"models", "verify", "--arch", "14B", "--json", sparse});
        QCOMPARE(r.code, 1);
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report["clean"].toBool(), false);
        QVERIFY(report["mismatched"].toArray().size() > 0);
        QVERIFY(report["missing"].toArray().size() > 0); // blocks 28..35
    }

    void verifyNanoAndRefusals()
    {
        Result r = run({"models", "verify", "--arch", "nano", m_nanoWeights});
        QCOMPARE(r.code, 0);
        r = run({"models", "verify", "--arch", "3B", m_nanoWeights});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("unknown DiT architecture '3B' (valid: 2B, 14B, nano)"), qPrintable(r.err));
        r = run({"models", "verify", m_nanoWeights});
        QCOMPARE(r.code, 2);
    }

    void forwardMatchesTheInProcessNetwork()
    {
        torch::manual_seed(4);
        const auto config = nets::DitConfig::nano();
        TensorMap inputs {{"x", torch::randn({1, 16, 3, 8, 8})}, {"timesteps", torch::tensor({640.0f})},
            {"crossattn_emb", torch::randn({1, 10, config.contextInputChannels()})},
            {"condition_video_input_mask", torch::zeros({1, 1, 3, 8, 8})}};
        inputs["condition_video_input_mask"].slice(2, 0, 1).fill_(1.0);
        const QString inputsPath = m_dir.filePath("inputs.safetensors");
        const QString outPath = m_dir.filePath("out.safetensors");
        writeSafetensors(inputsPath.toStdString(), inputs);

        const Result r = run({"forward", "--module", "dit", "--config", "nano", "--weights", m_nanoWeights, "--inputs",
            inputsPath, "--out", outPath});
        QVERIFY2(r.code == 0, qPrintable(r.err));

        nets::Dit net = nets::loadDit(config, Checkpoint::open(m_nanoWeights.toStdString()));
        torch::InferenceMode guard;
        const auto expected = net->forward(
            {inputs["x"], inputs["timesteps"], inputs["crossattn_emb"], inputs["condition_video_input_mask"], {}});
        const auto written = SafetensorsFile::open(outPath.toStdString())->tensor("output");
        QVERIFY(torch::allclose(written, expected, 1e-5, 1e-6));
    }

    void forwardRunsTheTextEncoder()
    {
        torch::manual_seed(6);
        const auto config = nets::TextEncoderConfig::nano();
        nets::QwenTextModel model(config);
        const QString weights = m_dir.filePath("nano-text.safetensors");
        writeSafetensors(weights.toStdString(), nets::textEncoderStateDict(*model));
        const auto ids = torch::randint(0, config.vocabSize, {1, 6}, torch::kInt64);
        const QString inputsPath = m_dir.filePath("text-inputs.safetensors");
        const QString outPath = m_dir.filePath("text-out.safetensors");
        writeSafetensors(inputsPath.toStdString(), {{"input_ids", ids}});
        const Result r = run({"forward", "--module", "text", "--config", "nano", "--weights", weights, "--inputs",
            inputsPath, "--out", outPath});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        torch::InferenceMode guard;
        const auto written = SafetensorsFile::open(outPath.toStdString())->tensor("output");
        QVERIFY(torch::allclose(written, model->embed(ids), 1e-5, 1e-6));
        QCOMPARE(written.size(2), config.embeddingChannels());
    }

    void forwardRunsTheVideoTokenizer()
    {
        torch::manual_seed(9);
        nets::WanVae vae(nets::WanVaeConfig::nano());
        const QString weights = m_dir.filePath("nano-vae.safetensors");
        writeSafetensors(weights.toStdString(), nets::wanVaeStateDict(*vae));
        const auto video = torch::rand({1, 3, 5, 32, 32}) * 2 - 1;
        writeSafetensors(m_dir.filePath("video.safetensors").toStdString(), {{"video", video}});
        Result r = run({"forward", "--module", "vae-encode", "--config", "nano", "--weights", weights, "--inputs",
            m_dir.filePath("video.safetensors"), "--out", m_dir.filePath("latent-out.safetensors")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto latent
            = SafetensorsFile::open(m_dir.filePath("latent-out.safetensors").toStdString())->tensor("output");
        QCOMPARE(latent.sizes().vec(), (std::vector<std::int64_t> {1, 16, 2, 4, 4}));
        writeSafetensors(m_dir.filePath("latent.safetensors").toStdString(), {{"latent", latent.clone()}});
        r = run({"forward", "--module", "vae-decode", "--config", "nano", "--weights", weights, "--inputs",
            m_dir.filePath("latent.safetensors"), "--out", m_dir.filePath("video-out.safetensors")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        torch::InferenceMode guard;
        const auto decoded
            = SafetensorsFile::open(m_dir.filePath("video-out.safetensors").toStdString())->tensor("output");
        QVERIFY(torch::allclose(decoded, vae->decode(latent), 1e-5, 1e-6));
    }

    void tokenizePrintsIdsAndPieces()
    {
        const QString tokenizer = QStringLiteral(COSMOS_SOURCE_DIR "/tests/fixtures/tokenizer/tokenizer.json");
        Result r = run({"tokenize", "--tokenizer", tokenizer, "--json", "공 ⚽ ball"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject result = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(result["decoded"].toString(), QStringLiteral("공 ⚽ ball"));
        QCOMPARE(result["ids"].toArray().size(), result["pieces"].toArray().size());
        QVERIFY(result["ids"].toArray().size() > 3);
        r = run({"tokenize", "--tokenizer", m_dir.filePath("nope.json"), "x"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("nope.json"), qPrintable(r.err));
    }

    void forwardExplainsMissingInputs()
    {
        const QString inputsPath = m_dir.filePath("partial.safetensors");
        writeSafetensors(inputsPath.toStdString(), {{"x", torch::zeros({1, 16, 1, 8, 8})}});
        const Result r = run({"forward", "--module", "dit", "--config", "nano", "--weights", m_nanoWeights, "--inputs",
            inputsPath, "--out", m_dir.filePath("never.safetensors")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("tensor 'timesteps': required input is missing"), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath("never.safetensors")));
    }
};

QTEST_GUILESS_MAIN(TestCliWeights)
#include "tst_cli_weights.moc"
