// The takes of one segment, opened from the clip's "3 takes" badge: each
// with its thumbnail, seed and status; choosing one makes it the segment's
// selected take (Project::selectTake, undoable) and closes the popup.
#pragma once

#include <QFrame>
#include <QPointer>

class QListWidget;
class QListWidgetItem;

namespace cosmos::projects {
class Project;
class ProjectStore;
} // namespace cosmos::projects

namespace cosmos::widgets {

class TakeStackPopup : public QFrame {
    Q_OBJECT
public:
    // Deletes itself when closed.
    TakeStackPopup(projects::Project& project, qint64 segmentId, QWidget* parent = nullptr);

    qint64 segmentId() const { return m_segmentId; }
    QListWidget* list() const { return m_list; }
    // Shows the popup next to `anchor` (global coordinates): above it when
    // there is room, as the timeline sits at the bottom of the window.
    void popup(const QRect& anchor);

signals:
    void takeChosen(qint64 segmentId, qint64 takeId);

private:
    void fill(projects::ProjectStore& store);
    void choose(QListWidgetItem* item);

    QPointer<projects::Project> m_project;
    qint64 m_segmentId = 0;
    QListWidget* m_list = nullptr;
};

} // namespace cosmos::widgets
