#include "widgets/timeline_view.h"

#include <QAction>
#include <QEvent>
#include <QPainter>
#include <QScrollBar>

#include "projects/project.h"
#include "widgets/take_stack_popup.h"
#include "widgets/timeline_actions.h"

namespace cosmos::widgets {
namespace {

constexpr double kZoomStep = 1.25;

} // namespace

TimelineView::TimelineView(QWidget* parent) : QAbstractScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    viewport()->setMouseTracking(true);
    horizontalScrollBar()->setSingleStep(24);
    setAccessibleName(tr("Timeline"));

    m_actions = new TimelineActions(this);
    connect(m_actions->addSegment(), &QAction::triggered, this, &TimelineView::addSegment);
    connect(m_actions->insertSegment(), &QAction::triggered, this, &TimelineView::insertSegment);
    connect(m_actions->deleteSegment(), &QAction::triggered, this, &TimelineView::deleteSegment);
    connect(m_actions->duplicateSegment(), &QAction::triggered, this, &TimelineView::duplicateSegment);
    connect(m_actions->moveLeft(), &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(m_actions->moveRight(), &QAction::triggered, this, [this] { moveSelected(+1); });
    connect(m_actions->zoomIn(), &QAction::triggered, this, &TimelineView::zoomIn);
    connect(m_actions->zoomOut(), &QAction::triggered, this, &TimelineView::zoomOut);
    connect(m_actions->zoomToFit(), &QAction::triggered, this, &TimelineView::zoomToFit);
    refresh();
}

TimelineView::~TimelineView() = default;

void TimelineView::setProject(projects::Project* project)
{
    if (m_project == project)
        return;
    if (m_project)
        disconnect(m_project, nullptr, this, nullptr);
    if (m_popup)
        m_popup->close();
    m_project = project;
    m_thumbnails.clear();
    m_selected = 0;
    m_selectedRow = -1;
    m_playhead = 0;
    if (project) {
        connect(project, &projects::Project::changed, this, &TimelineView::onProjectChanged);
        connect(project, &QObject::destroyed, this, [this] { refresh(); });
        const projects::ProjectUiState& state = project->uiState();
        m_layout.setPixelsPerFrame(state.timelineZoom > 0 ? state.timelineZoom * TimelineLayout::kDefaultPixelsPerFrame
                                                          : TimelineLayout::kDefaultPixelsPerFrame);
        m_playhead = int(qMax<qint64>(0, state.playheadFrame));
        refresh();
        m_selected = indexOf(state.selectedSegmentId) >= 0 ? state.selectedSegmentId : 0;
        m_selectedRow = indexOf(m_selected);
        m_playhead = qMin(m_playhead, m_layout.totalFrames());
    }
    refresh();
    emit segmentSelected(m_selected);
}

projects::Project* TimelineView::project() const
{
    return m_project;
}

void TimelineView::onProjectChanged(const projects::ChangeEvent& event)
{
    using Type = projects::ChangeEvent::Type;
    if (event.type == Type::JobsChanged || event.type == Type::BoardsChanged)
        return; // neither shows on the timeline
    refresh();
}

void TimelineView::refresh()
{
    projects::Project* project = m_project;
    m_items = project ? readTimelineItems(project->store()) : QList<TimelineItem>();
    QList<int> frames;
    frames.reserve(m_items.size());
    for (const TimelineItem& item : m_items)
        frames.append(item.frames);
    m_layout.setFrames(frames);
    if (m_popup && indexOf(m_popup->segmentId()) < 0)
        m_popup->close();
    if (m_selected != 0 && indexOf(m_selected) < 0) {
        // The selected segment went (deleted, or its addition undone): its
        // neighbour takes its place, as in a list.
        const qint64 next
            = m_items.isEmpty() ? 0 : m_items[qBound(0, m_selectedRow, int(m_items.size()) - 1)].segmentId;
        m_selected = next;
        m_selectedRow = indexOf(next);
        emit segmentSelected(next);
        saveUiState();
    }
    m_selectedRow = indexOf(m_selected);
    relayout();
    updateActions();
    viewport()->update();
}

void TimelineView::relayout()
{
    QScrollBar* bar = horizontalScrollBar();
    const int width = viewport()->width();
    bar->setRange(0, qMax(0, m_layout.contentWidth() - width));
    bar->setPageStep(width);
    m_layout.setScrollX(bar->value());
}

void TimelineView::updateActions()
{
    m_actions->update(m_project != nullptr, isEditable(), m_selectedRow, int(m_items.size()));
}

projects::Project* TimelineView::editableProject() const
{
    projects::Project* project = m_project;
    return project && !project->store().isReadOnly() ? project : nullptr;
}

void TimelineView::saveUiState()
{
    projects::Project* project = m_project;
    if (!project)
        return;
    projects::ProjectUiState state = project->uiState();
    state.selectedSegmentId = m_selected;
    state.timelineZoom = m_layout.pixelsPerFrame() / TimelineLayout::kDefaultPixelsPerFrame;
    state.playheadFrame = m_playhead;
    project->setUiState(state);
}

int TimelineView::indexOf(qint64 segmentId) const
{
    for (int index = 0; index < m_items.size(); ++index) {
        if (m_items[index].segmentId == segmentId)
            return index;
    }
    return -1;
}

const TimelineItem* TimelineView::itemOf(qint64 segmentId) const
{
    const int index = indexOf(segmentId);
    return index < 0 ? nullptr : &m_items[index];
}

void TimelineView::selectSegment(qint64 segmentId)
{
    const int index = indexOf(segmentId);
    if ((segmentId != 0 && index < 0) || segmentId == m_selected)
        return;
    m_selected = segmentId;
    m_selectedRow = index;
    updateActions();
    ensureVisible(index);
    viewport()->update();
    saveUiState();
    emit segmentSelected(segmentId);
}

void TimelineView::setPlayhead(int frame)
{
    frame = qBound(0, frame, m_layout.totalFrames());
    if (frame == m_playhead)
        return;
    // Follow a playing timeline a page at a time, but only while the
    // playhead was in view: a user who scrolled away stays where they are.
    const int width = viewport()->width();
    const double before = m_layout.xOfFrame(m_playhead);
    const double after = m_layout.xOfFrame(frame);
    m_playhead = frame;
    if (before >= 0 && before <= width && (after > width || after < 0))
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + int(after) - width / 8);
    saveUiState();
    viewport()->update();
}

void TimelineView::movePlayheadTo(int x)
{
    const int frame = m_layout.frameAtX(x);
    if (frame == m_playhead)
        return;
    m_playhead = frame;
    saveUiState();
    viewport()->update();
    emit playheadMoved(frame);
}

void TimelineView::setZoom(double pixelsPerFrame)
{
    setZoomAround(pixelsPerFrame, zoomAnchorX());
}

double TimelineView::zoomAnchorX() const
{
    // Keep the playhead where it is when it is in view, else the middle.
    const double x = m_layout.xOfFrame(m_playhead);
    return x >= 0 && x <= viewport()->width() ? x : viewport()->width() / 2.0;
}

void TimelineView::setZoomAround(double pixelsPerFrame, double anchorX)
{
    const double before = m_layout.pixelsPerFrame();
    const double frame = (anchorX + m_layout.scrollX() - TimelineLayout::kSideMargin) / before;
    m_layout.setPixelsPerFrame(pixelsPerFrame);
    if (m_layout.pixelsPerFrame() == before)
        return;
    relayout();
    horizontalScrollBar()->setValue(
        int(std::lround(TimelineLayout::kSideMargin + frame * m_layout.pixelsPerFrame() - anchorX)));
    m_layout.setScrollX(horizontalScrollBar()->value());
    saveUiState();
    viewport()->update();
}

void TimelineView::zoomIn()
{
    setZoom(m_layout.pixelsPerFrame() * kZoomStep);
}

void TimelineView::zoomOut()
{
    setZoom(m_layout.pixelsPerFrame() / kZoomStep);
}

void TimelineView::zoomToFit()
{
    setZoomAround(m_layout.fitPixelsPerFrame(viewport()->width()), 0);
    horizontalScrollBar()->setValue(0);
}

void TimelineView::ensureVisible(int index)
{
    const QRect rect = m_layout.clipRect(index);
    if (rect.isNull())
        return;
    QScrollBar* bar = horizontalScrollBar();
    const int margin = TimelineLayout::kSideMargin;
    if (rect.left() < margin)
        bar->setValue(bar->value() + rect.left() - margin);
    else if (rect.right() > viewport()->width() - margin)
        bar->setValue(bar->value() + qMin(rect.right() - viewport()->width() + margin, rect.left() - margin));
}

QList<QAction*> TimelineView::editActions() const
{
    return m_actions->all();
}

QList<qint64> TimelineView::segmentIds() const
{
    QList<qint64> ids;
    for (const TimelineItem& item : m_items)
        ids.append(item.segmentId);
    return ids;
}

QRect TimelineView::clipRect(qint64 segmentId) const
{
    return m_layout.clipRect(indexOf(segmentId));
}

QRect TimelineView::takeBadgeRect(qint64 segmentId) const
{
    const TimelineItem* item = itemOf(segmentId);
    if (!item)
        return {};
    return TimelinePainter::partsOf(clipRect(segmentId), *item, viewport()->font(), viewport()->width()).takeBadge;
}

QRect TimelineView::actionButtonRect(qint64 segmentId) const
{
    const TimelineItem* item = itemOf(segmentId);
    if (!item)
        return {};
    return TimelinePainter::partsOf(clipRect(segmentId), *item, viewport()->font(), viewport()->width()).actionButton;
}

int TimelineView::startFrameOf(qint64 segmentId) const
{
    const int index = indexOf(segmentId);
    return index < 0 ? -1 : m_layout.startFrame(index);
}

int TimelineView::totalFrames() const
{
    return m_layout.totalFrames();
}

QSize TimelineView::sizeHint() const
{
    return {800, minimumSizeHint().height()};
}

QSize TimelineView::minimumSizeHint() const
{
    // Room for the track and the horizontal scroll bar under it.
    return {200, TimelineLayout::preferredHeight() + horizontalScrollBar()->sizeHint().height() + 2 * frameWidth()};
}

TakeStackPopup* TimelineView::takeStackPopup() const
{
    return m_popup;
}

void TimelineView::showTakeStack(qint64 segmentId)
{
    projects::Project* project = m_project;
    if (!project || indexOf(segmentId) < 0)
        return;
    if (m_popup)
        m_popup->close();
    m_popup = new TakeStackPopup(*project, segmentId, this);
    QRect anchor = takeBadgeRect(segmentId);
    if (anchor.isNull())
        anchor = clipRect(segmentId);
    m_popup->popup(QRect(viewport()->mapToGlobal(anchor.topLeft()), anchor.size()));
}

void TimelineView::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter painter(viewport());
    const int width = viewport()->width();
    TimelinePainter paint(painter, palette(), m_layout, width);
    const int height = viewport()->height();
    paint.paintBackground(viewport()->rect());
    const double fps = m_items.isEmpty() ? kDefaultFps : m_items.first().fps;
    paint.paintRuler(width, fps);

    const QRect track(0, TimelineLayout::kTrackTop, width, TimelineLayout::kClipHeight);
    if (!m_project) {
        paint.paintHint(track, tr("No project open"));
    } else if (m_items.isEmpty() && m_dropIndex < 0) {
        paint.paintHint(track,
            tr("No segments yet: add one with %1, or drop an image or a video here")
                .arg(m_actions->addSegment()->shortcut().toString(QKeySequence::NativeText)));
    }
    for (int index = 0; index < m_items.size(); ++index) {
        const QRect rect = m_layout.clipRect(index);
        if (rect.right() < 0 || rect.left() > width)
            continue;
        ClipState state;
        state.selected = m_items[index].segmentId == m_selected;
        state.hovered = m_hover.index == index;
        state.takeBadgeHovered = state.hovered && m_hover.part == Part::TakeBadge;
        state.buttonHovered = state.hovered && m_hover.part == Part::ActionButton;
        state.dragged = m_dragging && index == m_pressIndex;
        if (index == m_dropIndex)
            state.dropHint = m_dropHint;
        paint.paintClip(rect, m_items[index], state, m_thumbnails.scaled(m_items[index].thumbnailFile, rect.height()));
    }
    if (m_dropIndex >= 0 && m_dropIndex == m_items.size()) {
        // A file over the empty track: where the new segment would go.
        const int left
            = m_items.isEmpty() ? TimelineLayout::kSideMargin : m_layout.clipRect(m_dropIndex - 1).right() + 5;
        TimelineItem placeholder;
        ClipState state;
        state.dropHint = m_dropHint;
        paint.paintClip(
            QRect(left, TimelineLayout::kTrackTop, 150, TimelineLayout::kClipHeight), placeholder, state, QPixmap());
    }
    if (m_dragging && m_pressIndex >= 0 && m_pressIndex < m_items.size()) {
        paint.paintGapMarker(m_dragGap);
        // The clip follows the mouse, over the track.
        const QRect ghost = m_layout.clipRect(m_pressIndex).translated(m_dragX - m_pressPos.x(), 0);
        ClipState state;
        state.selected = true;
        painter.save();
        painter.setOpacity(0.85);
        paint.paintClip(ghost, m_items[m_pressIndex], state,
            m_thumbnails.scaled(m_items[m_pressIndex].thumbnailFile, ghost.height()));
        painter.restore();
    }
    if (m_project && !m_items.isEmpty())
        paint.paintPlayhead(m_playhead, height);
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void TimelineView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx)
    Q_UNUSED(dy)
    m_layout.setScrollX(horizontalScrollBar()->value());
    viewport()->update();
}

void TimelineView::changeEvent(QEvent* event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        viewport()->update();
}

} // namespace cosmos::widgets
