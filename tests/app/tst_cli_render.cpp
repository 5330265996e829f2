// cosmos-cli render, run as the real executable on a project of four nano
// takes (random weights) in two segments and a board of all four: a take,
// the timeline and the board, to MP4, GIF and PNGs, decode back with the
// expected frames, size, rate and provenance; bad arguments and existing
// files are refused.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "engine/tools/clip_export.h"
#include "engine/tools/clip_frames.h"
#include "projects/project_store.h"
#include "tests/support/cli_process.h"

using namespace cosmos;

class TestCliRender : public QObject {
    Q_OBJECT
private:
    using Result = tests::CliResult;
    QTemporaryDir m_home;
    QTemporaryDir m_root;
    QString m_project;

    Result run(const QStringList& arguments) { return tests::runCosmosCli(arguments, m_home.path()); }
    QString path(const QString& name) const { return m_root.filePath(name); }
    QStringList render(const QStringList& options) { return QStringList {"render", m_project} + options; }

    static QStringList generate(
        const QString& project, const QString& prompt, const QString& seed, const QString& segment)
    {
        return {"generate", "--project", project, "--random-weights", "1", "--config", "nano", "--tokenizer",
            COSMOS_SOURCE_DIR "/tests/fixtures/tokenizer/tokenizer.json", "--frames", "9", "--steps", "2", "--seed",
            seed, "--prompt", prompt, "--segment", segment};
    }

    static QJsonObject embeddedProvenance(const QString& output)
    {
        return QJsonDocument::fromJson(QByteArray::fromStdString(engine::readEmbeddedProvenance(output.toStdString())))
            .object();
    }

private slots:
    void initTestCase()
    {
        m_project = path("project");
        Result r = run({"project", "new", m_project, "--name", "Render test"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // Takes 1 and 3 in segment 1, 2 and 4 in segment 2; the first of each is selected.
        for (const auto& [prompt, seed, segment] :
            {std::tuple {"a red ball bounces", "1", "1"}, std::tuple {"then it rolls away", "2", "2"},
                std::tuple {"a red ball bounces high", "3", "1"}, std::tuple {"then it rolls back", "4", "2"}}) {
            r = run(generate(m_project, prompt, seed, segment));
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        projects::ProjectError error;
        auto store = projects::ProjectStore::open(m_project, &error);
        QVERIFY2(store, qPrintable(error.message));
        const auto board = store->addBoard("Seeds");
        QVERIFY(board);
        for (const qint64 take : {1, 2, 3, 4})
            QVERIFY(store->addTakeToBoard(*board, take));
        QCOMPARE(store->takes(store->segments().first().id).size(), 2);
    }

    void takeTimelineAndBoardDecodeBack_data()
    {
        QTest::addColumn<QStringList>("what");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kind"); // the provenance's "what"
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("size");
        QTest::addColumn<double>("fps");
        QTest::addColumn<QList<int>>("seeds"); // of the clips, in order
        const QList<int> board {1, 2, 3, 4};
        for (const QString& suffix : {".mp4", ".gif", ""}) {
            const QString format = suffix.isEmpty() ? "png" : suffix.mid(1);
            QTest::newRow(qPrintable("take " + format))
                << QStringList {"--take", "3"} << "take" + suffix << "take" << 9 << 128 << 16.0 << QList<int> {3};
            QTest::newRow(qPrintable("timeline " + format)) << QStringList {"--fps", "8"} << "timeline" + suffix
                                                            << "timeline" << 18 << 128 << 8.0 << QList<int> {1, 2};
            QTest::newRow(qPrintable("board " + format))
                << QStringList {"--board", "Seeds"} << "board" + suffix << "board" << 9 << 256 << 16.0 << board;
        }
    }

    void takeTimelineAndBoardDecodeBack()
    {
        QFETCH(QStringList, what);
        QFETCH(QString, name);
        QFETCH(QString, kind);
        QFETCH(int, frames);
        QFETCH(int, size);
        QFETCH(double, fps);
        QFETCH(QList<int>, seeds);
        const QString out = path(name);
        const Result r = run(render(what + QStringList {"--out", out, "--scale", "2", "--filter", "bicubic"}));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("wrote " + out), qPrintable(r.out));

        const engine::DecodedClip clip = engine::decodeClip(out.toStdString());
        QCOMPARE(clip.frames->frames, frames);
        QCOMPARE(clip.frames->width, size);
        QCOMPARE(clip.frames->height, size);
        QVERIFY2(std::abs(clip.fps - fps) < 0.01, qPrintable(QString::number(clip.fps)));

        const QJsonObject provenance = embeddedProvenance(out);
        QCOMPARE(provenance["what"].toString(), kind);
        QCOMPARE(provenance["project"]["name"].toString(), QString("Render test"));
        QCOMPARE(provenance["layout"].toString(), kind == "board" ? QString("grid") : QString("sequence"));
        QCOMPARE(provenance["settings"]["scale"].toInt(), 2);
        QCOMPARE(provenance["settings"]["filter"].toString(), QString("bicubic"));
        const QJsonArray clips = provenance["clips"].toArray();
        QCOMPARE(clips.size(), seeds.size());
        for (int i = 0; i < seeds.size(); ++i) {
            QCOMPARE(clips[i]["params"]["seed"].toInt(), seeds[i]);
            QCOMPARE(clips[i]["provenance"]["seed"].toInt(), seeds[i]); // each take's own record
            QVERIFY(clips[i]["clip"].toString().startsWith("media/clips/"));
        }
        if (kind == "board") {
            QCOMPARE(provenance["board"]["name"].toString(), QString("Seeds"));
            QVERIFY2(clips[1]["label"].toString().contains("seed 2"), qPrintable(clips[1]["label"].toString()));
        }

        // The provenance also lies beside the file (inside the sidecar for PNGs).
        const QString beside = name.contains('.') ? out + ".json" : out + "/frame.json";
        QVERIFY2(r.out.contains("provenance: " + beside), qPrintable(r.out));
        QFile file(beside);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject besideJson = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject record = name.contains('.')
            ? besideJson
            : QJsonDocument::fromJson(besideJson["metadata"]["cosmos_provenance"].toString().toUtf8()).object();
        QCOMPARE(record, provenance);
    }

    void existingFilesAreReplacedOnlyWithOverwrite()
    {
        const QString out = path("again.mp4");
        Result r = run(render({"--take", "1", "--out", out}));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QByteArray first = [&] {
            QFile file(out);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();

        r = run(render({"--out", out}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("already exists") && r.err.contains("again.mp4"), qPrintable(r.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), first);
        file.close();

        r = run(render({"--out", out, "--overwrite"}));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(engine::decodeClip(out.toStdString()).frames->frames, 18); // now the timeline
    }

    void badArgumentsAreUsageErrors()
    {
        const QString out = path("bad.mp4");
        const QList<QStringList> cases {
            {"render"},
            {"render", m_project},
            {"render", m_project, m_project, "--out", out},
            {"render", m_project, "--out", out, "--take", "1", "--board", "Seeds"},
            {"render", m_project, "--out", out, "--scale", "0"},
            {"render", m_project, "--out", out, "--scale", "17"},
            {"render", m_project, "--out", out, "--filter", "sharp"},
            {"render", m_project, "--out", out, "--quality", "101"},
            {"render", m_project, "--out", out, "--fps", "fast"},
            {"render", m_project, "--out", out, "--take", "x"},
            {"render", m_project, "--out", path("bad.avi")},
            {"render", m_project, "--out", out, "--no-such-option"},
        };
        for (const QStringList& arguments : cases) {
            const Result r = run(arguments);
            QVERIFY2(r.code == 2, qPrintable(arguments.join(' ') + " -> " + QString::number(r.code) + ": " + r.err));
            QVERIFY2(r.err.startsWith("cosmos-cli render:"), qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(out));
        QVERIFY(run({"render", "--help"}).out.contains("--board"));
    }

    void missingThingsAreExplained()
    {
        const QString out = path("missing.mp4");
        Result r = run(render({"--take", "99", "--out", out}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no take 99"), qPrintable(r.err));
        r = run(render({"--board", "Prompts", "--out", out}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no board is named 'Prompts'") && r.err.contains("'Seeds'"), qPrintable(r.err));
        r = run({"render", path("nowhere"), "--out", out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no project", Qt::CaseInsensitive), qPrintable(r.err));
        r = run(render({"--out", path("no_such_folder/x.mp4")}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("does not exist"), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        // Rendering only reads: the project is as it was.
        QCOMPARE(run({"project", "check", m_project}).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliRender)
#include "tst_cli_render.moc"
