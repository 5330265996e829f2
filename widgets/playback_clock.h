// The one clock of a player: which frame is current, and whether it moves.
// Views follow positionChanged; several views (a comparison board) may share
// one clock. Playing advances by elapsed time, not by timer ticks, so a busy
// GUI thread skips frames instead of slowing the clip down.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace cosmos::widgets {

class PlaybackClock : public QObject {
    Q_OBJECT
public:
    explicit PlaybackClock(QObject* parent = nullptr);

    // The position is clamped into the new range; no frames pauses.
    void setFrameCount(int frames);
    int frameCount() const { return m_frameCount; }
    // Frames per second, clamped to [kMinFps, kMaxFps]; playing goes on at the new rate from the current frame.
    void setFps(double fps);
    double fps() const { return m_fps; }
    // On (the default): playing wraps to the first frame, stepping wraps at both ends.
    // Off: playing stops on the last frame.
    void setLoop(bool loop);
    bool loop() const { return m_loop; }

    int position() const { return m_position; }
    bool isPlaying() const { return m_playing; }

    static constexpr double kMinFps = 1.0;
    static constexpr double kMaxFps = 120.0;

public slots:
    // Without loop, playing from the last frame starts again at the first.
    void play();
    void pause();
    void togglePlay();
    // Steps pause: a frame-by-frame look is a stop.
    void stepForward();
    void stepBackward();
    // Clamped; while playing, the clip goes on from there.
    void seek(int frame);
    void seekToStart() { seek(0); }
    void seekToEnd() { seek(m_frameCount - 1); }

signals:
    void positionChanged(int frame);
    void playingChanged(bool playing);
    void frameCountChanged(int frames);
    void fpsChanged(double fps);
    void loopChanged(bool loop);

private:
    void tick();
    void restartFrom(int frame); // the elapsed time now counts from this frame
    void setPosition(int frame);
    void setPlaying(bool playing);

    int m_frameCount = 0;
    double m_fps = 16.0;
    bool m_loop = true;
    int m_position = 0;
    bool m_playing = false;

    QTimer m_timer;
    QElapsedTimer m_sinceAnchor;
    int m_anchorFrame = 0;
};

} // namespace cosmos::widgets
