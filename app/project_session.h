// The project the window has open: opening, creating and closing it, with
// the Open Recent list kept up to date. Views attach to the Project it
// announces and detach when it is about to close.
//
//   ProjectSession session;
//   connect(&session, &ProjectSession::opened, view, &View::setProject);
//   if (!session.open(folder, &message)) showError(message);
#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "projects/recent_projects.h"

namespace cosmos::projects {
class Project;
} // namespace cosmos::projects

namespace cosmos::app {

class ProjectSession : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    projects::Project* project() const { return m_project.get(); }
    QString folder() const;

    // Each closes the open project first. False with a message that says
    // what and why (locked by another program, not a project, newer schema).
    bool open(const QString& folder, QString* error);
    bool create(const QString& folder, const QString& name, QString* error);
    void close();

    // What opening recovered from the last session, in words; empty if nothing.
    const QString& recoveryNote() const { return m_recoveryNote; }

    projects::RecentProjects& recent() { return m_recent; }

signals:
    void opened(cosmos::projects::Project* project);
    // Views drop their pointers here; the project is still valid.
    void aboutToClose(cosmos::projects::Project* project);
    void closed();

private:
    void adopt(std::unique_ptr<projects::Project> project);

    std::unique_ptr<projects::Project> m_project;
    projects::RecentProjects m_recent;
    QString m_recoveryNote;
};

} // namespace cosmos::app
