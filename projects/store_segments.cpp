// ProjectStore: the timeline's segments. Positions stay 0..n-1 without gaps;
// every change that shifts them runs in one transaction.
#include "projects/column_values.h"
#include "projects/project_store.h"

#include <QCoreApplication>

namespace cosmos::projects {
namespace {

const QString kColumns
    = QStringLiteral("id, position, prompt, negative_prompt, conditioning, conditioning_asset_id, settings, stale");

SegmentRecord readSegment(const QSqlQuery& query)
{
    SegmentRecord record;
    record.id = query.value(0).toLongLong();
    record.position = query.value(1).toInt();
    record.prompt = query.value(2).toString();
    record.negativePrompt = query.value(3).toString();
    record.conditioning = conditioningFromString(query.value(4).toString()).value_or(Conditioning::Text);
    record.conditioningAssetId = query.value(5).toLongLong();
    record.settings = jsonObject(query.value(6).toString());
    record.stale = query.value(7).toBool();
    return record;
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QString tr(const char* text)
{
    return QCoreApplication::translate("cosmos::projects::ProjectStore", text);
}

} // namespace

int ProjectStore::segmentCount()
{
    QSqlQuery query = querySql(database(), QStringLiteral("SELECT count(*) FROM segments"));
    return query.next() ? query.value(0).toInt() : 0;
}

QList<SegmentRecord> ProjectStore::segments()
{
    QList<SegmentRecord> result;
    QSqlQuery query = querySql(database(), QStringLiteral("SELECT %1 FROM segments ORDER BY position").arg(kColumns));
    while (query.next())
        result.append(readSegment(query));
    return result;
}

std::optional<SegmentRecord> ProjectStore::segment(qint64 id)
{
    QSqlQuery query = querySql(database(), QStringLiteral("SELECT %1 FROM segments WHERE id = ?").arg(kColumns), {id});
    if (!query.next())
        return std::nullopt;
    return readSegment(query);
}

std::optional<qint64> ProjectStore::insertSegment(const SegmentRecord& record)
{
    if (!ensureWritable())
        return std::nullopt;
    qint64 id = 0;
    const bool ok = transact([&] {
        QString detail;
        const int position = qBound(0, record.position, segmentCount());
        if (!execSql(database(), QStringLiteral("UPDATE segments SET position = position + 1 WHERE position >= ?"),
                {position}, &detail))
            return failSql(detail);
        QSqlQuery insert = querySql(database(),
            QStringLiteral("INSERT INTO segments (id, position, prompt, negative_prompt, conditioning,"
                           " conditioning_asset_id, settings, stale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {idOrNull(record.id), position, nonNull(record.prompt), nonNull(record.negativePrompt),
                toText(record.conditioning), idOrNull(record.conditioningAssetId), jsonText(record.settings),
                record.stale ? 1 : 0},
            &detail);
        if (!insert.isActive())
            return failSql(detail);
        id = insert.lastInsertId().toLongLong();
        return true;
    });
    if (!ok)
        return std::nullopt;
    return id;
}

bool ProjectStore::removeSegment(qint64 id)
{
    if (!ensureWritable())
        return false;
    const std::optional<SegmentRecord> existing = segment(id);
    if (!existing)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no segment %1.").arg(id));
    return transact([&] {
        QString detail;
        return (execSql(database(), QStringLiteral("DELETE FROM segments WHERE id = ?"), {id}, &detail)
                   && execSql(database(),
                       QStringLiteral("UPDATE segments SET position = position - 1 WHERE position > ?"),
                       {existing->position}, &detail))
            || failSql(detail);
    });
}

SegmentLinks ProjectStore::segmentLinks(qint64 segmentId)
{
    SegmentLinks links;
    QSqlQuery places = querySql(database(),
        QStringLiteral("SELECT b.board_id, b.take_id, b.position FROM board_takes b"
                       " JOIN takes t ON t.id = b.take_id WHERE t.segment_id = ? ORDER BY b.board_id, b.position"),
        {segmentId});
    while (places.next())
        links.boardPlaces.append({places.value(0).toLongLong(), places.value(1).toLongLong(), places.value(2).toInt()});
    QSqlQuery jobTakes = querySql(database(),
        QStringLiteral("SELECT j.job_id, j.take_id FROM job_takes j JOIN takes t ON t.id = j.take_id"
                       " WHERE t.segment_id = ?"),
        {segmentId});
    while (jobTakes.next())
        links.jobTakes.append({jobTakes.value(0).toLongLong(), jobTakes.value(1).toLongLong()});
    QSqlQuery jobs = querySql(database(), QStringLiteral("SELECT id FROM jobs WHERE segment_id = ?"), {segmentId});
    while (jobs.next())
        links.jobIds.append(jobs.value(0).toLongLong());
    return links;
}

bool ProjectStore::restoreSegmentLinks(qint64 segmentId, const SegmentLinks& links)
{
    if (!ensureWritable())
        return false;
    // A board or job removed since (outside the undo stack) stays removed.
    return transact([&] {
        QString detail;
        for (const auto& place : links.boardPlaces) {
            if (!execSql(database(),
                    QStringLiteral("INSERT OR IGNORE INTO board_takes (board_id, take_id, position)"
                                   " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM boards WHERE id = ?)"),
                    {place.boardId, place.takeId, place.position, place.boardId}, &detail))
                return failSql(detail);
        }
        for (const auto& link : links.jobTakes) {
            if (!execSql(database(),
                    QStringLiteral("INSERT OR IGNORE INTO job_takes (job_id, take_id)"
                                   " SELECT ?, ? WHERE EXISTS (SELECT 1 FROM jobs WHERE id = ?)"),
                    {link.jobId, link.takeId, link.jobId}, &detail))
                return failSql(detail);
        }
        for (const qint64 jobId : links.jobIds) {
            if (!execSql(database(), QStringLiteral("UPDATE jobs SET segment_id = ? WHERE id = ?"), {segmentId, jobId},
                    &detail))
                return failSql(detail);
        }
        return true;
    });
}

bool ProjectStore::moveSegment(qint64 id, int position)
{
    if (!ensureWritable())
        return false;
    const std::optional<SegmentRecord> existing = segment(id);
    if (!existing)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no segment %1.").arg(id));
    const int from = existing->position;
    const int to = qBound(0, position, segmentCount() - 1);
    if (from == to)
        return true;
    return transact([&] {
        QString detail;
        const bool shifted = from < to
            ? execSql(database(),
                QStringLiteral("UPDATE segments SET position = position - 1 WHERE position > ? AND position <= ?"),
                {from, to}, &detail)
            : execSql(database(),
                QStringLiteral("UPDATE segments SET position = position + 1 WHERE position >= ? AND position < ?"),
                {to, from}, &detail);
        return (shifted
                   && execSql(
                       database(), QStringLiteral("UPDATE segments SET position = ? WHERE id = ?"), {to, id}, &detail))
            || failSql(detail);
    });
}

bool ProjectStore::updateSegment(const SegmentRecord& record)
{
    if (!ensureWritable())
        return false;
    QString detail;
    QSqlQuery query = querySql(database(),
        QStringLiteral("UPDATE segments SET prompt = ?, negative_prompt = ?, conditioning = ?,"
                       " conditioning_asset_id = ?, settings = ?, stale = ? WHERE id = ?"),
        {nonNull(record.prompt), nonNull(record.negativePrompt), toText(record.conditioning),
            idOrNull(record.conditioningAssetId), jsonText(record.settings), record.stale ? 1 : 0, record.id},
        &detail);
    if (!query.isActive())
        return failSql(detail);
    if (query.numRowsAffected() != 1)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no segment %1.").arg(record.id));
    return true;
}

bool ProjectStore::setSegmentStale(qint64 id, bool stale)
{
    if (!ensureWritable())
        return false;
    QString detail;
    return execSql(
               database(), QStringLiteral("UPDATE segments SET stale = ? WHERE id = ?"), {stale ? 1 : 0, id}, &detail)
        || failSql(detail);
}

} // namespace cosmos::projects
