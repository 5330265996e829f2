// Two takes, A and B, on one clock: a wipe (A left of a draggable line, B
// right of it) or a per-pixel difference heatmap, with the mean difference
// per frame plotted underneath (click the plot to go to a frame).
//
//   view->setClips(takeA, takeB, tr("Take 3"), tr("Take 5"), 16);
//   view->setMode(AbCompareView::Mode::Difference);
//
// Clips of different sizes can be wiped (B is scaled onto A's rectangle) but
// not differenced: the heatmap and the plot then say why.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include <QImage>
#include <QList>
#include <QString>
#include <QWidget>

#include "engine/runner/job.h"

class QAction;
class QLabel;
class QPainter;
class QSlider;

namespace cosmos::widgets {

class AbCanvas;
class ClockTransport;
class DifferencePlot;
class PlaybackClock;

class AbCompareView : public QWidget {
    Q_OBJECT
public:
    enum class Mode {
        Wipe, // A left of the wipe line, B right of it
        Difference, // |A - B| per pixel as a heatmap
    };
    Q_ENUM(Mode)

    explicit AbCompareView(QWidget* parent = nullptr);
    ~AbCompareView() override;

    // Plays both from the first frame at fps, looping, as long as the longer
    // one (the shorter holds its last frame). A null clip clears the view.
    void setClips(
        engine::PreviewPtr a, engine::PreviewPtr b, const QString& labelA, const QString& labelB, double fps = 16.0);
    void clear();
    engine::PreviewPtr clipA() const { return m_a; }
    engine::PreviewPtr clipB() const { return m_b; }
    // What each side is, as given (the view shows them after "A" and "B").
    QString labelA() const { return m_labelA; }
    QString labelB() const { return m_labelB; }
    int frameCount() const;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // 0: all B, 1: all A; clamped.
    void setWipePosition(double position);
    double wipePosition() const { return m_wipe; }
    void setSmoothScaling(bool smooth);
    bool smoothScaling() const { return m_smooth; }

    int shownFrame() const { return m_shown; }
    // Empty when the clips cannot be compared pixel by pixel (see
    // differenceError()), and while they are measured off the GUI thread
    // (differencesMeasured() says when they are in).
    const std::vector<double>& meanDifferences() const { return m_means; }
    bool isMeasuring() const;
    QString differenceError() const { return m_differenceError; }
    // The heatmap of the shown frame, at the clips' size; null when there is none.
    QImage shownDifference() const;

    // Where the frame lands in the canvas, in its (logical) pixels.
    QRectF frameRect() const;
    // The canvas as painted now (tests, screenshots).
    QImage grabCanvas() const;

    QWidget* canvas() const;
    QSlider* wipeSlider() const { return m_slider; }
    DifferencePlot* plot() const { return m_plot; }
    PlaybackClock* clock() const { return m_clock; }
    ClockTransport* transport() const { return m_transport; }
    QAction* wipeAction() const { return m_wipeAction; }
    QAction* differenceAction() const { return m_differenceAction; }
    QAction* smoothAction() const { return m_smoothAction; }
    // Transport, then Wipe (W), Difference (D), Smooth (S): live while the focus is in the view.
    QList<QAction*> playerActions() const;

public slots:
    // Clamped to the longer clip; the clock's positionChanged drives it.
    void showFrame(int frame);

signals:
    void modeChanged(cosmos::widgets::AbCompareView::Mode mode);
    void wipePositionChanged(double position);
    void frameShown(int frame);
    void differencesMeasured();

private:
    friend class AbCanvas;

    void paintCanvas(QPainter& painter, const QRect& area);
    void paintWipe(QPainter& painter, const QRectF& frame);
    void paintDifference(QPainter& painter, const QRectF& frame);
    void paintChip(QPainter& painter, const QString& text, const QRectF& frame, Qt::Alignment corner);
    void dragWipeTo(double x);
    void updateControls();
    QImage frameImage(const engine::PreviewPtr& clip) const;
    void measureDifferences();

    engine::PreviewPtr m_a;
    engine::PreviewPtr m_b;
    QString m_labelA;
    QString m_labelB;
    Mode m_mode = Mode::Wipe;
    double m_wipe = 0.5;
    bool m_smooth = false;
    int m_shown = 0;
    std::vector<double> m_means;
    // The newest measurement asked for, shared with the workers measuring.
    std::shared_ptr<std::atomic<quint64>> m_measuring = std::make_shared<std::atomic<quint64>>(0);
    QString m_differenceError;
    mutable QImage m_heatmap; // of m_heatmapFrame, made when first painted
    mutable int m_heatmapFrame = -1;

    AbCanvas* m_canvas = nullptr;
    QLabel* m_labelAWidget = nullptr;
    QLabel* m_labelBWidget = nullptr;
    QSlider* m_slider = nullptr;
    DifferencePlot* m_plot = nullptr;
    PlaybackClock* m_clock = nullptr;
    ClockTransport* m_transport = nullptr;
    QAction* m_wipeAction = nullptr;
    QAction* m_differenceAction = nullptr;
    QAction* m_smoothAction = nullptr;
};

} // namespace cosmos::widgets
