#include "widgets/timeline_layout.h"

#include <QFontMetrics>
#include <QtMath>

namespace cosmos::widgets {

void TimelineLayout::setFrames(const QList<int>& frames)
{
    m_frames = frames;
    m_starts = {0};
    for (const int count : frames)
        m_starts.append(m_starts.last() + qMax(count, 1));
}

void TimelineLayout::setPixelsPerFrame(double pixelsPerFrame)
{
    m_pixelsPerFrame = qBound(kMinPixelsPerFrame, pixelsPerFrame, kMaxPixelsPerFrame);
}

int TimelineLayout::startFrame(int index) const
{
    return m_starts.value(qBound(0, index, count()));
}

int TimelineLayout::contentWidth() const
{
    return int(std::ceil(totalFrames() * m_pixelsPerFrame)) + 2 * kSideMargin;
}

double TimelineLayout::fitPixelsPerFrame(int viewportWidth) const
{
    if (totalFrames() == 0)
        return kDefaultPixelsPerFrame;
    return double(viewportWidth - 2 * kSideMargin) / totalFrames();
}

double TimelineLayout::xOfFrame(double frame) const
{
    return kSideMargin + frame * m_pixelsPerFrame - m_scrollX;
}

int TimelineLayout::frameAtX(double x) const
{
    const double frame = (x + m_scrollX - kSideMargin) / m_pixelsPerFrame;
    return qBound(0, int(std::lround(frame)), totalFrames());
}

QRect TimelineLayout::clipRect(int index) const
{
    if (index < 0 || index >= count())
        return {};
    const int left = int(std::lround(xOfFrame(m_starts[index])));
    const int right = int(std::lround(xOfFrame(m_starts[index + 1]))) - kClipGap;
    // Even a one-frame clip at the smallest zoom stays visible and hittable.
    return {left, kTrackTop, qMax(right - left, 4), kClipHeight};
}

int TimelineLayout::clipAt(const QPoint& pos) const
{
    if (pos.y() < kTrackTop || pos.y() >= kTrackTop + kClipHeight)
        return -1;
    for (int index = 0; index < count(); ++index) {
        if (clipRect(index).contains(pos))
            return index;
    }
    return -1;
}

int TimelineLayout::gapAt(int x) const
{
    // Before the first clip whose middle lies right of x.
    for (int index = 0; index < count(); ++index) {
        if (x < xOfFrame(m_starts[index] + m_frames[index] / 2.0))
            return index;
    }
    return count();
}

int TimelineLayout::gapX(int gap) const
{
    return int(std::lround(xOfFrame(startFrame(gap)))) - kClipGap / 2;
}

TimelineLayout::ClipParts TimelineLayout::partsOf(
    const QRect& clip, const QFontMetrics& metrics, const QString& takeBadgeText, int statusWidth, bool hasAction)
{
    ClipParts parts;
    const int pad = 4;
    const QRect inner = clip.adjusted(pad, 0, -pad, 0);
    if (inner.width() < 12)
        return parts; // a sliver: colour only
    const int badgeHeight = kBarHeight - 6;
    parts.modeBadge = QRect(inner.left(), clip.top() + 3, qMin(badgeHeight + 2, inner.width()), badgeHeight);
    if (inner.width() > parts.modeBadge.width() + 16)
        parts.title
            = QRect(parts.modeBadge.right() + 6, clip.top(), inner.right() - parts.modeBadge.right() - 5, kBarHeight);

    const int bottomTop = clip.bottom() - kBarHeight + 1;
    const QRect bottom(inner.left(), bottomTop, inner.width(), kBarHeight);
    if (!takeBadgeText.isEmpty()) {
        const int width = metrics.horizontalAdvance(takeBadgeText) + 12;
        if (width + 8 <= inner.width())
            parts.takeBadge = QRect(inner.right() - width + 1, bottomTop + 3, width, badgeHeight);
    }
    const int durationRight = parts.takeBadge.isNull() ? bottom.right() : parts.takeBadge.left() - 4;
    if (durationRight - bottom.left() > 16)
        parts.duration = QRect(bottom.left() + 2, bottomTop, durationRight - bottom.left() - 1, kBarHeight);

    const int middleTop = clip.top() + kBarHeight;
    const int middleHeight = kClipHeight - 2 * kBarHeight;
    const int statusHeight = 20;
    const bool button = hasAction && inner.width() >= kButtonSize + 2;
    const bool sideBySide = !button || statusWidth == 0 || statusWidth + kButtonSize + 8 <= inner.width();
    if (button && sideBySide) {
        parts.actionButton = QRect(
            inner.right() - kButtonSize + 1, middleTop + (middleHeight - kButtonSize) / 2, kButtonSize, kButtonSize);
    } else if (button) {
        // Stacked and centred: the status on top, the button under it.
        const int top = middleTop + (middleHeight - statusHeight - 2 - kButtonSize) / 2;
        parts.status = QRect(inner.left(), top, inner.width(), statusHeight);
        parts.actionButton
            = QRect(inner.center().x() - kButtonSize / 2 + 1, top + statusHeight + 2, kButtonSize, kButtonSize);
        return parts;
    }
    const int statusRight = parts.actionButton.isNull() ? inner.right() : parts.actionButton.left() - 4;
    if (statusRight - inner.left() > 20)
        parts.status = QRect(
            inner.left(), middleTop + (middleHeight - statusHeight) / 2, statusRight - inner.left() + 1, statusHeight);
    return parts;
}

} // namespace cosmos::widgets
