// The persistent job queue as a list model, in queue order (the order the
// user arranged; the runner picks by priority, then this order). It reads
// the store and refreshes on the project's JobsChanged events.
#pragma once

#include <QAbstractListModel>
#include <QList>

#include "projects/change_event.h"
#include "projects/records.h"

namespace cosmos::projects {

class ProjectStore;

class JobsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole, // the word: pending, running, paused, ...
        PriorityRole,
        PositionRole,
        SegmentIdRole, // 0: the segment is gone
        ErrorRole,
    };

    explicit JobsModel(ProjectStore& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void onChanged(const cosmos::projects::ChangeEvent& event);

private:
    void refresh();

    ProjectStore& m_store;
    QList<JobRecord> m_jobs;
};

} // namespace cosmos::projects
