// The project browser dock: the open project at a glance, as a tree of its
// segments (in timeline order) with their takes, and its comparison boards.
// Selecting a segment or a take tells the rest of the window; it edits
// nothing itself.
#pragma once

#include <QWidget>

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

signals:
    void segmentSelected(qint64 segmentId);
    // Double-click on a take, or Return: show it (and it becomes selected).
    void takeActivated(qint64 segmentId, qint64 takeId);
    void boardActivated(qint64 boardId);

private:
    void rebuild();
    void onChanged(const cosmos::projects::ChangeEvent& event);
    void onItemActivated(QTreeWidgetItem* item);

    projects::Project* m_project = nullptr;
    QLabel* m_title = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace cosmos::widgets
