// The comparison boards as a list model, in board order. It reads the store
// and refreshes on the project's BoardsChanged events, and when a segment
// is removed (its takes leave every board with it).
//
//   BoardsModel& boards = project->boardsModel();
//   project->addTakeToBoard(boards.data(index, BoardsModel::IdRole).toLongLong(), takeId);
#pragma once

#include <QAbstractListModel>
#include <QList>

#include "projects/change_event.h"
#include "projects/records.h"

namespace cosmos::projects {

class ProjectStore;

class BoardsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole, // also the display role
        TakeCountRole,
        TakeIdsRole, // a QVariantList of take ids (qint64), in board order
    };

    explicit BoardsModel(ProjectStore& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void onChanged(const cosmos::projects::ChangeEvent& event);

private:
    void refresh();

    ProjectStore& m_store;
    QList<BoardRecord> m_boards;
};

} // namespace cosmos::projects
