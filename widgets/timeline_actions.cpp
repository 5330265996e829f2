#include "widgets/timeline_actions.h"

#include <QAction>
#include <QKeySequence>
#include <QWidget>

#include "projects/project.h"

namespace cosmos::widgets {

TimelineActions::TimelineActions(QWidget* view) : QObject(view), m_view(view)
{
    m_add = make(tr("&Add Segment"), tr("Add a segment at the end of the timeline"),
        {QKeySequence(Qt::CTRL | Qt::Key_T)}, false);
    m_insert = make(tr("&Insert Segment"), tr("Insert a segment before the selected one"),
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)}, false);
    m_duplicate = make(tr("D&uplicate Segment"), tr("Copy the selected segment's prompt and settings after it"),
        {QKeySequence(Qt::CTRL | Qt::Key_D)}, false);
    m_delete = make(tr("&Delete Segment"), tr("Delete the selected segment and its takes"),
        {QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)}, true);
    separate();
    m_moveLeft = make(tr("Move Segment &Left"), tr("Move the selected segment one place earlier"),
        {QKeySequence(Qt::ALT | Qt::Key_Left)}, false);
    m_moveRight = make(tr("Move Segment &Right"), tr("Move the selected segment one place later"),
        {QKeySequence(Qt::ALT | Qt::Key_Right)}, false);
    separate();
    m_zoomIn = make(tr("Zoom &In Timeline"), tr("Show the timeline larger"),
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)}, true);
    m_zoomOut = make(
        tr("Zoom &Out Timeline"), tr("Show more of the timeline"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)}, true);
    m_zoomToFit = make(tr("&Fit Timeline"), tr("Show the whole timeline"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, true);
    update(false, false, -1, 0);
}

QAction* TimelineActions::make(const QString& text, const QString& tip, const QList<QKeySequence>& keys, bool focusOnly)
{
    auto* action = new QAction(text, this);
    action->setShortcuts(keys);
    action->setShortcutContext(focusOnly ? Qt::WidgetWithChildrenShortcut : Qt::WindowShortcut);
    action->setToolTip(tr("%1 (%2)").arg(tip, keys.first().toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
    m_view->addAction(action);
    m_all.append(action);
    return action;
}

void TimelineActions::separate()
{
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    m_all.append(separator);
}

void TimelineActions::update(bool hasProject, bool editable, int selectedIndex, int count)
{
    const bool edit = hasProject && editable;
    const bool selected = edit && selectedIndex >= 0 && selectedIndex < count;
    m_add->setEnabled(edit);
    m_insert->setEnabled(selected);
    m_delete->setEnabled(selected);
    m_duplicate->setEnabled(selected);
    m_moveLeft->setEnabled(selected && selectedIndex > 0);
    m_moveRight->setEnabled(selected && selectedIndex + 1 < count);
    m_zoomIn->setEnabled(hasProject);
    m_zoomOut->setEnabled(hasProject);
    m_zoomToFit->setEnabled(hasProject && count > 0);
}

namespace timeline_edits {
namespace {

constexpr int kEnd = 1 << 30; // a position past the last: the store clamps it

} // namespace

qint64 append(projects::Project& project)
{
    const QList<projects::SegmentRecord> segments = project.store().segments();
    projects::SegmentRecord segment;
    segment.position = kEnd;
    if (!segments.isEmpty()) {
        segment.settings = segments.last().settings;
        segment.conditioning = projects::Conditioning::Continue;
    }
    return project.addSegment(segment);
}

qint64 insertBefore(projects::Project& project, qint64 segmentId)
{
    const std::optional<projects::SegmentRecord> before = project.store().segment(segmentId);
    if (!before)
        return 0;
    projects::SegmentRecord segment;
    segment.position = before->position;
    segment.settings = before->settings;
    // A macro only to name the step in the Edit menu ("Undo Insert Segment").
    project.undoStack().beginMacro(TimelineActions::tr("Insert Segment"));
    const qint64 id = project.addSegment(segment);
    project.undoStack().endMacro();
    return id;
}

qint64 remove(projects::Project& project, qint64 segmentId)
{
    const QList<projects::SegmentRecord> segments = project.store().segments();
    int row = -1;
    for (int index = 0; index < segments.size(); ++index) {
        if (segments[index].id == segmentId)
            row = index;
    }
    if (row < 0)
        return 0;
    project.removeSegment(segmentId);
    if (segments.size() == 1)
        return 0;
    return segments[row + 1 < segments.size() ? row + 1 : row - 1].id;
}

qint64 duplicate(projects::Project& project, qint64 segmentId)
{
    const std::optional<projects::SegmentRecord> original = project.store().segment(segmentId);
    if (!original)
        return 0;
    projects::SegmentRecord copy = *original;
    copy.id = 0;
    copy.position = original->position + 1;
    copy.stale = false;
    project.undoStack().beginMacro(TimelineActions::tr("Duplicate Segment"));
    const qint64 id = project.addSegment(copy);
    project.undoStack().endMacro();
    return id;
}

void moveBy(projects::Project& project, qint64 segmentId, int delta)
{
    const std::optional<projects::SegmentRecord> segment = project.store().segment(segmentId);
    if (!segment)
        return;
    const int to = segment->position + delta;
    if (to < 0 || to >= project.store().segments().size())
        return;
    project.moveSegment(segmentId, to);
}

} // namespace timeline_edits

} // namespace cosmos::widgets
