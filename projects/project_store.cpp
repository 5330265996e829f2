#include "projects/project_store.h"

#include "projects/column_values.h"
#include "projects/project_lock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QTemporaryDir>

namespace cosmos::projects {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("cosmos::projects::ProjectStore", text);
}

// What a read-only look at the file says, before anything writes to it.
struct Probe {
    ProjectError error;
    int version = 0;
};

enum class ProbeMode { ForWriting, ForReading };

Probe probe(const QString& path, ProbeMode mode)
{
    Probe result;
    const QString shown = QDir::toNativeSeparators(path);
    if (!QFileInfo(path).isFile()) {
        result.error = ProjectError::make(
            ProjectError::Code::NotFound, tr("There is no project at %1: the file does not exist.").arg(shown));
        return result;
    }
    SqlConnection connection;
    QString detail;
    if (!connection.open(path, SqlConnection::Mode::ReadOnly, &detail)) {
        result.error = ProjectError::make(ProjectError::Code::Corrupt,
            tr("%1 cannot be opened as a database. It was left untouched.").arg(shown), detail, true);
        return result;
    }
    QSqlDatabase& db = connection.db();
    QSqlQuery header = querySql(db,
        QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id),"
                       " (SELECT user_version FROM pragma_user_version),"
                       " (SELECT count(*) FROM sqlite_master)"),
        {}, &detail);
    if (!header.next()) {
        result.error = ProjectError::make(ProjectError::Code::Corrupt,
            tr("%1 is damaged or is not a database (%2). It was left untouched; you can open a read-only copy "
               "to see what can still be read.")
                .arg(shown, detail.section(QLatin1String(" ["), 0, 0)),
            detail, true);
        return result;
    }
    const int applicationId = header.value(0).toInt();
    result.version = header.value(1).toInt();
    const int objects = header.value(2).toInt();
    header.finish();
    if (applicationId != schema::kApplicationId) {
        const QString message = objects == 0
            ? tr("%1 is an empty database, not a Cosmos Studio project. It was left untouched.")
            : tr("%1 is an SQLite database of another application, not a Cosmos Studio project. It was left "
                 "untouched.");
        result.error = ProjectError::make(ProjectError::Code::NotAProject, message.arg(shown));
        return result;
    }
    if (mode == ProbeMode::ForWriting && result.version > schema::kCurrentVersion) {
        result.error = ProjectError::make(ProjectError::Code::NewerVersion,
            tr("%1 was saved by a newer Cosmos Studio (project format %2; this version reads up to %3). It was "
               "left untouched; update Cosmos Studio, or open a read-only copy.")
                .arg(shown)
                .arg(result.version)
                .arg(schema::kCurrentVersion),
            {}, true);
        return result;
    }
    QSqlQuery check = querySql(db, QStringLiteral("PRAGMA quick_check"), {}, &detail);
    const QString verdict = check.next() ? check.value(0).toString() : detail;
    if (mode == ProbeMode::ForWriting && verdict != QLatin1String("ok")) {
        result.error = ProjectError::make(ProjectError::Code::Corrupt,
            tr("%1 is damaged (%2). It was left untouched; open a read-only copy to rescue what can still be read.")
                .arg(shown, verdict),
            verdict, true);
    }
    return result;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

QString ProjectStore::databasePath(const QString& folder)
{
    return QDir(folder).filePath(QLatin1String(kDatabaseName));
}

ProjectStore::ProjectStore(QString folder, bool readOnly)
    : m_folder(std::move(folder)), m_readOnly(readOnly), m_media(m_folder)
{
}

ProjectStore::~ProjectStore() = default;

std::unique_ptr<ProjectStore> ProjectStore::create(
    const QString& folder, const QString& name, ProjectError* error, const OpenOptions& options)
{
    ProjectError ignored;
    ProjectError& out = error ? *error : ignored;
    out = {};
    const QString path = databasePath(folder);
    if (QFileInfo::exists(path)) {
        out = ProjectError::make(
            ProjectError::Code::AlreadyExists, tr("%1 already holds a project.").arg(QDir::toNativeSeparators(folder)));
        return nullptr;
    }
    if (!QDir().mkpath(QDir(folder).filePath(QLatin1String(MediaStore::kFolderName)))) {
        out = ProjectError::make(
            ProjectError::Code::Io, tr("Cannot create the project folder %1.").arg(QDir::toNativeSeparators(folder)));
        return nullptr;
    }
    std::unique_ptr<ProjectStore> store(new ProjectStore(QDir::cleanPath(folder), false));
    store->m_lock = makeProjectLock(QDir(folder).filePath(QLatin1String(kLockName)));
    if (!takeProjectLock(*store->m_lock)) {
        out = ProjectError::make(ProjectError::Code::Locked,
            tr("%1 is being created by another process.").arg(QDir::toNativeSeparators(folder)));
        return nullptr;
    }
    // The database is built under a temporary name and renamed when its
    // schema is committed, so a process killed while creating leaves no
    // half-made project under the real name (only this file, which the next
    // create removes: the lock says nobody else is building it).
    const QString building = path + QStringLiteral(".creating");
    for (const QString& leftover : {building, building + QStringLiteral("-wal"), building + QStringLiteral("-shm")})
        QFile::remove(leftover);
    if (!store->openConnection(building, &out))
        return nullptr;
    const bool made = store->transact([&] {
        QString detail;
        if (!schema::migrate(store->database(), 0, options.targetVersion, options.migrationHook, &detail))
            return store->failSql(detail);
        return execSql(store->database(), QStringLiteral("INSERT INTO project (id, name, created_at) VALUES (1, ?, ?)"),
                   {nonNull(name), now()}, &detail)
            || store->failSql(detail);
    });
    if (!made) {
        out = store->lastError();
        out.message = tr("Cannot create the project in %1: %2")
                          .arg(QDir::toNativeSeparators(folder), store->lastError().message);
        store.reset();
        QFile::remove(building); // ours, and empty: nothing of the user's is lost
        return nullptr;
    }
    store.reset(); // closes the connection (checkpointing the WAL into the file) and the lock
    if (!QFile::rename(building, path)) {
        QFile::remove(building);
        out = ProjectError::make(ProjectError::Code::Io,
            tr("Cannot create the project in %1: the database could not be renamed into place.")
                .arg(QDir::toNativeSeparators(folder)));
        return nullptr;
    }
    return open(folder, error, options);
}

std::unique_ptr<ProjectStore> ProjectStore::open(const QString& folder, ProjectError* error, const OpenOptions& options)
{
    ProjectError ignored;
    ProjectError& out = error ? *error : ignored;
    out = {};
    const QString path = databasePath(folder);
    const bool readOnly = options.access == OpenOptions::Access::ReadOnly;
    std::unique_ptr<ProjectStore> store(new ProjectStore(QDir::cleanPath(folder), readOnly));
    if (!readOnly) {
        // Lock before probing, so that no other writer changes the file
        // between the look and the open.
        store->m_lock = makeProjectLock(QDir(folder).filePath(QLatin1String(kLockName)));
        if (QFileInfo::exists(path) && !takeProjectLock(*store->m_lock)) {
            qint64 pid = 0;
            QString host;
            QString application;
            const QString message = store->m_lock->getLockInfo(&pid, &host, &application)
                ? tr("%1 is open in another program (%2, process %3). Close it there, or open a read-only copy.")
                      .arg(QDir::toNativeSeparators(folder), application)
                      .arg(pid)
                : tr("%1 is locked (%2), and the lock could not be taken over. Close the program that uses it, or "
                     "open a read-only copy.")
                      .arg(QDir::toNativeSeparators(folder), QDir::toNativeSeparators(store->m_lock->fileName()));
            out = ProjectError::make(ProjectError::Code::Locked, message, {}, true);
            return nullptr;
        }
    }
    const Probe look = probe(path, readOnly ? ProbeMode::ForReading : ProbeMode::ForWriting);
    if (look.error) {
        out = look.error;
        return nullptr;
    }
    if (!store->openConnection(path, &out))
        return nullptr;
    store->m_version = look.version;
    if (readOnly)
        return store;
    if (look.version < options.targetVersion && !store->migrateTo(options.targetVersion, options.migrationHook, &out))
        return nullptr;
    if (!store->recover(&out))
        return nullptr;
    return store;
}

std::unique_ptr<ProjectStore> ProjectStore::openReadOnlyCopy(const QString& folder, ProjectError* error)
{
    ProjectError ignored;
    ProjectError& out = error ? *error : ignored;
    out = {};
    auto copyFolder = std::make_unique<QTemporaryDir>();
    const QString source = databasePath(folder);
    const QString copy = databasePath(copyFolder->path());
    // The WAL holds committed transactions not yet in the main file.
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        if (!QFileInfo::exists(source + suffix))
            continue;
        if (!copyFolder->isValid() || !QFile::copy(source + suffix, copy + suffix)) {
            out = ProjectError::make(ProjectError::Code::Io,
                tr("Cannot copy %1 to a temporary folder.").arg(QDir::toNativeSeparators(source + suffix)));
            return nullptr;
        }
    }
    OpenOptions options;
    options.access = OpenOptions::Access::ReadOnly;
    std::unique_ptr<ProjectStore> store = open(copyFolder->path(), &out, options);
    if (!store)
        return nullptr;
    store->m_copyFolder = std::move(copyFolder);
    store->m_folder = QDir::cleanPath(folder);
    store->m_media = MediaStore(store->m_folder);
    return store;
}

bool ProjectStore::openConnection(const QString& path, ProjectError* error)
{
    QString detail;
    const auto mode = m_readOnly ? SqlConnection::Mode::ReadOnly : SqlConnection::Mode::ReadWrite;
    bool ok = m_connection.open(path, mode, &detail);
    if (ok && !m_readOnly) {
        // WAL: readers never block the writer and a crash never tears a
        // page; FULL: a committed take survives power loss, not only a
        // killed process.
        ok = execSql(database(), QStringLiteral("PRAGMA journal_mode = WAL"), {}, &detail)
            && execSql(database(), QStringLiteral("PRAGMA synchronous = FULL"), {}, &detail);
    }
    ok = ok && execSql(database(), QStringLiteral("PRAGMA foreign_keys = ON"), {}, &detail);
    if (!ok && error) {
        *error = ProjectError::make(
            ProjectError::Code::Database, tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), detail), detail);
    }
    return ok;
}

bool ProjectStore::migrateTo(int targetVersion, const schema::MigrationHook& hook, ProjectError* error)
{
    const int from = m_version;
    const bool migrated = transact([&] {
        QString detail;
        return schema::migrate(database(), from, targetVersion, hook, &detail) || failSql(detail);
    });
    if (!migrated) {
        if (error) {
            *error = ProjectError::make(ProjectError::Code::MigrationFailed,
                tr("Cannot update %1 from project format %2 to %3; nothing was changed.")
                    .arg(QDir::toNativeSeparators(m_folder))
                    .arg(from)
                    .arg(targetVersion),
                m_lastError.detail);
        }
        return false;
    }
    m_version = targetVersion;
    m_recovery.migratedFromVersion = from;
    return true;
}

bool ProjectStore::recover(ProjectError* error)
{
    const QString stamp = now();
    const bool recovered = transact([&] {
        QString detail;
        QSqlQuery jobs = querySql(database(),
            QStringLiteral("UPDATE jobs SET state = 'interrupted', updated_at = ? WHERE state = 'running'"), {stamp},
            &detail);
        if (!jobs.isActive())
            return failSql(detail);
        m_recovery.interruptedJobs = jobs.numRowsAffected();
        QSqlQuery takes = querySql(database(),
            QStringLiteral("UPDATE takes SET status = 'interrupted' WHERE status = 'running'"), {}, &detail);
        if (!takes.isActive())
            return failSql(detail);
        m_recovery.interruptedTakes = takes.numRowsAffected();
        return true;
    });
    if (!recovered) {
        if (error)
            *error = m_lastError;
        return false;
    }
    // Only the lock holder writes media, so every temp file is a leftover.
    m_recovery.removedTempFiles = m_media.removeTemporaryFiles();
    return true;
}

bool ProjectStore::transact(const std::function<bool()>& body)
{
    Transaction transaction(m_connection);
    if (!transaction.isActive())
        return failSql(transaction.error());
    if (!body())
        return false;
    return transaction.commit() || failSql(transaction.error());
}

bool ProjectStore::fail(ProjectError::Code code, const QString& message, const QString& detail)
{
    m_lastError = ProjectError::make(code, message, detail);
    return false;
}

bool ProjectStore::failSql(const QString& detail)
{
    return fail(ProjectError::Code::Database, tr("The project database refused a change: %1").arg(detail), detail);
}

bool ProjectStore::ensureWritable()
{
    if (!m_readOnly)
        return true;
    return fail(ProjectError::Code::ReadOnly, tr("This project is open read-only."));
}

QString ProjectStore::name()
{
    QSqlQuery query = querySql(database(), QStringLiteral("SELECT name FROM project WHERE id = 1"));
    return query.next() ? query.value(0).toString() : QString();
}

bool ProjectStore::setName(const QString& name)
{
    QString detail;
    return ensureWritable()
        && (execSql(database(), QStringLiteral("UPDATE project SET name = ? WHERE id = 1"), {nonNull(name)}, &detail)
            || failSql(detail));
}

QJsonObject ProjectStore::settings()
{
    QSqlQuery query = querySql(database(), QStringLiteral("SELECT settings FROM project WHERE id = 1"));
    return query.next() ? jsonObject(query.value(0).toString()) : QJsonObject();
}

bool ProjectStore::setSettings(const QJsonObject& settings)
{
    QString detail;
    return ensureWritable()
        && (execSql(database(), QStringLiteral("UPDATE project SET settings = ? WHERE id = 1"), {jsonText(settings)},
                &detail)
            || failSql(detail));
}

} // namespace cosmos::projects
