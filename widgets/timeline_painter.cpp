#include "widgets/timeline_painter.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

namespace cosmos::widgets {
namespace {

QString tr(const char* text, const char* disambiguation = nullptr)
{
    // lupdate files each tr() call under the class whose method makes it,
    // or under the namespace for free functions: look in both.
    for (const char* context : {"cosmos::widgets::TimelinePainter", "cosmos::widgets"}) {
        const QString translated = QCoreApplication::translate(context, text, disambiguation);
        if (translated != QLatin1String(text))
            return translated;
    }
    return QString::fromUtf8(text);
}

constexpr qreal kRadius = 5.0;
const QColor kStripColor(0, 0, 0, 150); // under text over thumbnails
const QColor kStripText(255, 255, 255, 235);

QColor mixed(const QColor& a, const QColor& b, qreal amount)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount),
        float(a.greenF() + (b.greenF() - a.greenF()) * amount), float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

// A tick step (in frames) whose labels sit at least minPixels apart.
int tickStepFrames(double pixelsPerFrame, double fps, double minPixels)
{
    const int perSecond = qMax(1, int(std::lround(fps)));
    const QList<int> steps {1, 2, 4, perSecond / 4, perSecond / 2, perSecond, 2 * perSecond, 5 * perSecond,
        10 * perSecond, 30 * perSecond, 60 * perSecond, 300 * perSecond};
    for (const int step : steps) {
        if (step > 0 && step * pixelsPerFrame >= minPixels)
            return step;
    }
    return 600 * perSecond;
}

QString timeLabel(int frame, double fps)
{
    const double seconds = frame / fps;
    if (seconds >= 60.0) {
        const int whole = int(seconds);
        return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    }
    const bool whole = std::abs(seconds - std::round(seconds)) < 1e-6;
    return tr("%1 s", "ruler time").arg(seconds, 0, 'f', whole ? 0 : 2);
}

} // namespace

QPixmap ThumbnailCache::scaled(const QString& file, int height)
{
    if (file.isEmpty() || height <= 0)
        return {};
    const QPair<QString, int> key(file, height);
    if (const auto found = m_scaled.constFind(key); found != m_scaled.constEnd())
        return *found;
    auto image = m_images.constFind(file);
    if (image == m_images.constEnd())
        image = m_images.insert(file, QImage(file));
    const QPixmap pixmap
        = image->isNull() ? QPixmap() : QPixmap::fromImage(image->scaledToHeight(height, Qt::SmoothTransformation));
    m_scaled.insert(key, pixmap);
    return pixmap;
}

void ThumbnailCache::clear()
{
    m_images.clear();
    m_scaled.clear();
}

TimelinePainter::TimelinePainter(
    QPainter& painter, const QPalette& palette, const TimelineLayout& layout, int viewWidth)
    : m_painter(painter),
      m_palette(palette),
      m_layout(layout),
      m_viewWidth(viewWidth),
      m_dark(palette.color(QPalette::Window).lightness() < 128)
{
    m_painter.setRenderHint(QPainter::Antialiasing);
}

QString TimelinePainter::takeBadgeText(const TimelineItem& item)
{
    // Spelled out: the studio ships no English numerus forms for "%n".
    if (item.takeCount <= 0)
        return {};
    return item.takeCount == 1 ? tr("1 take", "take stack badge")
                               : tr("%1 takes", "take stack badge").arg(item.takeCount);
}

QString TimelinePainter::durationText(const TimelineItem& item)
{
    return tr("%1 s", "clip duration").arg(item.durationSeconds(), 0, 'f', 1);
}

QString TimelinePainter::statusText(const TimelineItem& item)
{
    if (!item.isGenerated())
        return tr("not generated");
    if (item.shownStatus == projects::TakeStatus::Running)
        return tr("generating…");
    if (item.shownStatus == projects::TakeStatus::Queued)
        return tr("queued");
    if (item.stale)
        return tr("stale");
    if (item.selectedTakeId == 0 && item.shownStatus == projects::TakeStatus::Failed)
        return tr("failed");
    if (item.selectedTakeId == 0)
        return tr("no take selected");
    return {};
}

TimelineLayout::ClipParts TimelinePainter::partsOf(
    const QRect& rect, const TimelineItem& item, const QFont& font, int viewWidth)
{
    const QRect shown = rect.intersected(QRect(0, rect.top(), viewWidth, rect.height()));
    QFont bold = font;
    bold.setBold(true);
    const QString status = statusText(item);
    const int statusWidth = status.isEmpty() ? 0 : QFontMetrics(bold).horizontalAdvance(status) + 14;
    return TimelineLayout::partsOf(
        shown.isEmpty() ? rect : shown, QFontMetrics(font), takeBadgeText(item), statusWidth, hasAction(item));
}

QColor TimelinePainter::modeColor(projects::Conditioning conditioning)
{
    switch (conditioning) {
    case projects::Conditioning::Text: return QColor(0x4f, 0x86, 0xe8);
    case projects::Conditioning::Image: return QColor(0x3f, 0xa8, 0x5a);
    case projects::Conditioning::Video: return QColor(0xa2, 0x5c, 0xd6);
    case projects::Conditioning::Continue: return QColor(0x1f, 0xa5, 0x9a);
    }
    return Qt::gray;
}

void TimelinePainter::paintBackground(const QRect& rect)
{
    const QColor base = m_palette.color(QPalette::Base);
    m_painter.fillRect(rect, m_dark ? base.darker(115) : m_palette.color(QPalette::Window).darker(104));
}

void TimelinePainter::paintRuler(int width, double fps)
{
    const QRect ruler = TimelineLayout::rulerRect(width);
    const QColor window = m_palette.color(QPalette::Window);
    m_painter.fillRect(ruler, m_dark ? window.lighter(112) : window.lighter(104));
    const QColor line = withAlpha(m_palette.color(QPalette::WindowText), 70);
    m_painter.setPen(line);
    m_painter.drawLine(ruler.bottomLeft(), ruler.bottomRight());

    const double pixelsPerFrame = m_layout.pixelsPerFrame();
    const int step = tickStepFrames(pixelsPerFrame, fps, 64.0);
    const int minor = step % 4 == 0 && step / 4 * pixelsPerFrame >= 6.0 ? step / 4 : 0;
    const int first = qMax(0, m_layout.frameAtX(0) - step);
    m_painter.save(); // the smaller font is the ruler's alone
    QFont font = m_painter.font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    m_painter.setFont(font);
    // Across the whole width, past the last clip: room to grow into.
    for (int frame = first - first % step;; frame += minor > 0 ? minor : step) {
        const double x = m_layout.xOfFrame(frame);
        if (x > width + 40)
            break;
        const bool major = frame % step == 0;
        m_painter.setPen(major ? withAlpha(m_palette.color(QPalette::WindowText), 150) : line);
        m_painter.drawLine(QPointF(x, ruler.bottom() - (major ? 9 : 4)), QPointF(x, ruler.bottom()));
        if (major) {
            m_painter.setPen(withAlpha(m_palette.color(QPalette::WindowText), 190));
            m_painter.drawText(
                QRectF(x + 3, 0, 80, ruler.height() - 6), Qt::AlignLeft | Qt::AlignVCenter, timeLabel(frame, fps));
        }
    }
    m_painter.restore();
}

void TimelinePainter::paintClip(
    const QRect& rect, const TimelineItem& item, const ClipState& state, const QPixmap& thumbnail)
{
    m_painter.save();
    if (state.dragged)
        m_painter.setOpacity(0.35);
    QPainterPath shape;
    shape.addRoundedRect(QRectF(rect), kRadius, kRadius);
    m_painter.setClipPath(shape);
    paintClipBody(rect, item, thumbnail);
    paintClipText(rect, item, state);
    m_painter.setClipping(false);
    paintClipBorder(rect, item, state);
    m_painter.restore();
}

void TimelinePainter::paintClipBody(const QRect& rect, const TimelineItem& item, const QPixmap& thumbnail)
{
    const QColor button = m_palette.color(QPalette::Button);
    if (!item.isGenerated()) {
        m_painter.fillRect(rect, withAlpha(mixed(m_palette.color(QPalette::Base), button, 0.5), 200));
        return;
    }
    m_painter.fillRect(rect, mixed(button, modeColor(item.conditioning), m_dark ? 0.28 : 0.18));
    if (!thumbnail.isNull()) {
        // A film strip: the frame repeated along the clip, like an editor's.
        const int width = thumbnail.width();
        const int top = rect.top() + (rect.height() - thumbnail.height()) / 2;
        if (width >= rect.width()) {
            m_painter.drawPixmap(
                rect.left(), top, thumbnail, (width - rect.width()) / 2, 0, rect.width(), thumbnail.height());
        } else {
            for (int x = rect.left(); x <= rect.right(); x += width)
                m_painter.drawPixmap(x, top, thumbnail);
        }
    }
    if (item.stale) {
        m_painter.fillRect(rect, withAlpha(staleColor(), 45));
        m_painter.fillRect(rect, QBrush(withAlpha(staleColor(), 120), Qt::BDiagPattern));
    }
}

void TimelinePainter::paintClipText(const QRect& rect, const TimelineItem& item, const ClipState& state)
{
    const QFontMetrics metrics(m_painter.font());
    const TimelineLayout::ClipParts parts = partsOf(rect, item, m_painter.font(), m_viewWidth);
    const QRect top(rect.left(), rect.top(), rect.width(), TimelineLayout::kBarHeight);
    const QRect bottom(
        rect.left(), rect.bottom() - TimelineLayout::kBarHeight + 1, rect.width(), TimelineLayout::kBarHeight);
    // Over a thumbnail: dark strips in either theme; on an empty clip: the
    // palette's own text on a faint band.
    const bool generated = item.isGenerated();
    const QColor strip = generated ? kStripColor : withAlpha(m_palette.color(QPalette::Text), 20);
    const QColor text = generated ? kStripText : m_palette.color(QPalette::Text);
    m_painter.fillRect(top, strip);
    m_painter.fillRect(bottom, strip);

    QFont bold = m_painter.font();
    bold.setBold(true);
    if (!parts.modeBadge.isNull()) {
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(modeColor(item.conditioning));
        m_painter.drawRoundedRect(QRectF(parts.modeBadge), 3, 3);
        m_painter.save();
        m_painter.setFont(bold);
        m_painter.setPen(Qt::white);
        m_painter.drawText(parts.modeBadge, Qt::AlignCenter, modeLetter(item.conditioning));
        m_painter.restore();
    }
    m_painter.setPen(text);
    if (!parts.title.isNull()) {
        const QString prompt = item.prompt.simplified().isEmpty() ? tr("(no prompt)") : item.prompt.simplified();
        m_painter.drawText(parts.title, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(prompt, Qt::ElideRight, parts.title.width()));
    }
    // Whole or not at all: "…" alone would say nothing.
    if (!parts.duration.isNull() && metrics.horizontalAdvance(durationText(item)) <= parts.duration.width()) {
        m_painter.setPen(withAlpha(text, 200));
        m_painter.drawText(parts.duration, Qt::AlignLeft | Qt::AlignVCenter, durationText(item));
    }
    if (!parts.takeBadge.isNull()) {
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(QColor(255, 255, 255, state.takeBadgeHovered ? 90 : 45));
        m_painter.drawRoundedRect(QRectF(parts.takeBadge), 7, 7);
        m_painter.setPen(text);
        m_painter.drawText(parts.takeBadge, Qt::AlignCenter, takeBadgeText(item));
    }
    const QString status = statusText(item);
    if (!parts.status.isNull() && !status.isEmpty()) {
        const QFontMetrics boldMetrics(bold);
        const QString shown = boldMetrics.elidedText(status, Qt::ElideRight, parts.status.width() - 12);
        const int width = qMin(boldMetrics.horizontalAdvance(shown) + 14, parts.status.width());
        const QRect pill(
            parts.status.left() + (parts.status.width() - width) / 2, parts.status.top(), width, parts.status.height());
        if (generated) {
            m_painter.setPen(Qt::NoPen);
            m_painter.setBrush(kStripColor);
            m_painter.drawRoundedRect(QRectF(pill), 10, 10);
        }
        m_painter.save();
        m_painter.setFont(bold);
        QColor colour = item.stale ? staleColor() : kStripText;
        if (!generated)
            colour = withAlpha(m_palette.color(QPalette::Text), 170);
        else if (item.selectedTakeId == 0 && item.shownStatus == projects::TakeStatus::Failed)
            colour = QColor(0xff, 0x6b, 0x6b);
        m_painter.setPen(colour);
        m_painter.drawText(pill, Qt::AlignCenter, shown);
        m_painter.restore();
    }
    if (!parts.actionButton.isNull())
        paintActionButton(parts.actionButton, item.isGenerated(), state.buttonHovered);
    if (!state.dropHint.isEmpty()) {
        m_painter.fillRect(rect, withAlpha(m_palette.color(QPalette::Highlight), 110));
        m_painter.setPen(m_palette.color(QPalette::HighlightedText));
        m_painter.setFont(bold);
        m_painter.drawText(rect.adjusted(6, 0, -6, 0), Qt::AlignCenter | Qt::TextWordWrap, state.dropHint);
    }
}

void TimelinePainter::paintActionButton(const QRect& rect, bool regenerate, bool hovered)
{
    const QColor fill = regenerate ? staleColor() : m_palette.color(QPalette::Highlight);
    m_painter.setPen(QPen(QColor(0, 0, 0, 90), 1));
    m_painter.setBrush(hovered ? fill.lighter(125) : fill);
    m_painter.drawEllipse(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5));
    const QPointF centre = QRectF(rect).center();
    const qreal size = rect.width() / 2.0 - 6.0;
    const QColor glyph = regenerate ? QColor(0x2b, 0x1d, 0x00) : m_palette.color(QPalette::HighlightedText);
    if (regenerate) {
        // A circular arrow: most of a circle and a head at its open end.
        m_painter.setPen(QPen(glyph, 2.0, Qt::SolidLine, Qt::RoundCap));
        m_painter.setBrush(Qt::NoBrush);
        const QRectF ring(centre.x() - size, centre.y() - size, 2 * size, 2 * size);
        m_painter.drawArc(ring, 60 * 16, 280 * 16);
        const QPointF tip(centre.x() + size * 0.5, centre.y() - size * 0.87);
        QPainterPath head;
        head.moveTo(tip + QPointF(3.5, -1.0));
        head.lineTo(tip + QPointF(-2.0, -3.5));
        head.lineTo(tip + QPointF(-0.5, 3.0));
        head.closeSubpath();
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(glyph);
        m_painter.drawPath(head);
    } else {
        QPainterPath play;
        play.moveTo(centre + QPointF(-size * 0.6, -size));
        play.lineTo(centre + QPointF(size, 0));
        play.lineTo(centre + QPointF(-size * 0.6, size));
        play.closeSubpath();
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(glyph);
        m_painter.drawPath(play);
    }
}

void TimelinePainter::paintClipBorder(const QRect& rect, const TimelineItem& item, const ClipState& state)
{
    m_painter.setBrush(Qt::NoBrush);
    const QRectF inner = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (!item.isGenerated()) {
        QPen dashed(withAlpha(m_palette.color(QPalette::Text), state.hovered ? 200 : 140), 1.5, Qt::DashLine);
        m_painter.setPen(dashed);
        m_painter.drawRoundedRect(inner.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    } else if (item.stale) {
        m_painter.setPen(QPen(staleColor(), 2.0));
        m_painter.drawRoundedRect(inner.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
    } else {
        m_painter.setPen(QPen(withAlpha(m_palette.color(QPalette::Text), state.hovered ? 120 : 60), 1.0));
        m_painter.drawRoundedRect(inner, kRadius, kRadius);
    }
    if (state.selected) {
        m_painter.setPen(QPen(m_palette.color(QPalette::Highlight), 2.5));
        m_painter.drawRoundedRect(QRectF(rect).adjusted(-2.0, -2.0, 2.0, 2.0), kRadius + 2, kRadius + 2);
    }
}

void TimelinePainter::paintGapMarker(int gap)
{
    const int x = m_layout.gapX(gap);
    const QColor colour = m_palette.color(QPalette::Highlight);
    m_painter.fillRect(QRect(x - 1, TimelineLayout::kTrackTop - 4, 3, TimelineLayout::kClipHeight + 8), colour);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(colour);
    m_painter.drawEllipse(QPointF(x + 0.5, TimelineLayout::kTrackTop - 4), 4, 4);
    m_painter.drawEllipse(QPointF(x + 0.5, TimelineLayout::kTrackTop + TimelineLayout::kClipHeight + 4), 4, 4);
}

void TimelinePainter::paintPlayhead(int frame, int height)
{
    const qreal x = std::round(m_layout.xOfFrame(frame)) + 0.5;
    const QColor colour = playheadColor();
    m_painter.setPen(QPen(colour, 1.5));
    m_painter.drawLine(QPointF(x, TimelineLayout::kRulerHeight - 8), QPointF(x, height));
    QPainterPath handle;
    handle.moveTo(x - 6, 2);
    handle.lineTo(x + 6, 2);
    handle.lineTo(x + 6, TimelineLayout::kRulerHeight - 12);
    handle.lineTo(x, TimelineLayout::kRulerHeight - 5);
    handle.lineTo(x - 6, TimelineLayout::kRulerHeight - 12);
    handle.closeSubpath();
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(colour);
    m_painter.drawPath(handle);
}

void TimelinePainter::paintHint(const QRect& rect, const QString& text)
{
    m_painter.setPen(withAlpha(m_palette.color(QPalette::Text), 150));
    m_painter.drawText(rect, Qt::AlignCenter | Qt::TextWordWrap, text);
}

} // namespace cosmos::widgets
