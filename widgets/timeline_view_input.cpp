// TimelineView: mouse, wheel, keys, context menu and tooltips.
#include "widgets/timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include "projects/project.h"
#include "widgets/timeline_actions.h"

namespace cosmos::widgets {
namespace {

constexpr double kWheelZoomBase = 1.25; // per wheel notch
constexpr int kAutoScrollMargin = 24;
constexpr int kAutoScrollStep = 12;

} // namespace

TimelineView::Hit TimelineView::hitAt(const QPoint& pos) const
{
    Hit hit;
    hit.index = m_layout.clipAt(pos);
    if (hit.index < 0)
        return hit;
    const TimelineItem& item = m_items[hit.index];
    const TimelineLayout::ClipParts parts
        = TimelinePainter::partsOf(m_layout.clipRect(hit.index), item, viewport()->font(), viewport()->width());
    if (parts.actionButton.contains(pos))
        hit.part = Part::ActionButton;
    else if (parts.takeBadge.contains(pos))
        hit.part = Part::TakeBadge;
    else
        hit.part = Part::Body;
    return hit;
}

void TimelineView::activate(int index)
{
    if (index < 0 || index >= m_items.size())
        return;
    const TimelineItem& item = m_items[index];
    if (item.selectedTakeId != 0)
        emit takeActivated(item.segmentId, item.selectedTakeId);
    else if (!item.isGenerated())
        emit generateRequested(item.segmentId);
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    m_press = Press::None;
    if (event->button() != Qt::LeftButton) {
        const Hit hit = hitAt(pos);
        if (hit.index >= 0)
            selectSegment(m_items[hit.index].segmentId);
        return;
    }
    if (pos.y() < TimelineLayout::kTrackTop && !m_items.isEmpty()) {
        m_press = Press::Ruler;
        movePlayheadTo(pos.x());
        return;
    }
    const Hit hit = hitAt(pos);
    if (hit.index < 0)
        return;
    const TimelineItem item = m_items[hit.index]; // a copy: the signals below may refresh
    selectSegment(item.segmentId);
    switch (hit.part) {
    case Part::ActionButton:
        if (item.isGenerated())
            emit regenerateRequested(item.segmentId);
        else
            emit generateRequested(item.segmentId);
        return;
    case Part::TakeBadge: showTakeStack(item.segmentId); return;
    case Part::Body:
    case Part::None: break;
    }
    m_press = Press::Clip;
    m_pressIndex = hit.index;
    m_pressPos = pos;
    m_dragX = pos.x();
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_press == Press::Ruler && (event->buttons() & Qt::LeftButton)) {
        movePlayheadTo(pos.x());
        return;
    }
    if (m_press == Press::Clip && (event->buttons() & Qt::LeftButton) && isEditable()) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = true;
            viewport()->setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            // Near an edge the track scrolls, so a clip can travel far.
            QScrollBar* bar = horizontalScrollBar();
            if (pos.x() < kAutoScrollMargin)
                bar->setValue(bar->value() - kAutoScrollStep);
            else if (pos.x() > viewport()->width() - kAutoScrollMargin)
                bar->setValue(bar->value() + kAutoScrollStep);
            m_dragX = pos.x();
            m_dragGap = m_layout.gapAt(pos.x());
            viewport()->update();
        }
        return;
    }
    const Hit hit = hitAt(pos);
    if (hit.index != m_hover.index || hit.part != m_hover.part) {
        m_hover = hit;
        const bool button = hit.part == Part::ActionButton || hit.part == Part::TakeBadge;
        viewport()->setCursor(button ? Qt::PointingHandCursor : Qt::ArrowCursor);
        viewport()->update();
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_dragging && event->button() == Qt::LeftButton)
        finishDrag(m_layout.gapAt(event->position().toPoint().x()));
    m_dragging = false;
    m_press = Press::None;
    m_pressIndex = -1;
    m_dragGap = -1;
    viewport()->unsetCursor();
    viewport()->update();
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const Hit hit = hitAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && hit.part == Part::Body)
        activate(hit.index);
}

void TimelineView::leaveEvent(QEvent* event)
{
    QAbstractScrollArea::leaveEvent(event);
    m_hover = {};
    viewport()->update();
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const QPoint angle = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double notches = angle.y() / 120.0;
        setZoomAround(m_layout.pixelsPerFrame() * std::pow(kWheelZoomBase, notches), event->position().x());
        event->accept();
        return;
    }
    // A vertical wheel scrolls the (only) horizontal direction.
    const QPoint pixels = event->pixelDelta();
    int delta = 0;
    if (!pixels.isNull())
        delta = pixels.x() != 0 ? pixels.x() : pixels.y();
    else
        delta = (angle.x() != 0 ? angle.x() : angle.y()) * horizontalScrollBar()->singleStep() * 3 / 120;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta);
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    const int count = int(m_items.size());
    if (event->modifiers() & ~Qt::KeypadModifier || count == 0) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const int row = m_selectedRow;
    switch (event->key()) {
    case Qt::Key_Left: selectSegment(m_items[row < 0 ? count - 1 : qMax(0, row - 1)].segmentId); break;
    case Qt::Key_Right: selectSegment(m_items[row < 0 ? 0 : qMin(count - 1, row + 1)].segmentId); break;
    case Qt::Key_Home: selectSegment(m_items.first().segmentId); break;
    case Qt::Key_End: selectSegment(m_items.last().segmentId); break;
    case Qt::Key_Return:
    case Qt::Key_Enter: activate(row); break;
    default: QAbstractScrollArea::keyPressEvent(event); return;
    }
    event->accept();
}

void TimelineView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    const Hit hit = hitAt(event->pos());
    if (hit.index >= 0) {
        const TimelineItem item = m_items[hit.index];
        selectSegment(item.segmentId);
        if (item.selectedTakeId != 0) {
            menu.addAction(
                tr("Play Take"), this, [this, item] { emit takeActivated(item.segmentId, item.selectedTakeId); });
        }
        if (item.isGenerated()) {
            menu.addAction(tr("Takes…"), this, [this, item] { showTakeStack(item.segmentId); });
            menu.addAction(tr("Regenerate"), this, [this, item] { emit regenerateRequested(item.segmentId); });
        } else {
            menu.addAction(tr("Generate"), this, [this, item] { emit generateRequested(item.segmentId); });
        }
        menu.addSeparator();
    }
    menu.addActions(editActions());
    menu.exec(event->globalPos());
}

bool TimelineView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString TimelineView::toolTipAt(const QPoint& pos) const
{
    if (pos.y() < TimelineLayout::kTrackTop)
        return m_items.isEmpty() ? QString() : tr("Click or drag to move the playhead");
    const Hit hit = hitAt(pos);
    if (hit.index < 0)
        return {};
    const TimelineItem& item = m_items[hit.index];
    if (hit.part == Part::TakeBadge)
        return tr("Choose which take this segment uses");
    if (hit.part == Part::ActionButton) {
        return item.isGenerated() ? tr("Regenerate: the segment before it changed since this take was made")
                                  : tr("Generate this segment");
    }
    QStringList lines;
    const QString prompt = item.prompt.simplified();
    lines << (prompt.isEmpty() ? tr("<i>No prompt yet</i>") : QStringLiteral("<b>%1</b>").arg(prompt.toHtmlEscaped()));
    lines << tr("%1 · %2 frames at %3 fps (%4 s)")
                 .arg(modeName(item.conditioning))
                 .arg(item.frames)
                 .arg(item.fps)
                 .arg(item.durationSeconds(), 0, 'f', 2);
    if (const QString status = TimelinePainter::statusText(item); !status.isEmpty())
        lines << status;
    lines << tr("Drag to reorder · double-click to play · drop an image or video to condition on it");
    return lines.join(QStringLiteral("<br>"));
}

} // namespace cosmos::widgets
