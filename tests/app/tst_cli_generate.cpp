// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/support/cli_process.h"

#include <csignal>

#include "engine/media/media_decoder.h"
#include "engine/media/media_encoder.h"
#include "engine/weights/safetensors_file.h"

using namespace cosmos::engine;

// cosmos-cli generate end to end, on the nano architecture with seeded random
// weights (the real classes, untrained) and the fixture tokenizer.
class TestCliGenerate : public QObject {
    Q_OBJECT
private:
    using Result = cosmos::tests::CliResult;
    QStringList base(const QString& out) const
    {
        return {"generate", "--random-weights", "3", "--config", "nano", "--tokenizer",
            COSMOS_SOURCE_DIR "/tests/fixtures/tokenizer/tokenizer.json", "--prompt", "a red ball bounces", "--frames",
            "9", "--steps", "2", "--seed", "5", "--out", out};
    }
    Result run(const QStringList& arguments) { return cosmos::tests::runCosmosCli(arguments, m_dir.path()); }
    QTemporaryDir m_dir;

private slots:
    void everyFormatDecodesBackWithItsMetadata_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mp4") << "take.mp4";
        QTest::newRow("webm") << "take.webm";
        QTest::newRow("gif") << "take.gif";
        QTest::newRow("png") << "take_%04d.png";
    }
    void everyFormatDecodesBackWithItsMetadata()
    {
        QFETCH(QString, name);
        const QString out = m_dir.filePath(name);
        const Result r = run(base(out) << "--json");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject record = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(record["prompt"].toString(), QStringLiteral("a red ball bounces"));
        QCOMPARE(record["seed"].toInt(), 5);
        QCOMPARE(record["mode"].toString(), QStringLiteral("text2world"));

        const auto video = media::decodeVideo(out.toStdString());
        QCOMPARE(video.frames.size(1), 9);
        QCOMPARE(video.frames.size(2), 64);
        QCOMPARE(video.frames.size(3), 64);
        QVERIFY(std::abs(video.fps - 16.0) < 0.01);
        const auto metadata = media::readMetadata(out.toStdString());
        QVERIFY(metadata.count("cosmos_provenance"));
        const auto embedded
            = QJsonDocument::fromJson(QByteArray::fromStdString(metadata.at("cosmos_provenance"))).object();
        QCOMPARE(embedded["prompt"].toString(), QStringLiteral("a red ball bounces"));
    }

    void sameSeedSameFrames()
    {
        const QString a = m_dir.filePath("a_%04d.png"), b = m_dir.filePath("b_%04d.png");
        QCOMPARE(run(base(a)).code, 0);
        QCOMPARE(run(base(b)).code, 0);
        QVERIFY(torch::equal(media::decodeVideo(a.toStdString()).frames, media::decodeVideo(b.toStdString()).frames));
    }

    void imageAndVideoConditioning()
    {
        const QString image = m_dir.filePath("start.png");
        media::encodeImage(image.toStdString(), torch::rand({3, 48, 80}) * 2 - 1);
        Result r = run(base(m_dir.filePath("i2w.mp4")) << "--image" << image << "--json");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonObject record = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(record["mode"].toString(), QStringLiteral("image2world"));
        QCOMPARE(record["conditional_latent_frames"].toInt(), 1);
        QCOMPARE(record["conditioning_hashes"].toArray().size(), 1);

        const QString clip = m_dir.filePath("input.mp4");
        media::EncodeOptions options;
        options.fps = 16;
        media::encodeVideo(clip.toStdString(), torch::rand({3, 12, 64, 64}) * 2 - 1, options);
        r = run(base(m_dir.filePath("v2w.webm")) << "--video" << clip << "--json");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        record = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(record["mode"].toString(), QStringLiteral("video2world"));
        QCOMPARE(record["conditional_latent_frames"].toInt(), 2);
    }

    void continueFromASavedLatentKeepsTheSeam()
    {
        const QString latent = m_dir.filePath("first.latent.safetensors");
        Result r = run(base(m_dir.filePath("first.mp4")) << "--save-latent" << latent);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString nextLatent = m_dir.filePath("next.latent.safetensors");
        r = run(
            base(m_dir.filePath("next.mp4")) << "--continue" << latent << "--save-latent" << nextLatent << "--json");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["mode"].toString(), QStringLiteral("continue"));
        const auto first = SafetensorsFile::open(latent.toStdString())->tensor("latent");
        const auto next = SafetensorsFile::open(nextLatent.toStdString())->tensor("latent");
        QVERIFY(torch::equal(next.slice(2, 0, 2), first.slice(2, first.size(2) - 2)));
        r = run(base(m_dir.filePath("x.mp4")) << "--continue" << m_dir.filePath("first.mp4"));
        QCOMPARE(r.code, 1);
    }

    void badInputsAreExplained()
    {
        Result r = run(base(m_dir.filePath("x.mp4")) << "--image" << m_dir.filePath("missing.png"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("missing.png"), qPrintable(r.err));

        QFile corrupt(m_dir.filePath("corrupt.mp4"));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write("this is not a video at all");
        corrupt.close();
        r = run(base(m_dir.filePath("x.mp4")) << "--video" << corrupt.fileName());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("corrupt.mp4"), qPrintable(r.err));

        const QString shortClip = m_dir.filePath("short.mp4");
        media::encodeVideo(shortClip.toStdString(), torch::zeros({3, 2, 64, 64}));
        r = run(base(m_dir.filePath("x.mp4")) << "--video" << shortClip);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("needs at least 5"), qPrintable(r.err));

        r = run(base("/proc/no-such-folder/x.mp4"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("does not exist"), qPrintable(r.err));

        QStringList unknown = base(m_dir.filePath("x.mp4"));
        unknown[unknown.indexOf("nano")] = "7B";
        r = run(unknown);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("unknown model config '7B'"), qPrintable(r.err));

        r = run({"generate", "--model", "no-such-model", "--prompt", "a ball", "--out", m_dir.filePath("x.mp4")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("unknown model 'no-such-model' (valid: nano, or a model folder"), qPrintable(r.err));
        r = run({"generate", "--model", m_dir.path(), "--prompt", "a ball", "--out", m_dir.filePath("x.mp4")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("is not a model folder: it has no config.json"), qPrintable(r.err));

        // A malformed CUDA device is named as such, on any machine.
        r = run(base(m_dir.filePath("x.mp4")) << "--device"
                                              << "cuda:x");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("unknown device 'cuda:x' (valid: cpu, cuda, cuda:N)"), qPrintable(r.err));

        QStringList frames = base(m_dir.filePath("x.mp4"));
        frames[frames.indexOf("9")] = "10";
        r = run(frames);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("cannot make 10 frames (valid: 33, 17, 9, 5, 1)"), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_dir.filePath("x.mp4")));

        r = run({"generate", "--prompt", "x"});
        QCOMPARE(r.code, 2);
    }

    void benchReportsPhasesStepsAndFlops()
    {
        const Result r = run({"bench", "--random-weights", "3", "--config", "nano", "--tokenizer",
            COSMOS_SOURCE_DIR "/tests/fixtures/tokenizer/tokenizer.json", "--frames", "17", "--steps", "3", "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report["steps"].toInt(), 3);
        QCOMPARE(report["frames"].toInt(), 17);
        QCOMPARE(report["tokens"].toInt(), 5 * 4 * 4); // 5 latent frames of 4 x 4 patches
        QCOMPARE(report["seconds"].toObject()["steps"].toArray().size(), 3);
        for (const char* phase : {"text", "conditioning", "sampling", "decoding", "total"})
            QVERIFY2(report["seconds"].toObject().contains(phase), phase);
        QVERIFY(report["flops_per_step"].toDouble() > 1e8);
        QVERIFY(report["achieved_flops_per_second"].toDouble() > 0.0);
        QVERIFY(report["steps_per_second"].toDouble() > 0.0);
        QVERIFY(report["peak_resident_mib"].toDouble() > 10.0);
    }

    void interruptStopsCleanly()
    {
        QStringList arguments = base(m_dir.filePath("stopped.mp4"));
        arguments[arguments.indexOf("2")] = "1000"; // steps: far longer than the test waits
        arguments[arguments.indexOf("9")] = "33";
        QProcess process;
        process.start(QStringLiteral(COSMOS_BINARY_DIR "/app/cosmos-cli"), arguments);
        QVERIFY(process.waitForStarted());
        QTest::qWait(4000); // models built, sampling under way
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(QString::fromUtf8(process.readAllStandardError()).contains("nothing was written"));
        QVERIFY(!QFile::exists(m_dir.filePath("stopped.mp4")));
    }
};

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "tst_cli_generate.moc"
