#include "projects/recent_projects.h"

#include <QDir>

namespace cosmos::projects {

QStringList RecentProjects::list() const
{
    return m_paths.get();
}

void RecentProjects::add(const QString& path)
{
    const QString clean = QDir::cleanPath(path);
    QStringList paths = m_paths.get();
    paths.removeAll(clean);
    paths.prepend(clean);
    while (paths.size() > kMaxEntries)
        paths.removeLast();
    m_paths.set(paths);
}

void RecentProjects::remove(const QString& path)
{
    QStringList paths = m_paths.get();
    paths.removeAll(QDir::cleanPath(path));
    m_paths.set(paths);
}

void RecentProjects::clear()
{
    m_paths.reset();
}

} // namespace cosmos::projects
