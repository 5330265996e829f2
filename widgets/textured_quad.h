// The GL side shared by PreviewView and BoardView: one shader program and one
// quad that draw an RGB frame texture into a viewport, and a FrameTexture that
// holds one frame of a clip and uploads only when the shown frame changes.
// Everything here needs the owning widget's context current (initializeGL,
// paintGL, or between makeCurrent and doneCurrent).
//
//   initializeGL: m_renderer.initialize("PreviewView");
//   paintGL:      m_texture.upload(frames, index, smooth);
//                 m_renderer.setViewport(rect, height(), devicePixelRatioF());
//                 m_renderer.begin(); m_renderer.draw(*m_texture.texture()); m_renderer.end();
//   releaseGl:    m_texture.release(); m_renderer.release();
#pragma once

#include <memory>

#include <QOpenGLBuffer>
#include <QRectF>

#include "engine/runner/job.h"

class QOpenGLFunctions;
class QOpenGLShaderProgram;
class QOpenGLTexture;
class QOpenGLVertexArrayObject;

namespace cosmos::widgets {

class TexturedQuadRenderer {
public:
    TexturedQuadRenderer();
    ~TexturedQuadRenderer();
    TexturedQuadRenderer(const TexturedQuadRenderer&) = delete;
    TexturedQuadRenderer& operator=(const TexturedQuadRenderer&) = delete;

    // Compiles the shader, builds the quad and warms the driver up (see the
    // .cpp). false, with a warning naming `owner`, when the shader does not
    // link: the owner then shows that GL is not working.
    bool initialize(const char* owner);
    bool isReady() const { return m_program != nullptr; }
    // Whether release() has GL objects to free.
    bool holdsGl() const { return m_program != nullptr || m_quad.isCreated(); }

    // The viewport over a rect in widget (logical) pixels of a widget this
    // high (GL counts rows from the bottom, in device pixels).
    void setViewport(const QRectF& logical, int widgetHeight, qreal ratio);

    // A run of draws: begin() binds the program, draw() fills the viewport
    // with a texture, end() releases the program.
    void begin();
    void draw(QOpenGLTexture& texture);
    void end();

    void release();

private:
    void drawQuad(); // the quad with the bound program and texture
    void warmUp();

    QOpenGLFunctions* m_functions = nullptr; // the current context's, while initialized
    std::unique_ptr<QOpenGLShaderProgram> m_program;
    std::unique_ptr<QOpenGLVertexArrayObject> m_vao;
    QOpenGLBuffer m_quad;
};

// One frame of a clip in an RGB texture.
class FrameTexture {
public:
    FrameTexture();
    ~FrameTexture();
    FrameTexture(FrameTexture&&) noexcept;
    FrameTexture& operator=(FrameTexture&&) noexcept;

    // Frame `index` of `frames` (not null, well formed, index in range), with
    // the nearest or linear filter. The texture is remade when the size
    // changes; a frame already uploaded is not uploaded again.
    void upload(const engine::PreviewPtr& frames, int index, bool smooth);
    QOpenGLTexture* texture() const { return m_texture.get(); }
    bool holdsTexture() const { return m_texture != nullptr; }
    void release();

private:
    std::unique_ptr<QOpenGLTexture> m_texture;
    engine::PreviewPtr m_uploadedFrames; // what the texture holds: these frames, this index
    int m_uploadedIndex = -1;
    bool m_smooth = false;
};

} // namespace cosmos::widgets
