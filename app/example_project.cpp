#include "app/example_project.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "projects/project_store.h"

namespace cosmos::app {
namespace {

constexpr const char* kFolderName = "example-project";

bool isProjectFolder(const QString& folder)
{
    return QFileInfo::exists(projects::ProjectStore::databasePath(folder));
}

// Copies every file under `source` to `target`, which must not exist; on a
// failure the partial copy is removed, so a retry starts clean.
bool copyTree(const QString& source, const QString& target, QString* error)
{
    const QString staging = target + QStringLiteral(".copying");
    QDir(staging).removeRecursively();
    QDirIterator files(source, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString from = files.next();
        const QString to = QDir(staging).filePath(QDir(source).relativeFilePath(from));
        if (!QDir().mkpath(QFileInfo(to).path()) || !QFile::copy(from, to)) {
            *error = QCoreApplication::translate("ExampleProject", "Cannot copy the example project to %1.")
                         .arg(QDir::toNativeSeparators(target));
            QDir(staging).removeRecursively();
            return false;
        }
        // Shipped files are read-only; the user's copy is theirs to change.
        QFile::setPermissions(to, QFile::permissions(to) | QFileDevice::WriteOwner);
    }
    if (!QDir().rename(staging, target)) {
        *error = QCoreApplication::translate("ExampleProject", "Cannot move the example project into place at %1.")
                     .arg(QDir::toNativeSeparators(target));
        QDir(staging).removeRecursively();
        return false;
    }
    return true;
}

} // namespace

QString shippedExampleProject()
{
    const QString exe = QCoreApplication::applicationDirPath();
    const QStringList candidates {
        qEnvironmentVariable("COSMOS_EXAMPLE_PROJECT"),
        QDir(exe).filePath(QStringLiteral("../share/cosmos-studio/") + QLatin1String(kFolderName)),
        QStringLiteral(COSMOS_INSTALL_DATA_DIR "/") + QLatin1String(kFolderName),
        QStringLiteral(COSMOS_SOURCE_RESOURCES_DIR "/") + QLatin1String(kFolderName),
    };
    for (const QString& candidate : candidates) {
        if (!candidate.isEmpty() && isProjectFolder(candidate))
            return QDir::cleanPath(candidate);
    }
    return {};
}

QString userExampleProject(QString* error)
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString target = QDir(data).filePath(QStringLiteral("Example Project"));
    if (isProjectFolder(target))
        return target;
    const QString shipped = shippedExampleProject();
    if (shipped.isEmpty()) {
        *error = QCoreApplication::translate("ExampleProject", "This installation has no example project.");
        return {};
    }
    if (!QDir().mkpath(data) || !copyTree(shipped, target, error)) {
        if (error->isEmpty())
            *error = QCoreApplication::translate("ExampleProject", "Cannot create %1.")
                         .arg(QDir::toNativeSeparators(data));
        return {};
    }
    return target;
}

} // namespace cosmos::app
