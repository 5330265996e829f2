#include "widgets/board_view.h"

#include <algorithm>
#include <cmath>

#include <QAbstractTextDocumentLayout>
#include <QDebug>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLPaintDevice>
#include <QPainter>
#include <QTextDocument>
#include <QToolTip>

namespace cosmos::widgets {
namespace {

// The gaps a shade darker than the cells, so the grid reads without lines.
const QColor kBackground(17, 17, 20);
const QColor kCellBackground(30, 30, 34);
const QColor kLabelBackground(0, 0, 0, 165);
const QColor kLabelText(236, 236, 240);
const QColor kMutedText(150, 150, 158);
const QColor kHoverOutline(77, 163, 255);
constexpr int kMargin = 4; // around the grid
constexpr int kGap = 4; // between cells
constexpr qreal kLabelPadding = 4.0;
constexpr int kPromptLines = 3; // the rest is in the tooltip

std::size_t frameBytes(const engine::PreviewFrames& frames)
{
    return static_cast<std::size_t>(frames.width) * static_cast<std::size_t>(frames.height) * 3U;
}

bool wellFormed(const engine::PreviewFrames& frames)
{
    return frames.frames > 0 && frames.width > 0 && frames.height > 0
        && frames.rgb.size() >= frameBytes(frames) * static_cast<std::size_t>(frames.frames);
}

// Wrapped only between items: "seed 10" never breaks into "seed" and "10".
QString unbroken(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
}

QString differencesHtml(const BoardCellLabel& label)
{
    QString html = QStringLiteral("<b>%1</b>").arg(unbroken(label.title));
    if (!label.differences.isEmpty()) {
        QStringList items;
        for (const auto& difference : label.differences)
            items << unbroken(difference);
        html += QStringLiteral("&nbsp;&nbsp;<span style=\"color:%1\">%2</span>")
                    .arg(QLatin1String(kBoardHighlightColour), items.join(QStringLiteral(" · ")));
    }
    return html;
}

// Rich text on a translucent rounded box at most `width` wide and maxLines
// lines high (the rest is cut; the tooltip has it all), as an image: labels
// change far less often than frames, and laying out sixteen documents on
// every frame costs more than the frames themselves on software GL.
QImage textBox(const QString& html, qreal width, int maxLines, const QFont& font, bool fullWidth, qreal ratio)
{
    QTextDocument document;
    document.setDefaultFont(font);
    document.setDocumentMargin(0);
    document.setHtml(html);
    const qreal textWidth = std::max<qreal>(8.0, width - 2 * kLabelPadding);
    document.setTextWidth(textWidth);
    const qreal used = fullWidth ? textWidth : std::min(textWidth, std::ceil(document.idealWidth()));
    document.setTextWidth(used);
    const qreal lineHeight = QFontMetricsF(font).lineSpacing();
    const qreal height = std::min(document.size().height(), lineHeight * maxLines);
    const QSizeF box(used + 2 * kLabelPadding, height + 2 * kLabelPadding);

    QImage image((box * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kLabelBackground);
    painter.drawRoundedRect(QRectF(QPointF(0, 0), box), 3, 3);
    painter.translate(kLabelPadding, kLabelPadding);
    const QRectF clip(0, 0, used, height);
    painter.setClipRect(clip);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, kLabelText);
    context.clip = clip;
    document.documentLayout()->draw(&painter, context);
    return image;
}

} // namespace

BoardView::BoardView(QWidget* parent) : QOpenGLWidget(parent), m_emptyMessage(tr("No takes on this board yet."))
{
    setFocusPolicy(Qt::StrongFocus); // the player's shortcuts work once the board is clicked
    setMouseTracking(true); // the hover outline
    setMinimumSize(240, 180);
}

BoardView::~BoardView()
{
    // ~QOpenGLWidget destroys the context after this part of the object is
    // gone: its aboutToBeDestroyed must not reach releaseGl then.
    if (context())
        disconnect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &BoardView::releaseGl);
    releaseGl();
}

void BoardView::setClips(const QList<engine::PreviewPtr>& clips)
{
    if (clips.size() > kMaxCells)
        qWarning() << "BoardView: a board shows at most" << kMaxCells << "clips, not" << clips.size();
    m_clips.clear();
    for (const auto& clip : clips.mid(0, kMaxCells)) {
        if (clip && !wellFormed(*clip)) {
            qWarning() << "BoardView: ignoring malformed frames" << clip->frames << clip->width << clip->height
                       << clip->rgb.size();
            m_clips << engine::PreviewPtr();
            continue;
        }
        m_clips << clip;
    }
    m_shown = std::clamp(m_shown, 0, std::max(0, frameCount() - 1));
    m_pressed = -1;
    setHovered(m_hovered < cellCount() ? m_hovered : -1);
    update();
}

int BoardView::columns() const
{
    const int n = cellCount();
    return n == 0 ? 0 : static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)) - 1e-9));
}

int BoardView::rows() const
{
    const int columnCount = columns();
    return columnCount == 0 ? 0 : (cellCount() + columnCount - 1) / columnCount;
}

int BoardView::frameCount() const
{
    int frames = 0;
    for (const auto& clip : m_clips)
        if (clip)
            frames = std::max(frames, clip->frames);
    return frames;
}

void BoardView::showFrame(int index)
{
    index = std::clamp(index, 0, std::max(0, frameCount() - 1));
    if (index == m_shown)
        return;
    m_shown = index;
    update();
}

int BoardView::cellFrame(int index) const
{
    const auto& clip = m_clips[index];
    return clip ? std::min(m_shown, clip->frames - 1) : -1;
}

QList<int> BoardView::cellFrames() const
{
    QList<int> frames;
    for (int i = 0; i < cellCount(); ++i)
        frames << cellFrame(i);
    return frames;
}

void BoardView::setLabels(const QList<BoardCellLabel>& labels)
{
    m_labels = labels;
    m_labelImages.assign(static_cast<std::size_t>(labels.size()), {});
    update();
}

void BoardView::setLabelsVisible(bool visible)
{
    if (visible == m_labelsVisible)
        return;
    m_labelsVisible = visible;
    update();
    emit labelsVisibleChanged(visible);
}

void BoardView::setSmoothScaling(bool smooth)
{
    if (smooth == m_smooth)
        return;
    m_smooth = smooth;
    update();
    emit smoothScalingChanged(smooth);
}

void BoardView::setEmptyMessage(const QString& message)
{
    m_emptyMessage = message;
    if (m_clips.isEmpty())
        update();
}

QRect BoardView::cellRect(int index) const
{
    if (index < 0 || index >= cellCount())
        return {};
    const int columnCount = columns();
    const int rowCount = rows();
    const int areaWidth = width() - 2 * kMargin;
    const int areaHeight = height() - 2 * kMargin;
    const int cellWidth = std::max(1, (areaWidth - kGap * (columnCount - 1)) / columnCount);
    const int cellHeight = std::max(1, (areaHeight - kGap * (rowCount - 1)) / rowCount);
    const int row = index / columnCount;
    const int column = index % columnCount;
    // A short last row is centred under the others.
    const int inRow = row == rowCount - 1 ? cellCount() - row * columnCount : columnCount;
    const int rowWidth = inRow * cellWidth + (inRow - 1) * kGap;
    const int gridHeight = rowCount * cellHeight + (rowCount - 1) * kGap;
    const int left = kMargin + (areaWidth - rowWidth) / 2 + column * (cellWidth + kGap);
    const int top = kMargin + (areaHeight - gridHeight) / 2 + row * (cellHeight + kGap);
    return {left, top, cellWidth, cellHeight};
}

QRectF BoardView::cellFrameRect(int index) const
{
    const QRect cell = cellRect(index);
    if (cell.isEmpty() || !m_clips[index])
        return {};
    const auto& clip = *m_clips[index];
    const double ratio = devicePixelRatioF();
    const QSizeF area = QSizeF(cell.size()) * ratio; // device pixels
    double scale = std::min(area.width() / clip.width, area.height() / clip.height);
    // Nearest neighbour at a whole factor keeps every clip pixel the same size.
    if (!m_smooth && scale >= 1.0)
        scale = std::floor(scale);
    const QSizeF shown(clip.width * scale, clip.height * scale);
    const QPointF topLeft(cell.left() * ratio + std::round((area.width() - shown.width()) / 2),
        cell.top() * ratio + std::round((area.height() - shown.height()) / 2));
    return {topLeft / ratio, shown / ratio};
}

int BoardView::cellAt(QPoint point) const
{
    for (int i = 0; i < cellCount(); ++i)
        if (cellRect(i).contains(point))
            return i;
    return -1;
}

QImage BoardView::grabCell(int index) const
{
    const QRectF frame = cellFrameRect(index);
    if (frame.isEmpty())
        return {};
    // grabFramebuffer renders into an offscreen buffer: the screen is untouched.
    const QImage board = const_cast<BoardView*>(this)->grabFramebuffer();
    const double ratio = devicePixelRatioF();
    const QRect device(static_cast<int>(std::lround(frame.left() * ratio)),
        static_cast<int>(std::lround(frame.top() * ratio)), static_cast<int>(std::lround(frame.width() * ratio)),
        static_cast<int>(std::lround(frame.height() * ratio)));
    return board.copy(device);
}

void BoardView::initializeGL()
{
    initializeOpenGLFunctions();
    // A new top-level window means a new context: free what the old one held first.
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &BoardView::releaseGl, Qt::UniqueConnection);
    m_renderer.initialize("BoardView"); // when it fails, paintGL says so
}

void BoardView::resizeGL(int, int) { }

void BoardView::fillRect(const QRect& logical, const QColor& colour)
{
    const double ratio = devicePixelRatioF();
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(std::lround(logical.left() * ratio)),
        static_cast<GLint>(std::lround((height() - logical.top() - logical.height()) * ratio)),
        static_cast<GLsizei>(std::lround(logical.width() * ratio)),
        static_cast<GLsizei>(std::lround(logical.height() * ratio)));
    glClearColor(colour.redF(), colour.greenF(), colour.blueF(), 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
}

void BoardView::paintGL()
{
    // The labels' QPainter of the last paint may have left its state behind.
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glActiveTexture(GL_TEXTURE0);
    glClearColor(kBackground.redF(), kBackground.greenF(), kBackground.blueF(), 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);

    if (m_renderer.isReady() && !m_clips.isEmpty()) {
        // Textures of dropped cells go here, where the context is current.
        m_gl.resize(static_cast<std::size_t>(cellCount()));
        for (int i = 0; i < cellCount(); ++i)
            fillRect(cellRect(i), kCellBackground);
        const double ratio = devicePixelRatioF();
        m_renderer.begin();
        for (int i = 0; i < cellCount(); ++i) {
            if (!m_clips[i])
                continue;
            auto& texture = m_gl[static_cast<std::size_t>(i)];
            texture.upload(m_clips[i], cellFrame(i), m_smooth); // a held last frame is not uploaded again
            m_renderer.setViewport(cellFrameRect(i), height(), ratio);
            m_renderer.draw(*texture.texture());
        }
        m_renderer.end();
        m_renderer.setViewport(QRectF(rect()), height(), ratio);
    }
    paintOverlay();

    if (m_renderer.isReady() && !m_clips.isEmpty()) {
        ++m_paintedFrames;
        emit framePainted(m_shown);
    }
}

void BoardView::paintOverlay()
{
    // Onto the framebuffer itself: QPainter(this) would be redirected while
    // QWidget::grab() renders the window, and the labels would be lost.
    const double ratio = devicePixelRatioF();
    QOpenGLPaintDevice device(size() * ratio);
    device.setDevicePixelRatio(ratio);
    QPainter painter(&device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setFont(font());

    if (!m_renderer.isReady() || m_clips.isEmpty()) {
        painter.setPen(QColor(170, 170, 178));
        painter.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
            m_renderer.isReady() ? m_emptyMessage : tr("OpenGL is not working here, so nothing can be shown."));
        return;
    }
    for (int i = 0; i < cellCount(); ++i) {
        if (!m_clips[i]) {
            painter.setPen(kMutedText);
            painter.drawText(
                cellRect(i).adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, tr("No clip for this take"));
        }
        if (m_labelsVisible && i < m_labels.size())
            paintCellLabel(painter, i);
    }
    if (m_hovered >= 0 && m_hovered < cellCount() && m_clips[m_hovered]) {
        painter.setPen(QPen(kHoverOutline, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(cellRect(m_hovered)).adjusted(1, 1, -1, -1));
    }
}

void BoardView::paintCellLabel(QPainter& painter, int index)
{
    const QRect cell = cellRect(index);
    QRectF frame = cellFrameRect(index);
    if (frame.isEmpty())
        frame = cell;
    // Over the frame; a frame too narrow for a readable line lends the label
    // some of the cell's bars.
    constexpr qreal kReadableWidth = 160.0;
    const qreal width = std::min<qreal>(cell.width(), std::max(frame.width(), kReadableWidth));
    const qreal left
        = std::clamp(frame.center().x() - width / 2, qreal(cell.left()), cell.left() + cell.width() - width);
    const QRectF area = QRectF(left, frame.top(), width, frame.height()).adjusted(3, 3, -3, -3);

    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
    const qreal ratio = devicePixelRatioF();
    auto& cached = m_labelImages[static_cast<std::size_t>(index)];
    const QString key = QStringLiteral("%1/%2/%3").arg(area.width()).arg(ratio).arg(small.key());
    if (cached.key != key) {
        const auto& label = m_labels[index];
        cached.key = key;
        cached.top = textBox(differencesHtml(label), area.width(), 2, small, false, ratio);
        cached.bottom = textBox(label.html, area.width(), kPromptLines, small, true, ratio);
    }
    painter.drawImage(area.topLeft(), cached.top);
    painter.drawImage(
        QPointF(area.left(), area.bottom() - cached.bottom.deviceIndependentSize().height()), cached.bottom);
}

bool BoardView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = cellAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QString tip = index < m_labels.size()
            ? QStringLiteral("%1<br>%2").arg(differencesHtml(m_labels[index]), m_labels[index].html)
            : QString();
        if (m_clips[index])
            tip += (tip.isEmpty() ? QString() : QStringLiteral("<br>"))
                + QStringLiteral("<i>%1</i>").arg(tr("Click to use this take in its segment").toHtmlEscaped());
        QToolTip::showText(help->globalPos(), tip, this, cellRect(index));
        return true;
    }
    return QOpenGLWidget::event(event);
}

void BoardView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        m_pressed = cellAt(event->position().toPoint());
    QOpenGLWidget::mousePressEvent(event);
}

void BoardView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        const int index = cellAt(event->position().toPoint());
        const bool click = index >= 0 && index == m_pressed && m_clips[index];
        m_pressed = -1;
        if (click)
            emit cellClicked(index);
    }
    QOpenGLWidget::mouseReleaseEvent(event);
}

void BoardView::mouseMoveEvent(QMouseEvent* event)
{
    setHovered(cellAt(event->position().toPoint()));
    QOpenGLWidget::mouseMoveEvent(event);
}

void BoardView::leaveEvent(QEvent* event)
{
    setHovered(-1);
    QOpenGLWidget::leaveEvent(event);
}

void BoardView::setHovered(int index)
{
    const bool clickable = index >= 0 && index < cellCount() && m_clips[index];
    setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    if (index == m_hovered)
        return;
    m_hovered = index;
    update();
}

void BoardView::releaseGl()
{
    if (!m_renderer.holdsGl() && m_gl.empty())
        return;
    makeCurrent();
    m_gl.clear();
    m_renderer.release();
    doneCurrent();
}

} // namespace cosmos::widgets
