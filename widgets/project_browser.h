// The project browser dock: the open project at a glance, as a tree of its
// segments (in timeline order) with their takes, and its comparison boards.
// Selecting a segment or a take tells the rest of the window. The boards are
// managed here (project_browser_actions.cpp): F2 renames one in place, Delete
// removes it (its takes stay), both also in the context menu; a take's
// context menu shows it or compares it with its segment's selected take.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace cosmos::projects {
class Project;
struct ChangeEvent;
} // namespace cosmos::projects

namespace cosmos::widgets {

class ProjectBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ProjectBrowser(QWidget* parent = nullptr);

    void setProject(projects::Project* project); // nullable
    QTreeWidget* tree() const { return m_tree; }
    // The board of the current item; 0 when it is no board.
    qint64 currentBoard() const;
    QAction* renameBoardAction() const { return m_renameBoard; }
    QAction* deleteBoardAction() const { return m_deleteBoard; }

signals:
    void segmentSelected(qint64 segmentId);
    // Double-click on a take, or Return: show it (and it becomes selected).
    void takeActivated(qint64 segmentId, qint64 takeId);
    void boardActivated(qint64 boardId);
    // A take's context menu: it against its segment's selected take (A/B).
    void compareWithSelectedRequested(qint64 segmentId, qint64 takeId);

private:
    void rebuild();
    void onChanged(const cosmos::projects::ChangeEvent& event);
    void onItemActivated(QTreeWidgetItem* item);
    // project_browser_actions.cpp
    void createBoardActions();
    void updateBoardActions();
    void showContextMenu(const QPoint& at);
    void renameCurrentBoard();
    void deleteCurrentBoard();
    void onItemEdited(QTreeWidgetItem* item, int column);

    projects::Project* m_project = nullptr;
    QLabel* m_title = nullptr;
    QTreeWidget* m_tree = nullptr;
    QAction* m_renameBoard = nullptr;
    QAction* m_deleteBoard = nullptr;
    bool m_rebuilding = false; // items made by rebuild() are no edits
};

} // namespace cosmos::widgets
