// The takes of one segment as a list model, oldest first: what the take
// strip and the comparison views show. It reads the store and refreshes on
// the project's change events that concern its segment.
//
//   TakesModel& takes = project->takesModel();
//   takes.setSegment(segmentId);
#pragma once

#include <QAbstractListModel>
#include <QList>

#include "projects/change_event.h"
#include "projects/records.h"

namespace cosmos::projects {

class ProjectStore;

class TakesModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        StatusRole, // the word: queued, running, done, ...
        SelectedRole,
        ClipPathRole, // relative to the project folder; empty until done
        ClipFileRole, // absolute, for players
        DurationRole, // generation time in ms
        SeedRole, // from the params snapshot; invalid when absent
        GuidanceRole,
    };

    explicit TakesModel(ProjectStore& store, QObject* parent = nullptr);

    // 0 empties the model.
    void setSegment(qint64 segmentId);
    qint64 segmentId() const { return m_segmentId; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void onChanged(const cosmos::projects::ChangeEvent& event);

private:
    void refresh();

    ProjectStore& m_store;
    qint64 m_segmentId = 0;
    QList<TakeRecord> m_takes;
};

} // namespace cosmos::projects
