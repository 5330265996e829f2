// The comparison board's GL view: up to 16 clips in a grid (ceil(sqrt(n))
// columns), every cell showing the same frame index of its own clip, so that
// one clock plays them in lock step. A clip shorter than the frame shown holds
// its last frame. Over each cell, small labels (title, what differs, the
// prompt with its differing words highlighted) are painted after the GL pass.
//
//   view->setClips({a, b, c, d});
//   view->setLabels(labelCells(cells));
//   connect(clock, &PlaybackClock::positionChanged, view, &BoardView::showFrame);
#pragma once

#include <vector>

#include <QImage>
#include <QList>
#include <QOpenGLFunctions>
#include <QOpenGLWidget>
#include <QString>

#include "engine/runner/job.h"
#include "widgets/board_labels.h"
#include "widgets/textured_quad.h"

class QPainter;

namespace cosmos::widgets {

class BoardView : public QOpenGLWidget, protected QOpenGLFunctions {
    Q_OBJECT
public:
    static constexpr int kMaxCells = 16;

    explicit BoardView(QWidget* parent = nullptr);
    ~BoardView() override;

    // One cell a clip, in order (a board has 2..16; more are dropped with a
    // warning). A null or malformed clip keeps its cell, shown as missing, so
    // that indices still match the caller's takes. The shown index stays,
    // clamped to the longest clip.
    void setClips(const QList<engine::PreviewPtr>& clips);
    QList<engine::PreviewPtr> clips() const { return m_clips; }
    int cellCount() const { return static_cast<int>(m_clips.size()); }
    int columns() const;
    int rows() const;
    // Frames of the longest clip: the range of showFrame and of the clock.
    int frameCount() const;

    // Every cell shows this index (clamped to [0, frameCount() - 1]).
    void showFrame(int index);
    int shownFrame() const { return m_shown; }
    // What each cell shows: min(shownFrame(), its frames - 1); -1 for a missing clip.
    QList<int> cellFrames() const;

    // Cell i gets labels[i]; fewer labels leave the last cells bare.
    void setLabels(const QList<BoardCellLabel>& labels);
    QList<BoardCellLabel> labels() const { return m_labels; }
    void setLabelsVisible(bool visible);
    bool labelsVisible() const { return m_labelsVisible; }
    // false (the default): nearest neighbour, the crisp pixels of 64x64 clips.
    void setSmoothScaling(bool smooth);
    bool smoothScaling() const { return m_smooth; }
    void setEmptyMessage(const QString& message);
    QString emptyMessage() const { return m_emptyMessage; }

    // Geometry in widget (logical) pixels. The cell is its whole grid slot;
    // the frame is letterboxed inside it. Empty for an index out of range.
    QRect cellRect(int index) const;
    QRectF cellFrameRect(int index) const;
    // The cell under a point, or -1 (the gaps between cells belong to none).
    int cellAt(QPoint point) const;
    int hoveredCell() const { return m_hovered; }

    // The frame area of one cell as rendered (labels included), at device
    // pixels; null for a missing clip or a bad index. Renders the board once.
    QImage grabCell(int index) const;
    // Board paints with clips on screen (tests: playing paints).
    int paintedFrames() const { return m_paintedFrames; }

signals:
    // A click (press and release on the same cell) on a cell that has a clip.
    void cellClicked(int index);
    void framePainted(int index);
    void labelsVisibleChanged(bool visible);
    void smoothScalingChanged(bool smooth);

protected:
    void initializeGL() override;
    void resizeGL(int width, int height) override;
    void paintGL() override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    // A cell's label boxes as painted, until the labels or the cell's width change.
    struct LabelImages {
        QString key;
        QImage top;
        QImage bottom;
    };

    int cellFrame(int index) const;
    void releaseGl();
    void fillRect(const QRect& logical, const QColor& colour);
    void paintOverlay();
    void paintCellLabel(QPainter& painter, int index);
    void setHovered(int index);

    QList<engine::PreviewPtr> m_clips;
    QList<BoardCellLabel> m_labels;
    std::vector<LabelImages> m_labelImages; // one per label
    int m_shown = 0;
    bool m_labelsVisible = true;
    bool m_smooth = false;
    QString m_emptyMessage;
    int m_hovered = -1;
    int m_pressed = -1;
    int m_paintedFrames = 0;

    // GL state, alive between initializeGL and the context's destruction.
    TexturedQuadRenderer m_renderer;
    std::vector<FrameTexture> m_gl; // one a cell: its texture and what is in it
};

} // namespace cosmos::widgets
