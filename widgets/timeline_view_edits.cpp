// TimelineView: the edits of its actions, reordering by drag, and files
// dropped on it. Each is one undoable step of the Project.
#include "widgets/timeline_view.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>

#include "projects/asset_import.h"
#include "projects/project.h"
#include "widgets/timeline_actions.h"

namespace cosmos::widgets {

void TimelineView::addSegment()
{
    if (projects::Project* project = editableProject())
        selectSegment(timeline_edits::append(*project));
}

void TimelineView::insertSegment()
{
    if (projects::Project* project = editableProject(); project && m_selected != 0)
        selectSegment(timeline_edits::insertBefore(*project, m_selected));
}

void TimelineView::deleteSegment()
{
    if (projects::Project* project = editableProject(); project && m_selected != 0)
        selectSegment(timeline_edits::remove(*project, m_selected));
}

void TimelineView::duplicateSegment()
{
    if (projects::Project* project = editableProject(); project && m_selected != 0)
        selectSegment(timeline_edits::duplicate(*project, m_selected));
}

void TimelineView::moveSelected(int delta)
{
    projects::Project* project = editableProject();
    if (!project || m_selected == 0)
        return;
    timeline_edits::moveBy(*project, m_selected, delta);
    ensureVisible(m_selectedRow);
}

void TimelineView::finishDrag(int gap)
{
    projects::Project* project = editableProject();
    if (!project || m_pressIndex < 0 || m_pressIndex >= m_items.size())
        return;
    // The gap counts the dragged clip itself: past it, one place less.
    const int to = gap > m_pressIndex ? gap - 1 : gap;
    if (to != m_pressIndex)
        project->moveSegment(m_items[m_pressIndex].segmentId, to);
}

QString TimelineView::droppableFile(const QMimeData* mime) const
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && projects::conditioningForFile(url.toLocalFile()))
            return url.toLocalFile();
    }
    return {};
}

void TimelineView::dragEnterEvent(QDragEnterEvent* event)
{
    if (isEditable() && !droppableFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void TimelineView::dragMoveEvent(QDragMoveEvent* event)
{
    const QString file = droppableFile(event->mimeData());
    const QPoint pos = event->position().toPoint();
    int index = m_layout.clipAt(pos);
    // Right of the last clip (or on an empty timeline): a new segment.
    const int end
        = m_items.isEmpty() ? TimelineLayout::kSideMargin : m_layout.clipRect(int(m_items.size()) - 1).right();
    if (index < 0 && pos.x() > end && pos.y() >= TimelineLayout::kTrackTop)
        index = int(m_items.size());
    if (!isEditable() || file.isEmpty() || index < 0) {
        m_dropIndex = -1;
        event->ignore();
    } else {
        const QString mode = modeName(*projects::conditioningForFile(file));
        m_dropIndex = index;
        m_dropHint = index < m_items.size() ? tr("Drop to make this segment %1").arg(mode)
                                            : tr("Drop to add a %1 segment").arg(mode);
        event->acceptProposedAction();
    }
    viewport()->update();
}

void TimelineView::dragLeaveEvent(QDragLeaveEvent* event)
{
    Q_UNUSED(event)
    m_dropIndex = -1;
    viewport()->update();
}

void TimelineView::dropEvent(QDropEvent* event)
{
    const QString file = droppableFile(event->mimeData());
    const int index = m_dropIndex;
    m_dropIndex = -1;
    viewport()->update();
    if (file.isEmpty() || index < 0 || !isEditable()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    dropFile(file, index);
}

void TimelineView::dropFile(const QString& file, int index)
{
    const std::optional<projects::Conditioning> mode = projects::conditioningForFile(file);
    projects::Project* project = editableProject();
    if (!mode || !project)
        return;
    projects::ProjectError error;
    const std::optional<qint64> asset = projects::importAsset(project->store(), file, *mode, &error);
    if (!asset) {
        emit errorOccurred(error.message);
        return;
    }
    if (index < m_items.size()) {
        const qint64 segmentId = m_items[index].segmentId;
        project->setConditioning(segmentId, *mode, *asset);
        selectSegment(segmentId);
        return;
    }
    projects::SegmentRecord segment;
    segment.position = int(m_items.size());
    segment.conditioning = *mode;
    segment.conditioningAssetId = *asset;
    if (!m_items.isEmpty())
        segment.settings = project->store().segment(m_items.last().segmentId).value_or(segment).settings;
    selectSegment(project->addSegment(segment));
}

} // namespace cosmos::widgets
