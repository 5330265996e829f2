// cosmos-cli generate --project: takes recorded into a project, run as the
// real executable on the nano architecture with seeded random weights.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "projects/project_store.h"
#include "tests/support/cli_process.h"

using namespace cosmos::projects;

class TestCliGenerateProject : public QObject {
    Q_OBJECT
private:
    using Result = cosmos::tests::CliResult;
    Result run(const QStringList& arguments) { return cosmos::tests::runCosmosCli(arguments, m_home.path()); }
    QString folder(const QString& name) const { return m_root.filePath(name); }

    static QStringList generate(const QString& project, const QString& prompt, const QString& seed = "1")
    {
        return {"generate", "--project", project, "--random-weights", "1", "--config", "nano", "--tokenizer",
            COSMOS_SOURCE_DIR "/tests/fixtures/tokenizer/tokenizer.json", "--frames", "5", "--steps", "2", "--seed",
            seed, "--prompt", prompt};
    }

    QString newProject(const QString& name)
    {
        const Result r = run({"project", "new", folder(name)});
        if (r.code != 0)
            qFatal("%s", qPrintable(r.err));
        return folder(name);
    }

    QJsonObject info(const QString& project)
    {
        const Result r = run({"project", "info", project, "--json"});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    QTemporaryDir m_home;
    QTemporaryDir m_root;

private slots:
    void twoTakesGoIntoOneSegment()
    {
        const QString project = newProject("one-segment");
        Result r = run(generate(project, "a red ball bounces"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("recorded take 1 in segment 1"), qPrintable(r.out));
        r = run(generate(project, "a red ball bounces twice", "2"));
        QVERIFY2(r.code == 0, qPrintable(r.err));

        const QJsonObject summary = info(project);
        QCOMPARE(summary["segments"].toInt(), 1);
        QCOMPARE(summary["takes"].toInt(), 2);
        r = run({"project", "check", project});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

        ProjectError error;
        auto store = ProjectStore::open(project, &error);
        QVERIFY2(store, qPrintable(error.message));
        const SegmentRecord segment = store->segments().first();
        QCOMPARE(segment.prompt, QString("a red ball bounces")); // made by the first take
        QCOMPARE(segment.settings["steps"].toInt(), 2);
        const QList<TakeRecord> takes = store->takes(segment.id);
        QCOMPARE(takes.size(), 2);
        for (const TakeRecord& take : takes) {
            QCOMPARE(take.status, TakeStatus::Done);
            QVERIFY(take.clip.path.startsWith("media/clips/") && take.clip.path.endsWith(".mp4"));
            QVERIFY(take.latents.path.startsWith("media/latents/")); // for a later Continue
            QCOMPARE(MediaStore::sha256OfFile(store->media().absolutePath(take.clip.path)), take.clip.sha256);
            QVERIFY(take.startedAt.isValid() && take.finishedAt.isValid());
            QVERIFY(take.finishedAt >= take.startedAt);
            QCOMPARE(take.durationMs, take.startedAt.msecsTo(take.finishedAt));
            QCOMPARE(take.params["frames"].toInt(), 5);
            QCOMPARE(take.params["random_weights_seed"].toInt(), 1);
            QCOMPARE(take.provenance["prompt"].toString(), take.params["prompt"].toString());
        }
        QCOMPARE(takes[0].params["seed"].toInt(), 1);
        QCOMPARE(takes[1].params["seed"].toInt(), 2);
        QCOMPARE(takes[1].provenance["seed"].toInt(), 2);
        QVERIFY(takes[0].selected); // the segment's first take
        QVERIFY(!takes[1].selected);
    }

    void segmentTwoIsAddedAfterTheFirst()
    {
        const QString project = newProject("two-segments");
        Result r = run(generate(project, "a red ball is thrown"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run(generate(project, "then it hits the wall") << "--segment"
                                                           << "2");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("in segment 2"), qPrintable(r.out));
        QJsonObject summary = info(project);
        QCOMPARE(summary["segments"].toInt(), 2);
        QCOMPARE(summary["takes"].toInt(), 2);
        QCOMPARE(run({"project", "check", project}).code, 0);

        r = run(generate(project, "too far") << "--segment"
                                             << "4");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("segment 1 to 3"), qPrintable(r.err));
        summary = info(project);
        QCOMPARE(summary["segments"].toInt(), 2);
        QCOMPARE(summary["takes"].toInt(), 2);
    }

    void aNamedClipIsWrittenAndKept()
    {
        const QString project = newProject("named");
        const QString out = folder("named.webm");
        const Result r = run(generate(project, "a ball") << "--out" << out << "--json");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["prompt"].toString(), QString("a ball"));
        ProjectError error;
        auto store = ProjectStore::open(project, &error);
        QVERIFY(store);
        const TakeRecord take = store->takes(store->segments().first().id).first();
        QVERIFY(take.clip.path.endsWith(".webm"));
        QCOMPARE(take.clip.sha256, MediaStore::sha256OfFile(out));
    }

    void aFailedTakeIsRecordedWithWhy()
    {
        const QString project = newProject("failing");
        QCOMPARE(run(generate(project, "a ball")).code, 0);
        const Result r = run(generate(project, "a ball") << "--video" << folder("missing.mp4"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("missing.mp4"), qPrintable(r.err));
        ProjectError error;
        auto store = ProjectStore::open(project, &error);
        QVERIFY(store);
        const QList<TakeRecord> takes = store->takes(store->segments().first().id);
        QCOMPARE(takes.size(), 2);
        QCOMPARE(takes[1].status, TakeStatus::Failed);
        QVERIFY2(takes[1].error.contains("missing.mp4"), qPrintable(takes[1].error));
        QVERIFY(takes[1].clip.isNull());
        store.reset();
        QCOMPARE(run({"project", "check", project}).code, 0);
    }

    void badProjectArgumentsAreExplained()
    {
        Result r = run(generate(folder("nowhere"), "a ball"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("There is no project"), qPrintable(r.err));
        const QString project = newProject("args");
        r = run(generate(project, "a ball") << "--out" << folder("frame_%04d.png"));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("must be an .mp4, .webm or .gif"), qPrintable(r.err));
        r = run(generate(project, "a ball") << "--segment"
                                            << "x");
        QCOMPARE(r.code, 2);
        const QStringList withoutProject = generate(project, "a ball").mid(3);
        r = run(QStringList {"generate"} + withoutProject + QStringList {"--out", folder("x.mp4"), "--segment", "1"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--segment needs --project"), qPrintable(r.err));
        QCOMPARE(info(project)["takes"].toInt(-1), 0);
        QCOMPARE(info(project)["segments"].toInt(-1), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliGenerateProject)
#include "tst_cli_generate_project.moc"
