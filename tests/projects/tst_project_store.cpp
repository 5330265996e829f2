// The project store: creating, opening, migrating, refusing, and the rows.
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "projects/project_store.h"
#include "projects/sql_connection.h"

using namespace cosmos::projects;

namespace {

QByteArray checksum(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QStringList tablesOf(ProjectStore& store)
{
    QStringList tables;
    QSqlQuery query = querySql(store.database(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (query.next())
        tables << query.value(0).toString();
    return tables;
}

int userVersion(ProjectStore& store)
{
    QSqlQuery query = querySql(store.database(), "PRAGMA user_version");
    return query.next() ? query.value(0).toInt() : -1;
}

// Writes a plain SQLite file of another kind through its own connection.
void writeForeignDatabase(const QString& path)
{
    SqlConnection connection;
    QVERIFY(connection.open(path, SqlConnection::Mode::ReadWrite, nullptr));
    QVERIFY(execSql(connection.db(), "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"));
    QVERIFY(execSql(connection.db(), "INSERT INTO notes (text) VALUES ('hello')"));
}

} // namespace

class TestProjectStore : public QObject {
    Q_OBJECT
private:
    QString folder(const QString& name) { return m_root.filePath(name); }
    QTemporaryDir m_root;

    // Opening must fail with `code`, a message, and leave the file as it was.
    void expectRefusedUntouched(const QString& dir, ProjectError::Code code)
    {
        const QString path = ProjectStore::databasePath(dir);
        const QByteArray before = checksum(path);
        const qint64 sizeBefore = QFileInfo(path).size();
        ProjectError error;
        QVERIFY(!ProjectStore::open(dir, &error));
        QCOMPARE(int(error.code), int(code));
        QVERIFY2(error.message.contains(QDir::toNativeSeparators(path)), qPrintable(error.message));
        QVERIFY2(error.message.contains("untouched"), qPrintable(error.message));
        QCOMPARE(checksum(path), before);
        QCOMPARE(QFileInfo(path).size(), sizeBefore);
        QVERIFY(!QFileInfo::exists(path + "-wal") || QFileInfo(path + "-wal").size() == 0);
    }

private slots:
    void createsAProjectFolder()
    {
        ProjectError error;
        auto store = ProjectStore::create(folder("new"), "My world", &error);
        QVERIFY2(store, qPrintable(error.message));
        QCOMPARE(store->schemaVersion(), schema::kCurrentVersion);
        QCOMPARE(userVersion(*store), schema::kCurrentVersion);
        QCOMPARE(store->name(), QString("My world"));
        QVERIFY(QFileInfo(folder("new/media")).isDir());
        QSqlQuery mode = querySql(store->database(), "PRAGMA journal_mode");
        QVERIFY(mode.next());
        QCOMPARE(mode.value(0).toString(), QString("wal"));
        QSqlQuery keys = querySql(store->database(), "PRAGMA foreign_keys");
        QVERIFY(keys.next());
        QCOMPARE(keys.value(0).toInt(), 1);
        keys.finish();
        mode.finish();
        for (const char* table :
            {"project", "segments", "takes", "jobs", "job_takes", "assets", "boards", "board_takes", "models"})
            QVERIFY2(tablesOf(*store).contains(table), table);
        store.reset();

        QVERIFY(!ProjectStore::create(folder("new"), "again", &error));
        QCOMPARE(int(error.code), int(ProjectError::Code::AlreadyExists));
        store = ProjectStore::open(folder("new"), &error);
        QVERIFY2(store, qPrintable(error.message));
        QCOMPARE(store->recovery().migratedFromVersion, 0);
    }

    void oneWriterAtATime()
    {
        ProjectError error;
        auto first = ProjectStore::create(folder("locked"), "p", &error);
        QVERIFY(first);
        QVERIFY(!ProjectStore::open(folder("locked"), &error));
        QCOMPARE(int(error.code), int(ProjectError::Code::Locked));
        QVERIFY(error.canOpenReadOnlyCopy);
        OpenOptions readOnly;
        readOnly.access = OpenOptions::Access::ReadOnly;
        auto reader = ProjectStore::open(folder("locked"), &error, readOnly);
        QVERIFY2(reader, qPrintable(error.message));
        QCOMPARE(reader->name(), QString("p"));
        QVERIFY(!reader->setName("x"));
        QCOMPARE(int(reader->lastError().code), int(ProjectError::Code::ReadOnly));
        first.reset();
        QVERIFY(ProjectStore::open(folder("locked"), &error));
    }

    void ownerlessLockLeftByAKillIsTakenOver()
    {
        // A writer killed between creating its lock file and writing its
        // owner into it leaves an empty lock behind.
        ProjectError error;
        QVERIFY(ProjectStore::create(folder("ownerless"), "p", &error));
        QFile lock(QDir(folder("ownerless")).filePath(QLatin1String(ProjectStore::kLockName)));
        QVERIFY(lock.open(QIODevice::WriteOnly | QIODevice::Truncate));
        lock.close();
        QVERIFY(lock.exists());
        auto store = ProjectStore::open(folder("ownerless"), &error);
        QVERIFY2(store, qPrintable(error.message));
        QCOMPARE(store->name(), QString("p"));
        // ... and the taken-over lock works: a second writer is refused.
        QVERIFY(!ProjectStore::open(folder("ownerless"), &error));
        QCOMPARE(int(error.code), int(ProjectError::Code::Locked));
    }

    // Every older schema version: a fixture built from the DDL kept in the
    // migration code, filled with rows, then opened by the current code.
    void everyOlderVersionMigrates()
    {
        for (int version = 1; version < schema::kCurrentVersion; ++version) {
            const QString dir = folder(QString("v%1").arg(version));
            ProjectError error;
            OpenOptions old;
            old.targetVersion = version;
            {
                auto store = ProjectStore::create(dir, "old", &error, old);
                QVERIFY2(store, qPrintable(error.message));
                QCOMPARE(userVersion(*store), version);
                SegmentRecord segment;
                segment.prompt = "a red ball";
                const auto segmentId = store->insertSegment(segment);
                QVERIFY(segmentId);
                TakeRecord take;
                take.segmentId = *segmentId;
                take.status = TakeStatus::Done;
                QVERIFY(store->addTake(take));
            }
            auto store = ProjectStore::open(dir, &error);
            QVERIFY2(store, qPrintable(error.message));
            QCOMPARE(store->recovery().migratedFromVersion, version);
            QCOMPARE(userVersion(*store), schema::kCurrentVersion);
            QVERIFY(tablesOf(*store).contains("models"));
            QCOMPARE(store->segments().size(), 1);
            QCOMPARE(store->segments().first().prompt, QString("a red ball"));
            QCOMPARE(store->takes(store->segments().first().id).size(), 1);
            QVERIFY(store->check().isClean());
        }
    }

    void aFailedMigrationRollsBackCompletely()
    {
        const QString dir = folder("failing");
        ProjectError error;
        OpenOptions old;
        old.targetVersion = 1;
        QVERIFY(ProjectStore::create(dir, "old", &error, old));
        const QByteArray before = checksum(ProjectStore::databasePath(dir));
        OpenOptions failing;
        failing.migrationHook = [](int version) { return version != 2; };
        QVERIFY(!ProjectStore::open(dir, &error, failing));
        QCOMPARE(int(error.code), int(ProjectError::Code::MigrationFailed));
        QVERIFY2(error.message.contains("nothing was changed"), qPrintable(error.message));

        OpenOptions readOnly;
        readOnly.access = OpenOptions::Access::ReadOnly;
        auto store = ProjectStore::open(dir, &error, readOnly);
        QVERIFY(store);
        QCOMPARE(userVersion(*store), 1);
        QVERIFY(!tablesOf(*store).contains("boards"));
        QVERIFY(!tablesOf(*store).contains("models"));
        store.reset();
        // Checkpointed by the last close: the main file is as before.
        QCOMPARE(checksum(ProjectStore::databasePath(dir)), before);
        QVERIFY(ProjectStore::open(dir, &error)); // and a later open migrates
    }

    void randomBytesAreRefusedUntouched()
    {
        const QString dir = folder("random");
        QDir().mkpath(dir);
        QFile file(ProjectStore::databasePath(dir));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray bytes(64 * 1024, '\0');
        for (char& byte : bytes)
            byte = char(QRandomGenerator::global()->bounded(256));
        file.write(bytes);
        file.close();
        expectRefusedUntouched(dir, ProjectError::Code::Corrupt);
        ProjectError error;
        QVERIFY(!ProjectStore::open(dir, &error));
        QVERIFY(error.canOpenReadOnlyCopy);
    }

    void aForeignDatabaseIsRefusedUntouched()
    {
        const QString dir = folder("foreign");
        QDir().mkpath(dir);
        writeForeignDatabase(ProjectStore::databasePath(dir));
        expectRefusedUntouched(dir, ProjectError::Code::NotAProject);
    }

    void aNewerVersionIsRefusedUntouchedButCanBeReadFromACopy()
    {
        const QString dir = folder("newer");
        {
            ProjectError error;
            auto store = ProjectStore::create(dir, "from the future", &error);
            QVERIFY(store);
            QVERIFY(execSql(store->database(), QString("PRAGMA user_version = %1").arg(schema::kCurrentVersion + 1)));
        }
        expectRefusedUntouched(dir, ProjectError::Code::NewerVersion);
        ProjectError error;
        QVERIFY(!ProjectStore::open(dir, &error));
        QVERIFY(error.canOpenReadOnlyCopy);
        QVERIFY2(error.message.contains("newer"), qPrintable(error.message));

        const QByteArray before = checksum(ProjectStore::databasePath(dir));
        auto copy = ProjectStore::openReadOnlyCopy(dir, &error);
        QVERIFY2(copy, qPrintable(error.message));
        QVERIFY(copy->isReadOnly());
        QCOMPARE(copy->schemaVersion(), schema::kCurrentVersion + 1);
        QCOMPARE(copy->name(), QString("from the future"));
        QCOMPARE(copy->folder(), QDir::cleanPath(dir));
        QVERIFY(!copy->insertSegment({}));
        copy.reset();
        QCOMPARE(checksum(ProjectStore::databasePath(dir)), before);
    }

    void aMissingProjectIsExplained()
    {
        ProjectError error;
        QVERIFY(!ProjectStore::open(folder("nowhere"), &error));
        QCOMPARE(int(error.code), int(ProjectError::Code::NotFound));
        QVERIFY(!QFileInfo::exists(folder("nowhere")));
    }

    void segmentsKeepTheirOrder()
    {
        ProjectError error;
        auto store = ProjectStore::create(folder("segments"), "p", &error);
        QVERIFY(store);
        QList<qint64> ids;
        for (const char* prompt : {"a", "b", "c", "d"}) {
            SegmentRecord record;
            record.prompt = prompt;
            record.position = 99; // clamped: appended
            ids << store->insertSegment(record).value_or(0);
        }
        const auto prompts = [&] {
            QString text;
            for (const SegmentRecord& segment : store->segments())
                text += segment.prompt;
            return text;
        };
        QCOMPARE(prompts(), QString("abcd"));
        QVERIFY(store->moveSegment(ids[0], 2));
        QCOMPARE(prompts(), QString("bcad"));
        QVERIFY(store->moveSegment(ids[3], 0));
        QCOMPARE(prompts(), QString("dbca"));
        QVERIFY(store->removeSegment(ids[1]));
        QCOMPARE(prompts(), QString("dca"));
        SegmentRecord restored;
        restored.id = ids[1];
        restored.prompt = "b";
        restored.position = 1;
        QCOMPARE(store->insertSegment(restored).value_or(0), ids[1]);
        QCOMPARE(prompts(), QString("dbca"));
        for (int i = 0; i < store->segments().size(); ++i)
            QCOMPARE(store->segments()[i].position, i);

        SegmentRecord edited = *store->segment(ids[2]);
        edited.negativePrompt = "blurry";
        edited.conditioning = Conditioning::Continue;
        edited.settings = QJsonObject {{"steps", 35}, {"guidance", 7.0}};
        edited.stale = true;
        QVERIFY(store->updateSegment(edited));
        const SegmentRecord read = *store->segment(ids[2]);
        QCOMPARE(read.negativePrompt, QString("blurry"));
        QCOMPARE(read.conditioning, Conditioning::Continue);
        QCOMPARE(read.settings.value("steps").toInt(), 35);
        QVERIFY(read.stale);
        QVERIFY(!store->removeSegment(12345));
        QCOMPARE(int(store->lastError().code), int(ProjectError::Code::InvalidArgument));
    }

    void takesAreKeptAndSelected()
    {
        ProjectError error;
        auto store = ProjectStore::create(folder("takes"), "p", &error);
        QVERIFY(store);
        const qint64 segment = store->insertSegment({}).value_or(0);
        const auto clip = store->media().write("clip bytes", "clips", "mp4", nullptr);
        QVERIFY(clip);
        TakeRecord take;
        take.segmentId = segment;
        take.params = QJsonObject {{"seed", 7}};
        take.provenance = QJsonObject {{"engine", "0.1"}};
        take.status = TakeStatus::Done;
        take.clip = *clip;
        take.startedAt = QDateTime::currentDateTimeUtc();
        take.durationMs = 1234;
        const qint64 first = store->addTake(take).value_or(0);
        const qint64 second = store->addTake(take).value_or(0);
        QVERIFY(first > 0 && second > first);
        const TakeRecord read = *store->take(first);
        QCOMPARE(read.params.value("seed").toInt(), 7);
        QCOMPARE(read.clip.path, clip->path);
        QCOMPARE(read.clip.sha256, clip->sha256);
        QCOMPARE(read.durationMs, 1234);
        QCOMPARE(read.startedAt.toMSecsSinceEpoch(), take.startedAt.toMSecsSinceEpoch());
        QVERIFY(read.thumbnail.isNull());

        QCOMPARE(store->selectedTakeId(segment), 0);
        QVERIFY(store->selectTake(segment, first));
        QVERIFY(store->selectTake(segment, second));
        QCOMPARE(store->selectedTakeId(segment), second);
        QVERIFY(!store->take(first)->selected);
        QVERIFY(store->selectTake(segment, 0));
        QCOMPARE(store->selectedTakeId(segment), 0);
        const qint64 other = store->insertSegment({}).value_or(0);
        QVERIFY(!store->selectTake(other, first)); // not its take
        // The database itself refuses two selected takes in one segment.
        QVERIFY(store->selectTake(segment, first));
        QVERIFY(!execSql(store->database(), QString("UPDATE takes SET selected = 1 WHERE id = %1").arg(second)));

        // A/B pairs the selected take with a finished other.
        QVERIFY(!store->comparableTakes(segment, first)); // itself
        const auto pair = store->comparableTakes(segment);
        QVERIFY(pair);
        QCOMPARE(pair->first.id, first);
        QCOMPARE(pair->second.id, second);
        QCOMPARE(store->comparableTakes(segment, second)->second.id, second);
        TakeRecord running = take;
        running.status = TakeStatus::Running;
        running.clip = {};
        const qint64 third = store->addTake(running).value_or(0);
        QVERIFY(!store->comparableTakes(segment, third)); // nothing to show yet
        QCOMPARE(store->comparableTakes(segment)->second.id, second); // the newest finished other
        QVERIFY(store->selectTake(segment, third));
        QVERIFY(!store->comparableTakes(segment, first)); // the selected one has no clip
        QVERIFY(store->selectTake(segment, first));

        TakeRecord updated = *store->take(second);
        updated.status = TakeStatus::Failed;
        updated.error = "out of memory";
        QVERIFY(store->updateTake(updated));
        QCOMPARE(store->take(second)->status, TakeStatus::Failed);
        QCOMPARE(store->take(second)->error, QString("out of memory"));
        QVERIFY(store->removeSegment(segment)); // takes go with it
        QVERIFY(!store->take(first));
    }

    void assetsAreKeptFoundAndRead()
    {
        ProjectError error;
        auto store = ProjectStore::create(folder("assets"), "p", &error);
        QVERIFY(store);
        const MediaRef media {"media/assets/ab.png", "ab", 42};
        QVERIFY(!store->findAsset("image", media));
        const auto id = store->addAsset({0, "image", "ball.png", media, {}});
        QVERIFY(id);
        QCOMPARE(store->findAsset("image", media), id);
        QVERIFY(!store->findAsset("video", media)); // the same file as a video is another asset
        const auto asset = store->asset(*id);
        QVERIFY(asset);
        QCOMPARE(asset->name, QString("ball.png"));
        QCOMPARE(asset->media.path, media.path);
        QCOMPARE(asset->media.sizeBytes, qint64(42));
        QVERIFY(asset->createdAt.isValid());
        QVERIFY(!store->asset(*id + 1));
    }

    void theQueueSurvivesACrash()
    {
        const QString dir = folder("jobs");
        ProjectError error;
        qint64 running = 0;
        qint64 pending = 0;
        qint64 urgent = 0;
        {
            auto store = ProjectStore::create(dir, "p", &error);
            QVERIFY(store);
            const qint64 segment = store->insertSegment({}).value_or(0);
            TakeRecord take;
            take.segmentId = segment;
            take.status = TakeStatus::Running;
            const qint64 takeId = store->addTake(take).value_or(0);
            JobRecord job;
            job.segmentId = segment;
            job.request = QJsonObject {{"prompt", "a"}};
            job.takeIds = {takeId};
            running = store->enqueueJob(job).value_or(0);
            pending = store->enqueueJob(job).value_or(0);
            job.takeIds = {};
            urgent = store->enqueueJob(job).value_or(0);
            QVERIFY(store->setJobState(running, JobState::Running));
            QCOMPARE(store->job(running)->takeIds, QList<qint64> {takeId});
            // A take a running job makes joins it; linking twice is harmless.
            TakeRecord made = take;
            made.status = TakeStatus::Done;
            const qint64 second = store->addTake(made).value_or(0);
            QVERIFY(store->linkTakeToJob(running, second));
            QVERIFY(store->linkTakeToJob(running, second));
            QCOMPARE(store->job(running)->takeIds, QList<qint64>({takeId, second}));
            QVERIFY(!store->linkTakeToJob(running, 999)); // no such take

            QVERIFY(store->setJobPriority(urgent, 5));
            QCOMPARE(store->nextPendingJob()->id, urgent);
            QVERIFY(store->moveJob(urgent, 0));
            QCOMPARE(store->jobs().first().id, urgent);
            QCOMPARE(store->jobs().last().position, 2);
            // A temp file left by a write that never finished.
            QDir().mkpath(dir + "/media/clips");
            QFile temp(dir + "/media/clips/abc.tmp");
            QVERIFY(temp.open(QIODevice::WriteOnly));
        } // closed with a job and a take still running, as after a crash
        auto store = ProjectStore::open(dir, &error);
        QVERIFY(store);
        QCOMPARE(store->recovery().interruptedJobs, 1);
        QCOMPARE(store->recovery().interruptedTakes, 1);
        QCOMPARE(store->recovery().removedTempFiles, 1);
        QVERIFY(!QFileInfo::exists(dir + "/media/clips/abc.tmp"));
        QCOMPARE(store->job(running)->state, JobState::Interrupted);
        QVERIFY(!store->requeueJob(pending)); // pending already
        QVERIFY(store->requeueJob(running));
        QCOMPARE(store->job(running)->state, JobState::Pending);
        QVERIFY(store->removeJob(urgent));
        QCOMPARE(store->jobs().size(), 2);
        QCOMPARE(store->jobs().first().position, 0);
        const ProjectSummary summary = store->summary();
        QCOMPARE(summary.jobs, 2);
        QCOMPARE(summary.takes, 2);
        QCOMPARE(summary.segments, 1);
        QCOMPARE(summary.schemaVersion, schema::kCurrentVersion);
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_project_store.moc"
