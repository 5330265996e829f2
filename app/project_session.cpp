#include "app/project_session.h"

#include <QDir>

#include "projects/project.h"
#include "projects/project_store.h"

namespace cosmos::app {
namespace {

QString describe(const projects::ProjectError& error)
{
    return error.message.isEmpty() ? ProjectSession::tr("Unknown error.") : error.message;
}

QString recoveryNoteOf(const projects::RecoveryReport& report)
{
    QStringList parts;
    if (report.migratedFromVersion > 0)
        parts << ProjectSession::tr("upgraded from format version %1").arg(report.migratedFromVersion);
    if (report.interruptedJobs > 0)
        parts << ProjectSession::tr("%n job(s) interrupted by the last exit", nullptr, report.interruptedJobs);
    if (report.interruptedTakes > 0)
        parts << ProjectSession::tr("%n take(s) interrupted", nullptr, report.interruptedTakes);
    if (report.removedTempFiles > 0)
        parts << ProjectSession::tr("%n unfinished file(s) removed", nullptr, report.removedTempFiles);
    return parts.join(QStringLiteral("; "));
}

} // namespace

ProjectSession::ProjectSession(QObject* parent) : QObject(parent) { }

ProjectSession::~ProjectSession()
{
    close();
}

QString ProjectSession::folder() const
{
    return m_project ? m_project->store().folder() : QString();
}

bool ProjectSession::open(const QString& folder, QString* error)
{
    close();
    projects::ProjectError failure;
    auto store = projects::ProjectStore::open(folder, &failure);
    if (!store) {
        *error = describe(failure);
        if (failure.code == projects::ProjectError::Code::NotFound)
            m_recent.remove(folder);
        return false;
    }
    m_recoveryNote = recoveryNoteOf(store->recovery());
    adopt(std::make_unique<projects::Project>(std::move(store)));
    return true;
}

bool ProjectSession::create(const QString& folder, const QString& name, QString* error)
{
    close();
    projects::ProjectError failure;
    auto store = projects::ProjectStore::create(folder, name, &failure);
    if (!store) {
        *error = describe(failure);
        return false;
    }
    m_recoveryNote.clear();
    adopt(std::make_unique<projects::Project>(std::move(store)));
    return true;
}

void ProjectSession::adopt(std::unique_ptr<projects::Project> project)
{
    m_project = std::move(project);
    m_recent.add(QDir::cleanPath(m_project->store().folder()));
    emit opened(m_project.get());
}

void ProjectSession::close()
{
    if (!m_project)
        return;
    emit aboutToClose(m_project.get());
    m_project.reset(); // saves the UI state, closes the database and releases the lock
    m_recoveryNote.clear();
    emit closed();
}

} // namespace cosmos::app
