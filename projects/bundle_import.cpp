// importBundle: everything is checked before a byte is written where the
// user will look, and the new project appears by one rename or not at all.
#include "projects/bundle_format.h"
#include "projects/project_bundle.h"
#include "projects/project_store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cosmos::projects {
namespace {

using bundle::Manifest;
using bundle::MediaEntry;
using bundle::Table;

constexpr qint64 kChunkBytes = 1 << 20;

QString tr(const char* text)
{
    // lupdate files tr() calls in free functions under the namespace.
    return QCoreApplication::translate("cosmos::projects", text);
}

// A rename is durable only once the directory entry is on disk too.
void syncDirectory(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

// The hidden folder the project is built in; removed with everything in it
// unless the import got as far as renaming it into place.
class StagingFolder {
public:
    explicit StagingFolder(QString path) : m_path(std::move(path)) { }
    ~StagingFolder()
    {
        if (!m_released)
            QDir(m_path).removeRecursively();
    }
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;
    const QString& path() const { return m_path; }
    void release() { m_released = true; }

private:
    QString m_path;
    bool m_released = false;
};

QSet<QString> columnsOf(QSqlDatabase& db, const QString& table)
{
    QSet<QString> columns;
    QSqlQuery query = querySql(db, QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
    while (query.next())
        columns.insert(query.value(0).toString());
    return columns;
}

// Inserts every row of the manifest under its own id, in one transaction.
// Table and column names must be the schema's own: they are SQL text.
bool insertRows(ProjectStore& store, const Manifest& manifest, QString* why)
{
    return store.transact([&] {
        QSqlDatabase& db = store.database();
        // create() wrote a project row of its own; the bundle's replaces it.
        if (!execSql(db, QStringLiteral("DELETE FROM project"), {}, why))
            return false;
        for (const Table& table : manifest.tables) {
            const QSet<QString> known = columnsOf(db, table.name);
            for (const QString& column : table.columns) {
                if (!known.contains(column)) {
                    *why = QStringLiteral("%1.%2 is not part of project format %3")
                               .arg(table.name, column)
                               .arg(manifest.schemaVersion);
                    return false;
                }
            }
            QStringList marks;
            for (int i = 0; i < table.columns.size(); ++i)
                marks.append(QStringLiteral("?"));
            const QString sql
                = QStringLiteral("INSERT INTO \"%1\" (\"%2\") VALUES (%3)")
                      .arg(table.name, table.columns.join(QStringLiteral("\", \"")), marks.join(QStringLiteral(", ")));
            for (const QVariantList& row : table.rows) {
                if (!execSql(db, sql, row, why))
                    return false;
            }
        }
        return true;
    });
}

// Copies one media file out of the bundle, verifying its hash on the way.
bool writeMedia(QFile& bundleFile, const QString& folder, const MediaEntry& entry, QString* why)
{
    const QString path = QDir(folder).filePath(entry.path);
    if (!QDir().mkpath(QFileInfo(path).path())) {
        *why = QStringLiteral("cannot create the folder for %1").arg(entry.path);
        return false;
    }
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *why = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qint64 left = entry.sizeBytes; left > 0;) {
        const QByteArray chunk = bundleFile.read(qMin(left, kChunkBytes));
        if (chunk.isEmpty()) {
            *why = QStringLiteral("it ends inside the media file %1").arg(entry.path);
            return false;
        }
        hash.addData(chunk);
        left -= chunk.size();
        if (out.write(chunk) != chunk.size()) {
            *why = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
            return false;
        }
    }
    if (!out.flush() || ::fsync(out.handle()) != 0) {
        *why = QStringLiteral("cannot sync %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (QString::fromLatin1(hash.result().toHex()) != entry.sha256) {
        *why = QStringLiteral("the media file %1 in it is damaged (its content does not match its hash)")
                   .arg(entry.path);
        return false;
    }
    return true;
}

QString listed(const QString& title, const QStringList& paths)
{
    return paths.isEmpty() ? QString() : QStringLiteral("; %1: %2").arg(title, paths.join(QStringLiteral(", ")));
}

// Reads and validates the header and the manifest, and holds the file's
// size against them, before anything is written.
std::optional<Manifest> readManifest(QFile& file, QString* why)
{
    const std::optional<bundle::Header> header = bundle::decodeHeader(file.read(bundle::kHeaderBytes), why);
    if (!header)
        return std::nullopt;
    const qint64 fileBytes = file.size();
    if (bundle::kHeaderBytes + header->manifestBytes > fileBytes) {
        *why = QStringLiteral("it is truncated (it ends inside its manifest)");
        return std::nullopt;
    }
    const QByteArray json = file.read(header->manifestBytes);
    if (QCryptographicHash::hash(json, QCryptographicHash::Sha256) != header->manifestSha256) {
        *why = QStringLiteral("its manifest is damaged (it does not match its hash)");
        return std::nullopt;
    }
    std::optional<Manifest> manifest = bundle::decodeManifest(json, why);
    if (!manifest)
        return std::nullopt;
    const qint64 expected = bundle::kHeaderBytes + header->manifestBytes + manifest->mediaBytes();
    if (fileBytes < expected) {
        *why = QStringLiteral("it is truncated (%1 of %2 bytes)").arg(fileBytes).arg(expected);
        return std::nullopt;
    }
    if (fileBytes > expected) {
        *why = QStringLiteral("it has %1 bytes more than its manifest describes").arg(fileBytes - expected);
        return std::nullopt;
    }
    if (manifest->rowCount(QStringLiteral("project")) != 1) {
        *why = QStringLiteral("it holds no project row");
        return std::nullopt;
    }
    return manifest;
}

} // namespace

std::optional<BundleContents> importBundle(const QString& bundlePath, const QString& projectFolder, ProjectError* error)
{
    ProjectError ignored;
    ProjectError& out = error ? *error : ignored;
    out = {};
    const QString shownBundle = QDir::toNativeSeparators(bundlePath);
    const auto refuse = [&](ProjectError::Code code, const QString& message, const QString& detail = {}) {
        out = ProjectError::make(code, message, detail);
        return std::nullopt;
    };
    const auto damaged = [&](const QString& why) {
        return refuse(ProjectError::Code::Corrupt,
            tr("%1 cannot be imported: %2. Nothing was written.").arg(shownBundle, why), why);
    };

    QFile file(bundlePath);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(ProjectError::Code::Io, tr("Cannot read %1: %2").arg(shownBundle, file.errorString()));
    QString why;
    const std::optional<Manifest> manifest = readManifest(file, &why);
    if (!manifest)
        return damaged(why);
    if (manifest->schemaVersion > schema::kCurrentVersion) {
        return refuse(ProjectError::Code::NewerVersion,
            tr("%1 holds a project of format %2, made by a newer Cosmos Studio (this version reads up to %3). "
               "Nothing was written.")
                .arg(shownBundle)
                .arg(manifest->schemaVersion)
                .arg(schema::kCurrentVersion));
    }

    const QFileInfo target(QDir::cleanPath(QDir(projectFolder).absolutePath()));
    const QString shownTarget = QDir::toNativeSeparators(target.filePath());
    if (target.exists()
        && (!target.isDir()
            || !QDir(target.filePath()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)))
        return refuse(ProjectError::Code::AlreadyExists,
            tr("%1 already exists and is not empty; import into a new folder.").arg(shownTarget));
    const QString parent = target.absolutePath();
    if (!QDir().mkpath(parent))
        return refuse(ProjectError::Code::Io, tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(parent)));
    StagingFolder staging(QDir(parent).filePath(
        QStringLiteral(".%1.import-%2").arg(target.fileName(), QUuid::createUuid().toString(QUuid::Id128))));

    {
        OpenOptions options;
        options.targetVersion = manifest->schemaVersion; // rows fit the schema they were read from
        ProjectError created;
        auto store = ProjectStore::create(staging.path(), QString(), &created, options);
        if (!store)
            return refuse(
                created.code, tr("Cannot import into %1: %2").arg(shownTarget, created.message), created.detail);
        if (!insertRows(*store, *manifest, &why))
            return damaged(tr("its rows do not fit a project of format %1 (%2)").arg(manifest->schemaVersion).arg(why));
    }
    for (const MediaEntry& entry : manifest->media) {
        if (!writeMedia(file, staging.path(), entry, &why))
            return damaged(why);
    }

    BundleContents contents;
    {
        // Opening for writing migrates an older format; the check proves
        // that rows and files agree, exactly as in the exported project.
        ProjectError opened;
        auto store = ProjectStore::open(staging.path(), &opened);
        if (!store)
            return damaged(opened.message);
        const IntegrityReport report = store->check();
        if (!report.isClean()) {
            return damaged(tr("its rows and media files do not agree") + listed(tr("database"), report.integrity)
                + listed(tr("references"), report.foreignKeys) + listed(tr("missing"), report.media.missing)
                + listed(tr("damaged"), report.media.corrupt) + listed(tr("unreferenced"), report.media.orphaned));
        }
        const ProjectSummary summary = store->summary();
        contents.schemaVersion = summary.schemaVersion;
        contents.segments = summary.segments;
        contents.takes = summary.takes;
        contents.mediaFiles = int(manifest->media.size());
        contents.mediaBytes = manifest->mediaBytes();
    }
    QDirIterator folders(staging.path(), QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (folders.hasNext())
        syncDirectory(folders.next());
    syncDirectory(staging.path());
    // rename(2) also replaces an empty folder, which QDir::rename refuses.
    if (std::rename(QFile::encodeName(staging.path()).constData(), QFile::encodeName(target.filePath()).constData())
        != 0) {
        const QString detail = QString::fromLocal8Bit(std::strerror(errno));
        return refuse(ProjectError::Code::Io, tr("Cannot create %1: %2").arg(shownTarget, detail), detail);
    }
    staging.release();
    syncDirectory(parent);
    return contents;
}

} // namespace cosmos::projects
