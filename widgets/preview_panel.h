// The centre of the studio window: the GL preview, its player bar and a line
// saying what is shown. While a job samples it animates the newest estimate
// of the whole clip; afterwards it plays a take, or the whole timeline.
//
//   panel->showLivePreview(preview, 12);                 // per step, from the engine bridge
//   panel->playClip(clip.frames, clip.fps, tr("Take 3"));
//   panel->playSequence({a, b, c}, 16, tr("Timeline"));  // segment after segment
#pragma once

#include <cstddef>
#include <vector>

#include <QList>
#include <QString>
#include <QWidget>

#include "engine/runner/job.h"

class QAction;
class QLabel;

namespace cosmos::widgets {

class PlaybackClock;
class PlayerBar;
class PreviewView;

class PreviewPanel : public QWidget {
    Q_OBJECT
public:
    enum class Mode {
        Empty, // nothing to show: the view's empty message
        Live, // a job is sampling: its current estimate, looping
        Clip, // one finished clip in the player
        Sequence, // several clips played as one (the timeline)
    };
    Q_ENUM(Mode)

    explicit PreviewPanel(QWidget* parent = nullptr);

    // Each sampling step's estimate of the whole clip. The first call starts
    // looping it at the clock's fps; later ones swap the frames under the
    // running animation without moving the playhead. totalSteps > 0 shows
    // "step 3/12", else "step 3"; an empty title keeps the previous one.
    void showLivePreview(engine::PreviewPtr frames, int totalSteps = 0, const QString& title = {});
    // A finished clip, played from its first frame. A null or empty clip clears the panel.
    void playClip(engine::PreviewPtr clip, double fps, const QString& title);
    // The clips one after another on one playhead (null ones are skipped).
    // Frames are not joined: each segment's own buffer is shown, so nothing is
    // copied and segments may differ in size.
    void playSequence(const std::vector<engine::PreviewPtr>& clips, double fps, const QString& title);
    void clear();

    Mode mode() const { return m_mode; }
    // Sequence: the index (into playSequence's clips) of the segment under the playhead; else -1.
    int currentSegment() const { return m_currentSegment; }
    // Sequence: the first frame of segment `index` on the playhead, -1 if it has none.
    int segmentStart(int index) const;
    QString titleText() const;

    PreviewView* view() const { return m_view; }
    PlaybackClock* clock() const { return m_clock; }
    PlayerBar* bar() const { return m_bar; }
    // For the View > Playback menu; their shortcuts work while the panel has the focus.
    QList<QAction*> playerActions() const;

signals:
    void modeChanged(cosmos::widgets::PreviewPanel::Mode mode);
    // Sequence: the playhead entered another segment (an index into playSequence's clips).
    void segmentChanged(int index);

private:
    struct Segment {
        engine::PreviewPtr clip;
        int start = 0; // first frame on the playhead
        std::size_t index = 0; // in the caller's list
    };

    void setMode(Mode mode);
    void startPlayer(int frames, double fps);
    void followClock(int frame);
    void showTitle();
    void showInfo();

    PreviewView* m_view = nullptr;
    PlaybackClock* m_clock = nullptr;
    PlayerBar* m_bar = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_info = nullptr;

    Mode m_mode = Mode::Empty;
    QString m_titleText;
    int m_liveStep = 0;
    int m_liveSteps = 0;
    std::vector<Segment> m_segments; // Sequence only, the non-empty clips
    std::size_t m_sequenceClips = 0; // Sequence: how many clips the caller gave, empty ones included
    int m_currentSegment = -1;
};

} // namespace cosmos::widgets
