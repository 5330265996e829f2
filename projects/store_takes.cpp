// ProjectStore: the takes of each segment, and which one is selected.
#include "projects/column_values.h"
#include "projects/project_store.h"

#include <QCoreApplication>

namespace cosmos::projects {
namespace {

const QString kColumns = QStringLiteral(
    "id, segment_id, params, provenance, status, clip_path, clip_sha256, clip_size, thumbnail_path,"
    " thumbnail_sha256, thumbnail_size, latents_path, latents_sha256, latents_size, created_at, started_at,"
    " finished_at, duration_ms, error, selected");

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}
QDateTime timeFrom(const QVariant& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}
QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

MediaRef mediaAt(const QSqlQuery& query, int first)
{
    return {query.value(first).toString(), query.value(first + 1).toString(), query.value(first + 2).toLongLong()};
}

TakeRecord readTake(const QSqlQuery& query)
{
    TakeRecord record;
    record.id = query.value(0).toLongLong();
    record.segmentId = query.value(1).toLongLong();
    record.params = jsonObject(query.value(2).toString());
    record.provenance = jsonObject(query.value(3).toString());
    record.status = takeStatusFromString(query.value(4).toString()).value_or(TakeStatus::Failed);
    record.clip = mediaAt(query, 5);
    record.thumbnail = mediaAt(query, 8);
    record.latents = mediaAt(query, 11);
    record.createdAt = timeFrom(query.value(14));
    record.startedAt = timeFrom(query.value(15));
    record.finishedAt = timeFrom(query.value(16));
    record.durationMs = query.value(17).toLongLong();
    record.error = query.value(18).toString();
    record.selected = query.value(19).toBool();
    return record;
}

// The values of every column but id, segment_id and selected, in order.
QVariantList mutableValues(const TakeRecord& record)
{
    QVariantList values {jsonText(record.params), jsonText(record.provenance), toText(record.status)};
    for (const MediaRef* media : {&record.clip, &record.thumbnail, &record.latents}) {
        values << textOrNull(media->path) << textOrNull(media->sha256)
               << (media->isNull() ? QVariant() : QVariant(media->sizeBytes));
    }
    const QDateTime created = record.createdAt.isValid() ? record.createdAt : QDateTime::currentDateTimeUtc();
    values << timeText(created) << textOrNull(timeText(record.startedAt)) << textOrNull(timeText(record.finishedAt))
           << record.durationMs << nonNull(record.error);
    return values;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("cosmos::projects::ProjectStore", text);
}

} // namespace

std::optional<qint64> ProjectStore::addTake(const TakeRecord& record)
{
    if (!ensureWritable())
        return std::nullopt;
    qint64 id = 0;
    const bool ok = transact([&] {
        QString detail;
        QVariantList values {record.id > 0 ? QVariant(record.id) : QVariant(), record.segmentId};
        values << mutableValues(record) << 0;
        QSqlQuery insert = querySql(database(),
            QStringLiteral("INSERT INTO takes (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .arg(kColumns),
            values, &detail);
        if (!insert.isActive())
            return failSql(detail);
        id = insert.lastInsertId().toLongLong();
        return !record.selected || selectTake(record.segmentId, id);
    });
    if (!ok)
        return std::nullopt;
    return id;
}

bool ProjectStore::updateTake(const TakeRecord& record)
{
    if (!ensureWritable())
        return false;
    QString detail;
    QVariantList values = mutableValues(record);
    values << record.id;
    QSqlQuery query = querySql(database(),
        QStringLiteral("UPDATE takes SET params = ?, provenance = ?, status = ?, clip_path = ?, clip_sha256 = ?,"
                       " clip_size = ?, thumbnail_path = ?, thumbnail_sha256 = ?, thumbnail_size = ?, latents_path = ?,"
                       " latents_sha256 = ?, latents_size = ?, created_at = ?, started_at = ?, finished_at = ?,"
                       " duration_ms = ?, error = ? WHERE id = ?"),
        values, &detail);
    if (!query.isActive())
        return failSql(detail);
    if (query.numRowsAffected() != 1)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no take %1.").arg(record.id));
    return true;
}

std::optional<TakeRecord> ProjectStore::take(qint64 id)
{
    QSqlQuery query = querySql(database(), QStringLiteral("SELECT %1 FROM takes WHERE id = ?").arg(kColumns), {id});
    if (!query.next())
        return std::nullopt;
    return readTake(query);
}

QList<TakeRecord> ProjectStore::takes(qint64 segmentId)
{
    QList<TakeRecord> result;
    QSqlQuery query = querySql(
        database(), QStringLiteral("SELECT %1 FROM takes WHERE segment_id = ? ORDER BY id").arg(kColumns), {segmentId});
    while (query.next())
        result.append(readTake(query));
    return result;
}

bool ProjectStore::selectTake(qint64 segmentId, qint64 takeId)
{
    if (!ensureWritable())
        return false;
    if (takeId != 0) {
        const std::optional<TakeRecord> found = take(takeId);
        if (!found || found->segmentId != segmentId)
            return fail(ProjectError::Code::InvalidArgument,
                tr("Take %1 does not belong to segment %2.").arg(takeId).arg(segmentId));
    }
    // Two statements: the unique index on selected takes is checked row by
    // row, so the old selection must go first.
    return transact([&] {
        QString detail;
        return (execSql(database(),
                    QStringLiteral("UPDATE takes SET selected = 0 WHERE segment_id = ? AND selected = 1"), {segmentId},
                    &detail)
                   && (takeId == 0
                       || execSql(database(), QStringLiteral("UPDATE takes SET selected = 1 WHERE id = ?"), {takeId},
                           &detail)))
            || failSql(detail);
    });
}

qint64 ProjectStore::selectedTakeId(qint64 segmentId)
{
    QSqlQuery query = querySql(
        database(), QStringLiteral("SELECT id FROM takes WHERE segment_id = ? AND selected = 1"), {segmentId});
    return query.next() ? query.value(0).toLongLong() : 0;
}

std::optional<std::pair<TakeRecord, TakeRecord>> ProjectStore::comparableTakes(qint64 segmentId, qint64 takeId)
{
    const qint64 selected = selectedTakeId(segmentId);
    std::optional<TakeRecord> a;
    std::optional<TakeRecord> b;
    for (const TakeRecord& take : takes(segmentId)) {
        if (take.clip.isNull())
            continue; // running or failed: nothing to show
        if (take.id == selected)
            a = take;
        else if (takeId != 0 ? take.id == takeId : !b || take.id > b->id)
            b = take;
    }
    if (!a || !b)
        return std::nullopt;
    return std::make_pair(*a, *b);
}

} // namespace cosmos::projects
