// The list behind File > Open Recent: most recent first, no duplicates,
// bounded, kept in the user's settings.
#pragma once

#include <QStringList>

#include "projects/preference.h"

namespace cosmos::projects {

class RecentProjects {
public:
    static constexpr int kMaxEntries = 10;

    QStringList list() const;
    // Moves `path` to the front (adding it when new) and trims the list.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

private:
    Preference<QStringList> m_paths {QStringLiteral("projects/recent")};
};

} // namespace cosmos::projects
