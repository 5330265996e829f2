#include "projects/sqlite_info.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace cosmos::projects {

QString sqliteVersion()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return QCoreApplication::translate("cosmos::projects", "unavailable (Qt SQLite driver missing)");
    const QString connection = QStringLiteral("sqlite-version-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("select sqlite_version()")) && query.next())
                version = query.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (version.isEmpty())
        return QCoreApplication::translate("cosmos::projects", "unavailable (could not open SQLite)");
    return version;
}

} // namespace cosmos::projects
