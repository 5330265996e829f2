// The timeline's edit commands as QActions, with shortcuts shown in their
// tooltips, for the view's context menu and the main window's menus; and
// the edits themselves, each one undoable step of the Project.
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QWidget;

namespace cosmos::projects {
class Project;
}

namespace cosmos::widgets {

class TimelineActions : public QObject {
    Q_OBJECT
public:
    // The actions are added to `view`, so that their shortcuts work in the
    // window that shows it. Delete and the zoom keys are taken only while
    // the timeline has focus: elsewhere they belong to text fields and the
    // preview.
    explicit TimelineActions(QWidget* view);

    QAction* addSegment() const { return m_add; }
    QAction* insertSegment() const { return m_insert; }
    QAction* deleteSegment() const { return m_delete; }
    QAction* duplicateSegment() const { return m_duplicate; }
    QAction* moveLeft() const { return m_moveLeft; }
    QAction* moveRight() const { return m_moveRight; }
    QAction* zoomIn() const { return m_zoomIn; }
    QAction* zoomOut() const { return m_zoomOut; }
    QAction* zoomToFit() const { return m_zoomToFit; }
    // Menu order, with separator actions between the groups.
    QList<QAction*> all() const { return m_all; }

    // Enables what makes sense for the selection (-1: none) of `count`
    // segments in a project that can (editable) or cannot be changed.
    void update(bool hasProject, bool editable, int selectedIndex, int count);

private:
    QAction* make(const QString& text, const QString& tip, const QList<QKeySequence>& keys, bool focusOnly);
    void separate();

    QWidget* m_view = nullptr;
    QList<QAction*> m_all;
    QAction* m_add = nullptr;
    QAction* m_insert = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_duplicate = nullptr;
    QAction* m_moveLeft = nullptr;
    QAction* m_moveRight = nullptr;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
    QAction* m_zoomToFit = nullptr;
};

// The edits behind the actions. Each returns the segment to select after it
// (0: none) and is a single step on the project's undo stack.
namespace timeline_edits {

// A new segment after the last; it continues the rollout when there is one
// to continue, and starts with the settings of the segment before it.
qint64 append(projects::Project& project);
// A new text segment before `segmentId`, with its settings.
qint64 insertBefore(projects::Project& project, qint64 segmentId);
// Returns the neighbour that takes the removed segment's place.
qint64 remove(projects::Project& project, qint64 segmentId);
// Prompt, negative prompt, conditioning and settings, right after it; no takes.
qint64 duplicate(projects::Project& project, qint64 segmentId);
// One place left (-1) or right (+1); nothing at either end.
void moveBy(projects::Project& project, qint64 segmentId, int delta);

} // namespace timeline_edits

} // namespace cosmos::widgets
