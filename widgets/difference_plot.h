// A small line plot of one value a frame (the A/B view's mean difference),
// with the current frame marked. Clicking or dragging on it seeks.
//
//   plot->setValues(meanDifferencePerFrame(*a, *b));
//   connect(clock, &PlaybackClock::positionChanged, plot, &DifferencePlot::setCurrentFrame);
//   connect(plot, &DifferencePlot::frameClicked, clock, &PlaybackClock::seek);
#pragma once

#include <vector>

#include <QPointF>
#include <QString>
#include <QWidget>

namespace cosmos::widgets {

class DifferencePlot : public QWidget {
    Q_OBJECT
public:
    explicit DifferencePlot(QWidget* parent = nullptr);

    // One value a frame, 0..255 (the y axis runs from 0 to the largest value).
    void setValues(std::vector<double> values);
    const std::vector<double>& values() const { return m_values; }
    int pointCount() const { return static_cast<int>(m_values.size()); }
    // Shown in the corner: what the values are.
    void setCaption(const QString& caption);

    int currentFrame() const { return m_current; }
    // Where frame i's point is drawn, in widget pixels (tests, tooltips).
    QPointF pointAt(int frame) const;
    // The frame nearest to x, or -1 without values.
    int frameAt(double x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void setCurrentFrame(int frame);

signals:
    void frameClicked(int frame);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRectF plotRect() const;
    double topValue() const;

    std::vector<double> m_values;
    int m_current = 0;
    QString m_caption;
};

} // namespace cosmos::widgets
