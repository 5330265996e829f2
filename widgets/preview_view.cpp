#include "widgets/preview_view.h"

#include <algorithm>
#include <cmath>

#include <QDebug>
#include <QOpenGLContext>
#include <QOpenGLPaintDevice>
#include <QPainter>

namespace cosmos::widgets {
namespace {

// Letterbox bars and the empty state: a neutral dark that flatters any clip.
const QColor kBackground(24, 24, 27);

std::size_t frameBytes(const engine::PreviewFrames& frames)
{
    return static_cast<std::size_t>(frames.width) * static_cast<std::size_t>(frames.height) * 3U;
}

bool wellFormed(const engine::PreviewFrames& frames)
{
    return frames.frames >= 0 && frames.width > 0 && frames.height > 0
        && frames.rgb.size() >= frameBytes(frames) * static_cast<std::size_t>(frames.frames);
}

} // namespace

PreviewView::PreviewView(QWidget* parent)
    : QOpenGLWidget(parent), m_emptyMessage(tr("Nothing to show yet.\nGenerate a take or pick one on the timeline."))
{
    setFocusPolicy(Qt::StrongFocus); // the player's shortcuts work once the preview is clicked
    setMinimumSize(160, 120);
}

PreviewView::~PreviewView()
{
    // ~QOpenGLWidget destroys the context after this part of the object is
    // gone: its aboutToBeDestroyed must not reach releaseGl then.
    if (context())
        disconnect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &PreviewView::releaseGl);
    releaseGl();
}

void PreviewView::setFrames(engine::PreviewPtr frames)
{
    if (frames && (frames->frames == 0 || !wellFormed(*frames))) {
        if (frames->frames != 0)
            qWarning() << "PreviewView: ignoring malformed frames" << frames->frames << frames->width << frames->height
                       << frames->rgb.size();
        frames = nullptr;
    }
    m_frames = std::move(frames);
    m_shown = std::clamp(m_shown, 0, std::max(0, frameCount() - 1));
    update();
}

void PreviewView::showFrame(int index)
{
    index = std::clamp(index, 0, std::max(0, frameCount() - 1));
    if (index == m_shown)
        return;
    m_shown = index;
    update();
}

void PreviewView::setZoom(Zoom zoom)
{
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    update();
    emit zoomChanged(zoom);
}

void PreviewView::setSmoothScaling(bool smooth)
{
    if (smooth == m_smooth)
        return;
    m_smooth = smooth;
    update();
    emit smoothScalingChanged(smooth);
}

void PreviewView::setEmptyMessage(const QString& message)
{
    m_emptyMessage = message;
    if (!m_frames)
        update();
}

QRectF PreviewView::frameRect() const
{
    if (!m_frames)
        return {};
    const double ratio = devicePixelRatioF();
    const QSizeF view = QSizeF(size()) * ratio; // device pixels
    double scale = 1.0; // device pixels per clip pixel
    if (m_zoom == Zoom::Fit) {
        scale = std::min(view.width() / m_frames->width, view.height() / m_frames->height);
        // Nearest neighbour at a whole factor keeps every clip pixel the same size.
        if (!m_smooth && scale >= 1.0)
            scale = std::floor(scale);
    }
    const QSizeF shown(m_frames->width * scale, m_frames->height * scale);
    const QPointF topLeft((view.width() - shown.width()) / 2, (view.height() - shown.height()) / 2);
    const QRectF device(QPointF(std::round(topLeft.x()), std::round(topLeft.y())), shown);
    return {device.topLeft() / ratio, device.size() / ratio};
}

QImage PreviewView::grabShownFrame() const
{
    if (!m_frames)
        return {};
    const auto& frames = *m_frames;
    const auto* pixels = frames.rgb.data() + frameBytes(frames) * static_cast<std::size_t>(m_shown);
    return QImage(pixels, frames.width, frames.height, frames.width * 3, QImage::Format_RGB888).copy();
}

void PreviewView::initializeGL()
{
    initializeOpenGLFunctions();
    // A new top-level window means a new context: free what the old one held first.
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &PreviewView::releaseGl, Qt::UniqueConnection);
    m_renderer.initialize("PreviewView"); // when it fails, paintGL shows the empty state
}

void PreviewView::resizeGL(int, int) { }

void PreviewView::paintGL()
{
    glClearColor(kBackground.redF(), kBackground.greenF(), kBackground.blueF(), 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!m_frames || !m_renderer.isReady()) {
        paintEmptyMessage();
        return;
    }
    m_texture.upload(m_frames, m_shown, m_smooth);

    // The letterboxed frame is the viewport.
    const double ratio = devicePixelRatioF();
    m_renderer.setViewport(frameRect(), height(), ratio);
    m_renderer.begin();
    m_renderer.draw(*m_texture.texture());
    m_renderer.end();
    m_renderer.setViewport(QRectF(rect()), height(), ratio);

    ++m_paintedFrames;
    emit framePainted(m_shown);
}

void PreviewView::paintEmptyMessage()
{
    // Onto the framebuffer itself: QPainter(this) would be redirected while
    // QWidget::grab() renders the window, and the message would be lost.
    const double ratio = devicePixelRatioF();
    QOpenGLPaintDevice device(size() * ratio);
    device.setDevicePixelRatio(ratio);
    QPainter painter(&device);
    painter.setFont(font());
    painter.setPen(QColor(170, 170, 178));
    painter.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
        m_renderer.isReady() ? m_emptyMessage : tr("OpenGL is not working here, so nothing can be shown."));
}

void PreviewView::releaseGl()
{
    if (!m_renderer.holdsGl() && !m_texture.holdsTexture())
        return;
    makeCurrent();
    m_texture.release();
    m_renderer.release();
    doneCurrent();
}

} // namespace cosmos::widgets
