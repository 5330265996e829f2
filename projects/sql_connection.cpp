#include "projects/sql_connection.h"

#include <QSqlError>
#include <QUuid>

namespace cosmos::projects {

SqlConnection::SqlConnection()
    : m_name(QStringLiteral("cosmos-project-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

SqlConnection::~SqlConnection()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase(); // drop our handle before removing the connection
    QSqlDatabase::removeDatabase(m_name);
}

bool SqlConnection::open(const QString& path, Mode mode, QString* error)
{
    if (!m_db.isValid())
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (mode == Mode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(options);
    if (m_db.open())
        return true;
    if (error)
        *error = m_db.lastError().text();
    return false;
}

Transaction::Transaction(SqlConnection& connection)
    : m_connection(connection), m_outermost(connection.m_transactionDepth == 0)
{
    const QString begin = m_outermost ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT cosmos");
    m_active = execSql(m_connection.m_db, begin, {}, &m_error);
    if (m_active)
        ++m_connection.m_transactionDepth;
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    if (m_outermost) {
        execSql(m_connection.m_db, QStringLiteral("ROLLBACK"));
    } else {
        execSql(m_connection.m_db, QStringLiteral("ROLLBACK TO cosmos"));
        execSql(m_connection.m_db, QStringLiteral("RELEASE cosmos"));
    }
    --m_connection.m_transactionDepth;
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    const QString end = m_outermost ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE cosmos");
    if (!execSql(m_connection.m_db, end, {}, &m_error))
        return false; // still active: the destructor rolls back
    m_active = false;
    --m_connection.m_transactionDepth;
    return true;
}

QSqlQuery querySql(QSqlDatabase& db, const QString& sql, const QVariantList& bindings, QString* error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    bool ok = false;
    if (bindings.isEmpty()) {
        ok = query.exec(sql);
    } else if (query.prepare(sql)) {
        for (const QVariant& value : bindings)
            query.addBindValue(value);
        ok = query.exec();
    }
    if (!ok && error)
        *error = query.lastError().text() + QStringLiteral(" [") + sql.simplified() + QLatin1Char(']');
    return query;
}

bool execSql(QSqlDatabase& db, const QString& sql, const QVariantList& bindings, QString* error)
{
    const QSqlQuery query = querySql(db, sql, bindings, error);
    return query.isActive();
}

} // namespace cosmos::projects
