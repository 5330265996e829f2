#include "widgets/clock_transport.h"

#include <algorithm>

#include <QAction>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include "widgets/playback_clock.h"

namespace cosmos::widgets {

ClockTransport::ClockTransport(PlaybackClock* clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    m_play = makeAction(tr("Play"), Qt::Key_Space, tr("Play"));
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_stepBackward = makeAction(tr("Previous Frame"), Qt::Key_Left, tr("Previous frame"));
    m_stepBackward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_stepForward = makeAction(tr("Next Frame"), Qt::Key_Right, tr("Next frame"));
    m_stepForward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_toStart = makeAction(tr("First Frame"), Qt::Key_Home, tr("First frame"));
    m_toStart->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_toEnd = makeAction(tr("Last Frame"), Qt::Key_End, tr("Last frame"));
    m_toEnd->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_loop = makeAction(tr("Loop"), Qt::Key_L, tr("Loop: start again after the last frame"));
    m_loop->setCheckable(true);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setToolTip(tr("Drag to scrub; every clip follows"));
    m_slider->setFocusPolicy(Qt::NoFocus); // Left/Right step frames, whoever has the focus
    m_frameLabel = new QLabel(this);
    m_frameLabel->setToolTip(tr("Frame shown / frames of the longest clip"));
    m_frameLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_frameLabel->setMinimumWidth(m_frameLabel->fontMetrics().horizontalAdvance(QStringLiteral("0000 / 0000")));
    m_fps = new QDoubleSpinBox(this);
    m_fps->setRange(PlaybackClock::kMinFps, PlaybackClock::kMaxFps);
    m_fps->setDecimals(1);
    m_fps->setSuffix(tr(" fps"));
    m_fps->setToolTip(tr("Playback speed in frames per second"));
    m_fps->setKeyboardTracking(false);

    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(4, 2, 4, 2);
    m_layout->setSpacing(2);
    for (auto* action : {m_toStart, m_stepBackward, m_play, m_stepForward, m_toEnd})
        addButton(action);
    m_layout->addWidget(m_slider, 1);
    m_layout->addWidget(m_frameLabel);
    m_layout->addSpacing(6);
    m_layout->addWidget(m_fps);
    addButton(m_loop);

    connect(m_play, &QAction::triggered, m_clock, &PlaybackClock::togglePlay);
    connect(m_stepBackward, &QAction::triggered, m_clock, &PlaybackClock::stepBackward);
    connect(m_stepForward, &QAction::triggered, m_clock, &PlaybackClock::stepForward);
    connect(m_toStart, &QAction::triggered, m_clock, &PlaybackClock::seekToStart);
    connect(m_toEnd, &QAction::triggered, m_clock, &PlaybackClock::seekToEnd);
    connect(m_loop, &QAction::toggled, m_clock, &PlaybackClock::setLoop);
    connect(m_fps, &QDoubleSpinBox::valueChanged, m_clock, &PlaybackClock::setFps);
    connect(m_slider, &QSlider::valueChanged, m_clock, &PlaybackClock::seek);
    // Scrubbing holds the clips still; they play on from where it was let go.
    connect(m_slider, &QSlider::sliderPressed, this, [this] {
        m_resumeAfterScrub = m_clock->isPlaying();
        m_clock->pause();
    });
    connect(m_slider, &QSlider::sliderReleased, this, [this] {
        if (m_resumeAfterScrub)
            m_clock->play();
        m_resumeAfterScrub = false;
    });

    connect(m_clock, &PlaybackClock::playingChanged, this, &ClockTransport::showPlaying);
    connect(m_clock, &PlaybackClock::positionChanged, this, &ClockTransport::showPosition);
    connect(m_clock, &PlaybackClock::frameCountChanged, this, &ClockTransport::showFrameCount);
    connect(m_clock, &PlaybackClock::loopChanged, m_loop, &QAction::setChecked);
    connect(m_clock, &PlaybackClock::fpsChanged, this, [this](double fps) {
        const QSignalBlocker quiet(m_fps);
        m_fps->setValue(fps);
    });

    m_loop->setChecked(m_clock->loop());
    {
        const QSignalBlocker quiet(m_fps);
        m_fps->setValue(m_clock->fps());
    }
    showPlaying(m_clock->isPlaying());
    showFrameCount(m_clock->frameCount());
}

QList<QAction*> ClockTransport::playerActions() const
{
    return QList<QAction*> {m_play, m_stepBackward, m_stepForward, m_toStart, m_toEnd, m_loop} + m_trailing;
}

void ClockTransport::addTrailingAction(QAction* action)
{
    m_trailing << action;
    addButton(action);
}

QString ClockTransport::withShortcut(const QString& tip, const QKeySequence& shortcut)
{
    return tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText));
}

QAction* ClockTransport::makeAction(const QString& text, const QKeySequence& shortcut, const QString& tip)
{
    auto* action = new QAction(text, this);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(withShortcut(tip, shortcut));
    return action;
}

void ClockTransport::addButton(QAction* action)
{
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setToolButtonStyle(action->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonIconOnly);
    m_layout->addWidget(button);
}

void ClockTransport::showPlaying(bool playing)
{
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setToolTip(withShortcut(playing ? tr("Pause") : tr("Play"), m_play->shortcut()));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void ClockTransport::showPosition(int frame)
{
    {
        const QSignalBlocker quiet(m_slider); // following the clock is not a seek
        m_slider->setValue(frame);
    }
    const int frames = m_clock->frameCount();
    m_frameLabel->setText(tr("%1 / %2").arg(frames > 0 ? frame + 1 : 0).arg(frames));
}

void ClockTransport::showFrameCount(int frames)
{
    {
        const QSignalBlocker quiet(m_slider);
        m_slider->setRange(0, std::max(0, frames - 1));
        m_slider->setPageStep(std::max(1, frames / 10));
    }
    for (auto* action : {m_play, m_stepBackward, m_stepForward, m_toStart, m_toEnd})
        action->setEnabled(frames > 0);
    m_slider->setEnabled(frames > 1);
    showPosition(m_clock->position());
}

} // namespace cosmos::widgets
