// ProjectStore: comparison boards. Board positions stay 0..n-1 like the job
// queue's. A board's takes are ordered by position; a take deleted with its
// segment leaves a gap (ON DELETE CASCADE), so appends go after the largest
// position rather than at the count.
#include "projects/column_values.h"
#include "projects/project_store.h"

#include <QCoreApplication>

namespace cosmos::projects {
namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString tr(const char* text)
{
    return QCoreApplication::translate("cosmos::projects::ProjectStore", text);
}

} // namespace

QList<BoardRecord> ProjectStore::boards()
{
    QList<qint64> ids;
    QSqlQuery query = querySql(database(), QStringLiteral("SELECT id FROM boards ORDER BY position"));
    while (query.next())
        ids.append(query.value(0).toLongLong());
    query.finish();
    QList<BoardRecord> result;
    for (const qint64 id : ids) {
        if (std::optional<BoardRecord> record = board(id))
            result.append(*record);
    }
    return result;
}

std::optional<BoardRecord> ProjectStore::board(qint64 id)
{
    QSqlQuery query
        = querySql(database(), QStringLiteral("SELECT id, position, name, created_at FROM boards WHERE id = ?"), {id});
    if (!query.next())
        return std::nullopt;
    BoardRecord record;
    record.id = query.value(0).toLongLong();
    record.position = query.value(1).toInt();
    record.name = query.value(2).toString();
    record.createdAt = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
    query.finish();
    record.takeIds = boardTakes(id);
    return record;
}

std::optional<qint64> ProjectStore::addBoard(const QString& name)
{
    if (!ensureWritable())
        return std::nullopt;
    QString detail;
    QSqlQuery insert = querySql(database(),
        QStringLiteral("INSERT INTO boards (name, position, created_at) VALUES (?, (SELECT count(*) FROM boards), ?)"),
        {nonNull(name), now()}, &detail);
    if (!insert.isActive()) {
        failSql(detail);
        return std::nullopt;
    }
    return insert.lastInsertId().toLongLong();
}

bool ProjectStore::renameBoard(qint64 id, const QString& name)
{
    if (!ensureWritable())
        return false;
    QString detail;
    QSqlQuery query
        = querySql(database(), QStringLiteral("UPDATE boards SET name = ? WHERE id = ?"), {nonNull(name), id}, &detail);
    if (!query.isActive())
        return failSql(detail);
    if (query.numRowsAffected() != 1)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no board %1.").arg(id));
    return true;
}

bool ProjectStore::removeBoard(qint64 id)
{
    if (!ensureWritable())
        return false;
    const std::optional<BoardRecord> found = board(id);
    if (!found)
        return fail(ProjectError::Code::InvalidArgument, tr("There is no board %1.").arg(id));
    // Its board_takes rows go with it (ON DELETE CASCADE); the takes stay.
    return transact([&] {
        QString detail;
        return (execSql(database(), QStringLiteral("DELETE FROM boards WHERE id = ?"), {id}, &detail)
                   && execSql(database(),
                       QStringLiteral("UPDATE boards SET position = position - 1 WHERE position > ?"),
                       {found->position}, &detail))
            || failSql(detail);
    });
}

QList<qint64> ProjectStore::boardTakes(qint64 boardId)
{
    QList<qint64> result;
    QSqlQuery query = querySql(
        database(), QStringLiteral("SELECT take_id FROM board_takes WHERE board_id = ? ORDER BY position"), {boardId});
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

bool ProjectStore::addTakeToBoard(qint64 boardId, qint64 takeId)
{
    if (!ensureWritable())
        return false;
    // Checked here rather than left to the constraints, so that the user
    // reads which id was wrong instead of the driver's text.
    if (!board(boardId))
        return fail(ProjectError::Code::InvalidArgument, tr("There is no board %1.").arg(boardId));
    if (!take(takeId))
        return fail(ProjectError::Code::InvalidArgument, tr("There is no take %1.").arg(takeId));
    if (boardTakes(boardId).contains(takeId))
        return fail(
            ProjectError::Code::InvalidArgument, tr("Take %1 is already on board %2.").arg(takeId).arg(boardId));
    QString detail;
    return execSql(database(),
               QStringLiteral("INSERT INTO board_takes (board_id, take_id, position) VALUES (?, ?,"
                              " (SELECT coalesce(max(position) + 1, 0) FROM board_takes WHERE board_id = ?))"),
               {boardId, takeId, boardId}, &detail)
        || failSql(detail);
}

bool ProjectStore::removeTakeFromBoard(qint64 boardId, qint64 takeId)
{
    if (!ensureWritable())
        return false;
    QSqlQuery found = querySql(database(),
        QStringLiteral("SELECT position FROM board_takes WHERE board_id = ? AND take_id = ?"), {boardId, takeId});
    if (!found.next()) {
        found.finish();
        if (!board(boardId))
            return fail(ProjectError::Code::InvalidArgument, tr("There is no board %1.").arg(boardId));
        return fail(ProjectError::Code::InvalidArgument, tr("Take %1 is not on board %2.").arg(takeId).arg(boardId));
    }
    const int position = found.value(0).toInt();
    found.finish();
    return transact([&] {
        QString detail;
        return (execSql(database(), QStringLiteral("DELETE FROM board_takes WHERE board_id = ? AND take_id = ?"),
                    {boardId, takeId}, &detail)
                   && execSql(database(),
                       QStringLiteral(
                           "UPDATE board_takes SET position = position - 1 WHERE board_id = ? AND position > ?"),
                       {boardId, position}, &detail))
            || failSql(detail);
    });
}

} // namespace cosmos::projects
