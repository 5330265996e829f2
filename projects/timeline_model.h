// The timeline as a list model: one row per segment, in order. It reads
// the store and refreshes on the project's change events.
#pragma once

#include <QAbstractListModel>
#include <QList>

#include "projects/change_event.h"
#include "projects/records.h"

namespace cosmos::projects {

class ProjectStore;

class TimelineModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        PromptRole,
        ConditioningRole, // the word: text, image, video, continue
        StaleRole,
        SelectedTakeRole,
    };

    explicit TimelineModel(ProjectStore& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void onChanged(const cosmos::projects::ChangeEvent& event);

private:
    void reload();

    ProjectStore& m_store;
    QList<SegmentRecord> m_segments;
    QList<qint64> m_selectedTakes; // per row
};

} // namespace cosmos::projects
