// The GL view of a clip: shows one frame of shared, immutable RGB frames as a
// texture on a letterboxed quad. Handing it frames is free (a pointer swap and
// an update()); only the frame on screen is uploaded, in paintGL, so a burst
// of live previews paints the newest one and drops the rest.
//
//   view->setFrames(preview);   // any thread's PreviewPtr, called on the GUI thread
//   view->showFrame(12);
#pragma once

#include <QImage>
#include <QOpenGLFunctions>
#include <QOpenGLWidget>
#include <QString>

#include "engine/runner/job.h"
#include "widgets/textured_quad.h"

namespace cosmos::widgets {

class PreviewView : public QOpenGLWidget, protected QOpenGLFunctions {
    Q_OBJECT
public:
    enum class Zoom {
        Fit, // as large as the view allows, aspect kept, bars around
        Actual, // one clip pixel per screen pixel, centred
    };
    Q_ENUM(Zoom)

    explicit PreviewView(QWidget* parent = nullptr);
    ~PreviewView() override;

    // Keeps only this pointer (the previous frames are released once painted
    // over); the shown index stays, clamped to the new frame count.
    void setFrames(engine::PreviewPtr frames);
    engine::PreviewPtr frames() const { return m_frames; }
    int frameCount() const { return m_frames ? m_frames->frames : 0; }

    // Clamped to the frames there are.
    void showFrame(int index);
    int shownFrame() const { return m_shown; }

    void setZoom(Zoom zoom);
    Zoom zoom() const { return m_zoom; }
    // false (the default): nearest neighbour, the crisp pixels of 64x64 clips.
    void setSmoothScaling(bool smooth);
    bool smoothScaling() const { return m_smooth; }

    // Painted in the middle when there are no frames.
    void setEmptyMessage(const QString& message);
    QString emptyMessage() const { return m_emptyMessage; }

    // Where the frame lands, in widget (logical) pixels.
    QRectF frameRect() const;
    // A CPU copy of the shown frame at its own size (tests, screenshots); null without frames.
    QImage grabShownFrame() const;
    // How many times a frame was painted (tests: stale frames are never painted).
    int paintedFrames() const { return m_paintedFrames; }

signals:
    void framePainted(int index);
    void zoomChanged(cosmos::widgets::PreviewView::Zoom zoom);
    void smoothScalingChanged(bool smooth);

protected:
    void initializeGL() override;
    void resizeGL(int width, int height) override;
    void paintGL() override;

private:
    void releaseGl();
    void paintEmptyMessage();

    engine::PreviewPtr m_frames;
    int m_shown = 0;
    Zoom m_zoom = Zoom::Fit;
    bool m_smooth = false;
    QString m_emptyMessage;
    int m_paintedFrames = 0;

    // GL state, alive between initializeGL and the context's destruction.
    TexturedQuadRenderer m_renderer;
    FrameTexture m_texture;
};

} // namespace cosmos::widgets
