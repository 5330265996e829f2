#include "widgets/playback_clock.h"

#include <algorithm>
#include <cmath>

namespace cosmos::widgets {

PlaybackClock::PlaybackClock(QObject* parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackClock::tick);
}

void PlaybackClock::setFrameCount(int frames)
{
    frames = std::max(0, frames);
    if (frames == m_frameCount)
        return;
    m_frameCount = frames;
    emit frameCountChanged(frames);
    if (frames == 0)
        pause();
    const int clamped = std::clamp(m_position, 0, std::max(0, frames - 1));
    if (clamped != m_position) {
        if (m_playing)
            restartFrom(clamped);
        setPosition(clamped);
    }
}

void PlaybackClock::setFps(double fps)
{
    fps = std::clamp(std::isfinite(fps) ? fps : 16.0, kMinFps, kMaxFps);
    if (fps == m_fps)
        return;
    if (m_playing)
        tick(); // the frames due at the old rate first
    m_fps = fps;
    if (m_playing) {
        restartFrom(m_position);
        // Half a frame period: late by at most half a frame, without spinning.
        m_timer.setInterval(std::max(4, static_cast<int>(500.0 / m_fps)));
    }
    emit fpsChanged(fps);
}

void PlaybackClock::setLoop(bool loop)
{
    if (loop == m_loop)
        return;
    m_loop = loop;
    emit loopChanged(loop);
}

void PlaybackClock::play()
{
    if (m_playing || m_frameCount == 0)
        return;
    if (!m_loop && m_position >= m_frameCount - 1)
        setPosition(0);
    restartFrom(m_position);
    m_timer.start(std::max(4, static_cast<int>(500.0 / m_fps)));
    setPlaying(true);
}

void PlaybackClock::pause()
{
    if (!m_playing)
        return;
    m_timer.stop();
    setPlaying(false);
}

void PlaybackClock::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void PlaybackClock::stepForward()
{
    pause();
    if (m_frameCount == 0)
        return;
    if (m_position + 1 < m_frameCount)
        setPosition(m_position + 1);
    else if (m_loop)
        setPosition(0);
}

void PlaybackClock::stepBackward()
{
    pause();
    if (m_frameCount == 0)
        return;
    if (m_position > 0)
        setPosition(m_position - 1);
    else if (m_loop)
        setPosition(m_frameCount - 1);
}

void PlaybackClock::seek(int frame)
{
    frame = std::clamp(frame, 0, std::max(0, m_frameCount - 1));
    if (m_playing)
        restartFrom(frame);
    setPosition(frame);
}

void PlaybackClock::tick()
{
    if (!m_playing || m_frameCount == 0)
        return;
    const auto advanced
        = static_cast<long long>(std::floor(static_cast<double>(m_sinceAnchor.elapsed()) * m_fps / 1000.0));
    long long frame = m_anchorFrame + advanced;
    if (frame >= m_frameCount) {
        if (m_loop) {
            frame %= m_frameCount;
        } else {
            setPosition(m_frameCount - 1);
            pause();
            return;
        }
    }
    setPosition(static_cast<int>(frame));
}

void PlaybackClock::restartFrom(int frame)
{
    m_anchorFrame = frame;
    m_sinceAnchor.start();
}

void PlaybackClock::setPosition(int frame)
{
    if (frame == m_position)
        return;
    m_position = frame;
    emit positionChanged(frame);
}

void PlaybackClock::setPlaying(bool playing)
{
    if (playing == m_playing)
        return;
    m_playing = playing;
    emit playingChanged(playing);
}

} // namespace cosmos::widgets
