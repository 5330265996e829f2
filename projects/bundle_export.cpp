// exportBundle: the project's rows, read in one snapshot, and the media
// they reference, each held against its hash, into one file.
#include "projects/bundle_format.h"
#include "projects/project_bundle.h"
#include "projects/project_store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QSqlRecord>

#include <algorithm>

namespace cosmos::projects {
namespace {

using bundle::MediaEntry;
using bundle::Table;

constexpr qint64 kChunkBytes = 1 << 20;

QString tr(const char* text)
{
    // lupdate files tr() calls in free functions under the namespace.
    return QCoreApplication::translate("cosmos::projects", text);
}

// Parents before children, so that import inserts rows in this order with
// foreign keys on; tables of a later schema follow, by name.
const QStringList kTableOrder = {QStringLiteral("project"), QStringLiteral("models"), QStringLiteral("assets"),
    QStringLiteral("segments"), QStringLiteral("takes"), QStringLiteral("jobs"), QStringLiteral("job_takes"),
    QStringLiteral("boards"), QStringLiteral("board_takes")};

// Where a media file is named: (table, path, sha256, size) columns.
struct MediaColumns {
    const char* table;
    const char* path;
    const char* sha256;
    const char* size;
};
constexpr MediaColumns kMediaColumns[] = {
    {"takes", "clip_path", "clip_sha256", "clip_size"},
    {"takes", "thumbnail_path", "thumbnail_sha256", "thumbnail_size"},
    {"takes", "latents_path", "latents_sha256", "latents_size"},
    {"assets", "path", "sha256", "size_bytes"},
};

// A deferred read transaction: every table is read from one snapshot even
// while another process writes. Only reads, so it always rolls back.
class ReadSnapshot {
public:
    explicit ReadSnapshot(QSqlDatabase& db) : m_db(db), m_active(execSql(db, QStringLiteral("BEGIN"))) { }
    ~ReadSnapshot()
    {
        if (m_active)
            execSql(m_db, QStringLiteral("ROLLBACK"));
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    QSqlDatabase& m_db;
    bool m_active = false; // false inside a caller's transaction: already one snapshot
};

QStringList tablesInOrder(QSqlDatabase& db)
{
    QStringList found;
    QSqlQuery query = querySql(db,
        QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    while (query.next())
        found.append(query.value(0).toString());
    QStringList ordered;
    for (const QString& name : kTableOrder) {
        if (found.removeAll(name) > 0)
            ordered.append(name);
    }
    return ordered + found;
}

// What a subset export keeps of `table`: a WHERE clause over the chosen
// takes (`ids`: a list of integers), or a null string to leave it out.
QString subsetFilter(const QString& table, const QString& ids)
{
    const QString segments = QStringLiteral("SELECT segment_id FROM takes WHERE id IN (%1)").arg(ids);
    if (table == QLatin1String("project"))
        return QStringLiteral("1");
    if (table == QLatin1String("takes"))
        return QStringLiteral("id IN (%1)").arg(ids);
    if (table == QLatin1String("segments"))
        return QStringLiteral("id IN (%1)").arg(segments);
    if (table == QLatin1String("assets"))
        return QStringLiteral("id IN (SELECT conditioning_asset_id FROM segments WHERE id IN (%1))").arg(segments);
    if (table == QLatin1String("models"))
        return QStringLiteral("id IN (SELECT model_id FROM takes WHERE id IN (%1))").arg(ids);
    return {}; // jobs, boards and anything newer belong to the whole project
}

std::optional<Table> readTable(QSqlDatabase& db, const QString& name, const QString& where, QString* detail)
{
    QString sql = QStringLiteral("SELECT * FROM \"%1\"").arg(name);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    // Segments by their place, so that a subset can be renumbered in order.
    if (name == QLatin1String("segments"))
        sql += QStringLiteral(" ORDER BY position");
    else if (kTableOrder.contains(name))
        sql += QStringLiteral(" ORDER BY rowid");
    QSqlQuery query = querySql(db, sql, {}, detail);
    if (!query.isActive())
        return std::nullopt;
    Table table;
    table.name = name;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i)
        table.columns.append(record.fieldName(i));
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < record.count(); ++i)
            row.append(query.isNull(i) ? QVariant() : query.value(i));
        table.rows.append(row);
    }
    return table;
}

// A subset keeps the order of its segments; positions stay 0..n-1.
void renumberPositions(Table& segments)
{
    const int column = int(segments.columns.indexOf(QStringLiteral("position")));
    if (column < 0)
        return;
    for (int i = 0; i < segments.rows.size(); ++i)
        segments.rows[i][column] = qlonglong(i);
}

QList<MediaRef> referencedMedia(const QList<Table>& tables)
{
    QList<MediaRef> refs;
    QSet<QString> seen;
    for (const MediaColumns& columns : kMediaColumns) {
        const auto table = std::find_if(
            tables.begin(), tables.end(), [&](const Table& t) { return t.name == QLatin1String(columns.table); });
        if (table == tables.end())
            continue;
        const int path = int(table->columns.indexOf(QLatin1String(columns.path)));
        const int sha = int(table->columns.indexOf(QLatin1String(columns.sha256)));
        const int size = int(table->columns.indexOf(QLatin1String(columns.size)));
        if (path < 0 || sha < 0 || size < 0)
            continue;
        for (const QVariantList& row : table->rows) {
            const QString relative = row[path].toString();
            if (relative.isEmpty() || seen.contains(relative))
                continue;
            seen.insert(relative);
            refs.append({relative, row[sha].toString(), row[size].toLongLong()});
        }
    }
    return refs;
}

// Every file must be there with the content its row names: a bundle never
// carries damage into another project.
std::optional<QList<MediaEntry>> verifiedMedia(
    const MediaStore& media, const QList<MediaRef>& refs, QStringList* problems)
{
    QList<MediaEntry> entries;
    for (const MediaRef& ref : refs) {
        const QString path = media.absolutePath(ref.path);
        if (!bundle::isSafeMediaPath(ref.path))
            problems->append(tr("%1 (not a path under media/)").arg(ref.path));
        else if (!QFileInfo(path).isFile())
            problems->append(tr("%1 (missing)").arg(ref.path));
        else if (MediaStore::sha256OfFile(path) != ref.sha256)
            problems->append(tr("%1 (content does not match its hash)").arg(ref.path));
        else
            entries.append({ref.path, ref.sha256, QFileInfo(path).size()});
    }
    if (!problems->isEmpty())
        return std::nullopt;
    return entries;
}

// Streams one file into the bundle, hashing it again: a file that changed
// since it was verified must not slip in under the old hash.
bool appendMedia(QSaveFile& out, const QString& path, const MediaEntry& entry, QString* detail)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *detail = file.errorString();
        return false;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 written = 0;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(kChunkBytes);
        if (chunk.isEmpty())
            break;
        hash.addData(chunk);
        written += chunk.size();
        if (out.write(chunk) != chunk.size()) {
            *detail = out.errorString();
            return false;
        }
    }
    if (written != entry.sizeBytes || QString::fromLatin1(hash.result().toHex()) != entry.sha256) {
        *detail = QStringLiteral("%1 changed while it was exported").arg(entry.path);
        return false;
    }
    return true;
}

} // namespace

std::optional<BundleContents> exportBundle(
    ProjectStore& store, const QString& bundlePath, const QList<qint64>& takeIds, ProjectError* error)
{
    ProjectError ignored;
    ProjectError& out = error ? *error : ignored;
    out = {};
    const QString shown = QDir::toNativeSeparators(bundlePath);
    bundle::Manifest manifest;
    manifest.schemaVersion = store.schemaVersion();
    manifest.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    {
        ReadSnapshot snapshot(store.database());
        QStringList idTexts;
        for (const qint64 id : takeIds) {
            if (!store.take(id)) {
                out = ProjectError::make(ProjectError::Code::InvalidArgument, tr("There is no take %1.").arg(id));
                return std::nullopt;
            }
            if (!manifest.takeIds.contains(id)) {
                manifest.takeIds.append(id);
                idTexts.append(QString::number(id));
            }
        }
        const bool subset = !takeIds.isEmpty();
        for (const QString& name : tablesInOrder(store.database())) {
            const QString where = subset ? subsetFilter(name, idTexts.join(QLatin1Char(','))) : QString();
            if (subset && where.isNull())
                continue;
            QString detail;
            std::optional<Table> table = readTable(store.database(), name, where, &detail);
            if (!table) {
                out = ProjectError::make(ProjectError::Code::Database,
                    tr("Cannot read the table %1 of the project: %2").arg(name, detail), detail);
                return std::nullopt;
            }
            if (subset && name == QLatin1String("segments"))
                renumberPositions(*table);
            manifest.tables.append(std::move(*table));
        }
    }
    QStringList problems;
    const auto media = verifiedMedia(store.media(), referencedMedia(manifest.tables), &problems);
    if (!media) {
        out = ProjectError::make(ProjectError::Code::Corrupt,
            tr("Cannot export: media files of the project are missing or damaged (a project check lists them): %1")
                .arg(problems.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    manifest.media = *media;

    const QByteArray manifestBytes = bundle::encodeManifest(manifest);
    QSaveFile file(bundlePath); // a temporary name, renamed on commit
    QString detail;
    bool ok = file.open(QIODevice::WriteOnly);
    const QByteArray header = bundle::encodeHeader(manifestBytes);
    ok = ok && file.write(header) == header.size() && file.write(manifestBytes) == manifestBytes.size();
    if (!ok)
        detail = file.errorString();
    for (const MediaEntry& entry : manifest.media) {
        if (!ok)
            break;
        ok = appendMedia(file, store.media().absolutePath(entry.path), entry, &detail);
    }
    if (!ok || !file.commit()) {
        if (detail.isEmpty())
            detail = file.errorString();
        out = ProjectError::make(ProjectError::Code::Io, tr("Cannot write %1: %2").arg(shown, detail), detail);
        return std::nullopt;
    }
    BundleContents contents;
    contents.schemaVersion = manifest.schemaVersion;
    contents.segments = manifest.rowCount(QStringLiteral("segments"));
    contents.takes = manifest.rowCount(QStringLiteral("takes"));
    contents.mediaFiles = manifest.media.size();
    contents.mediaBytes = manifest.mediaBytes();
    return contents;
}

} // namespace cosmos::projects
