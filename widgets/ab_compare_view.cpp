#include "widgets/ab_compare_view.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QSignalBlocker>
#include <QSlider>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/clock_transport.h"
#include "widgets/difference_plot.h"
#include "widgets/frame_difference.h"
#include "widgets/playback_clock.h"

namespace cosmos::widgets {
namespace {

const QColor kBackground(24, 24, 27);
const QColor kChipBackground(0, 0, 0, 165);
const QColor kChipText(236, 236, 240);
const QColor kMessage(170, 170, 178);
constexpr int kSliderSteps = 1000;

bool wellFormed(const engine::PreviewPtr& clip)
{
    return clip && clip->frames > 0 && clip->width > 0 && clip->height > 0
        && clip->rgb.size() >= static_cast<std::size_t>(clip->width) * static_cast<std::size_t>(clip->height) * 3U
            * static_cast<std::size_t>(clip->frames);
}

} // namespace

// The picture area: paints through the view, drags the wipe line. Not a
// QObject: it has nothing to say but what the view does with its events.
class AbCanvas : public QWidget {
public:
    explicit AbCanvas(AbCompareView* view) : QWidget(view), m_view(view)
    {
        setMinimumSize(160, 120);
        setMouseTracking(true);
        setFocusPolicy(Qt::StrongFocus); // the player's shortcuts once clicked
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        m_view->paintCanvas(painter, rect());
    }
    void mousePressEvent(QMouseEvent* event) override
    {
        if (event->button() == Qt::LeftButton && m_view->mode() == AbCompareView::Mode::Wipe) {
            m_dragging = true;
            m_view->dragWipeTo(event->position().x());
        }
        QWidget::mousePressEvent(event);
    }
    void mouseMoveEvent(QMouseEvent* event) override
    {
        if (m_dragging && (event->buttons() & Qt::LeftButton))
            m_view->dragWipeTo(event->position().x());
        setCursor(m_view->mode() == AbCompareView::Mode::Wipe && m_view->frameRect().contains(event->position())
                ? Qt::SplitHCursor
                : Qt::ArrowCursor);
        QWidget::mouseMoveEvent(event);
    }
    void mouseReleaseEvent(QMouseEvent* event) override
    {
        if (event->button() == Qt::LeftButton)
            m_dragging = false;
        QWidget::mouseReleaseEvent(event);
    }

private:
    AbCompareView* m_view = nullptr;
    bool m_dragging = false;
};

AbCompareView::AbCompareView(QWidget* parent) : QWidget(parent)
{
    m_clock = new PlaybackClock(this);
    m_canvas = new AbCanvas(this);
    m_canvas->setToolTip(tr("Drag to move the wipe line: A on its left, B on its right"));
    m_transport = new ClockTransport(m_clock, this);
    m_plot = new DifferencePlot(this);

    const auto makeAction = [this](const QString& text, Qt::Key key, const QString& tip) {
        auto* action = new QAction(text, this);
        action->setCheckable(true);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(ClockTransport::withShortcut(tip, action->shortcut()));
        return action;
    };
    m_wipeAction = makeAction(tr("Wipe"), Qt::Key_W, tr("Wipe: A left of the line, B right of it"));
    m_differenceAction
        = makeAction(tr("Difference"), Qt::Key_D, tr("Difference: |A − B| per pixel, black where they agree"));
    auto* modes = new QActionGroup(this);
    modes->setExclusive(true);
    modes->addAction(m_wipeAction);
    modes->addAction(m_differenceAction);
    m_wipeAction->setChecked(true);
    m_smoothAction = makeAction(tr("Smooth"), Qt::Key_S, tr("Smooth scaling, else sharp pixels (nearest neighbour)"));
    m_transport->addTrailingAction(m_smoothAction);
    addActions(playerActions());

    m_labelAWidget = new QLabel(this);
    m_labelAWidget->setTextFormat(Qt::PlainText);
    m_labelBWidget = new QLabel(this);
    m_labelBWidget->setTextFormat(Qt::PlainText);
    m_labelBWidget->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont bold = m_labelAWidget->font();
    bold.setBold(true);
    m_labelAWidget->setFont(bold);
    m_labelBWidget->setFont(bold);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 6, 2);
    header->addWidget(m_labelAWidget, 1);
    for (auto* action : {m_wipeAction, m_differenceAction}) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        header->addWidget(button);
    }
    header->addWidget(m_labelBWidget, 1);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setValue(static_cast<int>(std::lround(m_wipe * kSliderSteps)));
    m_slider->setFocusPolicy(Qt::NoFocus); // Left/Right step frames
    m_slider->setToolTip(tr("Wipe position: A on the left, B on the right"));
    auto* wipeRow = new QHBoxLayout;
    wipeRow->setContentsMargins(6, 0, 6, 0);
    auto* a = new QLabel(tr("A"), this);
    auto* b = new QLabel(tr("B"), this);
    wipeRow->addWidget(a);
    wipeRow->addWidget(m_slider, 1);
    wipeRow->addWidget(b);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(wipeRow);
    layout->addWidget(m_plot);
    layout->addWidget(m_transport);

    connect(m_clock, &PlaybackClock::positionChanged, this, &AbCompareView::showFrame);
    connect(m_clock, &PlaybackClock::positionChanged, m_plot, &DifferencePlot::setCurrentFrame);
    connect(m_plot, &DifferencePlot::frameClicked, m_clock, [this](int frame) {
        m_clock->pause(); // a look at one frame is a stop, as a step is
        m_clock->seek(frame);
    });
    connect(m_slider, &QSlider::valueChanged, this,
        [this](int value) { setWipePosition(value / static_cast<double>(kSliderSteps)); });
    connect(m_wipeAction, &QAction::triggered, this, [this] { setMode(Mode::Wipe); });
    connect(m_differenceAction, &QAction::triggered, this, [this] { setMode(Mode::Difference); });
    connect(m_smoothAction, &QAction::toggled, this, &AbCompareView::setSmoothScaling);
    clear();
}

AbCompareView::~AbCompareView()
{
    m_measuring->fetch_add(1); // a measurement still running delivers nothing
}

void AbCompareView::setClips(
    engine::PreviewPtr a, engine::PreviewPtr b, const QString& labelA, const QString& labelB, double fps)
{
    if (!wellFormed(a) || !wellFormed(b)) {
        clear();
        return;
    }
    m_a = std::move(a);
    m_b = std::move(b);
    m_labelA = labelA;
    m_labelB = labelB;
    m_heatmapFrame = -1;
    m_heatmap = QImage();
    m_means.clear();
    m_differenceError.clear();
    if (m_a->width != m_b->width || m_a->height != m_b->height) {
        m_differenceError = tr("A is %1×%2 and B is %3×%4: only clips of one size can be differenced.")
                                .arg(m_a->width)
                                .arg(m_a->height)
                                .arg(m_b->width)
                                .arg(m_b->height);
        m_measuring->fetch_add(1); // an answer for earlier clips is dropped
        m_plot->setCaption(tr("Sizes differ"));
    } else {
        measureDifferences();
    }
    m_plot->setValues(m_means);
    m_shown = 0;
    m_clock->pause();
    m_clock->setFrameCount(frameCount());
    m_clock->setFps(fps);
    m_clock->setLoop(true);
    m_clock->seek(0);
    m_plot->setCurrentFrame(0);
    updateControls();
    m_canvas->update();
    m_clock->play();
}

// Every byte of both clips is read (a second or so for long 720p takes): on
// the thread pool, so the view plays at once and the plot fills in; an answer
// for clips no longer shown is dropped.
void AbCompareView::measureDifferences()
{
    const quint64 request = m_measuring->fetch_add(1) + 1;
    m_plot->setCaption(tr("Measuring |A − B| per frame…"));
    QPointer<AbCompareView> self(this);
    auto newest = m_measuring;
    QThreadPool::globalInstance()->start([self, newest, request, a = m_a, b = m_b] {
        std::vector<double> means;
        try {
            means = meanDifferencePerFrame(*a, *b);
        } catch (const std::exception&) {
            // setClips checked the sizes: nothing to plot
        }
        if (newest->load() != request)
            return; // overtaken: other clips are shown now
        QMetaObject::invokeMethod(
            self.data(),
            [self, newest, request, means = std::move(means)] {
                AbCompareView* view = self.data();
                if (!view || newest->load() != request)
                    return;
                view->m_means = means;
                view->m_plot->setValues(view->m_means);
                view->m_plot->setCurrentFrame(view->m_shown); // it played on while measured
                view->m_plot->setCaption(tr("Mean |A − B| per frame"));
                view->m_canvas->update();
                emit view->differencesMeasured();
            },
            Qt::QueuedConnection);
    });
}

bool AbCompareView::isMeasuring() const
{
    return m_a && m_b && m_differenceError.isEmpty() && m_means.empty();
}

void AbCompareView::clear()
{
    m_measuring->fetch_add(1);
    m_clock->pause();
    m_clock->setFrameCount(0);
    m_a = nullptr;
    m_b = nullptr;
    m_labelA.clear();
    m_labelB.clear();
    m_means.clear();
    m_differenceError.clear();
    m_heatmap = QImage();
    m_heatmapFrame = -1;
    m_shown = 0;
    m_plot->setValues({});
    updateControls();
    m_canvas->update();
}

int AbCompareView::frameCount() const
{
    return m_a && m_b ? std::max(m_a->frames, m_b->frames) : 0;
}

void AbCompareView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    updateControls();
    m_canvas->update();
    emit modeChanged(mode);
}

void AbCompareView::setWipePosition(double position)
{
    position = std::isfinite(position) ? std::clamp(position, 0.0, 1.0) : 0.5;
    if (position == m_wipe)
        return;
    m_wipe = position;
    {
        const QSignalBlocker quiet(m_slider); // following the position is not a move
        m_slider->setValue(static_cast<int>(std::lround(position * kSliderSteps)));
    }
    m_canvas->update();
    emit wipePositionChanged(position);
}

void AbCompareView::setSmoothScaling(bool smooth)
{
    if (smooth == m_smooth)
        return;
    m_smooth = smooth;
    m_smoothAction->setChecked(smooth);
    m_canvas->update();
}

void AbCompareView::showFrame(int frame)
{
    frame = std::clamp(frame, 0, std::max(0, frameCount() - 1));
    if (frame == m_shown)
        return;
    m_shown = frame;
    m_plot->setCurrentFrame(frame);
    m_canvas->update();
    emit frameShown(frame);
}

QImage AbCompareView::shownDifference() const
{
    if (!m_a || !m_b || !m_differenceError.isEmpty())
        return {};
    if (m_heatmapFrame != m_shown) {
        m_heatmap = differenceHeatmap(*m_a, *m_b, m_shown);
        m_heatmapFrame = m_shown;
    }
    return m_heatmap;
}

QRectF AbCompareView::frameRect() const
{
    if (!m_a)
        return {};
    const QSizeF area = m_canvas->size();
    double scale = std::min(area.width() / m_a->width, area.height() / m_a->height);
    // Nearest neighbour at a whole factor keeps every clip pixel the same size.
    if (!m_smooth && scale >= 1.0)
        scale = std::floor(scale);
    const QSizeF shown(m_a->width * scale, m_a->height * scale);
    return {QPointF(std::round((area.width() - shown.width()) / 2), std::round((area.height() - shown.height()) / 2)),
        shown};
}

QImage AbCompareView::grabCanvas() const
{
    return m_canvas->grab().toImage();
}

QWidget* AbCompareView::canvas() const
{
    return m_canvas;
}

QList<QAction*> AbCompareView::playerActions() const
{
    return m_transport->playerActions() + QList<QAction*> {m_wipeAction, m_differenceAction};
}

QImage AbCompareView::frameImage(const engine::PreviewPtr& clip) const
{
    // A view of the shared bytes, not a copy: drawn at once, never kept.
    const int frame = std::min(m_shown, clip->frames - 1);
    const auto bytes = static_cast<std::size_t>(clip->width) * static_cast<std::size_t>(clip->height) * 3U;
    return QImage(clip->rgb.data() + bytes * static_cast<std::size_t>(frame), clip->width, clip->height,
        clip->width * 3, QImage::Format_RGB888);
}

void AbCompareView::paintCanvas(QPainter& painter, const QRect& area)
{
    painter.fillRect(area, kBackground);
    if (!m_a || !m_b) {
        painter.setPen(kMessage);
        painter.drawText(area.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Nothing to compare yet.\nCompare > Compare Takes (Ctrl+Shift+B) plays the selected take against "
               "its segment's newest other; right-click a take in the Project dock to pick the other one."));
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_smooth);
    const QRectF frame = frameRect();
    if (m_mode == Mode::Wipe)
        paintWipe(painter, frame);
    else
        paintDifference(painter, frame);
}

void AbCompareView::paintWipe(QPainter& painter, const QRectF& frame)
{
    const double x = frame.left() + frame.width() * m_wipe;
    painter.drawImage(frame, frameImage(m_a));
    painter.save();
    painter.setClipRect(QRectF(QPointF(x, frame.top()), frame.bottomRight()));
    painter.drawImage(frame, frameImage(m_b));
    painter.restore();

    // The line, with a dark edge so that it shows on light frames too, and a round handle.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 0, 0, 120), 4));
    painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()));
    painter.setPen(QPen(Qt::white, 2));
    painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()));
    const QPointF handle(x, frame.center().y());
    painter.setBrush(QColor(255, 255, 255, 230));
    painter.setPen(QPen(QColor(0, 0, 0, 140), 1));
    painter.drawEllipse(handle, 9, 9);
    painter.setPen(QPen(QColor(40, 40, 44), 1.5));
    painter.drawLine(handle + QPointF(-5, 0), handle + QPointF(-2, -3));
    painter.drawLine(handle + QPointF(-5, 0), handle + QPointF(-2, 3));
    painter.drawLine(handle + QPointF(5, 0), handle + QPointF(2, -3));
    painter.drawLine(handle + QPointF(5, 0), handle + QPointF(2, 3));
    painter.restore();

    paintChip(painter, tr("A  %1").arg(m_labelA), frame, Qt::AlignLeft | Qt::AlignTop);
    paintChip(painter, tr("B  %1").arg(m_labelB), frame, Qt::AlignRight | Qt::AlignTop);
}

void AbCompareView::paintDifference(QPainter& painter, const QRectF& frame)
{
    const QImage heatmap = shownDifference();
    if (heatmap.isNull()) {
        painter.setPen(kMessage);
        painter.drawText(frame.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_differenceError);
        return;
    }
    painter.drawImage(frame, heatmap);
    if (static_cast<std::size_t>(m_shown) < m_means.size()) {
        const double mean = m_means[static_cast<std::size_t>(m_shown)];
        paintChip(painter, tr("|A − B|  mean %1").arg(mean, 0, 'f', 2), frame, Qt::AlignLeft | Qt::AlignTop);
    }

    // The ramp's legend, bottom right: 0 to 255.
    const QFontMetricsF metrics(painter.font());
    const QRectF legend(frame.right() - 8 - 96, frame.bottom() - 8 - 8, 96, 8);
    if (legend.left() <= frame.left() + 8)
        return;
    QLinearGradient ramp(legend.topLeft(), legend.topRight());
    for (int i = 0; i <= 10; ++i)
        ramp.setColorAt(i / 10.0, QColor(differenceColour(i / 10.0)));
    painter.fillRect(legend.adjusted(-4, -metrics.height() - 4, 4, 4), kChipBackground);
    painter.fillRect(legend, ramp);
    painter.setPen(kChipText);
    const QRectF labels(legend.left(), legend.top() - metrics.height() - 2, legend.width(), metrics.height());
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("0"));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("255"));
}

void AbCompareView::paintChip(QPainter& painter, const QString& text, const QRectF& frame, Qt::Alignment corner)
{
    const QFontMetricsF metrics(painter.font());
    const QString shown = metrics.elidedText(text, Qt::ElideRight, std::max(40.0, frame.width() / 2 - 16));
    const QSizeF size(metrics.horizontalAdvance(shown) + 10, metrics.height() + 4);
    const double left = corner & Qt::AlignRight ? frame.right() - 6 - size.width() : frame.left() + 6;
    const QRectF box(QPointF(left, frame.top() + 6), size);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kChipBackground);
    painter.drawRoundedRect(box, 3, 3);
    painter.setPen(kChipText);
    painter.drawText(box, Qt::AlignCenter, shown);
    painter.restore();
}

void AbCompareView::dragWipeTo(double x)
{
    const QRectF frame = frameRect();
    if (frame.width() <= 0)
        return;
    setWipePosition((x - frame.left()) / frame.width());
}

void AbCompareView::updateControls()
{
    const bool any = m_a && m_b;
    m_labelAWidget->setText(any ? tr("A: %1").arg(m_labelA) : QString());
    m_labelBWidget->setText(any ? tr("B: %1").arg(m_labelB) : QString());
    m_slider->setEnabled(any && m_mode == Mode::Wipe);
    m_wipeAction->setChecked(m_mode == Mode::Wipe);
    m_differenceAction->setChecked(m_mode == Mode::Difference);
    m_canvas->setToolTip(m_mode == Mode::Wipe ? tr("Drag to move the wipe line: A on its left, B on its right")
                                              : tr("Black where A and B agree; brighter where they differ"));
}

} // namespace cosmos::widgets
