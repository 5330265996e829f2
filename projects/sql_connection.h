// RAII over Qt Sql's named connections: each store gets a unique name, and
// the connection is closed and unregistered when the owner goes away.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace cosmos::projects {

class SqlConnection {
public:
    enum class Mode { ReadWrite, ReadOnly };

    SqlConnection();
    ~SqlConnection();
    SqlConnection(const SqlConnection&) = delete;
    SqlConnection& operator=(const SqlConnection&) = delete;

    // Opens `path` with a busy timeout; ReadOnly never creates or writes
    // the file. Returns false and fills `error` with the driver's text.
    bool open(const QString& path, Mode mode, QString* error);
    QSqlDatabase& db() { return m_db; }

private:
    friend class Transaction;
    QString m_name;
    QSqlDatabase m_db;
    int m_transactionDepth = 0;
};

// BEGIN IMMEDIATE at the outermost level (the write lock is taken at once,
// so a second writer waits in the busy handler instead of failing on lock
// upgrade), a savepoint inside an open transaction, so that store calls
// compose into one atomic write. Rolled back on destruction unless
// committed: a real ROLLBACK at the outermost level, which leaves the file
// byte for byte as it was.
class Transaction {
public:
    explicit Transaction(SqlConnection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    const QString& error() const { return m_error; }
    bool commit();

private:
    SqlConnection& m_connection;
    bool m_outermost = false;
    bool m_active = false;
    QString m_error;
};

// Runs one statement with positional bindings; on failure returns false and
// puts the driver's text into `error` (when given).
bool execSql(QSqlDatabase& db, const QString& sql, const QVariantList& bindings = {}, QString* error = nullptr);
// Prepares and runs `sql`, returning the active query (check isActive()).
QSqlQuery querySql(QSqlDatabase& db, const QString& sql, const QVariantList& bindings = {}, QString* error = nullptr);

} // namespace cosmos::projects
