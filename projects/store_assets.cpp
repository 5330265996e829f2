// ProjectStore: assets, the conditioning files (images, videos) a segment
// starts from, copied into the project's media. Their rows are written
// outside the undo history: an asset a later undo leaves unused is harmless,
// and redo finds it again.
#include "projects/column_values.h"
#include "projects/project_store.h"

namespace cosmos::projects {

std::optional<qint64> ProjectStore::addAsset(const AssetRecord& record)
{
    if (!ensureWritable())
        return std::nullopt;
    QString detail;
    const QDateTime created = record.createdAt.isValid() ? record.createdAt : QDateTime::currentDateTimeUtc();
    QSqlQuery insert = querySql(database(),
        QStringLiteral(
            "INSERT INTO assets (kind, name, path, sha256, size_bytes, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {record.kind, record.name, record.media.path, record.media.sha256, record.media.sizeBytes,
            created.toUTC().toString(Qt::ISODateWithMs)},
        &detail);
    if (!insert.isActive()) {
        failSql(detail);
        return std::nullopt;
    }
    return insert.lastInsertId().toLongLong();
}

std::optional<AssetRecord> ProjectStore::asset(qint64 id)
{
    QSqlQuery query = querySql(database(),
        QStringLiteral("SELECT id, kind, name, path, sha256, size_bytes, created_at FROM assets WHERE id = ?"), {id});
    if (!query.next())
        return std::nullopt;
    AssetRecord record;
    record.id = query.value(0).toLongLong();
    record.kind = query.value(1).toString();
    record.name = query.value(2).toString();
    record.media = {query.value(3).toString(), query.value(4).toString(), query.value(5).toLongLong()};
    record.createdAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
    return record;
}

std::optional<qint64> ProjectStore::findAsset(const QString& kind, const MediaRef& media)
{
    QSqlQuery query = querySql(database(),
        QStringLiteral("SELECT id FROM assets WHERE sha256 = ? AND kind = ? AND path = ? ORDER BY id LIMIT 1"),
        {media.sha256, kind, media.path});
    if (query.next())
        return query.value(0).toLongLong();
    return std::nullopt;
}

} // namespace cosmos::projects
