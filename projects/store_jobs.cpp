// ProjectStore: the persistent job queue. Positions stay 0..n-1; the runner
// takes the pending job of highest priority, earliest in the queue.
#include "projects/column_values.h"
#include "projects/project_store.h"

#include <QCoreApplication>

namespace cosmos::projects {
namespace {

const QString kColumns
    = QStringLiteral("id, position, state, priority, segment_id, request, error, created_at, updated_at");

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString tr(const char* text)
{
    return QCoreApplication::translate("cosmos::projects::ProjectStore", text);
}

JobRecord readJob(const QSqlQuery& query)
{
    JobRecord record;
    record.id = query.value(0).toLongLong();
    record.position = query.value(1).toInt();
    record.state = jobStateFromString(query.value(2).toString()).value_or(JobState::Failed);
    record.priority = query.value(3).toInt();
    record.segmentId = query.value(4).toLongLong();
    record.request = jsonObject(query.value(5).toString());
    record.error = query.value(6).toString();
    record.createdAt = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs);
    record.updatedAt = QDateTime::fromString(query.value(8).toString(), Qt::ISODateWithMs);
    return record;
}

} // namespace

std::optional<qint64> ProjectStore::enqueueJob(const JobRecord& record)
{
    if (!ensureWritable())
        return std::nullopt;
    qint64 id = 0;
    const bool ok = transact([&] {
        QString detail;
        const QString stamp = now();
        QSqlQuery insert = querySql(database(),
            QStringLiteral("INSERT INTO jobs (position, state, priority, segment_id, request, error, created_at,"
                           " updated_at) VALUES ((SELECT count(*) FROM jobs), ?, ?, ?, ?, ?, ?, ?)"),
            {toText(record.state), record.priority, record.segmentId > 0 ? QVariant(record.segmentId) : QVariant(),
                jsonText(record.request), nonNull(record.error), stamp, stamp},
            &detail);
        if (!insert.isActive())
            return failSql(detail);
        id = insert.lastInsertId().toLongLong();
        for (const qint64 takeId : record.takeIds) {
            if (!execSql(database(), QStringLiteral("INSERT INTO job_takes (job_id, take_id) VALUES (?, ?)"),
                    {id, takeId}, &detail))
                return failSql(detail);
        }
        return true;
    });
    if (!ok)
        return std::nullopt;
    return id;
}

bool ProjectStore::linkTakeToJob(qint64 jobId, qint64 takeId)
{
    if (!ensureWritable())
        return false;
    QString detail;
    return execSql(database(), QStringLiteral("INSERT OR IGNORE INTO job_takes (job_id, take_id) VALUES (?, ?)"),
               {jobId, takeId}, &detail)
        || failSql(detail);
}

bool ProjectStore::setJobState(qint64 id, JobState state, const QString& error)
{
    if (!ensureWritable())
        return false;
    QString detail;
    QSqlQuery query
        = querySql(database(), QStringLiteral("UPDATE jobs SET state = ?, error = ?, updated_at = ? WHERE id = ?"),
            {toText(state), nonNull(error), now(), id}, &detail);
    if (!query.isActive())
        return failSql(detail);
    if (query.numRowsAffected() != 1)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no job %1.").arg(id));
    return true;
}

bool ProjectStore::requeueJob(qint64 id)
{
    const std::optional<JobRecord> found = job(id);
    if (!found)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no job %1.").arg(id));
    if (found->state != JobState::Interrupted && found->state != JobState::Failed
        && found->state != JobState::Cancelled)
        return fail(ProjectError::Code::InvalidArgument,
            tr("Job %1 is %2; only interrupted, failed or cancelled jobs can be queued again.")
                .arg(id)
                .arg(toText(found->state)));
    return setJobState(id, JobState::Pending);
}

bool ProjectStore::moveJob(qint64 id, int position)
{
    if (!ensureWritable())
        return false;
    const std::optional<JobRecord> found = job(id);
    if (!found)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no job %1.").arg(id));
    QSqlQuery count = querySql(database(), QStringLiteral("SELECT count(*) FROM jobs"));
    const int last = count.next() ? count.value(0).toInt() - 1 : 0;
    count.finish();
    const int from = found->position;
    const int to = qBound(0, position, last);
    if (from == to)
        return true;
    return transact([&] {
        QString detail;
        const bool shifted = from < to
            ? execSql(database(),
                QStringLiteral("UPDATE jobs SET position = position - 1 WHERE position > ? AND position <= ?"),
                {from, to}, &detail)
            : execSql(database(),
                QStringLiteral("UPDATE jobs SET position = position + 1 WHERE position >= ? AND position < ?"),
                {to, from}, &detail);
        return (shifted
                   && execSql(database(), QStringLiteral("UPDATE jobs SET position = ?, updated_at = ? WHERE id = ?"),
                       {to, now(), id}, &detail))
            || failSql(detail);
    });
}

bool ProjectStore::setJobPriority(qint64 id, int priority)
{
    if (!ensureWritable())
        return false;
    QString detail;
    QSqlQuery query = querySql(database(), QStringLiteral("UPDATE jobs SET priority = ?, updated_at = ? WHERE id = ?"),
        {priority, now(), id}, &detail);
    if (!query.isActive())
        return failSql(detail);
    if (query.numRowsAffected() != 1)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no job %1.").arg(id));
    return true;
}

bool ProjectStore::updateJobRequest(qint64 id, const QJsonObject& request)
{
    if (!ensureWritable())
        return false;
    // One statement, so that the runner cannot start the job between a check
    // of its state and the write.
    QString detail;
    QSqlQuery query = querySql(database(),
        QStringLiteral("UPDATE jobs SET request = ?, updated_at = ? WHERE id = ? AND state = 'pending'"),
        {jsonText(request), now(), id}, &detail);
    if (!query.isActive())
        return failSql(detail);
    if (query.numRowsAffected() == 1)
        return true;
    query.finish();
    const std::optional<JobRecord> found = job(id);
    if (!found)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no job %1.").arg(id));
    return fail(ProjectError::Code::InvalidArgument,
        tr("Job %1 is %2; only pending jobs can be edited.").arg(id).arg(toText(found->state)));
}

bool ProjectStore::removeJob(qint64 id)
{
    if (!ensureWritable())
        return false;
    const std::optional<JobRecord> found = job(id);
    if (!found)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no job %1.").arg(id));
    return transact([&] {
        QString detail;
        return (execSql(database(), QStringLiteral("DELETE FROM jobs WHERE id = ?"), {id}, &detail)
                   && execSql(database(), QStringLiteral("UPDATE jobs SET position = position - 1 WHERE position > ?"),
                       {found->position}, &detail))
            || failSql(detail);
    });
}

std::optional<JobRecord> ProjectStore::job(qint64 id)
{
    QSqlQuery query = querySql(database(), QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(kColumns), {id});
    if (!query.next())
        return std::nullopt;
    JobRecord record = readJob(query);
    query.finish();
    QSqlQuery takes
        = querySql(database(), QStringLiteral("SELECT take_id FROM job_takes WHERE job_id = ? ORDER BY take_id"), {id});
    while (takes.next())
        record.takeIds.append(takes.value(0).toLongLong());
    return record;
}

QList<JobRecord> ProjectStore::jobs()
{
    QList<qint64> ids;
    QSqlQuery query = querySql(database(), QStringLiteral("SELECT id FROM jobs ORDER BY position"));
    while (query.next())
        ids.append(query.value(0).toLongLong());
    query.finish();
    QList<JobRecord> result;
    for (const qint64 id : ids) {
        if (std::optional<JobRecord> record = job(id))
            result.append(*record);
    }
    return result;
}

std::optional<JobRecord> ProjectStore::nextPendingJob()
{
    QSqlQuery query = querySql(database(),
        QStringLiteral("SELECT id FROM jobs WHERE state = 'pending' ORDER BY priority DESC, position LIMIT 1"));
    if (!query.next())
        return std::nullopt;
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return job(id);
}

} // namespace cosmos::projects
