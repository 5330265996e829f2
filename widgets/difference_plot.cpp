#include "widgets/difference_plot.h"

#include <algorithm>
#include <cmath>

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace cosmos::widgets {
namespace {

const QColor kBackground(24, 24, 27);
const QColor kGrid(58, 58, 64);
const QColor kLine(255, 200, 87); // the board's highlight: "what differs"
const QColor kFill(255, 200, 87, 50);
const QColor kCursor(77, 163, 255);
const QColor kText(190, 190, 198);

// Below this the takes are the same to the eye: the axis does not zoom into noise.
constexpr double kSmallestTop = 1.0;

} // namespace

DifferencePlot::DifferencePlot(QWidget* parent) : QWidget(parent), m_caption(tr("Mean difference per frame"))
{
    setToolTip(tr("Mean |A − B| per frame, on a 0–255 scale; click or drag to go to a frame"));
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void DifferencePlot::setValues(std::vector<double> values)
{
    m_values = std::move(values);
    m_current = std::clamp(m_current, 0, std::max(0, pointCount() - 1));
    update();
}

void DifferencePlot::setCaption(const QString& caption)
{
    m_caption = caption;
    update();
}

void DifferencePlot::setCurrentFrame(int frame)
{
    frame = std::clamp(frame, 0, std::max(0, pointCount() - 1));
    if (frame == m_current)
        return;
    m_current = frame;
    update();
}

QSize DifferencePlot::sizeHint() const
{
    return {320, 76};
}

QSize DifferencePlot::minimumSizeHint() const
{
    return {120, 56};
}

QRectF DifferencePlot::plotRect() const
{
    // Room above for the caption, at the left for the axis' top value.
    const int text = fontMetrics().height();
    const qreal left = fontMetrics().horizontalAdvance(QStringLiteral("000.0")) + 8;
    return QRectF(left, text + 4, width() - left - 8, height() - text - 10);
}

double DifferencePlot::topValue() const
{
    const auto largest = m_values.empty() ? 0.0 : *std::max_element(m_values.begin(), m_values.end());
    return std::max(kSmallestTop, largest * 1.1);
}

QPointF DifferencePlot::pointAt(int frame) const
{
    if (frame < 0 || frame >= pointCount())
        return {};
    const QRectF area = plotRect();
    const double x = pointCount() == 1 ? area.center().x()
                                       : area.left() + area.width() * frame / static_cast<double>(pointCount() - 1);
    const double value = m_values[static_cast<std::size_t>(frame)];
    const double y = area.bottom() - area.height() * std::clamp(value / topValue(), 0.0, 1.0);
    return {x, y};
}

int DifferencePlot::frameAt(double x) const
{
    if (m_values.empty())
        return -1;
    const QRectF area = plotRect();
    if (pointCount() == 1 || area.width() <= 0)
        return 0;
    const double at = (x - area.left()) / area.width() * (pointCount() - 1);
    return std::clamp(static_cast<int>(std::lround(at)), 0, pointCount() - 1);
}

void DifferencePlot::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = plotRect();

    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
    painter.setFont(small);
    painter.setPen(kText);
    const QRectF captionRect(area.left(), 2, area.width(), area.top() - 4);
    painter.drawText(captionRect, Qt::AlignLeft | Qt::AlignVCenter, m_caption);

    // Axis: the baseline at 0 and the top value.
    painter.setPen(QPen(kGrid, 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    painter.drawLine(area.topLeft(), area.topRight());
    painter.setPen(kText);
    painter.drawText(QRectF(0, area.top() - 8, area.left() - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
        QString::number(topValue(), 'f', 1));
    painter.drawText(
        QRectF(0, area.bottom() - 8, area.left() - 6, 16), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));

    if (m_values.empty()) {
        painter.drawText(area, Qt::AlignCenter, tr("Nothing to compare"));
        return;
    }

    QPainterPath line;
    line.moveTo(pointAt(0));
    for (int i = 1; i < pointCount(); ++i)
        line.lineTo(pointAt(i));
    QPainterPath under = line;
    under.lineTo(pointAt(pointCount() - 1).x(), area.bottom());
    under.lineTo(pointAt(0).x(), area.bottom());
    under.closeSubpath();
    painter.fillPath(under, kFill);
    painter.setPen(QPen(kLine, 1.5));
    painter.drawPath(line);

    // The current frame: a vertical line, its point, and its value.
    const QPointF current = pointAt(m_current);
    painter.setPen(QPen(kCursor, 1));
    painter.drawLine(QPointF(current.x(), area.top()), QPointF(current.x(), area.bottom()));
    painter.setBrush(kCursor);
    painter.drawEllipse(current, 3, 3);
    painter.setPen(kText);
    painter.drawText(captionRect, Qt::AlignRight | Qt::AlignVCenter,
        tr("frame %1: %2").arg(m_current + 1).arg(m_values[static_cast<std::size_t>(m_current)], 0, 'f', 2));
}

void DifferencePlot::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int frame = frameAt(event->position().x());
    if (frame >= 0)
        emit frameClicked(frame);
}

void DifferencePlot::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton)) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const int frame = frameAt(event->position().x());
    if (frame >= 0 && frame != m_current)
        emit frameClicked(frame);
}

} // namespace cosmos::widgets
