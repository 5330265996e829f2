// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/support/cli_process.h"

#include "engine/media/media_decoder.h"
#include "engine/nano/nano_tensors.h"
#include "engine/nano/nano_world.h"
#include "engine/tools/nano_data_tool.h"

using namespace cosmos::engine;

// cosmos-cli nano-data end to end: the real executable writes a small
// dataset, and what it wrote is read back; nano-eval scores the shipped model.
class TestCliNano : public QObject {
    Q_OBJECT
private:
    using Result = cosmos::tests::CliResult;
    Result run(const QStringList& arguments) { return cosmos::tests::runCosmosCli(arguments, m_dir.path()); }
    QJsonObject readJson(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        return error.error == QJsonParseError::NoError ? document.object() : QJsonObject {};
    }
    // [T, H, W, 3] uint8, the frames the simulator renders for clip `index`.
    torch::Tensor simulated(std::uint64_t seed, int index)
    {
        const nano::NanoClip clip = nano::simulateClip(nano::NanoClipSpec::fromSeed(tools::nanoClipSeed(seed, index)));
        return torch::from_blob(
            const_cast<std::uint8_t*>(clip.frames.data()), {clip.frameCount, clip.height, clip.width, 3}, torch::kUInt8)
            .clone();
    }
    QTemporaryDir m_dir;

private slots:
    void writesClipsTruthAndIndex()
    {
        const QString out = m_dir.filePath("data");
        const Result r = run({"nano-data", "--seed", "5", "--count", "3", "--out", out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("wrote 3 clips"), qPrintable(r.out));

        QFile index(out + "/index.jsonl");
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = index.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QString name = QString("clip_%1").arg(i, 6, 10, QLatin1Char('0'));
            const QJsonObject line = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(line["file"].toString(), name + ".mp4");
            QVERIFY(QFile::exists(out + "/" + name + ".mp4"));

            const QJsonObject record = readJson(out + "/" + name + ".json");
            QVERIFY2(!record.isEmpty(), qPrintable(name));
            QCOMPARE(record["prompt"].toString(), line["prompt"].toString());
            QVERIFY(record["prompt"].toString().startsWith("a "));
            QCOMPARE(record["truth"].toArray().size(), nano::NanoWorldConstants::frames);
            const int balls = record["balls"].toArray().size();
            QVERIFY(balls == 1 || balls == 2);
            QCOMPARE(record["truth"].toArray()[0].toArray().size(), balls);
            QCOMPARE(record["floor_bounces"].toArray().size(), balls);

            // The clip the index names is the one the seed derivation gives.
            const auto clip = nano::simulateClip(nano::NanoClipSpec::fromSeed(tools::nanoClipSeed(5, i)));
            QCOMPARE(record["prompt"].toString().toStdString(), clip.prompt);

            // H.264 is lossy (and subsamples colour), but close.
            const auto video = media::decodeVideo((out + "/" + name + ".mp4").toStdString());
            QCOMPARE(video.frames.size(1), nano::NanoWorldConstants::frames);
            QCOMPARE(video.frames.size(2), 64);
            QCOMPARE(video.frames.size(3), 64);
            const auto expected = simulated(5, i).permute({3, 0, 1, 2}).to(torch::kFloat) / 127.5 - 1.0;
            const double error = (video.frames - expected).abs().mean().item<double>();
            QVERIFY2(error < 0.05, qPrintable(QString::number(error)));
        }
        QVERIFY(!QFile::exists(out + "/index.jsonl.partial"));
    }

    void pngFramesAreExactAndRunsRepeat()
    {
        const QString a = m_dir.filePath("png_a"), b = m_dir.filePath("png_b");
        for (const QString& out : {a, b}) {
            const Result r = run({"nano-data", "--seed", "9", "--count", "2", "--out", out, "--format", "png"});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        for (int i = 0; i < 2; ++i) {
            const QString name = QString("clip_%1").arg(i, 6, 10, QLatin1Char('0'));
            const auto video = media::decodeVideo((a + "/" + name).toStdString());
            const auto expected = simulated(9, i).permute({3, 0, 1, 2}).to(torch::kFloat) / 127.5 - 1.0;
            QVERIFY(torch::allclose(video.frames, expected, 0.0, 1e-5));
            QFile first(a + "/" + name + ".json"), second(b + "/" + name + ".json");
            QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
            QCOMPARE(first.readAll(), second.readAll());
        }
    }

    void evaluatesTheShippedModelWithItsTokenizerCeiling()
    {
        const Result r = run({"nano-eval", "--model", "nano", "--clips", "1", "--conditioned-clips", "1", "--steps",
            "2", "--guidance", "1.5", "--json"});
        QCOMPARE(r.code, 0);
        // stderr is a pipe here: a log line when the one clip's four takes
        // (one per mode) are done, with the time they took.
        QVERIFY2(QRegularExpression("^evaluation takes 4/4  [0-9]+ s\n$").match(r.err).hasMatch(), qPrintable(r.err));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report.value("clips").toInt(), 1);
        QCOMPARE(report.value("steps").toInt(), 2);
        QHash<QString, QJsonObject> metrics;
        for (const auto& metric : report.value("metrics").toArray())
            metrics.insert(metric.toObject().value("key").toString(), metric.toObject());
        for (const char* key : {"colour_adherence", "tokenizer_psnr", "tokenizer_psnr_first", "tokenizer_psnr_last",
                 "tokenizer_colour", "tokenizer_direction", "tokenizer_count"})
            QVERIFY2(metrics.contains(key), key);
        QCOMPARE(metrics["tokenizer_colour"].value("samples").toInt(), 1);
        // Colour adherence by the colours the prompt names: the one clip's one or two.
        int named = 0;
        for (const char* colour : {"red", "green", "blue", "yellow", "purple", "orange", "white"}) {
            const QString key = QStringLiteral("colour_adherence_") + colour;
            if (!metrics.contains(key))
                continue;
            ++named;
            QCOMPARE(metrics[key].value("samples").toInt(), 1);
            QCOMPARE(metrics[key].value("value").toDouble(), metrics["colour_adherence"].value("value").toDouble());
        }
        QVERIFY(named == 1 || named == 2);
        // ... and by the number of balls it names: one of the two rows each.
        for (const char* key : {"colour_adherence", "ball_count_kept"}) {
            const QString one = QString(key) + "_one_ball", two = QString(key) + "_two_balls";
            QVERIFY2(metrics.contains(one) != metrics.contains(two), key);
            const QJsonObject row = metrics.value(metrics.contains(one) ? one : two);
            QCOMPARE(row.value("samples").toInt(), 1);
            QCOMPARE(row.value("value").toDouble(), metrics[key].value("value").toDouble());
        }
        // The shipped tokenizer reconstructs simulator clips well; its
        // ceiling rows are shares of the one clip.
        QVERIFY(metrics["tokenizer_psnr"].value("value").toDouble() > 20.0);
        // ... at both ends of the segment (the ends are scored apart: a
        // causal tokenizer can decode late frames worse than early ones).
        for (const char* key : {"tokenizer_psnr_first", "tokenizer_psnr_last"}) {
            QCOMPARE(metrics[key].value("samples").toInt(), 1);
            QVERIFY2(metrics[key].value("value").toDouble() > 20.0, key);
        }
        const double colour = metrics["tokenizer_colour"].value("value").toDouble();
        QVERIFY(colour == 0.0 || colour == 100.0);
    }

    // --takes: one JSON line per Text2World take, saying how it was scored.
    void writesEveryTakesScores()
    {
        const QString path = m_dir.filePath("takes.jsonl");
        const Result r
            = run({"nano-eval", "--clips", "2", "--conditioned-clips", "0", "--steps", "1", "--takes", path});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        int matching = 0;
        for (int i = 0; i < 2; ++i) {
            const QJsonObject take = QJsonDocument::fromJson(lines[i]).object();
            const nano::NanoClip clip
                = nano::simulateClip(nano::NanoClipSpec::fromSeed(nano::evaluationClipSeed(1, std::uint64_t(i))));
            QCOMPARE(take.value("clip").toInt(), i);
            QCOMPARE(take.value("seed").toInt(), 1000 + i);
            QCOMPARE(take.value("prompt").toString(), QString::fromStdString(clip.prompt));
            QStringList wanted, found;
            for (const auto& colour : take.value("colours_wanted").toArray())
                wanted << colour.toString();
            for (const auto& colour : take.value("colours_found").toArray())
                found << colour.toString();
            QCOMPARE(wanted.size(), int(clip.spec.balls.size()));
            for (const auto& ball : clip.spec.balls)
                QVERIFY(wanted.contains(QString::fromLatin1(nano::ballColourName(ball.colour))));
            wanted.sort();
            found.sort();
            QCOMPARE(take.value("colours_match").toBool(), wanted == found);
            matching += take.value("colours_match").toBool() ? 1 : 0;
            const double share = take.value("count_share").toDouble(-1.0);
            QVERIFY(share >= 0.0 && share <= 1.0);
            QCOMPARE(take.value("count_kept").toBool(), share >= 0.9);
            const int frames = 33;
            QCOMPARE(take.value("count_off_frames").toArray().size(), qRound(frames * (1.0 - share)));
            QVERIFY(take.value("most_balls").toInt(-1) >= 0);
            QCOMPARE(take.contains("fitted_gravity"), take.value("free_flight").toBool());
        }
        // The table's colour row is the share of takes whose colours match.
        const QRegularExpression colourRow(R"(Text2World colour adherence\s+([0-9.]+) %)");
        const auto row = colourRow.match(r.out);
        QVERIFY2(row.hasMatch(), qPrintable(r.out));
        QCOMPARE(row.captured(1).toDouble(), 50.0 * matching);

        // A takes file that cannot be written is refused before the takes.
        const QString nowhere = m_dir.filePath("no-such-folder/takes.jsonl");
        const Result e = run({"nano-eval", "--clips", "1", "--conditioned-clips", "0", "--takes", nowhere});
        QCOMPARE(e.code, 1);
        QVERIFY2(e.err.contains("no-such-folder"), qPrintable(e.err));
        QVERIFY2(!e.err.contains("evaluation takes"), qPrintable(e.err));
    }

    // The card is written again from the folder's records, evaluating nothing.
    void rewritesTheCardFromTheRecords()
    {
        const QString folder = m_dir.filePath("card-model");
        QVERIFY(QDir().mkpath(folder));
        const QDir shipped(QStringLiteral(COSMOS_SOURCE_DIR "/resources/models/nano"));
        for (const QString& name : shipped.entryList(QDir::Files))
            if (name != QStringLiteral("MODEL_CARD.md"))
                QVERIFY(QFile::copy(shipped.filePath(name), folder + "/" + name));
        const Result r = run({"nano-eval", "--model", folder, "--rewrite-card"});
        QCOMPARE(r.code, 0);
        QFile card(folder + "/MODEL_CARD.md");
        QVERIFY(card.open(QIODevice::ReadOnly));
        const QByteArray text = card.readAll();
        QVERIFY(text.contains("## Training"));
        QVERIFY(text.contains("Text2World colour adherence")); // from evaluation.json
    }

    void badArgumentsAreRefused()
    {
        Result e = run({"nano-eval", "--clips", "1", "--guidance", "strong"});
        QCOMPARE(e.code, 2);
        QVERIFY2(e.err.contains("--guidance must be a number"), qPrintable(e.err));
        e = run({"nano-eval", "--clips", "1", "--guidance", "2", "--card"});
        QCOMPARE(e.code, 2);
        QVERIFY2(e.err.contains("--card scores the model's own sampling settings"), qPrintable(e.err));

        Result r = run({"nano-data", "--count", "0", "--out", m_dir.filePath("zero")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--count must be an integer from 1"), qPrintable(r.err));
        QVERIFY(!QDir(m_dir.filePath("zero")).exists());

        r = run({"nano-data", "--count", "2"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--out"), qPrintable(r.err));

        r = run({"nano-data", "--count", "2", "--out", m_dir.filePath("gif"), "--format", "gif"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--format must be mp4 or png"), qPrintable(r.err));

        r = run({"nano-data", "--count", "2", "--out", "/proc/no-such-folder/data"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("cannot create the output folder '/proc/no-such-folder/data'"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliNano)
#include "tst_cli_nano.moc"
