#include "widgets/preview_panel.h"

#include <algorithm>

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "widgets/playback_clock.h"
#include "widgets/player_bar.h"
#include "widgets/preview_view.h"

namespace cosmos::widgets {

PreviewPanel::PreviewPanel(QWidget* parent) : QWidget(parent)
{
    m_clock = new PlaybackClock(this);
    m_view = new PreviewView(this);
    m_bar = new PlayerBar(m_clock, m_view, this);
    addActions(m_bar->playerActions()); // their shortcuts live while the focus is in the panel

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_info = new QLabel(this);
    m_info->setTextFormat(Qt::PlainText);
    m_info->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_info->setToolTip(tr("Size, length and speed of what is shown"));

    auto* header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 6, 2);
    header->addWidget(m_title, 1);
    header->addWidget(m_info);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_bar);

    connect(m_clock, &PlaybackClock::positionChanged, this, &PreviewPanel::followClock);
    connect(m_clock, &PlaybackClock::fpsChanged, this, &PreviewPanel::showInfo);
    showTitle();
    showInfo();
}

void PreviewPanel::showLivePreview(engine::PreviewPtr frames, int totalSteps, const QString& title)
{
    if (!frames || frames->frames <= 0)
        return;
    if (!title.isEmpty())
        m_titleText = title;
    m_liveStep = frames->step;
    m_liveSteps = totalSteps;
    if (m_mode != Mode::Live) {
        if (title.isEmpty())
            m_titleText = tr("Live preview");
        m_segments.clear();
        m_clock->pause();
        m_view->setFrames(std::move(frames));
        m_clock->setFrameCount(m_view->frameCount());
        m_clock->setLoop(true); // an estimate in the making loops until the take is done
        m_clock->seek(0);
        m_clock->play();
        setMode(Mode::Live);
    } else {
        // The playhead stays: the newer estimate continues the same motion.
        m_view->setFrames(std::move(frames));
        m_clock->setFrameCount(m_view->frameCount());
    }
    followClock(m_clock->position());
    showTitle();
    showInfo();
}

void PreviewPanel::playClip(engine::PreviewPtr clip, double fps, const QString& title)
{
    if (!clip || clip->frames <= 0) {
        clear();
        return;
    }
    m_titleText = title;
    m_segments.clear();
    m_view->setFrames(std::move(clip));
    setMode(Mode::Clip);
    startPlayer(m_view->frameCount(), fps);
}

void PreviewPanel::playSequence(const std::vector<engine::PreviewPtr>& clips, double fps, const QString& title)
{
    std::vector<Segment> segments;
    int total = 0;
    for (std::size_t i = 0; i < clips.size(); ++i)
        if (clips[i] && clips[i]->frames > 0) {
            segments.push_back({clips[i], total, i});
            total += clips[i]->frames;
        }
    if (segments.empty()) {
        clear();
        return;
    }
    m_titleText = title;
    m_segments = std::move(segments);
    m_sequenceClips = clips.size();
    m_currentSegment = -1;
    m_view->setFrames(m_segments.front().clip);
    setMode(Mode::Sequence);
    startPlayer(total, fps);
}

void PreviewPanel::clear()
{
    m_clock->pause();
    m_clock->setFrameCount(0);
    m_view->setFrames(nullptr);
    m_segments.clear();
    m_currentSegment = -1;
    m_titleText.clear();
    setMode(Mode::Empty);
    showTitle();
    showInfo();
}

int PreviewPanel::segmentStart(int index) const
{
    for (const auto& segment : m_segments)
        if (static_cast<int>(segment.index) == index)
            return segment.start;
    return -1;
}

QString PreviewPanel::titleText() const
{
    return m_title->text();
}

QList<QAction*> PreviewPanel::playerActions() const
{
    return m_bar->playerActions();
}

void PreviewPanel::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    emit modeChanged(mode);
}

void PreviewPanel::startPlayer(int frames, double fps)
{
    m_clock->pause();
    m_clock->setFrameCount(frames);
    m_clock->setFps(fps);
    m_clock->seek(0);
    followClock(0); // seek(0) is silent when the playhead was there already
    m_clock->play();
    showTitle();
    showInfo();
}

void PreviewPanel::followClock(int frame)
{
    if (m_mode != Mode::Sequence) {
        m_view->showFrame(frame);
        return;
    }
    // The last segment starting at or before the frame.
    const auto after = std::upper_bound(m_segments.begin(), m_segments.end(), frame,
        [](int value, const Segment& segment) { return value < segment.start; });
    const auto& segment = after == m_segments.begin() ? m_segments.front() : *std::prev(after);
    if (m_view->frames() != segment.clip)
        m_view->setFrames(segment.clip);
    m_view->showFrame(frame - segment.start);
    const int index = static_cast<int>(segment.index);
    if (index != m_currentSegment) {
        m_currentSegment = index;
        showTitle();
        showInfo();
        emit segmentChanged(index);
    }
}

void PreviewPanel::showTitle()
{
    switch (m_mode) {
    case Mode::Empty: m_title->setText(tr("Preview")); break;
    case Mode::Live:
        m_title->setText(m_liveSteps > 0 ? tr("%1 · step %2/%3").arg(m_titleText).arg(m_liveStep).arg(m_liveSteps)
                                         : tr("%1 · step %2").arg(m_titleText).arg(m_liveStep));
        break;
    case Mode::Clip: m_title->setText(m_titleText); break;
    case Mode::Sequence:
        m_title->setText(tr("%1 · segment %2/%3")
                             .arg(m_titleText)
                             .arg(std::max(0, m_currentSegment) + 1)
                             .arg(static_cast<int>(m_sequenceClips)));
        break;
    }
}

void PreviewPanel::showInfo()
{
    const auto frames = m_view->frames();
    if (!frames) {
        m_info->clear();
        return;
    }
    m_info->setText(tr("%1×%2 · %3 frames · %4 fps")
                        .arg(frames->width)
                        .arg(frames->height)
                        .arg(m_clock->frameCount())
                        .arg(m_clock->fps(), 0, 'g', 3));
}

} // namespace cosmos::widgets
