// The geometry of the timeline: where each segment's clip lies for a zoom
// (pixels per frame) and a horizontal scroll, in viewport coordinates. No
// widget and no painting: the view, the painter and the tests share it, so
// that what is drawn is exactly what is hit.
#pragma once

#include <QList>
#include <QRect>
#include <QString>

class QFontMetrics;

namespace cosmos::widgets {

class TimelineLayout {
public:
    static constexpr int kRulerHeight = 24;
    static constexpr int kTrackTop = kRulerHeight + 8;
    static constexpr int kClipHeight = 96;
    static constexpr int kBottomMargin = 10;
    static constexpr int kSideMargin = 12;
    static constexpr int kClipGap = 4; // between neighbouring clips
    static constexpr int kBarHeight = 20; // the clip's top and bottom strips
    static constexpr int kButtonSize = 26;
    static constexpr double kMinPixelsPerFrame = 0.25;
    static constexpr double kMaxPixelsPerFrame = 40.0;
    static constexpr double kDefaultPixelsPerFrame = 4.0;

    // Where the parts of one clip are; a null rect: not shown (too narrow).
    struct ClipParts {
        QRect modeBadge;
        QRect title;
        QRect status; // "stale", "not generated", ...
        QRect duration;
        QRect takeBadge;
        QRect actionButton; // regenerate (stale) or generate (no take)
    };

    // The length of each clip in frames, in timeline order.
    void setFrames(const QList<int>& frames);
    void setPixelsPerFrame(double pixelsPerFrame); // clamped
    double pixelsPerFrame() const { return m_pixelsPerFrame; }
    void setScrollX(int x) { m_scrollX = x; }
    int scrollX() const { return m_scrollX; }

    int count() const { return int(m_frames.size()); }
    int frames(int index) const { return m_frames.value(index); }
    int startFrame(int index) const; // index == count(): totalFrames()
    int totalFrames() const { return m_starts.isEmpty() ? 0 : m_starts.last(); }
    // The whole track in pixels, margins included (the scroll range).
    int contentWidth() const;
    // The zoom that shows every clip in a viewport this wide.
    double fitPixelsPerFrame(int viewportWidth) const;

    double xOfFrame(double frame) const;
    int frameAtX(double x) const; // clamped to 0..totalFrames()
    QRect clipRect(int index) const;
    int clipAt(const QPoint& pos) const; // -1: none
    // Where a clip dragged to x would go: 0..count(), before that clip.
    int gapAt(int x) const;
    int gapX(int gap) const;

    static QRect rulerRect(int width) { return {0, 0, width, kRulerHeight}; }
    static int preferredHeight() { return kTrackTop + kClipHeight + kBottomMargin; }
    // statusWidth: what the status text needs (0: none). The status and
    // the button sit side by side when both fit, else one above the other.
    static ClipParts partsOf(
        const QRect& clip, const QFontMetrics& metrics, const QString& takeBadgeText, int statusWidth, bool hasAction);

private:
    QList<int> m_frames;
    QList<int> m_starts {0}; // running sums, count() + 1 entries
    double m_pixelsPerFrame = kDefaultPixelsPerFrame;
    int m_scrollX = 0;
};

} // namespace cosmos::widgets
