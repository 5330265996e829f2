// Project bundles: a whole project and a subset of takes go out as one file
// and come back row for row and byte for byte; damaged files are refused
// without leaving anything behind.
#include <QCryptographicHash>
#include <QDirIterator>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include "projects/bundle_format.h"
#include "projects/project_bundle.h"
#include "projects/project_store.h"

using namespace cosmos::projects;

namespace {

// Every table as text rows: "type:value" per cell, so that a change of type
// (text for integer, empty for NULL) counts as a difference.
QMap<QString, QStringList> allRows(ProjectStore& store)
{
    QMap<QString, QStringList> tables;
    QSqlQuery names = querySql(
        store.database(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    QStringList list;
    while (names.next())
        list << names.value(0).toString();
    names.finish();
    for (const QString& table : list) {
        QStringList rows;
        QSqlQuery query = querySql(store.database(), QString("SELECT * FROM %1 ORDER BY rowid").arg(table));
        while (query.next()) {
            QStringList cells;
            for (int i = 0; i < query.record().count(); ++i)
                cells << (query.isNull(i) ? QString("NULL")
                                          : QString("%1:%2").arg(query.value(i).typeName(), query.value(i).toString()));
            rows << cells.join(" | ");
        }
        tables.insert(table, rows);
    }
    return tables;
}

// Every file under the project's media/ with its hash.
QMap<QString, QByteArray> mediaFiles(const QString& folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder + "/media", QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(folder).relativeFilePath(file.fileName()),
                QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

QStringList entriesOf(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

std::unique_ptr<ProjectStore> openReadOnly(const QString& folder)
{
    OpenOptions options;
    options.access = OpenOptions::Access::ReadOnly;
    ProjectError error;
    auto store = ProjectStore::open(folder, &error, options);
    if (!store)
        qFatal("%s", qPrintable(error.message));
    return store;
}

std::unique_ptr<ProjectStore> openForWriting(const QString& folder)
{
    ProjectError error;
    auto store = ProjectStore::open(folder, &error);
    if (!store)
        qFatal("%s", qPrintable(error.message));
    return store;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestBundle : public QObject {
    Q_OBJECT
private:
    QString path(const QString& name) const { return m_root.filePath(name); }

    struct Ids {
        qint64 segmentA = 0, segmentB = 0, segmentC = 0;
        qint64 takeA1 = 0, takeA2 = 0, takeB1 = 0, takeC1 = 0;
    };

    // Three segments (text; image with an asset; continue), four takes with
    // clips, thumbnails and latents, a model, jobs and a comparison board.
    Ids fillProject(const QString& folder)
    {
        ProjectError error;
        auto store = ProjectStore::create(folder, "Bouncing balls ☄", &error);
        if (!store)
            qFatal("%s", qPrintable(error.message));
        const MediaStore& media = store->media();
        const auto write = [&](const QByteArray& bytes, const char* subfolder, const char* suffix) {
            return *media.write(bytes, subfolder, suffix, nullptr);
        };
        const MediaRef image = write("a png of a ball", "assets", "png");
        execSql(store->database(),
            "INSERT INTO assets (id, kind, name, path, sha256, size_bytes, created_at) VALUES (7, 'image', 'ball.png',"
            " ?, ?, ?, '2025-01-02T03:04:05.678Z')",
            {image.path, image.sha256, image.sizeBytes});
        execSql(store->database(),
            "INSERT INTO models (id, name, config, weights_sha256, added_at) VALUES (3, 'nano', '{\"dim\":64}', 'abc',"
            " '2025-01-01T00:00:00.000Z')");
        Ids ids;
        SegmentRecord segment;
        segment.prompt = "a red ball is thrown";
        segment.settings = QJsonObject {{"steps", 35}, {"guidance", 7.5}, {"seed", 1}};
        segment.position = 99;
        ids.segmentA = *store->insertSegment(segment);
        segment.prompt = "it bounces";
        segment.conditioning = Conditioning::Image;
        segment.conditioningAssetId = 7;
        ids.segmentB = *store->insertSegment(segment);
        segment.prompt = "then it hits the wall";
        segment.negativePrompt = "blurry";
        segment.conditioning = Conditioning::Continue;
        segment.conditioningAssetId = 0;
        segment.stale = true;
        ids.segmentC = *store->insertSegment(segment);

        TakeRecord take;
        take.segmentId = ids.segmentA;
        take.params = QJsonObject {{"seed", 1}, {"prompt", "a red ball is thrown"}};
        take.provenance = QJsonObject {{"engine", "0.1.0"}, {"weights", "abc"}};
        take.status = TakeStatus::Done;
        take.clip = write("clip A1", "clips", "mp4");
        take.thumbnail = write("thumb A1", "thumbnails", "png");
        take.latents = write("latent A1", "latents", "safetensors");
        take.startedAt = QDateTime::currentDateTimeUtc().addSecs(-5);
        take.finishedAt = QDateTime::currentDateTimeUtc();
        take.durationMs = 5000;
        take.selected = true;
        ids.takeA1 = *store->addTake(take);
        execSql(store->database(), "UPDATE takes SET model_id = 3 WHERE id = ?", {ids.takeA1});
        TakeRecord failed;
        failed.segmentId = ids.segmentA;
        failed.status = TakeStatus::Failed;
        failed.error = "out of memory";
        ids.takeA2 = *store->addTake(failed);
        take.segmentId = ids.segmentB;
        take.clip = write("clip B1", "clips", "mp4");
        take.thumbnail = {};
        take.latents = {};
        ids.takeB1 = *store->addTake(take);
        take.segmentId = ids.segmentC;
        take.clip = write("clip C1", "clips", "mp4");
        take.latents = write("latent C1", "latents", "safetensors");
        ids.takeC1 = *store->addTake(take);

        JobRecord job;
        job.segmentId = ids.segmentA;
        job.request = QJsonObject {{"count", 2}};
        job.takeIds = {ids.takeA1, ids.takeA2};
        job.state = JobState::Done;
        store->enqueueJob(job);
        job.segmentId = ids.segmentC;
        job.takeIds = {};
        job.state = JobState::Pending;
        store->enqueueJob(job);
        execSql(store->database(),
            "INSERT INTO boards (id, name, position, layout, created_at) VALUES (1, 'seeds', 0, '{}', '2025-01-03')");
        execSql(store->database(), "INSERT INTO board_takes (board_id, take_id, position) VALUES (1, ?, 0), (1, ?, 1)",
            {ids.takeA1, ids.takeB1});
        if (!store->check().isClean())
            qFatal("the fixture project is not clean");
        return ids;
    }

    // A valid bundle of a fresh project, as bytes.
    QByteArray validBundle(const QString& name)
    {
        fillProject(path(name));
        auto store = openReadOnly(path(name));
        ProjectError error;
        if (!exportBundle(*store, path(name + ".bundle"), {}, &error))
            qFatal("%s", qPrintable(error.message));
        return readFile(path(name + ".bundle"));
    }

    // Importing `bytes` must fail with `code` and a message containing
    // `words`, leaving no project and no hidden staging folder.
    void expectRefused(const QByteArray& bytes, ProjectError::Code code, const QString& words)
    {
        const QString bundle = path("damaged.bundle");
        writeFile(bundle, bytes);
        const QString parent = path("imports");
        QDir().mkpath(parent);
        const QStringList before = entriesOf(parent);
        ProjectError error;
        QVERIFY(!importBundle(bundle, parent + "/project", &error));
        QCOMPARE(int(error.code), int(code));
        QVERIFY2(error.message.contains(words), qPrintable(error.message));
        QVERIFY2(error.message.contains(QDir::toNativeSeparators(bundle)), qPrintable(error.message));
        QCOMPARE(entriesOf(parent), before);
    }

    QTemporaryDir m_root;

private slots:
    void aRoundTripKeepsEveryRowAndEveryFile()
    {
        const Ids ids = fillProject(path("source"));
        const QByteArray databaseBefore = readFile(ProjectStore::databasePath(path("source")));
        {
            auto source = openReadOnly(path("source")); // export only reads
            ProjectError error;
            const auto exported = exportBundle(*source, path("whole.bundle"), {}, &error);
            QVERIFY2(exported, qPrintable(error.message));
            QCOMPARE(exported->segments, 3);
            QCOMPARE(exported->takes, 4);
            QCOMPARE(exported->mediaFiles, 7);
            QVERIFY(!QFileInfo::exists(path("whole.bundle.tmp")));
        }
        QCOMPARE(readFile(ProjectStore::databasePath(path("source"))), databaseBefore);

        ProjectError error;
        const auto imported = importBundle(path("whole.bundle"), path("copy"), &error);
        QVERIFY2(imported, qPrintable(error.message));
        QCOMPARE(imported->schemaVersion, schema::kCurrentVersion);
        QCOMPARE(imported->segments, 3);
        QCOMPARE(imported->takes, 4);

        auto source = openReadOnly(path("source"));
        auto copy = openForWriting(path("copy"));
        const auto sourceRows = allRows(*source);
        const auto copyRows = allRows(*copy);
        QCOMPARE(copyRows.keys(), sourceRows.keys());
        for (const QString& table : sourceRows.keys()) {
            QVERIFY2(!sourceRows[table].isEmpty(), qPrintable(table)); // the fixture fills every table
            QCOMPARE(copyRows[table].size(), sourceRows[table].size());
            for (int row = 0; row < sourceRows[table].size(); ++row)
                QCOMPARE(copyRows[table][row], sourceRows[table][row]);
        }
        QCOMPARE(copy->name(), QString("Bouncing balls ☄"));
        QCOMPARE(copy->selectedTakeId(ids.segmentA), ids.takeA1);
        QCOMPARE(mediaFiles(path("copy")), mediaFiles(path("source")));
        QVERIFY(copy->check().isClean());
        // Only the project: no lock, no journal, no staging folder.
        QCOMPARE(entriesOf(path("copy")),
            (QStringList {"media", "project.lock", "project.sqlite", "project.sqlite-shm", "project.sqlite-wal"}));
        copy.reset();
        QCOMPARE(entriesOf(path("copy")), (QStringList {"media", "project.sqlite"}));
        for (const QString& entry : entriesOf(m_root.path()))
            QVERIFY2(!entry.startsWith("."), qPrintable(entry));
    }

    void aSubsetHoldsExactlyTheChosenTakesAndWhatTheyNeed()
    {
        const Ids ids = fillProject(path("subset-source"));
        auto source = openReadOnly(path("subset-source"));
        ProjectError error;
        QVERIFY(!exportBundle(*source, path("none.bundle"), {ids.takeC1, 12345}, &error));
        QCOMPARE(int(error.code), int(ProjectError::Code::InvalidArgument));
        QVERIFY(!QFileInfo::exists(path("none.bundle")));

        const auto exported = exportBundle(*source, path("subset.bundle"), {ids.takeC1, ids.takeB1}, &error);
        QVERIFY2(exported, qPrintable(error.message));
        QCOMPARE(exported->takes, 2);
        QCOMPARE(exported->segments, 2);
        QVERIFY2(importBundle(path("subset.bundle"), path("subset-copy"), &error), qPrintable(error.message));
        auto copy = openForWriting(path("subset-copy"));

        const QList<SegmentRecord> segments = copy->segments();
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments[0].id, ids.segmentB);
        QCOMPARE(segments[0].position, 0);
        QCOMPARE(segments[0].conditioningAssetId, qint64(7));
        QCOMPARE(segments[1].id, ids.segmentC);
        QCOMPARE(segments[1].position, 1);
        QCOMPARE(segments[1].prompt, source->segment(ids.segmentC)->prompt);
        QCOMPARE(copy->takes(ids.segmentB).size(), 1);
        QCOMPARE(copy->takes(ids.segmentB).first().id, ids.takeB1);
        QCOMPARE(copy->takes(ids.segmentC).size(), 1);
        QCOMPARE(copy->takes(ids.segmentC).first().id, ids.takeC1);
        QVERIFY(!copy->take(ids.takeA1));
        QVERIFY(!copy->take(ids.takeA2));
        const ProjectSummary summary = copy->summary();
        QCOMPARE(summary.takes, 2);
        QCOMPARE(summary.jobs, 0);
        // The take rows are the source's own, cell for cell.
        const QStringList sourceTakes = allRows(*source)["takes"];
        const QStringList copyTakes = allRows(*copy)["takes"];
        QCOMPARE(copyTakes.size(), 2);
        for (const QString& row : copyTakes)
            QVERIFY2(sourceTakes.contains(row), qPrintable(row));
        QCOMPARE(allRows(*copy)["assets"], allRows(*source)["assets"]);
        QVERIFY(allRows(*copy)["board_takes"].isEmpty());
        // Exactly the media of these takes and their segment's asset: the
        // check would report anything more as orphaned.
        QVERIFY(copy->check().isClean());
        QCOMPARE(mediaFiles(path("subset-copy")).size(), 4); // B1 clip, C1 clip and latent, the image
    }

    void damagedBundlesAreRefusedAndLeaveNothing()
    {
        const QByteArray bundle = validBundle("damage-source");
        const qint64 header = bundle::kHeaderBytes;
        // Cut anywhere: in the header, in the manifest, inside the media, one byte short.
        for (const qint64 size :
            {qint64(5), header - 1, header + 10, qint64(bundle.size() / 2), qint64(bundle.size() - 1)}) {
            const QString words = size < 8 ? "not a Cosmos Studio project bundle" : "truncated";
            expectRefused(bundle.left(size), ProjectError::Code::Corrupt, words);
        }
        expectRefused(bundle + "x", ProjectError::Code::Corrupt, "1 bytes more");
        QByteArray flipped = bundle;
        flipped[flipped.size() - 2] = char(flipped[flipped.size() - 2] ^ 0x20); // inside the last media file
        expectRefused(flipped, ProjectError::Code::Corrupt, "does not match its hash");
        flipped = bundle;
        flipped[header + 20] = char(flipped[header + 20] ^ 0x01); // inside the manifest
        expectRefused(flipped, ProjectError::Code::Corrupt, "manifest is damaged");
        expectRefused(QByteArray(4096, 'z'), ProjectError::Code::Corrupt, "not a Cosmos Studio project bundle");
        expectRefused(QByteArray(), ProjectError::Code::Corrupt, "not a Cosmos Studio project bundle");
    }

    void manifestsThatDoNotFitAreRefused()
    {
        bundle::Manifest manifest;
        manifest.schemaVersion = schema::kCurrentVersion + 1;
        manifest.tables.append({"project", {"id", "name", "created_at"}, {{1, "p", "2025"}}});
        QByteArray json = bundle::encodeManifest(manifest);
        expectRefused(bundle::encodeHeader(json) + json, ProjectError::Code::NewerVersion, "newer Cosmos Studio");

        manifest.schemaVersion = schema::kCurrentVersion;
        manifest.tables.append({"segments", {"id", "position", "mood"}, {{1, 0, "sad"}}});
        json = bundle::encodeManifest(manifest);
        expectRefused(bundle::encodeHeader(json) + json, ProjectError::Code::Corrupt, "segments.mood");

        // A row naming a clip the bundle does not carry.
        manifest.tables.removeLast();
        manifest.tables.append({"segments", {"id", "position"}, {{1, 0}}});
        manifest.tables.append(
            {"takes", {"id", "segment_id", "status", "clip_path", "clip_sha256", "clip_size", "created_at"},
                {{1, 1, "done", "media/clips/x.mp4", QString(64, 'a'), 3, "2025"}}});
        json = bundle::encodeManifest(manifest);
        expectRefused(bundle::encodeHeader(json) + json, ProjectError::Code::Corrupt, "missing: media/clips/x.mp4");

        manifest.media.append({"media/../../escape.txt", QString(64, 'a'), 0});
        json = bundle::encodeManifest(manifest);
        expectRefused(bundle::encodeHeader(json) + json, ProjectError::Code::Corrupt, "not a plain path");
        QVERIFY(bundle::isSafeMediaPath("media/clips/ab.mp4"));
        for (const char* bad : {"/media/x", "media/../x", "media/./x", "media//x", "clips/x", "media", "media\\x"})
            QVERIFY2(!bundle::isSafeMediaPath(bad), bad);
    }

    void importWantsANewOrEmptyFolder()
    {
        const QByteArray bundle = validBundle("folder-source");
        writeFile(path("folder.bundle"), bundle);
        QDir().mkpath(path("occupied"));
        writeFile(path("occupied/notes.txt"), "mine");
        ProjectError error;
        QVERIFY(!importBundle(path("folder.bundle"), path("occupied"), &error));
        QCOMPARE(int(error.code), int(ProjectError::Code::AlreadyExists));
        QCOMPARE(entriesOf(path("occupied")), QStringList {"notes.txt"});
        QCOMPARE(readFile(path("occupied/notes.txt")), QByteArray("mine"));

        QDir().mkpath(path("empty"));
        QVERIFY2(importBundle(path("folder.bundle"), path("empty"), &error), qPrintable(error.message));
        QVERIFY(openForWriting(path("empty"))->check().isClean());
        QVERIFY2(importBundle(path("folder.bundle"), path("deep/new/folder"), &error), qPrintable(error.message));
    }

    void anOlderFormatIsMigratedOnImport()
    {
        const QString folder = path("old-source");
        {
            ProjectError error;
            OpenOptions old;
            old.targetVersion = 1;
            auto store = ProjectStore::create(folder, "old", &error, old);
            QVERIFY(store);
            const qint64 segment = *store->insertSegment({});
            TakeRecord take;
            take.segmentId = segment;
            take.status = TakeStatus::Done;
            take.clip = *store->media().write("old clip", "clips", "mp4", nullptr);
            QVERIFY(store->addTake(take));
        }
        auto source = openReadOnly(folder); // read-only: still format 1
        QCOMPARE(source->schemaVersion(), 1);
        ProjectError error;
        const auto exported = exportBundle(*source, path("old.bundle"), {}, &error);
        QVERIFY2(exported, qPrintable(error.message));
        QCOMPARE(exported->schemaVersion, 1);
        const auto imported = importBundle(path("old.bundle"), path("old-copy"), &error);
        QVERIFY2(imported, qPrintable(error.message));
        QCOMPARE(imported->schemaVersion, schema::kCurrentVersion);
        auto copy = openForWriting(path("old-copy"));
        QCOMPARE(copy->recovery().migratedFromVersion, 0); // migrated during the import
        QCOMPARE(copy->summary().takes, 1);
        QVERIFY(copy->check().isClean());
    }

    void exportRefusesAProjectWithDamagedMedia()
    {
        fillProject(path("broken-source"));
        auto store = openReadOnly(path("broken-source"));
        const QString clip = store->take(1)->clip.path;
        writeFile(store->media().absolutePath(clip), "changed");
        ProjectError error;
        QVERIFY(!exportBundle(*store, path("broken.bundle"), {}, &error));
        QCOMPARE(int(error.code), int(ProjectError::Code::Corrupt));
        QVERIFY2(error.message.contains(clip), qPrintable(error.message));
        QVERIFY(!QFileInfo::exists(path("broken.bundle")));
    }
};

QTEST_GUILESS_MAIN(TestBundle)
#include "tst_bundle.moc"
