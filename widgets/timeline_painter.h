// Draws the timeline: ruler, clips (thumbnail strip, mode badge, prompt,
// duration, take stack, stale and not-generated marks), playhead and drag
// markers. Colours come from the widget's palette, so the light and the
// dark theme both read well; the strips over thumbnails are dark in both
// because the thumbnails are.
#pragma once

#include <QColor>
#include <QHash>
#include <QImage>
#include <QPair>
#include <QPalette>
#include <QPixmap>
#include <QString>

#include "widgets/timeline_items.h"
#include "widgets/timeline_layout.h"

class QPainter;

namespace cosmos::widgets {

// Thumbnails read once per file (media paths are content-addressed, so a
// path never changes its content) and scaled once per height.
class ThumbnailCache {
public:
    // Null when the file is missing or not an image.
    QPixmap scaled(const QString& file, int height);
    void clear();

private:
    QHash<QString, QImage> m_images; // a null image remembers a failed read
    QHash<QPair<QString, int>, QPixmap> m_scaled;
};

struct ClipState {
    bool selected = false;
    bool hovered = false;
    bool takeBadgeHovered = false;
    bool buttonHovered = false;
    bool dragged = false; // the clip being reordered (drawn faded in place)
    QString dropHint; // non-empty: a file is dragged over this clip
};

class TimelinePainter {
public:
    // viewWidth: the width of the viewport the layout's coordinates are in.
    TimelinePainter(QPainter& painter, const QPalette& palette, const TimelineLayout& layout, int viewWidth);

    void paintBackground(const QRect& rect);
    void paintRuler(int width, double fps);
    void paintClip(const QRect& rect, const TimelineItem& item, const ClipState& state, const QPixmap& thumbnail);
    void paintGapMarker(int gap);
    void paintPlayhead(int frame, int height);
    void paintHint(const QRect& rect, const QString& text);

    // What the clip's texts say, shared with tooltips and hit testing.
    static QString takeBadgeText(const TimelineItem& item);
    static QString durationText(const TimelineItem& item);
    static QString statusText(const TimelineItem& item);
    static bool hasAction(const TimelineItem& item) { return item.stale || !item.isGenerated(); }
    // Where the parts of this item's clip lie when drawn in `font` on a
    // view `viewWidth` wide: a clip wider than the view keeps its texts and
    // buttons on the part that shows, as in a video editor.
    static TimelineLayout::ClipParts partsOf(
        const QRect& rect, const TimelineItem& item, const QFont& font, int viewWidth);
    static QColor modeColor(projects::Conditioning conditioning);
    static QColor staleColor() { return QColor(0xf5, 0xa6, 0x23); }
    static QColor playheadColor() { return QColor(0xff, 0x55, 0x4d); }

private:
    void paintClipBody(const QRect& rect, const TimelineItem& item, const QPixmap& thumbnail);
    void paintClipText(const QRect& rect, const TimelineItem& item, const ClipState& state);
    void paintActionButton(const QRect& rect, bool regenerate, bool hovered);
    void paintClipBorder(const QRect& rect, const TimelineItem& item, const ClipState& state);

    QPainter& m_painter;
    const QPalette& m_palette;
    const TimelineLayout& m_layout;
    int m_viewWidth = 0;
    bool m_dark = false;
};

} // namespace cosmos::widgets
