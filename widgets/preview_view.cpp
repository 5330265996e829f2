#include "widgets/preview_view.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <QDebug>
#include <QOpenGLContext>
#include <QOpenGLPaintDevice>
#include <QOpenGLPixelTransferOptions>
#include <QOpenGLShaderProgram>
#include <QOpenGLTexture>
#include <QOpenGLVertexArrayObject>
#include <QPainter>

namespace cosmos::widgets {
namespace {

// GLSL 1.10 / GLSL ES 1.00: the subset every driver takes, Mesa's llvmpipe
// under Xvfb included. Qt defines the precision qualifiers away on desktop GL.
const char* const kVertexShader = R"(
attribute highp vec2 position;
attribute highp vec2 texCoord;
varying highp vec2 v_texCoord;
void main()
{
    v_texCoord = texCoord;
    gl_Position = vec4(position, 0.0, 1.0);
}
)";

const char* const kFragmentShader = R"(
varying highp vec2 v_texCoord;
uniform sampler2D frame;
void main()
{
    gl_FragColor = texture2D(frame, v_texCoord);
}
)";

constexpr int kPositionAttribute = 0;
constexpr int kTexCoordAttribute = 1;

// A strip over the whole viewport: x, y, s, t. Row 0 of the frame is its top,
// and the first row uploaded is t = 0, so the top edge samples t = 0.
constexpr GLfloat kQuad[] = {
    -1.0F, -1.0F, 0.0F, 1.0F, //
    1.0F, -1.0F, 1.0F, 1.0F, //
    -1.0F, 1.0F, 0.0F, 0.0F, //
    1.0F, 1.0F, 1.0F, 0.0F, //
};

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
    m_filterDirty = true;
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

    auto program = std::make_unique<QOpenGLShaderProgram>();
    program->addShaderFromSourceCode(QOpenGLShader::Vertex, kVertexShader);
    program->addShaderFromSourceCode(QOpenGLShader::Fragment, kFragmentShader);
    program->bindAttributeLocation("position", kPositionAttribute);
    program->bindAttributeLocation("texCoord", kTexCoordAttribute);
    if (!program->link()) {
        qWarning().noquote() << "PreviewView: the frame shader does not link:" << program->log();
        return; // paintGL shows the empty state
    }
    m_program = std::move(program);

    m_quad.create();
    m_quad.bind();
    m_quad.allocate(kQuad, sizeof(kQuad));
    m_vao = std::make_unique<QOpenGLVertexArrayObject>();
    if (m_vao->create()) { // core profiles need one; GL 2.1 and GLES2 may not have them
        QOpenGLVertexArrayObject::Binder bound(m_vao.get());
        m_program->enableAttributeArray(kPositionAttribute);
        m_program->enableAttributeArray(kTexCoordAttribute);
        m_program->setAttributeBuffer(kPositionAttribute, GL_FLOAT, 0, 2, 4 * sizeof(GLfloat));
        m_program->setAttributeBuffer(kTexCoordAttribute, GL_FLOAT, 2 * sizeof(GLfloat), 2, 4 * sizeof(GLfloat));
    }
    m_quad.release();
    warmUp();
}

void PreviewView::drawQuad()
{
    if (m_vao->isCreated()) {
        QOpenGLVertexArrayObject::Binder bound(m_vao.get());
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        return;
    }
    m_quad.bind();
    m_program->enableAttributeArray(kPositionAttribute);
    m_program->enableAttributeArray(kTexCoordAttribute);
    m_program->setAttributeBuffer(kPositionAttribute, GL_FLOAT, 0, 2, 4 * sizeof(GLfloat));
    m_program->setAttributeBuffer(kTexCoordAttribute, GL_FLOAT, 2 * sizeof(GLfloat), 2, 4 * sizeof(GLfloat));
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    m_program->disableAttributeArray(kPositionAttribute);
    m_program->disableAttributeArray(kTexCoordAttribute);
    m_quad.release();
}

void PreviewView::warmUp()
{
    // Software GL (Mesa's llvmpipe) compiles a shader variant the first time
    // it draws with a texture and filter: done here, at start-up, it never
    // stalls the first live preview of a generation.
    QOpenGLTexture texture(QOpenGLTexture::Target2D);
    texture.setAutoMipMapGenerationEnabled(false);
    texture.setSize(1, 1);
    texture.setFormat(context()->isOpenGLES() ? QOpenGLTexture::RGBFormat : QOpenGLTexture::RGB8_UNorm);
    texture.allocateStorage(QOpenGLTexture::RGB, QOpenGLTexture::UInt8);
    const std::uint8_t black[3] = {0, 0, 0};
    texture.setData(QOpenGLTexture::RGB, QOpenGLTexture::UInt8, black);
    m_program->bind();
    texture.bind(0);
    m_program->setUniformValue("frame", 0);
    for (const auto filter : {QOpenGLTexture::Nearest, QOpenGLTexture::Linear}) {
        texture.setMinMagFilters(filter, filter);
        drawQuad();
    }
    texture.release(0);
    m_program->release();
    glFinish();
}

void PreviewView::resizeGL(int, int) { }

void PreviewView::paintGL()
{
    glClearColor(kBackground.redF(), kBackground.greenF(), kBackground.blueF(), 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!m_frames || !m_program) {
        paintEmptyMessage();
        return;
    }
    uploadShownFrame();

    // The letterboxed frame is the viewport (GL counts rows from the bottom).
    const double ratio = devicePixelRatioF();
    const QRectF shown = frameRect();
    const auto left = static_cast<GLint>(std::lround(shown.left() * ratio));
    const auto bottom = static_cast<GLint>(std::lround((height() - shown.bottom()) * ratio));
    glViewport(left, bottom, static_cast<GLsizei>(std::lround(shown.width() * ratio)),
        static_cast<GLsizei>(std::lround(shown.height() * ratio)));

    m_program->bind();
    m_texture->bind(0);
    m_program->setUniformValue("frame", 0);
    drawQuad();
    m_texture->release(0);
    m_program->release();
    glViewport(
        0, 0, static_cast<GLsizei>(std::lround(width() * ratio)), static_cast<GLsizei>(std::lround(height() * ratio)));

    ++m_paintedFrames;
    emit framePainted(m_shown);
}

void PreviewView::uploadShownFrame()
{
    const auto& frames = *m_frames;
    if (!m_texture || m_texture->width() != frames.width || m_texture->height() != frames.height) {
        m_texture = std::make_unique<QOpenGLTexture>(QOpenGLTexture::Target2D);
        m_texture->setAutoMipMapGenerationEnabled(false);
        m_texture->setSize(frames.width, frames.height);
        m_texture->setFormat(context()->isOpenGLES() ? QOpenGLTexture::RGBFormat : QOpenGLTexture::RGB8_UNorm);
        m_texture->setWrapMode(QOpenGLTexture::ClampToEdge);
        m_texture->allocateStorage(QOpenGLTexture::RGB, QOpenGLTexture::UInt8);
        m_uploadedFrames = nullptr;
        m_filterDirty = true;
    }
    if (m_filterDirty) {
        const auto filter = m_smooth ? QOpenGLTexture::Linear : QOpenGLTexture::Nearest;
        m_texture->setMinMagFilters(filter, filter);
        m_filterDirty = false;
    }
    if (m_uploadedFrames == m_frames && m_uploadedIndex == m_shown)
        return;
    QOpenGLPixelTransferOptions rows;
    rows.setAlignment(1); // rows of width x 3 bytes, not padded to 4
    const auto* pixels = frames.rgb.data() + frameBytes(frames) * static_cast<std::size_t>(m_shown);
    m_texture->setData(QOpenGLTexture::RGB, QOpenGLTexture::UInt8, pixels, &rows);
    m_uploadedFrames = m_frames; // the previous frames may go now
    m_uploadedIndex = m_shown;
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
        m_program ? m_emptyMessage : tr("OpenGL is not working here, so nothing can be shown."));
}

void PreviewView::releaseGl()
{
    if (!m_program && !m_texture && !m_quad.isCreated())
        return;
    makeCurrent();
    m_texture.reset();
    m_vao.reset();
    m_quad.destroy();
    m_program.reset();
    m_uploadedFrames = nullptr;
    m_uploadedIndex = -1;
    m_filterDirty = true;
    doneCurrent();
}

} // namespace cosmos::widgets
