// cosmos-cli project new|info|check, run as the real executable against
// project folders that the test fills and damages through the store.
#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "projects/project_store.h"
#include "tests/support/cli_process.h"

using namespace cosmos::projects;

namespace {

// Every file under `folder` with the SHA-256 of its content: equal listings
// mean nothing was written, added or removed.
QMap<QString, QByteArray> snapshot(const QString& folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(folder).relativeFilePath(file.fileName()),
                QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

QJsonObject jsonOf(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QStringList listOf(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list << item.toString();
    return list;
}

} // namespace

class TestCliProject : public QObject {
    Q_OBJECT
private:
    using Result = cosmos::tests::CliResult;
    Result run(const QStringList& arguments) { return cosmos::tests::runCosmosCli(arguments, m_home.path()); }
    QString folder(const QString& name) const { return m_root.filePath(name); }

    // A project with one segment, one done take with a clip, and one job.
    MediaRef makeProjectWithATake(const QString& dir)
    {
        const Result made = run({"project", "new", dir});
        if (made.code != 0)
            qFatal("project new failed: %s", qPrintable(made.err));
        ProjectError error;
        auto store = ProjectStore::open(dir, &error);
        if (!store)
            qFatal("%s", qPrintable(error.message));
        SegmentRecord segment;
        segment.prompt = "a red ball";
        const qint64 segmentId = store->insertSegment(segment).value_or(0);
        const MediaRef clip = *store->media().write("clip bytes", "clips", "mp4", nullptr);
        TakeRecord take;
        take.segmentId = segmentId;
        take.status = TakeStatus::Done;
        take.clip = clip;
        const qint64 takeId = store->addTake(take).value_or(0);
        JobRecord job;
        job.segmentId = segmentId;
        job.takeIds = {takeId};
        job.state = JobState::Done;
        store->enqueueJob(job);
        return clip;
    }

    QTemporaryDir m_home;
    QTemporaryDir m_root;

private slots:
    void newThenInfoShowsTheVersionAndNothingInIt()
    {
        const QString dir = folder("fresh");
        Result r = run({"project", "new", dir, "--name", "My world"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFileInfo(ProjectStore::databasePath(dir)).isFile());
        QVERIFY(QFileInfo(dir + "/media").isDir());

        r = run({"project", "info", dir, "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject info = jsonOf(r.out);
        QCOMPARE(info["schema_version"].toInt(), schema::kCurrentVersion);
        QCOMPARE(info["name"].toString(), QString("My world"));
        QCOMPARE(info["segments"].toInt(-1), 0);
        QCOMPARE(info["takes"].toInt(-1), 0);
        QCOMPARE(info["jobs"].toInt(-1), 0);

        r = run({"project", "info", dir});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QString("format:   %1").arg(schema::kCurrentVersion)), qPrintable(r.out));

        r = run({"project", "new", dir});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("already holds a project"), qPrintable(r.err));
    }

    void infoCountsRowsAndChangesNothing()
    {
        const QString dir = folder("counted");
        makeProjectWithATake(dir);
        const auto before = snapshot(dir);
        const Result r = run({"project", "info", dir, "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject info = jsonOf(r.out);
        QCOMPARE(info["segments"].toInt(), 1);
        QCOMPARE(info["takes"].toInt(), 1);
        QCOMPARE(info["jobs"].toInt(), 1);
        QCOMPARE(info["jobs_by_state"].toObject()["done"].toInt(), 1);
        QCOMPARE(run({"project", "check", dir}).code, 0);
        // No byte changed and no file (not even SQLite's -wal or -shm) appeared.
        QCOMPARE(snapshot(dir), before);
    }

    void boardGathersTakes()
    {
        const QString dir = folder("boarded");
        makeProjectWithATake(dir);
        qint64 second = 0;
        {
            ProjectError error;
            auto store = ProjectStore::open(dir, &error);
            QVERIFY2(store, qPrintable(error.message));
            TakeRecord take = store->takes(store->segments().first().id).first();
            take.id = 0;
            second = store->addTake(take).value_or(0);
            QVERIFY(second > 0);
        }
        Result r = run({"project", "board", dir, "--name", "seeds", "--takes", QString("1,%1").arg(second)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        ProjectError error;
        auto store = ProjectStore::open(dir, &error);
        QCOMPARE(store->boards().size(), 1);
        QCOMPARE(store->boards().first().name, QString("seeds"));
        QCOMPARE(store->boardTakes(store->boards().first().id), (QList<qint64> {1, second}));
        store.reset();
        // A missing take is refused with a message; bad arguments are usage errors.
        r = run({"project", "board", dir, "--name", "bad", "--takes", "1,99"});
        QCOMPARE(r.code, 1);
        QVERIFY(!r.err.isEmpty());
        store = ProjectStore::open(dir, &error);
        QCOMPARE(store->boards().size(), 1); // nothing of the refused board is left
        store.reset();
        QCOMPARE(run({"project", "board", dir, "--name", "one", "--takes", "1"}).code, 2);
        QCOMPARE(run({"project", "board", dir, "--takes", "1,x"}).code, 2);
    }

    void checkReportsMissingCorruptAndOrphanedMedia()
    {
        const QString dir = folder("checked");
        const MediaRef clip = makeProjectWithATake(dir);
        Result r = run({"project", "check", dir});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains("OK"));

        const QString clipFile = dir + "/" + clip.path;
        QVERIFY(QFile::remove(clipFile));
        r = run({"project", "check", dir, "--json"});
        QCOMPARE(r.code, 1);
        QJsonObject report = jsonOf(r.out);
        QCOMPARE(report["clean"].toBool(true), false);
        QCOMPARE(listOf(report["missing"]), QStringList {clip.path});
        QCOMPARE(listOf(report["integrity"]), QStringList {"ok"});

        QFile damaged(clipFile);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("not the clip");
        damaged.close();
        QFile stray(dir + "/media/clips/stray.bin");
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.close();
        r = run({"project", "check", dir, "--json"});
        QCOMPARE(r.code, 1);
        report = jsonOf(r.out);
        QVERIFY(listOf(report["missing"]).isEmpty());
        QCOMPARE(listOf(report["corrupt"]), QStringList {clip.path});
        QCOMPARE(listOf(report["orphaned"]), QStringList {"media/clips/stray.bin"});

        r = run({"project", "check", dir}); // the same, for people
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("media/clips/stray.bin") && r.out.contains(clip.path), qPrintable(r.out));
        QVERIFY(r.out.contains("FAILED"));
    }

    void randomBytesAreExplainedAndLeftUntouched()
    {
        const QString dir = folder("random");
        QVERIFY(QDir().mkpath(dir));
        QFile file(ProjectStore::databasePath(dir));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes(32 * 1024, '\0');
        for (char& byte : bytes)
            byte = char(QRandomGenerator::global()->bounded(256));
        file.write(bytes);
        file.close();
        const auto before = snapshot(dir);
        for (const char* command : {"info", "check"}) {
            const Result r = run({"project", command, dir});
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains("is damaged or is not a database"), qPrintable(r.err));
            QVERIFY2(r.err.contains("untouched"), qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
        QCOMPARE(snapshot(dir), before);
    }

    void aNewerProjectCanStillBeDescribed()
    {
        const QString dir = folder("newer");
        {
            ProjectError error;
            auto store = ProjectStore::create(dir, "future", &error);
            QVERIFY(store);
            QVERIFY(execSql(store->database(), QString("PRAGMA user_version = %1").arg(schema::kCurrentVersion + 1)));
        }
        const auto before = snapshot(dir);
        const Result r = run({"project", "info", dir});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("newer than this Cosmos Studio"), qPrintable(r.out));
        QCOMPARE(snapshot(dir), before);
    }

    void exportAndImportABundle()
    {
        const QString dir = folder("exported");
        makeProjectWithATake(dir);
        const auto before = snapshot(dir);
        const QString bundle = folder("exported.bundle");
        Result r = run({"project", "export", dir, "--out", bundle});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("1 segments, 1 takes, 1 media files"), qPrintable(r.out));
        QCOMPARE(snapshot(dir), before);

        r = run({"project", "import", bundle, "--into", folder("imported")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run({"project", "info", folder("imported"), "--json"});
        QCOMPARE(jsonOf(r.out)["takes"].toInt(), 1);
        QCOMPARE(jsonOf(r.out)["jobs"].toInt(), 1);
        QCOMPARE(run({"project", "check", folder("imported")}).code, 0);

        r = run({"project", "export", dir, "--out", folder("some.bundle"), "--takes", "1"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(run({"project", "import", folder("some.bundle"), "--into", folder("some")}).code == 0, "subset");
        QCOMPARE(jsonOf(run({"project", "info", folder("some"), "--json"}).out)["jobs"].toInt(-1), 0);

        QFile cut(bundle);
        QVERIFY(cut.resize(cut.size() - 3));
        r = run({"project", "import", bundle, "--into", folder("from-cut")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("truncated") && r.err.contains("Nothing was written"), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(folder("from-cut")));
        r = run({"project", "import", folder("some.bundle"), "--into", folder("imported")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("not empty"), qPrintable(r.err));
        QCOMPARE(run({"project", "export", dir}).code, 2); // no --out
        QCOMPARE(run({"project", "export", dir, "--out", bundle, "--takes", "1,x"}).code, 2);
    }

    void errorsAndUsage()
    {
        Result r = run({"project", "info", folder("nowhere")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("There is no project"), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(folder("nowhere")));
        QCOMPARE(run({"project"}).code, 2);
        r = run({"project", "frobnicate"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown command 'frobnicate'"));
        QCOMPARE(run({"project", "info"}).code, 2);
        QCOMPARE(run({"project", "check", "a", "b"}).code, 2);
        QCOMPARE(run({"project", "info", "--help"}).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliProject)
#include "tst_cli_project.moc"
