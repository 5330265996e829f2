// A project on disk: a folder with project.sqlite (WAL) and media/.
//
//   ProjectError error;
//   auto store = ProjectStore::open(folder, &error);
//   if (!store) { tell the user error.message; offer openReadOnlyCopy when
//                 error.canOpenReadOnlyCopy }
//
// Opening for writing takes the folder's lock file (one writer per project),
// migrates an older schema in one transaction, marks jobs and takes that
// were running when the last writer died as interrupted, and removes the
// temporary media files it left. A file that cannot be opened (not a
// database, corrupt, another application's, a newer version) is only ever
// read, never written.
//
// Not thread-safe: one store per thread (Qt Sql connections are per thread).
#pragma once

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

#include "projects/media_store.h"
#include "projects/project_error.h"
#include "projects/records.h"
#include "projects/schema.h"
#include "projects/sql_connection.h"

class QLockFile;
class QTemporaryDir;

namespace cosmos::projects {

struct OpenOptions {
    enum class Access { ReadWrite, ReadOnly };
    // ReadOnly: no lock, no migration, no recovery; an older schema is
    // opened as it is.
    Access access = Access::ReadWrite;
    // Tests build fixtures of older versions by stopping early.
    int targetVersion = schema::kCurrentVersion;
    schema::MigrationHook migrationHook; // tests inject failures
};

// What opening did to recover from the last session.
struct RecoveryReport {
    int migratedFromVersion = 0; // 0: no migration
    int interruptedJobs = 0;
    int interruptedTakes = 0;
    int removedTempFiles = 0;
};

struct ProjectSummary {
    int schemaVersion = 0;
    QString name;
    int segments = 0;
    int takes = 0;
    int jobs = 0;
    QList<QPair<QString, int>> jobsByState; // state word, count
};

struct IntegrityReport {
    QStringList integrity; // PRAGMA integrity_check lines; {"ok"} when sound
    QStringList foreignKeys; // PRAGMA foreign_key_check rows, as text
    MediaCheck media;
    bool isClean() const
    {
        return integrity == QStringList {QStringLiteral("ok")} && foreignKeys.isEmpty() && media.isClean();
    }
};

class ProjectStore {
public:
    static constexpr const char* kDatabaseName = "project.sqlite";
    static constexpr const char* kLockName = "project.lock";

    static QString databasePath(const QString& folder);

    // Creates a new project in `folder` (made when missing). Refuses a
    // folder that already holds a project.
    static std::unique_ptr<ProjectStore> create(
        const QString& folder, const QString& name, ProjectError* error, const OpenOptions& options = OpenOptions());
    static std::unique_ptr<ProjectStore> open(
        const QString& folder, ProjectError* error, const OpenOptions& options = OpenOptions());
    // Copies the database to a temporary folder (removed with the store)
    // and opens the copy read-only; media are read from the original.
    static std::unique_ptr<ProjectStore> openReadOnlyCopy(const QString& folder, ProjectError* error);

    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    const QString& folder() const { return m_folder; }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion() const { return m_version; }
    const RecoveryReport& recovery() const { return m_recovery; }
    const ProjectError& lastError() const { return m_lastError; }
    const MediaStore& media() const { return m_media; }
    QSqlDatabase& database() { return m_connection.db(); }

    // Runs `body` as one transaction (nested calls join it); commits when it
    // returns true, rolls back otherwise.
    bool transact(const std::function<bool()>& body);

    QString name();
    bool setName(const QString& name);
    // The project row's settings JSON: per-project state that is no part
    // of the timeline (the UI state under "ui").
    QJsonObject settings();
    bool setSettings(const QJsonObject& settings);

    // Segments, in timeline order (store_segments.cpp).
    QList<SegmentRecord> segments();
    std::optional<SegmentRecord> segment(qint64 id);
    // Inserts at record.position (clamped), shifting later segments; keeps
    // record.id when non-zero (undo restores rows under their old ids).
    std::optional<qint64> insertSegment(const SegmentRecord& record);
    bool removeSegment(qint64 id); // with its takes
    // The links removeSegment(segmentId) would cut, and their restoration
    // (where the board or job still exists) after the segment and its takes
    // are back.
    SegmentLinks segmentLinks(qint64 segmentId);
    bool restoreSegmentLinks(qint64 segmentId, const SegmentLinks& links);
    bool moveSegment(qint64 id, int position);
    // Writes every field but id and position.
    bool updateSegment(const SegmentRecord& record);
    bool setSegmentStale(qint64 id, bool stale);

    // Takes (store_takes.cpp).
    std::optional<qint64> addTake(const TakeRecord& record); // keeps a non-zero id
    bool updateTake(const TakeRecord& record);
    std::optional<TakeRecord> take(qint64 id);
    QList<TakeRecord> takes(qint64 segmentId);
    // takeId 0 clears the selection.
    bool selectTake(qint64 segmentId, qint64 takeId);
    qint64 selectedTakeId(qint64 segmentId);
    // What an A/B comparison of the segment shows: its selected take (first)
    // and `takeId` (second; 0: the newest other), both finished (with a
    // clip) and not the same take; nothing where there is no such pair.
    std::optional<std::pair<TakeRecord, TakeRecord>> comparableTakes(qint64 segmentId, qint64 takeId = 0);

    // Assets: conditioning files kept in the project's media (store_assets.cpp).
    std::optional<qint64> addAsset(const AssetRecord& record); // no id: a new one
    std::optional<AssetRecord> asset(qint64 id);
    // An asset of this kind with this very file (path and content), if any.
    std::optional<qint64> findAsset(const QString& kind, const MediaRef& media);

    // The persistent job queue (store_jobs.cpp).
    std::optional<qint64> enqueueJob(const JobRecord& record); // appended
    // A take made by a running job joins JobRecord::takeIds.
    bool linkTakeToJob(qint64 jobId, qint64 takeId);
    bool setJobState(qint64 id, JobState state, const QString& error = {});
    bool moveJob(qint64 id, int position);
    bool setJobPriority(qint64 id, int priority);
    // Replaces a pending job's request (the queue lets the user edit a job
    // until it starts); refuses a job in any other state.
    bool updateJobRequest(qint64 id, const QJsonObject& request);
    // An interrupted, failed or cancelled job goes back to pending.
    bool requeueJob(qint64 id);
    bool removeJob(qint64 id);
    std::optional<JobRecord> job(qint64 id);
    QList<JobRecord> jobs(); // in queue order
    std::optional<JobRecord> nextPendingJob(); // highest priority, then order

    // Comparison boards (store_boards.cpp). Board positions stay 0..n-1. A
    // take is on a board at most once, and leaves every board when it is
    // deleted (with its segment).
    QList<BoardRecord> boards(); // in board order, with their take ids
    std::optional<BoardRecord> board(qint64 id);
    std::optional<qint64> addBoard(const QString& name); // appended
    bool renameBoard(qint64 id, const QString& name);
    bool removeBoard(qint64 id);
    QList<qint64> boardTakes(qint64 boardId); // in the board's order
    bool addTakeToBoard(qint64 boardId, qint64 takeId); // appended
    bool removeTakeFromBoard(qint64 boardId, qint64 takeId);

    // Whole-project reports (store_check.cpp).
    ProjectSummary summary();
    QList<MediaRef> referencedMedia();
    IntegrityReport check();

private:
    ProjectStore(QString folder, bool readOnly);
    bool openConnection(const QString& path, ProjectError* error);
    bool migrateTo(int targetVersion, const schema::MigrationHook& hook, ProjectError* error);
    bool recover(ProjectError* error);

    bool fail(ProjectError::Code code, const QString& message, const QString& detail = {});
    bool failSql(const QString& detail); // a Database error
    bool ensureWritable();
    int segmentCount();

    QString m_folder;
    bool m_readOnly = false;
    int m_version = 0;
    // Declared before the connection so that they outlive it.
    std::unique_ptr<QTemporaryDir> m_copyFolder; // openReadOnlyCopy only
    std::unique_ptr<QLockFile> m_lock;
    SqlConnection m_connection;
    MediaStore m_media;
    RecoveryReport m_recovery;
    ProjectError m_lastError;
};

} // namespace cosmos::projects
