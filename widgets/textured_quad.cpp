#include "widgets/textured_quad.h"

#include <cmath>
#include <cstdint>

#include <QDebug>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QOpenGLPixelTransferOptions>
#include <QOpenGLShaderProgram>
#include <QOpenGLTexture>
#include <QOpenGLVertexArrayObject>

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

QOpenGLTexture::TextureFormat rgbFormat()
{
    return QOpenGLContext::currentContext()->isOpenGLES() ? QOpenGLTexture::RGBFormat : QOpenGLTexture::RGB8_UNorm;
}

void setAttributeBuffers(QOpenGLShaderProgram& program)
{
    program.enableAttributeArray(kPositionAttribute);
    program.enableAttributeArray(kTexCoordAttribute);
    program.setAttributeBuffer(kPositionAttribute, GL_FLOAT, 0, 2, 4 * sizeof(GLfloat));
    program.setAttributeBuffer(kTexCoordAttribute, GL_FLOAT, 2 * sizeof(GLfloat), 2, 4 * sizeof(GLfloat));
}

} // namespace

TexturedQuadRenderer::TexturedQuadRenderer() = default;
TexturedQuadRenderer::~TexturedQuadRenderer() = default;

bool TexturedQuadRenderer::initialize(const char* owner)
{
    m_functions = QOpenGLContext::currentContext()->functions();
    auto program = std::make_unique<QOpenGLShaderProgram>();
    program->addShaderFromSourceCode(QOpenGLShader::Vertex, kVertexShader);
    program->addShaderFromSourceCode(QOpenGLShader::Fragment, kFragmentShader);
    program->bindAttributeLocation("position", kPositionAttribute);
    program->bindAttributeLocation("texCoord", kTexCoordAttribute);
    if (!program->link()) {
        qWarning().noquote() << QStringLiteral("%1: the frame shader does not link:").arg(QLatin1String(owner))
                             << program->log();
        return false;
    }
    m_program = std::move(program);

    m_quad.create();
    m_quad.bind();
    m_quad.allocate(kQuad, sizeof(kQuad));
    m_vao = std::make_unique<QOpenGLVertexArrayObject>();
    if (m_vao->create()) { // core profiles need one; GL 2.1 and GLES2 may not have them
        QOpenGLVertexArrayObject::Binder bound(m_vao.get());
        setAttributeBuffers(*m_program);
    }
    m_quad.release();
    warmUp();
    return true;
}

void TexturedQuadRenderer::setViewport(const QRectF& logical, int widgetHeight, qreal ratio)
{
    m_functions->glViewport(static_cast<GLint>(std::lround(logical.left() * ratio)),
        static_cast<GLint>(std::lround((widgetHeight - logical.bottom()) * ratio)),
        static_cast<GLsizei>(std::lround(logical.width() * ratio)),
        static_cast<GLsizei>(std::lround(logical.height() * ratio)));
}

void TexturedQuadRenderer::begin()
{
    m_program->bind();
    m_program->setUniformValue("frame", 0);
}

void TexturedQuadRenderer::draw(QOpenGLTexture& texture)
{
    texture.bind(0);
    drawQuad();
    texture.release(0);
}

void TexturedQuadRenderer::end()
{
    m_program->release();
}

void TexturedQuadRenderer::drawQuad()
{
    if (m_vao->isCreated()) {
        QOpenGLVertexArrayObject::Binder bound(m_vao.get());
        m_functions->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        return;
    }
    m_quad.bind();
    setAttributeBuffers(*m_program);
    m_functions->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    m_program->disableAttributeArray(kPositionAttribute);
    m_program->disableAttributeArray(kTexCoordAttribute);
    m_quad.release();
}

void TexturedQuadRenderer::warmUp()
{
    // Software GL (Mesa's llvmpipe) compiles a shader variant the first time
    // it draws with a texture and filter: done here, at start-up, it never
    // stalls the first live preview of a generation, nor the first played
    // frame of a board (sixteen cells would all wait on it).
    QOpenGLTexture texture(QOpenGLTexture::Target2D);
    texture.setAutoMipMapGenerationEnabled(false);
    texture.setSize(1, 1);
    texture.setFormat(rgbFormat());
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
    m_functions->glFinish();
}

void TexturedQuadRenderer::release()
{
    m_vao.reset();
    m_quad.destroy();
    m_program.reset();
    m_functions = nullptr;
}

FrameTexture::FrameTexture() = default;
FrameTexture::~FrameTexture() = default;
FrameTexture::FrameTexture(FrameTexture&&) noexcept = default;
FrameTexture& FrameTexture::operator=(FrameTexture&&) noexcept = default;

void FrameTexture::upload(const engine::PreviewPtr& frames, int index, bool smooth)
{
    const auto& clip = *frames;
    if (!m_texture || m_texture->width() != clip.width || m_texture->height() != clip.height) {
        m_texture = std::make_unique<QOpenGLTexture>(QOpenGLTexture::Target2D);
        m_texture->setAutoMipMapGenerationEnabled(false);
        m_texture->setSize(clip.width, clip.height);
        m_texture->setFormat(rgbFormat());
        m_texture->setWrapMode(QOpenGLTexture::ClampToEdge);
        m_texture->allocateStorage(QOpenGLTexture::RGB, QOpenGLTexture::UInt8);
        m_uploadedFrames = nullptr;
        m_smooth = !smooth; // set the filter below
    }
    if (m_smooth != smooth) {
        const auto filter = smooth ? QOpenGLTexture::Linear : QOpenGLTexture::Nearest;
        m_texture->setMinMagFilters(filter, filter);
        m_smooth = smooth;
    }
    if (m_uploadedFrames == frames && m_uploadedIndex == index)
        return; // a held frame is not uploaded again
    QOpenGLPixelTransferOptions rows;
    rows.setAlignment(1); // rows of width x 3 bytes, not padded to 4
    const std::size_t frameBytes = static_cast<std::size_t>(clip.width) * static_cast<std::size_t>(clip.height) * 3U;
    const auto* pixels = clip.rgb.data() + frameBytes * static_cast<std::size_t>(index);
    m_texture->setData(QOpenGLTexture::RGB, QOpenGLTexture::UInt8, pixels, &rows);
    m_uploadedFrames = frames; // the previous frames may go now
    m_uploadedIndex = index;
}

void FrameTexture::release()
{
    m_texture.reset();
    m_uploadedFrames = nullptr;
    m_uploadedIndex = -1;
}

} // namespace cosmos::widgets
