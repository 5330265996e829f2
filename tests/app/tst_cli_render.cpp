// cosmos-cli render, run as the real executable on a project of two nano
// takes (random weights) in two segments and a board of both: a take,
// the timeline and the board, to MP4, GIF and PNGs, decode back with the
// expected frames, size, rate and provenance; bad arguments and existing
// files are refused. The studio's side of the same code runs in-process:
// the dialog's choices, and ExportRunner exporting off the GUI thread,
// cancelled midway, and outlived by its export.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include "app/export_job.h"
#include "engine/logging.h"
#include "engine/media/ffmpeg_log.h"
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
        engine::media::routeFfmpegLog(engine::nullLogger()); // the in-process exports stay quiet
        m_project = path("project");
        Result r = run({"project", "new", m_project, "--name", "Render test"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // Take 1 in segment 1, take 2 in segment 2: each selected in its segment.
        for (const auto& [prompt, seed, segment] :
            {std::tuple {"a red ball bounces", "1", "1"}, std::tuple {"then it rolls away", "2", "2"}}) {
            r = run(generate(m_project, prompt, seed, segment));
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        projects::ProjectError error;
        auto store = projects::ProjectStore::open(m_project, &error);
        QVERIFY2(store, qPrintable(error.message));
        const auto board = store->addBoard("Seeds");
        QVERIFY(board);
        for (const qint64 take : {2, 1})
            QVERIFY(store->addTakeToBoard(*board, take));
        QCOMPARE(store->segments().size(), 2);
    }

    void cleanupTestCase() { engine::media::routeFfmpegLog(nullptr); }

    void takeTimelineAndBoardDecodeBack_data()
    {
        QTest::addColumn<QStringList>("what");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kind"); // the provenance's "what"
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("fps");
        QTest::addColumn<QList<int>>("seeds"); // of the clips, in order
        for (const QString suffix : {".mp4", ".gif", ""}) {
            const QString format = suffix.isEmpty() ? "png" : suffix.mid(1);
            QTest::newRow(qPrintable("take " + format)) << QStringList {"--take", "2"} << "take" + suffix << "take" << 9
                                                        << 128 << 128 << 16.0 << QList<int> {2};
            QTest::newRow(qPrintable("timeline " + format))
                << QStringList {"--fps", "8"} << "timeline" + suffix << "timeline" << 18 << 128 << 128 << 8.0
                << QList<int> {1, 2};
            // The board's order, as one row of two cells.
            QTest::newRow(qPrintable("board " + format)) << QStringList {"--board", "Seeds"} << "board" + suffix
                                                         << "board" << 9 << 256 << 128 << 16.0 << QList<int> {2, 1};
        }
    }

    void takeTimelineAndBoardDecodeBack()
    {
        QFETCH(QStringList, what);
        QFETCH(QString, name);
        QFETCH(QString, kind);
        QFETCH(int, frames);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, fps);
        QFETCH(QList<int>, seeds);
        const QString out = path(name);
        const Result r = run(render(what + QStringList {"--out", out, "--scale", "2", "--filter", "bicubic"}));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("wrote " + out), qPrintable(r.out));

        const engine::DecodedClip clip = engine::decodeClip(out.toStdString());
        QCOMPARE(clip.frames->frames, frames);
        QCOMPARE(clip.frames->width, width);
        QCOMPARE(clip.frames->height, height);
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
            QVERIFY2(clips[1]["label"].toString().contains("seed 1"), qPrintable(clips[1]["label"].toString()));
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
            {"render", m_project, "--out", out, "--take", "1", "--board", "Seeds"},
            {"render", m_project, "--out", out, "--scale", "17"},
            {"render", m_project, "--out", out, "--filter", "sharp"},
            {"render", m_project, "--out", out, "--fps", "fast"},
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
        // A take id that is none says what an id is.
        for (const char* bad : {"0", "-3", "first"}) {
            const Result r = run(render({"--take", bad, "--out", out}));
            QCOMPARE(r.code, 2);
            QVERIFY2(
                r.err.contains(QStringLiteral("--take must be the id of a take (a whole number, 1 or more), got '%1'")
                                   .arg(QLatin1String(bad))),
                qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(out));
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

    void theStudioOffersWhatTheProjectHas()
    {
        projects::ProjectError error;
        auto store = projects::ProjectStore::openReadOnlyCopy(m_project, &error);
        QVERIFY2(store, qPrintable(error.message));
        const QList<widgets::ExportChoice> choices = app::exportChoices(*store, 2);
        QCOMPARE(choices.size(), 3);
        QCOMPARE(choices[0].kind, widgets::ExportChoice::Kind::Take);
        QCOMPARE(choices[0].id, 2);
        QCOMPARE(choices[0].label, QString("Take 2 of segment 2"));
        QCOMPARE(choices[1].kind, widgets::ExportChoice::Kind::Timeline);
        QCOMPARE(choices[2].kind, widgets::ExportChoice::Kind::Board);
        QVERIFY2(choices[2].label.contains("Seeds"), qPrintable(choices[2].label));
        QCOMPARE(app::exportChoices(*store, 0).size(), 2); // no current take

        QString why;
        QVERIFY(!app::exportRequestForTake(*store, 42, {}, &why));
        QVERIFY2(why.contains("no take 42"), qPrintable(why));
    }

    void theRunnerExportsOffTheGuiThread()
    {
        projects::ProjectError error;
        auto store = projects::ProjectStore::openReadOnlyCopy(m_project, &error);
        QVERIFY2(store, qPrintable(error.message));
        widgets::ExportSettings settings;
        settings.what = {widgets::ExportChoice::Kind::Board, 1, "Board"};
        settings.format = engine::ExportRequest::Format::Gif;
        settings.outputPath = path("runner.gif");
        settings.scale = 2;
        QString why;
        const auto request = app::exportRequestFor(*store, settings, &why);
        QVERIFY2(request, qPrintable(why));
        QCOMPARE(request->layout, engine::ExportRequest::Layout::Grid);
        QCOMPARE(request->cellLabels.size(), std::size_t(2));

        app::ExportRunner runner;
        QSignalSpy progress(&runner, &app::ExportRunner::progress);
        QSignalSpy finished(&runner, &app::ExportRunner::finished);
        QSignalSpy failed(&runner, &app::ExportRunner::failed);
        QVERIFY(runner.start(*request));
        QVERIFY(runner.isRunning());
        QVERIFY(!runner.start(*request)); // one at a time
        QVERIFY(finished.wait(20000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.at(0).at(0).toString(), settings.outputPath);
        QVERIFY(!runner.isRunning());
        QCOMPARE(runner.lastReport().frames, 9);
        QCOMPARE(progress.first(), (QList<QVariant> {0, 0}));
        QCOMPARE(progress.last(), (QList<QVariant> {9, 9}));
        QCOMPARE(engine::decodeClip(settings.outputPath.toStdString()).frames->width, 256);

        // The same file again without overwrite: refused, and said why.
        QVERIFY(runner.start(*request));
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.at(0).at(0).toString().contains("already exists"), qPrintable(failed.at(0).at(0).toString()));
    }

    void theRunnerCancelsAndMayBeOutlived()
    {
        projects::ProjectError error;
        auto store = projects::ProjectStore::openReadOnlyCopy(m_project, &error);
        QVERIFY2(store, qPrintable(error.message));
        engine::ExportRequest base;
        base.outputPath = path("cancelled.webm").toStdString();
        base.scale = 8; // 512x512 VP9: long enough to cancel midway
        QString why;
        const auto request = app::exportRequestForTimeline(*store, base, &why);
        QVERIFY2(request, qPrintable(why));

        app::ExportRunner runner;
        QSignalSpy cancelled(&runner, &app::ExportRunner::cancelled);
        QSignalSpy finished(&runner, &app::ExportRunner::finished);
        connect(&runner, &app::ExportRunner::progress, &runner, [&runner](int done, int total) {
            if (total > 0 && done >= 2)
                runner.cancel();
        });
        QVERIFY(runner.start(*request));
        QVERIFY(cancelled.wait(20000));
        QCOMPARE(finished.count(), 0);
        QVERIFY(!runner.isRunning());
        QVERIFY(!QFile::exists(path("cancelled.webm")));

        // A runner destroyed while its export runs: the export stops, leaves
        // nothing, and reports to no one.
        base.outputPath = path("orphan.webm").toStdString();
        const auto orphan = app::exportRequestForTimeline(*store, base, &why);
        QVERIFY(orphan);
        {
            app::ExportRunner shortLived;
            QVERIFY(shortLived.start(*orphan));
        }
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QVERIFY(!QFile::exists(path("orphan.webm")));
        QCOMPARE(QDir(m_root.path()).entryList({"*.partial"}, QDir::Files).size(), 0);
    }

    // Last: it adds a take the other tests do not expect.
    void aTakeWithoutAClipSaysWhyInWords()
    {
        qint64 failed = 0;
        {
            projects::ProjectError error;
            auto store = projects::ProjectStore::open(m_project, &error);
            QVERIFY2(store, qPrintable(error.message));
            projects::TakeRecord take;
            take.segmentId = store->segments().front().id;
            take.status = projects::TakeStatus::Failed;
            take.error = "out of memory";
            failed = store->addTake(take).value_or(0);
            QVERIFY(failed > 0);
        }
        const Result r = run(render({"--take", QString::number(failed), "--out", path("failed.mp4")}));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QString("Take %1 has no clip to export (it failed).").arg(failed)), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("failed.mp4")));
    }
};

QTEST_GUILESS_MAIN(TestCliRender)
#include "tst_cli_render.moc"
