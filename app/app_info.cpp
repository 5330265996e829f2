#include "app/app_info.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QtGlobal>

#include "engine/build_info.h"
#include "projects/sqlite_info.h"

namespace cosmos::app {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("CosmosStudio"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("cosmos-studio.org"));
    QCoreApplication::setApplicationName(QStringLiteral("cosmos-studio"));
    QCoreApplication::setApplicationVersion(studioVersion());
}

QString studioVersion()
{
    return QStringLiteral(COSMOS_VERSION);
}

QString decodeSpeedFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/decode_speeds.json");
}

QList<widgets::ComponentVersionRow> componentVersions()
{
    const engine::BuildInfo build = engine::queryBuildInfo();
    QList<widgets::ComponentVersionRow> rows;
    rows.append({QStringLiteral("Qt"), QString::fromLatin1(qVersion())});
    for (const auto& component : build.components)
        rows.append({QString::fromStdString(component.name), QString::fromStdString(component.version)});
    rows.append({QStringLiteral("SQLite"), projects::sqliteVersion()});
    const QString cuda = build.cudaAvailable
        ? QCoreApplication::translate("cosmos::app", "available (%n device(s))", nullptr, build.cudaDeviceCount)
        : QCoreApplication::translate("cosmos::app", "not available (running on the CPU)");
    rows.append({QStringLiteral("CUDA"), cuda});
    return rows;
}

QString versionText()
{
    QString text = QStringLiteral("Cosmos Studio %1\n").arg(studioVersion());
    for (const auto& row : componentVersions())
        text += row.name + QStringLiteral(": ") + row.version + QLatin1Char('\n');
    return text;
}

} // namespace cosmos::app
